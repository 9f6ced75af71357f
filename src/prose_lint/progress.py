"""Progress messages for waits a user would otherwise sit through in silence (a cold JVM start).

As pip and pre-commit do: only when stderr is a terminal, never with ``--quiet``
(``QUIET``, set by ``prose-lint check``), each message once per process (and
once per run: forked workers inherit what the parent already said). Warnings (:func:`warn_once`)
are printed whatever stderr is, also once per process: what this process's stderr has been told is
the process's, not any one Linter's.
"""

from __future__ import annotations

import sys
import threading

QUIET = False
_said: set[str] = set()
_warn_lock = threading.Lock()


def enabled() -> bool:
    stream = sys.stderr
    return not QUIET and stream is not None and hasattr(stream, "isatty") and stream.isatty()


def say(message: str, key: str | None = None) -> None:
    key = key or message
    if key in _said or not enabled():
        return
    _said.add(key)
    print(f"prose-lint: {message}", file=sys.stderr, flush=True)


def warn_once(key: str, message: str) -> None:
    """Print ``prose-lint: warning: <message>`` on stderr, once per process for each ``key``."""
    with _warn_lock:  # the request threads of a check may warn at the same moment
        if "warning:" + key in _said:
            return
        _said.add("warning:" + key)
    print(f"prose-lint: warning: {message}", file=sys.stderr, flush=True)

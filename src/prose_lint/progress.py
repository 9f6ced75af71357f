"""Progress messages for waits a user would otherwise sit through in silence (a cold JVM start).

As pip and pre-commit do: only when stderr is a terminal, never with ``--quiet``
(``QUIET``, set by ``prose-lint check``), each message once per process (and
once per run: forked workers inherit what the parent already said).
"""

from __future__ import annotations

import sys

QUIET = False
_said: set[str] = set()


def enabled() -> bool:
    stream = sys.stderr
    return not QUIET and stream is not None and hasattr(stream, "isatty") and stream.isatty()


def say(message: str, key: str | None = None) -> None:
    key = key or message
    if key in _said or not enabled():
        return
    _said.add(key)
    print(f"prose-lint: {message}", file=sys.stderr, flush=True)

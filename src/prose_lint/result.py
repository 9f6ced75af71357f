"""What checking one file produced: the one type shared by the engine, every executor, the steps after
linting (fixes, baselines) and the formatters.

It lives apart from ``engine.py`` so that the formatters and the baseline need not import the engine
(and with it the registry and every rule module) to write a report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from prose_lint.diagnostic import Diagnostic


@dataclass
class FileResult:
    path: str
    text: str = ""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    error: str | None = None  # the file could not be checked (unreadable, tool failure)
    properties: dict[str, Any] = field(default_factory=dict)

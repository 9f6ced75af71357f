"""Diagnostics: what a rule reports, as offsets into the document text.

Offsets are indexes into ``Document.text`` (Unicode code points, BOM removed);
lines and columns are computed only by the output layer (``positions.py``).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str) -> "Severity":
        try:
            return cls[value.strip().upper()]
        except (KeyError, AttributeError):
            raise ValueError(f"unknown severity {value!r} (allowed: error, warning, info)") from None

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement``."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True, slots=True)
class Fix:
    edits: tuple[Edit, ...]
    safe: bool = True
    description: str = ""


@dataclass(frozen=True, slots=True)
class Related:
    """Another place that explains a diagnostic (the first occurrence, the contradicted claim)."""

    start: int
    end: int
    message: str


@dataclass(frozen=True, slots=True)
class Diagnostic:
    rule: str
    severity: Severity
    start: int
    end: int
    message: str
    suggestions: tuple[str, ...] = ()
    related: tuple[Related, ...] = ()
    fix: Fix | None = None
    # Rule-specific data that formatters pass through (JSON "properties", SARIF property bag).
    properties: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def sort_key(self) -> tuple:
        return (self.start, self.end, self.rule, self.message)

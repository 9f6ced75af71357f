"""The edge where offsets become lines and columns (1-based, Unicode code points).

Every formatter builds its output from these records, so all formats agree
on every position.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from prose_lint.diagnostic import Diagnostic
from prose_lint.result import FileResult
from prose_lint.fingerprint import fingerprints
from prose_lint.positions import LineIndex


@dataclass
class Region:
    line: int
    column: int
    end_line: int
    end_column: int

    def as_dict(self) -> dict[str, int]:
        return {"line": self.line, "column": self.column, "end_line": self.end_line, "end_column": self.end_column}


@dataclass
class Record:
    path: str
    diagnostic: Diagnostic
    region: Region
    snippet: str
    fingerprint: str
    related: list[tuple[Region, str, str]] = field(default_factory=list)  # (region, message, snippet)

    @property
    def rule(self) -> str:
        return self.diagnostic.rule


def region_of(lines: LineIndex, start: int, end: int) -> Region:
    line, column = lines.line_col(start)
    end_line, end_column = lines.end_line_col(start, end)
    return Region(line, column, end_line, end_column)


def records_for(result: FileResult) -> list[Record]:
    lines = LineIndex(result.text)
    prints = fingerprints(result.text, lines, result.diagnostics)
    out = []
    for d, fp in zip(result.diagnostics, prints):
        related = [(region_of(lines, r.start, r.end), r.message, result.text[r.start : r.end]) for r in d.related]
        out.append(Record(result.path, d, region_of(lines, d.start, d.end), result.text[d.start : d.end], fp, related))
    return out


def all_records(results: Iterable[FileResult]) -> list[Record]:
    return [r for result in results for r in records_for(result)]


def fix_dict(d: Diagnostic, lines: LineIndex) -> dict[str, Any] | None:
    if d.fix is None:
        return None
    return {
        "safe": d.fix.safe,
        "edits": [{**region_of(lines, e.start, e.end).as_dict(), "replacement": e.replacement} for e in d.fix.edits],
    }

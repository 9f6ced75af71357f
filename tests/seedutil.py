"""Helpers for the seed documents (copied from ../shared/seeds into tests/fixtures/seeds).

A diagnostic matches an EXPECTED.md row when it is on that line and its region
covers the column or starts within 40 characters of it (columns are 1-based
code points).
"""

from __future__ import annotations

from pathlib import Path

from prose_lint.config import Settings
from prose_lint.engine import FileResult, Linter
from prose_lint.positions import LineIndex

SEEDS = Path(__file__).parent / "fixtures" / "seeds"
CLEAN = Path(__file__).parent / "fixtures" / "clean"


def seed_path(prefix: str) -> Path:
    """seed_path("000") -> the seed file whose name starts with 000_."""
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path


def lint(path: Path | str, select: list[str], **settings) -> FileResult:
    result = Linter(Settings(select=select, **settings)).lint_path(str(path))
    assert result.error is None, result.error
    return result


def matches(result: FileResult, line: int, col: int | None, family: str) -> list:
    """Diagnostics of ``family`` (id or prefix) that match the row (line, col); col None: any on the line."""
    index = LineIndex(result.text)
    found = []
    for d in result.diagnostics:
        if not (d.rule == family or d.rule.startswith(family + "/")):
            continue
        sl, sc = index.line_col(d.start)
        el, ec = index.end_line_col(d.start, d.end)
        if col is None:
            if sl <= line <= el:
                found.append(d)
            continue
        covers = (sl, sc) <= (line, col) < (el, max(ec, sc + 1))
        near = sl == line and abs(sc - col) <= 40
        if covers or near:
            found.append(d)
    return found


def lines_of(result: FileResult, family: str) -> list[int]:
    index = LineIndex(result.text)
    return sorted(index.line_col(d.start)[0] for d in result.diagnostics
                  if d.rule == family or d.rule.startswith(family + "/"))


def clean_files() -> list[Path]:
    return sorted(p for p in CLEAN.iterdir() if p.suffix in (".txt", ".md"))

"""The text summary line says what happened: files checked, files with problems, files that failed, files a
walk skipped (issue item 14; item 23 for the skipped files)."""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path

import pytest

from prose_lint.diagnostic import Diagnostic, Severity
from prose_lint.result import FileResult
from prose_lint.output.text import write_text
from cliutil import run_cli

ROOT = Path(__file__).resolve().parents[1]


def warning(start: int) -> Diagnostic:
    return Diagnostic("repeated-word", Severity.WARNING, start, start + 3, "'the' is repeated.")


def summary(results: list[FileResult], **options) -> str:
    out = io.StringIO()
    write_text(results, out, **options)
    return out.getvalue().splitlines()[-1]


TEXT = "The the the the end.\n"
CLEAN = FileResult("clean.md", "A clean sentence.\n")
DIRTY = FileResult("dirty.md", TEXT, [warning(0), warning(4), warning(8)])
UNREADABLE = FileResult("gone.md", error="gone.md: file not found")
# A file read and checked by every rule but one whose tool failed: its findings are kept, and it has an error.
PARTIAL = FileResult("part.md", TEXT, [warning(0), warning(4), warning(8)], error="part.md: LanguageTool is down")


@pytest.mark.parametrize("results, expected", [
    ([CLEAN], "All checks passed (1 file checked)."),
    ([CLEAN, CLEAN], "All checks passed (2 files checked)."),
    ([DIRTY, CLEAN], "Found 3 problems (3 warnings) in 1 of 2 files."),
    ([], "No files to check."),
    # was "All checks passed (0 files checked)." next to the error
    ([UNREADABLE], "No files checked; 1 file had an error (see below)."),
    ([UNREADABLE, CLEAN], "No problems found in 1 file checked; 1 file had an error (see below)."),
    ([UNREADABLE, UNREADABLE, CLEAN], "No problems found in 1 file checked; 2 files had errors (see below)."),
    # was "Found 3 problems (3 warnings) in 1 of 0 files."
    ([PARTIAL], "Found 3 problems (3 warnings) in 1 of 1 file; 1 file had an error (see below)."),
    ([DIRTY, UNREADABLE, CLEAN], "Found 3 problems (3 warnings) in 1 of 3 files; 1 file had an error (see below)."),
])
def test_the_summary_agrees_with_what_happened(results, expected):
    assert summary(results) == expected


def test_skipped_files_are_counted_by_kind():
    line = summary([CLEAN], skipped=Counter({".rst": 2, ".html": 1}))
    assert line == ("All checks passed (1 file checked). Skipped 3 files that no 'include' pattern matches "
                    "(2 .rst, 1 .html); --verbose lists them.")
    many = Counter({f".x{i}": 1 for i in range(7)} | {".rst": 3})
    assert summary([], skipped=many).endswith("(3 .rst, 1 .x0, 1 .x1, 1 .x2, 1 .x3, 3 of 3 other kinds); "
                                              "--verbose lists them.")
    assert summary([], skipped=Counter({"no extension": 1})) == (
        "No files to check. Skipped 1 file that no 'include' pattern matches (1 no extension); --verbose lists them.")


def run(*args: str, cwd: Path):
    return run_cli(*args, cwd=cwd)


def test_the_command_line_summary_with_an_unreadable_file(tmp_path):
    (tmp_path / ".prose-lint.toml").write_text('select = ["repeated-word"]\n')
    (tmp_path / "good.md").write_text("A clean sentence.\n")
    (tmp_path / "bad.md").write_text("The the end.\n")
    only_missing = run("check", "missing.md", cwd=tmp_path)
    assert only_missing.returncode == 2
    assert only_missing.stdout == "No files checked; 1 file had an error (see below).\n"
    assert "missing.md" in only_missing.stderr
    clean_and_missing = run("check", "good.md", "missing.md", cwd=tmp_path)
    assert clean_and_missing.stdout == "No problems found in 1 file checked; 1 file had an error (see below).\n"
    all_three = run("check", "good.md", "bad.md", "missing.md", cwd=tmp_path)
    assert all_three.returncode == 2
    assert all_three.stdout.splitlines()[-1] == \
        "Found 1 problem (1 warning) in 1 of 3 files; 1 file had an error (see below)."
    assert run("check", "good.md", cwd=tmp_path).stdout == "All checks passed (1 file checked).\n"
    assert run("check", "-q", "good.md", "missing.md", cwd=tmp_path).stdout == ""

"""--fix and --diff: apply the safe fixes rules offer, never touching anything else.

Two steps on a check's results: ``show_diffs`` (``--diff``) and ``apply_fixes`` (``--fix``).

Unsafe fixes (``Fix.safe=False``: the edit may change meaning, e.g. deleting a block the boilerplate
classifier calls page chrome) are applied only with ``--unsafe-fixes``, as ruff names it.

Fixes whose edits overlap an earlier fix are skipped (and reported again on
the next run). Files are written atomically in their original encoding, BOM
and line endings, through symbolic links, keeping mode, owner and group; read-only
and hard-linked files are refused unless ``--force-write``
(``prose_lint.source.write_atomically``).
"""

from __future__ import annotations

import difflib
import sys
from typing import Callable

from prose_lint.diagnostic import Diagnostic, Edit
from prose_lint.errors import ProseLintError
from prose_lint.result import FileResult


def applicable_edits(diagnostics: list[Diagnostic], unsafe: bool = False) -> tuple[list[Edit], list[Diagnostic]]:
    """Non-overlapping safe edits (and unsafe ones with ``unsafe``), and the diagnostics they fix."""
    edits: list[Edit] = []
    fixed: list[Diagnostic] = []
    taken: list[tuple[int, int]] = []
    for d in sorted(diagnostics, key=Diagnostic.sort_key):
        if d.fix is None or not (d.fix.safe or unsafe):
            continue
        spans = [(e.start, e.end) for e in d.fix.edits]
        if any(s < te and ts < e or (s == e == ts) for s, e in spans for ts, te in taken):
            continue
        taken.extend(spans)
        edits.extend(d.fix.edits)
        fixed.append(d)
    return sorted(edits, key=lambda e: (e.start, e.end)), fixed


def apply_edits(text: str, edits: list[Edit]) -> str:
    out = []
    pos = 0
    for e in edits:
        out.append(text[pos : e.start])
        out.append(e.replacement)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


def unified_diff(path: str, before: str, after: str) -> str:
    return "".join(difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), fromfile=f"a/{path}", tofile=f"b/{path}",
    ))


def _edits_of(result: FileResult, unsafe: bool) -> tuple[list[Edit], list[Diagnostic]]:
    return applicable_edits(result.diagnostics, unsafe) if result.error is None else ([], [])


def show_diffs(results: list[FileResult], unsafe: bool = False) -> bool:
    """``--diff``: each file's fixes as a unified diff on stdout; whether any file had a fix."""
    any_fix = False
    for result in results:
        edits, _ = _edits_of(result, unsafe)
        if edits:
            sys.stdout.write(unified_diff(result.path, result.text, apply_edits(result.text, edits)))
            any_fix = True
    return any_fix


def apply_fixes(results: list[FileResult], linter_of: Callable, stdin_path: str | None = None,
                unsafe: bool = False, force: bool = False) -> list[FileResult]:
    """``--fix``: write each file's fixes and lint it again with ``linter_of(path)``, the Linter of its own
    settings; standard input's fixed text goes to stdout. A file that changed while it was checked, or
    cannot be written, keeps its result with an error saying it was not fixed."""
    from prose_lint.source import Source, WriteRefused, read_source, write_atomically

    out = []
    for result in results:
        edits, fixed = _edits_of(result, unsafe)
        if not edits:
            out.append(result)
            continue
        new_text = apply_edits(result.text, edits)
        if result.path == stdin_path:
            sys.stdout.write(new_text)
            out.append(FileResult(result.path, new_text, []))
            continue
        linter = linter_of(result.path)
        try:
            source = read_source(result.path, linter.settings.max_file_size)
        except ProseLintError as exc:
            result.error = f"{exc}; not fixed"
            out.append(result)
            continue
        if source.text != result.text:
            result.error = f"{result.path}: changed while being checked; not fixed"
            out.append(result)
            continue
        try:
            write_atomically(result.path, source.encode(new_text), force=force)
        except WriteRefused as exc:
            result.error = f"{exc}; not fixed (--force-write writes it anyway)"
            out.append(result)
            continue
        except OSError as exc:
            result.error = f"{result.path}: cannot write the fixed file: {exc.strerror or exc}; left unchanged"
            out.append(result)
            continue
        print(f"prose-lint: fixed {len(fixed)} problem(s) in {result.path}", file=sys.stderr)
        out.append(linter.lint_source(Source(result.path, new_text, source.encoding, source.bom)))
    return out

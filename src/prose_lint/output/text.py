"""Human-readable output: ``path:line:col: severity rule message``.

``--show-source`` adds the source line (a window of it, for very long lines)
and carets under the region. Colour only on a terminal, never with NO_COLOR.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from typing import TextIO

from prose_lint.diagnostic import Severity
from prose_lint.result import FileResult
from prose_lint.output.records import Record, records_for
from prose_lint.positions import LineIndex

WINDOW = 100  # columns of a long line shown around the region

_COLOURS = {Severity.ERROR: "\x1b[31m", Severity.WARNING: "\x1b[33m", Severity.INFO: "\x1b[36m"}
BOLD, DIM, RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"


def _width(ch: str) -> int:
    if ch == "\t":
        return 1  # tabs are shown as one space so carets stay aligned
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def _display(text: str) -> str:
    return "".join(" " if c == "\t" else ("\ufffd" if c == "\0" else c) for c in text)


def source_excerpt(line_text: str, start_col: int, end_col: int) -> tuple[str, str]:
    """(shown line, caret line) for 1-based columns [start_col, end_col)."""
    start, end = start_col - 1, max(end_col - 1, start_col)
    lo = max(0, start - WINDOW // 3) if len(line_text) > WINDOW else 0
    hi = min(len(line_text), max(end, lo + WINDOW)) if len(line_text) > WINDOW else len(line_text)
    hi = min(hi, max(lo + WINDOW, start + 1) + 40)
    shown = line_text[lo:hi]
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(line_text) else ""
    pad = sum(_width(c) for c in line_text[lo:start]) + len(prefix)
    width = max(1, sum(_width(c) for c in line_text[start:min(end, hi)]))
    return prefix + _display(shown) + suffix, " " * pad + "^" * width


def format_record(rec: Record, lines: LineIndex | None, colour: bool, show_source: bool) -> str:
    d, r = rec.diagnostic, rec.region
    sev = str(d.severity)
    fixable = " [*]" if d.fix is not None and d.fix.safe else ""
    if colour:
        head = f"{BOLD}{rec.path}{RESET}:{r.line}:{r.column}: {_COLOURS[d.severity]}{sev}{RESET} {BOLD}{d.rule}{RESET}{fixable} {d.message}"
    else:
        head = f"{rec.path}:{r.line}:{r.column}: {sev} {d.rule}{fixable} {d.message}"
    out = [head]
    if d.suggestions:
        out.append(f"  = suggestion: {', '.join(repr(s) for s in d.suggestions[:5])}")
    for region, message, _ in rec.related:
        out.append(f"  = related: {rec.path}:{region.line}:{region.column}: {message}")
    if show_source and lines is not None:
        text = lines.line_text(r.line)
        end_col = r.end_column if r.end_line == r.line else len(text) + 1
        shown, carets = source_excerpt(text, r.column, end_col)
        gutter = f"{r.line} | "
        out.append(f"  {gutter}{shown}")
        out.append(f"  {' ' * (len(gutter) - 2)}| {(_COLOURS[d.severity] + carets + RESET) if colour else carets}")
    return "\n".join(out)


def write_text(results: list[FileResult], out: TextIO, *, colour: bool = False, show_source: bool = False,
               statistics: bool = False, summary: bool = True, skipped: Counter[str] | None = None,
               notes: list[str] | tuple[str, ...] = (), **_options) -> None:
    counts: Counter[Severity] = Counter()
    fixable = 0
    files_with = 0
    for result in results:
        recs = records_for(result)
        lines = LineIndex(result.text) if show_source else None
        if recs:
            files_with += 1
        for rec in recs:
            counts[rec.diagnostic.severity] += 1
            fixable += rec.diagnostic.fix is not None and rec.diagnostic.fix.safe
            out.write(format_record(rec, lines, colour, show_source) + "\n")
    if statistics:
        write_statistics(results, out)
    if not summary:
        return
    out.write(summary_line(results, counts, files_with, fixable, skipped=skipped, notes=notes) + "\n")


def _files(n: int) -> str:
    return f"{n} file{'s' if n != 1 else ''}"


def summary_line(results: list[FileResult], counts: Counter[Severity], files_with: int, fixable: int = 0, *,
                 skipped: Counter[str] | None = None, notes: list[str] | tuple[str, ...] = ()) -> str:
    """What happened, and nothing else: how many files were checked, how many have problems, how many
    had an error (unreadable, or a rule's tool failed: the errors follow on stderr), what a walk skipped, and what was not
    checked at all (``notes``: grammar without LanguageTool)."""
    total = sum(counts.values())
    failed = sum(1 for r in results if r.error is not None)
    checked = len(results) - failed
    if total:
        parts = [f"{counts[s]} {str(s)}{'s' if counts[s] != 1 and s != Severity.INFO else ''}"
                 for s in (Severity.ERROR, Severity.WARNING, Severity.INFO) if counts[s]]
        line = f"Found {total} problem{'s' if total != 1 else ''} ({', '.join(parts)}) in {files_with} of {_files(len(results))}"
    elif failed and checked:
        line = f"No problems found in {_files(checked)} checked"
    elif failed:
        line = "No files checked"
    elif checked:
        line = f"All checks passed ({_files(checked)} checked)"
    else:
        line = "No files to check"
    if failed:
        line += f"; {_files(failed)} had {'an error' if failed == 1 else 'errors'} (see below)"
    line += "."
    if fixable:
        line += f" {fixable} fixable with --fix."
    for note in notes:
        line += f" {note}"
    if skipped:
        n = sum(skipped.values())
        kinds = sorted(skipped.items(), key=lambda kv: (-kv[1], kv[0]))
        shown = [f"{count} {kind}" for kind, count in (kinds if len(kinds) <= 6 else kinds[:5])]
        if len(kinds) > 6:
            shown.append(f"{sum(c for _, c in kinds[5:])} of {len(kinds) - 5} other kind{'s' if len(kinds) > 6 else ''}")
        line += (f" Skipped {_files(n)} that no 'include' pattern matches ({', '.join(shown)}); "
                 "--verbose lists them.")
    return line


def write_statistics(results: list[FileResult], out: TextIO) -> None:
    """Per-rule counts, and each file's document summary (readability) when a rule published one."""
    per_rule: Counter[str] = Counter(d.rule for r in results for d in r.diagnostics)
    if per_rule:
        out.write("\nDiagnostics by rule:\n")
        for rule, n in sorted(per_rule.items(), key=lambda kv: (-kv[1], kv[0])):
            out.write(f"  {n:6d}  {rule}\n")
    for result in results:
        if result.properties:
            out.write(f"\n{result.path}:\n")
            for group, values in sorted(result.properties.items()):
                if isinstance(values, dict):
                    shown = ", ".join(f"{k} {v:.1f}" if isinstance(v, float) else f"{k} {v}"
                                      for k, v in values.items() if not isinstance(v, (dict, list)))
                    out.write(f"  {group}: {shown}\n")
                else:
                    out.write(f"  {group}: {values}\n")

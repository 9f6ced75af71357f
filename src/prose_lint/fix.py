"""--fix and --diff: apply the safe fixes rules offer, never touching anything else.

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

from prose_lint.diagnostic import Diagnostic, Edit


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

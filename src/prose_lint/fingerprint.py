"""Stable fingerprints for baselines and SARIF partialFingerprints.

A fingerprint depends on the rule, the flagged text and the text of its line,
plus how many identical (rule, text, line) findings came before it in the
file: not on line numbers, so edits elsewhere in the file do not change it.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from typing import Iterable

from prose_lint.diagnostic import Diagnostic
from prose_lint.positions import LineIndex


def _norm(text: str, limit: int = 200) -> str:
    return " ".join(text.split())[:limit]


def fingerprints(text: str, lines: LineIndex, diagnostics: Iterable[Diagnostic]) -> list[str]:
    seen: Counter[str] = Counter()
    result = []
    for d in diagnostics:
        line = lines.line_of(d.start)
        s, e = lines.line_span(line)
        key = "\0".join((d.rule, _norm(text[d.start : d.end]), _norm(text[s:e], 400)))
        digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]
        seen[digest] += 1
        result.append(f"{digest}:{seen[digest]}")
    return result

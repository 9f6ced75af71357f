"""The concluding, summing-up and restatement markers of duplicated-conclusion and the introduction
phrases of a conclusion that reads as an introduction (data: rules/lexicons/conclusion.toml)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from prose_lint.document import Document

_LEADING = " \t*_>\"“‘'([-–—•"
_LEX: Lexicon | None = None


@dataclass
class Lexicon:
    final: re.Pattern[str]
    summary: re.Pattern[str]
    restate: re.Pattern[str]  # final, summary and restatement markers: "To repeat,", "Put simply,"
    intro_strong: list[re.Pattern[str]]
    intro_weak: list[re.Pattern[str]]


def lexicon() -> Lexicon:
    global _LEX
    if _LEX is None:
        from prose_lint.lexicon import load_lexicon

        data = load_lexicon("conclusion")

        def markers(words: list[str]) -> re.Pattern[str]:
            alts = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
            return re.compile(rf"(?:(?:and|so|finally|thus|hence),?\s+)?(?:{alts})\b[,:]?", re.I)

        _LEX = Lexicon(
            final=markers(data["markers"]["final"]),
            summary=markers(data["markers"]["summary"]),
            restate=markers(data["markers"]["final"] + data["markers"]["summary"] + data["markers"].get("restate", [])),
            intro_strong=[re.compile(p, re.I) for p in data["introduction"]["strong"]],
            intro_weak=[re.compile(p, re.I) for p in data["introduction"]["weak"]],
        )
    return _LEX


def sentence_marker(doc: Document, start: int, end: int, pattern: re.Pattern[str]) -> tuple[int, int] | None:
    s = start
    while s < end and doc.prose[s] in _LEADING:
        s += 1
    m = pattern.match(doc.prose, s, end)
    return (m.start(), m.end()) if m else None

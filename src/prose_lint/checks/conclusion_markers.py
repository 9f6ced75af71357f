"""The concluding, summing-up and restatement markers of duplicated-conclusion and the introduction
phrases of a conclusion that reads as an introduction (data: rules/lexicons/conclusion.toml)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from prose_lint.document import Document

_LEADING = " \t*_>\"“‘'([-–—•"
_LEX: Lexicon | None = None
_LEAD = r"(?:(?:and|so|finally|thus|hence),?\s+)?"  # "And so, in short, ..."


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

        def alternatives(words: list[str]) -> str:
            return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))

        def markers(words: list[str]) -> re.Pattern[str]:
            return re.compile(rf"{_LEAD}(?:{alternatives(words)})\b[,:]?", re.I)

        concluding = data["markers"]["final"] + data["markers"]["summary"]
        # A restating marker is ordinary English without its comma: "In all my acts", "Again we see",
        # "That is why"; it counts followed by a comma, a colon or "that" ("The upshot is that").
        restating = [w for w in data["markers"].get("restate", []) if w not in concluding]
        _LEX = Lexicon(
            final=markers(data["markers"]["final"]),
            summary=markers(data["markers"]["summary"]),
            restate=re.compile(rf"{_LEAD}(?:(?:{alternatives(concluding)})\b[,:]?"
                               rf"|(?:{alternatives(restating)})(?:\s*[,:]|(?=\s+that\b)))", re.I),
            intro_strong=[re.compile(p, re.I) for p in data["introduction"]["strong"]],
            intro_weak=[re.compile(p, re.I) for p in data["introduction"]["weak"]],
        )
    return _LEX


def sentence_marker(doc: Document, start: int, end: int, pattern: re.Pattern[str]) -> tuple[int, int] | None:
    """The span of ``pattern``'s marker opening ``prose[start:end]``, or None. Remembered per document:
    paraphrase, duplicated-conclusion and its restatement test ask for the same sentences (a case-blind
    alternation of every marker, tried at each sentence)."""
    memo = doc.memo("conclusion-markers", lambda _doc: {})
    # by id: a compiled pattern's hash is computed from its code every time (11 us for these alternations);
    # the patterns are the lexicon's, alive as long as the process
    key = (id(pattern), start, end)
    if key in memo:
        return memo[key]
    s = start
    while s < end and doc.prose[s] in _LEADING:
        s += 1
    m = pattern.match(doc.prose, s, end)
    found = memo[key] = (m.start(), m.end()) if m else None
    return found

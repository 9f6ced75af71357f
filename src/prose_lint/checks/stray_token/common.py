"""Helpers shared by the stray-token rules: lexicon, word frequencies, quotes, italics, references."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Iterable

from prose_lint.document import Block, Document

# Words for the stray-token rules (apostrophes inside, no hyphens: compounds are split).
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


@lru_cache(maxsize=1)
def _lex() -> dict:
    from prose_lint.lexicon import load_lexicon

    raw = load_lexicon("stray_token")
    phrases = sorted({p.lower() for p in raw.get("loan_phrases", [])}, key=len, reverse=True)
    loan_re = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in phrases) + r")(?!\w)", re.I) if phrases else None
    return {
        "loan_re": loan_re,
        "homographs": frozenset(w.lower() for w in raw.get("english_homographs", [])),
        "non_final": frozenset(w.lower() for w in raw.get("non_final_words", [])),
        "label_words": frozenset(w.lower() for w in raw.get("label_words", [])),
        "common_codes": frozenset(w.lower() for w in raw.get("common_codes", [])),
    }


_ZIPF_CACHE: dict[str, dict[str, float]] = {}  # language -> word -> Zipf frequency


def _zipf(word: str, lang: str) -> float:
    """wordfreq Zipf frequency. English uses the large list (rare English words matter); other
    languages the small one (only their frequent words matter): 10 ms and a few MB per language
    instead of 0.1-0.3 s and ~40 MB."""
    table = _ZIPF_CACHE.get(lang)
    if table is None:
        table = _ZIPF_CACHE[lang] = {}
    value = table.get(word)
    if value is None:
        from wordfreq import zipf_frequency

        value = table[word] = zipf_frequency(word, lang, wordlist="best" if lang == "en" else "small")
    return value


def _zipf_table(lang: str) -> dict[str, float]:
    """The cache of ``_zipf`` for one language, for loops that look up every word (``.get`` first)."""
    return _ZIPF_CACHE.setdefault(lang, {})


def _primary(language: str) -> str:
    return (language or "en").split("-")[0].split("_")[0].lower() or "en"


class _BlockIndex:
    """Offset -> block, by bisection."""

    def __init__(self, doc: Document) -> None:
        self.blocks = sorted(doc.blocks, key=lambda b: b.start)
        self.starts = [b.start for b in self.blocks]

    def at(self, offset: int) -> Block | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        while i >= 0:
            b = self.blocks[i]
            if b.start <= offset < b.end:
                return b
            if b.end <= offset and b.kind != "code":
                return None
            i -= 1
        return None


def _block_index(doc: Document) -> _BlockIndex:
    cached = doc.__dict__.get("_stray_block_index")
    if cached is None:
        cached = doc.__dict__["_stray_block_index"] = _BlockIndex(doc)
    return cached


_QUOTE_PAIRS = {"“": "”", "«": "»", "„": "“", "‘": "’", "‹": "›", "「": "」", "『": "』"}
_BACKTICKS = re.compile(r"(`+)(?:(?!\1).)+?\1", re.S)


def _quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans (document offsets) inside double quotation marks in text[start:end]."""
    spans = []
    segment = text[start:end]
    # straight double quotes: pair them in order
    opened = None
    for m in re.finditer(r'"', segment):
        if opened is None:
            opened = m.start()
        else:
            spans.append((start + opened, start + m.end()))
            opened = None
    for m in re.finditer(r"“[^“”]*”|«[^«»]*»|„[^„“”]*[“”]|「[^」]*」|‘[^‘’]{2,}?’(?!\w)", segment):
        spans.append((start + m.start(), start + m.end()))
    return spans


_EMPHASIS = re.compile(
    r"(?<![*\w])\*(?!\*|\s)([^*\n]{1,200}?)(?<!\s)\*(?!\*)"
    r"|(?<![_\w])_(?!_|\s)([^_\n]{1,200}?)(?<!\s)_(?![_\w])"
    r"|<(i|em|cite)\b[^>]*>.{1,300}?</\3\s*>",
    re.I | re.S,
)


def _italic_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + m.start(), start + m.end()) for m in _EMPHASIS.finditer(text[start:end])]


_REFERENCE_HEADING = re.compile(r"^\W*(?:\d+\.?\s*)?(?:references?|bibliography|works cited|literature cited|sources|"
                                r"further reading|notes|endnotes|参考文献)\W*$", re.I)


def _in_references(doc: Document, block: Block) -> bool:
    """Whether the block sits in a reference list section (titles there keep their own language)."""
    section = doc.sections[block.section] if block.section < len(doc.sections) else None
    return bool(section and section.heading is not None and _REFERENCE_HEADING.match(doc.heading_text(section)))


def _inside(pos: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s <= pos and end <= e for s, e in spans)


# ----------------------------------------------------------------------------
# foreign-word


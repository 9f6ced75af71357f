"""What duplicated-conclusion and duplicate-text both need: the document's abstract, reference and
conclusion sections, and the content words of a span."""

from __future__ import annotations

from dataclasses import dataclass

from prose_lint.analysis import stem, stopwords
from prose_lint.document import Document


@dataclass
class Structure:
    abstract_sections: frozenset[int]
    reference_sections: frozenset[int]
    conclusion_sections: list[int]


def structure(doc: Document) -> Structure:
    """The document's abstract, reference and conclusion sections (Document.section_roles)."""
    roles = doc.section_roles
    return Structure(doc.sections_with("abstract"), doc.sections_with("references"),
                     [i for i, r in enumerate(roles) if "conclusion" in r])


_CONTENT: dict[str, tuple[str, str] | None] = {}  # word as written -> (stem, form), None when not content
_STOP_OF_CONTENT: list = [None]  # the stop-word set _CONTENT was made with


# Distinct words whose content-word reading is kept for the process (~150 bytes each).
CONTENT_CACHE = 50_000


def content_words(doc: Document, start: int, end: int) -> list[tuple[str, str]]:
    """(stem, lower-case form) of the content words of ``prose[start:end]`` (3+ letters, not stop words)."""
    words = doc.span_words(start, end)
    return [hit for hit in map(_readings(words).__getitem__, words) if hit is not None]


def content_stems(doc: Document, start: int, end: int) -> frozenset[str]:
    """The stems of ``content_words(doc, start, end)``."""
    words = doc.span_words(start, end)
    return frozenset([hit[0] for hit in map(_readings(words).__getitem__, words) if hit is not None])


def _readings(words: list[str]) -> dict[str, tuple[str, str] | None]:
    """A mapping with the content-word reading of each of ``words``: the process cache, where each distinct
    word is lower-cased and stemmed once (both rules read every sentence), or, once the cache is full, a
    dict of these words alone."""
    stop = stopwords()
    if _STOP_OF_CONTENT[0] is not stop:
        _CONTENT.clear()
        _STOP_OF_CONTENT[0] = stop
    cache = _CONTENT
    new = set(words).difference(cache)  # C speed: most words of a span are known
    if len(new) > CONTENT_CACHE - len(cache):
        return {w: cache[w] if w in cache else _reading(w, stop) for w in set(words)}
    for word in new:
        cache[word] = _reading(word, stop)
    return cache


def _reading(word: str, stop: frozenset[str]) -> tuple[str, str] | None:
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    return None if len(w) < 3 or w in stop else (stem(w), word if w == word else w)  # no second copy

"""Candidate earlier statements for a sentence, from an inverted index of key terms (bounded postings: the
work per sentence does not grow with the document)."""

from __future__ import annotations

from collections import Counter, _count_elements  # type: ignore[attr-defined]
from typing import Iterable

from .filters import DISABLED
from .sentences import _Sent
from .synonyms import synonyms_of


_MAX_POSTINGS = 400  # candidate earlier sentences looked at per key term (bounded: linear overall)


_PAIR_POSTINGS = 60  # the most recent earlier sentences per key term (the rarest terms are asked first)
_K_CANDIDATES = 4  # earlier sentences scored per sentence (the most similar by shared terms)


def _candidates(s: _Sent, sents: list[_Sent], index: dict[str, list[int]], terms: Iterable[str],
                evidence: bool = True, min_shared: int = 1, quoting: bool = False,
                every: bool = False) -> list[_Sent]:
    """Earlier sentences sharing the terms (inverted index; bounded postings) that can serve as the
    earlier statement: plain assertions, or statements attributed to data ("according to the survey")."""
    seen: dict[int, int] = {}
    for term in terms:
        for i in index.get(term, ())[-_MAX_POSTINGS:]:
            seen[i] = seen.get(i, 0) + 1
    return [sents[i] for i in sorted(seen)
            if seen[i] >= min_shared and (every or sents[i].usable or (evidence and sents[i].evidence)
                                          or (quoting and sents[i].quoted_only))]


def _pairable(s: _Sent) -> bool:
    return not (s.question and "question" not in DISABLED) and (s.prose or "non-prose" in DISABLED) and \
        (s.complete or "fragment" in DISABLED) and not (s.exhortation and "exhortation" not in DISABLED)


def _pair_candidates(s: _Sent, sents: list[_Sent], index: dict[str, list[int]], df: Counter) -> list[_Sent]:
    """The earlier sentences most like ``s``: those sharing its rarest key terms (content stems and names) in
    the inverted index, at most _MAX_POSTINGS per term, ranked by shared terms; the best _K_CANDIDATES."""
    # The rarest terms first, alphabetically among equals: sorted by term, then (a stable sort) by frequency.
    key = sorted(sorted(s.content | s.entities), key=df.__getitem__)[:8]
    if len(key) < 2:
        return []
    recent: list[int] = []
    for term in key:
        found = index.get(term, ())[-_PAIR_POSTINGS:]
        synonyms = synonyms_of(term)
        if synonyms:  # "speak" finds "talk"; a sentence counts once per term
            found = set(found).union(*(index.get(other, ())[-_PAIR_POSTINGS:] for other in synonyms))
        recent += found
    seen: dict[int, int] = {}
    _count_elements(seen, recent)  # counted in C, without Counter's own Python-level set-up (32k calls a corpus)
    need = 2 if len(key) <= 4 else 3
    ranked = [(n, i) for i, n in seen.items() if n >= need]
    ranked.sort(reverse=True)
    out = []
    for _, i in ranked[: 3 * _K_CANDIDATES]:
        e = sents[i]
        shared = len(e.content & s.content)
        cov = shared / max(1, min(len(e.content), len(s.content)))
        if cov >= 0.5 or "min-coverage" in DISABLED:
            # Among equal coverage, the statement most like ``s`` as a whole (Jaccard) comes first: a short
            # sentence that a long one happens to cover is not a restatement.
            out.append((cov, shared / max(1, len(e.content | s.content)), e))
    out.sort(key=lambda x: (-x[0], -x[1], -x[2].index))
    return [e for _, _, e in out[:_K_CANDIDATES]]

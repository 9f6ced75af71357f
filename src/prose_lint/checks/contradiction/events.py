"""Dated one-time events of a sentence ("founded in 1998", "Opened in 1931, the town library ..."): the
event, its year and whose it is."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING


from .lexicon import _lexicon, _stem, claim_stopwords

if TYPE_CHECKING:
    from .sentences import _Sent

_YEAR = re.compile(r"^(?:1[5-9]\d\d|20\d\d)$")
_DECADE = re.compile(r"^(?:1[5-9]|20)\d0s$")  # "the 1850s" (claims._NUM): a time, compared like a year


def within_decade(a: str, b: str) -> bool:
    """One figure is a decade and the other one of its years, or the same decade ("1850s" / "1857")."""
    return (a.endswith("s") or b.endswith("s")) and a[:3] == b[:3]


def same_time(a: str, b: str) -> bool:
    """Two years or decades of an event that agree: the same, or a year of the decade ("1880s" / "1885")."""
    return a == b or within_decade(a, b)


def pronoun_subject(subj) -> bool:
    """An event's subject that is a personal pronoun ("@she", ``_event_years``), not a name."""
    return isinstance(subj, str) and subj.startswith("@")


def _opening_subject(after: list[str]) -> tuple[str, ...] | None:
    """The stems of the noun phrase after an opening participle ("Opened in 1931, the town library holds
    ..." -> ("town", "librari")): up to three words, to the first function word; which of them is the head
    is not known, so another statement's subject ("The town library was opened ...": "librari") is the
    same when it is one of them (explicit.same_event_subject)."""
    stop = claim_stopwords()
    words = []
    for w in after:
        if w in ("the", "a", "an", "its", "this") and not words:
            continue
        if not w.isalpha() or w in stop or len(words) == 3:
            break
        words.append(_stem(w))
    return tuple(words) or None


_PERSONAL = frozenset({"he", "she", "it", "they"})


def _event_years(s: _Sent, lex) -> list[tuple[str, str, str | tuple[str, ...] | None]]:
    """(event, year, subject) for each "founded in 1998"-like phrase: the subject's stem, the words of a noun
    phrase after an opening participle (a tuple), "@she" for a personal pronoun, or None."""
    out = []
    for i, t in enumerate(s.tokens):
        event = lex["events"].get(t)
        if event is None:
            continue
        year = next((w for w in s.tokens[i + 1: i + 5] if _YEAR.match(w) or _DECADE.match(w)), None)
        if year is None:
            continue
        subj = None
        for j in range(i - 1, max(-1, i - 7), -1):
            w = s.tokens[j]
            if w in _lexicon()["pronouns"] and w not in ("the", "a", "an", "which", "that", "who"):
                subj = "@" + w if w in _PERSONAL else None  # "She died in 1953": whose, the document tells
                break
            if w in ("was", "were", "is", "been", "be", "since", "its", "his", "her", "their", "of", "in", "after",
                     "the", "a", "an", "which", "that", "who"):
                continue
            if not w.isdigit():
                subj = _stem(w)
                break
        if i == 0:  # "Founded in 1988, the center ...": the subject follows the opening phrase
            after = s.tokens[s.tokens.index(year, i) + 1:]
            subj = _opening_subject(after)
        out.append((event, year, subj))
    return out

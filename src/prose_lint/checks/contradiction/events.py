"""Dated one-time events of a sentence ("founded in 1998", "Opened in 1931, the town library ..."): the
event, its year and whose it is."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING


from .lexicon import _lexicon, _stem, claim_stopwords

if TYPE_CHECKING:
    from .sentences import _Sent

_YEAR = re.compile(r"^(?:1[5-9]\d\d|20\d\d)$")


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


def _event_years(s: _Sent, lex) -> list[tuple[str, str, str | tuple[str, ...] | None]]:
    """(event, year, subject stem or None for a pronoun) for each "founded in 1998"-like phrase."""
    out = []
    for i, t in enumerate(s.tokens):
        event = lex["events"].get(t)
        if event is None:
            continue
        year = next((w for w in s.tokens[i + 1: i + 5] if _YEAR.match(w)), None)
        if year is None:
            continue
        subj = None
        for j in range(i - 1, max(-1, i - 7), -1):
            w = s.tokens[j]
            if w in _lexicon()["pronouns"] and w not in ("the", "a", "an", "which", "that", "who"):
                subj = None
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

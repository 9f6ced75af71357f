"""The opening adverbial or discourse marker of a statement ("In fact,", "Officially,", "At no point"): it says
how the claim is made, not what it is about, so the comparisons leave it out."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .claims import _CLAIM_TOKEN

if TYPE_CHECKING:
    from .sentences import _Sent


# Each word is spelt one way only (a letter, then letters up to one apostrophe/hyphen, or word characters):
# "[^\W\d_]+['’-]?\w*" split every word in all possible ways and backtracked exponentially (0.5 s on seed 000).
_OPENING = re.compile(r"^\W*(?:[^\W\d_](?:[^\W\d_]*['’-]\w*|\w*)\s+){0,5}[^\W\d_](?:[^\W\d_]*['’]\w*|\w*)\s*[,:]\s")
# A frame that asserts its complement clause: the extraposed "It is true that ...", "It is worth noting that ...",
# "It has been established that ...", and the specificational "The fact is (that) ...", "The truth is ..." (CGEL
# 16.3: extraposition; 16.8: specifying "be"). The claim is the clause after it.
_FRAME = re.compile(r"^\W*(?:it\s+(?:is|was|has\s+been|remains)\s+(?:[^\W\d_]+\s+){1,3}that"
                    r"|the\s+(?:[^\W\d_]+\s+)?(?:fact|truth|reality|point)\s+(?:is|was|remains)(?:\s+that)?)\s",
                    re.I)
_NO_POINT = re.compile(r"\b(?:at|by)\s+no\s+(?:point|time|stage)\b|\bno\s+(?:one|longer)\b", re.I)


# An opening of six words ("On the i386 and amd64 architectures,", "At the end of the day,") is an adverbial
# unless it holds one of these: then it is a clause of its own.
_SUBORDINATORS = frozenset({"if", "unless", "because", "although", "though", "whereas", "while", "when", "whenever"})


def _opening(s: _Sent) -> list[str]:
    """The tokens of an opening adverbial or discourse marker up to its comma ("In fact,", "Officially,"),
    and of "at no point": they say how the claim is made, not what it is about."""
    if s.opening is None:
        m = _OPENING.match(s.text)
        toks = [t.lower() for t in _CLAIM_TOKEN.findall(m.group(0))] if m else []
        if len(toks) > 5 and _SUBORDINATORS & set(toks):
            m, toks = None, []  # six words with "if", "because", ...: a clause ("But if thine eye be evil,")
        if not toks:
            f = _FRAME.match(s.text)
            words = [t.lower() for t in _CLAIM_TOKEN.findall(f.group(0))] if f else []
            # Not a frame that hedges, attributes or denies ("It is likely that", "It is said that", "It is not
            # true that"): those change the claim, and the rule reads them where they are.
            if words and _plain_frame(words):
                m, toks = f, words
        n = _NO_POINT.search(s.text)
        if n and (not m or n.start() >= m.end()):
            toks += [t.lower() for t in _CLAIM_TOKEN.findall(n.group(0)) if t.lower() != "no"]
        s.opening = toks
    return s.opening


def _plain_frame(words: list[str]) -> bool:
    """Every word of the frame is assertive or the frame's own (rules/lexicons/contradiction.toml
    [assertive_frames]): "It is clear that", not "It is possible that" or "It is said that"."""
    from .lexicon import _lexicon

    return _lexicon()["assertive_frames"].issuperset(words)

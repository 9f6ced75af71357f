"""Informal English that looks like a foreign function word: "im" for "I'm", eye dialect ("de feller dat")."""

from __future__ import annotations

import re

from prose_lint.checks.stray_token.common import _zipf
from prose_lint.document import Document

# words that follow "I'm" and not German "im" (which takes a noun): a negation and adverbs of degree or time
_AFTER_I_AM = frozenset("not so sure just still really gonna also always never".split())
# English contractions that informal writing spells without the apostrophe
_APOSTROPHE_LESS = re.compile(r"(?<![\w'’])(?:dont|cant|didnt|doesnt|isnt|wasnt|werent|arent|wont|wouldnt|couldnt|"
                              r"shouldnt|havent|hasnt|ive|youre|theyre|thats|whats)(?![\w'’])|(?<![\w'’.(])i(?= [a-z]{2})")


def _after_i_am(word: str) -> bool:
    """``word`` can follow "I'm" and not German "im": a present participle ("im going") or one of
    ``_AFTER_I_AM`` ("im not", "im so")."""
    lw = word.lower()
    return lw in _AFTER_I_AM or len(lw) > 4 and lw.endswith("ing") and word.islower()


def _drops_apostrophes(doc: Document) -> bool:
    """The writer spells contractions without the apostrophe elsewhere ("dont", "cant", "ive", a lowercase
    "i"): informal writing, where "im" is "I'm"."""
    return doc.memo("stray-token/apostrophe-less", lambda d: bool(_APOSTROPHE_LESS.search(d.prose)))


def _eye_dialect(word: str) -> bool:
    """A dialect spelling of a frequent English word with "d" for "th" (de, dem, dat, dis, dey): a writer
    who spells one such word usually spells several, so two in a paragraph (the other in lowercase) are
    dialect, not strays."""
    return word[:1] == "d" and len(word) <= 5 and _zipf("th" + word[1:], "en") >= 6.0 \
        and _zipf(word, "en") < 5.5

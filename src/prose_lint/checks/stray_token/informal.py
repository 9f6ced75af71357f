"""Informal English that looks like a foreign function word: "im" for "I'm", eye dialect ("de feller dat")."""

from __future__ import annotations

import re
from functools import lru_cache

from prose_lint.checks.stray_token.common import _zipf
from prose_lint.document import Document


@lru_cache(maxsize=1)
def _informal() -> tuple[frozenset[str], re.Pattern[str]]:
    """(words after "I'm" and not German "im", a pattern for the apostrophe-less contractions or a
    lowercase "i" before a word): lexicon ``after_i_am``, ``apostrophe_less``."""
    from prose_lint.lexicon import load_lexicon

    raw = load_lexicon("stray_token")
    words = "|".join(re.escape(w) for w in raw.get("apostrophe_less", [])) or "(?!)"
    pattern = re.compile(r"(?<![\w'’])(?:" + words + r")(?![\w'’])|(?<![\w'’.(])i(?= [a-z]{2})")
    return frozenset(raw.get("after_i_am", [])), pattern


def _after_i_am(word: str) -> bool:
    """``word`` can follow "I'm" and not German "im": a present participle ("im going") or one of
    lexicon ``after_i_am`` ("im not", "im so")."""
    lw = word.lower()
    return lw in _informal()[0] or len(lw) > 4 and lw.endswith("ing") and word.islower()


def _drops_apostrophes(doc: Document) -> bool:
    """The writer spells contractions without the apostrophe elsewhere ("dont", "cant", "ive", a lowercase
    "i"): informal writing, where "im" is "I'm"."""
    return doc.memo("stray-token/apostrophe-less", lambda d: bool(_informal()[1].search(d.prose)))


def _eye_dialect(word: str) -> bool:
    """A dialect spelling of a frequent English word with "d" for "th" (de, dem, dat, dis, dey): a writer
    who spells one such word usually spells several, so two in a paragraph (the other in lowercase) are
    dialect, not strays."""
    return word[:1] == "d" and len(word) <= 5 and _zipf("th" + word[1:], "en") >= 6.0 \
        and _zipf(word, "en") < 5.5

"""stray-token/foreign-word's context tests: what stands around a candidate (an English noun's place, an
attribution line, a run of another language, a quotation, a term of the text's own)."""

from __future__ import annotations

import re

from prose_lint.checks.stray_token.common import _WORD_RE, _zipf

_GLUED_BEFORE = frozenset(")]}`´")
# a dash that opens an attribution line: "-- Mark Twain", "— Dag Hammarskjöld"
_ATTRIBUTION = re.compile(r"(?:^|\n)[ \t]*(?:--|—|―|~)[ \t]*$")


# a word the text uses this many times in lowercase before a lowercase word is one of its own terms
_OWN_TERM_USES = 3


def _own_term(prose: str, word: str) -> bool:
    """``word`` recurs in the text as a common noun or verb would ("the temps stack", "free any temps
    in"), not as part of names (Los Angeles, de Gaulle): a term of the text's own, not a stray."""
    uses = re.findall(r"(?<![\w'’-])" + re.escape(word) + r"(?![\w'’-])(?=[\s,.;:]+[a-z])", prose)
    return len(uses) >= _OWN_TERM_USES



def _sentence_break(gap: str) -> bool:
    return any(c in gap for c in ".!?:;\n\"“(«[")


def _english(word: str, lang: str, floor: float, margin: float = 0.0) -> bool:
    """An English word, not more frequent in ``lang`` than in English (by more than ``margin``)."""
    en = _zipf(word, "en")
    return en >= floor and en + margin > _zipf(word, lang)



def _foreign_sentence(prose: str, words: list, i: int, lang: str) -> bool:
    """At least two other words of the sentence are more frequent in ``lang`` than in English: running words of
    that language, in lowercase or opening the sentence. A capitalised word inside it is a name (São Paulo, Rio),
    which shows no passage of the language ("approved de committee in São Paulo")."""
    n = 0
    for j, x in enumerate(words):
        if j == i or j > 0 and not x.group().islower():
            continue
        lx = x.group().lower()
        f = _zipf(lx, lang)
        if f >= 4.0 and f > _zipf(lx, "en") + 0.5:
            n += 1
            if n >= 2:
                return True
    return False


def _mostly_english(prose: str, span: tuple[int, int], m, lang: str) -> bool:
    """Whether the quotation holding ``m`` is English apart from the candidate (an English quotation
    with a stray word), not a quotation in another language."""
    en = other = 0
    for x in _WORD_RE.finditer(prose, span[0], span[1]):
        if x.start() == m.start():
            continue
        lx = x.group().lower()
        if _zipf(lx, lang) > _zipf(lx, "en"):
            other += 1
        else:
            en += 1
    return en >= 1 and other <= en

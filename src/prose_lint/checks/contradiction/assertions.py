"""Whether a sentence is the author's own plain assertion: not a question, a quotation, a report of what
someone said, a hedge or a call to act; and how many negations it holds."""

from __future__ import annotations

import re


from .lexicon import _lexicon, claim_stopwords

_QUOTES = "“”\"«»„"
_QUOTE_RE = re.compile(f"[{_QUOTES}]")
# The leading look-ahead names every match's first letter: re then skips other positions at C speed (3x).
_NEGATION = re.compile(r"(?=[nwchb])(?:\b(?:not|no|never|none|nobody|nothing|neither|nor|without|cannot|nowhere|"
                       r"hardly|barely)\b|n['’]t\b)", re.I)
_ANSWER_NO = re.compile(r"(?=n)\bno\b(?=\s*(?:[.;,:)/|]|$))", re.I)  # "on by default: no", "yes/no"


_FIELD = re.compile(r"\b[\w-]+(?: [\w-]+)?:\s")


# Words that open a statement before "not" ("Is not ...", "Money not spent ..." has no verb first).
_NOT_AFTER = frozenset({"is", "are", "was", "were", "am", "be", "do", "does", "did", "have", "has", "had", "can",
                        "could", "will", "would", "shall", "should", "may", "might", "must", "need", "dare",
                        "ought", "if", "whether", "and", "but", "or", "though", "although", "why", "not"})


# "Let me be clear, ...", "Let's be honest: ...": a marker of the speaker's own before a statement.
_LET_MARKER = re.compile(r"^\W*let(?:['’]s|\s+(?:me|us))\s+(?:be|say|put|tell)\b[^,:;.!?]{0,30}[,:]\s+\S", re.I)


def _exhortation(toks: list[str], raw: list[str]) -> bool:
    """The sentence calls on its hearers rather than states: it opens with "Let us/it/me/them", "Let's", or an
    inverted negative imperative ("Ask not what ...", "Fear not"). Speeches pair such calls ("Ask not what
    the city can give to you. Ask what you can give to the city."): neither asserts, so neither contradicts.
    Not "Do not ..." (instructions of technical prose say what must not be done)."""
    if len(toks) < 3 or not raw[0][:1].isupper():
        return False
    first, second = toks[0], toks[1]
    if first in ("let's", "lets") or first == "let" and second in ("us", "it", "me", "them", "him", "her", "every",
                                                                     "no", "each", "all", "the", "our", "this"):
        return True
    return second == "not" and first.isalpha() and first not in _NOT_AFTER and first not in claim_stopwords()


def _count_negations(text: str) -> int:
    return len(_NEGATION.findall(text)) - len(_ANSWER_NO.findall(text))


def _usable(text: str, toks: list[str], raw: list[str], lex, attributed_data: bool = False) -> bool:
    """The sentence is the author's own plain assertion (or, with ``attributed_data``, one that cites data)."""
    if text.rstrip().endswith("?"):
        return False
    if ":" in text and len(_FIELD.findall(text)) >= 2:
        return False  # a list of fields ("Severity: info; scope: document"), not a statement
    quoted = len(_QUOTE_RE.findall(text))
    if quoted >= 2 or text.lstrip().startswith(("'", "‘")):
        return False
    reporting = [] if lex["reporting"].isdisjoint(toks) else [i for i, t in enumerate(toks) if t in lex["reporting"]
                                                               and not _noun_use(toks, raw, i, lex)]
    if attributed_data:
        if not reporting or any(toks[i] != "according" or not _lexicon()["data_sources"] & set(toks[i + 1: i + 7])
                                for i in reporting):
            return False
    elif reporting:
        return False
    if not lex["framing"].isdisjoint(toks):
        return False
    joined = " ".join(toks)
    if any(p in joined for p in lex["framing_phrases"]):
        return False
    # Hedges: only lower-case tokens (not "May" the month) or the first token.
    if lex["hedges"].isdisjoint(toks):
        return True
    return not any(t in lex["hedges"] and (i == 0 or r.islower()) for i, (r, t) in enumerate(zip(raw, toks)))


def _noun_use(toks: list[str], raw: list[str], i: int, lex) -> bool:
    """A reporting word used as a noun: "states" or "claims" after a determiner, a number or a name ("the
    United States", "two states", "the claims"). A sentence that names the United States is the author's."""
    if toks[i] not in lex["reporting_nouns"] or i == 0:
        return False
    prev = toks[i - 1]
    return prev in lex["noun_cues"] or prev.replace(",", "").isdigit() or prev in _NUMBER_WORDS or \
        (i > 1 and raw[i - 1][:1].isupper())


_NUMBER_WORDS = frozenset("two three four five six seven eight nine ten eleven twelve twenty fifty hundred "
                          .split())

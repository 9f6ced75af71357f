"""Negations of a statement's claim tokens: how many there are (idioms such as "not only", "no doubt" deny
nothing) and whether a denial is an antithesis ("not the solution" / "the problem") rather than a conflict."""

from __future__ import annotations

import re

from .claims import _NEG_TOKENS
from .lexicon import _stem
from .polarity import verb_negations
from .synonyms import synonyms_of


# Idioms with a negation that deny nothing: an alternative ("whether or not", "believe it or not", "one of the
# best, if not the best"), an emphasis ("make no mistake", "no wonder", "not to mention").
_NOT_NEGATING = ("not only", "not just", "not least", "no doubt", "no longer", "not merely", "nothing but",
                 "no matter", "no less", "no more than", "not until", "or not", "if not", "make no mistake",
                 "no wonder", "not to mention", "no question", "without a doubt", "without doubt", "not surprisingly",
                 "never mind")


def _denies_other(denier: list[str], other: list[str], stop) -> bool:
    """Some negation of ``denier`` has in its scope (the first content word of the four after it) a word the
    other statement also says: antithesis pairs a denial with another predicate ("not the solution" / "the
    problem"; "We did not come to fear the future" / "We came to shape it"), which contradicts nothing."""
    said = {_stem(w) for w in other if w not in stop}
    scopes = 0
    by_verb = verb_negations(denier)
    for i, t in enumerate(denier):
        if t not in _NEG_TOKENS and not t.endswith("n't") and i not in by_verb:
            continue
        # "not a single copy": "single" is the denial's quantifier, not the word it denies
        word = next((w for w in denier[i + 1: i + 5] if w not in stop and w not in _NEG_TOKENS
                     and not w.endswith("n't") and w.isalpha() and w != "single"), None)
        if word is None:
            return True  # nothing to look at ("it is not.")
        scopes += 1
        st = _stem(word)
        if st in said or any(x in said for x in synonyms_of(st)):  # "does not employ" / "uses"
            return True
    return not scopes


def _negations(toks: list[str]) -> int:
    n = sum(1 for t in toks if t in _NEG_TOKENS or t.endswith("n't")) + len(verb_negations(toks))
    if n:
        joined = " " + " ".join(toks) + " "  # whole words: "or not" is not in "for nothing"
        n -= sum(joined.count(f" {p} ") for p in _NOT_NEGATING)
    return max(n, 0)


_ANSWER_NO = re.compile(r"\W*no\s*[,!;:—–]", re.I)


def _answer_no(s) -> int:
    """1 when the statement opens with the answer "No," ("No, don't force it, get a bigger hammer"): a reply,
    not a negation of the claim that follows."""
    return 1 if _ANSWER_NO.match(s.text) else 0

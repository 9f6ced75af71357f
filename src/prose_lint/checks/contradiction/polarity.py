"""Polarity beyond "not": a verb that negates the verb after it ("failed to reach", "refused to sign"), a
verb of lacking ("lacks a gymnasium"); and the contrasts that cancel out between two statements (an
antonym with a negation, two antonyms, a converse with its arguments swapped)."""

from __future__ import annotations

import re

from .lexicon import _lexicon_raw, _stem

_WORDS: tuple[frozenset[str], frozenset[str]] | None = None


def _words() -> tuple[frozenset[str], frozenset[str]]:
    """(verbs that negate a following "to"-infinitive, verbs of lacking): rules/lexicons/contradiction.toml."""
    global _WORDS
    if _WORDS is None:
        raw = _lexicon_raw()
        _WORDS = (frozenset(raw["negating_verbs"]), frozenset(raw["privative_verbs"]))
    return _WORDS


def verb_negations(toks: list[str]) -> list[int]:
    """Positions of the tokens that negate like "not": "failed"/"refused"/"declined" before "to" ("The team
    failed to reach the climbers" denies "The team reached the climbers"), and "lacks"/"lacked" ("The
    building lacks a gymnasium" denies "The building has a gymnasium")."""
    neg, lack = _words()
    if neg.isdisjoint(toks) and lack.isdisjoint(toks):
        return []
    return [i for i, t in enumerate(toks)
            if t in lack or t in neg and i + 1 < len(toks) and toks[i + 1] == "to"]


def converse(ta: list[str], tb: list[str], a: str, b: str, shared: set[str]) -> bool:
    """The swap a -> b comes with its arguments swapped around it: a content word both statements share
    is before ``a`` and another after it in the earlier statement, the other way round in the later one.
    "The town buys its water from the county" / "The county sells water to the town", "A is larger than B"
    / "B is smaller than A" say the same thing twice."""
    if a not in ta or b not in tb:
        return False
    ia, jb = ta.index(a), tb.index(b)
    pos_a = _positions(ta, shared)
    pos_b = _positions(tb, shared)
    before_a = {w for w, i in pos_a.items() if i < ia}
    after_a = {w for w, i in pos_a.items() if i > ia}
    before_b = {w for w, i in pos_b.items() if i < jb}
    after_b = {w for w, i in pos_b.items() if i > jb}
    return bool(before_a & after_b) and bool(after_a & before_b)


def _positions(toks: list[str], shared: set[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for i, t in enumerate(toks):
        st = _stem(t)
        if st in shared and st not in out:
            out[st] = i
    return out


_COORDINATORS = frozenset({"and", "or", "but", "nor", "yet", "&"})


def coordinated(toks: list[str], words: list[str]) -> bool:
    """Two of ``words`` are joined by a coordinator within four tokens ("barren and hard to work"): one
    subject's predicates, both swapped, rather than a swap of subject and a swap of predicate."""
    at = sorted(i for i, t in enumerate(toks) if t in words)
    return any(0 < j - i <= 4 and not _COORDINATORS.isdisjoint(toks[i + 1: j]) for i, j in zip(at, at[1:]))



_UNIVERSAL = re.compile(r"^\W*(?:every|each|all(?:\s+(?:of\s+)?the)?)\s+([^\W\d_][\w'’-]*)", re.I)


def universal_of(s, member, shared: set[str]) -> bool:
    """``s`` opens with a universal subject whose noun the other statement shares ("Every train ...", "Each
    house ...", "All the rooms ..."): ``member``, about one member of it ("The express trains", "The corner
    house"), is not about another subject; about the others ("many other floats") or with the noun
    elsewhere ("A mushroom cloud has no silver lining" after "Every silver lining has a cloud") it is."""
    m = _UNIVERSAL.match(s.text)
    noun = _stem(m.group(1).lower()) if m else None
    if noun not in shared:
        return False
    for t in member.tokens:  # the member's subject: the first shared word is the universal's noun
        if t in _OTHERS:
            return False
        if _stem(t) in shared:
            return _stem(t) == noun
    return False


_OTHERS = frozenset({"other", "others", "another", "remaining", "rest"})


def modifier_swap(ta: list[str], tb: list[str], pairs: list[tuple[str, str]], stop) -> bool:
    """One of the antonyms swapped modifies a word both statements name ("the northern bridge" / "the southern
    bridge", "in the first year" / "in the last year"): it picks out another member of a kind. Beside a changed
    figure it is a second contrast, so the two statements speak of two members, not of one."""
    later = set(ta)
    for _, b in pairs:
        for j, w in enumerate(tb[:-1]):
            if w == b and tb[j + 1] in later and tb[j + 1] not in stop:
                return True
    return False


# A stance ("voted for" / "voted against") only after the same word: "for" has too many other uses ("for
# years", "for example").
_STANCE = frozenset({"for", "against"})


def _same_before(ta: list[str], a: str, tb: list[str], b: str) -> bool:
    before = {ta[i - 1] for i, w in enumerate(ta) if w == a and i}
    return any(w == b and i and tb[i - 1] in before for i, w in enumerate(tb))


def _not_once(toks: list[str], i: int) -> bool:
    """ "not once", "never once", "not ... even once": an absolute over time, not a count ("was cancelled
    twice" / "has not once been cancelled")."""
    return i > 0 and (toks[i - 1] in ("not", "never") or toks[i - 1] == "even" and "not" in toks[:i])


def _once_denied(toks: list[str]) -> bool:
    return any(w == "once" and _not_once(toks, i) for i, w in enumerate(toks))


_UNIVERSAL_WORDS = frozenset({"every", "all", "always"})


def partial_negation(denier: list[str], other: list[str]) -> bool:
    """The negation denies a degree or a universal the other statement does not claim: "Wages have not risen
    fast enough" / "Wages have risen", "Our schools are not failing every child" / "... failing too many
    children". "not every" contradicts "every", not "many"; "not ... enough" contradicts "enough"."""
    i = next((k for k, w in enumerate(denier) if w in ("not", "never") or w.endswith("n't")), None)
    if i is None:
        return False
    after = denier[i + 1:]
    if "enough" in after and "enough" not in other:
        return True
    return not _UNIVERSAL_WORDS.isdisjoint(after[:3]) and _UNIVERSAL_WORDS.isdisjoint(other)

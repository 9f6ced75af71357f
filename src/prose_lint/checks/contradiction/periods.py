"""What sets two statements at different times or about different instances of one noun, read from their
tokens: another period ("in its first year" / "By its third year"), another instance ("the war" / "the last
war"), a time word that dates a report rather than the claim ("Contrary to earlier reports, ..."). The word
lists are in rules/lexicons/contradiction.toml (period_ordinals, period_nouns, period_deictics, period_names, referent_words,
report_nouns, determiners)."""

from __future__ import annotations


from .lexicon import _lexicon, claim_stopwords

_SPATIAL = frozenset({"next"})  # "next" is also a place ("next to the pharmacy"): alignment.py drops it then


def _referents(toks: list[str], other: list[str]) -> set[str]:
    """The nouns that ``toks`` picks out with a referent word ("last", "previous") and the other statement
    names with a bare determiner ("The war cost us 300,000 lives" / "The last war cost us 100,000 lives": two
    wars; "their first concert" / "their last concert" is the antonym test's)."""
    lex = _lexicon()
    referent = lex["referent_words"]
    if referent.isdisjoint(toks):
        return set()
    stop = claim_stopwords()
    determiners, periods = lex["determiners"], lex["period_nouns"]
    bare = {b for a, b in zip(other, other[1:]) if a in determiners}  # "the war", not "the first war"
    return {b for a, b in zip(toks, toks[1:]) if a in referent and b in bare and b not in periods and b not in stop}


def _report_times(toks: list[str]) -> set[str]:
    """Time words that date a report rather than the claim ("earlier reports", "previous estimates")."""
    report = _lexicon()["report_nouns"]
    return {a for a, b in zip(toks, toks[1:]) if b in report}


def _periods(toks: list[str]) -> set[tuple[str, str]]:
    """(ordinal, period) of each "first year", "third season" in the statement."""
    lex = _lexicon()
    ordinals = lex["period_ordinals"]
    if ordinals.isdisjoint(toks):
        return set()
    periods = lex["period_nouns"]
    return {(a, b) for a, b in zip(toks, toks[1:]) if a in ordinals and b in periods}


def deictic_periods(toks: list[str]) -> set[tuple[str, str]]:
    """The periods the statement places itself in, as (deictic, period) pairs: "this season", "last year", "in
    the coming weeks"."""
    lex = _lexicon()
    deictics = lex["period_deictics"]
    if deictics.isdisjoint(toks):
        return set()
    periods = lex["period_nouns"] | lex["period_names"]
    return {(a, b) for a, b in zip(toks, toks[1:]) if a in deictics and b in periods}


def occasion_words(toks: list[str], periods: bool = False) -> set[str]:
    """The statement's words of an occasion, singular: weekdays and months ("Thursdays"), seasons and parts of a
    day ("in the evenings"), holidays; with ``periods``, period nouns too ("this season", "a year")."""
    from .claims import _MONTHS

    lex = _lexicon()
    names = lex["period_names"] | (lex["period_nouns"] if periods else frozenset())
    out = set()
    for t in toks:
        one = t[:-1] if t.endswith("s") and t[:-1] in names | _MONTHS else t
        if one in names or one in _MONTHS:
            out.add(one)
    return out


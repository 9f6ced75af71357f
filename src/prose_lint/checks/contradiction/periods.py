"""What sets two statements at different times or about different instances of one noun, read from their
tokens: another period ("in its first year" / "By its third year"), another instance ("the war" / "the last
war"), a time word that dates a report rather than the claim ("Contrary to earlier reports, ...")."""

from __future__ import annotations

from prose_lint.analysis import stopwords

_SPATIAL = frozenset({"next"})
_ORDINALS = frozenset("first second third fourth fifth sixth seventh eighth ninth tenth".split())
_PERIODS = frozenset("year years month months week weeks day days season seasons term terms decade decades century "
                     "quarter quarters half halves session sessions semester round rounds stage phase".split())
# Words that point to another instance of what the noun names: "the last war", "the previous government".
_REFERENT = frozenset("last previous next former preceding following present current".split())


def _referents(toks: list[str], other: list[str]) -> set[str]:
    """The nouns that ``toks`` picks out with a word of _REFERENT and the other statement names with a bare
    determiner ("The war cost us 300,000 lives" / "The last war cost us 100,000 lives": two wars; "their first
    concert" / "their last concert" is the antonym test's)."""
    if _REFERENT.isdisjoint(toks):
        return set()
    stop = stopwords()
    bare = {b for a, b in zip(other, other[1:]) if a in _DETERMINERS}  # "the war", not "the first war"
    return {b for a, b in zip(toks, toks[1:]) if a in _REFERENT and b in bare and b not in _PERIODS and b not in stop}


_REPORT_NOUNS = frozenset("report reports statement statements claim claims account accounts announcement "
                          "announcements version versions story stories rumours rumors estimate estimates".split())


def _report_times(toks: list[str]) -> set[str]:
    """Time words that date a report rather than the claim ("earlier reports", "previous estimates")."""
    return {a for a, b in zip(toks, toks[1:]) if b in _REPORT_NOUNS}


_DETERMINERS = frozenset("the a an this that its their his her our my your".split())


def _periods(toks: list[str]) -> set[tuple[str, str]]:
    """(ordinal, period) of each "first year", "third season" in the statement."""
    if _ORDINALS.isdisjoint(toks):
        return set()
    return {(a, b) for a, b in zip(toks, toks[1:]) if a in _ORDINALS and b in _PERIODS}

"""What a restatement may add without speaking of another subject or another time: the agent of the other's
passive ("Astronomers first observed the comet" / "The comet was first observed"), an occasion under the other's
"always" ("On Thursdays the shop closes at nine" / "The shop always closes at six"). alignment.pair_features
counts these words as explained by the test that fired, not as extra words."""

from __future__ import annotations

from .claims import _past
from .lexicon import _lexicon, _stem
from .periods import occasion_words

_BE = frozenset({"is", "are", "was", "were", "been", "be"})


def agent_of_passive(passive: list[str], active: list[str], stop) -> set[str]:
    """The agent an active restatement names before its verb ("Astronomers first observed the comet in 1682")
    when the other statement is the passive of that verb ("The comet was first observed in 1758"), its subject
    now after the verb: the same event told with its doer, not another subject."""
    for i, t in enumerate(passive):
        if t not in _BE:
            continue
        for j in range(i + 1, min(i + 3, len(passive))):
            w = passive[j]
            if not w.endswith(("ed", "en")) or len(w) < 5:
                continue
            subject = {_stem(x) for x in passive[:i] if x not in stop and len(x) > 2}
            verb = _stem(w)
            for k, a in enumerate(active):
                if _stem(a) != verb or k == 0 or active[k - 1] in _BE or (k > 1 and active[k - 2] in _BE):
                    continue
                after = [_stem(x) for x in active[k + 1:] if x not in stop and len(x) > 2]
                # the subject is the active verb's object: its first word comes first after the verb
                if subject and subject <= set(after) and after[0] in subject:
                    return {x for x in active[:k] if x not in stop and len(x) > 2 and _stem(x) not in subject}
            return set()
    return set()


_ALWAYS = frozenset({"always", "invariably"})


def occasion_under_always(ta: list[str], tb: list[str]) -> set[str]:
    """The words of an occasion ("On Thursdays", "in the evenings") that one statement adds to the other's
    "always" ("The shop always closes at six" / "On Thursdays the shop closes at nine"): the universal holds on
    that occasion too, so they are neither another subject nor another time; both statements in one tense ("The
    shop always closes at six" / "Last year it closed at nine" may tell of a habit that changed)."""
    ua, ub = not _ALWAYS.isdisjoint(ta), not _ALWAYS.isdisjoint(tb)
    if ua == ub or _past(ta) != _past(tb):
        return set()
    other = tb if ua else ta
    words = occasion_words(other)
    return {w for w in other if w in words or w.endswith("s") and w[:-1] in words}


_CONJUNCTS = frozenset({"and", "or", "plus"})


def added_scope(ta: list[str], tb: list[str], figure) -> bool:
    """One statement is the other with a conjunct added to what is counted ("4,000 plates of the southern sky"
    / "6,500 plates of the southern sky and the northern sky"): a larger set, so another figure is no
    contradiction. True when, figures and words of approximation aside (``figure(toks, i)``), the longer is
    the shorter plus "and", "or" or "plus", perhaps a determiner (contradiction.toml ``determiners``), and one
    to four words the shorter lacks."""
    determiners = _lexicon()["determiners"]
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    keep = lambda toks: [w for i, w in enumerate(toks) if not figure(toks, i)]  # noqa: E731
    short, long_ = keep(short), keep(long_)
    have = set(short)
    for i, w in enumerate(long_):
        if w not in _CONJUNCTS:
            continue
        j = i + 1 + (i + 1 < len(long_) and long_[i + 1] in determiners)
        for k in range(j + 1, min(j + 5, len(long_)) + 1):
            added = long_[j:k]
            if long_[:i] + long_[k:] == short and any(w2 not in have for w2 in added):
                return True
    return False

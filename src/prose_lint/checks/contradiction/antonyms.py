"""Antonyms swapped between two statements: look-ups in the antonym table (rules/lexicons/contradiction.toml
[pairs] and the WordNet pairs of antonyms_wordnet.toml, by stem), negative prefixes and -ful/-less, degrees."""

from __future__ import annotations

from typing import NamedTuple


from .lexicon import _lexicon, _stem, claim_stopwords


_AFFIXES = ("un", "in", "im", "il", "ir", "dis", "non", "non-")
_AFFIX_STARTS = frozenset(p[:2] for p in _AFFIXES)


def _antonym_pairs(gone: list[str], new: list[str]) -> list[tuple[str, str]]:
    """Every (a, b), a in ``gone``, b in ``new``, with _antonym_pair(a, b), found by look-ups rather than
    by comparing all pairs."""
    if not gone or not new:
        return []
    ant = _lexicon()["antonym_stems"]
    by_stem: dict[str, list[str]] = {}
    for b in new:
        for sb in _degree_stems(b, ant):
            by_stem.setdefault(sb, []).append(b)
    new_set = set(new)
    out = set()
    # Comparatives against comparatives ("cleaner" / "dirtier", "thinner" / "thicker"); the stemmer keeps them
    # apart from the positive, and an -er word alone is as often a noun ("cleaner", "manner").
    comparatives = {w: b for w in (*gone, *new) if (b := _comparative_base(w, ant))}
    for a in gone:
        for sa in _degree_stems(a, ant):
            for t in ant.get(sa, ()):
                if t != sa:
                    out.update((a, b) for b in by_stem.get(t, ()))
        if len(a) >= 4:  # b = prefix + a
            out.update((a, p + a) for p in _AFFIXES if p + a in new_set)
        if a[:2] in _AFFIX_STARTS:
            for p in _AFFIXES:  # a = prefix + b
                if a.startswith(p) and len(a) - len(p) >= 4 and a[len(p):] in new_set:
                    out.add((a, a[len(p):]))
        if a.endswith("er") and a in comparatives:
            for t in ant.get(comparatives[a], ()):
                out.update((a, b) for b in new if comparatives.get(b) == t)
        if a.endswith("ful") and a[:-3] + "less" in new_set:
            out.add((a, a[:-3] + "less"))
        if a.endswith("less") and a[:-4] + "ful" in new_set:
            out.add((a, a[:-4] + "ful"))
    return sorted(out)


def _comparative_base(w: str, ant: dict[str, set[str]]) -> str | None:
    """The stem of the positive degree of a comparative in -er that is in the antonym table, else None."""
    if len(w) < 5 or not w.endswith("er"):
        return None
    root = w[:-3] + "y" if w.endswith("ier") else w[:-2]
    tries = [root, root + "e"]
    if len(root) > 2 and root[-1] == root[-2]:
        tries.append(root[:-1])  # "thinner" -> "thin"
    return next((st for st in map(_stem, tries) if st in ant), None)


_DEGREE: dict[str, tuple[str, ...]] = {}


def _degree_stems(w: str, ant: dict[str, set[str]]) -> tuple[str, ...]:
    """The stem of ``w`` and, when ``w`` is a superlative or a comparative in -ier, the stem of its positive
    degree if that is in the antonym table ("biggest" -> "big", "largest" -> "large", "happier" -> "happy"):
    the stemmer keeps "biggest" and "smallest" apart from "big" and "small"."""
    got = _DEGREE.get(w)
    if got is None:
        got = (_stem(w),)
        # Superlatives, and comparatives in -ier; the stemmer already has "larger", "higher"; a doubled
        # consonant before -er is as often a noun of agent ("winner", "beginner") as a comparative.
        if len(w) > 4 and w.endswith(("est", "ier")):
            root = w[:-3] if w.endswith("est") else w[:-2]
            tries = [root, root + "e"]
            if root.endswith("i"):
                tries.append(root[:-1] + "y")
            if len(root) > 2 and root[-1] == root[-2] and w.endswith("est"):
                tries.append(root[:-1])  # "biggest" -> "big"
            got += tuple(st for st in map(_stem, tries) if st in ant and st != got[0])[:1]
        if len(_DEGREE) > 100_000:
            _DEGREE.clear()
        _DEGREE[w] = got
    return got



class AntonymKeys(NamedTuple):
    """What one statement's words can contribute to a pair of _antonym_pairs: a pair (a, b) of an earlier
    statement's word a and a later one's b is possible only if ``gone`` of the earlier meets ``new`` of the
    later (S + an antonym of a's stem / S + b's stem; C + an antonym of a comparative's base / C + b's base),
    or a word of one is a ``rest`` of a word of the other after a negative prefix, or a word of the later is
    a ``counterpart`` of the earlier (a's rest, its -ful/-less swapped). Read by scorer._can_fire."""
    gone: frozenset
    new: frozenset
    rest: frozenset
    counterpart: frozenset


_KEYS: dict[str, tuple | None] = {}  # word -> its share of AntonymKeys (_word_keys)
_NO_KEYS = AntonymKeys(frozenset(), frozenset(), frozenset(), frozenset())
_TARGETS: dict[int, frozenset] = {}


def antonym_keys(words) -> AntonymKeys:
    """The AntonymKeys of a statement's claim tokens (most have none; each token is looked at once)."""
    if len(_KEYS) > 100_000:
        _KEYS.clear()
    for w in set(words).difference(_KEYS):  # a set minus a dict looks each word up (minus .keys() walks the dict)
        _KEYS[w] = _word_keys(w)
    got = [k for k in map(_KEYS.__getitem__, words) if k is not None]
    if len(got) <= 1:
        return got[0] if got else _NO_KEYS
    return AntonymKeys(*map(frozenset().union, *got))


def _word_keys(w: str) -> AntonymKeys | None:
    """One word's share of AntonymKeys, by the branches of _antonym_pairs; None when it has none (a stop
    word other than the few with opposites is not compared: contradiction.toml [antonym_stopwords])."""
    if w in claim_stopwords() and w not in _lexicon()["antonym_stopwords"]:
        return None
    ant = _lexicon()["antonym_stems"]
    targets = _TARGETS.get(id(ant))
    if targets is None:
        targets = _TARGETS[id(ant)] = frozenset().union(*ant.values())
    gone: list[str] = []
    new: list[str] = []
    rest: list[str] = []
    counterpart: list[str] = []
    for st in _degree_stems(w, ant):
        if st in targets:
            new.append("S" + st)
        gone.extend("S" + t for t in ant.get(st, ()) if t != st)
    if w[:2] in _AFFIX_STARTS:
        rest.extend(w[len(p):] for p in _AFFIXES if w.startswith(p))
        counterpart.extend(rest)
    if w.endswith("ful"):
        counterpart.append(w[:-3] + "less")
    if w.endswith("less"):
        counterpart.append(w[:-4] + "ful")
    base = _comparative_base(w, ant)
    if base:
        new.append("C" + base)
        gone.extend("C" + t for t in ant.get(base, ()))
    if gone or new or rest or counterpart:
        return AntonymKeys(frozenset(gone), frozenset(new), frozenset(rest), frozenset(counterpart))
    return None

"""Words that say the same thing in a restatement ("use" / "employ", "big" / "large"): the synonym pairs of
rules/lexicons/synonyms_wordnet.toml (scripts/build-synonyms, from WordNet's synsets), by stem, so that a
paraphrase aligns with what it restates: in the candidate search (candidates._pair_candidates), in the pair's
alignment (alignment.pair_features) and in the scope of a denial (negations._denies_other)."""

from __future__ import annotations

from functools import lru_cache

from .filters import DISABLED

_NONE: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def _synonyms() -> dict[str, tuple[str, ...]]:
    """stem -> the stems of its synonyms. Loaded in the parent before the pool forks (warmup.py): tuples of
    interned strings, and stemmed without growing _stem's cache, so that the workers share the pages."""
    import sys

    from prose_lint.analysis import stem
    from prose_lint.lexicon import load_lexicon

    from .lexicon import _irregular

    irregular = _irregular()
    out: dict[str, set[str]] = {}
    # read past load_lexicon's cache: only the stems are kept (the 5,000 pair strings would stay for nothing)
    for pair in (p for pairs in load_lexicon.__wrapped__("synonyms_wordnet")["pairs"].values() for p in pairs):
        a, b = pair.split("/")
        sa, sb = (sys.intern(stem.__wrapped__(irregular.get(w, w), True)) for w in (a, b))  # not into its cache
        if sa != sb:
            out.setdefault(sa, set()).add(sb)
            out.setdefault(sb, set()).add(sa)
    return {k: tuple(sorted(v)) for k, v in out.items()}


def synonyms_of(stem: str) -> tuple[str, ...]:
    """The stems of the synonyms of ``stem`` (none when the "synonyms" filter is switched off)."""
    return _NONE if "synonyms" in DISABLED else _synonyms().get(stem, _NONE)


def synonym_matches(gone: set[str], new: set[str]) -> list[tuple[str, str]]:
    """(earlier stem, later stem) pairs of synonyms between what only the earlier statement says and what only
    the later says, each stem used once."""
    if not gone or not new or "synonyms" in DISABLED:
        return []
    out, used = [], set()
    for g in sorted(gone):
        for n in synonyms_of(g):
            if n in new and n not in used:
                out.append((g, n))
                used.add(n)
                break
    return out

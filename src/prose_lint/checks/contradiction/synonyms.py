"""Words that say the same thing in a restatement ("use" / "employ", "big" / "large"): the synonym pairs of
rules/lexicons/synonyms_wordnet.toml (scripts/build-synonyms, from WordNet's synsets), by stem, so that a
paraphrase aligns with what it restates: in the candidate search (candidates._pair_candidates), in the pair's
alignment (alignment.pair_features) and in the scope of a denial (negations._denies_other)."""

from __future__ import annotations

from functools import lru_cache

from .filters import DISABLED
from .lexicon import _stem

_NONE: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def _synonyms() -> dict[str, frozenset[str]]:
    from prose_lint.lexicon import load_lexicon

    out: dict[str, set[str]] = {}
    for pair in (p for pairs in load_lexicon("synonyms_wordnet")["pairs"].values() for p in pairs):
        a, b = pair.split("/")
        sa, sb = _stem(a), _stem(b)
        if sa != sb:
            out.setdefault(sa, set()).add(sb)
            out.setdefault(sb, set()).add(sa)
    return {k: frozenset(v) for k, v in out.items()}


def synonyms_of(stem: str) -> frozenset[str]:
    """The stems of the synonyms of ``stem`` (none when the "synonyms" filter is switched off)."""
    return _NONE if "synonyms" in DISABLED else _synonyms().get(stem, _NONE)


def synonym_matches(gone: set[str], new: set[str]) -> list[tuple[str, str]]:
    """(earlier stem, later stem) pairs of synonyms between what only the earlier statement says and what only
    the later says, each stem used once."""
    if not gone or not new or "synonyms" in DISABLED:
        return []
    out, used = [], set()
    for g in sorted(gone):
        for n in sorted(synonyms_of(g) & new):
            if n not in used:
                out.append((g, n))
                used.add(n)
                break
    return out

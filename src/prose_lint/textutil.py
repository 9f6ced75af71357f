"""Word normalisation shared by the topic rules (off-topic-content, self-contradiction)."""

from __future__ import annotations

from functools import lru_cache

# Derivations a reader takes for the same concept: "extremists" ~ "extremism", "organisation" ~ "organize".
_DERIVATIONS = (("isation", "ize"), ("ization", "ize"), ("ists", "ism"), ("ist", "ism"))


_STOPWORDS: frozenset[str] | None = None


def english_stopwords() -> frozenset[str]:
    """The Glasgow IR group's list (rules/lexicons/stopwords.toml)."""
    global _STOPWORDS
    if _STOPWORDS is None:
        from prose_lint.lexicon import load_lexicon

        _STOPWORDS = frozenset(load_lexicon("stopwords")["english"])
    return _STOPWORDS


@lru_cache(maxsize=1 << 16)  # called for every word of every document; the vocabulary is small
def light_stem(word: str, derivations: bool = False) -> str:
    """Lower-case, without possessive and plural endings; with ``derivations``, also the suffixes above."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if derivations:
        for suffix, replacement in _DERIVATIONS:
            if len(w) > len(suffix) + 2 and w.endswith(suffix):
                return w[: -len(suffix)] + replacement
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith("sses"):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w

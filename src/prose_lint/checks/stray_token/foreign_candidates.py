"""stray-token/foreign-word's candidates: the words of other languages frequent enough to be function words
(from wordfreq, or the precomputed table), and the closed classes that lexicon ``function_words`` lists."""

from __future__ import annotations

from functools import lru_cache

from prose_lint.checks.stray_token.common import _lex, _zipf


@lru_cache(maxsize=8)
def _possible(langs: tuple[str, ...], max_english: float, min_foreign: float, min_gap: float,
              max_length: int) -> frozenset[str]:
    """The candidate words: from rules/models/stray_token_function_words.json when the options are the
    defaults it was made with (scripts/train-stray-charlm), computed from wordfreq otherwise."""
    table = _function_words()
    o = table.get("options", {})
    if (langs == tuple(l for l in o.get("languages", []) if l != "en") and max_english == o.get("max_english_zipf")
            and min_foreign == o.get("min_foreign_zipf") and min_gap == o.get("min_zipf_gap")
            and max_length == o.get("max_length")):
        return frozenset(table["words"])
    return _compute_possible(langs, max_english, min_foreign, min_gap, max_length)


@lru_cache(maxsize=1)
def _function_words() -> dict:
    import json

    from prose_lint.registry import builtin_pack_dir

    path = builtin_pack_dir() / "models" / "stray_token_function_words.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}


@lru_cache(maxsize=8)
def _listed(langs: tuple[str, ...], max_english: float, min_gap: float) -> frozenset[str]:
    """The closed-class words of lexicon ``function_words`` for ``langs`` that English does not use: at
    most ``max_english`` in English (3.0: above it are the English words "oft", "bland", "pendant", "sob",
    "ante", "hen" that some of these languages spell alike) and ``min_gap`` more frequent in their own
    language. Single ASCII letters are left out ("y", "e", "o": initials and list labels)."""
    out = set()
    for lang, words in _lex()["function_words"].items():
        if lang not in langs:
            continue
        for word in words:
            if len(word) < 2 and word.isascii() or not word.isalpha():
                continue
            en = _zipf(word, "en")
            if en <= max_english and _zipf(word, lang) - en >= min_gap:
                out.add(word)
    return frozenset(out)


def _best_language(word: str, langs: tuple[str, ...]) -> tuple[str, float]:
    """The language (of ``langs``) in which ``word`` is most frequent, and its Zipf frequency there."""
    row = _function_words().get("words", {}).get(word)
    if row is not None and row[0] in langs:
        return row[0], row[1]
    return max(((lang, _zipf(word, lang)) for lang in langs), key=lambda x: x[1])


# a language in which a candidate is about as frequent as in its best one (at most this many Zipf below it)
_SHARED_GAP = 1.0


def _shared_languages(word: str, best: str, foreign: float, langs: tuple[str, ...]) -> tuple[str, ...]:
    """``best`` and every other language of ``langs`` in which ``word`` is nearly as frequent: "un" is
    French, Spanish and Italian alike, so a run of any of them ("un hombre inocente") explains it."""
    return (best,) + tuple(l for l in langs if l != best and _zipf(word, l) >= foreign - _SHARED_GAP)


def _compute_possible(langs: tuple[str, ...], max_english: float, min_foreign: float, min_gap: float,
                      max_length: int) -> frozenset[str]:
    """Every word the frequency tests can accept: among the most frequent words of one of ``langs``
    (wordfreq's lists are ordered by frequency), rare enough in English. A few hundred words; a
    paragraph without one of them is skipped without looking at its sentences."""
    from prose_lint.wordtables import top_n_list

    out = set()
    for lang in langs:
        for word in top_n_list(lang, 5000, wordlist="small"):
            f = _zipf(word, lang)
            if f < min_foreign:
                break
            en = _zipf(word, "en")
            if len(word) <= max_length and (len(word) >= 2 or not word.isascii()) and word.isalpha() \
                    and en <= max_english and f - en >= min_gap:
                out.add(word)
    return frozenset(out)

"""The rule's lexicon (rules/lexicons/contradiction.toml) prepared for look-ups, and the stemmer its
concepts compare by."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from prose_lint.analysis import stem, stopwords


_STEMS: dict[str, str] = {}  # word -> stem (a plain dict: the lru_cache wrapper cost 1 s per 100k words)


def _stem(word: str) -> str:
    """Concepts compare by the shared stemmer with derivations ("extremists" ~ "extremism"); an irregular
    verb form by its base form first ("paid" ~ "pay", "went" ~ "go": rules/lexicons/contradiction.toml)."""
    st = _STEMS.get(word)
    if st is None:
        if len(_STEMS) > 200_000:
            _STEMS.clear()
        st = _STEMS[word] = stem(_irregular().get(word, word), True)
    return st


_IRREGULAR: dict[str, str] | None = None


def _irregular() -> dict[str, str]:
    """Irregular past and participle forms -> the base form."""
    global _IRREGULAR
    if _IRREGULAR is None:
        _IRREGULAR = {form: base for base, forms in _lexicon_raw().get("irregular", {}).items() for form in forms}
    return _IRREGULAR


@lru_cache(maxsize=1)
def claim_stopwords() -> frozenset[str]:
    """The shared stop-word list less the words of it that a claim is about (contradiction.toml
    ``content_stopwords``: "bill", "fire", "system", "interest", "side", "full", "empty"): the Glasgow list
    drops them as too frequent for retrieval, but "The senator opposed the bill" is about a bill."""
    return stopwords() - frozenset(_lexicon_raw()["content_stopwords"])


# ----------------------------------------------------------------------
_LEX: dict[str, Any] | None = None


def _lexicon_raw() -> dict[str, Any]:
    from prose_lint.lexicon import load_lexicon

    return load_lexicon("contradiction")


def _lexicon() -> dict[str, Any]:
    global _LEX
    if _LEX is None:
        raw = _lexicon_raw()
        direction: dict[str, tuple[str, int]] = {}
        for name, (up, down) in raw["antonyms"].items():
            for w in up:
                direction[w] = (name, 1)
            for w in down:
                direction[w] = (name, -1)
        related: dict[str, set[str]] = {}
        for group in raw["related"]:
            stems = {_stem(w) for w in group}
            for s in stems:
                related.setdefault(s, set()).update(stems)
        events = {}
        for name, words in raw["events"].items():
            for w in words:
                events[w] = name
        phrases = lambda key: [p for p in raw[key] if " " in p]
        _LEX = {
            "direction": direction,
            "related": related,
            "existence": set(raw["existence"]),
            "free_ignored": set(raw["free_compounds_ignored"]),
            "absolute": set(raw["absolute_adverbs"]),
            "reporting": set(raw["reporting"]),
            "framing": {w for w in raw["framing"] if " " not in w},
            "framing_phrases": phrases("framing"),
            "discourse_phrases": sorted(raw["discourse_phrases"], key=len, reverse=True),  # longest first
            "hedges": set(raw["hedges"]),
            "timeless_openings": [p.split() for p in raw["timeless_openings"]],
            "time": {w for w in raw["time_change"] if " " not in w},
            "time_phrases": phrases("time_change"),
            "contrast": tuple(f" {p} " for p in raw["contrast_openers"]),  # prefixes of " joined tokens "
            "effect": set(raw["effect_verbs"]),
            "events": events,
            "antonym_stems": _antonym_stems(raw),
        }
        _LEX.update({key: frozenset(raw[key]) for key in _WORD_SETS})
    return _LEX


# Word lists of rules/lexicons/contradiction.toml used as they are, under their own names.
_WORD_SETS = ("reporting_nouns", "noun_cues", "epistemic", "prescriptive", "negators", "strict_negators",
              "pronouns", "data_sources", "time_shift", "label_nouns", "not_speakers", "period_ordinals",
              "period_nouns", "referent_words", "report_nouns", "determiners", "others_than_only",
              "assertive_frames", "antonym_stopwords", "period_deictics", "period_names", "other_referent")


def _antonym_stems(raw) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}

    def add(a: str, b: str) -> None:
        for va in _spellings(a):
            for vb in _spellings(b):
                sa, sb = _stem(va), _stem(vb)
                if sa != sb:
                    out.setdefault(sa, set()).add(sb)
                    out.setdefault(sb, set()).add(sa)

    for pair in [*raw["pairs"]["antonyms"], *_general_pairs()]:
        a, b = pair.split("/")
        add(a, b)
    for up, down in raw["antonyms"].values():
        for a in up:
            for b in down:
                add(a, b)
    return out


_SPELLING: tuple[tuple[str, str], ...] | None = None


def _spelling_pairs() -> tuple[tuple[str, str], ...]:
    """British/American spelling endings (spelling_variants of rules/lexicons/contradiction.toml), read once:
    _spellings runs for every word of every antonym pair."""
    global _SPELLING
    if _SPELLING is None:
        _SPELLING = tuple((a, b) for a, b in _lexicon_raw()["spelling_variants"])
    return _SPELLING


def _spellings(w: str) -> set[str]:
    """``w`` and its other spelling, British or American ("meager"/"meagre", "criticize"/"criticise",
    "favour"/"favor"): the lists hold one of them. A variant that is no word only adds a key never looked up."""
    out = {w}
    if len(w) < 5:
        return out
    for a, b in _spelling_pairs():
        i = w.rfind(a, 2)
        if i > 0 and (a not in ("re", "er") or i == len(w) - 2):  # -re/-er only at the end ("centre")
            out.add(w[:i] + b + w[i + len(a):])
    return out


def _general_pairs() -> list[str]:
    """General antonym pairs generated from WordNet by scripts/build-antonyms (rules/lexicons/
    antonyms_wordnet.toml): the hand-written pairs cover only what the rule's authors thought of."""
    from prose_lint.lexicon import load_lexicon

    return [p for pairs in load_lexicon("antonyms_wordnet")["pairs"].values() for p in pairs]

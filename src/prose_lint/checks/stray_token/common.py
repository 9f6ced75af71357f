"""Helpers shared by the stray-token rules: lexicon, word frequencies, quotes.

Words, italics, inline code, the block at an offset and reference sections come from the shared
text-analysis layer (prose_lint.analysis, Document properties), not from here."""

from __future__ import annotations

import re
from functools import lru_cache

from prose_lint.analysis import WORD_RE as _WORD_RE  # the one tokenizer (re-exported for the rules here)
from prose_lint.analysis_inline import inside as _inside  # noqa: F401  (used by the rules here)
from prose_lint.wordtables import zipf_frequency


@lru_cache(maxsize=1)
def _lex() -> dict:
    from prose_lint.lexicon import load_lexicon

    raw = load_lexicon("stray_token")
    phrases = sorted({p.lower() for p in raw.get("loan_phrases", [])}, key=len, reverse=True)
    # a phrase of several words takes the English plural on its head: "noms de guerre", "coups d'état"
    loan_re = re.compile(r"(?<!\w)(?:" + "|".join(_plural_head(p) for p in phrases) + r")(?!\w)", re.I) \
        if phrases else None
    tags = sorted({t.lower() for t in raw.get("maintenance_tags", [])}, key=len, reverse=True)
    maintenance_re = re.compile(r"\[(?:" + "|".join(re.escape(t) for t in tags) + r")\]", re.I) if tags else None
    return {
        "maintenance_re": maintenance_re,
        "placeholder_words": frozenset(w.upper() for w in raw.get("placeholder_words", [])),
        "loan_re": loan_re,
        "particles": frozenset(w.lower() for w in raw.get("name_particles", [])),
        "homographs": frozenset(w.lower() for w in raw.get("english_homographs", [])),
        "particle_homographs": frozenset(w.lower() for w in raw.get("particle_homographs", [])),
        "non_final": frozenset(w.lower() for w in raw.get("non_final_words", [])),
        "articles": frozenset(w.lower() for w in _key(raw, "articles")),
        "not_after_article": frozenset(w.lower() for w in _key(raw, "not_after_article")),
        "byline_re": re.compile(r"(?i)(?:" + "|".join(r"\b" + r"[ \t]+".join(map(re.escape, p.split()))
                                                       for p in _key(raw, "byline_phrases")) + r")[ \t]+$"),
        "ocr_confusions": tuple((wrong, right) for wrong, right in _key(raw, "ocr_confusions")),
        "noun_slot_before": frozenset(w.lower() for w in _key(raw, "noun_slot_before")),
        "noun_slot_after": frozenset(w.lower() for w in _key(raw, "noun_slot_after")),
        "name_stoppers": frozenset(w.lower() for w in _key(raw, "name_stoppers")),
        "title_word_zipf": float(raw.get("title_word_zipf", 99.0)),
        "honorifics": frozenset(_key(raw, "honorifics")),  # as written: titles are capitalised
        "company_designators": frozenset(_key(raw, "company_designators")),  # as written: "Co", not "co"
        "unit_nouns": frozenset(w.lower() for w in _key(raw, "unit_nouns")),
        "subject_verbs": frozenset(w.lower() for w in raw.get("subject_verbs", [])),
        "place_prepositions": frozenset(w.lower() for w in raw.get("place_prepositions", [])),
        "label_words": frozenset(w.lower() for w in raw.get("label_words", [])),
        "common_codes": frozenset(w.lower() for w in raw.get("common_codes", [])),
        "standard_series": tuple(raw.get("standard_series", [])),
        "function_words": {lang: frozenset(w.lower() for w in words)
                           for lang, words in raw.get("function_words", {}).items()},
    }


def _key(raw: dict, key: str) -> list:
    """A list the rules cannot work without: a lexicon that lacks it is a broken installation."""
    from prose_lint.errors import ConfigError

    if key not in raw:
        raise ConfigError(f"lexicon stray_token: key '{key}' missing")
    return raw[key]


def _plural_head(phrase: str) -> str:
    head, sep, rest = phrase.partition(" ")
    return re.escape(head) + ("s?" + re.escape(sep + rest) if sep else "")


# code in a paragraph (inline code, a sigil, an operator, a call): its brackets, straight quotes and
# asterisks may belong to the code, or close in a code block a converter dropped ("(see Example 10.13,
# ... `db.falcot`"); unpaired-bracket and unpaired-emphasis do not judge such a paragraph
# (an increment glued to a name, "*from++;", "++i", is code; "C++" is a name)
_CODE_SHAPED = re.compile(r"`|\$[\w({\[]|\w::\w|\|\w|\w\||[=!<>]=|=>|->|<\w+>|\w\(\)|\\[a-zA-Z]|\w\+\+[;),\]]|\+\+[a-z_]")
# a brace that ends a line opens a block of C-like code ("int add(int x) {"), but a stray brace may end a line of
# hard-wrapped prose too ("... establish {\nJustice, insure ..."): so it counts only with another sign of code in
# the paragraph, a line that starts with "}", a line that ends with ";", or an indented line
_BRACE_LINE_END = re.compile(r"\{[ \t]*$", re.M)
_CODE_LINES = re.compile(r"^[ \t]*\}|;[ \t]*$|^(?: {2,}|\t)\S", re.M)


def _code_shaped(text: str, start: int, end: int) -> bool:
    """text[start:end] (a paragraph) holds code: see _CODE_SHAPED and _BRACE_LINE_END."""
    if _CODE_SHAPED.search(text, start, end):
        return True
    line_start = text.rfind("\n", 0, start) + 1  # a paragraph's span may begin after its indentation
    return bool(_BRACE_LINE_END.search(text, start, end) and _CODE_LINES.search(text, line_start, end))

_ZIPF_CACHE: dict[str, dict[str, float]] = {}  # language -> word -> Zipf frequency
_ZIPF_CACHE_LIMIT = 500_000


def _zipf(word: str, lang: str) -> float:
    """wordfreq Zipf frequency. English uses the large list (rare English words matter); other
    languages the small one (only their frequent words matter): 10 ms and a few MB per language
    instead of 0.1-0.3 s and ~40 MB."""
    table = _ZIPF_CACHE.get(lang)
    if table is None or len(table) > _ZIPF_CACHE_LIMIT:  # a warm server meets new words without end
        table = _ZIPF_CACHE[lang] = {}
    value = table.get(word)
    if value is None:
        # a plain lowercase word is a direct look-up there (wordtables.plain_zipf)
        value = table[word] = zipf_frequency(word, lang, wordlist="best" if lang == "en" else "small")
    return value


_PRELOADED: set[str] = set()


def _preload(langs) -> None:
    """Load the frequency lists of ``langs`` now rather than at the first word that needs them.

    The rules call this at their first check, which warm_up runs in the parent process before the
    workers are forked: the lists (~4 MB per language) are then shared by every worker instead of
    being loaded, word by word as documents need them, in each one (65 MB per worker measured)."""
    missing = [lang for lang in langs if lang not in _PRELOADED]
    if not missing:
        return
    from prose_lint.wordtables import frequency_table

    for lang in missing:
        frequency_table(lang, "best" if lang == "en" else "small")  # _zipf's lists (kept for the process)
        _PRELOADED.add(lang)


def _zipf_table(lang: str) -> dict[str, float]:
    """The cache of ``_zipf`` for one language, for loops that look up every word (``.get`` first)."""
    return _ZIPF_CACHE.setdefault(lang, {})


def _primary(language: str) -> str:
    return (language or "en").split("-")[0].split("_")[0].lower() or "en"


_QUOTE_PAIRS = {"“": "”", "«": "»", "„": "“", "‘": "’", "‹": "›", "「": "」", "『": "』"}


def _quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans (document offsets) inside double quotation marks in text[start:end]."""
    spans = []
    segment = text[start:end]
    # straight double quotes: pair them in order
    opened = None
    for m in re.finditer(r'"', segment):
        if opened is None:
            opened = m.start()
        else:
            spans.append((start + opened, start + m.end()))
            opened = None
    for m in re.finditer(r"“[^“”]*”|«[^«»]*»|„[^„“”]*[“”]|「[^」]*」|‘[^‘’]{2,}?’(?!\w)", segment):
        spans.append((start + m.start(), start + m.end()))
    return spans

"""textstat's readability metrics, computed from counts taken in one pass over each paragraph.

textstat (0.7.x) computes every metric from scratch on the text it is given: seven metrics on a
paragraph tokenise it and count its syllables several times over, with per-word caches of 128
entries, and importing it pulls in nltk and scipy (2.4 s). On a 1M-word corpus that was two thirds
of the document-level rules' time. This module keeps textstat's *definitions* and computes them
once:

1. ``count(text)`` tokenises a text as textstat does (``remove_punctuation`` then ``split``; its
   sentence regex and its rule that a "sentence" of two words or fewer does not count) and counts,
   in one pass, what the formulas need: words, sentences, syllables (CMU dictionary, first
   pronunciation; pyphen's hyphenation for unknown words: textstat's rule), words of three or more
   syllables, words not on the Dale-Chall list of easy words (textstat's own list), letters and
   characters. A word's syllables are computed once per process.
2. Counts add up, so a section's and the document's metrics are the formulas applied to the sum of
   their paragraphs' counts (a paragraph break ends a sentence), not a second pass over the text.
3. ``metrics(counts)`` applies textstat's formulas, with its edge cases (0.0 on an empty text).

``tests/test_readability_counts.py`` checks that every metric equals textstat's own function on
every paragraph of the clean corpus and on texts written to hit the edge cases, so a textstat
release that changes a definition fails the suite rather than drifting silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# textstat.backend.utils.constants and transformations._remove_punctuation
_NONCONTRACTION_APOSTROPHE = re.compile(r"'(?![tsd]|ve|ll|re)")
_PUNCTUATION = re.compile(r"[^\w\s']")
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")  # textstat.backend.counts._count_sentences
_WORD_CHARS = re.compile(r"\w+")
# textstat's LANG_CONFIGS["en"]: Flesch reading ease, and the syllables of a "difficult" word (Gunning fog)
FRE_BASE, FRE_SENTENCE_LENGTH, FRE_SYLLABLES_PER_WORD = 206.835, 1.015, 84.6
FOG_SYLLABLES = 3

METRICS = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "dale_chall_readability_score",
    "automated_readability_index",
)


@dataclass
class Counts:
    words: int = 0  # textstat's count_words: tokens after removing punctuation
    tokens: int = 0  # count_words(rm_punctuation=False): whitespace-separated tokens (ARI)
    sentences: int = 0
    syllables: int = 0
    polysyllables: int = 0  # 3+ syllables (SMOG)
    hard: int = 0  # not an easy word and 3+ syllables (Gunning fog)
    unfamiliar: int = 0  # not an easy word (Dale-Chall)
    letters: int = 0  # word characters (Coleman-Liau)
    chars: int = 0  # non-space characters (ARI)

    def __add__(self, o: Counts) -> Counts:
        return Counts(self.words + o.words, self.tokens + o.tokens, self.sentences + o.sentences,
                      self.syllables + o.syllables, self.polysyllables + o.polysyllables, self.hard + o.hard,
                      self.unfamiliar + o.unfamiliar, self.letters + o.letters, self.chars + o.chars)


class _Lexicon:
    """Syllables per word (CMU dictionary, else pyphen) and the easy-word list, loaded once."""

    def __init__(self) -> None:
        import pyphen

        from prose_lint.wordtables import syllable_table

        # word -> stressed vowels of its first pronunciation (compact: 3 MB instead of a 35 MB dict)
        self.syllables = syllable_table()
        self.guessed: dict[str, int] = {}  # words the dictionary lacks -> pyphen's count
        self.pyphen = pyphen.Pyphen(lang="en_US")
        self.easy = _easy_words()
        self.profiles: dict[str, tuple[int, int, int, int]] = {}

    def count(self, word: str) -> int:
        n = self.guessed.get(word)
        if n is None:
            n = self.syllables.value(word)
            if n is None:
                n = self.guessed[word] = len(self.pyphen.positions(word)) + 1
        return n

    def profile(self, word: str) -> tuple[int, int, int, int]:
        """(syllables, polysyllable, unfamiliar, hard) of a lower-case word, as 0/1 flags to be summed."""
        p = self.profiles.get(word)
        if p is None:
            n = self.count(word)
            poly = int(n >= FOG_SYLLABLES)
            unfamiliar = int(word not in self.easy)
            p = self.profiles[word] = (n, poly, unfamiliar, poly & unfamiliar)
        return p


def _easy_words() -> frozenset[str]:
    """textstat's Dale-Chall list (resources/en/easy_words.txt), read without importing textstat
    (its import loads nltk and scipy)."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("textstat")
    for location in (spec.submodule_search_locations or []) if spec else []:
        path = Path(location) / "resources" / "en" / "easy_words.txt"
        if path.is_file():
            return frozenset(line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    raise RuntimeError("textstat's easy_words.txt was not found: reinstall textstat")


_LEXICON: _Lexicon | None = None


def lexicon() -> _Lexicon:
    global _LEXICON
    if _LEXICON is None:
        _LEXICON = _Lexicon()
    return _LEXICON


def _words(text: str) -> list[str]:
    return _PUNCTUATION.sub("", _NONCONTRACTION_APOSTROPHE.sub("", text)).split()


_CACHE_LIMIT = 200_000  # words kept by the lexicon's caches


def count(text: str) -> Counts:
    """textstat's counts of ``text`` (one paragraph, or any text), in one pass."""
    if not text:
        return Counts()
    lex = lexicon()
    if len(lex.profiles) > _CACHE_LIMIT:  # a warm server meets new words without end
        lex.profiles.clear()
        lex.guessed.clear()
    known, profile = lex.profiles.get, lex.profile
    words = _words(text)
    rows = [known(w) or profile(w) for w in map(str.lower, words)]
    c = Counts(words=len(words))
    if rows:
        c.syllables, c.polysyllables, c.unfamiliar, c.hard = map(sum, zip(*rows))
    sentences = _SENTENCE.findall(text)
    c.sentences = max(1, len(sentences) - sum(1 for s in sentences if len(_words(s)) <= 2))
    tokens = text.split()  # str.split and the regex \s split on the same (Unicode) whitespace
    c.tokens = len(tokens)
    c.chars = sum(map(len, tokens))  # the characters that are not whitespace
    c.letters = sum(map(len, _WORD_CHARS.findall(text)))
    return c


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def metrics(c: Counts) -> dict[str, float]:
    """textstat's seven metrics for counts (unrounded), with its zero-division cases."""
    wps = _ratio(c.words, c.sentences)
    spw = _ratio(c.syllables, c.words)
    letters = _ratio(c.letters, c.words) * 100
    sentences = _ratio(c.sentences, c.words) * 100
    cpw = _ratio(c.chars, c.tokens)
    out = {
        "flesch_reading_ease": FRE_BASE - FRE_SENTENCE_LENGTH * wps - FRE_SYLLABLES_PER_WORD * spw
        if wps and spw else 0.0,
        "flesch_kincaid_grade": 0.39 * wps + 11.8 * spw - 15.59 if wps and spw else 0.0,
        "gunning_fog": 0.4 * (wps + 100 * c.hard / c.words) if c.words else 0.0,
        "smog_index": 1.043 * (30 * c.polysyllables / c.sentences) ** 0.5 + 3.1291 if c.sentences else 0.0,
        "coleman_liau_index": 0.058 * letters - 0.296 * sentences - 15.8 if letters and sentences else 0.0,
        "automated_readability_index": 4.71 * cpw + 0.5 * wps - 21.43 if cpw and wps else 0.0,
    }
    if c.words:
        unfamiliar = 100 * c.unfamiliar / c.words
        out["dale_chall_readability_score"] = 0.1579 * unfamiliar + 0.0496 * wps + (3.6365 if unfamiliar > 5 else 0.0)
    else:
        out["dale_chall_readability_score"] = 0.0
    return {name: out[name] for name in METRICS}

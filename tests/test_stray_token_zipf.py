"""The fast Zipf lookup for plain lowercase words (prose_lint.wordtables, used by the stray-token rules and
off-topic-content's IDF) agrees with wordfreq's own."""

import random

from wordfreq import get_frequency_dict, zipf_frequency

from prose_lint import wordtables
from prose_lint.wordtables import _PLAIN, _regex_tokenized
from prose_lint.wordtables import plain_zipf as _plain_zipf


def test_plain_zipf_matches_wordfreq():
    # The whole lists (1.16M words over the 18 languages the rules ask) agreed when this was written;
    # a sample keeps the test fast.
    rng = random.Random(7)
    unknown = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(1, 12)))
               for _ in range(300)]
    for lang in ("en", "fr", "de", "pl", "tr", "ro"):
        wordlist = "best" if lang == "en" else "small"
        assert _regex_tokenized(lang)
        known = [w for w in get_frequency_dict(lang, wordlist) if _PLAIN.fullmatch(w)]
        for word in rng.sample(known, 1500) + unknown:
            assert _plain_zipf(word, lang, wordlist) == zipf_frequency(word, lang, wordlist=wordlist), (lang, word)


def test_zipf_frequency_takes_the_fast_path_with_the_same_values():
    # plain words go through plain_zipf, the others (capitals, apostrophes, digits, a minimum) through
    # wordfreq's algorithm: both agree with wordfreq itself
    for word in ("harbour", "the", "zzxqv", "Harbour", "don't", "b2b", "café", "x"):
        assert wordtables.zipf_frequency(word, "en") == zipf_frequency(word, "en"), word
    assert wordtables.zipf_frequency("harbour", "en", minimum=2.0) == zipf_frequency("harbour", "en", minimum=2.0)

"""The stray-token rules' fast Zipf lookup for plain lowercase words agrees with wordfreq's own."""

import random

from wordfreq import get_frequency_dict, zipf_frequency

from prose_lint.checks.stray_token.common import _PLAIN, _plain_zipf, _regex_tokenized


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

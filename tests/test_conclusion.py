"""duplicated-conclusion and duplicate-text: seed rows, must-not-flag rows, structure handling."""

from __future__ import annotations

import pytest

from prose_lint.config import Settings
from prose_lint.engine import Linter
from prose_lint.positions import LineIndex
from prose_lint.source import Source
from seedutil import CLEAN, lines_of, lint, matches, seed_path

DC = "duplicated-conclusion"
DT = "duplicate-text"


@pytest.fixture(scope="module")
def seeds():
    return {p: lint(seed_path(p), [DC, DT]) for p in ("000", "001", "002", "003", "004")}


def test_000_second_in_conclusion_in_the_abstract(seeds):
    r = seeds["000"]
    (d,) = matches(r, 32, 1591, DC)
    assert r.text[d.start:d.end].startswith("In conclusion")
    # the first marker is the related location, not a finding
    assert not matches(r, 32, 1364, DC)
    index = LineIndex(r.text)
    assert [index.line_col(x.start) for x in d.related] == [(32, 1364)]


def test_000_conclusion_that_is_an_introduction(seeds):
    r = seeds["000"]
    found = matches(r, 202, 1, DC)
    assert len(found) == 1
    index = LineIndex(r.text)
    related = {index.line_col(x.start) for x in found[0].related}
    assert {(202, 16), (202, 549)} <= related


def test_000_has_no_other_conclusion_findings(seeds):
    assert lines_of(seeds["000"], DC) == [32, 202]


def test_004_single_conclusion_is_not_flagged(seeds):
    assert not matches(seeds["004"], 43, 1, DC)
    assert not lines_of(seeds["004"], DC)


def test_001_two_closing_paragraphs_restating(seeds):
    (d,) = [d for d in seeds["001"].diagnostics if d.rule == DC]
    index = LineIndex(seeds["001"].text)
    assert index.line_col(d.start)[0] == 67
    assert index.line_col(d.related[0].start)[0] == 64


def test_002_repeated_headlines(seeds):
    r = seeds["002"]
    found = [d for d in r.diagnostics if d.rule == DT]
    index = LineIndex(r.text)
    pairs = sorted((index.line_col(d.start)[0], index.line_col(d.related[0].start)[0]) for d in found)
    assert pairs == [(8, 1), (39, 34)]


def test_no_duplicates_in_003_004(seeds):
    assert not lines_of(seeds["003"], DT) and not lines_of(seeds["004"], DT)


def test_paper07_structured_abstract_conclusion_is_not_a_second_conclusion():
    r = lint(CLEAN / "paper07.md", [DC])
    assert not r.diagnostics


def _run(rule: str, text: str, markup: str = "markdown"):
    path = "t.md" if markup == "markdown" else "t.txt"
    return Linter(Settings(select=[rule], markup=markup)).lint_source(Source(path, text)).diagnostics


def test_abstract_in_conclusion_does_not_pair_with_body_conclusion():
    text = ("# T\n\n## Abstract\n\nWe measured rain. In conclusion, it rains a great deal in the hills.\n\n"
            "## Results\n\nIt rained on two hundred days of the year in the hills and ninety on the coast.\n\n"
            "## Conclusion\n\nIn conclusion, the hills are wetter than the coast by a wide margin.\n")
    assert not _run(DC, text)


def test_two_summing_up_openers_at_the_end():
    text = ("The first part of the report describes the site and its history in some detail for the reader.\n\n"
            "The second part describes the excavation and the finds of each season, trench by trench.\n\n"
            "The third part compares the finds with those of the neighbouring sites in the valley.\n\n"
            "In summary, the site was occupied for about three centuries and then abandoned.\n\n"
            "All in all, three centuries of occupation ended with a sudden abandonment of the site.\n")
    found = _run(DC, text, "text")
    assert len(found) == 1 and text[found[0].start:].startswith("All in all")


def test_summary_marker_mid_document_is_not_a_conclusion():
    text = ("The first section describes the method in detail for other laboratories to follow.\n\n"
            "In summary, the method needs only a balance and a drying oven, which every school has.\n\n"
            "The second section reports the results of the forty schools that tried the method.\n\n"
            "The third section discusses the errors and how they could be reduced next year.\n\n"
            "The fourth section lists the schools and the teachers who took part in the trial.\n\n"
            "In conclusion, the method works in ordinary schools and should be offered to all of them.\n")
    assert not _run(DC, text, "text")


def test_per_chapter_conclusions_are_not_duplicates():
    text = ("# Book\n\n## Chapter one\n\nText of the first chapter about rivers.\n\n### Conclusion\n\nRivers matter.\n\n"
            "## Chapter two\n\nText of the second chapter about lakes.\n\n### Conclusion\n\nLakes matter too.\n")
    assert not _run(DC, text)


def test_duplicate_text_is_linear_and_finds_a_late_copy():
    # 20,000 distinct paragraphs and one repeated: must finish quickly (no n x n) and find it.
    def word(n: int) -> str:
        letters = ""
        for _ in range(4):
            n, r = divmod(n, 26)
            letters += "abcdefghijklmnopqrstuvwxyz"[r]
        return letters

    paras = [" ".join(word(i * 7 + k * 104729 + i * k) for k in range(12)) + "." for i in range(20_000)]
    paras.append(paras[123])
    text = "\n\n".join(paras) + "\n"
    found = _run(DT, text, "text")
    assert len(found) == 1
    assert text[found[0].related[0].start:found[0].related[0].end] == paras[123]


def test_edge_cases_do_not_crash():
    for text in ("", "\x00", "In conclusion.\r\n\r\nIn conclusion.", "word " * 30000):
        for rule in (DC, DT):
            _run(rule, text, "text")


def test_a_restating_marker_needs_its_comma():
    """"In all my acts", "Again we see", "That is why" are ordinary English; "In all,", "Again," and
    "The upshot is that" announce a restatement. Concluding markers keep an optional comma."""
    from prose_lint.checks.conclusion_markers import lexicon

    restate = lexicon().restate
    for text in ("In all my public acts I will be open.", "Again we see the river rise.", "That is why we left."):
        assert not restate.match(text), text
    for text, marker in (("In all, we did it.", "In all,"), ("Again, we see it.", "Again,"),
                         ("The upshot is that we won.", "The upshot is"), ("In conclusion the plan works.", "In conclusion")):
        m = restate.match(text)
        assert m and m.group(0) == marker, text

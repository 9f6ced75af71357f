"""boilerplate: the seed rows of EXPECTED.md, the must-not-flag lines, and the algorithm's parts."""

from __future__ import annotations

from pathlib import Path

import pytest

from prose_lint.config import Settings
from prose_lint.engine import Linter
from prose_lint.source import Source
from seedutil import clean_files, lines_of, lint, matches, seed_path

RULE = "boilerplate"


@pytest.fixture(scope="module")
def seeds():
    return {p: lint(seed_path(p), [RULE]) for p in ("000", "001", "002", "003", "004")}


@pytest.mark.parametrize("prefix,line,col", [
    ("001", 70, 1),
    ("002", 4, 1), ("002", 5, 1), ("002", 6, 1), ("002", 36, 1), ("002", 37, 1),
    *[("003", n, 1) for n in (1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12)],
    ("003", 13, 1), ("003", 31, 1),
    ("004", 48, 1), ("004", 49, 1),
])
def test_seed_rows_are_found(seeds, prefix, line, col):
    assert matches(seeds[prefix], line, col, RULE), f"{prefix} {line}:{col} not reported"


def test_each_block_is_reported_once(seeds):
    # 003 lines 1-12 are one block; 002 lines 4-6 and 36-37 are two blocks; 004 48-49 one.
    assert lines_of(seeds["003"], "boilerplate/forum") == [1, 31]
    assert lines_of(seeds["002"], RULE) == [4, 36]
    assert lines_of(seeds["004"], RULE) == [48]
    assert lines_of(seeds["001"], RULE) == [70]


def test_forum_icon_label_has_a_fix(seeds):
    (d,) = [d for d in seeds["003"].diagnostics if d.rule == "boilerplate/forum-icon"]
    text = seeds["003"].text
    assert text[d.start:d.end] == "Default"
    assert d.fix is not None
    (edit,) = d.fix.edits
    assert text[edit.start:edit.end] == "Default "


@pytest.mark.parametrize("prefix,line", [
    ("002", 1), ("002", 3), ("002", 8), ("002", 34), ("002", 39),  # headlines, the photo caption
    ("004", 1), ("004", 4), ("004", 5), ("004", 8), ("004", 10), ("004", 43), ("004", 45),  # salutations, "I thank you."
    ("003", 15), ("003", 30),  # the post itself
])
def test_must_not_flag(seeds, prefix, line):
    assert not matches(seeds[prefix], line, None, RULE)


def test_nothing_in_the_paper(seeds):
    assert not seeds["000"].diagnostics


def test_news_dateline_and_letter_address_in_clean_corpus():
    names = {"news01.txt", "news02.txt", "statement01.txt", "paper05.md", "speech03.txt"}
    linter = Linter(Settings(select=[RULE]))
    for path in clean_files():
        if path.name in names:
            assert not linter.lint_path(str(path)).diagnostics, path.name


def _run(text: str):
    return Linter(Settings(select=[RULE], markup="text")).lint_source(Source("t.txt", text)).diagnostics


def test_weak_line_needs_chrome_next_to_it():
    # "Location: Leeds" alone is a field label of the document; next to a forum panel line it is chrome.
    alone = "The survey was run in two cities.\n\nLocation: Leeds\n\nThe questions were the same in both cities, and so were the interviewers."
    assert not _run(alone)
    panel = "Posts: 1,204\nLocation: Leeds\n\nThe questions were the same in both cities, and so were the interviewers."
    (d,) = _run(panel)
    assert d.rule == "boilerplate/forum" and "Location" in panel[d.start:d.end]


def test_short_line_between_chrome_becomes_chrome():
    text = ("Share on Facebook\nJane Smith\nFollow us on Twitter\n\n"
            "The harbour was rebuilt after the storm, and the breakwater was extended by two hundred metres.")
    (d,) = _run(text)
    assert text[d.start:d.end].endswith("Follow us on Twitter")


def test_good_prose_never_becomes_chrome():
    text = ("Share on Facebook\n"
            "The harbour was rebuilt after the storm, and the new breakwater was extended by two hundred metres to protect the fleet.\n"
            "Follow us on Twitter")
    found = _run(text)
    assert len(found) == 2 and all("harbour" not in text[d.start:d.end] for d in found)


def test_empty_and_odd_documents():
    assert not _run("")
    assert not _run("\x00\r\n\r\n")
    assert _run("Reply With Quote\r\n") and _run("x" * 50_000 + "\nReply With Quote")


def test_one_alternation_stands_for_the_whole_line_patterns():
    """The lexicon asks the alternation of every whole-line pattern first; it must agree with asking each."""
    import tomllib

    from prose_lint.checks import boilerplate_features as bf
    from seedutil import CLEAN, SEEDS

    lex = bf.lexicon()
    full = [p for p in lex["patterns"] if p.full and p.strength != "icon"]
    lines = [line.strip() for p in [*CLEAN.glob("*.*"), *SEEDS.glob("*.txt")]
             for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    cases = tomllib.loads((Path(__file__).parent / "cases" / "boilerplate.toml").read_text(encoding="utf-8"))
    lines += [line.strip() for case in cases.get("case", []) for line in case.get("text", "").splitlines()]
    hits = 0
    for line in lines:
        line = line.rstrip(".!:;,")
        each = any(p.regex.fullmatch(line) for p in full)
        assert (lex["any_full"].fullmatch(line) is not None) == each, line
        hits += each
    assert hits > 10

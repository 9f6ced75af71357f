from __future__ import annotations

import pytest

from prose_lint.config import Settings
from prose_lint.engine import Linter
from prose_lint.positions import LineIndex
from prose_lint.source import decode


@pytest.mark.parametrize("text, offset, expected", [
    ("abc\ndef", 4, (2, 1)),
    ("abc\r\ndef", 5, (2, 1)),
    ("abc\rdef", 4, (2, 1)),
    ("a\r\n\r\nb", 5, (3, 1)),
    ("\tx", 1, (1, 2)),  # a tab is one code point
    ("😀x", 1, (1, 2)),  # astral characters count once (code points, not UTF-16 units)
    ("", 0, (1, 1)),
    ("abc\n", 4, (2, 1)),
])
def test_line_col(text, offset, expected):
    assert LineIndex(text).line_col(offset) == expected


def test_end_position_is_exclusive():
    lines = LineIndex("hello world\nnext")
    assert lines.end_line_col(6, 11) == (1, 12)
    assert lines.end_line_col(12, 16) == (2, 5)


def test_bom_is_not_a_column():
    source = decode("\ufeffthe the".encode("utf-8"), "bom.txt")
    assert source.text == "the the" and source.bom
    result = Linter(Settings(select=["repeated-word"])).lint_source(source)
    (d,) = result.diagnostics
    assert LineIndex(result.text).line_col(d.start) == (1, 5)


def lint_positions(text: str, path: str, rule: str = "repeated-word"):
    result = Linter(Settings(select=[rule])).lint_source(decode(text.encode("utf-8"), path))
    lines = LineIndex(result.text)
    return [(lines.line_col(d.start), result.text[d.start:d.end]) for d in result.diagnostics]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_positions_with_any_line_ending(newline):
    text = newline.join(["# Title", "", "Some **bold** text with `code`.", "", "A 😀 note: the the end."])
    assert lint_positions(text, "doc.md") == [((5, 15), "the")]


def test_positions_after_masked_markdown():
    text = "Read [the docs](https://example.com/the/the) and <b>the</b> the end, `the the`.\n"
    (((line, col), word),) = lint_positions(text, "doc.md")
    assert (line, col) == (1, 61) and word == "the"
    assert text[col - 1:col + 2] == "the"


def test_tabs_and_astral_in_plain_text():
    text = "x\t😀\twhat it is is wrong\n"
    assert lint_positions(text, "t.txt", "repeated-word") == []  # "what it is is" is allowed
    text = "x\t😀\tthis is is wrong\n"
    assert lint_positions(text, "t.txt", "repeated-word") == [((1, 13), "is")]
    text = "x\t😀\tthe the wrong\n"
    assert lint_positions(text, "t.txt") == [((1, 9), "the")]

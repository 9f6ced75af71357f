from __future__ import annotations

from prose_lint.config import Settings
from prose_lint.engine import Linter
from prose_lint.positions import LineIndex
from prose_lint.source import Source


def lines_flagged(text: str, **settings) -> list[tuple[int, str]]:
    settings.setdefault("select", ["repeated-word", "repeated-punctuation"])
    result = Linter(Settings(**settings)).lint_source(Source("s.md", text))
    index = LineIndex(result.text)
    return [(index.line_col(d.start)[0], d.rule) for d in result.diagnostics]


def test_disable_and_enable_region():
    text = ("the the\n\n<!-- prose-lint-disable repeated-word -->\n\nthe the!!\n\n"
            "<!-- prose-lint-enable repeated-word -->\n\nthe the\n")
    assert lines_flagged(text) == [(1, "repeated-word"), (5, "repeated-punctuation"), (9, "repeated-word")]


def test_disable_all_rules():
    text = "<!-- prose-lint-disable -->\n\nthe the!!\n"
    assert lines_flagged(text) == []


def test_disable_next_line_and_line():
    text = ("<!-- prose-lint-disable-next-line repeated-word -->\nthe the\n\nthe the\n\n"
            "and and <!-- prose-lint-disable-line -->\n")
    assert lines_flagged(text) == [(4, "repeated-word")]


def test_family_prefix_in_directive():
    text = "<!-- prose-lint-disable-next-line repeated -->\nthe the!!\n"
    # "repeated" is neither rule id nor family of either rule: nothing suppressed.
    assert len(lines_flagged(text)) == 2


def test_directive_inside_code_is_ignored():
    text = "```\n<!-- prose-lint-disable -->\n```\n\nthe the\n"
    assert lines_flagged(text) == [(5, "repeated-word")]


def test_unused_suppression_is_reported_when_asked():
    text = "<!-- prose-lint-disable-next-line repeated-word -->\nAll fine here.\n"
    assert lines_flagged(text) == []
    assert lines_flagged(text, report_unused_suppressions=True) == [(1, "unused-suppression")]

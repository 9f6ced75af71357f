"""Property tests: for arbitrary text the run never crashes and every region lies inside the file."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prose_lint.config import Settings
from prose_lint.engine import Linter
from prose_lint.output.records import records_for
from prose_lint.source import Source

LINTER = Linter(Settings(select=["ALL"], no_grammar=True))

words = st.sampled_from([
    "the", "The", "in order to", "colour", "color", "In conclusion,", "Des", "analysts", "**bold**", "`code`",
    "[link](http://x.y)", "<b>", "</b>", "&amp;", "\\_", "(R201)", ")", "(", "“", "”", "上海", "Reply With Quote",
    "Posts: 3", "#", "##", "-", "|", "\t", "\r\n", "\n", "\n\n", "\r", "😀", "\x00", "é", "never", "increased", "2019",
])
texts = st.one_of(
    st.text(max_size=400),
    st.lists(words, max_size=120).map(" ".join),
    st.lists(st.one_of(words, st.text(max_size=8)), max_size=80).map("".join),
)


def check(text: str, path: str) -> None:
    result = LINTER.lint_source(Source(path, text))
    assert result.error is None
    internal = [d.message for d in result.diagnostics if d.rule == "internal-error"]
    assert not internal, internal
    for d in result.diagnostics:
        assert 0 <= d.start <= d.end <= len(text)
        for r in d.related:
            assert 0 <= r.start <= r.end <= len(text)
    for rec in records_for(result):
        assert 1 <= rec.region.line <= text.count("\n") + text.count("\r") + 1
        assert rec.region.column >= 1 and rec.region.end_column >= 1


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_markdown_never_crashes(text):
    check(text, "prop.md")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_plain_text_never_crashes(text):
    check(text, "prop.txt")

"""The Document's shared token scan (prose_lint/tokens.py) answers every span as the pattern's own scan would."""

from __future__ import annotations

import re

import pytest

from prose_lint.analysis import TOKEN_RE, WORD_RE
from prose_lint.parse import parse_source
from prose_lint.source import Source
from prose_lint.tokens import TokenIndex

# Texts where a span-limited scan can differ from the whole-text scan: letters glued to digits ("abc1",
# "S1"), joiners at a span's end ("well-" | "known", "ab-c1"), apostrophes, non-ASCII letters and digits,
# currency signs, a final sigma, an underscore.
TRICKY = [
    "Don't use well-known H2O or S1 here; l’état, 3 cats.",
    "abc1 ab-c1 ab-cd1 x-1 -ab- a''b 1ab cd_ef Σίσυφος ΟΔΟΣ ½x",
    "Sales rose 12% to $4,000 in 2019 (€5 or £3); naïve co-op’s",
    "",
    "   ",
]


@pytest.mark.parametrize("pattern", [WORD_RE, TOKEN_RE], ids=["WORD_RE", "TOKEN_RE"])
@pytest.mark.parametrize("text", TRICKY)
def test_every_span_is_the_patterns_own_scan(pattern, text):
    index = TokenIndex(pattern, text)
    assert index.words == pattern.findall(text)
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            assert index.span(start, end) == pattern.findall(text, start, end), (start, end)
            assert index.span(start, end, sliced=True) == pattern.findall(text[start:end]), (start, end)
            assert index.count(start, end) == len(pattern.findall(text, start, end))


def test_the_document_scans_its_prose_once_for_every_rule():
    doc = parse_source(Source("doc.md", "# Title\n\nA *bold* claim, well-known. Another S1 one.\n"), "auto")
    index = doc.token_index()
    assert doc.token_index() is index  # memoised: one scan per pattern and document
    assert doc.token_index(TOKEN_RE) is not index
    block = doc.paragraphs[0]
    assert doc.span_words(block.start, block.end) == WORD_RE.findall(doc.prose, block.start, block.end)
    assert doc.span_words(block.start, block.end) == ["A", "bold", "claim", "well-known", "Another", "one"]
    assert doc.span_word_count(0, len(doc.prose)) == doc.word_count == 7


def test_clean_prose_spans_are_answered_from_the_shared_scan():
    text = "One sentence here. Another one there."
    index = TokenIndex(WORD_RE, text)
    assert index.bounds(0, 18) == (0, 3)
    assert index.bounds(19, len(text)) == (3, 6)
    assert index.bounds(2, 18) == (-1, -1)  # "ne" of "One": the whole-text scan has no such token


def test_a_document_too_long_to_index_scans_each_span(monkeypatch):
    monkeypatch.setattr("prose_lint.tokens.MAX_INDEXED_CHARS", 10)
    text = TRICKY[0]
    index = TokenIndex(WORD_RE, text)
    assert index.words == [] and index.bounds(0, len(text)) == (-1, -1)  # nothing kept
    assert index.span(0, len(text)) == WORD_RE.findall(text)
    assert index.count(5, 20, sliced=True) == len(WORD_RE.findall(text[5:20]))


def test_a_pattern_with_a_capturing_group_is_refused():
    with pytest.raises(ValueError, match="capturing group"):
        TokenIndex(re.compile(r"(\w)+"), "some words")

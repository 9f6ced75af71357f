"""markdown_inline.code_spans_only gives markdown-it's own inline tokens for text whose only inline syntax is
code spans (else None), so the parser may skip markdown-it's inline parse for it."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from prose_lint.markdown_inline import code_spans_only as _code_spans_only
from prose_lint.parse import parse_source
from prose_lint.source import Source

_REF = MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough")
_DOCS = Path(__file__).resolve().parents[1] / "docs"


def _reference(src: str) -> list[tuple[str, str, str]]:
    """markdown-it's children, as _align_inline reads them (a hard break is a soft break to it)."""
    return [("softbreak" if c.type == "hardbreak" else c.type, c.content, c.markup if c.type == "code_inline" else "")
            for c in _REF.parseInline(src)[0].children]


def _fast(src: str):
    got = _code_spans_only(src)
    return None if got is None else [(c.type, c.content, c.markup) for c in got]


@pytest.mark.parametrize("src", [
    "Call `f()` then `g`.",
    "Use ``a ` b`` here",  # a longer run closes only at a run of its length
    "`` ` `` and ` `` `",
    "unmatched ` tick and ``` run",
    "a `code\nacross` lines",
    "trailing  \n   next `x`  \nlast",  # hard break, leading spaces and tabs skipped
    "`  two spaces  ` and `   ` all spaces",
    "`x`\n`y`",
    "ends with a tick `",
])
def test_code_spans_as_markdown_it(src):
    assert _fast(src) == _reference(src)


@pytest.mark.parametrize("src", ["a `b` *c*", "a_b `c`", "[x] `y`", "`a` <b>", "`a` &amp;", r"\`a`", "`a` ~~b~~"])
def test_other_syntax_outside_code_goes_to_markdown_it(src):
    assert _code_spans_only(src) is None


def test_other_syntax_inside_code_spans_is_code():
    assert _fast("`*a* [b] <c> d_e`") == _reference("`*a* [b] <c> d_e`")


def test_random_texts():
    rnd = random.Random(7)
    taken = 0
    for _ in range(20_000):
        src = "".join(rnd.choice("```  \n\tab_*") for _ in range(rnd.randint(1, 12)))
        fast = _fast(src)
        assert fast is None or fast == _reference(src), src
        taken += fast is not None
    assert taken >= 4_000, taken  # ~8,200: the fast path is taken, not always left to markdown-it


def test_many_unclosed_runs():
    """A paragraph of many unclosed runs (each run's closer is looked up, not scanned for: that scan made
    such a paragraph quadratic; the speed itself is for benchmarks, not a timed unit test)."""
    src = "".join("`" * n + " x " for n in range(2, 60)) + "`a` b " * 200
    fast = _fast(src)
    assert fast is not None and fast == _reference(src)


def test_the_documentation_parses_as_without_the_fast_path(monkeypatch):
    """Every Markdown file of docs/: the same Document whether code-span-only blocks take the fast path."""
    import prose_lint.markdown as markdown

    files = sorted(_DOCS.rglob("*.md"))
    assert files
    fast = [parse_source(Source(str(f), f.read_text(encoding="utf-8"))) for f in files]
    monkeypatch.setattr(markdown, "code_spans_only", lambda src: None)
    for f, doc in zip(files, fast):
        slow = parse_source(Source(str(f), f.read_text(encoding="utf-8")))
        assert (doc.prose, doc.blocks, doc.inline) == (slow.prose, slow.blocks, slow.inline), f

"""markdown-it's inline tokens of a block whose only inline syntax is code spans, without its inline parser.

Technical prose quotes names in backticks: in the benchmark corpus, 84% of the inline blocks that have
any inline syntax have only code spans outside of which nothing else is syntax. markdown-it's inline
parser (pure Python, a rule tried at every syntax character) takes three times as long on them as
``code_spans_only``, which gives the same tokens.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_OTHER_SYNTAX = re.compile(r"[\\~*_\[\]!<&]")  # markdown._INLINE_SYNTAX but the backtick
_TICKS = re.compile(r"`+")


class _Child(NamedTuple):
    """The fields of a markdown-it inline token that ``_align_inline`` reads."""

    type: str
    content: str
    markup: str = ""
    children: None = None  # markdown-it's text_join reads it


_SOFTBREAK = _Child("softbreak", "")


def code_spans_only(src: str) -> list[_Child] | None:
    """The inline tokens markdown-it makes of ``src`` when its only inline syntax is code spans (most
    inline blocks of technical prose: it quotes names in backticks), or None when other syntax is left
    outside the code spans (then markdown-it parses it).

    Why it is markdown-it's own result: every other inline rule needs one of its characters at the
    position where it starts, and a code span is consumed whole by the backtick rule from its opening
    run, so other syntax inside code spans is never seen. What remains is what markdown-it's backtick
    rule does (a run opens a code span closed by the next run of the same length, else it is text; the
    content has its line breaks as spaces, and one space stripped from each end unless it is all
    spaces), its newline rule (a line break drops the spaces before it and the spaces and tabs after it;
    soft and hard breaks are the same to _align_inline) and text_join (adjacent text is one token).
    tests/test_markdown_fastpath.py compares the two."""
    runs = [m.span() for m in _TICKS.finditer(src)]
    k = len(runs)
    # The next run of the same length after each run (k: none), found in one pass from the end, so that an
    # unclosed run costs nothing: scanning on for its closer made a paragraph of many unclosed runs
    # quadratic (a crafted 345 KB paragraph took 3.1 s, markdown-it 0.88 s).
    closer = [k] * k
    last: dict[int, int] = {}
    for n in range(k - 1, -1, -1):
        length = runs[n][1] - runs[n][0]
        closer[n] = last.get(length, k)
        last[length] = n
    out: list[_Child] = []
    text_from = 0
    i = 0
    while i < k:
        start, end = runs[i]
        j = closer[i]
        if j == k:
            i += 1  # no closing run: the run is text
            continue
        if not _text(src, text_from, start, out):
            return None
        code = src[end : runs[j][0]].replace("\n", " ")
        if code.startswith(" ") and code.endswith(" ") and code.strip(" "):
            code = code[1:-1]
        out.append(_Child("code_inline", code, src[start:end]))
        text_from = runs[j][1]
        i = j + 1
    return out if _text(src, text_from, len(src), out) else None


def _text(src: str, start: int, end: int, out: list[_Child]) -> bool:
    """Append the text and line-break tokens of ``src[start:end]`` (text outside code spans); False when
    it holds other inline syntax."""
    if _OTHER_SYNTAX.search(src, start, end):
        return False
    if start == end:
        return True
    lines = src[start:end].split("\n")
    last = len(lines) - 1
    for n, line in enumerate(lines):
        if n:
            line = line.lstrip(" \t")
        if n < last:
            line = line.rstrip(" ")
        if line:
            out.append(_Child("text", line))
        if n < last:
            out.append(_SOFTBREAK)
    return True

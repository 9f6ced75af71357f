"""Indented code blocks that are a converted web page's nested lists of links (read before markdown.py's pass)."""

from __future__ import annotations

import re

# A list item whose text is a Markdown link: "* [Civil Rights](/issues/civil-rights)".
_LINK_ITEM = re.compile(r"[ \t]*[*+-][ \t]+!?\[[^\]\n]*\]\(")
_ITEM = re.compile(r"[ \t]*[*+-][ \t]+\S")


def indented_link_lists(tokens, text: str) -> list[tuple[int, int]]:
    """The line ranges of indented code blocks that are a web page's nested list of links. html2text
    indents a nested list by its depth; after a paragraph, CommonMark reads four spaces of indentation as
    a code block, so a page's menu ("      * [The Cabinet](/administration/cabinet)") would be code that no
    rule reads. A block all of whose lines are list items, most of them links, is no program: it is read
    as the list it was (a fenced block is always code; it was written as code)."""
    out = []
    lines = None
    for token in tokens:
        if token.type != "code_block" or not token.map:
            continue
        if lines is None:
            lines = text.split("\n")
        body = [ln for ln in lines[token.map[0] : token.map[1]] if ln.strip()]
        if not body or any(_ITEM.match(ln) is None for ln in body):
            continue
        if sum(_LINK_ITEM.match(ln) is not None for ln in body) * 2 > len(body):
            out.append((token.map[0], token.map[1]))
    return out


def dedent_lines(text: str, ranges: list[tuple[int, int]]) -> str:
    """``text`` with the lines of ``ranges`` (0-based, end excluded) moved to the left margin: same lines,
    so markdown-it's line map still points at the source, which the alignment reads."""
    lines = text.split("\n")
    for a, b in ranges:
        for k in range(a, min(b, len(lines))):
            lines[k] = lines[k].lstrip(" \t")
    return "\n".join(lines)

"""Markdown -> Document with markdown-it-py (CommonMark + tables).

markdown-it gives line ranges for blocks and the literal content of inline
text tokens. Each text token is aligned with the source inside its block's
line range; only aligned characters are unmasked, so emphasis markers, link
targets, inline code, HTML tags, escapes and table pipes stay masked.
"""

from __future__ import annotations

import re

from prose_lint.document import Block, Document, InlineSpans, Span
from prose_lint.masking import blank, mask_urls_and_emails
from prose_lint.markdown_indented import dedent_lines, indented_link_lists
from prose_lint.markdown_inline import code_spans_only
from prose_lint.positions import LineIndex

_FRONT_MATTER = re.compile(r"\A(?:---|\+\+\+)[ \t]*\r?\n.*?^(?:---|\.\.\.|\+\+\+)[ \t]*$", re.S | re.M)
_PARSER = None
PSEUDO_HEADING_LEVEL = 4


def _parser():
    global _PARSER
    if _PARSER is None:
        from markdown_it import MarkdownIt

        _PARSER = MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough")
        _PARSER.core.ruler.at("inline", _inline)
    return _PARSER


# The characters that can open inline syntax in the rules enabled above (escapes, code spans,
# strikethrough, emphasis, links, images, autolinks, inline HTML, entities). Without any, markdown-it's
# inline parse of a block's content is only its lines as text tokens between soft or hard breaks (half of
# the inline blocks of the benchmark corpus): _align_plain reads those lines without it.
_INLINE_SYNTAX = re.compile(r"[\\`~*_\[\]!<&]")


def _inline(state) -> None:
    """markdown-it's core "inline" rule, except that a block's content without inline syntax is not
    tokenised (its token is marked ``meta["plain"]``), and one whose only inline syntax is code spans
    is tokenised by ``markdown_inline.code_spans_only``."""
    parse = state.md.inline.parse
    for token in state.tokens:
        if token.type == "inline":
            if token.children is None:
                token.children = []
            content = token.content
            if _INLINE_SYNTAX.search(content) is None:
                token.meta = {"plain": True}
                continue
            children = code_spans_only(content) if "`" in content else None
            if children is None:
                parse(content, state.md, state.env, token.children)
            else:
                token.children = children


def parse_markdown(path: str, text: str, language: str = "en-US") -> Document:
    lines = LineIndex(text)
    chars = list(blank(text))
    front = _FRONT_MATTER.match(text)
    parse_text = text
    if front:
        # Blank the front matter but keep its lines, so markdown-it's line numbers stay ours.
        parse_text = blank(text[: front.end()]) + text[front.end():]

    blocks: list[Block] = []
    inline = InlineSpans()
    stack: list[str] = []
    heading_level = 0
    row_cursor: dict[tuple[int, int], int] = {}
    tokens = _parser().parse(parse_text)
    lists = indented_link_lists(tokens, parse_text)
    if lists:  # a web page's nested menu that CommonMark reads as code: read again as the list it is
        parse_text = dedent_lines(parse_text, lists)
        tokens = _parser().parse(parse_text)
    for token in tokens:
        if token.nesting == 1:
            stack.append(token.type)
            if token.type == "heading_open":
                heading_level = int(token.tag[1:])
            continue
        if token.nesting == -1:
            if stack:
                stack.pop()
            continue
        if token.type in ("fence", "code_block") and token.map:
            start, _ = lines.line_span(token.map[0])
            _, end = lines.line_span(min(token.map[1], len(lines)) - 1)
            blocks.append(Block("code", start, end))
            continue
        if token.type != "inline" or not token.map:
            continue
        region_start = lines.starts[token.map[0]]
        region_end = lines.ends[min(token.map[1], len(lines)) - 1]
        in_cell = "th_open" in stack or "td_open" in stack
        cursor = row_cursor.get(tuple(token.map), region_start) if in_cell else region_start
        if token.meta.get("plain"):
            span = _align_plain(text, chars, token.content, cursor, region_end)
        else:
            span = _align_inline(text, chars, token.children or [], cursor, region_end, inline)
        if in_cell:
            row_cursor[tuple(token.map)] = span[2]
        if span[0] is None:
            continue
        if "heading_open" in stack:
            kind, level = "heading", heading_level
        elif in_cell:
            kind, level = "table_cell", 0
        elif "list_item_open" in stack:
            kind, level = "list_item", 0
        elif _is_pseudo_heading(token.children or [], text[span[0] : span[1]]):
            # "**Conclusion**" alone on a line is how many converters write a heading.
            kind, level = "heading", PSEUDO_HEADING_LEVEL
        else:
            kind, level = "paragraph", 0
        blocks.append(Block(kind, span[0], span[1], level=level, in_quote="blockquote_open" in stack))

    inline.urls = mask_urls_and_emails(chars, text)
    prose = "".join(chars)
    blocks = [b for b in blocks if b.kind == "code" or prose[b.start : b.end].strip()]
    doc = Document(path, text, prose, "markdown", blocks, language, inline)
    doc.lines = lines  # Document.lines, already made here: the output layer and suppressions read it
    return doc


def _align_inline(text: str, chars: list[str], children, cursor: int, limit: int, inline: InlineSpans):
    """Unmask the source characters of the prose tokens; return (first, last+1, cursor).

    Emphasis, inline code, inline HTML and links are recorded in ``inline`` on the way (their
    delimiters are looked up from the cursor; the alignment of the text itself does not depend on them).
    """
    first = last = None
    in_autolink = False
    opened: list[tuple[str, int]] = []  # (token type, offset of its opening delimiter)
    for child in children:
        kind = child.type
        if kind == "text" and not in_autolink:  # most tokens: the tests below are all false for them
            if child.content:
                start, cursor = _unmask(text, chars, child.content, cursor, limit)
                if start is not None:
                    first = start if first is None else first
                    last = cursor
            continue
        if kind == "softbreak":
            continue
        if kind == "link_open" and child.markup == "autolink":
            in_autolink = True
        elif kind == "link_close":
            in_autolink = False
        if kind.endswith("_open") or kind.endswith("_close"):
            _record(text, child, cursor, limit, opened, inline)
        if kind == "image":
            # Alt text is not running prose; skip over it.
            cursor = _skip(text, child.content, cursor, limit)
            continue
        if kind in ("code_inline", "html_inline") or (kind == "text" and in_autolink):
            before = cursor
            cursor = _skip(text, child.content, cursor, limit)
            if kind == "html_inline" and cursor > before:
                inline.html.append(Span(cursor - len(child.content), cursor, "html"))
            elif kind == "code_inline" and child.markup:
                s = text.find(child.markup, before, limit)
                e = text.find(child.markup, max(cursor, s + len(child.markup)), limit)
                if 0 <= s < e:
                    inline.code.append(Span(s, e + len(child.markup), "code"))
                    cursor = max(cursor, e + len(child.markup))
            continue
        if kind != "text" or not child.content:
            continue
        start, cursor = _unmask(text, chars, child.content, cursor, limit)
        if start is not None:
            first = start if first is None else first
            last = cursor
    return first, last, cursor


def _align_plain(text: str, chars: list[str], content: str, cursor: int, limit: int):
    """``_align_inline`` for content without inline syntax, as markdown-it tokenises it: each line is a
    text token, less the spaces before a line break (a soft or hard break) and the spaces and tabs after it."""
    first = last = None
    lines = content.split("\n")
    final = len(lines) - 1
    for i, line in enumerate(lines):
        if i:
            line = line.lstrip(" \t")
        if i < final:
            line = line.rstrip(" ")
        if not line:
            continue
        start, cursor = _unmask(text, chars, line, cursor, limit)
        if start is not None:
            first = start if first is None else first
            last = cursor
    return first, last, cursor


_SPAN_KIND = {"em": "em", "strong": "strong", "link": "link"}


def _record(text: str, child, cursor: int, limit: int, opened: list, inline: InlineSpans) -> None:
    """Note an emphasis or link delimiter: openers are pushed, closers make a span."""
    name, _, side = child.type.rpartition("_")
    if name not in _SPAN_KIND:
        return
    autolink = child.markup == "autolink"
    if side == "open":
        at = text.find("<" if autolink else ("[" if name == "link" else child.markup), cursor, limit)
        opened.append((name, at))
        return
    if not opened or opened[-1][0] != name:
        return
    _, start = opened.pop()
    if start < 0:
        return
    if autolink:
        end = text.find(">", cursor, limit) + 1
    elif name == "link":
        end = _link_end(text, cursor, limit)
    else:
        at = text.find(child.markup, cursor, limit)
        end = at + len(child.markup) if at >= 0 else 0
    if end > start:
        target = inline.links if name == "link" else inline.emphasis
        target.append(Span(start, end, "autolink" if autolink else _SPAN_KIND[name]))


def _link_end(text: str, cursor: int, limit: int) -> int:
    """End of a link's source after its text: ``](target "title")``, ``][ref]`` or ``]``."""
    close = text.find("]", cursor, limit)
    if close < 0:
        return 0
    opener = text[close + 1 : close + 2]
    if opener == "[":
        end = text.find("]", close + 2, limit)
        return end + 1 if end >= 0 else close + 1
    if opener != "(":
        return close + 1
    depth = 0
    for i in range(close + 1, limit):  # balanced parentheses: targets may contain (...)
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i + 1
    return close + 1


def _is_pseudo_heading(children, source: str) -> bool:
    kinds = [c.type for c in children if not (c.type == "text" and not c.content.strip())]
    if len(kinds) < 3 or kinds[0] != "strong_open" or kinds[-1] != "strong_close":
        return False
    if "strong_open" in kinds[1:-1] or "softbreak" in kinds:
        return False
    words = source.split()
    return 0 < len(words) <= 15 and not source.rstrip("*_ ").endswith((".", ":", ";", ","))


def _skip(text: str, content: str, cursor: int, limit: int) -> int:
    at = text.find(content, cursor, limit) if content else -1
    return at + len(content) if at >= 0 else cursor


def _unmask(text: str, chars: list[str], content: str, cursor: int, limit: int):
    at = text.find(content, cursor, limit)
    if at >= 0:
        chars[at : at + len(content)] = list(text[at : at + len(content)])
        return at, at + len(content)
    # The source spells it differently (backslash escapes, entities, NUL -> U+FFFD):
    # align character by character, looking only a short way ahead.
    start = None
    for ch in content:
        j = text.find(ch, cursor, min(limit, cursor + 12))
        if j < 0:
            continue
        chars[j] = text[j]
        start = j if start is None else start
        cursor = j + 1
    return start, cursor

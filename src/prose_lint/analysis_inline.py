"""Inline spans of a Document (emphasis, inline code, HTML, links, URLs): one definition for every rule.

The Markdown parser records what markdown-it found while it masked it (prose_lint/markdown.py), so
Markdown's spans are the parser's, not a second guess. Plain text has no markup; there the
conventions writers use in plain text stand in: ``*word*``/``_word_`` emphasis and backtick code.
HTML italic elements (``<i>``, ``<em>``, ``<cite>``) count as italics in both (converted pages keep them).
"""

from __future__ import annotations

import re

from prose_lint.document import URL_RE, Document, InlineSpans, Span

# Plain-text emphasis conventions: single * or _ around a run of up to 200 characters on one line.
_TEXT_EMPHASIS = re.compile(
    r"(?<![*\w])\*(?!\*|\s)[^*\n]{1,200}?(?<!\s)\*(?!\*)"
    r"|(?<![_\w])_(?!_|\s)[^_\n]{1,200}?(?<!\s)_(?![_\w])"
)
_HTML_ITALIC = re.compile(r"<(i|em|cite)\b[^>]*>.{1,300}?</\1\s*>", re.I | re.S)
_BACKTICKS = re.compile(r"(`+)(?:(?!\1).)+?\1", re.S)


def inline_spans(doc: Document) -> InlineSpans:
    parsed = doc.inline
    text = doc.text
    html_italics = [Span(m.start(), m.end(), "em") for m in _HTML_ITALIC.finditer(text)] if "<" in text else []
    if parsed is not None and doc.markup == "markdown":
        return InlineSpans(sorted(parsed.emphasis + html_italics), parsed.code, parsed.html, parsed.links,
                           parsed.urls)
    emphasis = [Span(m.start(), m.end(), "em") for m in _TEXT_EMPHASIS.finditer(text)] \
        if "*" in text or "_" in text else []
    code = [Span(m.start(), m.end(), "code") for m in _BACKTICKS.finditer(text)] if "`" in text else []
    urls = parsed.urls if parsed is not None else [Span(m.start(), m.end(), "url") for m in URL_RE.finditer(text)]
    return InlineSpans(sorted(emphasis + html_italics), code, [], [], urls)


def spans_in(spans: list[Span], start: int, end: int) -> list[Span]:
    """The spans that overlap ``[start, end)``."""
    return [s for s in spans if s.start < end and s.end > start]


def inside(start: int, end: int, spans) -> bool:
    """Whether ``[start, end)`` lies within one of ``spans`` (Spans or (start, end) pairs)."""
    return any(s <= start and end <= e for s, e, *_ in spans)

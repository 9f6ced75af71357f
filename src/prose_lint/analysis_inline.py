"""Inline spans of a Document (emphasis, inline code, HTML, links, URLs): one definition for every rule.

The Markdown parser records what markdown-it found while it masked it (prose_lint/markdown.py), so
Markdown's spans are the parser's, not a second guess. Plain text has no markup; there the
conventions writers use in plain text stand in: ``*word*``/``_word_`` emphasis and backtick code.
HTML italic elements (``<i>``, ``<em>``, ``<cite>``) count as italics in both (converted pages keep them).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

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


# Rules ask ``inside`` once per token against the same long span list (a document's italics or
# inline code): for long lists, index them once (starts sorted, running maximum of the ends) and
# answer by bisection. A few recent lists are kept, by identity, with their length as a guard.
_INDEX_MIN = 16
_INDEXES: dict[int, tuple[object, int, list[int], list[int]]] = {}
_INDEXES_MAX = 8


def _index(spans) -> tuple[list[int], list[int]]:
    entry = _INDEXES.get(id(spans))
    if entry is not None and entry[0] is spans and entry[1] == len(spans):
        return entry[2], entry[3]
    pairs = sorted((s, e) for s, e, *_ in spans)
    starts = [s for s, _ in pairs]
    reach = list(accumulate((e for _, e in pairs), max))
    if len(_INDEXES) >= _INDEXES_MAX:
        del _INDEXES[next(iter(_INDEXES))]
    _INDEXES[id(spans)] = (spans, len(spans), starts, reach)
    return starts, reach


def inside(start: int, end: int, spans) -> bool:
    """Whether ``[start, end)`` lies within one of ``spans`` (Spans or (start, end) pairs)."""
    if len(spans) < _INDEX_MIN or not isinstance(spans, list):
        return any(s <= start and end <= e for s, e, *_ in spans)
    starts, reach = _index(spans)
    # The spans starting at or before ``start`` are a prefix; one of them covers ``end`` when the
    # furthest end among them does.
    k = bisect_right(starts, start)
    return k > 0 and reach[k - 1] >= end

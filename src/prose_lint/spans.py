"""Inline spans of the source: what a parser met while it masked inline markup (``Document.inline``).

``Span`` is one span (document offsets, ``end`` exclusive) and its kind; ``InlineSpans`` holds them by
kind, in source order. The Markdown parser (markdown.py) fills every list, the plain-text parser
(plaintext.py) only ``urls``; the Document's span properties (``emphasis_spans``, ``inline_code_spans``,
...) read them, falling back on plain text's conventions (analysis_inline.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple


class Span(NamedTuple):
    """An inline span of the source (document offsets, ``end`` exclusive) and what it is."""

    start: int
    end: int
    kind: str  # em | strong (emphasis); code; html; link | autolink; url | email


@dataclass
class InlineSpans:
    """Inline markup the parser met while masking it, in source order. The Markdown parser fills every
    list; the plain-text parser only ``urls`` (plain text has no markup: Document falls back on the
    conventions of plain text for emphasis and code, see analysis_inline.py)."""

    emphasis: list[Span] = field(default_factory=list)
    code: list[Span] = field(default_factory=list)
    html: list[Span] = field(default_factory=list)
    links: list[Span] = field(default_factory=list)
    urls: list[Span] = field(default_factory=list)

"""Source -> Document, choosing the markup by extension or by sniffing the content."""

from __future__ import annotations

import re

from prose_lint.constants import MARKDOWN_SUFFIXES
from prose_lint.document import Document
from prose_lint.source import Source

_STRONG = [
    re.compile(r"^#{1,6}[ \t]+\S", re.M),  # ATX heading
    re.compile(r"\[[^\]\n]+\]\([^)\s]+\)"),  # inline link
    re.compile(r"^(```|~~~)", re.M),  # fence
    re.compile(r"\*\*[^*\n]+\*\*|__[^_\n]+__"),  # strong emphasis
    re.compile(r"^\|.*\|[ \t]*\r?\n\|[ \t:|-]+\|", re.M),  # pipe table
]


def sniff_markup(text: str) -> str:
    """'markdown' when at least two kinds of unambiguous Markdown syntax occur."""
    sample = text[:200_000]
    kinds = sum(1 for pattern in _STRONG if pattern.search(sample))
    return "markdown" if kinds >= 2 else "text"


def choose_markup(path: str, text: str, markup: str = "auto") -> str:
    if markup != "auto":
        return markup
    if path.lower().endswith(MARKDOWN_SUFFIXES):
        return "markdown"
    return sniff_markup(text)


def parse_source(source: Source, markup: str = "auto", language: str = "en-US") -> Document:
    """The document; ``language = "en"`` becomes en-GB or en-US by the document's spelling
    (``prose_lint.variety``), and the choice is ``doc.memo("variety")``."""
    from prose_lint.variety import resolve

    kind = choose_markup(source.path, source.text, markup)
    if kind == "markdown":
        from prose_lint.markdown import parse_markdown

        doc = parse_markdown(source.path, source.text, language)
    else:
        from prose_lint.plaintext import parse_text

        doc = parse_text(source.path, source.text, language)
    info = resolve(doc, language)
    doc.memo("variety", lambda _doc: info)
    return doc

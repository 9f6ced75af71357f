"""Masking, not deleting: markup and URLs become spaces of the same length, so prose offsets stay source offsets.

The parsers (markdown.py, plaintext.py) build a Document's prose with these.
"""

from __future__ import annotations

import re
from typing import Iterator

from prose_lint.document import EMAIL_RE, URL_RE, Span


_LINE = re.compile(r"[^\r\n]+")


def blank(text: str) -> str:
    """``text`` with every character but line breaks replaced by a space (same length)."""
    return _LINE.sub(lambda m: " " * len(m.group()), text)


def mask_spans(chars: list[str], text: str, spans: Iterator[tuple[int, int]]) -> None:
    """Blank ``chars[start:end]`` for each span, keeping line breaks."""
    for start, end in spans:
        chars[start:end] = blank(text[start:end])


def mask_urls_and_emails(chars: list[str], text: str) -> list[Span]:
    """Mask bare URLs and e-mail addresses; return their spans (sorted)."""
    prose = "".join(chars)
    found = [Span(m.start(), m.end(), "url") for m in URL_RE.finditer(prose)]
    mask_spans(chars, text, ((s.start, s.end) for s in found))
    if "@" in prose:  # the scan is slow (it backtracks over every word) and needs an @
        prose = "".join(chars)
        emails = [Span(m.start(), m.end(), "email") for m in EMAIL_RE.finditer(prose)]
        mask_spans(chars, text, ((s.start, s.end) for s in emails))
        found = sorted(found + emails)
    return found

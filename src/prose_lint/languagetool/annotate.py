"""A document block -> LanguageTool annotated text (``data=`` JSON) that spans exactly its source.

Every source character of the block goes into the annotation, either as
``text`` (prose) or as ``markup`` (what ``Document.prose`` masks: emphasis
markers, link targets, HTML tags, e-mail addresses, URLs, escapes, plus the
footnote marks ``<sup>1</sup>``). LanguageTool reports offsets in the
concatenation of all pieces, i.e. offsets in the source, and never reports
inside markup: matches that touch markup are dropped afterwards anyway.

``interpretAs`` says what LanguageTool should read instead of the markup:
nothing for emphasis and tags, the address itself for bare URLs and e-mail
addresses (LanguageTool recognises them), the identifier for inline code
that is one (```an `integer` value``` reads "an integer value"), a space
for a tag between two words, and a paragraph break for a tab
(tab-separated table cells are separate units). Other inline code
(```<iframe>```) stands for a word LanguageTool does not see: it is recorded
as ``removed``, and a grammar match right next to it (only spaces between)
lacks context and is dropped. Footnote marks and link targets are not words
of the sentence and do not count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from prose_lint.document import EMAIL_RE, URL_RE, Block, Document

_FOOTNOTE_RE = re.compile(r"<(sup|sub)\b[^>\n]*>[^<\n]{0,40}</\1\s*>", re.I)
_IDENTIFIER = re.compile(r"[A-Za-z][\w.\-/]{0,40}")
_SPACES = re.compile(r" {1,}")
_BARE_ADDRESS = re.compile(rf"(?:{URL_RE.pattern})|(?:{EMAIL_RE.pattern})", re.I)


@dataclass
class Annotated:
    block: Block
    pieces: list[dict]  # LanguageTool annotation items
    markup: list[tuple[int, int]]  # block-relative spans that are markup
    source: str
    removed: list[tuple[int, int]] = field(default_factory=list)  # markup whose content LanguageTool does not see

    @property
    def key(self) -> str:
        """What LanguageTool sees (text and interpretation), for the content cache."""
        return "\x1e".join(p.get("text", "") + "\x1f" + p.get("interpretAs", "") if "text" in p
                           else "\x1d" + p.get("interpretAs", "") for p in self.pieces)


def footnote_spans(doc: Document) -> list[tuple[int, int]]:
    cache = doc.__dict__.get("_lt_footnotes")
    if cache is None:
        cache = [(m.start(), m.end()) for m in _FOOTNOTE_RE.finditer(doc.text)] if "<" in doc.text else []
        doc.__dict__["_lt_footnotes"] = cache
    return cache


def annotate_block(doc: Document, block: Block) -> Annotated:
    text, prose = doc.text, doc.prose
    start, end = block.start, block.end
    masked = bytearray(end - start)
    # Masked characters are spaces in prose but not in the source: look only inside runs of spaces.
    for run in _SPACES.finditer(prose, start, end):
        for i in range(run.start(), run.end()):
            if text[i] != " ":
                masked[i - start] = 1
    if "\t" in text[start:end]:
        for i in range(start, end):
            if text[i] == "\t":
                masked[i - start] = 1
    for fs, fe in footnote_spans(doc):
        if fe <= start or fs >= end:
            continue
        for i in range(max(fs, start), min(fe, end)):
            masked[i - start] = 1
    pieces: list[dict] = []
    spans: list[tuple[int, int]] = []
    removed: list[tuple[int, int]] = []
    i, n = 0, end - start
    while i < n:
        flag = masked[i]
        j = masked.find(b"\x00" if flag else b"\x01", i)
        if j < 0:
            j = n
        chunk = text[start + i : start + j]
        if not flag:
            pieces.append({"text": chunk})
        else:
            spans.append((i, j))
            interpret = _interpret(chunk, text, start + i, start + j)
            if not interpret.strip() and chunk.strip().startswith("`"):
                removed.append((i, j))
            pieces.append({"markup": chunk, "interpretAs": interpret})
        i = j
    return Annotated(block, pieces, spans, text[start:end], removed)


def _interpret(chunk: str, text: str, s: int, e: int) -> str:
    if "\t" in chunk and not chunk.strip(" \t"):
        return "\n\n"
    if "\t" in chunk:
        return "\n\n"
    stripped = chunk.strip()
    if stripped.startswith("`") and stripped.endswith("`") and len(stripped) > 2:
        # Inline code reads as a word ("an `integer` value"): give LanguageTool the identifier.
        inner = stripped.strip("`").strip()
        return inner if _IDENTIFIER.fullmatch(inner) else ""
    if stripped and _BARE_ADDRESS.fullmatch(stripped) and not stripped.lower().startswith("mailto:"):
        return chunk
    before = text[s - 1] if s > 0 else " "
    after = text[e] if e < len(text) else " "
    if before.isalnum() and after.isalnum() and stripped.startswith("<"):
        return " "
    if not stripped:
        return chunk  # masked spaces (e.g. inside a table row)
    return ""


_REFERENCE_HEADING = re.compile(
    r"^\W*(?:\d+\.?\s*)?(?:references?|bibliography|works cited|literature cited|sources|citations|"
    r"reference list|notes and references)\W*$", re.I)


def prose_blocks(doc: Document) -> list[Block]:
    """The blocks LanguageTool checks: prose blocks with a letter, outside reference lists.

    A reference list (the section under a heading "References", "Bibliography",
    "Works cited"...) is author names and journal abbreviations: not sent.
    """
    skip = set()
    for n, section in enumerate(doc.sections):
        if section.heading is not None and _REFERENCE_HEADING.match(doc.heading_text(section)):
            skip.add(n)
    return [b for b in doc.prose_blocks
            if b.section not in skip and any(ch.isalpha() for ch in doc.prose[b.start : b.end])]

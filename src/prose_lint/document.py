"""The document model every check works on.

``text`` is the file's text (BOM removed, line endings kept). ``prose`` has
exactly the same length: every character that is not prose (markup, code,
URLs, e-mail addresses, HTML, front matter, table syntax) is replaced by a
space, line breaks are kept. So an offset found in ``prose`` is the offset in
the file, and no position ever has to be searched for afterwards.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterator

from prose_lint.positions import LineIndex

# Letters only; a letter run glued to digits ("S1", "H2O") is not a word.
WORD_RE = re.compile(r"(?<![^\W_])[^\W\d_]+(?:['’\-][^\W\d_]+)*(?![^\W_])")
# Bare URLs and e-mail addresses are not prose in any markup.
# (The leading look-ahead lets re skip to candidate first letters at C speed.)
URL_RE = re.compile(r"(?=[hfw])(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>\"'）)\]]*[^\s<>\"'.,;:!?）)\]]", re.I)
EMAIL_RE = re.compile(r"\b(?:mailto:)?[\w.+\\-]+@[\w-]+(?:\.[\w-]+)+\b")

# Block kinds that carry running prose.
PROSE_KINDS = frozenset({"paragraph", "list_item", "table_cell", "heading"})


@dataclass
class Block:
    """A structural unit with prose: a heading, paragraph, list item or table cell."""

    kind: str  # heading | paragraph | list_item | table_cell | code
    start: int
    end: int
    level: int = 0  # heading level, 0 otherwise
    in_quote: bool = False
    index: int = 0  # position in Document.blocks
    section: int = 0  # index into Document.sections

    @property
    def is_heading(self) -> bool:
        return self.kind == "heading"


@dataclass
class Section:
    """A heading and the blocks under it (up to the next heading of the same or a higher level).

    Section 0 holds what comes before the first heading and has no heading.
    """

    heading: Block | None
    level: int
    blocks: list[Block] = field(default_factory=list)

    @property
    def start(self) -> int:
        first = self.heading or (self.blocks[0] if self.blocks else None)
        return first.start if first else 0

    @property
    def end(self) -> int:
        last = self.blocks[-1] if self.blocks else self.heading
        return last.end if last else 0


@dataclass
class Document:
    path: str
    text: str
    prose: str
    markup: str  # "markdown" or "text"
    blocks: list[Block]
    language: str = "en-US"

    def __post_init__(self) -> None:
        assert len(self.prose) == len(self.text), "prose must keep source offsets"
        for i, block in enumerate(self.blocks):
            block.index = i
        self.sections = _sections(self.blocks)

    # -- structure -----------------------------------------------------
    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.text)

    @property
    def prose_blocks(self) -> list[Block]:
        return [b for b in self.blocks if b.kind in PROSE_KINDS]

    @property
    def paragraphs(self) -> list[Block]:
        """Running-text blocks: paragraphs and list items (not headings, not table cells)."""
        return [b for b in self.blocks if b.kind in ("paragraph", "list_item")]

    @cached_property
    def code_spans(self) -> list[tuple[int, int]]:
        return [(b.start, b.end) for b in self.blocks if b.kind == "code"]

    def block_text(self, block: Block) -> str:
        return self.prose[block.start : block.end]

    def heading_text(self, section: Section) -> str:
        return "" if section.heading is None else " ".join(self.block_text(section.heading).split())

    # -- tokens --------------------------------------------------------
    def sentences(self, block: Block) -> list[tuple[int, int]]:
        """Sentence spans (document offsets) inside ``block``, trimmed of surrounding space."""
        cache = self.__dict__.setdefault("_sentence_cache", {})
        if block.index not in cache:
            cache[block.index] = list(_split_sentences(self.prose, block.start, block.end, self.language))
        return cache[block.index]

    def all_sentences(self) -> Iterator[tuple[Block, int, int]]:
        for block in self.prose_blocks:
            for start, end in self.sentences(block):
                yield block, start, end

    def words(self, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
        """Word matches in ``prose[start:end]``; ``match.start()`` is a document offset."""
        return WORD_RE.finditer(self.prose, start, len(self.prose) if end is None else end)

    @cached_property
    def word_count(self) -> int:
        return len(WORD_RE.findall(self.prose))


def _split_sentences(prose: str, start: int, end: int, language: str) -> Iterator[tuple[int, int]]:
    from sentencex import segment  # fast (native), lossless: the pieces add up to the input

    pos = start
    for piece in segment(language.split("-")[0].lower() or "en", prose[start:end]):
        s, e = pos, pos + len(piece)
        pos = e
        while s < e and prose[s].isspace():
            s += 1
        while e > s and prose[e - 1].isspace():
            e -= 1
        if s < e:
            yield s, e


def _sections(blocks: list[Block]) -> list[Section]:
    sections = [Section(heading=None, level=0)]
    for block in blocks:
        if block.is_heading:
            sections.append(Section(heading=block, level=block.level))
        else:
            sections[-1].blocks.append(block)
        block.section = len(sections) - 1
    return sections


_LINE = re.compile(r"[^\r\n]+")


def blank(text: str) -> str:
    """``text`` with every character but line breaks replaced by a space (same length)."""
    return _LINE.sub(lambda m: " " * len(m.group()), text)


def mask_spans(chars: list[str], text: str, spans: Iterator[tuple[int, int]]) -> None:
    """Blank ``chars[start:end]`` for each span, keeping line breaks."""
    for start, end in spans:
        chars[start:end] = blank(text[start:end])


def mask_urls_and_emails(chars: list[str], text: str) -> None:
    prose = "".join(chars)
    mask_spans(chars, text, ((m.start(), m.end()) for m in URL_RE.finditer(prose)))
    prose = "".join(chars)
    if "@" in prose:  # the scan is slow (it backtracks over every word) and needs an @
        mask_spans(chars, text, ((m.start(), m.end()) for m in EMAIL_RE.finditer(prose)))

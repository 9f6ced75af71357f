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
from typing import Any, Callable, Iterator, TypeVar

from prose_lint.positions import LineIndex
from prose_lint.spans import InlineSpans, Span  # recorded by the parsers; importable from here too

# Letters only; a letter run glued to digits ("S1", "H2O") is not a word.
WORD_RE = re.compile(r"(?<![^\W_])[^\W\d_]+(?:['’\-][^\W\d_]+)*(?![^\W_])")
# Bare URLs and e-mail addresses are not prose in any markup.
# (The leading look-ahead lets re skip to candidate first letters at C speed.)
URL_RE = re.compile(r"(?=[hfw])(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>\"'）)\]]*[^\s<>\"'.,;:!?）)\]]", re.I)
EMAIL_RE = re.compile(r"\b(?:mailto:)?[\w.+\\-]+@[\w-]+(?:\.[\w-]+)+\b")

T = TypeVar("T")

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
    inline: InlineSpans | None = None  # from the parser; None: computed from the text on first use

    def __post_init__(self) -> None:
        assert len(self.prose) == len(self.text), "prose must keep source offsets"
        for i, block in enumerate(self.blocks):
            block.index = i
        self.sections = _sections(self.blocks)

    # -- derived data shared by rules ------------------------------------
    @cached_property
    def _memo(self) -> dict[str, Any]:
        return {}

    def memo(self, key: str, compute: Callable[[Document], T]) -> T:
        """``compute(self)``, computed once per document and shared by every caller with ``key``.

        For analyses that belong to one rule family (readability counts, the document's language) but
        are asked for by several of its rules: use a key named after the family ("readability"). Data
        every rule may need (sentences, section roles, inline spans) are properties of the Document.
        """
        memo = self._memo
        if key not in memo:
            memo[key] = compute(self)
        return memo[key]

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

    @cached_property
    def _block_starts(self) -> tuple[list[Block], list[int]]:
        ordered = sorted(self.blocks, key=lambda b: b.start)
        return ordered, [b.start for b in ordered]

    def block_at(self, offset: int) -> Block | None:
        """The block (code blocks included) that contains ``offset``, or None (between blocks)."""
        import bisect

        ordered, starts = self._block_starts
        i = bisect.bisect_right(starts, offset) - 1
        while i >= 0:
            b = ordered[i]
            if b.start <= offset < b.end:
                return b
            if b.end <= offset and b.kind != "code":
                return None
            i -= 1
        return None

    # -- section roles (rules/lexicons/sections.toml) ---------------------
    @cached_property
    def section_roles(self) -> list[frozenset[str]]:
        """Roles of each section, by its heading: "references" (reference lists, notes), "back_matter"
        (acknowledgements, funding, appendix...), "tail" (end matter: references, back matter, and a licence,
        changelog, see also... in the second half of the document), "abstract" (a front abstract in the
        first third, with its subsections) and "conclusion" (a concluding section). See analysis.section_roles."""
        from prose_lint.analysis import section_roles

        return section_roles(self)

    def sections_with(self, *roles: str) -> frozenset[int]:
        """Indexes of the sections that have at least one of ``roles``."""
        wanted = set(roles)
        return frozenset(i for i, r in enumerate(self.section_roles) if not wanted.isdisjoint(r))

    def in_role(self, block: Block, *roles: str) -> bool:
        """Whether ``block`` sits in a section with one of ``roles``."""
        return block.section < len(self.section_roles) and not self.section_roles[block.section].isdisjoint(roles)

    def is_caption(self, start: int, end: int) -> bool:
        """Whether the prose at ``start`` opens with a figure/table caption label ("Table 2:")."""
        from prose_lint.analysis import is_caption

        return is_caption(self.prose, start, end)

    # -- inline spans -----------------------------------------------------
    @cached_property
    def _inline(self) -> InlineSpans:
        from prose_lint.analysis_inline import inline_spans

        return inline_spans(self)

    @cached_property
    def emphasis_spans(self) -> list[Span]:
        """Emphasis: Markdown ``*em*``/``**strong**`` (from the parser) or plain text's ``*x*``/``_x_``
        convention, plus HTML ``<i>``/``<em>``/``<cite>`` elements (kind "em"); sorted by start."""
        return self._inline.emphasis

    @cached_property
    def italic_spans(self) -> list[Span]:
        """The emphasis spans that are italics (kind "em")."""
        return [s for s in self.emphasis_spans if s.kind == "em"]

    @cached_property
    def inline_code_spans(self) -> list[Span]:
        """Inline code with its backticks (Markdown from the parser; plain text: backtick pairs)."""
        return self._inline.code

    @cached_property
    def html_spans(self) -> list[Span]:
        """Inline HTML tags and comments (Markdown only: in plain text, tags are not markup)."""
        return self._inline.html

    @cached_property
    def link_spans(self) -> list[Span]:
        """Links, from ``[`` to the end of the target (kind "link"), and ``<autolinks>`` (Markdown only)."""
        return self._inline.links

    @cached_property
    def url_spans(self) -> list[Span]:
        """Bare URLs (kind "url") and e-mail addresses (kind "email") masked in ``prose``."""
        return self._inline.urls

    # -- tokens --------------------------------------------------------
    def sentences(self, block: Block) -> list[tuple[int, int]]:
        """Sentence spans (document offsets) inside ``block``, trimmed of surrounding space."""
        cache = self._sentence_cache
        if block.index not in cache:
            cache[block.index] = list(_split_sentences(self.prose, block.start, block.end, self.language))
        return cache[block.index]

    @cached_property
    def _sentence_cache(self) -> dict[int, list[tuple[int, int]]]:
        return {}

    def all_sentences(self) -> Iterator[tuple[Block, int, int]]:
        for block in self.prose_blocks:
            for start, end in self.sentences(block):
                yield block, start, end

    def words(self, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
        """Word matches in ``prose[start:end]``; ``match.start()`` is a document offset."""
        return WORD_RE.finditer(self.prose, start, len(self.prose) if end is None else end)

    def token_index(self, pattern: re.Pattern = WORD_RE):
        """One scan of the prose with ``pattern`` (WORD_RE by default), shared by every rule: its
        tokens, their offsets, and any span's tokens by bisection (prose_lint/tokens.py: why it is exact)."""
        if pattern is WORD_RE:
            return self._word_index
        from prose_lint.tokens import TokenIndex

        return self.memo(f"tokens {pattern.flags} {pattern.pattern}", lambda d: TokenIndex(pattern, d.prose))

    @cached_property
    def _word_index(self):  # the WORD_RE index, looked up once (span_words runs once per sentence per rule)
        from prose_lint.tokens import TokenIndex

        return TokenIndex(WORD_RE, self.prose)

    def span_words(self, start: int, end: int) -> list[str]:
        """``WORD_RE.findall(prose, start, end)`` from the shared scan (a new list each call)."""
        return self._word_index.span(start, end)

    def span_word_count(self, start: int, end: int, sliced: bool = False) -> int:
        """``len(span_words(start, end))``; ``sliced``: ``len(WORD_RE.findall(prose[start:end]))``."""
        return self._word_index.count(start, end, sliced)

    @cached_property
    def word_count(self) -> int:
        return self._word_index.count(0, len(self.prose))


# sentencex splits a sentence that ends inside two quotations between their closing marks ("... he is risen.'" /
# "” The next ...") and not at all after ".’”": the closing marks go with the sentence they close. Nor does it
# split after a sentence in parentheses ("(Some formats may be skipped.) Many contents came ...").
_CLOSERS = "'\"’”»"
_NESTED_END = re.compile(r"[.!?](?:[" + _CLOSERS + r"]{2,}|[" + _CLOSERS + r"]?\))(?=\s+[A-Z“\"‘'(])")


def _split_sentences(prose: str, start: int, end: int, language: str) -> Iterator[tuple[int, int]]:
    from sentencex import segment  # fast (native), lossless: the pieces add up to the input

    cuts = []  # the pieces' ends, as offsets
    pos = start
    for piece in segment(language.split("-")[0].lower() or "en", prose[start:end]):
        pos += len(piece)
        cuts.append(pos)
    fixed = []
    for k, cut in enumerate(cuts):
        if k + 1 < len(cuts):  # a piece that opens with closing marks before a space: they end the one before
            at = cut
            while at < cuts[k + 1] and prose[at] in _CLOSERS:
                at += 1
            if at > cut and at < cuts[k + 1] and prose[at].isspace():
                cut = at
        fixed.append(cut)
    pos = start
    for cut in fixed:
        for m in _NESTED_END.finditer(prose, pos, cut):
            yield from _trimmed(prose, pos, m.end())
            pos = m.end()
        yield from _trimmed(prose, pos, cut)
        pos = cut


def _trimmed(prose: str, s: int, e: int) -> Iterator[tuple[int, int]]:
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


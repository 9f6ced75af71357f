"""Paragraph units of a document and the structural signs of a new article starting among them
(a headline, the same headline repeated, a dateline, a date or byline line, a bullet summary, blank lines)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from prose_lint.analysis import ends_sentence
from prose_lint.document import Block, Document

_BULLET = re.compile(r"^\s*(?:[•▪◦‣●■\-*–]|\d{1,2}[.)])\s+")
_NORM = re.compile(r"\W+")

MIN_ENTRIES = 3  # list items that make a tail section a reference list (see _units)
RUNNING_TEXT_WORDS = 30  # running text: after a reference list (_units) or after entries (_end_tails) it ends the list
_STRONG = {"repeated headline", "dateline", "date/byline line"}


@dataclass
class _Unit:
    block: Block
    text: str
    words: int
    headline: bool
    bullet: bool
    tail_section: bool
    meta: bool  # a short date/byline-like line (lexicon article_meta)
    dateline: bool  # a paragraph opening with a dateline
    salutation: float = 0.0  # opens with a formal address to an audience: 1 a list of addressees, 0.5 one

    @property
    def norm(self) -> str:
        """Lower-case words only, to compare headlines (computed on demand: few units are compared)."""
        if self._norm is None:
            self._norm = _norm_line(self.text)
        return self._norm

    _norm: str | None = None



_LEX: dict[str, Any] | None = None


def _params() -> dict[str, Any]:
    """Thresholds and weights of the change-point model (rules/lexicons/off_topic.toml [change_point])."""
    return _lexicon()["params"]


def _lexicon() -> dict[str, Any]:
    global _LEX
    if _LEX is None:
        from prose_lint.lexicon import load_lexicon

        lex = load_lexicon("off_topic")
        _LEX = {
            "meta": [re.compile(p, re.I) for p in lex["article_meta"]],
            "dateline": re.compile(lex["dateline"]),
            "salutation": _salutation(lex["salutation"]),
            "params": lex["change_point"],
        }
    return _LEX



def _salutation(lex: dict[str, str]) -> tuple[re.Pattern, re.Pattern]:
    """The patterns of a speech's salutation: (a list of addressees, one collective addressee)."""
    collective = lex["collective"]
    one = lex["one"].replace("{collective}", collective)
    return tuple(re.compile(lex[k].replace("{one}", one).replace("{collective}", collective))
                 for k in ("list", "single"))


def _is_headline(line: str) -> bool:
    """``line``: a block's text with its white space collapsed (one line, as _Unit.text)."""
    if len(line) > 160:  # before splitting it: most paragraphs are longer
        return False
    words = line.split()
    if not words or len(words) > 18:
        return False
    if ends_sentence(line, clause=";,") or _BULLET.match(line):
        return False
    return line[0].isupper() or line[0].isdigit() or line[0] in "“\"'‘"


def _units(doc: Document) -> list[_Unit]:
    lex = _lexicon()
    units = []
    in_tail = False
    tail_level = 0
    entries = last_entry = 0  # list items seen so far in the current reference list, the last one's unit
    for block in doc.prose_blocks:
        if block.kind == "table_cell":
            continue
        text = doc.block_text(block)
        clean = " ".join(text.split())
        if not clean:
            continue
        words = doc.span_word_count(block.start, block.end, sliced=True)  # len(WORD_RE.findall(text))
        if block.is_heading:
            if "tail" in doc.section_roles[block.section]:  # rules/lexicons/sections.toml
                in_tail, tail_level, entries = True, block.level, 0
            elif in_tail and block.level <= tail_level and block.level > 0 and doc.markup == "markdown":
                in_tail = False
        elif in_tail and "references" in doc.section_roles[block.section]:
            # A reference list is a list of entries: running text after it (a paragraph of a sentence or
            # more) is not a reference but text that follows the list, such as another article pasted
            # after a paper. Notes written as paragraphs never start the count, so they stay tail matter.
            if block.kind == "list_item":
                entries, last_entry = entries + 1, len(units)
            elif entries >= MIN_ENTRIES and words >= RUNNING_TEXT_WORDS and ends_sentence(clean):
                in_tail = False
                for u in units[last_entry + 1:]:  # its headline and date line, between the list and it
                    u.tail_section = False
        units.append(_Unit(block, clean, words, block.is_heading or _is_headline(clean),
                           bool(_BULLET.match(doc.text[block.start:block.end])) or block.kind == "list_item",
                           in_tail,
                           words <= 12 and any(p.search(clean) for p in lex["meta"]),
                           words > 12 and lex["dateline"].match(clean) is not None,
                           _salutation_level(clean, lex["salutation"])))
    _end_tails(units)
    return units


def _end_tails(units: list[_Unit]) -> None:
    """Where a text that follows a tail section's own matter starts, that text is not tail matter.

    A tail section is end matter ("See also", "Authors", "License", notes, an appendix): its units are left out
    of the analysis, as a text placed there is expected. But a text pasted after a document's end matter sits
    under that heading too (a news story after a manual page's "SEE ALSO" list, which has no heading of its own):
    left as tail matter it could never be reported. Two signs end a tail section: a new article's opening (a
    headline with a date or byline line or a dateline paragraph right under it; a date line over a dateline
    paragraph), which end matter never holds; or running text after entries (the section opens with list items or
    short lines, links and names, and then holds two or more paragraphs of running text: what follows the
    entries is a text of its own, as the reference-list rule of _units says for three list items and one
    paragraph). A section of running text from its start (acknowledgements, an appendix, notes as
    paragraphs) stays tail matter unless a new article opens in it."""
    n = len(units)
    k = 0
    while k < n:
        if not units[k].tail_section:
            k += 1
            continue
        end = k + 1  # one section: up to the next heading (a tail section of its own) or the tail's end
        while end < n and units[end].tail_section and not units[end].block.is_heading:
            end += 1
        start = _tail_text_start(units, k, end)
        for u in units[start if start is not None else end : end]:
            u.tail_section = False
        k = end


def _running(u: _Unit) -> bool:
    return u.words >= RUNNING_TEXT_WORDS and not u.bullet and ends_sentence(u.text)


def _tail_text_start(units: list[_Unit], a: int, b: int) -> int | None:
    """The first unit of a text of its own in the tail section units[a:b] (see _end_tails), or None."""
    for k in range(a, b):
        u = units[k]
        nxt = units[k + 1] if k + 1 < b else None
        if nxt is not None and (u.headline and not u.block.is_heading and (nxt.meta or nxt.dateline)
                                or u.meta and nxt.dateline):
            return k
    entries = 0
    for k in range(a, b):
        u = units[k]
        if u.block.is_heading:
            continue
        if _running(u) and not u.headline:
            if entries and sum(_running(v) for v in units[k:b]) >= 2:
                start = k  # back over its date lines and its headline, never over the heading or a list entry
                while start > a + 1 and units[start - 1].meta:
                    start -= 1
                if start > a + 1 and units[start - 1].headline and not units[start - 1].bullet \
                        and not units[start - 1].block.is_heading:
                    start -= 1
                return start
            return None
        if not u.meta:
            entries += 1
    return None


def _salutation_level(text: str, patterns: tuple[re.Pattern, re.Pattern]) -> float:
    if text[:1] not in "MVCSPTmFfLlDdHhYRr":  # the first letters of the patterns: most paragraphs stop here
        return 0.0
    return 1.0 if patterns[0].match(text) else 0.5 if patterns[1].match(text) else 0.0


def _norm_line(text: str) -> str:
    return _NORM.sub(" ", text.lower()).strip()


def _structure(units: list[_Unit], k: int, doc: Document) -> tuple[float, list[str]]:
    """How strongly the units from k on look like the start of a new article."""
    u = units[k]
    signs: list[str] = []
    score = 0.0
    title = units[0]
    if u.headline and u.block.is_heading and title.block.is_heading and u.block.level > title.block.level \
            and doc.markup == "markdown":
        return 0.0, []  # a subsection of the document, not a new article's headline
    if u.headline:
        score += 0.3
        signs.append("headline")
        if title.headline and title.block.level == u.block.level and k > 0:
            # The document opened the same way: a second title.
            score += 0.1
            signs.append("second title")
        head = u.norm
        for v in units[k + 1 : k + 7]:
            if v.norm == head and len(head) > 15:
                score += 0.45
                signs.append("repeated headline")
                break
        # The same headline as the document's own title: a repeated document, not a new one.
    look = units[k : k + 8] if u.headline else units[k : k + 2]
    meta = dateline = bullets = False
    for v in look:
        meta = meta or v.meta
        dateline = dateline or v.dateline
        if v.bullet and v.words >= 5 and not units[0 if k == 0 else k - 1].bullet:
            bullets = True
    if meta:
        score += 0.35
        signs.append("date/byline line")
    if dateline:
        score += 0.4
        signs.append("dateline")
    if bullets and u.headline:
        score += 0.2
        signs.append("bullet summary")
    # An extra blank line before the block (two or more empty lines).
    if k > 0:
        gap = doc.text[units[k - 1].block.end : u.block.start]
        if gap.count("\n") >= 3:
            score += 0.15
            signs.append("extra blank lines")
    return min(score, 1.0), signs


def _effective(structure: tuple[float, list[str]]) -> float:
    """The structural score that counts: a new article is shown by a strong sign (a repeated headline,
    a dateline, a date or byline line); a headline, bullets or blank lines alone are what any
    sectioned document has."""
    score, signs = structure
    return score if _STRONG & set(signs) else min(score, 0.15)



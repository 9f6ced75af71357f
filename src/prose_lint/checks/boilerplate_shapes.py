"""Shapes of the ``boilerplate`` rule's lines that say "this is the document's own text": a paragraph
hard-wrapped in its source (one unit, not a list of short lines), and the rows of a table.

Page chrome is made of short lines, so anything that cuts the document's own text into short lines
looks like chrome to the line classifier: reST and Markdown sources wrapped at clause boundaries,
grid tables (``+----+----+``), pipe tables and reST simple tables. These tests run on the source
lines, before and after the model.

The other shapes here say "this is chrome", from a line's make-up rather than its words: a one-line menu
(three or more short items between separators), a template's meta bar, Markdown links in a row, an arrow
link to the previous or next page, and a bar of button labels (``shape_hits``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Sequence

from prose_lint.analysis import WORD_RE, ends_sentence, stopwords
from prose_lint.checks.boilerplate_meta import byline, meta_line

if TYPE_CHECKING:  # pragma: no cover
    from prose_lint.checks.boilerplate_features import Unit

BULLET = re.compile(r"\s*(?:[*+\-•·▪►‣◦]|\d{1,3}[.)])\s")
BAR_SPLIT = re.compile(r"\s+(?:\||»|›|·|•|::)\s+")
WRAP_MAX = 160  # no one wraps wider: a longer line followed by text is a line of its own (a one-line menu)
_STOP: frozenset[str] | None = None


def hard_wrapped(lines: list[str]) -> bool:
    """A paragraph hard-wrapped (a manuscript in git, an e-mail, reST or Markdown source), not a list of
    lines. Either every line but the last is 40 to WRAP_MAX characters wide and most breaks come before
    a lower-case word (the fixed-width wrap of an editor), or, at any width (reST sources break at
    clause boundaries, often well short of their width), more breaks fall inside a sentence than
    outside one and at least a third do (``_break_inside``): a menu, a list of headlines or a
    signature breaks after a content word before a capital; a line that ends a sentence says
    nothing. A block of fewer than 8 words, with few function words (a lower-case menu) or with a
    bar of separators ("Print | Email") is left as lines.

    Measured (tune split; wild technical docs): wild findings 0.559 -> 0.250 per 1,000 words; planted
    blocks found 144 -> 144 of 160; web chrome lines found 17,017 -> 17,010 of 21,331; content lines
    flagged unchanged."""
    global _STOP
    body = [ln.strip() for ln in lines if ln.strip()]
    if len(body) < 2 or any(len(ln) > WRAP_MAX for ln in body[:-1]):
        return False
    if all(len(ln) >= 40 for ln in body[:-1]) and sum(nxt[:1].islower() for nxt in body[1:]) * 2 >= len(body) - 1:
        return True
    if _STOP is None:
        _STOP = stopwords()
    words = [w.lower() for w in WORD_RE.findall(" ".join(body))]
    if len(words) < 8 or sum(w in _STOP for w in words) < 0.15 * len(words):
        return False
    if any(BAR_SPLIT.search(ln) is not None for ln in body):
        return False
    breaks = [_break_inside(prev, nxt) for prev, nxt in zip(body, body[1:])]
    inside, outside = breaks.count(True), breaks.count(False)
    return inside > outside and inside * 3 >= len(breaks)


_CONTINUES = re.compile(r"[`(\[\"'*_]")
# Words that do not end a sentence or a headline: a line ending with one goes on in the next.
_OPEN_WORDS = frozenset("""a an the of to in into for with and or but nor by on at from as than that which who
whose whether if is are was were be been has have had will would can could should may might must not its their
his her our your this these those""".split())


def _break_inside(prev: str, nxt: str) -> bool | None:
    """Does the line break between ``prev`` and ``nxt`` fall inside a sentence (True), outside one
    (False: no final punctuation, then a capital; a menu's or a title block's break), or is it
    undecided (None: ``prev`` ends a sentence)? Inside: the next line starts in lower case, or goes
    on with code, a bracket or a quote ("`importlib`", "(history)."), or ``prev`` ends with a comma
    or a word such as "the" or "of"."""
    if nxt[:1].islower():
        return True
    if ends_sentence(prev, clause="", closer_ends=False) or prev.endswith(":"):
        return None
    if BULLET.match(nxt + " ") is not None:
        return False
    if prev.endswith((",", ";")) or _CONTINUES.match(nxt) is not None:
        return True
    last = WORD_RE.findall(prev[-30:])
    return bool(last) and last[-1].lower() in _OPEN_WORDS


# -- tables ----------------------------------------------------------------------------------------
# A rule of a table: a grid table's border ("+----+====+"), a Markdown table's delimiter row
# ("|---|:--:|"), a reST simple table's border ("=====  ======", "-----  ------"), a table drawn with
# Unicode box-drawing characters ("┌────┬────┐", "├────┼────┤": what text browsers and pandoc's plain
# writer print for an HTML table).
_RULE = re.compile(r"\+(?:[-=:]{2,}\+)+|\|?(?:\s*:?-{3,}:?\s*\|)+\s*(?::?-{3,}:?)?\s*|={2,}(?:\s+={2,})+|-{2,}(?:\s+-{2,})+"
                   r"|[\u250c\u251c\u2514\u2552\u255e\u2558\u2554\u2560\u255a][\u2500-\u257f]*[\u2510\u2524\u2518\u2555\u2561\u255b\u2557\u2563\u255d]")
_ROW = re.compile(r"\|.*\||[\u2502\u2551].*[\u2502\u2551]")  # a row of a grid, pipe or box-drawn table


def table_lines(units: Sequence) -> set[int]:
    """Indices of the units (``raw``: the source line; ``own_paragraph``) that belong to a table: rules,
    the rows in an unbroken run of rows that holds a rule (grid and pipe tables), and every line of
    one paragraph from a reST simple table's first "====  ====" rule to its last. A lone "| |" line
    of a page layout has no rule and is no table."""
    raws = [u.raw.strip() for u in units]
    rule = [_RULE.fullmatch(r) is not None for r in raws]
    row = [rule[i] or _ROW.fullmatch(r) is not None for i, r in enumerate(raws)]
    out: set[int] = set()
    n = len(raws)
    i = 0
    while i < n:  # runs of rows that hold a rule
        if not row[i]:
            i += 1
            continue
        j = i
        while j < n and row[j]:
            j += 1
        if any(rule[i:j]):
            out.update(range(i, j))
        i = j
    simple = [i for i, r in enumerate(raws) if rule[i] and r.startswith("=")]
    for a, b in zip(simple, simple[1:]):  # rules of one paragraph: a simple table, all of it
        if not any(units[k].own_paragraph for k in range(a + 1, b + 1)):
            out.update(range(a, b + 1))
    return out


# A stage direction on a line of its own: a speech's "(Applause.)", a transcript's "[Laughter]" or
# "[END OF TAPE ONE, SIDE A]". Words only (no digits, links or field colons), up to 8 of them.
_DIRECTION = re.compile(r"\(\s*[^\W\d_][\w ,.;'’-]*\)\.?|\[\s*[^\W\d_][\w ,.;'’-]*\]\.?")
DIRECTION_MAX_WORDS = 8


def stage_directions(units: Sequence) -> set[int]:
    """Indices of the units that are a stage direction of a speech or a transcript ("(Applause.)",
    "[Laughter]", "[END OF TAPE ONE, SIDE A]"); lines the lexicon names ("[Reply]") are not."""
    return {i for i, u in enumerate(units) if not u.lex_bad and u.words <= DIRECTION_MAX_WORDS
            and _DIRECTION.fullmatch(u.text.strip()) is not None and not any(c.isdigit() for c in u.text)}


def menu_line(text: str) -> float:
    """1 for a line of three or more short items between separators ("Home :: News :: Sport",
    "Print | Email | Share"): a menu or breadcrumb rendered on one line."""
    for sep in ("|", "::", "»", "›", "·", "•", " / ", ">"):
        if text.count(sep) >= 2:
            items = [x for x in text.split(sep) if x.strip()]
            if len(items) >= 3 and sum(len(x.split()) for x in items) <= 4 * len(items):
                return 1.0
    return 0.0


# -- strong labels from a line's make-up (used by boilerplate_lexicon) ------------------------------------
TRIM = " \t\u00a0\u3000•·|»«_-–—>*+#"
_DIGIT = re.compile(r"\d")
# A Markdown link left as text (a page converted to Markdown and saved as plain text): its text is what a
# reader sees, a button's or a menu item's label.
MD_LINK = re.compile(r"\[([^\]\n]{1,80})\]\([^)\n]*\)")  # its URL may be masked to spaces


def link_text(text: str) -> str:
    """``text`` with each Markdown link left as text replaced by its text."""
    return MD_LINK.sub(r"\1", text) if "](" in text else text


BAR_MAX_WORDS = 15  # a bar of button labels is short
MENU_LINKS = 3  # Markdown links in a one-line menu ("[Home](/) · [News](/news) · [Sport](/sport)")
META_MAX_WORDS = 30  # a meta bar is a short line; a sentence that names an author and a date is prose


def _meta_bar(unit: Unit, lex: dict) -> bool:
    """A template's meta bar (lexicon ``[meta_fields]``): two or more different fields in one short line,
    one of them a template field ("14 comments", "Reading time: 6 min", "Topics: ..."). A byline and a
    date, together or not, are the article's own title block."""
    if unit.words > META_MAX_WORDS or unit.strong:
        return False
    text = unit.text
    template = sum(r.search(text) is not None for r in lex["meta_fields"])
    return template >= 1 and template + sum(r.search(text) is not None for r in lex["dateline_fields"]) >= 2


def shape_hits(unit: Unit, lex: dict) -> None:
    """Strong labels from a line's make-up rather than its words: a template's meta bar (``_meta_bar``;
    bars without a count or a date are too like a title block to ask about) and a menu on one line
    (MENU_LINKS or more Markdown links between separators), and a bar of button labels (``_button_bar``)."""
    if unit.strong:
        return
    meta = meta_line(unit.text) if unit.words <= META_MAX_WORDS and not unit.raw.lstrip().startswith("#") else ""
    if _DIGIT.search(unit.text) is not None and _meta_bar(unit, lex):
        unit.strong = "byline"
    elif meta == "page":  # a count or a taxonomy list: the page's (boilerplate_meta.title_block may demote it)
        unit.strong, unit.meta = "byline", meta
    elif meta:  # who and when only: chrome next to other chrome (boilerplate_meta's docstring says why)
        unit.weak, unit.meta = unit.weak or "byline", meta
    elif unit.raw.count("](") >= MENU_LINKS and menu_line(unit.text) or unit.words <= ARROW_MAX_WORDS and not (
            unit.words >= 8 and unit.stop_density >= 0.3) and _arrow_link(unit.text):  # not a sentence with a link
        unit.strong = "navigation"
    elif unit.words <= BAR_MAX_WORDS and BAR_SPLIT.search(unit.text) is not None:
        unit.strong = _button_bar(unit.text, lex)
    if not unit.strong and unit.words <= BAR_MAX_WORDS and field_bar(unit.text):
        unit.strong = "forum"
    if not unit.strong and not unit.weak and unit.words <= 12 and byline(unit.text):
        unit.weak = "byline"


# A panel of a template's fields, one a line: "Member since: 2006", "Total posts: 512", "Karma: +12/-3",
# "Joined: Aug 2011" (a forum's user panel, a product's or a profile's fact box). A short label, a colon,
# a value of a few tokens.
_FIELD = re.compile(r"[^\W\d_][\w'’]*(?: [\w'’]+){0,2}: \S+(?: \S+){0,3}")
PANEL_FIELDS = 3  # fields in the run, at least half its lines
PANEL_FIGURES = 2  # of them with a figure (a count, a date): a glossary's "Bay leaf: I change" has none


_FIELD_SPLIT = re.compile(r"\s+[|·•–—-]\s+|\s*\|\s*|\s{2,}")


def field_bar(text: str) -> bool:
    """A template's panel of fields on one line: PANEL_FIELDS or more "Label: value" fields (``_FIELD``) joined
    by a bar, a dot, a dash or wide spacing, PANEL_FIGURES of them with a figure in the value ("Registration Date:
    Feb 2002 | Posts Made: 27 | Likes: 18"): a forum post's user panel, a profile's facts."""
    if text.count(":") < PANEL_FIELDS:
        return False
    parts = [p.strip() for p in _FIELD_SPLIT.split(text.strip()) if p.strip()]
    fields = [p for p in parts if _FIELD.fullmatch(p) is not None]
    return (len(fields) >= PANEL_FIELDS and 2 * len(fields) >= len(parts)
            and sum(_counted(f) for f in fields) >= PANEL_FIGURES)


def field_panel(units: Sequence, run: Sequence[int]) -> bool:
    """Does the run hold a template's panel of fields (``_FIELD``): PANEL_FIELDS or more lines of
    them, at least half of its lines, PANEL_FIGURES of them with a figure? Evidence of chrome for a
    run that only the model's score stands behind. Measured: tune split and both wild grounds
    unchanged (no such run there that the model scores as chrome and the vetoes dropped); the forum
    panels of tests/cases/boilerplate.toml are found."""
    fields = [units[i].text.strip() for i in run if _FIELD.fullmatch(units[i].text.strip()) is not None]
    return (len(fields) >= PANEL_FIELDS and 2 * len(fields) >= len(run)
            and sum(_counted(f) for f in fields) >= PANEL_FIGURES)


def _counted(field: str) -> bool:
    """The field's value holds a figure ("Posts: 27", "Joined: Aug 2011"); a figure in its label numbers the
    text's own parts ("Part 1: The valley", "Chapter 2: Departure")."""
    return _DIGIT.search(field.split(":", 1)[1]) is not None


def signups(units: Sequence) -> set[int]:
    """Lines of a newsletter sign-up box by their shape (lexicon ``[signup]``: an invitation to the reader
    that names the inbox); like a breadcrumb, chrome on their own."""
    from prose_lint.checks.boilerplate_features import lexicon

    most, regex = lexicon()["signup"]
    return {i for i, u in enumerate(units) if u.words <= most and regex.search(u.text) is not None}


ARROW_MAX_WORDS = 25  # a link to the previous or next page is a title or a label, not a paragraph
# A line that begins with a backward arrow or ends with a forward one ("« Older post title", "Read
# more »", "1 2 3 ... Next »"): a link to another page. A French quotation («Oui», dit-il) has both.
_BACK = ("«", "‹", "←", "<<")
_FORWARD = ("»", "›", "→", ">>")


def _arrow_link(text: str) -> bool:
    """A link to the previous or next page by its arrow: the line begins with a backward arrow (after a
    list marker) and has no forward one, or ends with a forward arrow and has no backward one (a
    French quotation, «Oui», has both), or has both around separators.
    Measured on the tune split's web pages: 234 chrome lines and 2 content lines have the shape (49
    chrome lines found only by it)."""
    t = text.strip()
    if t[:2] in ("* ", "+ ", "- ", "• "):
        t = t[2:].lstrip()
    bar = " | " in t or " :: " in t  # "« Older post | Home | Newer post »": both, between separators
    rest = t.strip("".join(_BACK + _FORWARD) + " ")
    if rest.endswith((".", ":", ";", ",")) or not any(ch.isalpha() for ch in rest):
        return False  # a sentence and the arrow of its link ("The list can be found online. →"); code around an arrow
    if t.startswith(_BACK):
        return bar or not any(a in t for a in _FORWARD)
    if t.endswith(_FORWARD):
        return bar or not any(a in t for a in _BACK)
    return False


def _button_bar(text: str, lex: dict) -> str:
    """The kind of a bar of labels between separators ("Report Post » Log in to Reply", "Advertise |
    AdChoices") when every label is one the lexicon knows as a whole line and one of them is strong."""
    parts = [x.strip(TRIM).rstrip(".!:;,") for x in BAR_SPLIT.split(text)]
    parts = [x for x in parts if x]
    if len(parts) < 2 or any(lex["any_full"].fullmatch(x) is None for x in parts):
        return ""
    for x in parts:
        for p in lex["full"]:
            if p.strength == "strong" and p.regex.fullmatch(x) is not None:
                return p.kind
    return ""

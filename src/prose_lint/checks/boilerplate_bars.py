"""Shapes of the ``boilerplate`` rule's lines that are chrome whatever their words: a bar of short labels
between one repeated separator ("About | Contact | Advertise | Careers", "Site Map · Accessibility · Press
Room") and a row of Markdown links with nothing else on the line ("[Subscribe](/subscribe) [Log in](/login)").

A site's chrome changes its wording from site to site but not its shape: a menu, a footer's policy links, a
share bar and a breadcrumb rendered on one line are short names, mostly capitalised, none a sentence,
joined by the same glyph; a header's or a sidebar's links rendered in Markdown are links and nothing else.
Prose has neither: a sentence with alternatives ("a | b | c" in a grammar) is lower case or code, and a
paragraph with links has words between them.

Neither is a feature of the line model: such a line is chrome on its own, like a breadcrumb
(boilerplate_model.blocks), and scripts/train-boilerplate leaves these shapes out while it sets the
model's threshold. Measured (tune split; wild grounds by benchmarks/quality/wild.py; the held-aside blocks
of tests/fixtures/boilerplate/heldaside.toml by benchmarks/boilerplate_heldaside.py), with the lexicon's
"(c) 2009" and share-button additions and page_titles: planted blocks found 143 -> 144 of 160, findings
outside them 59 -> 58; web chrome lines recall 0.845 -> 0.848, content lines flagged 1.72 -> 1.68 per
1,000 content words; wild technical docs 0.052 -> 0.052 and wild genres 0.066 -> 0.066 findings per 1,000
words, tune hosts 0.041 -> 0.041; held-aside blocks found 34 -> 39 of 45.
"""

from __future__ import annotations

import re

BAR_SEPARATORS = (" | ", " · ", " • ", " :: ", " » ", " › ", " ~ ")
BAR_ITEMS = 3  # two are a title and its subtitle ("Rome | Paris")
BAR_ITEM_WORDS = 4  # a menu's label is a name, not a clause
_SENTENCE_END = (".", "!", "?", ",", ";", ":")
_FIGURE = re.compile(r"[-+(]?[\d.,%$€£:/]+\)?")
_LETTER = re.compile(r"[^\W\d_]")


def plain_bar(text: str, labels: re.Pattern | None = None) -> str:
    """"strong", "weak" or "": a bar of BAR_ITEMS or more labels of 1 to BAR_ITEM_WORDS words between
    one separator repeated (single-spaced: a table's cell padding is not a bar), none holding a colon (a
    meta line's "Date: ..." fields are boilerplate_meta's) or code, none ending a sentence, two thirds of
    them beginning with a capital, a digit or a symbol ("+1", "(c) 2009"). The bar is strong when one of
    its items is a whole line the lexicon knows (``labels``: "Privacy", "Print", "Site map"), weak (chrome
    next to chrome) when it is names only: a list of the publications an article quotes, under its byline
    ("The Huffington Post | Salon | Forbes | Slate"), is the article's."""
    t = text.strip()
    if t.startswith(("|", "#")) or "`" in t:
        return ""
    for sep in BAR_SEPARATORS:
        if t.count(sep) < BAR_ITEMS - 1:
            continue
        items = t.split(sep)
        if any(not x or x != x.strip() or ":" in x or not 1 <= len(x.split()) <= BAR_ITEM_WORDS
               or x.endswith(_SENTENCE_END) for x in items):
            continue
        if sum(_FIGURE.fullmatch(x) is not None for x in items) >= 2:
            return ""  # a row of a table of figures ("Jan-Mar 2023 | 1,204 | 980 | 611")
        if sum(not x[0].islower() for x in items) * 3 >= 2 * len(items):
            known = labels is not None and any(
                labels.fullmatch(x.rstrip(".!:;,")) and _LETTER.search(x) for x in items)
            return "strong" if known else "weak"
    return ""


# A Markdown link or image, an image inside a link included ("[![logo](/logo.png)](/)").
_LINK = re.compile(r"!?\[(?:[^\]]|!\[[^\]]*\]\([^)]*\))*\]\([^)]*\)")
LINK_ROW_LINKS = 2


def link_row(raw: str) -> bool:
    """A source line of LINK_ROW_LINKS or more Markdown links or images and nothing else but separators.
    A list item is not taken: a list of the text's references may hold two links in an item."""
    t = raw.strip()
    if t[:2] in ("* ", "- ", "+ ") or t[:1].isdigit():
        return False
    return len(_LINK.findall(t)) >= LINK_ROW_LINKS and not _LINK.sub("", t).strip(" |·•:/-")


def chrome_rows(units) -> set[int]:
    """Indices of the units that are chrome by their shape alone: a row of links (``link_row``) or a bar
    (``plain_bar``) with a label the lexicon knows; like a breadcrumb or a sign-up's invitation
    (boilerplate_model.blocks), chrome on their own. Not a feature of the line model: its weights stay
    those trained without them (a model retrained with them as lexicon labels flagged more content
    lines on the tune pages, 1.70 -> 1.87 per 1,000 content words)."""
    from prose_lint.checks.boilerplate_features import lexicon

    labels = lexicon()["any_full"]
    return {i for i, u in enumerate(units) if not u.raw.lstrip().startswith("#")
            and (link_row(u.raw) or plain_bar(u.text, labels) == "strong")}


def page_titles(units) -> set[int]:
    """Indices of the units that are a Markdown level-1 heading without a link ("# Getting LEAN with
    Digital Ad UX"): a web page's h1 is the article's title, which the text keeps even where chrome sits
    right above and below it (a row of links, then the title, then a date line); a site's name in its
    header is a link to the start page ("# [zenhabits](/)") and stays chrome."""
    return {i for i, u in enumerate(units) if u.raw.startswith("# ") and "](" not in u.raw}


def split_at(runs: list[list[int]], cut: set[int]) -> list[list[int]]:
    """The runs with the lines in ``cut`` left out, each split where one was."""
    out: list[list[int]] = []
    for run in runs:
        part: list[int] = []
        for i in run:
            if i in cut:
                if part:
                    out.append(part)
                part = []
            else:
                part.append(i)
        if part:
            out.append(part)
    return out

"""Shapes of the ``boilerplate`` rule's lines that are chrome whatever their words: a bar of short labels
between one repeated separator ("About | Contact | Advertise | Careers", "Site Map · Accessibility · Press
Room") and a row of Markdown links with nothing else on the line ("[Subscribe](/subscribe) [Log in](/login)").

A site's chrome changes its wording from site to site but not its shape: a menu, a footer's policy links, a
share bar and a breadcrumb rendered on one line are short names, mostly capitalised, none a sentence,
joined by the same glyph; a header's or a sidebar's links rendered in Markdown are links and nothing else.
Prose has neither: a sentence with alternatives ("a | b | c" in a grammar) is lower case or code, and a
paragraph with links has words between them.

Neither is a feature of the line model, and neither is chrome on its own: a bar is flagged when it sits
outside the main text or next to other chrome (boilerplate_model.blocks), since a list of the
publications an article quotes or a row of links to the text's own sections (#anchors, .md files) is the
text's; scripts/train-boilerplate leaves these shapes out while it sets the model's threshold. Measured
when the shapes were added (tune split; wild grounds by benchmarks/quality/wild.py; the held-aside blocks
of tests/fixtures/boilerplate/heldaside.toml by benchmarks/boilerplate_heldaside.py), and after the review
that confined them to chrome's neighbourhood: web chrome lines recall 0.845 -> 0.847, content lines
flagged 1.72 -> 1.68 per 1,000 content words; wild technical docs 0.052 and wild genres 0.066 findings per
1,000 words, unchanged; tune hosts 0.041, unchanged; held-aside blocks found 34 -> 38 of 45, none of the 10
held-aside controls. The current figures are in benchmarks/quality/README.md.
"""

from __future__ import annotations

import re

BAR_SEPARATORS = (" | ", " · ", " • ", " :: ", " » ", " › ", " ~ ")
_DATA: dict | None = None
_SENTENCE_END = (".", "!", "?", ",", ";", ":")
_FIGURE = re.compile(r"[-+(]?[\d.,%$€£:/]+\)?")
_LETTER = re.compile(r"[^\W\d_]")


def data() -> dict:
    """The lexicon's ``[bars]`` table: items (a bar's fewest labels), item_words (the most
    words of a label), named (how many labels the lexicon knows name a bar chrome: one may be the text's
    own word, "Salt · Wind · Stone · Home", but one label of two words or more, "Terms of Use", is a
    page's), link_row_links (a row's fewest links). The calibration note is the table's."""
    global _DATA
    if _DATA is None:
        from prose_lint.lexicon import load_lexicon

        t = load_lexicon("boilerplate").get("bars", {})
        _DATA = {"items": int(t.get("items", 3)), "item_words": int(t.get("item_words", 4)),
                 "named": int(t.get("named", 2)), "link_row_links": int(t.get("link_row_links", 2))}
    return _DATA


def plain_bar(text: str, labels: re.Pattern | None = None) -> str:
    """"strong", "weak" or "": a bar of ``items`` or more labels of 1 to ``item_words`` words (``data()``) between
    one separator repeated (single-spaced: a table's cell padding is not a bar), none holding a colon (a
    meta line's "Date: ..." fields are boilerplate_meta's) or code, none ending a sentence, unless the item is
    a label a strong pattern of the lexicon knows whole ("Share this:", "Email this article"), two thirds of
    them beginning with a capital, a digit or a symbol ("+1", "(c) 2009"). The bar is strong when one of
    its items is a whole line the lexicon knows (``labels``: "Print", "Email", "Share", "Login", "Privacy
    Policy", "Terms of Use"; not "Privacy", "Terms", "Contact" or "Site Map" alone, which a text may use as
    headings: a list of them that knew these too found one more web chrome line of 21,331 on the tune split
    and nothing else, so the lexicon was not widened for bars), weak (chrome next to chrome) when it is
    names only: a list of the publications an article quotes, under its byline ("The Huffington Post |
    Salon | Forbes | Slate"), is the article's; "Privacy | Terms | Contact | Site Map" is weak too."""
    t = text.strip()
    if t.startswith(("|", "#")) or "`" in t:
        return ""
    d = data()
    for sep in BAR_SEPARATORS:
        if t.count(sep) < d["items"] - 1:
            continue
        items = t.split(sep)
        if any(not x or x != x.strip() or (not 1 <= len(x.split()) <= d["item_words"] or ":" in x
                                           or x.endswith(_SENTENCE_END)) and not _strong_label(x) for x in items):
            continue
        if sum(_FIGURE.fullmatch(x) is not None for x in items) >= 2:
            return ""  # a row of a table of figures ("Jan-Mar 2023 | 1,204 | 980 | 611")
        if sum(not x[0].islower() for x in items) * 3 >= 2 * len(items):
            return "strong" if any(_known(x, labels) for x in items) else "weak"
    return ""


def _strong_label(item: str) -> bool:
    """The item is a whole label of a strong pattern of the lexicon ("Share this:", "Print this page"): a
    label, whatever its colon or length; a weak pattern's "Label: value" is any text's too ("Part 1: The
    valley")."""
    from prose_lint.checks.boilerplate_features import lexicon

    return lexicon()["strong_full"].fullmatch(item.rstrip(".!:;,")) is not None


def _known(item: str, labels: re.Pattern | None) -> bool:
    """The bar's item is a whole label the lexicon knows ("Print", "Text size: A A A", "Share this:")."""
    return (labels is not None and labels.fullmatch(item.rstrip(".!:;,")) is not None
            and _LETTER.search(item) is not None)


# A Markdown link or image, an image inside a link included ("[![logo](/logo.png)](/)").
_LINK = re.compile(r"!?\[(?:[^\[\]]|!\[[^\]]*\]\([^)]*\))*\]\(([^)]*)\)")
# A link of the text to its own parts: an anchor of the page ("#part-one") or a source file of the project beside
# it ("docs/guide.md", "CHANGELOG.md"). A README's or an essay's row of such links is its own table of contents.
_OWN_TARGET = re.compile(r"#|(?![a-z][a-z0-9+.-]*:|/)[^\s#?]*\.(?:md|markdown|rst|txt|adoc)(?:[#?]\S*)?$", re.I)


def link_row(raw: str) -> bool:
    """A source line of ``link_row_links`` (``data()``) or more Markdown links or images and nothing else but separators,
    none of them a link to the text's own parts (``_OWN_TARGET``). A list item is not taken: a list of
    the text's references may hold two links in an item."""
    t = raw.strip()
    if t[:2] in ("* ", "- ", "+ ") or t[:1].isdigit():
        return False
    targets = [m.group(1).strip() for m in _LINK.finditer(t)]
    return (len(targets) >= data()["link_row_links"] and not _LINK.sub("", t).strip(" |·•:/-")
            and not any(_OWN_TARGET.match(x) for x in targets))


def own_links(raw: str) -> bool:
    """The line links to the text's own parts (``_OWN_TARGET``: "#part-one", "docs/guide.md")."""
    return "](" in raw and any(_OWN_TARGET.match(m.group(1).strip()) for m in _LINK.finditer(raw))


def _named(text: str, labels: re.Pattern) -> int:
    """How many of a bar's items, or of a row's link texts, are a whole label the lexicon knows."""
    items = [m.group(0) for m in re.finditer(r"\[([^\[\]]*)\]", text)] if "](" in text else None
    if items is not None:
        items = [x.strip("[]") for x in items]
    else:
        items = next((text.strip().split(sep) for sep in BAR_SEPARATORS if sep in text), [])
    known = [x.strip() for x in items if labels.fullmatch(x.strip().rstrip(".!:;,")) and _LETTER.search(x)]
    # A label of two words or more ("Terms of Use", "Sign in") is a page's; one word ("Home") may be the text's.
    return data()["named"] if any(len(x.split()) > 1 for x in known) else len(known)


def chrome_rows(units, other: set[int], lead: int) -> tuple[set[int], set[int]]:
    """The units that are chrome by their shape, a row of links (``link_row``) or a bar (``plain_bar``) with
    a label the lexicon knows, and those of them that name themselves. Like any other chrome line they
    must stand outside the main text (before it, above its first line of prose, or after it) or next to
    a line that is chrome by other evidence (``other``: the lexicon, a breadcrumb's shape, the model's
    score), and a bar must name itself (``named`` labels) or sit in a document with a page's signal
    elsewhere (a line with evidence of chrome that is no bar or row). A row or bar named is chrome on
    its own like a breadcrumb; one not named is a single line of evidence and, alone, needs the model's
    ``min_single`` like any other line (boilerplate_model.blocks). Not a feature of the line model: its
    weights stay those trained without them (a model retrained with them as lexicon labels flagged more
    content lines on the tune pages, 1.70 -> 1.87 per 1,000 content words)."""
    from prose_lint.checks.boilerplate_features import BASE, evidence_of_chrome, lexicon

    labels = lexicon()["any_full"]
    before, after = BASE.index("before_main"), BASE.index("after_main")
    rows, bars = set(), set()
    for i, u in enumerate(units):
        if u.raw.lstrip().startswith("#"):
            continue
        if link_row(u.raw):
            rows.add(i)
        elif plain_bar(u.text, labels) == "strong":
            bars.add(i)
    if not rows and not bars:
        return set(), set()
    shaped = rows | bars
    signal = any(evidence_of_chrome(u) for i, u in enumerate(units) if i not in shaped)
    out, named = set(), set()
    for i in sorted(shaped):
        u = units[i]
        if not (u.features[before] or u.features[after] or i < lead or i - 1 in other or i + 1 in other):
            continue
        n = _named(u.raw if i in rows else u.text, labels)
        if i in rows or n >= data()["named"] or signal:
            out.add(i)
            if n >= (1 if i in rows else data()["named"]):
                named.add(i)
    return out, named


def page_titles(units) -> set[int]:
    """Indices of the units that are a Markdown level-1 heading without a link ("# Getting LEAN with
    Digital Ad UX"): a web page's h1 is the article's title, which the text keeps even where chrome sits
    right above and below it (a row of links, then the title, then a date line); a site's name in its
    header is a link to the start page ("# [zenhabits](/)") and stays chrome, and so does an h1 that is
    itself a bar of labels ("# News | Sport | Weather | Travel | Home": a site's menu set as a heading)."""
    return {i for i, u in enumerate(units) if u.raw.startswith("# ") and "](" not in u.raw and not plain_bar(u.text)}


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


def heading_kept(units, runs: list[list[int]]) -> list[list[int]]:
    """The runs without a Markdown heading at their end that heads text no run holds ("## License" under
    a row of links): the heading belongs to the text under it, and a fix that deletes the block must not
    take it. A heading that links or that the lexicon names ("### [Teaser](/story)", "## Related stories")
    stays chrome, and so does one above a line with evidence of chrome or another heading (a sidebar's
    "### Email Newsletters" over its sign-up; tune web pages: chrome lines found 18,027 -> 18,0xx). A run of lines that each
    link to the text's own parts (``own_links``: an in-page table of contents, a README's links to its
    docs) is dropped."""
    chrome = {i for r in runs for i in r}
    out = []
    for run in runs:
        if all(own_links(units[i].raw) for i in run):
            continue  # the text's own contents: links to its sections or its project's files
        run = list(run)
        while run and _heads_text(units, run[-1], chrome):
            run.pop()
        if run:
            out.append(run)
    return out


def _heads_text(units, i: int, chrome: set[int]) -> bool:
    """Unit ``i`` is a Markdown heading without a link or a lexicon name over a line that no run holds, no
    heading and no line with evidence of chrome: it heads the text under it."""
    from prose_lint.checks.boilerplate_features import evidence_of_chrome

    u = units[i]
    if not u.raw.lstrip().startswith("#") or u.lex_bad or "](" in u.raw or "http" in u.raw or i + 1 >= len(units):
        return False
    nxt = units[i + 1]
    return i + 1 not in chrome and not nxt.raw.lstrip().startswith("#") and not evidence_of_chrome(nxt)

"""Metadata lines of the ``boilerplate`` rule: the fields a site's template prints around an article.

A metadata line is recognised by its make-up, not by a site's wording: it is made of *fields* (dates,
clock times, "3 hours ago", counters of comments or views, publication stamps, a name after "by",
taxonomy lists; regular expressions in ``rules/lexicons/boilerplate.toml`` ``[page_fields]``) and has
next to no words outside them. Templates differ from site to site, the shapes of their fields do not.

The decision on what is chrome (the project's): a line of page metadata is chrome when it carries
page fields, a counter ("12 comments", "Views: 1,204"), a taxonomy list ("Tags: a, b"), a date with a
clock time, a stamp with a date, time or name ("Updated ...", "Posted by USER on DATE"), a reading
time, or several fields joined by "|", "·" or "•" ("Ann Lee | May 3, 2012"). A lone bare byline right
under the title ("By Ann Lee", "By Ann Lee, Associated Press") is the article's own metadata, which
clean texts keep: it is chrome only next to other chrome (``byline``, a weak label).
"""

from __future__ import annotations

import re

from prose_lint.analysis import WORD_RE
from prose_lint.checks.boilerplate_bars import split_at

META_MAX_WORDS = 30  # a metadata line is short; a sentence that names a date and a time is prose
PART_MAX_WORDS = 6  # one field of a bar ("By Ann Lee", "Daily Planet Online", "May 3, 2012")
LABEL_MAX_WORDS = 5  # a bar's part that is no field: a site's or a section's name, a button
# Words outside the fields that a metadata line may hold (besides the connectors below): a site's
# name, a section, "Permalink". With a date and a time but no stamp, only one: a timeline's entry
# ("March 3, 10:45 am: polls open") says something.
RESIDUE_MAX = 3
RESIDUE_MAX_BARE_DATETIME = 1
_CONNECTORS = frozenset("on at by in of and from via | · • - – — , :".split())
_PART = re.compile(r"\{([A-Z][A-Z_]*)\}")
_END = re.compile(r"[.!?][\"'”’)]*$")
_FIELDS: dict[str, re.Pattern[str]] | None = None
_HARD = ("date", "clock", "ago", "counter", "stamp", "by_name", "taxonomy")


def fields() -> dict[str, re.Pattern[str]]:
    """The compiled field patterns of the lexicon's ``[page_fields]`` (lower-case keys), parts written out."""
    global _FIELDS
    if _FIELDS is None:
        from prose_lint.lexicon import load_lexicon

        data = load_lexicon("boilerplate").get("page_fields", {})
        parts: dict[str, str] = {}
        out: dict[str, re.Pattern[str]] = {}
        for name, regex in data.items():
            regex = _PART.sub(lambda m: parts[m.group(1)], regex)
            if name.isupper():
                parts[name] = regex
            else:  # names must be capitalised: "by the end of the year" is no byline
                out[name] = re.compile(regex, 0 if name == "by_name" else re.I)
        _FIELDS = out
    return _FIELDS


def _spans(text: str, f: dict[str, re.Pattern[str]]) -> dict[str, list[tuple[int, int]]]:
    found: dict[str, list[tuple[int, int]]] = {}
    for name in _HARD:
        spans = [m.span() for m in f[name].finditer(text) if m.end() > m.start()]
        if spans:
            found[name] = spans
    return found


def _residue(text: str, spans: dict[str, list[tuple[int, int]]]) -> list[str]:
    """The words of ``text`` outside every field, connectors left out."""
    keep = list(text)
    for name, ss in spans.items():
        for a, b in ss:
            keep[a:b] = " " * (b - a)
    return [w for w in WORD_RE.findall("".join(keep)) if w.lower() not in _CONNECTORS]


def meta_line(text: str) -> str:
    """What metadata line ``text`` (one line, single-spaced) is: "page" when it holds a field of the
    page (a counter, a taxonomy list), "when" when it holds only who and when (stamps, dates, times,
    bylines: ``title_block`` keeps those under a headline), "" when it is no metadata line."""
    if not _maybe(text) or not _meta(text):
        return ""
    f = fields()
    return "page" if f["counter"].search(text) is not None or any(
        f["taxonomy"].match(p.strip()) is not None for p in f["separator"].split(text)) else "when"


_DIGIT = re.compile(r"\d")


def _maybe(text: str) -> bool:
    """A necessary condition for ``_meta``, cheap to test (most lines fail it): every field but a name
    after "by" and a taxonomy label holds a figure or "ago", "today", "yesterday"; a taxonomy list a
    colon or "filed", "posted in", "tagged"; a bar of a byline and labels a separator."""
    if _DIGIT.search(text) is not None or ":" in text[:14]:  # a taxonomy label's colon: "Categories:"
        return True
    low = text.lower()
    return ("ago" in low or "today" in low or "yesterday" in low or low.startswith(("filed", "posted", "tagged"))
            or "by" in low and ("|" in text or "·" in text or "•" in text))


def _meta(text: str) -> bool:
    """Is ``text`` a page's metadata line (the module's decision)?"""
    words = WORD_RE.findall(text)
    if not words or len(words) > META_MAX_WORDS:
        return False
    f = fields()
    if f["taxonomy"].match(text) is not None and _taxonomy(text, f):
        return True
    parts = [p.strip() for p in f["separator"].split(text)]
    parts = [p for p in parts if p]
    if len(parts) >= 2 and _bar(parts, f):
        return True
    spans = _spans(text, f)
    if not spans:
        return False
    residue = _residue(text, spans)
    # A sentence that mentions a count or a date ("It got 500 likes.") ends like one and says more.
    if len(residue) >= 2 and _END.search(text) is not None and not text.lower().endswith(("a.m.", "p.m.")):
        return False
    has = spans.keys()
    # A stamp with a name only ("Written by Ann Lee") is a bare byline: the stamp needs a date or time.
    stamped = "stamp" in has and any(k in has for k in ("date", "clock", "ago"))
    if "counter" in has or stamped:
        return len(residue) <= RESIDUE_MAX
    if "date" in has and "clock" in has:
        return len(residue) <= RESIDUE_MAX_BARE_DATETIME
    return False


def _taxonomy(text: str, f: dict[str, re.Pattern[str]]) -> bool:
    """A taxonomy list: after its label, items of a few words each, not a sentence."""
    rest = text[f["taxonomy"].match(text).end():]
    if _END.search(rest) is not None:
        return False
    items = [x for x in re.split(r"\s*[,;|·•]\s*", rest) if x.strip()]
    # One item after "Category:" is as often a definition's label ("Category: Numeric formatting");
    # "Filed under", "Posted in" and "Tagged" name the page's place whatever follows.
    if not items or len(items) < 2 and ":" in text[: len(text) - len(rest)] and not re.match(r"(?i)(?:filed|posted|tagged)", text):
        return False
    counted = [x for x in items if f["counter"].search(x) is None]  # "Posted in News | 3 comments"
    return all(len(WORD_RE.findall(x)) <= 4 for x in counted)


def _bar(parts: list[str], f: dict[str, re.Pattern[str]]) -> bool:
    """Fields joined by separators: every part a field or a short label, one of them a field that is
    a date, a time, a count, a stamp or a byline (not a bar of labels only: that is a menu's)."""
    fielded = 0
    for part in parts:
        words = WORD_RE.findall(part)
        if len(words) > PART_MAX_WORDS:
            return False
        if f["taxonomy"].match(part) is not None and _taxonomy(part, f):
            fielded += 1
            continue
        spans = _spans(part, f)
        if spans and len(_residue(part, spans)) <= 2 and set(spans) != {"stamp"}:
            fielded += 1
        elif not _label(part, words):
            return False
    return fielded >= 1


def _label(part: str, words: list[str]) -> bool:
    """A site's or a section's name, a button: a few capitalised words, no figure, no sentence end."""
    if not words or len(words) > LABEL_MAX_WORDS or _END.search(part) is not None:
        return False
    if any(ch.isdigit() for ch in part):  # a cell of a table of figures ("1,200", "4%")
        return False
    return all(w[0].isupper() or w.lower() in _CONNECTORS or w.lower() in ("the", "a", "for", "to")
               for w in words) or len(words) == 1


_BYLINE = re.compile(r"[Bb][Yy]:?\s+")


def stamped(text: str) -> bool:
    """A web template's publication stamp: its verb with a clock time, an "ago" or a name after "by" ("Posted by
    ann_l at 4:33 AM", "Written by Ann Lee | Feb 11, 2015", "Updated: Sep 19, 2012 03:22"); a date alone ("Last
    updated: 2012-02-08") is also what a manual's author writes at its end."""
    has = _spans(text, fields()).keys()
    return "stamp" in has and any(k in has for k in ("clock", "ago", "by_name"))


def byline(text: str) -> bool:
    """A bare byline: "By" and a name, perhaps a role or an agency after a comma ("By Ann Lee,
    Associated Press"). Chrome only next to other chrome (the module's decision)."""
    if _BYLINE.match(text) is None or len(text) > 80:
        return False
    m = fields()["by_name"].match(text)
    if m is None:
        return False
    rest = text[m.end():].strip()
    if not rest:
        return True
    if not rest.startswith(","):
        return False
    rest_words = WORD_RE.findall(rest)
    return 0 < len(rest_words) <= LABEL_MAX_WORDS and _END.search(rest) is None


TITLE_BLOCK_LINES = 4  # lines of metadata a headline may have under it (byline, date, counts, tags)
HEADLINE_MAX_WORDS = 20


def title_block(units: list) -> None:
    """The article's own title block: metadata lines right under a headline (over other metadata
    lines, a bare byline or date, or a short name line) belong to the article, as clean texts keep
    them ("Title / Posted on May 3, 2012 - 18 Comments / Categories: Food, Travel"). A page line there
    (``meta_line`` "page") loses its strong label and keeps a weak one: chrome only next to other
    chrome. The same line above the headline (at the top of the page), after the text or between
    its paragraphs, is the template's."""
    _table_rows(units)
    for i, u in enumerate(units):
        if u.meta != "page":
            continue
        for j in range(i - 1, max(-1, i - 1 - TITLE_BLOCK_LINES), -1):
            if _headline(units[j]):
                u.strong, u.weak = "", "byline"
                break
            if not _title_meta(units[j]):
                break


def _title_meta(u) -> bool:
    """A line that may sit between a headline and its metadata: metadata, a bare byline or date (a
    weak label), or a short name ("Christina Farr")."""
    return u.meta or u.weak in ("byline", "page") or (
        u.words <= 4 and not u.strong and not u.terminal and all(w[:1].isupper() for w in u.text.split()))


def _headline(u) -> bool:
    """A headline: its own paragraph, 2-HEADLINE_MAX_WORDS words (more than one token: "sect.hotplug"
    is an anchor), a capital or a figure first, no lexicon label but "Label: value", no link or list syntax, no final
    full stop, colon or exclamation mark (a question may head an article)."""
    raw = u.raw.lstrip()
    text = u.text.rstrip()
    # The lexicon's weak "Label: value" is also a headline with a colon ("Serendipity: The Redux").
    labelled = u.strong or u.weak and not (u.weak == "page" and not any(ch.isdigit() for ch in u.text))
    if raw.startswith("#"):  # a Markdown heading ("# DATE") heads what is under it
        return u.words <= HEADLINE_MAX_WORDS and not u.strong
    words = text.split()
    title_case = sum(w[:1].isupper() for w in words) >= 0.6 * len(words)
    return (u.own_paragraph and 2 <= u.words <= HEADLINE_MAX_WORDS and not labelled and len(words) >= 2
            and "](" not in raw and u.block_kind != "list_item" and raw[:2] not in ("* ", "- ", "+ ", "• ")
            and not text.endswith((".", ":", ";", ",")) and (title_case or not text.endswith("!")))


def _parts(u) -> int:
    return len([p for p in fields()["separator"].split(u.text) if p.strip()])


def _plain_row(u) -> bool:
    """A bar whose fields are dates and times only: no count or taxonomy (``meta_line`` "when"), no
    name after "by", no stamp."""
    return u.meta == "when" and not (_spans(u.text, fields()).keys() & {"by_name", "stamp"})


def _table_rows(units: list) -> None:
    """A bar of dates and times only next to a line with as many parts between separators is a row
    of the text's own table ("Registration | 9:00 am" over "Keynote | 10:00 am": a programme), not
    a page's bar: it loses its metadata label (three metadata lines in a row are chrome)."""
    counts = [_parts(u) if u.meta or "|" in u.text or "·" in u.text or "•" in u.text else 0 for u in units]
    for i, u in enumerate(units):
        if counts[i] >= 2 and _plain_row(u) and any(
                0 <= j < len(units) and counts[j] == counts[i] for j in (i - 1, i + 1)):
            u.meta = ""
            if u.weak == "byline":
                u.weak = ""


def keep_headlines(units: list, runs: list[list[int]]) -> list[list[int]]:
    """The runs without the headline right above the document's first metadata line (``_headline``):
    the article's title, which the metadata under it or the model's score of its neighbours would
    take along. Headlines above later metadata lines are a list of teasers' (chrome)."""
    from prose_lint.checks.boilerplate_crumbs import breadcrumb  # (through boilerplate_shapes it imports this module)

    first = next((i for i, u in enumerate(units) if u.meta or u.weak == "byline" or u.strong == "byline"), 0)
    if not first or not _headline(units[first - 1]) or breadcrumb(units[first - 1].text):
        return runs  # a breadcrumb that ends with the page's title is the trail to it, not the headline
    return split_at(runs, {first - 1})

"""Breadcrumbs of the ``boilerplate`` rule by their shape: the path from a site's start page to the page, short
capitalised names joined by one separator glyph repeated ("Startpage / Travel / Europe / Portugal", "You are here:
Home → Recipes → Soups"), whatever the glyph and the names (boilerplate_model.blocks: chrome above the main text)."""

from __future__ import annotations

import re

from prose_lint.checks.boilerplate_shapes import _DIGIT, link_text

# A breadcrumb: the path from the site's start page to this one, short capitalised names joined by one
# separator glyph repeated ("Startpage / Travel / Europe / Portugal", "Home → Recipes → Soups"), whatever
# the glyph and the names; "You are here:" may lead it.
_CRUMB_SPLIT = re.compile(r"\s+([>/»›→⟩·•:\\~]{1,2})\s+")  # "|" bars are menu_line's and _button_bar's
# From the site's start page (lexicon [crumbs] home: "Home", "Startseite", "Accueil"), a path may use the
# separators that join words in titles too ("Home - Business - Markets", "Home | News | Local"), and a path
# of two names joined by a path glyph will do ("Home › Markets").
_HOME_SPLIT = re.compile(r"\s+([>/»›→⟩·•:\\~|]{1,2}|[-–—])\s+")
# After a lead-in that says a path follows ("Return to Style | Food"), a bar joins its names too.
_LED_SPLIT = re.compile(r"\s+([>/»›→⟩·•:\\~|]{1,2})\s+")
_CRUMB_LEAD = re.compile(r"[^\W\d_][\w'’]*(?: [\w'’]+){0,3}: ")  # "You are here: ", "Path: "
# Without its colon a lead-in is words before the start page's name ("You are here Home › News", "Back to Home /
# Recipes"), one of them in lower case (so that "Travel Home / Europe / Italy" keeps its first name).
_CRUMB_LEAD_BARE = re.compile(r"(?:[^\W\d_][\w'’]*\s+){1,3}")
_INITIALS = re.compile(r"(?:[A-Z]\.){2,}")  # "U.S.", "U.K.": a name, not a sentence's end
CRUMB_SEGMENTS = 3  # a path of three names or more: two are a title and a subtitle ("Rome / Paris")
CRUMB_SEGMENT_WORDS = 4
CRUMB_TITLE_WORDS = 12  # the last name may be the page's own title


def link_text_words(u) -> int:
    """The unit's words, a Markdown link left as text counted by its text only ("[Home](https://x.org/home)"
    is one word, not five)."""
    if "](" not in u.raw:
        return u.words
    from prose_lint.analysis import WORD_RE

    return len(WORD_RE.findall(link_text(u.text)))


def breadcrumb(text: str) -> bool:
    """A one-line breadcrumb by its shape: CRUMB_SEGMENTS or more names of 1 to CRUMB_SEGMENT_WORDS
    words (the last, the page's title, up to CRUMB_TITLE_WORDS), each beginning with a capital, none ending a
    sentence, none with a figure but the title ("11 Simple Ways to ...", never a date or time: "Monday,
    11.05.2012 / 9:04 PM / News" is a dateline), all joined by the same separator glyph (not a word: "and/or"
    has no spaces around it). A lead-in may end with a colon ("You are here: ") or, before the start page's
    name, have none ("You are here Home › News"); Markdown links saved as plain text are read by their text. A
    path that starts at the site's start page may use a dash or a bar (``_HOME_SPLIT``), and needs only two
    names when a path glyph joins them ("Home › Markets"; "Home – A Memoir" is a title); so does a path after a
    lead-in that says one follows (lexicon [crumbs] lead: "You are here: Environment | Religion", "Return to
    Style :: Environment"), a bar included."""
    from prose_lint.checks.boilerplate_features import lexicon

    t = link_text(text.strip())
    home = lexicon()["crumb_home"]
    lead = _CRUMB_LEAD.match(t)
    # "You are here", "Return to" as whole words, and the whole lead-in ("Location: " is one, "Return to the
    # index: " is a label of its own): a path follows
    said = lexicon()["crumb_lead"].match(t)
    if said is not None and t[said.end():said.end() + 1] in (":", " ") and (
            lead is None or lead.end() <= said.end() + 2):
        return _trail(t[said.end():].lstrip(": "), home, _LED_SPLIT, 2)
    if lead is not None:
        t = t[lead.end():]
    elif (bare := _CRUMB_LEAD_BARE.match(t[:40])) is not None:
        words = bare.group(0).split()
        for n in range(len(words), 0, -1):  # the words before the start page's name, however many
            at = len(" ".join(words[:n])) + 1
            if any(w[:1].islower() for w in words[:n]) and home.match(t, at) is not None:
                t = t[at:]
                break
    parts = _CRUMB_SPLIT.split(t)
    least = CRUMB_SEGMENTS
    if home.match(t) is not None:  # "Home ...", not "Homeland / Security / Policy" (a path as any other)
        from_home = _HOME_SPLIT.split(t)
        if home.fullmatch(from_home[0]) is not None:
            parts = from_home
            if not set(parts[1::2]) & {"|", "-", "–", "—"}:
                least = 2  # "Home › Markets"; with a dash, two names may be a title ("Home – A Memoir")
    return _trail(t, home, None, least, parts)


def _trail(t: str, home, split: re.Pattern | None, least: int, parts: list[str] | None = None) -> bool:
    """``least`` or more names joined by one separator glyph (``split``, or ``parts`` already split), each a
    short capitalised name (the last perhaps the page's title)."""
    if parts is None:
        parts = split.split(t)
    names, seps = parts[::2], set(parts[1::2])
    if len(names) < least or len(seps) != 1:
        return False
    for k, name in enumerate(names):
        words = name.split()
        title = k == len(names) - 1
        figure = _DIGIT.search(name) is not None
        if figure and not (title and _titled_figure(name)):
            return False
        first = name.lstrip("'\"‘“")[:1]
        if not 1 <= len(words) <= (CRUMB_TITLE_WORDS if title else CRUMB_SEGMENT_WORDS) or not (
                first.isupper() or figure and first.isdigit()) or (
                name.endswith((".", "!", "?", ",", ";")) and _INITIALS.fullmatch(name) is None):
            return False
    return True


def _titled_figure(name: str) -> bool:
    """The page's title at the end of a trail may hold a figure ("11 Simple Ways to ...", "Xbox 360 review"): three
    words or more and no date or clock time (a trail that ends with one is a dateline)."""
    from prose_lint.checks.boilerplate_meta import fields

    f = fields()
    return len(name.split()) >= 3 and f["date"].search(name) is None and f["clock"].search(name) is None

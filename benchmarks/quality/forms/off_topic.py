"""Off-topic content: text from another document pasted into the host.

Real documents pick up foreign text when a scraper runs past the end of an article into the next one, when
a CMS template pulls in a "related story", or when an editor pastes a block into the wrong draft. The pasted
text is a real article: it begins with its lead (not a random mid-article paragraph), often carries its own
headline and a date/time stamp, and sits after the host's last paragraph or, less often, between two of the
host's paragraphs. Every donor is another host of the same split (never the host itself).

Each form keeps the host text byte-identical and only inserts. ``meta["edits"]`` lists
``(start, end, original)`` triples: replacing ``text[start:end]`` by ``original`` (here always "") for each
edit, last first, gives back the host text exactly.
"""

from __future__ import annotations

import calendar
import datetime
import random
import re

from common import Defect, Host, PlantContext, Planted, by_split, paragraph_spans

# --------------------------------------------------------------------------------------------------------------
# Donor text
# --------------------------------------------------------------------------------------------------------------

_PROSE_END = re.compile(r"[.!?][\"'”’)]*$")
_STOP = set(
    """the and for that with this from have were which their there been would about into they will said
    what when more than also after over some other them only could said says those these such most very
    just like made make being where while because should between under first last year years time people
    percent two three four five many much even still before through against during including""".split()
)
_UNKNOWN = ("", "unknown", None)


def _is_prose(par: str, min_words: int = 12) -> bool:
    """A running-text paragraph: one line, enough words, ends like a sentence, not Markdown structure."""
    if "\n" in par or len(par.split()) < min_words:
        return False
    if par.lstrip()[:1] in "#|>*-`" or par.lstrip()[:3] == "```":
        return False
    return bool(_PROSE_END.search(par.rstrip()))


def _pasteable(par: str) -> bool:
    """A paragraph that can ride along inside a pasted lead (a short quote line, a caption) but no code."""
    return "\n" not in par and len(par.split()) >= 3 and "```" not in par and not par.lstrip().startswith("|")


def _lead(donor: Host, n: int, rng: random.Random | None = None, anywhere: bool = False) -> list[str] | None:
    """``n`` consecutive paragraphs of ``donor`` starting at its first running-text paragraph (its lead), or
    with ``anywhere`` a random run starting at a running-text paragraph. First and last must be running text."""
    paras = donor.paragraphs
    starts = [i for i, p in enumerate(paras) if _is_prose(p)]
    if not starts:
        return None
    if anywhere and rng is not None:
        starts = starts[:]
        rng.shuffle(starts)
    else:
        starts = starts[:1]
    for i in starts:
        block = paras[i : i + n]
        if len(block) < n or not all(_pasteable(p) for p in block):
            continue
        if not _is_prose(block[-1], 6):
            continue
        return block
    return None


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]{4,}", text.lower()) if w not in _STOP}


def _names(text: str) -> set[str]:
    """Capitalised words that are not at a sentence start: a cheap proxy for the people/places/things named."""
    return set(re.findall(r"(?<=[a-z,;] )[A-Z][a-z]{2,}", text))


def _unrelated(host: Host, block: list[str]) -> bool:
    """Reject donors that tell the same story (Google News clusters hold several outlets' takes on one event)."""
    joined = " ".join(block)
    if joined[:200] in host.text:
        return False
    names = _names(joined)
    shared_names = names & _names(host.text)
    if len(shared_names) >= 3 and len(shared_names) >= 0.3 * max(1, len(names)):
        return False
    words = _content_words(joined)
    if words and len(words & _content_words(host.text)) / len(words) > 0.55:
        return False
    return True


def _has_headline(d: Host) -> bool:
    t = d.title.strip()
    return (d.genre == "news" and len(t.split()) >= 3 and "\n" not in t and t[:1].isupper() and len(t) < 160)


def _known(cat) -> bool:
    return cat not in _UNKNOWN


def _pool(host: Host, ctx: PlantContext) -> list[Host]:
    return [d for d in ctx.hosts if d.id != host.id and d.genre.lower() != "sources" and d.title.strip() != host.title.strip()
            and d.text[:300] != host.text[:300]]


def _candidates(host: Host, ctx: PlantContext, relation: str) -> tuple[list[Host], str]:
    """Donor candidates for a relation; returns (candidates, the relation actually used)."""
    pool = _pool(host, ctx)
    other_kind = [d for d in pool if d.source != host.source or d.genre != host.genre]
    if relation == "same-category":
        if _known(host.category):
            same = [d for d in pool if d.category == host.category]
            if same:
                return same, "same-category"
        return [d for d in pool if d.source == host.source and d.genre == host.genre], "same-source"
    if relation == "other-category":
        if _known(host.category):
            other = [d for d in pool if _known(d.category) and d.category != host.category]
            if other:
                return other, "other-category"
        return other_kind, "other-source"
    # "different": another source/genre, or (same source) another known category
    other_cat = [d for d in pool if _known(host.category) and _known(d.category) and d.category != host.category
                 and d not in other_kind]
    return other_kind + other_cat, "different"


def _pick(rng: random.Random, host: Host, ctx: PlantContext, relation: str, n: int, *, headline: bool = False,
          anywhere: bool = False, exclude: tuple[str, ...] = ()) -> tuple[Host, list[str], str] | None:
    cands, used = _candidates(host, ctx, relation)
    keep = lambda d: d.id not in exclude and (not headline or _has_headline(d))  # noqa: E731
    order = [d for d in cands if keep(d)]
    rng.shuffle(order)
    tries = [(d, used) for d in order[:60]]
    if relation == "different":
        # e.g. a news host of unknown category asked for a headline: any other article of the split
        seen = {d.id for d in order}
        rest = [d for d in _pool(host, ctx) if keep(d) and d.id not in seen]
        rng.shuffle(rest)
        tries += [(d, "any-other") for d in rest[:40]]
    for d, rel in tries:
        block = _lead(d, n, rng, anywhere)
        if block and _unrelated(host, block):
            return d, block, rel
    return None


# --------------------------------------------------------------------------------------------------------------
# Date lines (formats partitioned by split)
# --------------------------------------------------------------------------------------------------------------


def _ampm(t: datetime.datetime, style: str) -> str:
    h = t.hour % 12 or 12
    suffix = {"dots": "a.m." if t.hour < 12 else "p.m.", "caps": "AM" if t.hour < 12 else "PM",
              "low": "am" if t.hour < 12 else "pm"}[style]
    sep = "" if style == "low" else " "
    return f"{h}:{t.minute:02d}{sep}{suffix}"


def _mon(t):
    return calendar.month_name[t.month]


def _mab(t):
    return calendar.month_abbr[t.month]


def _wd(t):
    return calendar.day_name[t.weekday()]


DATE_FORMATS = {
    "mdy": lambda t: f"{_mon(t)} {t.day}, {t.year}",
    "updated-et": lambda t: f"Updated {_ampm(t, 'dots')} ET",
    "weekday-mdy": lambda t: f"{_wd(t)}, {_mon(t)} {t.day}, {t.year}",
    "dmy": lambda t: f"{t.day} {_mon(t)} {t.year}",
    "abbr-time": lambda t: f"{_mab(t)} {t.day}, {t.year} {_ampm(t, 'caps')}",
    "posted-mdy": lambda t: f"Posted: {_mon(t)} {t.day}, {t.year}",
    "last-updated-gmt": lambda t: f"Last Updated: {t.hour:02d}:{t.minute:02d} GMT, {t.day} {_mon(t)} {t.year}",
    "published-full": lambda t: f"Published: {_wd(t)}, {_mon(t)} {t.day}, {t.year}, {_ampm(t, 'caps')}",
    "iso": lambda t: f"{t.year}-{t.month:02d}-{t.day:02d} {t.hour:02d}:{t.minute:02d}",
    "slashes": lambda t: f"{t.month:02d}/{t.day:02d}/{t.year}",
    "reuters": lambda t: f"{_wd(t)[:3]} {_mab(t)} {t.day}, {t.year} {_ampm(t, 'low')} EST",
    "updated-est-date": lambda t: f"Updated: {_ampm(t, 'dots')} EST {_mon(t)} {t.day}, {t.year}",
    "mdy-at": lambda t: f"{_mon(t)} {t.day}, {t.year} at {_ampm(t, 'low')}",
    "posted-on": lambda t: f"Posted on {t.day} {_mon(t)} {t.year} at {t.hour:02d}:{t.minute:02d}",
    "time-first": lambda t: f"{_ampm(t, 'caps').replace(' ', '')} {_wd(t)} {_mab(t)} {t.day:02d}, {t.year}",
    "pipe": lambda t: f"{_mab(t)}. {t.day}, {t.year} | {_ampm(t, 'dots')}",
    "uk-dots": lambda t: f"{_wd(t)} {t.day} {_mon(t)} {t.year} {t.hour:02d}.{t.minute:02d} GMT",
    "updated-mdy-et": lambda t: f"Updated {_mon(t)} {t.day}, {t.year} {_ampm(t, 'dots')} ET",
    "first-published": lambda t: f"First published: {_ampm(t, 'caps').replace(' ', '')}, {_mab(t)} {t.day} {t.year}",
    "updated-time-only": lambda t: f"Last updated {_ampm(t, 'low')}",
    "weekday-dmy-page": lambda t: f"{_wd(t)}, {_mon(t)} {t.day}, {t.year}; Page A{(t.minute % 19) + 1:02d}",
    "bst": lambda t: f"{t.day} {_mab(t)} {t.year}, {t.hour:02d}:{t.minute:02d} BST",
}


def dateline(rng: random.Random, split: str) -> tuple[str, str]:
    name = rng.choice(by_split(sorted(DATE_FORMATS), split, "off-topic-dates"))
    t = datetime.datetime(2005, 1, 1) + datetime.timedelta(days=rng.randrange(9 * 365), minutes=rng.randrange(24 * 60))
    return DATE_FORMATS[name](t), name


# --------------------------------------------------------------------------------------------------------------
# Assembly
# --------------------------------------------------------------------------------------------------------------


def _block(rng: random.Random, ctx: PlantContext, donor: Host, paras: list[str], headline: bool,
           date: bool) -> tuple[str, dict]:
    """The pasted text: optional headline, optional date line, then the donor's paragraphs."""
    top: list[str] = []
    info: dict = {"donor": donor.id, "donor_source": donor.source, "donor_category": donor.category,
                  "paragraphs": len(paras)}
    if headline:
        top.append(donor.title.strip())
        info["headline"] = donor.title.strip()
    if date:
        line, fmt = dateline(rng, ctx.split)
        top.append(line)
        info["dateline"], info["dateline_format"] = line, fmt
    # headline and date line on consecutive lines or as their own paragraphs
    head = ("\n" if rng.random() < 0.4 else "\n\n").join(top)
    return "\n\n".join(([head] if head else []) + paras), info


def _end_of_body(text: str) -> int:
    return len(text.rstrip())


def _insert_at(text: str, pos: int, block: str) -> tuple[str, tuple[int, int], tuple[int, int]]:
    """Insert ``block`` as its own paragraph(s) at ``pos`` (the end of a paragraph). Returns the text, the
    block's span and the span of everything inserted (block plus separator)."""
    new = text[:pos] + "\n\n" + block + text[pos:]
    return new, (pos + 2, pos + 2 + len(block)), (pos, pos + 2 + len(block))


def _note(info: dict) -> str:
    head = "headline, " if "headline" in info else ""
    date = "date line, " if "dateline" in info else ""
    return f"{head}{date}{info['paragraphs']} paragraph(s) of {info['donor']}"


def _append(rng: random.Random, host: Host, ctx: PlantContext, *, relation: str = "different", n: int | None = None,
            headline: bool | None = None, date: bool | None = None, form: str) -> Planted | None:
    if len(host.paragraphs) < 3:
        return None
    n = n if n is not None else rng.randint(3, 6)
    want_headline = rng.random() < 0.5  # used when the form leaves it open and the donor has one
    date = (rng.random() < 0.3) if date is None else date
    got = _pick(rng, host, ctx, relation, n, headline=bool(headline))
    if got is None:
        return None
    donor, paras, used = got
    if headline is None:
        headline = want_headline and _has_headline(donor)
    block, info = _block(rng, ctx, donor, paras, headline, date)
    text, span, ins = _insert_at(host.text, _end_of_body(host.text), block)
    info.update(form=form, relation=used, position="end", edits=[(ins[0], ins[1], "")])
    return Planted(text, [Defect(span, note="appended " + _note(info))], info)


def append_with_headline(rng, host, ctx):
    """A scraper that runs past the end of the article into the next story: the next article's headline and
    its first paragraphs follow the host's last paragraph."""
    return _append(rng, host, ctx, headline=True, date=False, form="append-with-headline")


def append_without_headline(rng, host, ctx):
    """Another article's lead pasted after the host with no headline or other boundary marker (a CMS field
    that held two bodies, an editor's bad paste)."""
    return _append(rng, host, ctx, headline=False, date=False, form="append-without-headline")


def append_with_dateline(rng, host, ctx):
    """A following article that starts with its own date/time stamp ("March 4, 2008", "Updated 10:42 a.m. ET")
    before its lead, sometimes under its headline."""
    return _append(rng, host, ctx, date=True, form="append-with-dateline")


def append_same_category(rng, host, ctx):
    """A related-stories widget or archive page that runs on into another article of the same section
    (same news category when both are known, otherwise the same source and genre): the hardest case, since
    the vocabulary is close."""
    return _append(rng, host, ctx, relation="same-category", form="append-same-category")


def append_other_category(rng, host, ctx):
    """An article from another section (sports after politics, a speech after a manual page) pasted after
    the host."""
    return _append(rng, host, ctx, relation="other-category", form="append-other-category")


def append_two_paragraph_tail(rng, host, ctx):
    """A short foreign tail: just the first two paragraphs of another article after the host's end (a teaser
    block, a truncated "next story")."""
    return _append(rng, host, ctx, n=2, date=rng.random() < 0.2,
                   form="append-two-paragraph-tail")


def append_ten_paragraph_tail(rng, host, ctx):
    """A long foreign tail: ten paragraphs of another article after the host (a page that concatenated two
    full stories)."""
    return _append(rng, host, ctx, n=10, date=rng.random() < 0.3,
                   form="append-ten-paragraph-tail")


def append_two_articles(rng, host, ctx):
    """Two other articles appended one after the other (a scraped archive page): one defect per article."""
    if len(host.paragraphs) < 3:
        return None
    head1, head2 = rng.random() < 0.6, rng.random() < 0.6
    first = _pick(rng, host, ctx, "different", rng.randint(2, 4))
    if first is None:
        return None
    d1, p1, rel1 = first
    second = _pick(rng, host, ctx, "different", rng.randint(2, 4), exclude=(d1.id,))
    if second is None:
        return None
    d2, p2, rel2 = second
    if not _unrelated(d1, p2):
        return None
    date = rng.random() < 0.3
    b1, i1 = _block(rng, ctx, d1, p1, head1 and _has_headline(d1), date)
    b2, i2 = _block(rng, ctx, d2, p2, head2 and _has_headline(d2), date)
    text, s1, ins1 = _insert_at(host.text, _end_of_body(host.text), b1)
    text, s2, ins2 = _insert_at(text, s1[1], b2)
    meta = {"form": "append-two-articles", "articles": [i1, i2], "relation": [rel1, rel2], "position": "end",
            "edits": [(ins1[0], ins2[1], "")]}
    return Planted(text, [Defect(s1, note="appended " + _note(i1)), Defect(s2, note="appended " + _note(i2))], meta)


def insert_middle_block(rng, host, ctx):
    """A block of 2-4 paragraphs from another document dropped between two of the host's paragraphs (a
    pasted draft fragment, an ad-copy or related-story block that a template placed inside the body)."""
    spans = paragraph_spans(host.text)
    if len(spans) < 5:
        return None
    # a gap between two running-text paragraphs, away from the very start and end, outside code fences
    gaps = [i for i in range(1, len(spans) - 2)
            if _is_prose(host.text[spans[i][0]:spans[i][1]], 8) and _is_prose(host.text[spans[i + 1][0]:spans[i + 1][1]], 8)
            and host.text[: spans[i][1]].count("```") % 2 == 0]
    if not gaps:
        return None
    gap = rng.choice(gaps)
    n = rng.randint(2, 4)
    got = _pick(rng, host, ctx, "different", n, anywhere=rng.random() < 0.5)
    if got is None:
        return None
    donor, paras, used = got
    headline = _has_headline(donor) and rng.random() < 0.25
    block, info = _block(rng, ctx, donor, paras, headline, False)
    text, span, ins = _insert_at(host.text, spans[gap][1], block)
    info.update(form="insert-middle-block", relation=used, position=f"after paragraph {gap + 1} of {len(spans)}",
                edits=[(ins[0], ins[1], "")])
    return Planted(text, [Defect(span, note="inserted " + _note(info))], info)


FORMS = {
    "append-with-headline": append_with_headline,
    "append-without-headline": append_without_headline,
    "append-with-dateline": append_with_dateline,
    "append-same-category": append_same_category,
    "append-other-category": append_other_category,
    "append-two-paragraph-tail": append_two_paragraph_tail,
    "append-ten-paragraph-tail": append_ten_paragraph_tail,
    "append-two-articles": append_two_articles,
    "insert-middle-block": insert_middle_block,
}

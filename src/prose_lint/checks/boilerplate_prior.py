"""The document-level prior of the ``boilerplate`` rule: a document with no web signal needs more than a score.

The line model (``boilerplate_model``) learnt what chrome looks like on web pages, where short lines
around one main text are chrome. Prose of other registers has short lines of its own: verse, a
quotation and its source, a glossary's headwords, a recipe, a numbered list of laws. What such a
document lacks is a page's signal: no line the lexicon names, no link, URL, menu separator or one-line
menu (``evidence_of_chrome``), and often no single main text for chrome to surround. Runs that only
the model's score stands behind are dropped there (lexicon ``[prior]``, calibrated on the tune split),
and so is a short one that is the only sign of a page (``without_lone_runs``). The other tests here
spare the text's own lines in any document: an announced list, lines with code, a numbered enumeration,
a date over several lines, a book's imprint before its text.
"""

from __future__ import annotations

import re
from typing import Any, Sequence

_PRIOR: dict[str, Any] | None = None
# A heading: Markdown's ATX heading ("#CookForJulia" is a hashtag), or a title after a section number
# of two levels or more ("4.2. Votes of the Council", "A.5 Appendix": a table of contents' line).
_HEADING = re.compile(r"\s*(?:#{1,6}\s|(?:[-*+]\s+)?(?:\d+|[A-Z])(?:\.\d+)+\.?\s+[A-Z])")


def prior() -> dict[str, Any]:
    """The lexicon's ``[prior]`` table: main_share, scattered_runs, heading_share, the attribution
    pattern (compiled)."""
    global _PRIOR
    if _PRIOR is None:
        from prose_lint.lexicon import load_lexicon

        data = load_lexicon("boilerplate").get("prior", {})
        _PRIOR = {"main_share": float(data.get("main_share", 0.0)), "scattered_runs": int(data.get("scattered_runs", 0)),
                  "attribution": re.compile(data.get("attribution", r"(?!)")),
                  "heading_share": float(data.get("heading_share", 2.0)),
                  "announce_words": int(data.get("announce_words", 10**9)), "item_words": int(data.get("item_words", 0)),
                  "code_share": float(data.get("code_share", 2.0)),
                  "lone_lines": int(data.get("lone_lines", 0)),
                  "imprint": re.compile(data.get("imprint", r"(?!)")),
                  "enumerated_items": int(data.get("enumerated_items", 10**9)),
                  "enumerated_share": float(data.get("enumerated_share", 2.0))}
    return _PRIOR


def without_own_lines(units: Sequence[Any], runs: list[list[int]],
                      scattered: list[list[int]] | None = None) -> list[list[int]]:
    """``runs`` without those that only the model's score stands behind (no line with evidence of
    chrome) and that are the text's own short lines: a run holding a quotation's source line ("-- Mark
    Twain"), a run of which ``heading_share`` of the lines are headings (the text's outline: "## New
    Platforms / None / ## Discontinued Platforms", a table of contents "4.1. Meetings / 4.2. Votes"),
    or any such run of a document with no evidence of chrome outside it whose main region holds less
    than ``main_share`` of its words or that has ``scattered_runs`` or more such runs. The runs are
    counted among ``scattered`` when given (the model's runs before the other vetoes of
    ``boilerplate_model.blocks``): a veto that drops one run of a collection of quotations or a
    recipe must not make the rest look like a page's few blocks (other registers 55 -> 54 findings: a
    recipe's ingredients; tune split unchanged)."""
    from prose_lint.checks.boilerplate_features import BASE, evidence_of_chrome
    from prose_lint.checks.boilerplate_shapes import field_panel

    bare = [k for k, r in enumerate(runs) if not any(evidence_of_chrome(units[i]) for i in r) and not field_panel(units, r)]
    if not bare:
        return runs
    p = prior()
    attribution = p["attribution"]
    share = p["heading_share"]
    drop = {k for k in bare if any(attribution.match(units[i].raw) for i in runs[k])
            or sum(_HEADING.match(units[i].raw) is not None for i in runs[k]) >= share * len(runs[k])}
    left = [k for k in bare if k not in drop]
    if left:
        before, after = BASE.index("before_main"), BASE.index("after_main")
        words = sum(u.words for u in units) or 1
        main = sum(u.words for u in units if not u.features[before] and not u.features[after])
        every = [r for r in (scattered or runs) if not any(evidence_of_chrome(units[i]) for i in r)]
        if main < p["main_share"] * words or max(len(bare), len(every)) >= p["scattered_runs"]:
            in_bare = {i for k in bare for i in runs[k]}
            if not any(evidence_of_chrome(u) for i, u in enumerate(units) if i not in in_bare):
                drop.update(left)
    return [r for k, r in enumerate(runs) if k not in drop]


def page_signal(u: Any) -> bool:
    """A line that shows the document is a page: evidence of chrome (``evidence_of_chrome``: the lexicon
    names it, link or menu syntax), a weak label of the lexicon of a chrome kind (a share button, a forum
    or comment-form label; not a bare date, field or byline, which clean texts have), or a metadata line."""
    from prose_lint.checks.boilerplate_features import evidence_of_chrome

    return evidence_of_chrome(u) or u.weak not in ("", "page", "byline") or bool(u.meta)


def without_lone_runs(units: Sequence[Any], runs: list[list[int]]) -> list[list[int]]:
    """``runs`` without the short ones that are the only sign of a page in the document: a run of
    ``lone_lines`` lines or fewer (lexicon ``[prior]``) none of whose lines is a page's signal
    (``page_signal``), in a document with no such line outside it either. Chrome comes in company: a
    page's menu, share bar, byline bar and footer each leave a trace, so a page's short block has another
    block's line or a lexicon label somewhere; a manuscript's own short list after or before its text (its
    sources, "New Express: <headline>", a title block, a sign-off) has none. Longer runs are still
    judged by the model, which sees enough lines to tell a menu from a list."""
    if any(page_signal(u) for u in units):  # a signal inside a run or outside it: the runs stand
        return runs
    short = prior()["lone_lines"]
    return [r for r in runs if len(r) > short]


def without_imprint(units: Sequence[Any], runs: list[list[int]]) -> list[list[int]]:
    """``runs`` without a block before the main text whose only evidence of chrome is copyright notices (lexicon
    ``[prior]`` ``imprint``)
    ("Copyright © 2003-2022 Raphaël Hertzog", with an "ISBN: ..." line): a book's or a report's imprint,
    which it prints before its text. A page prints its copyright in the footer, after the text; at
    the top of a page, chrome is a menu, a breadcrumb or a share bar, which has evidence of its own.
    Tune split: findings outside planted blocks 39 -> 37 (the Debian Administrator's Handbook's
    imprint, in 2 documents), planted blocks and web pages unchanged."""
    from prose_lint.checks.boilerplate_features import BASE, evidence_of_chrome

    before, imprint = BASE.index("before_main"), prior()["imprint"]
    out = []
    for r in runs:
        named = [i for i in r if evidence_of_chrome(units[i])]
        if units[r[-1]].features[before] and named and all(imprint.search(units[i].text) for i in named):
            continue
        out.append(r)
    return out


def announced(units: Sequence[Any], run: list[int]) -> bool:
    """Whether a sentence of the text announces ``run``: the line above the list the run belongs to
    (the run, after the list's first short items that the model scored lower) ends with a colon, has
    ``announce_words`` words or more (lexicon ``[prior]``), and most of its words after the first are
    lowercase ("The current members of the board are:", "The following letter substitutions are common:", "the committee
    agreed the following actions:"). A writer introduces the text's own list that way (members,
    modules, changes, steps, sources); a page's chrome follows the article without a sentence of the
    writer's leading into it, and its own lead-in is a label in title case ("Related Posts:", "Follow
    Us On:") or joins the run, so that the line above it is the article's last paragraph, which does
    not end with a colon. Used only for runs that the model's score alone stands behind
    (``boilerplate_model._supported``), never against a line the lexicon names or that has link or
    menu syntax. Measured (tune split; grounds in no split): planted blocks found 146 -> 146 of 160,
    findings outside them 58 -> 56 (precision 0.716 -> 0.723); web chrome lines 18,065 -> 17,977 of
    21,331 (recall 0.847 -> 0.843: a site's own lead-ins, "WSJ.com is available in the following
    editions:", "If you enjoyed this article, please share it on:"), content lines flagged 246 -> 238;
    wild technical docs 119 -> 104 findings (0.065 -> 0.057 per 1,000 words: lists of modules, notes,
    authors, members, platforms), other registers 54 -> 51 (verse, a table of digits)."""
    from prose_lint.checks.boilerplate_features import BASE

    prose = BASE.index("prose_like")
    i = run[0] - 1 if run else -1
    p = prior()
    while i >= 0 and not units[i].features[prose] and units[i].words <= p["item_words"] and not units[i].text.rstrip().endswith(":"):
        i -= 1  # an item of the same list above the run
    if i < 0:
        return False
    lead = units[i]
    if not lead.text.rstrip().endswith(":") or lead.words < p["announce_words"]:
        return False
    words = [w for w in lead.tokens[1:] if w[:1].isalpha()]
    return bool(words) and sum(w[:1].isupper() for w in words) * 2 < len(words)


def with_code(units: Sequence[Any], run: list[int]) -> bool:
    """Whether ``code_share`` (lexicon ``[prior]``) or more of the run's lines hold a Markdown code span
    (``Unit.code``, from the Document's inline code spans: "`XSLoader` upgraded to version 0.06"): a code
    span marks a literal of the text (a name, a command, a value) that a writer set by hand; a page's menus,
    teasers, forms and footers have none, and converters of web pages do not make them out of chrome. Used,
    like ``announced``, only for runs that the model's score alone stands behind. Measured with
    ``announced`` on: tune split unchanged (planted 146 of 160, 56 findings outside them; web chrome lines
    17,977, content lines 238); wild technical docs 104 -> 86 findings (0.057 -> 0.047 per 1,000 words:
    perldelta's module changes, typing's PEP list, credits lines); other registers have no code spans."""
    return bool(run) and sum(units[i].code for i in run) >= prior()["code_share"] * len(run)


# An item of an enumeration: "3. ", "3) ", "(3) ", "#3 " at the start of a line, Markdown's list marker allowed.
_NUMBERED = re.compile(r"\s*(?:[-*+]\s+)?(?:\(?(\d{1,3})[.)]|#(\d{1,3}))\s+\S")


def _number(raw: str) -> int | None:
    m = _NUMBERED.match(raw)
    return int(m.group(1) or m.group(2)) if m else None


def enumerated(units: Sequence[Any], run: list[int]) -> bool:
    """Whether the run is an enumeration of the text's: ``enumerated_items`` or more of its lines are items
    numbered 1, 2, 3 ... in order from 1 (perhaps on the lines right above the run: "1. \"Intro\"",
    "2) Preheat the oven", a track list, steps), making up ``enumerated_share`` or more of its lines
    (lexicon ``[prior]``, with the calibration). A writer numbers what is counted or done in order; a
    page's menus, teaser lists, forms and footers are not numbered. A site's "most read" ranking is the
    exception, which its label or links usually name, and a run that starts further into a numbering
    ("9. ... 10. ...") is the tail of a list whose head is another block. Used, like ``announced``, only
    for runs that the model's score alone stands behind."""
    p = prior()
    numbers = [n for n in (_number(units[i].raw) for i in run) if n is not None]
    if not numbers:
        return False
    # The list's first few items may sit right above the run, scored lower by the model ("1. Overture"):
    # walk up over up to enumerated_items of them. A run that starts further into a numbering is the tail
    # of a list whose head is elsewhere ("9. ... 10. ...", a site's ranking; "108. teaching ... 115. xen",
    # the end of a tag cloud rendered as a numbered list whose head is another block).
    i, want = run[0] - 1, numbers[0] - 1
    while 1 <= want and run[0] - i <= p["enumerated_items"] and i >= 0 and _number(units[i].raw) == want:
        i, want = i - 1, want - 1
    if want != 0:
        return False
    steps = sum(b == a + 1 for a, b in zip(numbers, numbers[1:]))
    return steps + 1 >= p["enumerated_items"] and len(numbers) >= p["enumerated_share"] * len(run)


def dateline(units: Sequence[Any], run: list[int]) -> bool:
    """Whether the run is one date written over several lines ("24 / Jul / 2012 / 8:06am, EDT", a
    blog's date badge): its lines read together are one date (and perhaps one clock time) with at most
    one word and no figure besides (a time zone; an archive's "April 2006 (22) / March 2006 (27)" is
    many dates). That is who-and-when metadata, which the rule reports only next to
    other chrome (``boilerplate_meta``: clean news and blog texts keep their datelines); a model-only
    run has no other chrome next to it. Used, like ``announced``, only for runs that the model's score
    alone stands behind. Tune split: findings outside planted blocks 52 -> 47 (a date badge, "24 / Jul
    / 2012", in 5 documents), nothing else changed."""
    from prose_lint.checks.boilerplate_meta import RESIDUE_MAX_BARE_DATETIME, _residue, fields

    if not run or any(units[i].words > 3 for i in run):
        return False
    text = " ".join(units[i].text.strip() for i in run)
    f = fields()
    spans = {name: [m.span() for m in f[name].finditer(text) if m.end() > m.start()] for name in ("date", "clock")}
    if len(spans["date"]) != 1 or len(spans["clock"]) > 1:  # one date; an archive list holds many
        return False
    rest = "".join(" " if any(a <= k < b for ss in spans.values() for a, b in ss) else c for k, c in enumerate(text))
    return re.search(r"\d", rest) is None and len(_residue(text, spans)) <= RESIDUE_MAX_BARE_DATETIME

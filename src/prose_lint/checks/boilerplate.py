"""Web and forum page chrome left in a document: menus, share bars, comment forms, related links, footers."""

from __future__ import annotations

import re
from typing import Iterable

from prose_lint.diagnostic import Diagnostic, Edit, Fix
from prose_lint.document import Document
from prose_lint.rule import Rule, RuleContext, Severity

# What the message calls each kind (the detail id is boilerplate/<kind>).
_NAMES = {
    "navigation": "navigation", "related-links": "related links", "footer": "footer", "share": "share bar",
    "comment-form": "comment form", "forum": "forum panel", "cookie": "cookie banner", "byline": "byline",
    "machine-translation": "machine-translation notice", "page": "page chrome", "newsletter": "newsletter sign-up",
    "comments": "comment thread",
}
_FOOTER_WORDS = ("©", "copyright", "all rights reserved", "privacy", "terms of", "contact us", "about us", "sitemap")


class Boilerplate(Rule):
    """Page chrome that is not part of the document: navigation, share bars, comment forms, related links, footers.

    Web pages copied into a manuscript (or scraped into a corpus) bring their chrome along: menus and
    breadcrumbs, "Share on Facebook", forum user panels ("Join Date: Feb 2020", "Posts: 31", "Reply
    With Quote"), comment forms ("Please enter your comment!"), "related stories" teaser lists, cookie
    banners, newsletter sign-up boxes, meta bars ("14 comments | By Ann Lee | Reading time: 6 min"),
    footers, machine-translation notices (in any language). Plain-text renderings and
    Markdown renderings (``* [Home](/)``) are both read.

    Algorithm: a line classifier in the manner of jusText and boilerpipe, from text alone.

    1. Every non-blank line of prose is a unit (code blocks are skipped, but not a converted page's
       nested list of links that its indentation made an indented code block; a paragraph hard-wrapped in
       its source, whose line breaks mostly fall inside sentences, is one unit) with features
       (``checks/boilerplate_features.py``): word count, stop-word density, share of capitalised words,
       final punctuation, list markers, link syntax (Markdown links, URLs, ``|``/``»``/``::``
       separators, the share of the line that is markup), dates, digits and counters ("12 comments",
       "Posts: 3,481"), how often the line's shape and text repeat in the document (menus, teaser
       lists), its position relative to the main text (the run of lines with the most prose in it,
       found by a maximum-subarray scan: before, after, distance), the same features of the two lines
       on each side, and the lexicon's verdict (``rules/lexicons/boilerplate.toml``: whole-line
       button and panel labels, in-line cookie and translation notices, weak labels such as a bare
       date that count only next to other chrome, with jusText's context pass over them; three weak
       button labels of one kind in a row are a button list). Two lines are strong by their make-up:
       a meta bar (two or more fields of a page template, one of them not a byline or a date), a
       menu on one line (three or more Markdown links between separators), and a link to the
       previous or next page by its arrow ("« Older post title", "Read more »", "1 2 3 Next »"; not
       a French quotation, which has both, nor a sentence ending with its link's arrow). Metadata lines are
       recognised by the shape of their fields, not a site's wording (``checks/boilerplate_meta.py``,
       lexicon ``[page_fields]``: dates, clock times, "3 hours ago", counters, publication stamps, a
       name after "by", taxonomy lists, fields joined by "|", "·" or "•", next to no other words).
       A line with a page's field ("Comments (12)", "Views: 1,204", "Tags: a, b", "6 min read") is
       strong, except in the article's title block (right under its headline, where clean texts keep
       it). A line of who and when only ("Posted by ann_l on 03.05.2012 at 9:15", "Ann Lee | May 3,
       2012", a bare "By Ann Lee, Associated Press") is weak: chrome next to other chrome, as clean
       news and blog texts keep their bylines and datelines, above, under or after the article; but a web
       template's publication stamp after the text (its verb with a clock time, an "ago" or a name after "by":
       "Posted by ann_l at 4:33 AM"; not "Updated ..." that heads the text's own update, and not three or more,
       a thread's headers) is the post's footer, strong. The
       headline right above the document's first metadata line stays the text's.
    2. A logistic regression scores each line (stage 1); a second one re-scores it from the stage-1
       scores of the three lines on each side (stage 2: jusText's "a short line between two chrome
       lines is chrome, between two content lines is content", learnt). The weights are data in
       ``rules/models/boilerplate.json``, trained by ``scripts/train-boilerplate`` on the
       Apache-2.0-licensed pages of mozilla/readability only, plus their chrome runs transplanted into
       public-domain and CC BY prose (chrome pasted into a manuscript), with the threshold calibrated
       on other pages and on clean prose (the file's header says what, when and how well).
    3. A line is chrome when its score reaches the threshold, or the lexicon and its context pass say
       so, or it is an item of a site's menu or button bar written one item a line (two or more short
       list items, one of them a menu's own label, "Home", "About us", "Contact", or two of them share
       buttons, "Facebook", "Twitter", and no sentence of the text announcing the list: lexicon
       ``[menus]``, ``boilerplate_lists.menu_lists``), or it is a breadcrumb by its shape above the main
       text (before it or before the first line
       of prose; inside the text it is a menu path or a list of the text's own) and not a Markdown heading:
       three or more short capitalised names without digits joined by one repeated glyph, the last
       perhaps the page's title ("Startpage / Travel / Europe / Portugal", "You are here: Start →
       Recipes → Soups"; two after a lead-in that says a path follows: "Return to Style | Food"), or a
       sign-up box's invitation by its shape (lexicon ``[signup]``: a sentence opening with "sign up",
       "subscribe", "join" or "get" that offers the site's mail or something sent to the reader's inbox,
       "Join 40,000 readers and get the weekly digest straight to your mailbox"; "Get your email sorted" is
       no offer), or a bar or a row of links by its shape (``checks/boilerplate_bars.py``:
       three or more short labels, mostly capitalised, none a sentence, between one separator repeated, one of
       them a label the lexicon knows, "Share | Print | Email"; a line of two or more Markdown links and
       nothing else, "[Register](/register) [Sign in](/signin)"), where other chrome would be: outside the
       main text or next to a line that is chrome by other evidence, and, for a bar, with two labels the
       lexicon knows (or one of two words or more, "Terms of Use") or in a document with a page's signal elsewhere ("Salt · Wind · Stone · Home" in a
       poem is verse); a lone one needs a high score unless its labels name it (two for a bar, one for
       a row of links). Links to the
       text's own parts (an in-page "#anchor", a project's "docs/guide.md") are its contents, never chrome,
       and a block never takes a Markdown heading that heads the text under it. A Markdown level-1
       heading without a link is the page's title and never chrome, whatever sits around it, unless
       it is itself a bar ("# News | Sport | Weather | Home"). Each run of consecutive chrome lines is ONE diagnostic covering the block; a run of one
       line needs a high score or the lexicon. A run that only the model's score stands behind (no
       line the lexicon names, no link or menu syntax) is dropped when it sits inside the main text
       (a list or an address of the text itself), has one or two lines (a title block, a sign-off),
       is mostly rows of figures (a table), or when 60% of its content words are words of the
       document's own prose (a list of the text's modules, steps or changes), or when a sentence of
       the text announces it ("The current members of the board are:", ``boilerplate_prior.announced``)
       or a third of its lines hold a Markdown code span ("`fastio` upgraded to version 1.3"), or most of its
       lines are items numbered 1, 2, 3 ... in order from 1 (a track list, steps: pages do not number their
       menus), or its lines read together are one date ("24 / Jul / 2012 / 8:06am, EDT": a dateline, which
       clean texts keep). Such a run is also
       dropped when it holds a quotation's source on a line of its own ("-- Mark Twain") or is a
       third or more Markdown headings (the text's outline), and in a
       document with no web signal anywhere (no line the lexicon names, no link, URL or menu syntax)
       when the document has no single main text (its main region holds under 60% of its words) or
       three or more such runs: verse, collections of quotations, glossaries, recipes (lexicon
       ``[prior]``), and a run of three lines or fewer when nothing else in the document is a page's
       signal (no lexicon label, link, separator or metadata line outside it: the text's own sources or
       "see also"); a run holding a panel of three or more "Label: value" fields, two of them with a
       figure ("Member since: 2006", "Total posts: 512"), is chrome even there; so is such a panel on one line
       ("Registration Date: Feb 2002 | Posts Made: 27 | Likes: 18", three fields joined by a bar, a dot, a dash or
       wide spacing, two with a figure), anywhere. A block before the main
       text whose only named lines are copyright notices is a book's imprint, not a footer. Lines of a table (grid, pipe, reST simple or box-drawn table, with its rule) are
       never chrome.
       The detail id names what the block is:
       ``boilerplate/navigation``, ``/related-links``, ``/footer``, ``/share``, ``/comment-form``,
       ``/comments`` (a thread),
       ``/forum``, ``/cookie`` (a block that names the cookies; its buttons alone, "Privacy Policy", "Accept", are a
       footer's or a form's), ``/newsletter``, ``/byline``, ``/machine-translation``, ``/page`` (the lexicon's
       kind when it names one; else from the block's shape and place: link lists before the main
       text are navigation, after it related links; copyright and policy lines are a footer).
    4. A comment thread under the article is one block from its opener to its last comment
       (``checks/boilerplate_thread.py``, lexicon ``[thread]``): a line that counts the comments
       ("{ 53 comments }", "42 Responses to ...", "Comments (186)", "7 comments:") after the article's
       prose, then three or more comment headers a few lines apart: who and when ("Tim Worstall 11.06.12
       at 11:06 am", "jeff clark says:") or a commenter's bare name, at least one of them of who and when
       (bare names alone are also an essay's subsections); under a heading that only names the comments
       ("### Comments"), three of who and when, and the comments' own chrome (a comment form, a "Reply"
       link) in the thread or in the first lines of the block right after it. A long comment does not end the thread: a header of the
       same shape further on continues it, if a chrome line (the comment form, a footer) then closes
       it. Each comment is prose, which the line model keeps; the thread's structure gives it away.
       A thread with no opener and no dates (Disqus's "* Alayna F" list items, each over its comment) is
       one too (``checks/boilerplate_roster.py``, lexicon ``[roster]``): five or more bulleted names or
       handles, four of them different, each leading prose, most comments in the first person, thankful
       or exclaiming, after the article and ending the document's prose (an awards list's citations and
       a manual's definition lists speak of a third person or to "you").
       Under the article, panels stack (a share bar, "Most read" with its teasers, an author's box, a
       footer): a gap of at most six lines between two blocks that each have evidence besides the model's
       score, all of it after the main text, is chrome too, unless it holds a table's line, code or an
       enumeration (``checks/boilerplate_gaps.py``, lexicon
       ``[gaps]``); above the main text the gap is the article's headline and is never filled.
       A list of teasers that a block partly holds (consecutive short list items, none a line of prose)
       joins it whole when an item has evidence of chrome besides the model's score: a lexicon hit, a
       link, a date or a counter (``checks/boilerplate_lists.py``, lexicon ``[teasers]``).
    5. jusText's heading rule: a headline (a paragraph of its own, 3-20 words, no link or list syntax,
       up to 200 characters of them) right above text the model kept is that text's heading, not the
       end of the chrome above it; the document's first line of that shape (2 words will do: "Pickled
       Peaches") is its title, not the start of the chrome under it. A letter's or speech's own parts are kept, however chrome-shaped: the inside address that ends
       right before a salutation ("Dear Madam,"), and the closing line ("Yours sincerely", "I thank
       you.", "Thank you. God bless you, and God bless America.") with the signature lines after it
       (lexicon ``[salutation]``, ``[valediction]``); only lines the lexicon names as chrome (a comment
       form after "I thank you.") stay in such a block. A stage direction on a line of its own
       ("(Applause.)", "[Laughter]") at either end of a block with no evidence of chrome is set aside:
       a speech's applause does not make its two-line signature a three-line footer.
    6. A block takes along the lines right above and below it that hold no word once link targets are
       left out (a logo image, an empty link ``[](http://...)``, a rule ``* * *``) up to the next line
       of text; never a code block's line, a setext heading's underline or the end of front matter. The
       message says where the block is: ``top`` (before the main text), ``bottom`` (after it, or
       reaching the document's last line) or ``interior``.
    7. The fix deletes the block's lines. It is unsafe (a false alarm would delete prose), so only
       ``--fix --unsafe-fixes`` applies it; corpus cleaners want that. A forum icon label
       ("Default") glued in front of the first line after forum chrome is
       ``boilerplate/forum-icon``, with an unsafe fix that deletes the label.

    Options: ``threshold`` (0 = the threshold calibrated with the model; higher = fewer, surer blocks).

    Known limits: chrome written as full sentences in the middle of the text ("Thanks for reading
    our newsletter, see you next week") looks like prose and is found only when the lexicon knows
    it; a short title block at the top of a clean document (title, author, date) is prose, a
    "Posted by ... on DATE" line alone is not reported (the same line is a clean text's dateline), and
    a page whose only prose is one short paragraph gives the position features little to hold on to.
    """

    id = "boilerplate"
    severity = Severity.WARNING
    scope = "document"
    dynamic_details = True  # emits boilerplate/<kind>
    options = {"threshold": 0.0}

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Diagnostic]:
        from prose_lint.checks import boilerplate_features as bf
        from prose_lint.checks import boilerplate_model as bm
        from prose_lint.checks import boilerplate_thread as bt
        from prose_lint.checks.boilerplate_shapes import signups

        units, matrix = bf.units_matrix(doc)
        if not units:
            return
        model = bm.load()
        probs = bm.scores(matrix, model)
        threshold = float(ctx.options["threshold"]) or None
        runs = bm.blocks(units, probs, model, threshold)
        chrome = {i for run in runs for i in run}
        before = bf.BASE.index("before_main")
        after = bf.BASE.index("after_main")
        text = doc.text
        code = doc.code_spans if runs else []
        signed = signups(units) if runs else set()
        for run in runs:
            block = [units[i] for i in run]
            where = "top" if block[-1].features[before] or run[0] == 0 else "bottom" if block[0].features[after] or (
                run[-1] == len(units) - 1) else "interior"
            kind = bf.kind_of(block)
            if bt.is_thread(block):
                kind = "comments"
            elif kind in ("", "page"):  # the generic label: say what the block looks like instead
                kind = "newsletter" if signed & set(run) else _shape_kind(block, where)
            shown = " / ".join(u.text[:30] for u in block[:3]) + (" / ..." if len(block) > 3 else "")
            lines = "1 line" if len(block) == 1 else f"{len(block)} lines"
            first, last = _wordless_edges(text, units, run, code)
            start = text.rfind("\n", 0, first) + 1
            end = text.find("\n", last)
            end = len(text) if end < 0 else end + 1
            yield ctx.diagnostic(
                first, last,
                f"page chrome ({_NAMES.get(kind, kind)}, {where}), not part of the document: {lines} ({shown!r})",
                rule=f"{self.id}/{kind}",
                fix=Fix((Edit(start, end, ""),), safe=False, description=f"delete the {_NAMES.get(kind, kind)} block"),
                properties={"kind": kind, "lines": len(block), "position": where,
                            "score": round(max(probs[i] for i in run), 3)},
            )
        yield from _forum_icons(self, doc, ctx, units, chrome, bf)


_LINK_TARGET = re.compile(r"\]\([^)]*\)|<?https?://\S+|!?\[\s*\]")
_WORD = re.compile(r"\w")
_RULE_SHAPED = re.compile(r"[ \t]*[-=_*+~][-=_*+~ \t]*$")


def _wordless_edges(text: str, units, run: list[int], code: list[tuple[int, int]]) -> tuple[int, int]:
    """The block's start and end offsets, widened over the whole lines right above and below it that
    have no word once link targets are left out (an image or an empty link, "[](http://...)", a rule
    "* * *"), up to the next line of prose: such a line next to chrome is the block's, and a fix that
    left it would leave debris. Lines of a code block are the document's."""
    start, end = units[run[0]].start, units[run[-1]].end
    lo = units[run[0] - 1].end if run[0] > 0 else 0
    hi = units[run[-1] + 1].start if run[-1] + 1 < len(units) else len(text)

    def wordless(a: int, b: int) -> bool:
        line = text[a:b]
        if any(s < b and a < e for s, e in code) or _WORD.search(_LINK_TARGET.sub("", line)) is not None:
            return False
        # A rule-shaped line right under a line of text is that text's setext underline or the end of
        # front matter, and one on the first line opens front matter: taking it would break them.
        return not _RULE_SHAPED.match(line) or (a > 1 and not text[text.rfind("\n", 0, a - 1) + 1 : a - 1].strip())

    pos = text.find("\n", end)  # whole lines below, to the line before the next unit's (or the end)
    while pos >= 0:
        a = pos + 1
        b = text.find("\n", a)
        b = len(text) if b < 0 else b
        if b > hi or not wordless(a, b):
            break
        if text[a:b].strip():
            end = a + len(text[a:b].rstrip())
        pos = b if b < len(text) else -1
    pos = text.rfind("\n", 0, start)  # whole lines above, to the line after the previous unit's
    while pos > 0:
        b = pos
        a = text.rfind("\n", 0, b) + 1
        if a <= lo and lo > 0 or not wordless(a, b):
            break
        if text[a:b].strip():
            start = a + len(text[a:b]) - len(text[a:b].lstrip())
        pos = a - 1
    return start, end


def _shape_kind(block, where: str) -> str:
    """What a block the lexicon does not name is, from its lines: links or list items are navigation
    before the main text and related links after it or inside it; copyright and policy lines a footer."""
    from prose_lint.checks.boilerplate_crumbs import breadcrumb
    from prose_lint.checks.boilerplate_shapes import field_panel

    if field_panel(block, range(len(block))):
        return "forum"  # a user's panel of fields ("Member since: 2006", "Total posts: 512")
    low = " ".join(u.text.lower() for u in block)
    if where != "top" and any(w in low for w in _FOOTER_WORDS):
        return "footer"
    linky = sum("](" in u.raw or u.block_kind == "list_item" or u.raw.lstrip()[:2] in ("* ", "- ", "+ ", "• ")
                or any(s in u.raw for s in ("|", "»", "::", " · ", " • ")) or breadcrumb(u.text) for u in block)
    if linky * 2 >= len(block) or len(block) >= 4 and sum(u.words <= 4 for u in block) * 2 >= len(block):
        return "navigation" if where == "top" else "related-links"
    return "footer" if where == "bottom" else "page"


def _forum_icons(rule, doc, ctx, units, chrome, bf) -> Iterable[Diagnostic]:
    """vBulletin's post icon label ("Default") glued in front of the first line after forum chrome."""
    icons = [p for p in bf.lexicon()["patterns"] if p.strength == "icon"]
    for n, unit in enumerate(units):
        if n == 0 or n in chrome or n - 1 not in chrome:
            continue
        for p in icons:
            m = p.regex.match(unit.text)
            if not m or not m.group(0)[0].isupper():
                continue
            start = unit.start + m.start()
            end = unit.start + len(m.group(0).rstrip())
            yield ctx.diagnostic(
                start, end, f"forum icon label {doc.text[start:end]!r} glued in front of the title",
                rule=f"{rule.id}/forum-icon",
                fix=Fix((Edit(start, unit.start + m.end(), ""),), safe=False, description="delete the icon label"),
                properties={"kind": "forum-icon"},
            )
            break


RULES = (Boilerplate,)

"""The document-level prior of the ``boilerplate`` rule: a document with no web signal needs more than a score.

The line model (``boilerplate_model``) learnt what chrome looks like on web pages, where short lines
around one main text are chrome. Prose of other registers has short lines of its own: verse, a
quotation and its source, a glossary's headwords, a recipe, a numbered list of laws. What such a
document lacks is a page's signal: no line the lexicon names, no link, URL, menu separator or one-line
menu (``evidence_of_chrome``), and often no single main text for chrome to surround. Runs that only
the model's score stands behind are dropped there (lexicon ``[prior]``, calibrated on the tune split).
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
                  "code_share": float(data.get("code_share", 2.0))}
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

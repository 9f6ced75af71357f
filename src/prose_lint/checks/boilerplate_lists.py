"""Teaser lists: the ``boilerplate`` rule's third context pass.

A page's lists of other stories ("Most popular", "Related", "Latest articles": headlines, some with a
date, a count of views or a link) are chrome, but the line model takes them one item at a time: a
headline is a short line of capitalised words, much like the text's own list items, so it keeps
some items of a teaser list and flags others. When part of a list is already chrome, the list is
one thing: all of it is. A list here is a run of consecutive list items (the ``bullet`` feature:
"* ", "- ", "1. "), each short (at most ``max_item_words`` words) and none a line of prose.

The model's score alone does not grow a list: the text's own list with one item the model took
(a false alarm) would grow into a larger false alarm. Some item of the list must carry evidence of
chrome the model does not weigh alone: a lexicon hit, link syntax, a URL, a date or a counter
("23968 Views", "4 hrs ago") (lexicon ``[teasers]`` ``evidence``, names of feature columns).
"""

from __future__ import annotations

from typing import Any, Sequence

_TEASERS: dict[str, Any] | None = None


def teaser_lexicon() -> dict[str, Any]:
    """The lexicon's ``[teasers]`` table with ``evidence`` as feature columns."""
    global _TEASERS
    if _TEASERS is None:
        from prose_lint.checks.boilerplate_features import BASE
        from prose_lint.lexicon import load_lexicon

        data = load_lexicon("boilerplate")["teasers"]  # shipped with the package: a missing key is a bug
        _TEASERS = {"evidence": [BASE.index(name) for name in data["evidence"]],
                    "max_item_words": int(data["max_item_words"])}
    return _TEASERS


def lists(units: Sequence[Any]) -> list[list[int]]:
    """Runs of consecutive short list items that are no lines of prose (indices into ``units``)."""
    from prose_lint.checks.boilerplate_features import BASE
    from prose_lint.checks.boilerplate_thread import runs_of

    bullet, prose = BASE.index("bullet"), BASE.index("prose_like")
    most = teaser_lexicon()["max_item_words"]
    return runs_of({k for k, u in enumerate(units) if u.features[bullet] and not u.features[prose]
                    and 0 < u.words <= most}, len(units))


def with_lists(units: Sequence[Any], runs: list[list[int]]) -> list[list[int]]:
    """``runs`` with each list (``lists``) that they partly hold, and that has an item with evidence
    of chrome, taken whole, merged with the runs it touches."""
    from prose_lint.checks.boilerplate_thread import runs_of

    evidence = teaser_lexicon()["evidence"]
    chrome = {i for r in runs for i in r}
    added: set[int] = set()
    for items in lists(units):
        if (any(k in chrome for k in items) and not all(k in chrome for k in items)
                and any(units[k].features[e] for k in items for e in evidence)):
            added.update(items)
    return runs_of(chrome | added, len(units)) if added - chrome else runs


_MENUS: dict[str, Any] | None = None


def menu_lexicon() -> dict[str, Any]:
    """The lexicon's ``[menus]`` table, its label pattern compiled (whole item, any case)."""
    global _MENUS
    if _MENUS is None:
        import re

        from prose_lint.lexicon import load_lexicon

        data = load_lexicon("boilerplate")["menus"]
        _MENUS = {"labels": re.compile(data["labels"], re.IGNORECASE), "max_item_words": int(data["max_item_words"]),
                  "buttons": int(data["buttons"])}
    return _MENUS


def menu_lists(units: Sequence[Any]) -> list[int]:
    """The items of lists that are a site's menu or a bar of its buttons written one item a line: two or
    more short list items (at most ``max_item_words`` words, no final stop) of which one is a menu's
    own label ("Home", "About us", "Contact": lexicon ``[menus]`` ``labels``) or ``buttons`` or more are
    share buttons ("Facebook", "Twitter": the weak share labels), unless a sentence of the text
    announces the list (``boilerplate_prior.announced``: "Our study covered three networks:"). Such a
    list is evidence of a page (``evidence_of_chrome``), as a menu on one line is: without it, a menu or
    a share bar planted into a document with no other sign of a page was dropped with the text's own
    short lines (verse, glossaries), though the model scored it as chrome."""
    from prose_lint.checks.boilerplate_prior import announced

    lex = menu_lexicon()
    labels, most = lex["labels"], lex["max_item_words"]
    out: list[int] = []
    for items in lists(units):
        if len(items) < 2 or any(units[k].words > most or units[k].terminal for k in items):
            continue
        named = any(labels.fullmatch(units[k].text.strip()) for k in items)
        if (named or sum(units[k].weak == "share" for k in items) >= lex["buttons"]) and not announced(units, items):
            out += items
    return out

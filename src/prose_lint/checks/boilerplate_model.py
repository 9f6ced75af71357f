"""Inference of the ``boilerplate`` rule's line classifier: two logistic regressions, weights as data.

Stage 1 scores each line from its own and its neighbours' features (``boilerplate_features``). Stage 2
is jusText's context pass, learnt instead of hand-written: it re-scores each line from the stage-1
scores of the lines around it (a short line between two chrome lines is chrome, between two prose
lines is content). The weights live in ``rules/models/boilerplate.json``, written by
``scripts/train-boilerplate``; this module only reads them. numpy is imported on first use, never at
import time (the pre-commit hook imports every rule).
"""

from __future__ import annotations

import json
from typing import Any, Sequence

HEADING_DISTANCE = 200  # characters of headings above the text they head (jusText's max_heading_distance)
CRUMB_WORDS = 20  # a breadcrumb is short (boilerplate_crumbs.breadcrumb)
BYLINE_LINES = 3  # lines of byline and date between a headline and its text (_before_heading)
TITLE_MIN_WORDS = 2  # a document's first line of this many words or more may be its title ("Pickled Peaches")
CONTEXT = 3  # stage 2 looks at this many lines on each side
STAGE2 = ("z",) + tuple(f"z@{o:+d}" for o in range(-CONTEXT, CONTEXT + 1) if o) + (
    "z_mean_prev", "z_mean_next", "z_max_prev", "z_max_next", "edge_prev", "edge_next", "doc_mean", "doc_share")

_MODEL: dict[str, Any] | None = None


def load(path: str | None = None) -> dict[str, Any]:
    """The shipped model (rules/models/boilerplate.json), or the one at ``path``; checked against the
    feature list of this version, so a stale file fails loudly instead of scoring garbage."""
    global _MODEL
    if path is None and _MODEL is not None:
        return _MODEL
    from prose_lint.checks.boilerplate_features import NAMES
    from prose_lint.errors import ConfigError

    default = path is None
    if default:
        from prose_lint.registry import builtin_pack_dir

        path = str(builtin_pack_dir() / "models" / "boilerplate.json")
    try:
        with open(path, encoding="utf-8") as f:
            model = json.load(f)
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{path}: cannot read the boilerplate model: {exc}") from None
    if tuple(model["stage1"]["features"]) != NAMES or tuple(model["stage2"]["features"]) != STAGE2:
        raise ConfigError(f"{path}: the boilerplate model was trained on other features; run scripts/train-boilerplate")
    for stage in ("stage1", "stage2"):
        s = model[stage]
        if not len(s["weights"]) == len(s["mean"]) == len(s["scale"]) == len(s["features"]):
            raise ConfigError(f"{path}: {stage} has weights of the wrong length")
    if default:
        _MODEL = model
    return model


def stage2_matrix(z: Any) -> Any:
    """Stage-2 features of each line from the stage-1 logits ``z`` of its document (numpy vector)."""
    import numpy as np

    n = len(z)
    pad = np.concatenate([np.zeros(CONTEXT), z, np.zeros(CONTEXT)])  # beyond the edge: undecided (edge_* say where)
    cols = [z]
    for o in range(-CONTEXT, CONTEXT + 1):
        if o:
            cols.append(pad[CONTEXT + o : CONTEXT + o + n])
    prev = np.stack([pad[CONTEXT + o : CONTEXT + o + n] for o in range(-CONTEXT, 0)])
    nxt = np.stack([pad[CONTEXT + o : CONTEXT + o + n] for o in range(1, CONTEXT + 1)])
    idx = np.arange(n)
    cols += [prev.mean(0), nxt.mean(0), prev.max(0), nxt.max(0), (idx == 0).astype(float), (idx == n - 1).astype(float)]
    # How much of the whole document looks like chrome: a web page full of it makes a borderline line
    # chrome; one borderline line in a clean essay (a title, a dateline) is prose.
    p = 1 / (1 + np.exp(-np.clip(z, -30, 30)))
    cols += [np.full(n, p.mean()), np.full(n, float((z > 0).mean()))]
    return np.stack(cols, axis=1)


def linear(stage: dict[str, Any], x: Any) -> Any:
    import numpy as np

    w = np.asarray(stage["weights"])
    return ((x - np.asarray(stage["mean"])) / np.asarray(stage["scale"])) @ w + stage["bias"]


def scores(rows: Sequence[Sequence[float]], model: dict[str, Any] | None = None) -> list[float]:
    """Chrome probability of each line, from its feature rows (``Unit.features``, or the matrix of
    ``boilerplate_features.units_matrix``)."""
    import numpy as np

    if len(rows) == 0:
        return []
    model = model or load()
    x = np.asarray(rows, dtype=float)
    z1 = linear(model["stage1"], x)
    z2 = linear(model["stage2"], stage2_matrix(z1))
    return (1.0 / (1.0 + np.exp(-np.clip(z2, -30, 30)))).tolist()


def blocks(units: Sequence[Any], probs: Sequence[float], model: dict[str, Any] | None = None,
           threshold: float | None = None) -> list[list[int]]:
    """Runs of consecutive chrome lines (indices into ``units``).

    A line is chrome when the lexicon's context pass says so, when it is an item of a site's menu or
    button bar written one item a line (``boilerplate_lists.menu_lists``), or when its score reaches the threshold
    and it is not a line of prose (``prose_like``: 15 words or more with a normal share of function
    words), unless its score reaches ``min_prose``: a teaser sentence in a list of teasers is chrome,
    a sentence of the text between two chrome lines is not. The model speaks only in documents of at
    least ``min_units`` lines (a short note has no main text for chrome to surround). A run of one
    line must score ``min_single`` or be named by the lexicon: a lone short line (a heading, a
    dateline) is too weak a signal to report on its own. A run right after a letter's closing line
    ("Yours faithfully", lexicon ``[valediction]``) is the signature and is kept, as are a letter's
    inside address and a speech's stage directions at a run's ends (``boilerplate_letters``). A run inside the main
    text, of two lines or fewer, or a table of figures needs the lexicon or link syntax (``_supported``);
    so does a run that holds a quotation's source line ("-- Mark Twain"), and in a document with no web
    signal, every run of a document with no single main text and every short run (``boilerplate_prior``);
    a block before the main text named only by its copyright notices is an imprint.
    A line of a table (``boilerplate_shapes.table_lines``: a grid, pipe or reST simple table, which has
    a rule) is never chrome: a document's table is its own, whatever its cells look like. Last, a
    comment thread under the article joins the chrome (``boilerplate_thread``), and so does the rest of
    a teaser list that a run partly holds (``boilerplate_lists``)."""
    from prose_lint.checks.boilerplate_bars import chrome_rows, heading_kept, page_titles, split_at
    from prose_lint.checks.boilerplate_features import BASE
    from prose_lint.checks.boilerplate_gaps import with_gaps
    from prose_lint.checks.boilerplate_letters import letter_parts, without_directions
    from prose_lint.checks.boilerplate_lists import with_lists
    from prose_lint.checks.boilerplate_meta import keep_headlines
    from prose_lint.checks.boilerplate_prior import without_imprint, without_lone_runs, without_own_lines
    from prose_lint.checks.boilerplate_crumbs import breadcrumb, link_text_words
    from prose_lint.checks.boilerplate_shapes import signups, stage_directions, table_lines
    from prose_lint.checks.boilerplate_thread import with_threads

    model = model or load()
    t = model["threshold"] if threshold is None else threshold
    prose = _prose_index()
    speak = len(units) >= model["min_units"]
    tables = table_lines(units)
    runs: list[list[int]] = []
    run: list[int] = []
    # A breadcrumb leads to the page from above: before the main text or before the first line of prose.
    # Inside or under the text, or as a Markdown heading, the same shape is the text's own: a menu path
    # in a how-to ("Code → Settings → Text Editor"), a shopping list in a story ("Bread / Milk / Eggs"),
    # a heading ("#### GNU C / Cygwin / MinGW"). Tune split: planted blocks found 146 -> 145 (a cookie
    # banner's button row after the text, "Learn more • Decline • Customise"), web chrome lines found
    # 18,035 -> 18,034, content lines flagged 252 -> 252, both wild grounds unchanged.
    # The first line of prose is not a breadcrumb itself: a trail that ends with a long title reads as prose
    # ("You are here Home :: Food :: Hibu could be sued by some lenders over debt payment suspension").
    before, after = BASE.index("before_main"), BASE.index("after_main")
    lead, crumbs = len(units), set()
    for i, u in enumerate(units):  # up to the first line of prose that is no trail; after it, only before_main
        trail = link_text_words(u) <= CRUMB_WORDS and not u.features[after] and not u.raw.lstrip().startswith("#") \
            and (i < lead or u.features[before]) and breadcrumb(u.text)
        if trail:
            crumbs.add(i)
        elif u.features[prose] and lead == len(units):
            lead = i
    crumbs |= signups(units)  # a sign-up box's invitation, by its shape
    chrome = {i for i, (u, p) in enumerate(zip(units, probs)) if i not in tables and (
        u.lex_bad or u.menu or i in crumbs or speak and p >= t and (not u.features[prose] or p >= model["min_prose"]))}
    shaped, named = chrome_rows(units, chrome, lead)  # a bar, a row of links
    chrome |= shaped - tables
    crumbs |= named
    for i in range(len(units)):
        if i in chrome:
            run.append(i)
            continue
        if run:
            runs.append(run)
        run = []
    if run:
        runs.append(run)
    runs = split_at(runs, page_titles(units))  # a page's h1 is its article's title
    directions = stage_directions(units)
    if directions:
        runs = [r for r in (without_directions(units, r, directions) for r in runs) if r]
    single = model["min_single"]
    runs = [r for r in runs if len(r) > 1 or units[r[0]].lex_bad or r[0] in crumbs or probs[r[0]] >= single and units[r[0]].words]
    runs = [r for r in (letter_parts(units, r) for r in runs) if r]
    candidates = {i for r in runs for i in r}
    body = _body_words(units, [i for i, u in enumerate(units) if u.features[prose] and i not in candidates])
    runs = without_own_lines(units, [r for r in runs if _supported(units, r, body)], scattered=runs)
    runs = without_imprint(units, without_lone_runs(units, runs))
    runs = with_gaps(units, runs, tables)  # stacked panels under the article
    runs = keep_headlines(units, runs)
    chrome = {i for r in runs for i in r}
    runs = [r for r in (_before_heading(units, r, chrome, prose) for r in runs) if r]
    runs = [r[1:] if r[0] == 0 and len(r) > 1 and _headline_shaped(units[0], title=True) else r for r in runs]
    runs = with_lists(units, with_threads(units, runs, prose))
    return heading_kept(units, runs)  # a heading of the text under the block is kept


BODY_SHARE = 0.6  # a run whose content words the body uses this much is the document's own (_supported)


def _content_words(u: Any) -> list[str]:
    from prose_lint.analysis import stopwords

    stop = stopwords()
    return [w for w in map(str.lower, u.tokens) if len(w) > 2 and w not in stop]


def _body_words(units: Sequence[Any], body: list[int]) -> set[str]:
    """The content words of the document's prose lines (``body``: the lines of 15 words or more with
    a normal share of function words that no candidate run holds)."""
    return {w for i in body for w in _content_words(units[i])}


def _supported(units: Sequence[Any], run: list[int], body: set[str] | frozenset[str] = frozenset()) -> bool:
    """Vetoes of runs that only the model's score stands behind, none of whose lines the lexicon names
    or has link or menu syntax (a Markdown link, a URL, a separator, a one-line menu). Measured on the
    tune split, each with the others on (planted blocks found of 160; findings outside planted blocks;
    web chrome lines recall; content lines flagged per 1,000 content words):

    - inside the main text (neither before nor after it), such a run is the text's own list, address,
      or lines of verse ("Copying / Comparing / Compiling", "- white glue", "Absolutely. / -Jodi");
      chrome pasted into the middle of a text nearly always names itself or links:
      found 144 -> 142, findings 81 -> 70, web recall 0.796 -> 0.794, content 2.55 -> 2.36.
    - a run of one or two lines before or after it is a title block or a sign-off ("Ann Lee /
      October 2, 2012"): found 144 -> 142, findings 88 -> 70, web recall 0.796 -> 0.794, content
      2.45 -> 2.36.
    - a run whose lines are mostly rows of figures ("Phoenix 15,516 -20.7% 5.5%": two or more
      numbers, one with %, a currency sign or a decimal point, and no date) is a table of the text:
      found unchanged, findings 79 -> 70, web recall unchanged, content unchanged.
    - a run whose content words (3 letters or more, no function words) are BODY_SHARE or more words
      of the document's own prose lines (``body``) goes on with the body's vocabulary: a list of the
      text's modules, steps, sections or changes ("Added /fill command", "Introduced in Perl 5.14").
      Chrome speaks of the site (menus, teasers of other stories, forms), not of the text. Measured
      with the tables and wrap tests of boilerplate_shapes on: wild technical docs 0.149 -> 0.107
      findings per 1,000 words; tune planted blocks 144 -> 144 of 160; web chrome lines
      17,128 -> 16,969 of 21,331 (recall 0.803 -> 0.796); content lines flagged 369 -> 321.
    - a run of items numbered 1, 2, 3 in order (``boilerplate_prior.enumerated``) is the text's own
      enumeration, and a run whose lines read together are one date (``boilerplate_prior.dateline``) is
      the text's dateline: found 144 -> 144, findings 56 -> 47 (a track list in 4 documents, a date
      badge in 5), web chrome lines 17,977 -> 17,977, content lines 238 -> 238."""
    from prose_lint.checks.boilerplate_features import BASE, data_row, evidence_of_chrome
    from prose_lint.checks.boilerplate_prior import announced, dateline, enumerated, with_code

    if any(evidence_of_chrome(units[i]) for i in run):
        return True
    before, after = BASE.index("before_main"), BASE.index("after_main")
    if not units[run[-1]].features[before] and not units[run[0]].features[after] or len(run) <= 2:
        return False
    if announced(units, run) or with_code(units, run) or enumerated(units, run):  # the text's own list
        return False
    if dateline(units, run):  # a date over several lines: the text's dateline (boilerplate_prior)
        return False
    words = [w for i in run for w in _content_words(units[i])]
    if words and sum(w in body for w in words) >= BODY_SHARE * len(words):
        return False
    return sum(data_row(units[i]) for i in run) * 2 < len(run)


def _before_heading(units: Sequence[Any], run: list[int], chrome: set[int], prose: int) -> list[int]:
    """jusText's heading rule: a headline right above the text it heads is content, however short. The
    run loses its last lines, up to HEADING_DISTANCE characters, while they are headline-shaped (a paragraph
    of its own, not the last line of a list; 3-20 words, no lexicon hit, no link, list
    or separator syntax, no final full stop) and the line after them is text the model kept (prose, or a
    standfirst of 10 words or more), perhaps after up to BYLINE_LINES lines of its own byline and
    date (a weak "byline" label: "By Ann Lee", a date line under a headline)."""
    nxt = run[-1] + 1
    while nxt < len(units) and nxt - run[-1] <= BYLINE_LINES and (units[nxt].weak == "byline" or units[nxt].meta) and nxt not in chrome:
        nxt += 1  # the headline's own byline and date lines between it and the text
    if nxt >= len(units) or nxt in chrome or not (units[nxt].features[prose] or units[nxt].words >= 10):
        return run
    out = list(run)
    dist = 0
    while out and _headline_shaped(units[out[-1]]):
        dist += len(units[out[-1]].text)
        if dist > HEADING_DISTANCE:
            break
        out.pop()
    return out


def _headline_shaped(u: Any, title: bool = False) -> bool:
    """A line that could head the text under it: its own paragraph, 3-20 words, no lexicon hit, no
    link, list or menu-separator syntax (the features' own tests), no breadcrumb's shape, no final full stop or colon. The
    document's first line of that shape is its title (``title``: TITLE_MIN_WORDS words will do, and a
    line the lexicon's context pass made chrome still may be one, which is not a hit of its own), which a block of chrome under it does
    not take: tune split, blocks found that reach into their host's lines 35 -> 25 of 144 (host lines
    taken 50 -> 39: "Pickled Peaches", "Why I'm a Conference Whore" above a planted share bar or
    breadcrumb), findings outside planted blocks 37 -> 37; web chrome lines 17,965 -> 17,954 (a site's
    name on a page's first line), content lines 239 -> 239."""
    from prose_lint.checks.boilerplate_features import _BULLET, _SEPARATOR_RE
    from prose_lint.checks.boilerplate_crumbs import breadcrumb

    raw = u.raw
    least = TITLE_MIN_WORDS if title else 3
    return (u.own_paragraph and least <= u.words <= 20 and not ((u.lex_bad and not title) or u.strong or u.weak)
            and "](" not in raw and "http" not in raw and _BULLET.match(raw) is None
            and _SEPARATOR_RE.search(raw) is None and not u.text.rstrip().endswith((".", ":"))
            and not breadcrumb(u.text))  # "Home - Sport - Cricket" leads to the page, not into its text


def _prose_index() -> int:
    from prose_lint.checks.boilerplate_features import BASE

    return BASE.index("prose_like")

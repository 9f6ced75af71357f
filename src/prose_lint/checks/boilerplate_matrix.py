"""The feature matrix of the ``boilerplate`` rule's units (``boilerplate_features.units_matrix`` calls it).

``units_matrix`` reads each line once and makes its per-line row (``_LINE_COLS``); the columns here follow
from the whole document: the lexicon's hits and their jusText-like context pass, word counts and stop-word
density, how often a line's shape and text repeat, the main text (``main_region``) and each line's place
relative to it, the neighbours' features and the prose share of the window around each line. numpy
operations on the whole matrix (numpy is imported on the first call, never at import time); logarithms
stay math.log/log1p so that the values are bit for bit those the model was trained on.
"""

from __future__ import annotations

import math

from prose_lint.checks.boilerplate_features import _LINE_COLS, BASE, NAMES, NEIGHBOUR, OFFSETS, Unit
from prose_lint.checks.boilerplate_lexicon import _lexicon_context_fast, _lexicon_hits_fast, _lines_with, lexicon
from prose_lint.checks.boilerplate_meta import stamped, title_block


def main_region(prose_words: list[int]) -> tuple[int, int]:
    """The run of lines with the most prose in it (Kadane's maximum subarray; a line that is not prose
    costs 6 words), standing for "the main text"."""
    best, best_span, cur, cur_start = -1.0, (0, len(prose_words) - 1), 0.0, 0
    for n, w in enumerate(prose_words):
        score = w if w else -6
        if cur <= 0:
            cur, cur_start = score, n
        else:
            cur += score
        if cur > best:
            best, best_span = cur, (cur_start, n)
    return best_span


_COL = {name: k for k, name in enumerate(NAMES)}


def stamps_after_text(units: list[Unit], last: int | None = None) -> None:
    """A web template's publication stamp after the main text (``boilerplate_meta.stamped``: "Posted by ann_l at
    4:33 AM", "Written by Ann Lee | Feb 11, 2015") is the footer of the post: strong there. A who/when line is
    weak elsewhere (boilerplate_meta: clean texts keep their bylines); a sign-off without a stamp verb ("Ann
    Lee, March 2020") or a dated "Last updated: 2012-02-08" at a manual's end stays the text's, and so many stamps
    that they head a thread of comments are the thread's (boilerplate_thread: kept comments with no chrome of the
    page around them are the text's)."""
    from prose_lint.checks.boilerplate_thread import thread_lexicon

    lex = thread_lexicon()
    own = lex["own_dateline"]  # "Updated March 20, 2021 at 5:00 pm" heads the text's own update
    if last is None:  # the main text's last line (feature_matrix passes the one it computes)
        _, last = main_region(_prose_words(units))
    stamps = [u for u in units[last + 1:] if u.meta == "when" and not u.strong and stamped(u.text)
              and own.search(u.text) is None]
    if len(stamps) < lex["min_headers"]:  # as many as a thread's headers: its comments (boilerplate_thread's)
        for u in stamps:
            u.strong = "byline"


def _prose_words(units: list[Unit]) -> list[int]:
    """Each line's words if it is a line of prose (15 words or more, a fifth of them stop words), else 0."""
    return [u.words if u.words >= 15 and u.stop_density >= 0.2 else 0 for u in units]


def feature_matrix(units: list[Unit], rows: list[tuple], keys: list[str], lows: list[str]):
    """The feature matrix of ``units`` (NAMES order) from the per-line rows, shape keys and lower-case texts."""
    import numpy as np

    lex = lexicon()
    n = len(units)
    # Lines that may match an in-line pattern: those holding one of the strings the patterns need,
    # found in the whole document at once (None: every line).
    maybe = _lines_with(lows, lex["part_needs"], [u.text for u in units])
    for i, u in enumerate(units):
        _lexicon_hits_fast(u, i < 3 or i >= n - 3, lex, lows[i], maybe is None or i in maybe)
    title_block(units)
    first, last = main_region(_prose_words(units))
    stamps_after_text(units, last)
    _lexicon_context_fast(units)
    x = np.zeros((n, len(NAMES)))
    x[:, [_COL[c] for c in _LINE_COLS]] = np.array(rows, dtype=float)
    x[:, _COL["lex_strong"]] = [bool(u.strong) for u in units]
    x[:, _COL["lex_weak"]] = [bool(u.weak) for u in units]
    x[:, _COL["lex_bad"]] = [u.lex_bad for u in units]
    words_list = [u.words for u in units]
    words = np.array(words_list)
    density = np.array([u.stop_density for u in units])
    x[:, _COL["log_words"]] = list(map(math.log1p, words_list))
    x[:, _COL["no_words"]] = words == 0
    x[:, _COL["words_le3"]] = words <= 3
    x[:, _COL["words_ge10"]] = words >= 10
    x[:, _COL["words_ge20"]] = words >= 20
    x[:, _COL["stop_density"]] = density
    x[:, _COL["low_stop"]] = (words >= 4) & (density < 0.2)
    prose_like = (words >= 15) & (density >= 0.2)
    prose_words = np.where(prose_like, words, 0)
    total = int(prose_words.sum()) or 1
    shapes: dict[str, int] = {}
    for k in keys:
        shapes[k] = shapes.get(k, 0) + 1
    norm = math.log(n + 1)
    repeat = {k: math.log(c) / norm for k, c in shapes.items()}
    x[:, _COL["shape_repeat"]] = [repeat[k] for k in keys]
    texts: dict[str, int] = {}
    for t in lows:
        texts[t] = texts.get(t, 0) + 1
    x[:, _COL["text_repeat"]] = [texts[t] > 1 for t in lows]
    idx = np.arange(n)
    x[:, _COL["rel_pos"]] = idx / max(1, n - 1)
    cum = np.cumsum(prose_words) - prose_words  # prose words before each line
    x[:, _COL["mass_before"]] = cum / total
    x[:, _COL["mass_after"]] = (total - cum - prose_words) / total
    x[:, _COL["before_main"]] = idx < first
    x[:, _COL["after_main"]] = idx > last
    dist = np.where(idx < first, first - idx, np.where(idx > last, idx - last, 0))
    x[:, _COL["log_dist_main"]] = list(map(math.log1p, dist.tolist()))
    x[:, _COL["prose_like"]] = prose_like
    # The neighbours' features (zero beyond the document's edges), the prose share of the ±5 window.
    picks = [_COL[name] for name in NEIGHBOUR]
    base = x[:, picks]
    col = len(BASE)
    for o in OFFSETS:
        if o < 0 and n + o > 0:
            x[-o:, col : col + len(picks)] = base[: n + o]
        elif o > 0 and n - o > 0:
            x[: n - o, col : col + len(picks)] = base[o:]
        col += len(picks)
    pl = prose_like.astype(float)
    csum = np.concatenate([[0.0], np.cumsum(pl)])
    lo = np.maximum(idx - 5, 0)
    hi = np.minimum(idx + 6, n)
    count = hi - lo - 1
    x[:, _COL["prose_window"]] = np.where(count > 0, (csum[hi] - csum[lo] - pl) / np.maximum(count, 1), 0.0)
    x[:, _COL["edge_prev"]] = idx == 0
    x[:, _COL["edge_next"]] = idx == n - 1
    return x

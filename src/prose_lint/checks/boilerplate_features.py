"""Per-line features of the ``boilerplate`` rule: what a line of page chrome looks like, from text alone.

One unit per non-blank line of prose (code blocks skipped). Each unit gets the features the block
classifiers of the field use (jusText, boilerpipe), computed on the rendered text rather than on HTML:
length, stop-word density, capitalisation, final punctuation, list markers, link syntax, dates and
counters, how often the line's shape repeats, where it sits relative to the main text, the lexicon's
verdict, and the same features of its neighbours. ``boilerplate_model`` turns them into a score.

Words, stop words and sentence ends come from ``prose_lint.analysis``; the few regular expressions here
run once per line (dates, counters), or once per line that the cheap ``str`` test lets through (lexicon).
"""

from __future__ import annotations

import math
from bisect import bisect_left
import operator
import re
from dataclasses import dataclass, field
from typing import Sequence

from prose_lint.analysis import ends_sentence, stopwords
from prose_lint.checks.boilerplate_lexicon import _needs, lexicon, may_match
from prose_lint.checks.boilerplate_crumbs import breadcrumb
from prose_lint.checks.boilerplate_shapes import BULLET as _BULLET, hard_wrapped, menu_line
from prose_lint.document import Document

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
# A calendar date or a clock time ("March 3, 2019", "3 Mar 2019", "2019-03-04", "11:00 PM").
_DATE = re.compile(rf"\b(?:{_MONTHS}\s+\d{{1,2}}\b|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}\s+\d{{4}}|\d{{4}}[-/.]\d\d?[-/.]\d\d?"
                   rf"|\d\d?[-/.]\d\d?[-/.]\d{{2,4}}|\d\d?:\d\d\s*(?:[ap]\.?m\b)?)", re.I)
# A counter: "12 comments", "Posts: 3,481", "(4)", "1.2k shares".
_COUNTER = re.compile(r"\b\d[\d,.]*k?\s+(?:comments?|repl(?:y|ies)|views?|shares?|likes?|posts?|votes?|points?|"
                      r"followers?|photos?|responses?|min(?:ute)?s?(?: read)?)\b|\b[a-z]+\s*:\s*\d[\d,.]*\s*$|^\(\d+\)$", re.I)
_COUNTER_NEEDS = _needs(_COUNTER.pattern)
_DIGIT = re.compile(r"\d")
_DIGIT_TOKEN = re.compile(r"\S*\d\S*")
_SEPARATORS = ("|", ">>", "»", "›", " · ", " • ", " / ", "::")
_KIND_PRIORITY = ("machine-translation", "cookie", "newsletter", "comment-form", "forum", "share", "page", "byline")

# Feature names, in the order of the vectors: the model file lists them, and a mismatch is an error.
BASE = ("lex_strong", "lex_weak", "lex_bad", "log_words", "no_words", "words_le3", "words_ge10", "words_ge20",
        "stop_density", "low_stop", "cap_share", "terminal", "colon_end", "bullet", "heading", "markup_share",
        "md_link", "url", "separator", "date", "digit_share", "counter", "shape_repeat", "text_repeat",
        "rel_pos", "mass_before", "mass_after", "before_main", "after_main", "log_dist_main", "log_chars",
        "you_share", "prose_like", "cjk", "menu_line")
NEIGHBOUR = ("log_words", "stop_density", "terminal", "markup_share", "bullet", "lex_bad", "prose_like", "date")
OFFSETS = (-2, -1, 1, 2)
NAMES = BASE + tuple(f"{n}@{o:+d}" for o in OFFSETS for n in NEIGHBOUR) + ("prose_window", "edge_prev", "edge_next")


@dataclass
class Unit:
    start: int  # offsets of the line's prose, trimmed (document offsets)
    end: int
    text: str  # the prose with single spaces (link targets and URLs masked)
    raw: str  # the source line as written (Markdown syntax kept)
    words: int
    stop_density: float
    terminal: bool
    block_kind: str
    strong: str = ""  # lexicon kind of a strong hit
    weak: str = ""  # lexicon kind of a weak hit
    lex_bad: bool = False  # chrome by the lexicon and its jusText-like context pass
    tokens: list[str] = field(default_factory=list)  # the words (analysis.WORD_RE) of ``text``
    features: Sequence[float] = field(default_factory=list)  # a row of units_matrix's matrix
    own_paragraph: bool = False  # a blank line (or the start of the text) above it: not one line of a list
    meta: str = ""  # a metadata line by its fields (boilerplate_meta.meta_line: "page", "when")
    code: bool = False  # an inline code span starts on its source line(s) (Document.inline_code_spans)
    menu: bool = False  # an item of a list of a site's menu or buttons (boilerplate_lists.menu_lists)


# -- units and features --------------------------------------------------------------------------------
# Speed (see benchmarks/README.md, "boilerplate classifier speed"): one pass over the lines computes
# what needs the line's text with str methods and C-level map/sum; the columns that follow from
# numbers (word counts, positions, the main region) and the neighbour and window features are numpy
# operations on the whole matrix (boilerplate_matrix.py). Logarithms stay math.log/log1p so that the
# values are bit for bit those the model was trained on.
_STOP: frozenset[str] | None = None
_YOU = frozenset(("you", "your", "our", "we", "us"))
_SEPARATOR_RE = re.compile("|".join(re.escape(s) for s in _SEPARATORS))
_MENU_CHARS = re.compile(r"[|:»›·•/>]")  # every separator menu_line counts contains one of these
_FIRST = operator.itemgetter(0)
# Columns of the per-line part of a row (the rest comes from numbers, positions and the lexicon).
_LINE_COLS = ("cap_share", "terminal", "colon_end", "bullet", "heading", "markup_share", "md_link", "url",
              "separator", "date", "digit_share", "counter", "log_chars", "you_share", "cjk", "menu_line")


def units(doc: Document) -> list[Unit]:
    """The document's non-blank prose lines, with their features (``Unit.features``, in NAMES order)."""
    return units_matrix(doc)[0]


def units_matrix(doc: Document):
    """``units(doc)`` and the same features as one numpy matrix (a row per unit, NAMES order), or None."""
    global _STOP
    if _STOP is None:
        _STOP = stopwords()
    is_stop = _STOP.__contains__
    is_you = _YOU.__contains__
    text, prose = doc.text, doc.prose
    index = doc.token_index()
    code_starts = sorted(span.start for span in doc.inline_code_spans)
    out: list[Unit] = []
    rows: list[tuple] = []
    keys: list[str] = []
    lows: list[str] = []
    for block in doc.blocks:
        if block.kind == "code":
            continue
        kind = block.kind
        heading = float(kind == "heading")
        pos = block.start
        lines = prose[block.start : block.end].splitlines(keepends=True)
        if len(lines) > 1 and hard_wrapped(lines):
            lines = ["".join(lines)]  # one paragraph wrapped at a fixed width: one unit, as its reader sees it
        for line in lines:
            n_line = len(line)
            body = line.strip()
            if not body:
                pos += n_line
                continue
            s = pos + n_line - len(line.lstrip())
            e = s + len(body)
            pos += n_line
            clean = " ".join(body.split())
            # = WORD_RE.findall(clean): collapsing whitespace moves no word boundary; from the shared scan
            words = index.span(s, e, sliced=True)
            ascii_ = clean.isascii()
            n_words = len(words) + (0 if ascii_ else len(_CJK.findall(clean)) // 2)
            if words:
                low = list(map(str.lower, words))
                density = sum(map(is_stop, low)) / len(words)
                cap = sum(map(str.isupper, map(_FIRST, words))) / len(words)
                you = sum(map(is_you, low)) / len(words)
            else:
                density = cap = you = 0.0
            ls = text.rfind("\n", 0, s) + 1
            le = text.find("\n", e)
            raw = text[ls : le if le >= 0 else len(text)].rstrip("\r")
            terminal = ends_sentence(clean, clause="", closer_ends=False)
            unit = Unit(s, e, clean, raw, n_words, density, terminal, kind, tokens=words,
                        code=bisect_left(code_starts, ls) < bisect_left(code_starts, le if le >= 0 else len(text)))
            unit.own_paragraph = text.count("\n", out[-1].end if out else 0, s) >= 2 or not out
            out.append(unit)
            # The per-line features (the order of _LINE_COLS).
            n_tokens = clean.count(" ") + 1  # clean is single-spaced and not empty
            raw_chars = len("".join(raw.split())) or 1
            bullet = _BULLET.match(raw) is not None
            md = "](" in raw
            low_text = clean.lower()
            if _DIGIT.search(clean) is not None:
                date = float(_DATE.search(clean) is not None)
                digit_share = len(_DIGIT_TOKEN.findall(clean)) / n_tokens
                counter = float(may_match(clean, low_text, _COUNTER_NEEDS) and _COUNTER.search(clean) is not None)
            else:
                date = digit_share = counter = 0.0
            rows.append((
                cap, float(terminal), float(clean.endswith(":")), float(bullet or kind == "list_item"), heading,
                max(0.0, 1 - (len(clean) - n_tokens + 1) / raw_chars), float(md), float("http" in raw or "www." in raw),
                float(_SEPARATOR_RE.search(raw) is not None), date, digit_share, counter, math.log1p(len(clean)),
                you, float(not ascii_ and _CJK.search(clean) is not None),
                menu_line(clean) if _MENU_CHARS.search(clean) is not None else 0.0,
            ))
            size = 0 if n_words <= 2 else 1 if n_words <= 5 else 2 if n_words <= 12 else 3
            last = clean[-1]
            keys.append(f"{int(bullet)}{size}{int(clean[0].isupper())}{last if not last.isalnum() else 'a'}{int(md)}")
            lows.append(low_text)
    if not out:
        return out, None
    from prose_lint.checks.boilerplate_matrix import feature_matrix

    matrix = feature_matrix(out, rows, keys, lows)
    for unit, row in zip(out, matrix):  # rows of the matrix (views), not lists: no float objects made
        unit.features = row
    from prose_lint.checks.boilerplate_lists import menu_lists

    for k in menu_lists(out):
        out[k].menu = True
    return out, matrix


def _shape(u: Unit) -> str:
    """A line's shape: list marker, length class, capitalisation of the first word, final character
    (the loop in ``units_matrix`` computes the same key inline)."""
    first = u.text[:1]
    size = 0 if u.words <= 2 else 1 if u.words <= 5 else 2 if u.words <= 12 else 3
    return f"{int(_BULLET.match(u.raw) is not None)}{size}{int(first.isupper())}{u.text[-1:] if not u.text[-1:].isalnum() else 'a'}" \
           f"{int('](' in u.raw)}"


assert _COUNTER_NEEDS, "the counter pattern lost its literals: the prefilter in units_matrix needs them"


_FIGURE = re.compile(r"[%$£€]|\d[.,]\d")  # a percentage, an amount or a decimal: a table's cell


def evidence_of_chrome(u: Unit) -> bool:
    """The lexicon names the line, or it has link or menu syntax, a breadcrumb's or a sign-up box's
    shape (lexicon ``[signup]``), or it is an item of a list of a site's menu or buttons (``menu``):
    evidence beyond the model's score."""
    if (u.strong or u.lex_bad or u.menu or "](" in u.raw or "http" in u.raw or "www." in u.raw
            or _SEPARATOR_RE.search(u.raw) is not None or menu_line(u.text) or u.words <= 20 and breadcrumb(u.text)):
        return True
    most, signup = lexicon()["signup"]
    return u.words <= most and signup.search(u.text) is not None


def data_row(u: Unit) -> bool:
    """A row of a table of figures: two or more numbers, one of them a percentage, an amount or a
    decimal, and no date (an archive list's "April 2006 (22)" is chrome)."""
    tokens = _DIGIT_TOKEN.findall(u.text)
    return len(tokens) >= 2 and any(_FIGURE.search(t) for t in tokens) and _DATE.search(u.text) is None


def kind_of(run: list[Unit]) -> str:
    """The lexicon kind that most lines of a run name (the most specific on a tie), or "": strong hits
    first; a weak "page" label (a date, "Label: value") names nothing; a cookie banner names the cookies."""
    kinds = [u.strong for u in run if u.strong] or [u.weak for u in run if u.weak and u.weak != "page"]
    if "cookie" in kinds and not any("cookie" in u.text.lower() for u in run):
        # "Privacy Policy", "Terms of Use", "Accept" are a cookie banner's buttons only beside its notice; in a
        # footer or a form they are the footer's links and the form's buttons
        kinds = [k for k in kinds if k != "cookie"]
    return min(kinds, key=lambda k: (-kinds.count(k), _KIND_PRIORITY.index(k) if k in _KIND_PRIORITY else 99)) if kinds else ""

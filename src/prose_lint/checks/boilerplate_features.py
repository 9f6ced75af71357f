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

import bisect
import math
import operator
import re
from dataclasses import dataclass, field
from typing import Sequence

from prose_lint.analysis import WORD_RE, ends_sentence, stopwords
from prose_lint.checks.boilerplate_meta import byline, meta_line, title_block
from prose_lint.checks.boilerplate_shapes import BAR_SPLIT as _BAR_SPLIT, BULLET as _BULLET, hard_wrapped
from prose_lint.document import Document

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_TRIM = " \t\u00a0\u3000•·|»«_-–—>*+#"
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
# A calendar date or a clock time ("March 3, 2019", "3 Mar 2019", "2019-03-04", "11:00 PM").
_DATE = re.compile(rf"\b(?:{_MONTHS}\s+\d{{1,2}}\b|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}\s+\d{{4}}|\d{{4}}[-/.]\d\d?[-/.]\d\d?"
                   rf"|\d\d?[-/.]\d\d?[-/.]\d{{2,4}}|\d\d?:\d\d\s*(?:[ap]\.?m\b)?)", re.I)
# A counter: "12 comments", "Posts: 3,481", "(4)", "1.2k shares".
_COUNTER = re.compile(r"\b\d[\d,.]*k?\s+(?:comments?|repl(?:y|ies)|views?|shares?|likes?|posts?|votes?|points?|"
                      r"followers?|photos?|responses?|min(?:ute)?s?(?: read)?)\b|\b[a-z]+\s*:\s*\d[\d,.]*\s*$|^\(\d+\)$", re.I)
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


# -- the lexicon (rules/lexicons/boilerplate.toml) ----------------------------------------------------
@dataclass
class Pattern:
    kind: str
    strength: str  # strong | weak | icon
    full: bool
    max_words: int
    regex: re.Pattern[str]


_LEXICON: dict | None = None


def lexicon() -> dict:
    global _LEXICON
    if _LEXICON is None:
        from prose_lint.lexicon import load_lexicon

        data = load_lexicon("boilerplate")
        patterns = [Pattern(p["kind"], p.get("strength", "strong"), bool(p.get("full", True)),
                            int(p.get("max_words", 25)), re.compile(p["regex"], re.I)) for p in data.get("pattern", [])]
        full = [p.regex.pattern for p in patterns if p.full and p.strength != "icon"]
        part = [p for p in patterns if not p.full and p.strength != "icon"]
        _LEXICON = {
            "patterns": patterns,
            # All whole-line patterns as one alternation: most lines match none, and one fullmatch tells so.
            "any_full": re.compile("|".join(f"(?:{x})" for x in full), re.I),
            # All in-line patterns as one alternation (``_lexicon_hits_fast``), and the strings one of
            # which an ASCII line must contain for any of them to match (None: no such list).
            "any_part": re.compile("|".join(f"(?:{p.regex.pattern})" for p in part) or r"(?!)", re.I),
            "part_needs": _needs_any([p.regex.pattern for p in part]),
            "part": [(p, _needs(p.regex.pattern)) for p in part],
            "full": [p for p in patterns if p.full and p.strength != "icon"],
            "self_ref": re.compile(data.get("self_reference", {}).get("regex", r"\b(?:you|your|our)\b"), re.I),
            "salutation": re.compile(data.get("salutation", {}).get("regex", r"(?!)"), re.I),
            "valediction": re.compile(data.get("valediction", {}).get("regex", r"(?!)"), re.I),
            "meta_fields": [re.compile(x, re.I) for x in data.get("meta_fields", {}).get("fields", [])],
            "dateline_fields": [re.compile(x, re.I) for x in data.get("meta_fields", {}).get("dateline_fields", [])],
        }
    return _LEXICON


def _lexicon_hits(unit: Unit, edge: bool, lex: dict) -> None:
    text = unit.text.strip(_TRIM)
    line = text.rstrip(".!:;,")
    prose_like = unit.words >= 15 and unit.stop_density >= 0.2
    any_full = bool(line) and lex["any_full"].fullmatch(line) is not None
    for p in lex["patterns"]:
        if p.strength == "icon":
            continue
        if p.full:
            hit = any_full and p.regex.fullmatch(line) is not None
        else:
            hit = unit.words <= p.max_words and p.regex.search(unit.text) is not None
            # A sentence about cookies or machine translation in the middle of the text is prose about
            # them; banners and notices sit at the top or the bottom and speak to the reader.
            if hit and p.strength == "strong" and prose_like and not (edge and lex["self_ref"].search(unit.text)):
                hit = False
        if hit and p.strength == "strong" and not unit.strong:
            unit.strong = p.kind
        elif hit and p.strength == "weak" and not unit.weak:
            unit.weak = p.kind
    _shape_hits(unit, lex)


# -- prefilters: literal strings that a match must contain ---------------------------------------------
def _needs(pattern: str) -> tuple[str, ...] | None:
    """Lower-case strings, one of which is in every text that ``pattern`` (compiled with re.I) matches
    somewhere, once the text is lower-cased (``may_match``): a necessary condition that
    ``str.__contains__`` tests far faster than the regular expression runs. None when the pattern
    offers no literal (a pattern of classes only).

    Only ASCII characters and caseless characters (``_caseless``: CJK, Hangul, ©, arrows) make up the
    strings: under re.I an ASCII character matches only ASCII characters and the four of
    ``_ASCII_TWINS``, and a caseless character only itself; any other character (ü, ó) ends a literal
    run."""
    try:
        from re import _parser as sre_parse
    except ImportError:  # Python < 3.11
        import sre_parse  # type: ignore[no-redef]
    return _seq_needs(sre_parse.parse(pattern, re.I))


def _needs_any(patterns: list[str]) -> tuple[str, ...] | None:
    out: set[str] = set()
    for p in patterns:
        needs = _needs(p)
        if needs is None:
            return None
        out.update(needs)
    return tuple(sorted(out))


# The non-ASCII characters that re.I matches with an ASCII one (İ ı ſ K; tests/test_boilerplate.py
# checks the list against every code point): a text with one of them skips the prefilters.
_ASCII_TWINS = "\u0130\u0131\u017f\u212a"
_TWINS_RE = re.compile(f"[{_ASCII_TWINS}]")


def may_match(text: str, low: str, needs: tuple[str, ...] | None) -> bool:
    """False only when no pattern with these ``needs`` (``_needs``) can match ``text`` (``low`` is
    ``text.lower()``)."""
    if needs is None or not text.isascii() and _TWINS_RE.search(text) is not None:
        return True
    return any(map(low.__contains__, needs))


def _caseless(ch: str) -> bool:
    """A non-ASCII character that re.I matches with itself only, and that ``str.lower`` leaves alone
    and makes from no other character (CJK, Hangul, ©, arrows; tests/test_boilerplate.py checks the
    lexicon's against every code point)."""
    import unicodedata

    return ch.lower() == ch == ch.upper() and unicodedata.category(ch) in ("Lo", "So", "Sm", "Sc", "Pd", "Pi", "Pf", "Po")


def _seq_needs(seq) -> tuple[str, ...] | None:
    options: list[tuple[str, ...]] = []
    run: list[str] = []
    for op, av in seq:
        name = str(op)
        if name == "LITERAL" and (av < 128 or _caseless(chr(av))):
            run.append(chr(av).lower())
            continue
        if run:
            options.append(("".join(run),))
            run = []
        if name == "IN" and len(av) <= 4 and all(str(o) == "LITERAL" and a < 128 for o, a in av):
            options.append(tuple(sorted({chr(a).lower() for _, a in av})))
        elif name == "SUBPATTERN":
            needs = _seq_needs(av[-1])
            if needs is not None:
                options.append(needs)
        elif name == "BRANCH":
            alts = [_seq_needs(b) for b in av[1]]
            if all(a is not None for a in alts):
                options.append(tuple(sorted(set().union(*alts))))
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and av[0] >= 1:
            needs = _seq_needs(av[2])
            if needs is not None:
                options.append(needs)
    if run:
        options.append(("".join(run),))
    # The option that is rarest to pass: the longest shortest string, then the fewest strings.
    return max(options, key=lambda o: (min(map(len, o)), -len(o))) if options else None


def _lines_with(lows: list[str], needs: tuple[str, ...] | None, texts: list[str]) -> set[int] | None:
    """Indices of the lines (``lows``: lower-cased ``texts``) that hold one of ``needs``, searched in
    the joined document; None when the prefilter does not apply (``may_match``)."""
    if needs is None or any("\n" in x for x in needs):
        return None
    joined = "\n".join(texts)
    if not joined.isascii() and _TWINS_RE.search(joined) is not None:
        return None
    low = "\n".join(lows)
    present = [x for x in needs if x in low]
    if not present:
        return set()
    starts = [0]
    for line in lows[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    found: set[int] = set()
    for x in present:
        k = low.find(x)
        while k >= 0:
            i = bisect.bisect_right(starts, k) - 1
            found.add(i)
            k = low.find(x, starts[i + 1]) if i + 1 < len(starts) else -1
    return found


def _lexicon_hits_fast(unit: Unit, edge: bool, lex: dict, low: str | None = None, maybe: bool = True) -> None:
    """``_lexicon_hits`` behind prefilters: most lines are too long for the in-line patterns or hold
    none of the strings they need (``low``: the line in lower case; ``maybe``: False when
    ``_lines_with`` found none in the line), and match no alternation of the whole-line patterns;
    then no pattern can hit (tests/test_boilerplate.py checks that both give the same labels)."""
    if low is None:
        low = unit.text.lower()
    part = False
    if maybe:  # an in-line pattern hits only lines of at most its max_words words holding one of its needs
        for p, needs in lex["part"]:
            if unit.words <= p.max_words and may_match(unit.text, low, needs) and p.regex.search(unit.text) is not None:
                part = True
                break
    if part:
        _lexicon_hits(unit, edge, lex)
        return
    line = unit.text.strip(_TRIM).rstrip(".!:;,")
    if line and lex["any_full"].fullmatch(line) is not None:
        for p in lex["full"]:  # what _lexicon_hits does when no in-line pattern hits
            if p.regex.fullmatch(line) is not None:
                if p.strength == "strong" and not unit.strong:
                    unit.strong = p.kind
                elif p.strength == "weak" and not unit.weak:
                    unit.weak = p.kind
    _shape_hits(unit, lex)


BAR_MAX_WORDS = 15  # a bar of button labels is short
MENU_LINKS = 3  # Markdown links in a one-line menu ("[Home](/) · [News](/news) · [Sport](/sport)")
META_MAX_WORDS = 30  # a meta bar is a short line; a sentence that names an author and a date is prose


def _meta_bar(unit: Unit, lex: dict) -> bool:
    """A template's meta bar (lexicon ``[meta_fields]``): two or more different fields in one short line,
    one of them a template field ("14 comments", "Reading time: 6 min", "Topics: ..."). A byline and a
    date, together or not, are the article's own title block."""
    if unit.words > META_MAX_WORDS or unit.strong:
        return False
    text = unit.text
    template = sum(r.search(text) is not None for r in lex["meta_fields"])
    return template >= 1 and template + sum(r.search(text) is not None for r in lex["dateline_fields"]) >= 2


WEAK_RUN = 3  # this many weak labels of one kind in a row are a button list ("Email / Facebook / Twitter")


def _labels(units: list[Unit]) -> list[str]:
    """The context pass's starting labels: bad (a strong lexicon hit), weak, good (prose), short, near.
    A run of WEAK_RUN or more lines with weak labels of the same kind (share buttons, newsletter
    fields, forum labels; not the generic "page" labels such as dates) is a button list: bad."""
    label = ["meta" if u.strong == "byline" else "bad" if u.strong else "weak" if u.weak
             else "good" if u.words >= 15 and u.stop_density >= 0.2
             else "short" if u.words <= 6 and not u.terminal and u.stop_density < 0.34 else "near" for u in units]
    start = 0
    for n in range(1, len(units) + 1):
        if n < len(units) and label[n] == "weak" and label[start] == "weak" and units[n].weak == units[start].weak:
            continue
        if n - start >= WEAK_RUN and label[start] == "weak" and units[start].weak != "page":
            label[start:n] = ["bad"] * (n - start)
        start = n
    return label


def _shape_hits(unit: Unit, lex: dict) -> None:
    """Strong labels from a line's make-up rather than its words: a template's meta bar (``_meta_bar``;
    bars without a count or a date are too like a title block to ask about) and a menu on one line
    (MENU_LINKS or more Markdown links between separators), and a bar of button labels (``_button_bar``)."""
    if unit.strong:
        return
    meta = meta_line(unit.text) if unit.words <= META_MAX_WORDS and not unit.raw.lstrip().startswith("#") else ""
    if _DIGIT.search(unit.text) is not None and _meta_bar(unit, lex):
        unit.strong = "byline"
    elif meta == "page":  # a count or a taxonomy list: the page's (boilerplate_meta.title_block may demote it)
        unit.strong, unit.meta = "byline", meta
    elif meta:  # who and when only: chrome next to other chrome (boilerplate_meta's docstring says why)
        unit.weak, unit.meta = unit.weak or "byline", meta
    elif unit.raw.count("](") >= MENU_LINKS and _menu_line(unit.text) or unit.words <= ARROW_MAX_WORDS and not (
            unit.words >= 8 and unit.stop_density >= 0.3) and _arrow_link(unit.text):  # not a sentence with a link
        unit.strong = "navigation"
    elif unit.words <= BAR_MAX_WORDS and _BAR_SPLIT.search(unit.text) is not None:
        unit.strong = _button_bar(unit.text, lex)
    if not unit.strong and not unit.weak and unit.words <= 12 and byline(unit.text):
        unit.weak = "byline"


ARROW_MAX_WORDS = 25  # a link to the previous or next page is a title or a label, not a paragraph
# A line that begins with a backward arrow or ends with a forward one ("« Older post title", "Read
# more »", "1 2 3 ... Next »"): a link to another page. A French quotation («Oui», dit-il) has both.
_BACK = ("«", "‹", "←", "<<")
_FORWARD = ("»", "›", "→", ">>")


def _arrow_link(text: str) -> bool:
    """A link to the previous or next page by its arrow: the line begins with a backward arrow (after a
    list marker) and has no forward one, or ends with a forward arrow and has no backward one (a
    French quotation, «Oui», has both), or has both around separators.
    Measured on the tune split's web pages: 234 chrome lines and 2 content lines have the shape (49
    chrome lines found only by it)."""
    t = text.strip()
    if t[:2] in ("* ", "+ ", "- ", "• "):
        t = t[2:].lstrip()
    bar = " | " in t or " :: " in t  # "« Older post | Home | Newer post »": both, between separators
    rest = t.strip("".join(_BACK + _FORWARD) + " ")
    if rest.endswith((".", ":", ";", ",")) or not any(ch.isalpha() for ch in rest):
        return False  # a sentence and the arrow of its link ("The list can be found online. →"); code around an arrow
    if t.startswith(_BACK):
        return bar or not any(a in t for a in _FORWARD)
    if t.endswith(_FORWARD):
        return bar or not any(a in t for a in _BACK)
    return False


def _button_bar(text: str, lex: dict) -> str:
    """The kind of a bar of labels between separators ("Report Post » Log in to Reply", "Advertise |
    AdChoices") when every label is one the lexicon knows as a whole line and one of them is strong."""
    parts = [x.strip(_TRIM).rstrip(".!:;,") for x in _BAR_SPLIT.split(text)]
    parts = [x for x in parts if x]
    if len(parts) < 2 or any(lex["any_full"].fullmatch(x) is None for x in parts):
        return ""
    for x in parts:
        for p in lex["full"]:
            if p.strength == "strong" and p.regex.fullmatch(x) is not None:
                return p.kind
    return ""


def _relabel(label: list[str], orig: list[str], i: int) -> str:
    """The label jusText's context pass gives line ``i`` from its neighbours' (``label[i]`` when none;
    ``orig``: the starting labels): a weak line next to chrome is chrome; a short line without final
    punctuation between two chrome lines, or between chrome and the document's edge, too. Metadata
    lines ("meta": a strong "byline", ``boilerplate_meta``) are chrome that sits right under the
    article's headline: they make a weak neighbour (a bare byline, a bare date) metadata too, but
    never a short line above them chrome (that line is the title), nor one between them and the
    document's edge. Labels only rise (weak < meta < bad, short < bad), so the result does not
    depend on the order the lines are visited in."""
    lab = label[i]
    if orig[i] not in ("weak", "short") or lab == "bad":
        return lab
    prev = label[i - 1] if i > 0 else "edge"
    nxt = label[i + 1] if i + 1 < len(label) else "edge"
    if orig[i] == "weak":
        return "bad" if "bad" in (prev, nxt) else "meta" if "meta" in (prev, nxt) else lab
    if nxt == "bad" and prev in ("bad", "meta", "edge") or prev == "bad" and nxt == "edge":
        return "bad"
    return lab


def _lexicon_context(units: list[Unit]) -> None:
    """jusText's context pass on the lexicon's labels (``_relabel``), sweeping until nothing changes."""
    label = _labels(units)
    orig = list(label)
    changed = True
    while changed:
        changed = False
        for n in range(len(label)):
            new = _relabel(label, orig, n)
            if new != label[n]:
                label[n] = new
                changed = True
    for unit, lab in zip(units, label):
        unit.lex_bad = lab in ("bad", "meta")


def _lexicon_context_fast(units: list[Unit]) -> None:
    """``_lexicon_context`` with a work list: labels only rise and a higher neighbour never lowers one,
    so visiting only the lines next to a line that changed reaches the same labels as sweeping the
    document until nothing changes (tests check both agree)."""
    n = len(units)
    label = _labels(units)
    orig = list(label)
    todo = [j for i, lab in enumerate(label) if lab in ("bad", "meta") for j in (i - 1, i + 1)
            if 0 <= j < n and label[j] in ("weak", "short")]
    while todo:
        i = todo.pop()
        new = _relabel(label, orig, i)
        if new != label[i]:
            label[i] = new
            todo.extend(j for j in (i - 1, i + 1) if 0 <= j < n and orig[j] in ("weak", "short") and label[j] != "bad")
    for unit, lab in zip(units, label):
        unit.lex_bad = lab in ("bad", "meta")


# -- units and features --------------------------------------------------------------------------------
# Speed (see benchmarks/README.md, "boilerplate classifier speed"): one pass over the lines computes
# what needs the line's text with str methods and C-level map/sum; the columns that follow from
# numbers (word counts, positions, the main region) and the neighbour and window features are numpy
# operations on the whole matrix. Logarithms stay math.log/log1p so that the values are bit for bit
# those the model was trained on.
_STOP: frozenset[str] | None = None
_YOU = frozenset(("you", "your", "our", "we", "us"))
_SEPARATOR_RE = re.compile("|".join(re.escape(s) for s in _SEPARATORS))
_MENU_CHARS = re.compile(r"[|:»›·•/>]")  # every separator _menu_line counts contains one of these
_FIRST = operator.itemgetter(0)
_COUNTER_NEEDS: tuple[str, ...] = ()  # set below, once _needs is defined
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
            words = WORD_RE.findall(clean)
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
            unit = Unit(s, e, clean, raw, n_words, density, terminal, kind, tokens=words)
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
                _menu_line(clean) if _MENU_CHARS.search(clean) is not None else 0.0,
            ))
            size = 0 if n_words <= 2 else 1 if n_words <= 5 else 2 if n_words <= 12 else 3
            last = clean[-1]
            keys.append(f"{int(bullet)}{size}{int(clean[0].isupper())}{last if not last.isalnum() else 'a'}{int(md)}")
            lows.append(low_text)
    if not out:
        return out, None
    matrix = _features(out, rows, keys, lows)
    for unit, row in zip(out, matrix):  # rows of the matrix (views), not lists: no float objects made
        unit.features = row
    return out, matrix


def _shape(u: Unit) -> str:
    """A line's shape: list marker, length class, capitalisation of the first word, final character
    (the loop in ``units_matrix`` computes the same key inline)."""
    first = u.text[:1]
    size = 0 if u.words <= 2 else 1 if u.words <= 5 else 2 if u.words <= 12 else 3
    return f"{int(_BULLET.match(u.raw) is not None)}{size}{int(first.isupper())}{u.text[-1:] if not u.text[-1:].isalnum() else 'a'}" \
           f"{int('](' in u.raw)}"


def _menu_line(text: str) -> float:
    """1 for a line of three or more short items between separators ("Home :: News :: Sport",
    "Print | Email | Share"): a menu or breadcrumb rendered on one line."""
    for sep in ("|", "::", "»", "›", "·", "•", " / ", ">"):
        if text.count(sep) >= 2:
            items = [x for x in text.split(sep) if x.strip()]
            if len(items) >= 3 and sum(len(x.split()) for x in items) <= 4 * len(items):
                return 1.0
    return 0.0


def _main_region(prose_words: list[int]) -> tuple[int, int]:
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


def _features(units: list[Unit], rows: list[tuple], keys: list[str], lows: list[str]):
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
    first, last = _main_region(prose_words.tolist())
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


_COUNTER_NEEDS = _needs(_COUNTER.pattern)  # type: ignore[assignment]
assert _COUNTER_NEEDS, "the counter pattern lost its literals: the prefilter in units_matrix needs them"


_FIGURE = re.compile(r"[%$£€]|\d[.,]\d")  # a percentage, an amount or a decimal: a table's cell


def evidence_of_chrome(u: Unit) -> bool:
    """The lexicon names the line, or it has link or menu syntax: evidence beyond the model's score."""
    return bool(u.strong or u.lex_bad or "](" in u.raw or "http" in u.raw or "www." in u.raw
                or _SEPARATOR_RE.search(u.raw) is not None or _menu_line(u.text))


def data_row(u: Unit) -> bool:
    """A row of a table of figures: two or more numbers, one of them a percentage, an amount or a
    decimal, and no date (an archive list's "April 2006 (22)" is chrome)."""
    tokens = _DIGIT_TOKEN.findall(u.text)
    return len(tokens) >= 2 and any(_FIGURE.search(t) for t in tokens) and _DATE.search(u.text) is None


def kind_of(run: list[Unit]) -> str:
    """The lexicon kind that most lines of a run name (the most specific on a tie), or "": strong hits
    first; a weak "page" label (a date, "Label: value") names nothing."""
    kinds = [u.strong for u in run if u.strong] or [u.weak for u in run if u.weak and u.weak != "page"]
    return min(kinds, key=lambda k: (-kinds.count(k), _KIND_PRIORITY.index(k) if k in _KIND_PRIORITY else 99)) if kinds else ""

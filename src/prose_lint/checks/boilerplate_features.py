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
import re
from dataclasses import dataclass, field

from prose_lint.analysis import WORD_RE, ends_sentence, stopwords
from prose_lint.document import Document

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_TRIM = " \t\u00a0\u3000•·|»«_-–—>*+#"
_BULLET = re.compile(r"\s*(?:[*+\-•·▪►‣◦]|\d{1,3}[.)])\s")
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
_KIND_PRIORITY = ("machine-translation", "cookie", "comment-form", "forum", "share", "page", "byline")

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
    features: list[float] = field(default_factory=list)


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
        _LEXICON = {
            "patterns": patterns,
            # All whole-line patterns as one alternation: most lines match none, and one fullmatch tells so.
            "any_full": re.compile("|".join(f"(?:{x})" for x in full), re.I),
            "self_ref": re.compile(data.get("self_reference", {}).get("regex", r"\b(?:you|your|our)\b"), re.I),
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


def _lexicon_context(units: list[Unit]) -> None:
    """jusText's context pass on the lexicon's labels: a weak line next to chrome is chrome; a short
    line without final punctuation between two chrome lines (or chrome and the document's edge) too."""
    label = ["bad" if u.strong else "weak" if u.weak else "good" if u.words >= 15 and u.stop_density >= 0.2
             else "short" if u.words <= 6 and not u.terminal and u.stop_density < 0.34 else "near" for u in units]
    changed = True
    while changed:
        changed = False
        for n, lab in enumerate(label):
            if lab not in ("weak", "short"):
                continue
            prev = label[n - 1] if n > 0 else "edge"
            nxt = label[n + 1] if n + 1 < len(units) else "edge"
            if lab == "weak" and "bad" in (prev, nxt) or lab == "short" and (prev, nxt) in (
                    ("bad", "bad"), ("bad", "edge"), ("edge", "bad")):
                label[n] = "bad"
                changed = True
    for unit, lab in zip(units, label):
        unit.lex_bad = lab == "bad"


# -- units and features --------------------------------------------------------------------------------
def units(doc: Document) -> list[Unit]:
    """The document's non-blank prose lines, with their features (``Unit.features``, in NAMES order)."""
    stop = stopwords()
    text, prose = doc.text, doc.prose
    out: list[Unit] = []
    for block in doc.blocks:
        if block.kind == "code":
            continue
        pos = block.start
        for line in prose[block.start : block.end].splitlines(keepends=True):
            s, e = pos, pos + len(line)
            pos = e
            while s < e and prose[s].isspace():
                s += 1
            while e > s and prose[e - 1].isspace():
                e -= 1
            if s >= e:
                continue
            clean = " ".join(prose[s:e].split())
            words = WORD_RE.findall(clean)
            n_words = len(words) + (0 if clean.isascii() else len(_CJK.findall(clean)) // 2)
            density = sum(w.lower() in stop for w in words) / len(words) if words else 0.0
            ls = text.rfind("\n", 0, s) + 1
            le = text.find("\n", e)
            raw = text[ls : le if le >= 0 else len(text)].rstrip("\r")
            out.append(Unit(s, e, clean, raw, n_words, density,
                            ends_sentence(clean, clause="", closer_ends=False), block.kind, tokens=words))
    if out:
        _features(out)
    return out


def _shape(u: Unit) -> str:
    """A line's shape: list marker, length class, capitalisation of the first word, final character."""
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


def _features(units: list[Unit]) -> None:
    lex = lexicon()
    n = len(units)
    for i, u in enumerate(units):
        _lexicon_hits(u, i < 3 or i >= n - 3, lex)
    _lexicon_context(units)
    prose_words = [u.words if u.words >= 15 and u.stop_density >= 0.2 else 0 for u in units]
    total = sum(prose_words) or 1
    first, last = _main_region(prose_words)
    shapes: dict[str, int] = {}
    texts: dict[str, int] = {}
    keys = []
    for u in units:
        k = _shape(u)
        keys.append(k)
        shapes[k] = shapes.get(k, 0) + 1
        texts[u.text.lower()] = texts.get(u.text.lower(), 0) + 1
    cum = 0
    rows = []
    for i, u in enumerate(units):
        raw = u.raw
        # Cheap tests first (str methods run in C): the regular expressions run only on lines with a digit.
        tokens = u.text.split()
        words = u.tokens
        raw_chars = len("".join(raw.split())) or 1
        prose_chars = len(u.text) - len(tokens) + 1
        has_digit = _DIGIT.search(u.text) is not None
        digits = len(_DIGIT_TOKEN.findall(u.text)) if has_digit else 0
        dist = first - i if i < first else i - last if i > last else 0
        rows.append([
            float(bool(u.strong)), float(bool(u.weak)), float(u.lex_bad),
            math.log1p(u.words), float(u.words == 0), float(u.words <= 3), float(u.words >= 10), float(u.words >= 20),
            u.stop_density, float(u.words >= 4 and u.stop_density < 0.2),
            sum(w[0].isupper() for w in words) / len(words) if words else 0.0,
            float(u.terminal), float(u.text.endswith(":")),
            float(_BULLET.match(raw) is not None or u.block_kind == "list_item"), float(u.block_kind == "heading"),
            max(0.0, 1 - prose_chars / raw_chars), float("](" in raw), float("http" in raw or "www." in raw),
            float(any(s in raw for s in _SEPARATORS)), float(has_digit and _DATE.search(u.text) is not None),
            digits / len(tokens) if tokens else 0.0, float(has_digit and _COUNTER.search(u.text) is not None),
            math.log(shapes[keys[i]]) / math.log(n + 1), float(texts[u.text.lower()] > 1),
            i / max(1, n - 1), cum / total, (total - cum - prose_words[i]) / total,
            float(i < first), float(i > last), math.log1p(dist), math.log1p(len(u.text)),
            sum(w.lower() in ("you", "your", "our", "we", "us") for w in words) / len(words) if words else 0.0,
            float(prose_words[i] > 0), float(not u.text.isascii() and _CJK.search(u.text) is not None), _menu_line(u.text),
        ])
        cum += prose_words[i]
    idx = {name: k for k, name in enumerate(BASE)}
    picks = [idx[name] for name in NEIGHBOUR]
    pl = idx["prose_like"]
    for i, u in enumerate(units):
        row = list(rows[i])
        for o in OFFSETS:
            j = i + o
            row.extend(rows[j][k] for k in picks) if 0 <= j < n else row.extend([0.0] * len(picks))
        window = [rows[j][pl] for j in range(max(0, i - 5), min(n, i + 6)) if j != i]
        row.append(sum(window) / len(window) if window else 0.0)
        row.append(float(i == 0))
        row.append(float(i == n - 1))
        u.features = row


def kind_of(run: list[Unit]) -> str:
    """The lexicon kind that most lines of a run name (the most specific on a tie), or "": strong hits
    first; a weak "page" label (a date, "Label: value") names nothing."""
    kinds = [u.strong for u in run if u.strong] or [u.weak for u in run if u.weak and u.weak != "page"]
    return min(kinds, key=lambda k: (-kinds.count(k), _KIND_PRIORITY.index(k) if k in _KIND_PRIORITY else 99)) if kinds else ""

"""The ``boilerplate`` rule's lexicon and line shapes: which lines of a page the phrase lists and the shapes of
chrome (meta bars, button bars, arrow links, label runs) mark, and jusText's context pass over those marks.

The phrases are data (rules/lexicons/boilerplate.toml); each is tried only on lines that hold a literal string
every match must contain (the prefilters below), so most lines cost one ``str`` test. ``boilerplate_features``
turns the marks into the model's features.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from prose_lint.checks.boilerplate_shapes import TRIM, link_text, shape_hits

if TYPE_CHECKING:  # pragma: no cover
    from prose_lint.checks.boilerplate_features import Unit


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
            # The strong ones alone: a label that names chrome whatever its colon or length (boilerplate_bars).
            "strong_full": re.compile("|".join(f"(?:{p.regex.pattern})" for p in patterns
                                               if p.full and p.strength == "strong") or r"(?!)", re.I),
            # All in-line patterns as one alternation (``_lexicon_hits_fast``), and the strings one of
            # which an ASCII line must contain for any of them to match (None: no such list).
            "any_part": re.compile("|".join(f"(?:{p.regex.pattern})" for p in part) or r"(?!)", re.I),
            "part_needs": _needs_any([p.regex.pattern for p in part]),
            "part": [(p, _needs(p.regex.pattern)) for p in part],
            "full": [p for p in patterns if p.full and p.strength != "icon"],
            "self_ref": re.compile(data.get("self_reference", {}).get("regex", r"\b(?:you|your|our)\b"), re.I),
            "salutation": re.compile(data.get("salutation", {}).get("regex", r"(?!)"), re.I),
            "valediction": re.compile(data.get("valediction", {}).get("regex", r"(?!)"), re.I),
            "crumb_home": re.compile(data.get("crumbs", {}).get("home", r"(?!)"), re.I),
            "crumb_lead": re.compile(data.get("crumbs", {}).get("lead", r"(?!)"), re.I),
            "signup": (int(data.get("signup", {}).get("max_words", 0)),
                       re.compile(data.get("signup", {}).get("regex", r"(?!)"), re.I)),
            "meta_fields": [re.compile(x, re.I) for x in data.get("meta_fields", {}).get("fields", [])],
            "dateline_fields": [re.compile(x, re.I) for x in data.get("meta_fields", {}).get("dateline_fields", [])],
        }
    return _LEXICON


def _lexicon_hits(unit: Unit, edge: bool, lex: dict) -> None:
    text = unit.text.strip(TRIM)
    line = link_text(text).strip(TRIM).rstrip(".!:;,")
    prose_like = unit.words >= 15 and unit.stop_density >= 0.2
    any_full = bool(line) and lex["any_full"].fullmatch(line) is not None
    for p in lex["patterns"]:
        if p.strength == "icon":
            continue
        if p.full:
            hit = any_full and p.regex.fullmatch(line) is not None
        else:
            hit = unit.words <= p.max_words and p.regex.search(unit.text) is not None
            # A sentence about cookies or machine translation is prose about them unless it speaks to the
            # reader; notices other than a cookie banner (which a page may float anywhere) also sit at the top
            # or the bottom.
            if hit and p.strength == "strong" and prose_like and not (
                    (edge or p.kind == "cookie") and lex["self_ref"].search(unit.text)):
                hit = False
        if hit and p.strength == "strong" and not unit.strong:
            unit.strong = p.kind
        elif hit and p.strength == "weak" and not unit.weak:
            unit.weak = p.kind
    shape_hits(unit, lex)


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
    line = link_text(unit.text).strip(TRIM).rstrip(".!:;,")
    if line and lex["any_full"].fullmatch(line) is not None:
        for p in lex["full"]:  # what _lexicon_hits does when no in-line pattern hits
            if p.regex.fullmatch(line) is not None:
                if p.strength == "strong" and not unit.strong:
                    unit.strong = p.kind
                elif p.strength == "weak" and not unit.weak:
                    unit.weak = p.kind
    shape_hits(unit, lex)


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

"""Web and forum page chrome left in a document (share buttons, forum user panels, comment forms...)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from prose_lint.diagnostic import Diagnostic, Edit, Fix
from prose_lint.analysis import WORD_RE, ends_sentence, stopwords
from prose_lint.document import Document
from prose_lint.rule import Rule, RuleContext, Severity

_NUMBER = re.compile(r"\d+(?:[.,:/-]\d+)*")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_TRIM = " \t\u00a0\u3000•·|»«_-–—>"
_KIND_PRIORITY = ("machine-translation", "cookie", "comment-form", "forum", "share", "page", "byline")

_LEXICON = None


@dataclass
class _Pattern:
    kind: str
    strength: str  # strong | weak | icon
    full: bool
    max_words: int
    regex: re.Pattern[str]


@dataclass
class _Unit:
    start: int
    end: int
    text: str
    words: int
    stop_density: float
    terminal: bool
    label: str = ""  # bad | weak | good | neargood | short
    kind: str = ""


_SELF_REF: re.Pattern[str] | None = None


def _lexicon() -> tuple[list[_Pattern], frozenset[str]]:
    global _LEXICON, _SELF_REF
    if _LEXICON is None:
        from prose_lint.lexicon import load_lexicon

        data = load_lexicon("boilerplate")
        patterns = [
            _Pattern(p["kind"], p.get("strength", "strong"), bool(p.get("full", True)), int(p.get("max_words", 25)),
                     re.compile(p["regex"], re.I))
            for p in data.get("pattern", [])
        ]
        _SELF_REF = re.compile(data.get("self_reference", {}).get("regex", r"\b(?:you|your|our)\b"), re.I)
        global _ANY_FULL
        full = [p.regex.pattern for p in patterns if p.full and p.strength != "icon"]
        _ANY_FULL = re.compile("|".join(f"(?:{x})" for x in full), re.I) if full else None
        _LEXICON = (patterns, stopwords())  # the shared list (rules/lexicons/stopwords.toml)
    return _LEXICON


# All whole-line patterns as one alternation: most lines match none, and one fullmatch tells so.
_ANY_FULL: re.Pattern[str] | None = None


class Boilerplate(Rule):
    """Page chrome that is not part of the document: share buttons, forum panels, comment forms, banners.

    Web pages copied into a manuscript bring their chrome along: "Short Url", "Updated 10 May 2025",
    "Follow", "Share on Facebook", forum user panels ("is offline", "Join Date: Feb 2020", "Posts: 31",
    "Reply With Quote", "View Single Post", "#1"), a forum post icon's label glued to the title
    ("Default The Role of..."), comment-form prompts ("Please enter your comment!"), cookie banners,
    "Read more", and machine-translation notices (in any language).

    Algorithm (in the spirit of jusText, on lines rather than HTML blocks):

    1. Every line of prose is a unit with text-level features: word count, stopword density, final
       punctuation, number density, the share of the line that is markup (link syntax).
    2. Each unit gets an initial class: *bad* when a strong pattern of the lexicon
       (``rules/lexicons/boilerplate.toml``) matches it (whole-line patterns for button and panel
       labels; in-line patterns for cookie banners and translation notices, only in short lines);
       *weak* when only a weak pattern matches (a bare date, "Label: value", a template byline, a
       number) or it is a short line of mostly link markup or numbers; *good* for prose (at least
       ``min_prose_words`` words with a normal stopword density); *short* or *near-good* otherwise.
    3. Context, repeated until stable: a *weak* unit next to a *bad* one becomes bad; a *short* unit
       (no final punctuation, few function words) between two bad units, or between a bad unit and the
       start or end of the document, becomes bad. Good prose never becomes bad. So a dateline under a
       news headline, a letter's address lines, a speech's "Ladies and gentlemen," or an epigraph's
       attribution stay: they have no strong chrome next to them.
    4. Each run of consecutive bad units is reported once, its region covering the run; the detail
       id names the dominant kind: ``boilerplate/forum``, ``boilerplate/share``, ``boilerplate/page``,
       ``boilerplate/comment-form``, ``boilerplate/cookie``, ``boilerplate/machine-translation``,
       ``boilerplate/byline``. A forum icon label ("Default") glued in front of the first line after
       forum chrome is ``boilerplate/forum-icon``, with a fix that deletes it.

    Options: ``min_prose_words`` (a line this long with normal stopword density is prose, 15),
    ``min_stopword_density`` (0.2).

    Known limits: chrome that is written as full sentences and is not in the lexicon ("Thanks for
    reading our newsletter, see you next week") is not found; add such phrases to the lexicon.
    """

    id = "boilerplate"
    severity = Severity.WARNING
    scope = "document"
    dynamic_details = True  # emits boilerplate/<kind>, one per lexicon kind
    options = {"min_prose_words": 15, "min_stopword_density": 0.2}

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Diagnostic]:
        patterns, stopwords = _lexicon()
        units = _units(doc, stopwords)
        if not units:
            return
        min_words = int(ctx.options["min_prose_words"])
        min_density = float(ctx.options["min_stopword_density"])
        icons: list[tuple[int, re.Match[str]]] = []
        for n, unit in enumerate(units):
            edge = n < 3 or n >= len(units) - 3
            _classify(doc, unit, patterns, min_words, min_density, edge)
            for p in patterns:
                if p.strength == "icon":
                    m = p.regex.match(unit.text)
                    if m and m.group(0)[0].isupper():
                        icons.append((n, m))
        _propagate(units)

        n = 0
        while n < len(units):
            if units[n].label != "bad":
                n += 1
                continue
            m = n
            while m + 1 < len(units) and units[m + 1].label == "bad":
                m += 1
            run = units[n : m + 1]
            kinds = [u.kind for u in run if u.kind]
            kind = min(kinds, key=lambda k: (-kinds.count(k), _KIND_PRIORITY.index(k))) if kinds else "page"
            shown = " / ".join(u.text.strip()[:30] for u in run[:3]) + (" / ..." if len(run) > 3 else "")
            lines = "line" if len(run) == 1 else f"{len(run)} lines"
            yield ctx.diagnostic(
                run[0].start, run[-1].end,
                f"page chrome ({kind.replace('-', ' ')}), not part of the document: {lines} ({shown!r})",
                rule=f"{self.id}/{kind}",
                properties={"kind": kind, "lines": len(run)},
            )
            n = m + 1

        for n, m in icons:
            prev_bad = n > 0 and units[n - 1].label == "bad"
            if not prev_bad or units[n].label == "bad":
                continue
            start = units[n].start + m.start()
            end = units[n].start + len(m.group(0).rstrip())
            yield ctx.diagnostic(
                start, end,
                f"forum icon label {doc.text[start:end]!r} glued in front of the title",
                rule=f"{self.id}/forum-icon",
                fix=Fix((Edit(start, units[n].start + m.end(), ""),), safe=False,
                        description="delete the icon label"),
                properties={"kind": "forum-icon"},
            )


def _units(doc: Document, stopwords: frozenset[str]) -> list[_Unit]:
    units = []
    for block in doc.blocks:
        if block.kind == "code":
            continue
        pos = block.start
        for line in doc.prose[block.start : block.end].splitlines(keepends=True):
            s, e = pos, pos + len(line)
            pos = e
            while s < e and doc.prose[s].isspace():
                s += 1
            while e > s and doc.prose[e - 1].isspace():
                e -= 1
            if s >= e:
                continue
            text = " ".join(doc.prose[s:e].split())
            words = [w.lower() for w in WORD_RE.findall(text)]
            n_words = len(words) + len(_CJK.findall(text)) // 2
            density = sum(map(stopwords.__contains__, words)) / len(words) if words else 0.0
            units.append(_Unit(s, e, text, n_words, density, ends_sentence(text, clause=":;,", closer_ends=True)))
    return units


def _classify(doc: Document, unit: _Unit, patterns: list[_Pattern], min_words: int, min_density: float,
              edge: bool) -> None:
    text = unit.text.strip(_TRIM)
    prose_like = unit.words >= min_words and unit.stop_density >= min_density
    strong = weak = ""
    line = text.rstrip(".!:;,")
    any_full = bool(text) and (_ANY_FULL is None or _ANY_FULL.fullmatch(line) is not None)
    for p in patterns:
        if p.strength == "icon":
            continue
        if p.full:
            hit = any_full and p.regex.fullmatch(line) is not None
        else:
            hit = unit.words <= p.max_words and p.regex.search(unit.text) is not None
        if hit and p.strength == "strong" and not p.full and prose_like and not (
                edge and _SELF_REF is not None and _SELF_REF.search(unit.text)):
            # A sentence that mentions cookies or machine translation in the middle of the text
            # is prose about them; banners and notices sit at the top or the bottom.
            hit = False
        if hit and p.strength == "strong" and not strong:
            strong = p.kind
        elif hit and p.strength == "weak" and not weak:
            weak = p.kind
    if strong:
        unit.label, unit.kind = "bad", strong
        return
    if prose_like:
        unit.label = "good"
        return
    raw = doc.text[unit.start : unit.end]
    markup_share = 1 - len(unit.text.replace(" ", "")) / max(1, len(raw.replace(" ", "")))
    tokens = unit.text.split()
    numeric = sum(1 for t in tokens if _NUMBER.fullmatch(t.strip(".,:;()"))) / max(1, len(tokens))
    if weak or (unit.words <= 8 and (markup_share > 0.5 or numeric > 0.5)):
        unit.label, unit.kind = "weak", weak or "page"
    elif unit.words <= 6 and not unit.terminal and unit.stop_density < 0.34:
        unit.label = "short"
    else:
        unit.label = "neargood"


def _propagate(units: list[_Unit]) -> None:
    changed = True
    while changed:
        changed = False
        for n, unit in enumerate(units):
            if unit.label not in ("weak", "short"):
                continue
            prev = units[n - 1].label if n > 0 else "edge"
            nxt = units[n + 1].label if n + 1 < len(units) else "edge"
            if unit.label == "weak":
                becomes = "bad" in (prev, nxt)
            else:
                becomes = (prev, nxt) in (("bad", "bad"), ("bad", "edge"), ("edge", "bad"))
            if becomes:
                unit.label = "bad"
                unit.kind = unit.kind or ""
                changed = True


RULES = (Boilerplate,)

"""A statement's claim tokens (numbers as written, words) and the markers read from them: figures and
month names, an opening lead, quoted words, attribution to someone else."""

from __future__ import annotations

import re

from prose_lint.analysis import TOKEN_RE as _TOKEN
from prose_lint.lexicon import load_lexicon

from .assertions import _QUOTE_RE, _QUOTES, _noun_use
from .events import _YEAR
from .lexicon import _lexicon
from .sentences import _Sent


# A claim's token: a number as written ("4,000", "20.38") or a TOKEN_RE token (words, codes, % $ € £).
_CLAIM_TOKEN = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w])|(?<![\w.,])\d+\.\d+(?![\w])|"
                          + _TOKEN.pattern)
# Numbers, and a decade written as its first year ("the 1850s", "the 2010s"): a figure, never a year (_YEAR).
_NUM = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$|^(?:1[5-9]|20)\d0s$")
# Number words, months and weekdays: rules/lexicons/numbers.toml (small: read at import). Number words written with a
# hyphen are one token, so the compound cardinals ("forty-two") and the fractions ("two-thirds",
# "three-quarters", "one-half") are built here, as English spells them out (CGEL 5.7; Chicago 9.6, 9.14).
# Without them a figure written out in words ("forty-two barges" / "fifty-six barges") was no figure at all.
_NUMBERS = load_lexicon("numbers")
_WORD_NUM: dict[str, float] = {w: i for i, w in enumerate(_NUMBERS["cardinals"])}
_WORD_NUM.update(_NUMBERS["tens"])
_WORD_NUM.update(_NUMBERS["other"])
_UNITS = {w: _WORD_NUM[w] for w in "one two three four five six seven eight nine".split()}
_WORD_NUM.update({f"{t}-{u}": _WORD_NUM[t] + v for t in _NUMBERS["tens"] | {"twenty": 20} for u, v in _UNITS.items()})
_DENOMINATORS = dict(_NUMBERS["denominators"])
_WORD_NUM.update({f"{n}-{d}": v / k for n, v in {**_UNITS, "ten": 10}.items() for d, k in _DENOMINATORS.items()
                  if v < k})
_MONTHS = frozenset(_NUMBERS["months"] + _NUMBERS["weekdays"])
_NEG_TOKENS = frozenset({"not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without", "cannot",
                         "nowhere"})
# The auxiliary a negative contraction negates ("wouldn't" is "would" denied): two statements that differ only
# by the negation share their modal ("would" / "wouldn't") and their tense ("will" / "won't").
_CONTRACTED = {"won't": "will", "can't": "can", "cannot": "can", "shan't": "shall", "ain't": "is"}


def positive_form(token: str) -> str:
    """The auxiliary of a negative contraction ("couldn't" -> "could", "won't" -> "will"); other tokens as they
    are (case kept: "Couldn't" -> "Could")."""
    low = token.lower()
    if low in _CONTRACTED:
        base = _CONTRACTED[low]
        return base.capitalize() if token[:1].isupper() else base
    return token[:-3] if low.endswith("n't") and len(low) > 4 else token


_DIGIT = re.compile(r"\d")


def _claim_tokens(s: _Sent) -> list[str]:
    if s.claim is None:
        # "%" is the word "percent" written as a sign ("68%" restates "68 percent"). Without a digit the
        # number alternatives of _CLAIM_TOKEN cannot match: its tokens are the sentence's own (no second scan).
        toks = s.tokens if _DIGIT.search(s.text) is None else \
            [t.lower().replace("’", "'") for t in _CLAIM_TOKEN.findall(s.text)]
        s.claim = [t if t != "%" else "percent" for t in toks]
        if not _DATE_CUES.isdisjoint(s.claim):
            s.claim = _date_ordinals(s.claim, s)
        if not _FRACTIONS.keys().isdisjoint(s.claim):
            s.claim = _fractions(s.claim)
    return s.claim


# A day of the month or a century written as an ordinal is a figure of a date: "July 4th", "the fourth of March",
# "the 3rd of May", "the twelfth century". Only beside a month name or "century": elsewhere an ordinal ranks
# ("the fourth session", "the 5th Regiment") and a changed rank names another member, not another date.
_MONTH_NAMES = frozenset(_NUMBERS["months"])
_DATE_CUES = _MONTH_NAMES | {"century", "centuries"}
_ORDINALS = {w: i + 1 for i, w in enumerate(_NUMBERS["ordinals"])}
_ORDINALS.update({f"twenty-{w}": 20 + i + 1 for i, w in enumerate(_NUMBERS["ordinals"][:9])})
_ORDINALS.update(_NUMBERS["day_ordinals"])  # "thirtieth", "thirty-first"
_DIGIT_ORDINAL = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)$")


# "a third of the crop", "one quarter of the land": a fraction written as an ordinal after "a"/"one" and before "of"
# ("a second of" is a time, not a half: left out).
_FRACTIONS = dict(_NUMBERS["fractions"])


def _fractions(toks: list[str]) -> list[str]:
    out = list(toks)
    for i, t in enumerate(toks):
        k = _FRACTIONS.get(t)
        if k and 0 < i < len(toks) - 1 and toks[i - 1] in ("a", "one") and toks[i + 1] == "of":
            out[i] = f"{1 / k:.3f}"
    return out


def _date_ordinals(toks: list[str], s: _Sent) -> list[str]:
    """The claim tokens with each ordinal of a date as its number ("fourth" in "the fourth of March" -> "4")."""
    def month(j: int) -> bool:
        return 0 <= j < len(toks) and toks[j] in _MONTH_NAMES and (toks[j] not in ("may", "march") or
                                                                   s.raw_lower_ok(toks[j]))
    out = list(toks)
    for i, t in enumerate(toks):
        m = _DIGIT_ORDINAL.match(t)
        n = int(m.group(1)) if m else _ORDINALS.get(t)
        if n is None:
            continue
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        if month(i - 1) or month(i + 1) or nxt == "of" and month(i + 2) or \
                nxt in ("century", "centuries") or nxt == "and" and i + 2 < len(toks) and toks[i + 2] in _ORDINALS:
            out[i] = str(n)
    return out


def _is_figure(tok: str) -> bool:
    """_value(tok) is not None, without a regex call for the words (most tokens): a figure opens with a digit."""
    return tok in _WORD_NUM or tok[:1].isdigit() and _NUM.match(tok) is not None


def _value(tok: str) -> float | None:
    if _NUM.match(tok):
        return float(tok.replace(",", "").rstrip("s"))
    return _WORD_NUM.get(tok)


def _attribution(words: set[str], toks: list[str], lex) -> tuple[bool, bool, bool]:
    """Whether a statement is attributed to someone by a reporting verb ("say", "claimed") and by a framing
    word or phrase ("critics", "rumours", "it is often said"), without the author's own discourse markers
    made of the same words ("That said,", "Truth be told,", "Contrary to"); and whether the author reports
    it in the first person ("I say", "we believe"): "Some say the war cannot be won." / "I say the war can be
    won." are two speakers, not one who contradicts himself."""
    joined = " " + " ".join(toks) + " "
    for p in lex["discourse_phrases"]:
        if f" {p} " in joined:
            joined = joined.replace(f" {p} ", " ")
    left = set(joined.split()) & words
    # "states", "claims" as nouns ("two states", "the United States") attribute nothing
    left -= {t for t in left & lex["reporting_nouns"]
             if all(_noun_use(toks, toks, i, lex) for i, w in enumerate(toks) if w == t)}
    reporting = left & lex["reporting"]
    return (bool(reporting),
            not lex["framing"].isdisjoint(left) or any(f" {p} " in joined for p in lex["framing_phrases"]),
            any(w in reporting and i and toks[i - 1] in ("i", "we") for i, w in enumerate(toks)))


# An opening adverbial or marker up to its comma, figures included ("By 2050,"; _OPENING has words only).
_LEAD = re.compile(r"^\W*(?:[^\W_][\w'’-]*\s+){0,4}[^\W_][\w'’-]*\s*,\s")


def _lead(s: _Sent) -> list[str]:
    m = _LEAD.match(s.text)
    return [t.lower().replace("’", "'") for t in _CLAIM_TOKEN.findall(m.group(0))] if m else []


def _drop_lead(toks: list[str], lead: list[str]) -> list[str]:
    return toks[len(lead):] if toks[: len(lead)] == lead else toks


def _approximated(toks: list[str], i: int) -> bool:
    """The figure toks[i] is approximate: "about 40", "at least 40", "an estimated 40"; not "under the 2 button
    mouse" (a word of approximation before a determiner governs the noun phrase, not the figure)."""
    before = toks[max(0, i - 2): i]
    if len(before) == 2 and before[1] in _lexicon()["determiners"]:
        before = before[1:]
    return any(w in _APPROX_WORDS for w in before)


# A figure of four digits, without a comma or a suffix.
_BARE_4 = re.compile(r"^\d{4}$")
# How far apart two figures may be and still be one quantity approximated ("about 4,000" / "4,200"): at most a
# fifth of the larger. Half (the earlier value) reconciled "about 8 years ago" with "around 6 years ago", and a
# changed figure after "more than", "at least", "about" was scored as no contradiction. Resampled planted
# numbers found: tune hosts 187 (half) -> 200 (a fifth) / 199 (a quarter) of 230, wild hosts 34 -> 35 / 33 of
# 45; a fifth costs one finding on the wild grounds ("around 23,000" / "around 18,200" packages, two releases).
APPROXIMATE_SPREAD = 0.2
_APPROX_WORDS = frozenset({"about", "around", "nearly", "almost", "roughly", "approximately", "some", "over",
                           "under", "than", "least", "most", "up", "estimated", "approx", "circa", "c", "ca"})


def _close(a: str, b: str) -> bool:
    """Two figures an approximate wording reconciles ("about 4,000" / "4,200"): years and months always,
    other numbers when they differ by at most APPROXIMATE_SPREAD of the larger ("about 80" / "around 100";
    "about 8 years" / "around 6 years", "at least 113" / "at least 161" disagree)."""
    va, vb = _value(a), _value(b)
    if va is None or vb is None or _YEAR.match(a) or _YEAR.match(b):
        return True
    return abs(va - vb) <= APPROXIMATE_SPREAD * max(abs(va), abs(vb))


def _quoted(s: _Sent) -> set[str]:
    """The claim tokens inside quotation marks (between the first and second mark, the third and fourth...;
    an unclosed mark runs to the end)."""
    if len(_QUOTE_RE.findall(s.text)) < 2 and not s.text.lstrip().startswith(tuple(_QUOTES)):
        return set()
    out: set[str] = set()
    parts = _QUOTE_RE.split(s.text)
    for k, part in enumerate(parts):
        if k % 2 and not (_NAMING.search(parts[k - 1]) and len(part.split()) <= 4):
            out.update(t.lower().replace("’", "'") for t in _CLAIM_TOKEN.findall(part))
    return out


# A name given in quotation marks ('a hardware clock, called the “CMOS clock”'): nobody's words.
_NAMING = re.compile(r"\b(?:called|named|known\s+as|dubbed|termed|labell?ed|titled|entitled|so-called|nicknamed)"
                     r"(?:\s+(?:the|a|an))?\s*$", re.I)


def _quoted_change(s: _Sent, changed, stop) -> bool:
    """A word that differs between the two statements (a content word, a negation, a figure) is inside
    quotation marks in ``s``, or most of ``s`` is: someone else's words. A quoted name or title both
    statements share is not."""
    quoted = _quoted(s)
    if not quoted:
        return False
    if len(quoted) >= 0.5 * len(set(_claim_tokens(s))):
        return True  # direct speech: most of the statement is quoted
    return any(w in quoted and (w not in stop or w in _NEG_TOKENS or w.endswith("n't")) for w in changed)


_PAST = frozenset({"was", "were", "had", "did", "wasn't", "weren't", "hadn't", "didn't"})
_NO_QUANTITY = frozenset({"no", "none", "nothing", "nobody", "nowhere"})
_PRESENT = frozenset({"is", "are", "am", "has", "have", "does", "do", "can", "isn't", "aren't", "hasn't", "haven't",
                      "doesn't", "don't", "can't"})


def _past(tokens: list[str]) -> bool:
    """A statement in a past tense: a past auxiliary, or a past form (-ed) with no present auxiliary ("are
    allowed" is present)."""
    words = set(tokens)
    return bool(_PAST & words) or (not _PRESENT & words and any(w.endswith("ed") and len(w) > 4 for w in words))


_CONDITIONS = frozenset({"if", "unless", "when", "whenever", "once", "where", "wherever", "provided", "should"})


def dropped_lead(e: _Sent, s: _Sent, ta: list[str], tb: list[str], la: list[str], lb: list[str], when, stop) -> bool:
    """The later statement restates the earlier without its opening circumstance ("In the summer of 2009, I
    developed a case of amnesia" / "I didn't develop a case of amnesia"): it has no opening, time word or year
    of its own and keeps the tense, the opening was no condition ("If it rains, the roof leaks": the later is
    the case without it) and is not moved to the end ("... in the summer of 2009")."""
    content = {w for w in la if w not in stop}
    # moved: its content words, or an opening of function words only ("Since then,") as a phrase
    moved = content <= set(tb) if content else f" {' '.join(la)} " in f" {' '.join(tb)} "
    # a time word both say ("my early consulting years") is not the later's own
    return bool(la and not lb and la[0] not in _CONDITIONS and not s.years and when.isdisjoint(set(tb) - set(ta))
                and _past(ta) == _past(tb) and not moved)

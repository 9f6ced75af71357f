"""The training pairs of self-contradiction's pair scorer (scripts/train-contradiction), made from sentences.

``generate(rng, sentences)`` turns each sentence written for the project (scripts/data/contradiction-sentences.txt)
into labelled pairs (earlier, later, label, adjacent) by transformations written here: contradicting pairs
(negation, absolute denial, changed number, changed date, antonym swap, a restructured and negated
restatement, any of these behind a discourse marker, away from the earlier sentence) and as many pairs of the
same shapes that do not contradict (a consistent restatement: synonyms, articles, the same number written
differently; the same change behind reported speech, a hedge, a time shift or quotation marks; the change made
about another thing; a contrast right after the earlier sentence). Seeded by the caller's ``rng``: the same
seed gives the same pairs, in the same order.
"""

from __future__ import annotations

import re

from prose_lint.analysis import stopwords
from prose_lint.checks import contradiction as C

AUX = {"is": "isn't", "are": "aren't", "was": "wasn't", "were": "weren't", "has": "hasn't", "have": "haven't",
       "had": "hadn't", "can": "can't", "will": "won't", "does": "doesn't", "did": "didn't", "could": "couldn't"}
WORDNUM = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen",
           "twenty"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
MARKERS = ["In fact,", "Actually,", "Indeed,", "Frankly,", "In reality,", "As it turns out,", "To be honest,",
           "Honestly,", "Of course,", "In the event,", "Put plainly,", "On reflection,"]
LEADS = ["As noted above,", "Again,", "Once more,", "As we have seen,", "To sum up,", "As said before,"]
REPORTS = ["Some critics argue that", "A local newspaper claimed that", "Rumours suggested that",
           "Several readers believe that", "Opponents insisted that", "One reviewer wrote that",
           "It has been alleged that", "A few observers thought that"]
HEDGES = ["Perhaps", "It is possible that", "If the funding arrives,", "Some day", "It may be that",
          "Should the plan fail,"]
TIMES = ["Ten years later,", "By 2040,", "In the following decade,", "Before the renovation,", "Today,",
         "A century earlier,", "Since then,", "Within a few years,", "By the next census,", "Two years on,"]
SYNONYMS = [("big", "large"), ("large", "big"), ("begin", "start"), ("started", "began"), ("shows", "indicates"),
            ("company", "firm"), ("many", "numerous"), ("uses", "employs"), ("main", "principal"),
            ("built", "constructed"), ("found", "discovered"), ("old", "former"), ("small", "little"),
            ("sells", "offers"), ("people", "persons"), ("every", "each"), ("reached", "arrived at")]
NUM = re.compile(r"\b\d{1,3}(?:,\d{3})+\b|\b\d+(?:\.\d+)?\b")
YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")


def antonym_words() -> dict[str, str]:
    out = {}
    for pair in C._lexicon_raw()["pairs"]["antonyms"]:
        a, b = pair.split("/")
        out.setdefault(a, b)
        out.setdefault(b, a)
    return out


def lc(s: str) -> str:
    return s[0].lower() + s[1:] if s and not s.split()[0].isupper() and not s.startswith(("I ",)) else s


def negate(rng, s: str, absolute: bool = False) -> str | None:
    words = s.split(" ")
    for i, w in enumerate(words[1:], 1):
        if w in AUX:
            if absolute:
                words[i] = w + " never"
            elif rng.random() < 0.4:
                words[i] = AUX[w]
            else:
                words[i] = w + " not"
            out = " ".join(words)
            return out[:-1] + " at all." if absolute and rng.random() < 0.5 else out
    for i, w in enumerate(words[1:], 1):
        if w.endswith("ed") and w.islower() and len(w) > 4:
            words[i] = "never " + w
            return " ".join(words)
    return None


def change_number(rng, s: str) -> str | None:
    ms = [m for m in NUM.finditer(s) if not YEAR.fullmatch(m.group(0))]
    if ms:
        m = rng.choice(ms)
        v = float(m.group(0).replace(",", ""))
        nv = v * rng.choice([0.4, 0.5, 1.5, 2, 3]) + rng.choice([0, 1])
        txt = f"{nv:,.1f}" if "." in m.group(0) else (f"{int(nv):,}" if "," in m.group(0) else str(int(nv)))
        return s[:m.start()] + txt + s[m.end():] if txt != m.group(0) else None
    for w in WORDNUM:
        m = re.search(rf"\b{w}\b", s)
        if m:
            nw = rng.choice([x for x in WORDNUM if x != w])
            return s[:m.start()] + (nw if rng.random() < 0.6 else str(WORDNUM.index(nw) + 2)) + s[m.end():]
    return None


def close_number(rng, s: str) -> str | None:
    """A figure of ``s`` moved by 5-25% (what "about", "nearly", "more than" reconcile)."""
    ms = [m for m in NUM.finditer(s) if not YEAR.fullmatch(m.group(0))]
    if ms:
        m = rng.choice(ms)
        v = float(m.group(0).replace(",", ""))
        nv = v * rng.choice([0.8, 0.9, 0.95, 1.05, 1.1, 1.25])
        txt = f"{nv:,.1f}" if "." in m.group(0) else (f"{round(nv):,}" if "," in m.group(0) else str(round(nv)))
        return s[:m.start()] + txt + s[m.end():] if txt != m.group(0) else None
    return None


def same_number(rng, s: str) -> str | None:
    for w in WORDNUM:
        m = re.search(rf"\b{w}\b", s)
        if m:
            return s[:m.start()] + str(WORDNUM.index(w) + 2) + s[m.end():]
    m = re.search(r"\b(\d{1,3}),(\d{3})\b", s)
    if m:
        return s[:m.start()] + m.group(1) + m.group(2) + s[m.end():]
    m = re.search(r"\b(\d+) percent\b", s)
    if m:
        return s[:m.start()] + m.group(1) + "%" + s[m.end():]
    return None


def change_date(rng, s: str) -> str | None:
    m = YEAR.search(s)
    if m:
        return s[:m.start()] + str(int(m.group(0)) + rng.choice([-20, -7, -3, 2, 5, 11])) + s[m.end():]
    for mo in MONTHS:
        if re.search(rf"\b{mo}\b", s):
            return re.sub(rf"\b{mo}\b", rng.choice([x for x in MONTHS if x != mo]), s, count=1)
    return None


def swap_antonym(rng, s: str, ants: dict[str, str]) -> str | None:
    words = s.split(" ")
    idx = [i for i, w in enumerate(words) if w.strip(".,").lower() in ants]
    if not idx:
        return None
    i = rng.choice(idx)
    w = words[i].strip(".,")
    a = ants[w.lower()]
    a = a.capitalize() if w[0].isupper() else a
    words[i] = words[i].replace(w, a)
    return " ".join(words)


def restructure(s: str) -> str | None:
    m = re.match(r"^((?:In|During|After|By|Before|On)\b[^,]{3,40}),\s+(.+)\.$", s)
    if m:
        return m.group(2)[0].upper() + m.group(2)[1:] + " " + m.group(1)[0].lower() + m.group(1)[1:] + "."
    m = re.match(r"^(.+?)\s+((?:in|during|on|at|after)\s+(?:the\s+)?[^,]{3,30})\.$", s)
    if m and len(m.group(1).split()) >= 4:
        return m.group(2)[0].upper() + m.group(2)[1:] + ", " + lc(m.group(1)) + "."
    return None


def synonym(rng, s: str) -> str | None:
    opts = [(a, b) for a, b in SYNONYMS if re.search(rf"\b{a}\b", s)]
    if opts:
        a, b = rng.choice(opts)
        return re.sub(rf"\b{a}\b", b, s, count=1)
    if " a " in s:
        return s.replace(" a ", " the ", 1)
    if " the " in s:
        return s.replace(" the ", " a ", 1)
    return None


def other_thing(rng, s: str, pool: list[str]) -> str:
    """Replace the last content word before the verb-ish middle with a word of another sentence."""
    stop = stopwords()
    words = s.split(" ")
    idx = [i for i, w in enumerate(words) if w.strip(".,").lower() not in stop and w.strip(".,").isalpha()
           and len(w) > 3 and i > 0]
    donor = [w.strip(".,").lower() for w in rng.choice(pool).split() if w.strip(".,").isalpha() and len(w) > 4
             and w.strip(".,").lower() not in stop]
    if idx and donor:
        for i in rng.sample(idx, min(2, len(idx))):
            words[i] = rng.choice(donor) + ("." if words[i].endswith(".") else "")
    return " ".join(words)


def changes(rng, s: str, ants) -> list[tuple[str, str]]:
    out = []
    for kind, fn in (("negation", lambda: negate(rng, s)), ("absolute", lambda: negate(rng, s, True)),
                     ("number", lambda: change_number(rng, s)), ("date", lambda: change_date(rng, s)),
                     ("antonym", lambda: swap_antonym(rng, s, ants))):
        t = fn()
        if t and t != s:
            out.append((kind, t))
    return out


def generate(rng, sentences: list[str]) -> list[tuple[str, str, int, bool]]:
    """(earlier, later, label, adjacent)."""
    ants = antonym_words()
    pairs = []
    for s in sentences:
        ch = changes(rng, s, ants)
        for kind, t in ch:
            pairs.append((s, t, 1, False))
            pairs.append((s, rng.choice(MARKERS) + " " + lc(t), 1, False))
            pairs.append((t, s, 1, False))  # the earlier one may be the negated one
            # the same change, not the author's claim or not the same time or thing
            pairs.append((s, rng.choice(REPORTS) + " " + lc(t), 0, False))
            pairs.append((s, rng.choice(HEDGES) + " " + lc(t), 0, False))
            pairs.append((s, rng.choice(TIMES) + " " + lc(t), 0, False))
            pairs.append((s, other_thing(rng, t, sentences), 0, False))
            pairs.append((s, "“" + t + "”", 0, False))
            pairs.append((s, rng.choice(["However,", "But", "Yet", "Still,"]) + " " + lc(t), 0, True))
        # the later statement restates (and denies) only the first clause of the earlier one
        m = re.match(r"^(.{25,}?)(?:,| and | which | but | after | before )", s)
        if m:
            part = m.group(1).rstrip(",") + "."
            n = negate(rng, part, absolute=rng.random() < 0.4)
            if n:
                pairs.append((s, n, 1, False))
                pairs.append((s, rng.choice(REPORTS) + " " + lc(n), 0, False))
                pairs.append((s, other_thing(rng, n, sentences), 0, False))
        # an approximate figure against an exact one close to it ("about 4,200" after "4,000")
        cn = close_number(rng, s)
        if cn:
            pairs.append((s, NUM.sub(lambda m: rng.choice(["about ", "more than ", "nearly ", "some "]) + m.group(0),
                                     cn, count=1), 0, False))
        r = restructure(s)
        if r:
            n = negate(rng, r)
            if n:
                pairs.append((s, n, 1, False))
            pairs.append((s, r, 0, False))
        for _ in range(2):
            v = synonym(rng, s) or s
            v2 = same_number(rng, v) or v
            pairs.append((s, rng.choice(LEADS + [""]) + " " + lc(v2) if rng.random() < 0.5 else v2, 0, False))
    return [(a, b.strip(), y, adj) for a, b, y, adj in pairs]

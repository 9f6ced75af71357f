"""Absolute denials ("there have never been any X", "At no point did ...", "not a single X") and the earlier
plain statement that asserts what they deny (explicit._denied_earlier finds it and reports the pair)."""

from __future__ import annotations

import re

from prose_lint.analysis import TOKEN_RE as _TOKEN

from .assertions import _usable
from .lexicon import _irregular, _lexicon, _stem, claim_stopwords
from .openings import _opening
from .sentences import _Sent


_DENIAL = re.compile(
    r"\b(?:(?:at\s+no\s+(?:point|time|stage)\s+(?:(?P<inv>has|have|had|did|does|do|will)\s+|(?:was|were|is|are)\s+)?"
    r"|^\W*never\s+(?P<inv2>has|have|had|did|does|do|will|was|were)\s+)"
    r"(?:there\s+)?(?:(?:ever|been)\s+)*(?:any\s+)?"
    r"|there\s+(?:(?:is|are|was|were|will\s+be)\s+(?:never\s+(?:any\s+)?|no\s+)|(?:has|have|had)\s+never\s+been\s+"
    r"(?:any\s+|no\s+)?|(?:has|have|had)\s+been\s+no\s+)"
    r"|\b(?:has|have|had)\s+never\s+(?!been\b)(?P<verb>[a-z]+)\s+any\s+"
    # "The kernel has no database at all": a possession denied outright ("at all"/"whatsoever" in the tail)
    r"|\b(?P<have>has|have|had)\s+no\s+"
    r"|\bno\s+(?P<x>(?:[^\W\d_]+\s+){0,3}?)(?:is|are|was|were|has|have|had|did|do|does|will|could|can)\s+"
    r"(?:ever|at\s+any\s+(?:point|time))\s+(?:been\s+)?"
    # general wordings of the same claim (2026-11-30): "not a single X ...", "none of the X were ...", "nobody
    # has ever ...", "S never V-ed a single X", "S has not V-ed a single X".
    # (not after a copula: "GRUB is not a single bootloader" says what it is)
    r"|(?<!\bis\s)(?<!\bwas\s)(?<!\bare\s)(?<!\bwere\s)(?<!\bbe\s)(?<!\bbeen\s)"
    r"\bnot\s+(?:a\s+single|one\s+single|even\s+one)\s+"
    r"|\bnone\s+of\s+(?:the|its|their|our|these|those|his|her|my|your)\s+(?P<x2>(?:[^\W\d_]+\s+){0,3}?)"
    r"(?:is|are|was|were|has|have|had|did|do|does|will|could|can)\s+(?:ever\s+)?(?:been\s+)?"
    r"|\b(?:nobody|no\s+one)\s+(?:(?:has|have|had|did|was|is|will)\s+)?ever\s+"
    # ("does not start any service" is a plain negation; "never ... any" and "not ... a single" are absolute)
    r"|\b(?:(?:has|have|had|did|does|do)\s+not\s+(?P<verb2>[a-z]+)\s+(?:(?:away|up|down|out|off|back)\s+)?"
    r"(?:a\s+single|one\s+single|even\s+one)"
    r"|never(?:\s+once)?\s+(?P<verb3>[a-z]+)\s+(?:(?:away|up|down|out|off|back)\s+)?(?:a\s+single|one\s+single|"
    r"even\s+one|any))\s+"
    r")(?P<phrase>[^\W\d_][^,;:.!?()\"“”]*)", re.I)
_CLAUSE_END = re.compile(r"\s(?:and|but|because|which|that|since|when|where|while|although|though|so|or|as|"
                         r"until|unless|if)\s", re.I)
_DENIAL_WORDS = frozenset({"point", "stage", "whatsoever", "officially", "actually", "really", "truly"})
_EXISTENCE_BEFORE = frozenset({"is", "are", "was", "were", "been", "be", "has", "have", "had", "also", "already",
                               "a", "an", "some", "many", "several", "other", "few", "the", "these", "those"})


def _denials(s: _Sent) -> list[tuple[list[str], set[str]]]:
    """(the denied phrase's content stems in order, the subject's content stems) of each absolute denial."""
    if not _ABSOLUTE_HINT.search(s.text):
        return []
    stop = claim_stopwords()
    out = []
    for m in _DENIAL.finditer(s.text):
        tail = m.group("phrase")
        # Negative inversion ("At no point did my wife and I create any list", "Never has the town ..."):
        # the subject comes first and may be coordinated; the clause ends after it.
        skip = len(" ".join(tail.split()[:4])) if m.group("inv") or m.group("inv2") else 0
        cut = _CLAUSE_END.search(" " + tail + " ", skip)
        if cut:
            tail = tail[: max(0, cut.start() - 1)]
        # Absolute in the denied clause itself: "for any condition" after "there is no evidence that ..."
        # belongs to another clause.
        denial = m.group(0)[: m.start("phrase") - m.start()] + tail
        if not re.search(r"\b(?:never|ever|any|single|none|even\s+one)\b|\bno\s+(?:point|time|stage)\b", denial,
                         re.I) and \
                not re.search(r"\b(?:at\s+all|whatsoever)\b", tail, re.I):
            continue  # "there is no need": not absolute
        tail = re.sub(r"\b(?:at\s+all|whatsoever|ever)\b", " ", tail, flags=re.I)
        verb = m.group("verb") or m.group("verb2") or m.group("verb3") or m.group("have")
        if verb and verb.lower() in stop and verb.lower() not in _AUXILIARIES and not _verb_form(verb.lower()):
            continue  # "are never in any other format": a preposition, not the verb of the denial
        words = (m.group("x") or m.group("x2") or "").split() + ([verb] if verb else []) + _TOKEN.findall(tail)[:8]
        phrase = []
        for w in words:
            w = w.lower().replace("’", "'")
            if w in stop or len(w) < 3 or w.isdigit() or w in _DENIAL_WORDS:
                continue
            st = _stem(w)
            if st not in phrase:
                phrase.append(st)
        if not phrase:
            continue
        if len(phrase) < 2 and (m.group("verb2") or m.group("verb3") or _GENERAL_DENIAL.match(m.group(0))):
            continue  # the general wordings deny one word too loosely ("because nobody ever eats them")
        head = s.text[: m.start()]
        subject = {_stem(t.lower()) for t in _TOKEN.findall(head)[-4:] if t.lower() not in stop and len(t) > 2
                   and not t.isdigit()} if verb else set()
        out.append((phrase, subject - {_stem(w) for w in _opening(s)}))
    return out


def _verb_form(word: str) -> bool:
    """A past form among the stop words ("found", "made", "done"): an irregular one of the lexicon's table
    (rules/lexicons/contradiction.toml [irregular]) or a regular one."""
    return word in _irregular() or word.endswith("ed")


_GENERAL_DENIAL = re.compile(r"(?:not|none|nobody|no\s+one)\b", re.I)
_AUXILIARIES = frozenset({"had", "has", "have", "did", "does", "do", "was", "were", "is", "are", "been"})
_ABSOLUTE_HINT = re.compile(r"\b(?:never|ever|no|not|none)\b", re.I)


_CLAUSES = re.compile(r",\s+(?:but|and|while|whereas|although|though|yet)\s+|;\s+", re.I)


def _plain_clause(e: _Sent, first: str) -> bool:
    """The clause of ``e`` that holds the phrase's first word is a plain assertion, though another clause is
    reported or hedged ("Apache is probably the best-known web server, but there are others")."""
    parts = _CLAUSES.split(e.text)
    if len(parts) < 2:
        return False
    lex = _lexicon()
    for part in parts:
        raw = _TOKEN.findall(part)
        toks = [r.lower().replace("’", "'") for r in raw]
        if any(_stem(w) == first for w in toks):
            return len(toks) >= 3 and _usable(part, toks, raw, lex)
    return False


def _negated_near(s: _Sent, word: str) -> bool:
    i = s.tokens.index(word)
    return any(w in _lexicon()["negators"] or w.endswith("n't") for w in s.tokens[max(0, i - 4): i])

"""The explicit tests that need no pair scorer: an absolute claim of absence ("X-free", "no X at all"), an
absolute denial ("there have never been any X"), "no effect on Y" after "X raised Y", two years for one
founding/birth/death."""

from __future__ import annotations

import math
import re

from prose_lint.analysis import TOKEN_RE as _TOKEN

from .alignment import _EVER
from .assertions import _count_negations
from .candidates import _candidates
from .changes import changed_earlier, no_change_subject
from .claims import _NEG_TOKENS, _quoted
from .denials import _EXISTENCE_BEFORE, _denials, _negated_near, _plain_clause
from .events import pronoun_subject, same_time
from .exclusive import exclusive_claim, exclusive_earlier, only_also, others_earlier
from .filters import DISABLED
from .lexicon import _lexicon, _stem
from .periods import deictic_periods
from .sentences import _Sent


_FREE = re.compile(r"\b([^\W\d_]+)[-‐](?:free)\b", re.I)
_FREE_OF = re.compile(r"\bfree\s+(?:of|from)\s+(?:all\s+|any\s+)?([^\W\d_]+)", re.I)
_NO_AT_ALL = re.compile(r"\b(?:there\s+(?:is|are|was|were)\s+no|has\s+no|have\s+had\s+no|has\s+had\s+no|have\s+no|"
                        r"had\s+no|without\s+any)\s+([^\W\d_]+)(?:\s+([^\W\d_]+))?", re.I)
_NEVER = re.compile(r"\b(?:has|have|had)\s+never\s+(?:had|experienced|faced|seen|suffered(?:\s+from)?|known)\s+(?:any\s+)?"
                    r"([^\W\d_]+)", re.I)
_ERADICATED = re.compile(r"\b(?:completely|totally|entirely|fully)\s+(?:eradicated|eliminated|wiped\s+out|ended|"
                         r"rooted\s+out|defeated)\s+(?:the\s+|all\s+)?([^\W\d_]+)", re.I)
_ERADICATED_ADVERBS = frozenset({"completely", "totally", "entirely", "fully"})
_NULL_EFFECT = re.compile(
    r"\b(?:had|has|have|having|showed|shows|show|produced|made|with)\s+(?:no|zero|little\s+or\s+no)\s+"
    r"(?:measurable\s+|significant\s+|discernible\s+|real\s+)?(?:effect|impact|influence|difference)\s+"
    r"(?:at\s+all\s+)?(?:on|to|for)\s+(?:the\s+|their\s+|its\s+)?([^\W\d_]+)"
    r"|\b(?:did|does|do)\s+not\s+(?:affect|change|alter|raise|increase|reduce|lower|improve|lift|boost|cut)\s+"
    r"(?:the\s+|their\s+|its\s+)?([^\W\d_]+)", re.I)


def _absolute_claims(s: _Sent, lex) -> list[tuple[str, str]]:
    """(concept stem, kind) of the absolute claims of absence made by ``s``."""
    out = []
    text = s.text
    low = text.lower()
    if "free" not in low and "never" not in low and "without" not in low and "no" not in s.tokens and \
            not any(a in low for a in _ERADICATED_ADVERBS):
        return out  # none of the patterns below can match ("no" between spaces is a token of its own)
    for m in _FREE.finditer(text):
        word = m.group(1).lower()
        if word in lex["free_ignored"] or len(word) < 4:
            continue
        before = text[: m.start()].lower().split()[-3:]
        predicative = any(w in ("is", "are", "was", "were", "be", "become", "became", "remains", "remain")
                          or w in lex["absolute"] for w in before)
        if predicative:
            out.append((_stem(word), f"\"{m.group(0)}\""))
    for rx, kind in ((_FREE_OF, "free of"), (_NEVER, "never"), (_ERADICATED, "eradicated")):
        for m in rx.finditer(text):
            out.append((_stem(m.group(1)), kind))
    for m in _NO_AT_ALL.finditer(text):
        tail = text[m.end(): m.end() + 12].lower()
        absolute = "at all" in text[m.start(): m.end() + 14].lower() or "whatsoever" in tail or \
            any(w in lex["absolute"] for w in s.tokens)
        if absolute:
            out.append((_stem(m.group(1)), "no ... at all"))
    return out


def _mentions(s: _Sent, concept: str, related: set[str]) -> str | None:
    """The word of ``s`` that names the concept (or a close one), if it is not negated."""
    for i, t in enumerate(s.tokens):
        st = _stem(t)
        if st == concept or st in related or (len(concept) > 6 and st.startswith(concept[:6])):
            window = s.tokens[max(0, i - 3): i]
            if any(w in _lexicon()["negators"] or w.endswith("n't") or w in ("against", "counter", "free", "anti", "combat",
                                                                   "combating", "countering", "fight", "fighting",
                                                                   "prevent", "preventing")
                   for w in window):
                continue
            if t.startswith(("counter", "anti")):
                continue
            return t
    return None


def _time_differs(a: _Sent, b: _Sent) -> bool:
    if a.years and b.years and a.years != b.years:
        return True
    return a.time or b.time


def _check_sentence(s: _Sent, sents, index, lex, report, nli_pairs, event_subjects, denials) -> None:
    """The explicit tests on ``s`` against the earlier sentences; ``event_subjects`` and ``denials`` (the earlier
    absolute denials) are the document's running state, updated here."""
    # 1. absolute claim of absence vs. earlier statements that it exists.
    for concept, kind in ([] if s.time else _absolute_claims(s, lex)):
        related = lex["related"].get(concept, set()) | {concept}
        subject = s.entities - related
        about = {t for t in s.content - related if not t.endswith("-free") and t not in lex["absolute"]
                 and t not in ("free", "nation", "country", "place", "area", "entire", "whole", "never")}
        best = None
        for e in _candidates(s, sents, index, related):
            word = _mentions(e, concept, related)
            if not word or e.negated and _negated_near(e, word):
                continue
            score = 1.0 + (0.25 if _stem(word) == concept else 0.0)
            at = e.tokens.index(word)
            near = sum(1 for t in e.tokens[max(0, at - 5): at + 6] if t in lex["existence"])
            score += 1.0 if near or any(t in lex["existence"] for t in e.tokens) else 0.0
            score += 0.5 * min(near, 2)
            # The concept as the subject of the existence predicate ("terrorism has increased").
            score += 0.5 if any(t in lex["existence"] for t in e.tokens[at + 1: at + 6]) else 0.0
            score += 1.0 if subject and subject & (e.entities | e.content) else 0.0
            if subject and not subject & (e.entities | e.content):
                continue
            if not about & e.content:
                continue  # the claim is about something else ("the capital is malaria-free")
            if best is None or score > best[0]:
                best = (score, e)
        if best and best[0] >= 2.5:
            report(s, best[1], f"absolute claim ({kind}) against an earlier statement that it exists",
                   min(1.0, best[0] / 4.5))
            return

    # 1b. an absolute denial ("there have never been any X", "at no point was there any X", "no X was ever
    # Y", "S has never V-ed any X"), also as a clause of a longer sentence, vs. an earlier statement that X
    # exists or happened.
    if "absolute-denial" not in DISABLED:
        found = [] if s.time else _denials(s)
        denials.extend((s.index, phrase, subject) for phrase, subject in found)
        for phrase, subject in found:
            e = _denied_earlier(s, phrase, subject, sents, index)
            if e is not None:
                report(s, e, "an absolute denial of an earlier statement that it exists or happened", 0.8)
                return
        e = _denial_earlier(s, sents, denials) if denials and not found else None
        if e is not None:
            report(s, e, "a statement that it exists or happened against an earlier absolute denial", 0.8)
            return

    # 1c. an exclusive claim ("X is the only N") vs. an earlier statement that there are other N.
    claim = None if s.time else exclusive_claim(s)
    if claim is not None:
        e = others_earlier(s, claim[0], claim[1], sents, index)
        if e is not None:
            report(s, e, "an exclusive claim against an earlier statement that there are others", 0.8)
            return
    e = exclusive_earlier(s, sents, index)
    if e is not None:
        report(s, e, "a statement that there are others against an earlier exclusive claim", 0.8)
        return
    e = only_also(s, sents, index)
    if e is not None:
        report(s, e, "a restriction (\"only\") against a statement that adds another (\"also\")", 0.8)
        return
    subject = [] if s.time or "no-change" in DISABLED else no_change_subject(s)
    e = changed_earlier(s, subject, sents, index) if subject else None
    if e is not None and not (e.years and s.years and e.years != s.years):
        report(s, e, "a statement that it did not change at all against an earlier statement that it changed", 0.8)
        return

    # 2. "no effect on Y" vs. an earlier "X raised Y".
    for m in _NULL_EFFECT.finditer(s.text):
        obj = _stem(m.group(1) or m.group(2))
        subj = {st for st in s.content if st != obj} & _subject_terms(s, m.start())
        for e in _candidates(s, sents, index, [obj]):
            if e.negated or obj not in e.content:
                continue
            if not subj or not _effect_on(e, obj, subj, lex["effect"]):
                continue
            if _time_differs(e, s) and not (e.years and not s.years):
                continue
            report(s, e, "no effect claimed after an effect was stated", 0.85)
            return

    # 3. event years: founding/birth/death of the same subject.
    for event, year, subj in s.events:
        words = [_stem(w) for w, g in lex["events"].items() if g == event]
        for e in _candidates(s, sents, index, words, evidence=True):
            for event2, year2, subj2 in e.events:
                if event2 != event or same_time(year, year2):
                    continue
                known = event_subjects.get(event, set())
                if pronoun_subject(subj) or pronoun_subject(subj2):
                    # "She died in 1953" / "She died in 1961": the same pronoun, and no other named subject of
                    # that event in the document so far; a pronoun against a name: the document's only one.
                    same = (subj == subj2 and len(known) <= 1) or (not pronoun_subject(subj2) and bool(subj2)
                                                                   and known == {subj2})
                else:
                    same = (subj and subj2 and same_event_subject(subj, subj2)) or \
                        (not subj and subj2 and known == {subj2})
                if same:
                    report(s, e, f"a different year for the same {event}", 0.9)
                    return


def same_event_subject(a, b) -> bool:
    """Two subjects of a dated event: stems, or the words of a noun phrase after an opening participle (a
    tuple, sentences._opening_subject) that hold the other's stem; two such phrases must be the same."""
    if isinstance(a, tuple) == isinstance(b, tuple):
        return a == b
    return (b in a) if isinstance(a, tuple) else (a in b)


def _denied_earlier(s: _Sent, phrase: list[str], subject: set[str], sents, index) -> _Sent | None:
    """The latest earlier plain statement that contains the denied phrase (all of a phrase of up to three
    content words, three quarters of a longer one) and the subject, not negated there; a phrase of one word
    must be asserted there ("there were other factors", "were arrested", "a main road"). A statement that is
    not plain only because it quotes a name or a title ("labelled “Anonymous”") counts when the phrase is
    outside the quotation."""
    need = _need(phrase)
    for e in reversed(_candidates(s, sents, index, phrase, min_shared=need, every=True)):
        if e.text != s.text and _asserts(e, phrase, subject):
            return e
    return None


def _need(phrase: list[str]) -> int:
    """How many of a denied phrase's words a statement must hold: all of up to three, three quarters of more."""
    return len(phrase) if len(phrase) <= 3 else math.ceil(0.75 * len(phrase))


def _asserts(e: _Sent, phrase: list[str], subject: set[str]) -> bool:
    """``e`` is a plain statement of the denied phrase (``_denied_earlier``'s test of one sentence)."""
    if not e.prose:
        return False
    if not e.usable and not (e.quoted_only and not any(_stem(t) in phrase for t in _quoted(e))) and \
            not _plain_clause(e, phrase[0]):
        return False  # reported, hedged or quoted where the phrase is
    if subject and not subject <= e.content:
        return False
    at = next((i for i, t in enumerate(e.tokens) if _stem(t) == phrase[0]), None)
    if at is None or _negated_near(e, e.tokens[at]) or e.negated and _count_negations(e.text) and \
            any(w in _NEG_TOKENS for w in e.tokens[max(0, at - 6): at]):
        return False
    other = _lexicon()["other_referent"]
    if any(_stem(t) in phrase and not other.isdisjoint(e.tokens[max(0, i - 3): i]) for i, t in enumerate(e.tokens)):
        return False  # "a strike at the rival factory", "the mainland opposite the island": another one, or nearby
    return len(phrase) > 1 or bool(set(e.tokens[max(0, at - 3): at]) & _EXISTENCE_BEFORE)


def _denial_earlier(s: _Sent, sents, denials: list[tuple[int, list[str], set[str]]]) -> _Sent | None:
    """The latest earlier absolute denial (``denials``: the sentence, its phrase and subject, of those not bound
    to a time) whose phrase this plain statement asserts ("Not a single copy of the first edition has
    survived." ... "A copy of the first edition survives in the British Library."): ``_denied_earlier`` with
    the two statements the other way round."""
    if s.negated or not s.prose:
        return None
    for k, phrase, subject in reversed(denials[-_MAX_DENIALS:]):
        e = sents[k]
        need = _need(phrase)
        # A phrase of one word ("Never have children, only grandchildren.": an imperative read as an inversion)
        # is too loose a match for a statement that came after it.
        if len(phrase) < 2 or e.text == s.text or sum(st in s.content for st in phrase) < need \
                or not _asserts(s, phrase, subject):
            continue
        # A statement of one time against "not a single match this season" speaks of another time; "never",
        # "ever", "at no point" hold at every time.
        pe, ps = deictic_periods(e.tokens), deictic_periods(s.tokens)
        same_period = bool(pe) and pe == ps and not s.time  # "this season" in both: one period
        if (s.time or ps or pe) and not _timeless(e.tokens) and not same_period:
            continue
        return e
    return None


def _timeless(toks: list[str]) -> bool:
    """A denial that holds at every time: "never", "ever", "at no point" (alignment._EVER for the first two)."""
    return not _EVER.isdisjoint(toks) or any(a == "at" and b == "no" and c in ("point", "time", "stage")
                                             for a, b, c in zip(toks, toks[1:], toks[2:]))


_MAX_DENIALS = 60  # the latest denials a statement is held against (as the postings of a term: linear cost)


def _effect_on(e: _Sent, obj: str, subj: set[str], verbs) -> bool:
    """``e`` says that the subject acted on the object: an effect verb among the four words before the object
    ("raised wages", "raised the average wage") and a word of the subject before the verb. The three
    anywhere in the sentence ("the distinction between directories and files causes problems with
    operations") is not a statement of that effect."""
    toks = e.tokens
    for i, t in enumerate(toks):
        if _stem(t) != obj:
            continue
        for j in range(max(0, i - 4), i):
            if toks[j] in verbs and any(_stem(w) in subj for w in toks[:j]):
                return True
    return False


def _subject_terms(s: _Sent, before: int) -> set[str]:
    head = s.text[:before]
    return {_stem(t.lower()) for t in _TOKEN.findall(head)}

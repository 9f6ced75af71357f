"""Names (capitalised words inside a sentence: people, places, organisations) that a run of paragraphs has
and the rest of the document never uses: a different story has different people and places, even when its
subject (football, earnings, flooding) is the document's own."""

from __future__ import annotations

import re
from dataclasses import dataclass

from prose_lint.analysis import stopwords

from .structure import _Unit

# A capitalised word (or acronym) with a lower-case or sentence-internal word before it: the word before
# shows it is not capitalised because it opens a sentence.
_CAP = re.compile(r"(?<=[\w,;)’'\"”]) +([A-Z][A-Za-z’'.-]*[A-Za-z]|[A-Z]{2,})")
_OPENER = re.compile(r"(?:^|[.!?][’'\"”]? +)([A-Z][A-Za-z’'.-]*[A-Za-z])")
_WORD = re.compile(r"[A-Za-z][A-Za-z’'.-]*[A-Za-z]|[A-Za-z]")
# Capitalised inside a sentence in any text, whatever it is about: not evidence of a different story.
_COMMON = frozenset("""i mr mrs ms dr st monday tuesday wednesday thursday friday saturday sunday january
february march april may june july august september october november december""".split())
MIN_MENTIONS = 4  # a block with fewer name mentions gives no evidence either way (score 0)
RECURRING = 4  # mentions of novel names that recur in the block for full evidence
GONE_EVIDENCE = 2.0  # paragraphs of the block expected to name the rest's recurring names, for full evidence


@dataclass
class _Names:
    """Per body unit: its names (lower case); per word (lower case): the first and last body unit that
    uses it in any case, headings and date lines counted with the body unit after them."""

    names: list[list[str]]
    first: dict[str, int]
    last: dict[str, int]
    recurring: list[list[int]]  # per name used in two or more body units (any case): those units, sorted

    @classmethod
    def of(cls, units: list[_Unit], body: list[int]) -> "_Names":
        stop = stopwords()
        m = len(body)
        pos, j = [], 0
        for k in range(len(units)):  # a unit belongs to the next body unit (a headline to its article)
            while j < m and body[j] < k:
                j += 1
            pos.append(j)
        first: dict[str, int] = {}
        last: dict[str, int] = {}
        words_of: list[set[str]] = [set() for _ in range(m + 1)]
        unit_words = [set(_WORD.findall(u.text)) for u in units]  # each distinct word once per unit
        keyed: dict[str, str] = {}
        for k, ws in enumerate(unit_words):
            p = pos[k]
            for w in ws:
                lw = keyed.get(w)
                if lw is None:
                    lw = keyed[w] = _key(w)
                words_of[p].add(lw)
                if p < first.get(lw, m + 1):
                    first[lw] = p
                if p > last.get(lw, -1):
                    last[lw] = p
        names = []
        for i in body:
            found = []
            for w in _CAP.findall(units[i].text):
                lw = _key(w)
                if len(lw) > 1 and lw not in stop and lw not in _COMMON:
                    found.append(lw)
            names.append(found)
        # A name opening a sentence ("Kestrel posted a loss"): a capitalised sentence opener that the
        # document also capitalises inside a sentence and never writes in lower case.
        known = {n for found in names for n in found}
        lower = {w for ws in unit_words for w in ws if w.islower()}
        for r, i in enumerate(body):
            for w in _OPENER.findall(units[i].text):
                lw = _key(w)
                if lw in known and lw not in lower:
                    names[r].append(lw)
        known = {n for found in names for n in found}
        units_of: dict[str, list[int]] = {}
        for p in range(m):
            for n in words_of[p] & known:
                units_of.setdefault(n, []).append(p)
        return cls(names, first, last, [u for u in units_of.values() if len(u) >= 2])

    def novelty(self, a: int, b: int) -> float:
        """The share of the name mentions of body units [a, b) whose name no other unit uses, times how
        much the block repeats those names (a story comes back to its people and places; a passage of a
        speech names countries once each): full at RECURRING mentions of novel names that occur twice or
        more; 0 below MIN_MENTIONS mentions."""
        mentions = 0
        seen: dict[str, int] = {}
        for i in range(a, b):
            for n in self.names[i]:
                mentions += 1
                if self.first[n] >= a and self.last[n] < b:
                    seen[n] = seen.get(n, 0) + 1
        if mentions < MIN_MENTIONS or not seen:
            return 0.0
        recurring = sum(c for c in seen.values() if c >= 2)
        return sum(seen.values()) / mentions * min(1.0, recurring / RECURRING)


    def continuity(self, a: int, b: int) -> float:
        """How far the names the rest of the document keeps coming back to are missing from body units
        [a, b) (entity continuity, as in entity-grid coherence): each name that the rest uses in at least
        two paragraphs and a share p of them is expected in p x (b - a) of the block's paragraphs; the
        share of that expected presence the block lacks, times the evidence (the expected presence, full
        at GONE_EVIDENCE). A section of a speech or a news story's closing paragraphs come back to its
        people, places and institutions; another story pasted after it does not. 0 when the rest has no
        recurring names (a text that names nobody gives no evidence either way)."""
        from bisect import bisect_left

        m = len(self.names)
        rest = m - (b - a)
        if rest <= 0:
            return 0.0
        expected = observed = 0.0
        for units in self.recurring:
            inside = bisect_left(units, b) - bisect_left(units, a)
            outside = len(units) - inside
            if outside < 2:
                continue
            e = outside / rest * (b - a)
            expected += e
            observed += min(e, inside)
        if expected <= 0:
            return 0.0
        return (1.0 - observed / expected) * min(1.0, expected / GONE_EVIDENCE)


def _key(word: str) -> str:
    w = word.lower()
    return w[:-2] if w.endswith(("'s", "’s")) else w.rstrip(".")

"""A statement that something did not change at all ("Home sales have remained completely unchanged", "His
chances did not change at all", "There has never been any change in the fee") against an earlier statement
that the same thing rose, fell, improved or worsened ("Home sales increased 6.8% over last year").
The subject is what precedes the denial (after an opening marker), the verbs of change are every form of
rules/lexicons/contradiction.toml [antonyms] increase and improve; a time or a year in the denial, or two
different years, is no contradiction."""

from __future__ import annotations

import re
from functools import lru_cache

from prose_lint.analysis import TOKEN_RE as _TOKEN

from .candidates import _candidates
from .denials import _negated_near
from .lexicon import _lexicon, _stem, claim_stopwords
from .sentences import _Sent

# The denial of any change must be absolute ("at all", "never", "completely"): a plain "remained unchanged"
# is often a later state after an earlier change, told without a date.
_NO_CHANGE = re.compile(
    r"\s(?:(?:did|does|do|has|have|had)\s+not\s+changed?\s+(?:at\s+all|whatsoever|in\s+the\s+slightest)"
    r"|(?:has|have|had)\s+never\s+(?:\w+\s+)?[a-z]+ed\s+at\s+all"
    r"|(?:has\s+|have\s+|had\s+)?(?:remained|stayed|remains|stays|remain|stay)\s+(?:completely|entirely|totally|"
    r"wholly|exactly)\s+(?:unchanged|the\s+same|flat|constant)"
    r"|(?:was|were|is|are|has\s+been|have\s+been)\s+(?:completely|entirely|totally)\s+(?:flat|unchanged))\b", re.I)
_THERE = re.compile(r"\bthere\s+(?:has|have|had)\s+(?:never\s+been\s+(?:any\s+)?|been\s+no\s+)change\s+"
                    r"(?:at\s+all\s+|whatsoever\s+)?(?:in|to)\s+(?P<subj>[^,.;:!?]+)", re.I)


@lru_cache(maxsize=1)
def change_verbs() -> frozenset[str]:
    """Every form of the verbs of change of rules/lexicons/contradiction.toml [antonyms] increase and improve
    (both sides: "rose", "fell", "improved", "worsened")."""
    return frozenset(w for w, (name, _) in _lexicon()["direction"].items() if name in ("increase", "improve"))


def no_change_subject(s: _Sent) -> list[str]:
    """The content stems of what ``s`` says did not change at all (empty when it says no such thing)."""
    m = _THERE.search(s.text)
    if m:
        words = _TOKEN.findall(m.group("subj"))[:6]
    else:
        m = _NO_CHANGE.search(s.text)
        if m is None:
            return []
        # after an opening marker ("In practice, Kohn ...", "Note: Gloria ...")
        words = _TOKEN.findall(re.split(r"[,:;—–]\s", s.text[: m.start()])[-1])
        if not words or len(words) > 8:
            return []
    stop = claim_stopwords()
    return [st for st in dict.fromkeys(_stem(w.lower()) for w in words if w.lower() not in stop and len(w) > 2)]


def changed_earlier(s: _Sent, subject: list[str], sents, index) -> _Sent | None:
    """The latest earlier statement in which the subject (all its content stems, within the eight words before
    the verb, only auxiliaries and adverbs after its last one) rose, fell, improved or worsened; not negated
    there, not "declined to ..." (a refusal)."""
    verbs = change_verbs()
    stop = claim_stopwords()
    for e in reversed(_candidates(s, sents, index, subject, min_shared=len(subject))):
        if e.text == s.text or not e.prose:
            continue
        for i, t in enumerate(e.tokens):
            if t not in verbs or _negated_near(e, t):
                continue
            if i + 2 < len(e.tokens) and e.tokens[i + 1] == "to" and not e.tokens[i + 2][:1].isdigit() and \
                    e.tokens[i + 2] not in ("a", "an", "the", "its", "their", "about", "around", "nearly"):
                continue  # "declined to say": a refusal, not a fall
            before = [_stem(w) for w in e.tokens[max(0, i - 8): i]]
            if not set(subject) <= set(before):
                continue
            # the verb of that subject: only auxiliaries and adverbs between ("sales have also risen"), not
            # another noun ("the harbour master ... the dredging contract")
            last = max(k for k, st in enumerate(before) if st in subject)
            if all(w in stop or w.endswith("ly") for w in e.tokens[max(0, i - 8) + last + 1: i]):
                return e
    return None

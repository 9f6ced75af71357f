"""An exclusive claim ("Apache is the only web server", "This is the only way to ...", "Only one road leads
into the valley") against a statement that there are others ("... but there are other web servers",
"Another way to ... is ...", "A second road leads into the valley"), whichever comes first."""

from __future__ import annotations

import re


from .candidates import _candidates
from .lexicon import _lexicon, _stem, claim_stopwords
from .periods import occasion_words
from .sentences import _Sent

_ONLY = re.compile(r"\b(?:is|are|was|were|remains|remain)\s+(?:by\s+far\s+)?the\s+only\s+"
                   r"(?P<np>[^\W\d_]+(?:[\s-]+[^\W\d_]+){0,3})", re.I)
# The subject form: "The only road into the valley is the pass" (a name after "the only" is a title: "the
# Only Fools").
_ONLY_SUBJECT = re.compile(r"\W*the\s+only\s+(?P<np>[a-z]+(?:[\s-]+[^\W\d_]+){0,8}?)"
                           r"\s+(?:is|are|was|were|remains)\b", re.I)


# A count of one as the subject: "Only one road leads into the valley", "Just one bridge crosses the river" (not
# "Not only one ...", which the match at the start excludes). The head is the word after "one": without a
# parse, the noun phrase's end is unknown ("one road leads": "leads" is the verb).
_ONLY_ONE = re.compile(r"\W*(?:only|just)\s+one\s+(?P<np>[a-z]+)\b", re.I)


def exclusive_claim(s: _Sent) -> tuple[str, set[str]] | None:
    """(the head noun's stem, the statement's other content stems and names) of "X is the only N", "The only
    N is X" or "Only one N ..."."""
    m = _ONLY.search(s.text) or _ONLY_SUBJECT.match(s.text) or _ONLY_ONE.match(s.text)
    if not m:
        return None
    stop = claim_stopwords()
    head = None
    for w in m.group("np").lower().split():
        if w in stop:
            break
        head = w
    if head is None or head in ("one", "thing", "time", "person"):
        return None
    st = _stem(head)
    return st, (s.content | s.entities) - {st}


def others_earlier(s: _Sent, head: str, rest: set[str], sents, index) -> _Sent | None:
    """The latest earlier plain statement that says there are other or alternative N (or "others" after
    naming N), about the same thing (two more content words shared: one was a false positive in technical
    documentation, "the only remaining implementations" / "alternative evaluation implementations for Python")."""
    others = _lexicon()["others_than_only"]  # "other", "another", "a second", "several", a count
    for e in reversed(_candidates(s, sents, index, [head])):
        if e.text == s.text or not e.prose or e.negated or len(rest & e.content) < 2:
            continue
        toks = e.tokens
        for i, t in enumerate(toks):
            if t not in others or t == "second" and (i == 0 or toks[i - 1] != "a"):
                continue  # "a second entrance" is one more; "the second reason" counts another list
            after = toks[i + 1: i + 4]
            if any(_stem(w) == head for w in after) or t in ("others", "alternatives") and \
                    (_stem(t) == head or any(_stem(w) == head for w in toks[:i])):
                return e
    return None


def exclusive_earlier(s: _Sent, sents, index) -> _Sent | None:
    """The latest earlier exclusive claim (``exclusive_claim``) that this plain statement contradicts by saying
    there are other N ("A second road leads into the valley" after "Only one road leads into the valley"):
    the same test as ``others_earlier``, the two statements the other way round."""
    if not s.prose or s.negated or s.time:
        return None
    others = _lexicon()["others_than_only"]
    toks = s.tokens
    heads = set()
    for i, t in enumerate(toks):
        if t in others and not (t == "second" and (i == 0 or toks[i - 1] != "a")) and t not in ("others", "alternatives"):
            heads.update(_stem(w) for w in toks[i + 1: i + 4])
    if not heads:
        return None
    for e in reversed(_candidates(s, sents, index, sorted(heads))):
        if e.text == s.text or e.time:
            continue
        claim = e.lazy.get("exclusive", False)
        if claim is False:  # each earlier sentence is parsed once, however many statements look back at it
            claim = e.lazy["exclusive"] = exclusive_claim(e)
        if claim is not None and claim[0] in heads and len(claim[1] & s.content) >= 2:
            return e
    return None


# "The API accepts only JSON" / "The API also accepts XML": a verb restricted to one object, and the same subject
# and verb with "also" (or "as well", "too") and another object. The verb is a word of 3+ letters before "only"
# that is no stop word (a copula or an auxiliary: "is only one", "can only be") and no adverb; the object is the
# next word.
_VERB_ONLY = re.compile(r"\b(?P<verb>[a-z]{3,})\s+only\s+(?P<obj>[^\W\d_]{2,})", re.I)


def _adds(toks: list[str]) -> bool:
    """"also", "too" or "as well" among the tokens."""
    return "also" in toks or "too" in toks or any(a == "as" and b == "well" for a, b in zip(toks, toks[1:]))


def _verb_only(s: _Sent) -> tuple[str, str, set[str]] | None:
    """(verb stem, object stem, subject stems) of "S V only X"."""
    if "only" not in s.tokens:
        return None
    m = _VERB_ONLY.search(s.text)
    stop = claim_stopwords()
    if not m or m.group("verb").lower() in stop or m.group("verb").lower().endswith("ly"):
        return None
    head = [t.lower() for t in re.findall(r"[^\W\d_]+", s.text[: m.start()])][-4:]
    subject = {_stem(t) for t in head if t not in stop and len(t) > 2}
    if not subject:
        return None
    return _stem(m.group("verb").lower()), _stem(m.group("obj").lower()), subject


def _adds_another(s: _Sent, verb: str, obj: str, subject: set[str]) -> bool:
    """``s`` says the subject also does the verb to something else: "also" before the verb (or "as well"/"too"
    after its object), the subject's words before the verb, and not the restricted object."""
    toks = s.tokens
    if not _adds(toks) or s.negated or "only" in toks:
        return False
    for i, t in enumerate(toks):
        if _stem(t) != verb or i == 0:
            continue
        before = {_stem(w) for w in toks[max(0, i - 5): i]}
        after = [_stem(w) for w in toks[i + 1: i + 4]]
        if subject <= before and obj not in after and (toks[i - 1] == "also" or "also" not in toks):
            return True
    return False


def only_also(s: _Sent, sents, index) -> _Sent | None:
    """The latest earlier statement that this one contradicts by an exclusive "S V only X" against "S also V Y",
    whichever comes first."""
    if not s.prose or s.time:
        return None
    mine = s.lazy.get("verb_only", False)
    if mine is False:
        mine = s.lazy["verb_only"] = _verb_only(s)
    if mine is None and not _adds(s.tokens):
        return None  # neither side of the test: the common case, no look-up
    words = sorted(mine[2] | {mine[0]}) if mine else sorted(s.content)
    for e in reversed(_candidates(s, sents, index, words, min_shared=2)):
        if e.text == s.text or not e.prose or e.time:
            continue
        if occasion_words(e.tokens, periods=True) != occasion_words(s.tokens, periods=True):
            continue  # "only passengers in winter" / "In summer ... also cars": two seasons
        if mine is not None:
            if _adds_another(e, *mine):
                return e
            continue
        theirs = e.lazy.get("verb_only", False)
        if theirs is False:
            theirs = e.lazy["verb_only"] = _verb_only(e)
        if theirs is not None and _adds_another(s, *theirs):
            return e
    return None

"""An exclusive claim ("Apache is the only web server", "This is the only way to ...", "Only one road leads
into the valley") against a statement that there are others ("... but there are other web servers",
"Another way to ... is ...", "A second road leads into the valley"), whichever comes first."""

from __future__ import annotations

import re


from .candidates import _candidates
from .lexicon import _lexicon, _stem, claim_stopwords
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

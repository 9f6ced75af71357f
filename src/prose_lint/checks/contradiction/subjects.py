"""What a statement is about, beyond its words: the inline code it names, the names it holds, the list item
or table row it belongs to. Two statements about different things do not contradict each other however
alike their wording ("`o` Octal format: base 8." / "`d` Decimal format: base 10."; "File::Glob has been
upgraded to 1.26." / "File::Find has been upgraded to 1.34.")."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from prose_lint.document import Document

from .openings import _opening
from .filters import DISABLED
from .lexicon import _lexicon, _lexicon_raw, _stem, claim_stopwords
from .assertions import _count_negations
from .sentences import _Sent

_ITEM_KINDS = ("list_item", "table_cell")


@lru_cache(maxsize=None)
def _words_of(key: str) -> frozenset[str]:
    """A word list of the [subjects] table of rules/lexicons/contradiction.toml."""
    return frozenset(_lexicon_raw()["subjects"][key])


@lru_cache(maxsize=1)
def _not_subjects() -> frozenset[str]:
    return frozenset(_stem(w) for w in _words_of("dates"))


def mark_subjects(doc: Document, sents: list[_Sent]) -> None:
    """Each sentence's inline code spans (as written) and its list item (the run of adjacent list items or
    table cells it is in, and its block)."""
    spans = doc.inline_code_spans
    starts = [sp.start for sp in spans]
    runs = _item_runs(doc)
    for s in sents:
        i = bisect_left(starts, s.start)
        codes = set()
        while i < len(spans) and spans[i].start < s.end:
            codes.add(doc.text[spans[i].start:spans[i].end].strip("` ").lower())
            i += 1
        s.codes = frozenset(c for c in codes if c)
        run = runs.get(s.block)
        s.item = (run, s.block) if run is not None else None
        s.section = doc.blocks[s.block].section


def _item_runs(doc: Document) -> dict[int, int]:
    """block index -> the index of the first block of its run of list items / table cells (code blocks
    and other items in between do not end a run; a paragraph or heading does)."""
    out: dict[int, int] = {}
    run = None
    for b in doc.blocks:
        if b.kind in _ITEM_KINDS:
            if run is None:
                run = b.index
            out[b.index] = run
        elif b.kind != "code":
            run = None
    return out


def other_subject(e: _Sent, s: _Sent) -> str:
    """Why ``e`` and ``s`` are about different things ("" when nothing says so): different items of one
    list or rows of one table; inline code that each names and the other does not; a name that each holds
    and the other does not (a name swapped for another, not a name left out); a subject that names what the
    other does not ("Digest::SHA has been upgraded" / "Digest has been upgraded"; "Perl 5.20" / "Perl 5.22");
    a subject that belongs to the other's ("The colonel's nephew" / "The colonel": _possessed);
    two subjects that point back ("It", "This", "These ...") from different sections, each at its own topic;
    two statements without a subject ("Returns the ...") in different paragraphs: definitions of two terms."""
    if "other-item" not in DISABLED and e.item and s.item and e.item[0] == s.item[0] and e.item[1] != s.item[1]:
        return "item"
    if "other-subject" in DISABLED:
        return ""
    if e.codes != s.codes and e.codes - s.codes and s.codes - e.codes:
        return "code"
    only_e = {n for n in e.entities - s.content if n not in _not_subjects()}
    only_s = {n for n in s.entities - e.content if n not in _not_subjects()}
    if only_e and only_s:
        return "name"
    if "other-condition" not in DISABLED and _negated_in_condition_only(e, s):
        return "condition"
    fe, fs = _figures(e), _figures(s)
    if fe != fs:
        gone, new = fe.keys() - fs.keys(), fs.keys() - fe.keys()
        if gone and new and all(fe[f] for f in gone) and all(fs[f] for f in new):
            return "label"  # "fixed [perl #90160]" / "[perl #91880]": other bugs, not another count
    he, hs = _head(e), _head(s)
    if he and hs and he != hs:
        te, ts = _lower_words(e), _lower_words(s)
        if any(_is_name(w) and w.lower() not in ts for w in he) or \
                any(_is_name(w) and w.lower() not in te for w in hs):
            return "name"
    if he and hs and he != hs and "possessor" not in DISABLED and (_possessed(he, hs, _lower_words(s)) or
                                                                   _possessed(hs, he, _lower_words(e))):
        return "possessor"
    if not (he and hs) and "possessor" not in DISABLED and (_possessive_lead(e, s) or _possessive_lead(s, e)):
        return "possessor"
    if he and hs and he[0] in _words_of("pointing") and hs[0] in _words_of("pointing") and e.section != s.section \
            and len(e.content & s.content) < _lexicon_raw()["subjects"]["anaphora_shared"]:
        return "anaphora"
    if e.block != s.block and _subjectless(e) and _subjectless(s):
        return "definition"
    return ""


def _possessed(head: tuple[str, ...], other: tuple[str, ...], other_words: frozenset[str]) -> bool:
    """``head`` names something that belongs to the other statement's subject ("The old colonel's nephew was a
    cowardly man" / "The old colonel was a brave man", "The tenant's son" / "The tenant"): a possessive "X's"
    whose X ends the other subject, followed by a noun the other statement never uses. "The town's
    population" / "The population of the town" name the same thing (the noun is in both)."""
    for k, w in enumerate(head[:-1]):
        if w.endswith(("'s", "’s")) and len(w) > 3 and other and other[-1].lower() == w[:-2].lower():
            nxt = head[k + 1].lower()
            if nxt not in other_words and nxt not in claim_stopwords():
                return True
    return False


def _possessive_lead(a: _Sent, b: _Sent) -> bool:
    """When a subject ends at no verb the rule knows ("The senator's party opposed the bill"): ``a`` opens with
    a possessive "X's Y" in its first four words, ``b`` opens with X, and Y belongs to another thing
    (_possessed): "The senator supported the bill" is about the senator, not the party."""
    words = _words(a)[:6]
    k = next((k for k, w in enumerate(words[:4]) if w.endswith(("'s", "’s"))), None)
    # Y is the first word after the possessive, figures passed over ("Okafor's 24 points" are Okafor's points)
    y = next((w for w in words[k + 1 : k + 3] if not w[0].isdigit()), None) if k is not None else None
    if y is None:
        return False
    lead = words[: k + 1] + [y]
    x = lead[-2][:-2].lower()
    opening = [w.lower() for w in _words(b)[:5]]
    return x in opening and _possessed(tuple(lead), tuple(opening[: opening.index(x) + 1]), _lower_words(b))


# Names as written: a qualified or compound identifier stays one word ("File::Find", "DB_File", "os.path").
_WORD = re.compile(r"[^\W_](?:[\w'’-]*\w)?(?:(?:::|\.|_)\w+)*|\d+(?:\.\d+)*")


def _words(s: _Sent) -> list[str]:
    if s.words is None:
        s.words = _WORD.findall(s.text)
    return s.words


def _lower_words(s: _Sent) -> frozenset[str]:
    if s.lower_words is None:
        s.lower_words = frozenset(w.lower() for w in _words(s))
    return s.lower_words


# A conditional clause, up to the next comma, semicolon or colon ("If X is not present, ...", "Matches if
# the position is not preceded by ...").
_CONDITION = re.compile(r"\b(?:if|unless|when|whenever|whether)\b[^,;:]*", re.I)


def _negated_in_condition_only(e: _Sent, s: _Sent) -> bool:
    """The two statements differ in negation only inside conditional clauses: they state what holds under
    different conditions ("If X is not present, IDLE checks Y" / "if X is present, the file is run")."""
    if e.negations % 2 == s.negations % 2:
        return False
    return _negations_outside(e) % 2 == _negations_outside(s) % 2


def _negations_outside(s: _Sent) -> int:
    if s.negations_outside is None:
        s.negations_outside = _count_negations(_CONDITION.sub(" ", s.text))
    return s.negations_outside


# A figure that names rather than counts: after "#" or "v", an enumerator "(2)" opening the statement, or
# after a capitalised word or a label noun ("Perl 5.22", "version 1.39", "page 179"); rules/lexicons.
_FIGURE = re.compile(r"(?:(?<=\bv)|(?<![\w.,]))\d+(?:[.,_]\d+)*")


def _figures(s: _Sent) -> dict[str, bool]:
    """The statement's figures, each with whether it is a label."""
    if s.figures is None:
        labels = _lexicon()["label_nouns"]
        stop = claim_stopwords()
        out: dict[str, bool] = {}
        text = s.text
        for m in _FIGURE.finditer(text):
            before = text[:m.start()].rstrip()
            prev = before.rsplit(None, 1)[-1].strip("([") if before else ""
            label = text[m.start() - 1: m.start()] in ("#", "v") or \
                (not before.strip("( ") and text[m.end(): m.end() + 1] == ")") or \
                (prev.lower() in labels) or \
                (prev[:1].isupper() and prev.isalpha() and prev.lower() not in stop and prev.lower() not in _words_of("dates"))
            f = m.group(0)
            out[f] = out.get(f, True) and label
        s.figures = out
    return s.figures


# A statement that opens with a verb in -s before a determiner ("Returns the ...", "Removes one SV ...",
# "Causes the resulting RE ...") has no subject: it is the body of a definition and is about its term.
_VERB_OPENING = re.compile(r"\W*(?:May\s+|Can\s+)?([A-Z][a-z]+s)\s+(?:the|a|an|one|its|this|true|false|if|whether|"
                           r"when|all|any|no|nothing|zero)\b")


def _subjectless(s: _Sent) -> bool:
    m = _VERB_OPENING.match(s.text)
    return m is not None and m.group(1).lower() not in _words_of("not_verbs")


def _is_name(w: str) -> bool:
    """In a head: a name (kept as written), or a label ("#5.22")."""
    return w[:1] == "#" or w != w.lower()


def _named(w: str) -> bool:
    """A name whatever its place: a compound identifier ("File::Find", "DB_File") or a word with a capital
    after its first letter ("IDLE", "iPhone")."""
    return (":" in w or "_" in w or "." in w) and not w[0].isdigit() or any(map(str.isupper, w[1:]))


def _head(s: _Sent) -> tuple[str, ...]:
    """The subject as written: the words before the first verb of the [subjects] end_verbs (after an opening adverbial
    up to its comma), at most 6; names (_named, or capitalised after the first word) are kept as written,
    a figure after a capitalised content word is a label ("Perl 5.22", "Version 2.024": "#5.22"), the rest
    lower-cased. () when no such verb ends it. Computed once per sentence (other_subject asks for each pair)."""
    if s.head is None:
        s.head = _find_head(s)
    return s.head


def _find_head(s: _Sent) -> tuple[str, ...]:
    words = _words(s)
    skip = len(_opening(s))
    stop = claim_stopwords()
    out: list[str] = []
    prev = ""
    for k, w in enumerate(words[skip:skip + 7]):
        low = w.lower()
        if low in _words_of("end_verbs") or low.endswith(("n't", "n’t")):
            return tuple(out)
        if w[0].isdigit() and prev[:1].isupper() and prev.lower() not in stop:
            out.append("#" + w)
        elif _named(w) or (k and w[:1].isupper() and len(w) > 1):
            out.append(w)
        else:
            out.append(low)
        prev = w
    return ()

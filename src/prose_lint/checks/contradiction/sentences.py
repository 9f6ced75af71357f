"""Each sentence of a document analysed once: content stems, names, numbers and years, negation, whether it
is the author's own plain assertion, dated events."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from typing import Any

from prose_lint.analysis import TOKEN_RE as _TOKEN  # words, numbers and currency signs
from prose_lint.document import Document

from .assertions import _LET_MARKER, _QUOTE_RE, _count_negations, _exhortation, _usable
from .events import _YEAR, _event_years
from .lexicon import _lexicon, _stem, claim_stopwords


@dataclass
class _Sent:
    index: int
    start: int
    end: int
    text: str
    block: int
    para_pos: int  # sentence number inside its paragraph
    tokens: list[str]  # lower-cased
    raw: list[str]  # as written
    content: set[str] = field(default_factory=set)
    entities: set[str] = field(default_factory=set)
    # Empty by default without a new set each: most sentences have no year, no number, no event.
    years: set[str] | frozenset = frozenset()
    numbers: set[str] | frozenset = frozenset()
    usable: bool = True  # an assertion of the author's own
    time: bool = False  # mentions a time/change marker
    # evidence, quoted_only, contrast_open, negations: read on demand (the properties below); most sentences
    # are never asked (only candidates of a pair are), so _make_sent does not compute them.
    lazy: dict = field(default_factory=dict)
    negations_outside: int | None = None  # the same outside conditional clauses (subjects), on demand
    complete: bool = True  # opens with a capital or a figure and ends with . ! or ?: not a list item's clause
    events: list | tuple = ()  # dated one-time events (_event_years)
    question: bool = False
    exhortation: bool = False  # "Let us ...", "Ask not ...": a call to act, not a statement (_exhortation)
    prose: bool = True  # running prose: not a reference, a citation or a list of figures
    prose_own: bool = True  # ``prose`` before the section's role was applied (for copies of a repeated text)
    claim: list | None = None
    profile: tuple | None = None  # _claim_profile
    opening: list | None = None  # claim tokens for the pair alignment (_claim_tokens), computed on demand
    codes: frozenset = frozenset()  # inline code spans as written (subjects.mark_subjects)
    item: tuple | None = None  # (run of list items / table cells, block) when in one (subjects.mark_subjects)
    section: int = 0  # the document section (subjects.mark_subjects)
    figures: dict | None = None  # figure -> whether it is a label (subjects._figures), on demand
    words: list | None = None  # words as written, compound names whole (subjects._words), on demand
    lower_words: frozenset | None = None  # the words lower-cased (subjects._lower_words), on demand
    head: tuple | None = None  # the subject as written (subjects._head), on demand

    @property
    def evidence(self) -> bool:
        """Usable, or attributed to data rather than to a person (data are cited only with "according")."""
        got = self.lazy.get("evidence")
        if got is None:
            got = self.lazy["evidence"] = self.usable or "according" in self.tokens and \
                _usable(self.text, self.tokens, self.raw, _lexicon(), attributed_data=True)
        return got

    @property
    def quoted_only(self) -> bool:
        """Not usable only because it quotes something (a name, a title, a term)."""
        got = self.lazy.get("quoted_only")
        if got is None:
            got = self.lazy["quoted_only"] = not self.usable and _QUOTE_RE.search(self.text) is not None and \
                _usable(_QUOTE_RE.sub("", self.text), self.tokens, self.raw, _lexicon())
        return got

    @property
    def contrast_open(self) -> bool:
        got = self.lazy.get("contrast_open")
        if got is None:
            got = self.lazy["contrast_open"] = (" " + " ".join(self.tokens) + " ").startswith(_lexicon()["contrast"])
        return got

    @property
    def negations(self) -> int:
        """_count_negations of the text."""
        got = self.lazy.get("negations")
        if got is None:
            got = self.lazy["negations"] = _count_negations(self.text)
        return got

    @property
    def negated(self) -> bool:
        return self.negations > 0

    def raw_lower_ok(self, word: str) -> bool:
        """``word`` (a month name) is written capitalised here, not the verb "may" / "march"."""
        return any(r.lower() == word and r[:1].isupper() for r in self.raw)


def _make_sent(text: str, index: int, start: int, end: int, block: int, pos: int, lex, stop) -> _Sent | None:
    """One sentence's analysis (also used by scripts/train-contradiction on sentences without a document)."""
    raw = _TOKEN.findall(text)
    if len(raw) < 4:
        return None
    toks: list[str] = []
    sent = _Sent(index, start, end, text, block, pos, toks, raw, set(), set())
    kinds = _token_kinds(stop)
    raws = _KINDS[2]
    content, entities, add = sent.content, sent.entities, toks.append
    figures: list[tuple[int, str]] = []
    words = 0
    for i, r in enumerate(raws.get(r) or _raw_kind(r, stop, kinds, raws) for r in raw):
        t, kind, cap, lower_word = r
        add(t)
        words += lower_word
        if kind.__class__ is int:
            if kind:  # 1 a year, 2 another number
                figures.append((kind, t))
            continue
        content.add(kind)
        if i and cap:
            entities.add(kind)
    if figures:
        sent.years = {t for k, t in figures if k == 1}
        sent.numbers = {t for k, t in figures if k == 2}
    sent.prose = words >= 3 and words >= 0.4 * len(raw)
    sent.question = text.rstrip().rstrip("\"'”’)").endswith("?")
    sent.exhortation = _exhortation(toks, raw) and not _LET_MARKER.match(text)
    sent.usable = not sent.exhortation and _usable(text, toks, raw, lex)
    joined = " " + " ".join(toks) + " "
    sent.time = bool(sent.years) or not lex["time"].isdisjoint(_emphatic_once(toks)) or any(
        p in joined for p in _padded(lex["time_phrases"]))
    first = text.lstrip(" \t\n\"'“‘«(*_[")[:1]
    end = text.rstrip(" \t\n\"'”’»)*_]")
    # A statement that trails off ("For code points below 256 ...") is not complete either.
    sent.complete = (first.isupper() or first.isdigit()) and end[-1:] in ".!?" and not end.endswith(("...", "…"))

    if sent.years and any(t in lex["events"] for t in toks):
        sent.events = _event_years(sent, lex)
    return sent


# (stop-word set, lower-cased token -> kind, token as written -> (lower-cased token, kind, capitalised,
# lower-case word)): a document repeats its words, so each is classified once (_make_sent's largest cost).
_KINDS: tuple[Any, dict[str, Any], dict[str, tuple]] = (None, {}, {})


def _token_kinds(stop) -> dict[str, Any]:
    """The token -> kind cache of _token_kind for this stop-word set."""
    global _KINDS
    if _KINDS[0] is not stop or len(_KINDS[1]) > 200_000 or len(_KINDS[2]) > 200_000:
        _KINDS = (stop, {}, {})
    return _KINDS[1]


def _raw_kind(r: str, stop, kinds: dict[str, Any], raws: dict[str, tuple]) -> tuple:
    """A token as written: (lower-cased, curly apostrophe made straight; its _token_kind; capitalised or
    an acronym: a name when not first; an all-lower-case word)."""
    t = r.lower().replace("’", "'")
    kind = kinds.get(t)
    if kind is None:
        kind = _token_kind(t, stop, kinds)
    word = r.replace("'", "").replace("’", "").isalpha()  # a contraction ("isn't") is a word too
    out = raws[r] = (t, kind, r[0].isupper() or (r.isupper() and len(r) > 1), word and r.islower())
    return out


_PADDED: dict[int, tuple] = {}


def _emphatic_once(toks: list[str]) -> list[str]:
    """The tokens without "once" after "never", "not" or "even" ("I have never once seen it", "has not flooded
    even once": an emphasis, not a time)."""
    if "once" not in toks:
        return toks
    return [t for i, t in enumerate(toks) if not (t == "once" and i and toks[i - 1] in ("never", "not", "even"))]


def _padded(phrases) -> tuple[str, ...]:
    """" phrase " for each phrase of a lexicon list (matched inside " " + joined tokens + " ")."""
    out = _PADDED.get(id(phrases))
    if out is None or out[0] is not phrases:
        out = _PADDED[id(phrases)] = (phrases, tuple(f" {p} " for p in phrases))
    return out[1]


def _token_kind(t: str, stop, kinds: dict[str, Any]) -> Any:
    """A lower-cased token's role in a sentence's analysis: its stem (a content word), 1 (a year),
    2 (another number) or 0 (a stop word, a short token)."""
    if t in stop or len(t) < 3 or t.isdigit() or t.endswith("n't"):  # "isn't": a negation, not a concept
        kind = 1 if _YEAR.match(t) else 2 if t.replace(",", "").isdigit() else 0
    elif t[0].isdigit() and _FIGURE_WORD.match(t):
        # "4th" a figure, "1850s" a time like a year (claims._date_ordinals, claims._NUM), not a shared concept
        kind = 1 if t.endswith("0s") else 2
    else:
        kind = _stem(t)
    kinds[t] = kind
    return kind


def _sentences(doc: Document) -> list[_Sent]:
    lex = _lexicon()
    stop = claim_stopwords()
    out: list[_Sent] = []
    seen: dict[str, _Sent | None] = {}  # a repeated sentence is analysed once (its analysis is its text's)
    for block in doc.paragraphs:
        if block.in_quote:
            continue
        # A reference list's titles and years are not the text's claims; other end matter is prose
        # (docs/self-contradiction-notes.md, step 19)
        references = doc.in_role(block, "references")
        for pos, (s, e) in enumerate(doc.sentences(block)):
            text = doc.prose[s:e]
            if len(text) > 1500:
                continue
            if text in seen:
                first = seen[text]
                if first is None:
                    continue
                sent = copy.copy(first)
                sent.index, sent.start, sent.end, sent.block, sent.para_pos = len(out), s, e, block.index, pos
                sent.prose = first.prose_own
            else:
                sent = seen[text] = _make_sent(text, len(out), s, e, block.index, pos, lex, stop)
                if sent is None:
                    continue
                sent.prose_own = sent.prose
            if references:
                sent.prose = False
            out.append(sent)
    # A capitalised first word is a name when the document also writes it capitalised mid-sentence.
    names = set().union(*(s.entities for s in out)) if out else set()
    for sent in out:
        first = sent.raw[0]
        if first[:1].isupper() and _stem(first) in names:
            sent.entities.add(_stem(first))
    return out


_FIGURE_WORD = re.compile(r"^\d{1,2}(?:st|nd|rd|th)$|^(?:1[5-9]|20)\d0s$")
_GAP = re.compile(r"[^\S\n]{3,}")  # masked code, link or markup inside the sentence

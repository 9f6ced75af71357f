"""self-contradiction: a statement that contradicts an earlier statement of the same document."""

from __future__ import annotations

import copy
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable, Protocol

from prose_lint.diagnostic import Diagnostic, Related, Severity
from prose_lint.document import Document
from prose_lint.errors import ToolError
from prose_lint.rule import Rule, RuleContext
from prose_lint.analysis import TOKEN_RE as _TOKEN  # words, numbers and currency signs
from prose_lint.analysis import stem, stopwords

_YEAR = re.compile(r"^(?:1[5-9]\d\d|20\d\d)$")
_QUOTES = "“”\"«»„"
_QUOTE_RE = re.compile(f"[{_QUOTES}]")
_MAX_POSTINGS = 400  # candidate earlier sentences looked at per key term (bounded: linear overall)


class PairScorer(Protocol):
    """Scores (premise, hypothesis) pairs; returns the probability that they contradict each other.

    The optional NLI path (option `nli_model`) provides one backed by a transformers cross-encoder;
    tests and embedders may register their own with `register_scorer`.
    """

    def contradiction(self, pairs: list[tuple[str, str]]) -> list[float]: ...


class SelfContradiction(Rule):
    """A statement that contradicts an earlier statement of the same document.

    Example: "The archive holds 4,000 plates." ... "The archive holds 6,500 plates." is reported on the
    later sentence, with the earlier one as a related location; the message quotes both and names the test.

    Algorithm (linear in document length: an inverted index, never all pairs):

    1. Sentences of prose blocks (not references/back matter, not citation-like lines) are analysed once:
       Snowball stems of content words, names, numbers and years (the shared analysis layer).
    2. Candidates: for each sentence, its 8 rarest key terms (content stems and names) are looked up in an
       index of the earlier sentences (the 60 most recent postings per term); earlier sentences sharing at
       least 2-3 of them and covering half of the shorter sentence's content are ranked; the best 4 are scored.
    3. Alignment: the two token bags are compared (what only the earlier says, what only the later says);
       numbers and dates are paired by the noun next to them (or directly when one figure replaced another).
    4. Tests, as evidence: polarity (not, never, no, without, n't; parity of negations), absolute denial
       (never/any/ever/at no point with a negation), an antonym swapped for its opposite
       (rules/lexicons/contradiction.toml [pairs], plus un-/in-/dis-/non- and -ful/-less), a different number
       for the same quantity, a different year or month for the same event. A pair is scored only when one
       fires. Lowering evidence: a time marker or a year present in one statement only, quotation marks,
       extra content words (another subject), an approximate figure ("about 4,000").
    5. Score: a logistic regression over these features (rules/models/contradiction.json, trained by
       scripts/train-contradiction on pairs generated from the project's own sentences, seeded); a pair is
       reported when P >= the model's threshold (0.6, calibrated on the tune split of benchmarks/quality).
    6. Explicit tests kept from before: an absolute claim of absence ("X-free", "free of X", "no X at all")
       against an earlier statement that X (or a close concept) exists; "no effect on Y" after "X raised Y";
       two years for the founding/birth/death of one subject.
    7. Absolute denial, also as a clause of a longer sentence: "there have never been any X", "there is no X
       at all", "at no point was there any X", "no X was ever Y", "S has never V-ed any X" against the latest
       earlier plain statement that contains the denied phrase (all its content words, three quarters of a
       longer one; a one-word phrase must be asserted there: "there were other factors", "were arrested"),
       the subject of "S has never ..." too, and does not negate it. Not when the denial carries a time
       marker ("Since the bridge opened, there have never been any collisions"). On the tune split the
       absolute-claim form went from 0/20 to 14/20 found (overall recall 0.669 -> 0.756, precision 0.829 ->
       0.846, controls flagged 1.7% -> 1.7%); the misses are earlier statements with quotation marks or a
       later one opened by "Officially," (not plain assertions).

    Filters measured on the tune split (scripts/eval-contradiction --ablate; 160 planted, 120 controls;
    with all kept: recall 0.631, precision 0.856, controls flagged 1.7%):

    | filter switched off    | recall | precision | controls | kept? |
    |---|---|---|---|---|
    | non-prose sentences    | 0.650  | 0.462     | 5.0%     | yes   |
    | time in difference     | 0.656  | 0.827     | 5.0%     | yes   |
    | quotation              | 0.669  | 0.843     | 1.7%     | yes (precision) |
    | hedge in difference    | 0.650  | 0.860     | 1.7%     | no: cost recall, bought nothing |
    | report in difference   | 0.650  | 0.860     | 1.7%     | no: cost recall, bought nothing |
    | question               | 0.631  | 0.856     | 1.7%     | no: no effect |
    | adjacent contrast      | 0.631  | 0.856     | 1.7%     | no: no effect |
    | masked gap             | 0.631  | 0.856     | 1.7%     | no: no effect |

    Re-measured on 2026-11-29 on the current build of the corpus (scripts/eval-contradiction, tune split):
    recall 0.669, precision 0.829, controls flagged 1.7% (the table above is from an earlier build); with
    the absolute-denial test (step 7): recall 0.756, precision 0.846, controls flagged 1.7%.

    Embedding similarity (the shared model, prose_lint/embeddings.py, via embed_spans) is wired in as the
    pair feature ``similarity`` and computed only for the pairs that are scored; retrained with it
    (scripts/train-contradiction --similarity), it did not pay on the tune split (thresholds 0.6/0.7/0.8:
    recall 0.662/0.656/0.606, precision 0.828/0.847/0.882, controls 1.7/1.7/0.8%, against 0.669/0.650/0.600,
    0.829/0.846/0.873, 1.7/1.7/1.7% without: one planted defect either way), so the shipped model has weight
    0 for it and nothing is embedded.

    Cost: each sentence is analysed once (a repeated sentence shares its analysis), candidates come from at
    most 60 postings for each of 8 key terms and at most 4 are aligned; a pair is aligned only when a cheap
    check says a test can fire (a negation parity, a figure on both sides, an antonym look-up) and each pair
    of texts is scored once per document. Rule time (find_contradictions in a warm process, CPU seconds,
    2026-11-29, on a shared 2-core machine at load 6-10, where wall time was about twice the CPU time; before
    this change in brackets): seed 000 0.04-0.06 s (0.19 s), 10k words 0.07-0.10 s (0.13 s; one document
    repeated 0.06 s against 1.1 s), 100k words of distinct documents 1.1 s (2.25 s), 100k words of one
    document repeated 0.57 s (8.9 s), 1M words (the tune documents cycled) 10.4 s (346 s measured before on
    repeated documents). The opening-marker regex backtracked exponentially
    on long sentences (0.5 s on seed 000 alone) and is now written unambiguously.

    A discourse marker or correction opening the later sentence never vetoes. The diagnostic sits on the
    later sentence; the earlier one is a related location (SARIF relatedLocations).

    Options:
      nli_model (default ""): directory of a local transformers NLI cross-encoder. When set, the candidate
        pairs are also scored by the model (pip install "prose-lint[nli]").
      nli_threshold (default 0.9): contradiction probability needed from the model.
      max_reports (default 5): at most this many diagnostics per document.

    Known limits: the alignment is a bag of tokens, not a parse: a negation in another clause counts; no
    coreference beyond "its"/"it" for a unique earlier subject; paraphrases without a negation, antonym or
    figure ("sold out" / "few tickets were sold") are found only by the NLI path.
    """

    id = "self-contradiction"
    severity = Severity.WARNING
    scope = "document"
    options = {"nli_model": "", "nli_threshold": 0.9, "max_reports": 5}

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Diagnostic]:
        scorer = None
        if ctx.options["nli_model"]:
            scorer = load_scorer(str(ctx.options["nli_model"]))
        found = find_contradictions(doc, scorer, float(ctx.options["nli_threshold"]))
        for later, earlier, reason, conf in found[: int(ctx.options["max_reports"])]:
            line = doc.lines.line_col(earlier.start)[0]
            message = (f"contradicts an earlier statement (line {line}): \"{_quote(later.text)}\" vs. "
                       f"\"{_quote(earlier.text)}\" ({reason})")
            yield ctx.diagnostic(later.start, later.end, message,
                                 related=[Related(earlier.start, earlier.end,
                                                  f"the earlier statement: \"{_quote(earlier.text)}\"")],
                                 properties={"confidence": round(conf, 3), "test": reason,
                                             "related_line": line})


_STEMS: dict[str, str] = {}  # word -> stem (a plain dict: the lru_cache wrapper cost 1 s per 100k words)


def _stem(word: str) -> str:
    """Concepts compare by the shared stemmer with derivations ("extremists" ~ "extremism")."""
    st = _STEMS.get(word)
    if st is None:
        if len(_STEMS) > 200_000:
            _STEMS.clear()
        st = _STEMS[word] = stem(word, True)
    return st


def _quote(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# ----------------------------------------------------------------------
_LEX: dict[str, Any] | None = None


def _lexicon_raw() -> dict[str, Any]:
    from prose_lint.lexicon import load_lexicon

    return load_lexicon("contradiction")


def _lexicon() -> dict[str, Any]:
    global _LEX
    if _LEX is None:
        raw = _lexicon_raw()
        direction: dict[str, tuple[str, int]] = {}
        for name, (up, down) in raw["antonyms"].items():
            for w in up:
                direction[w] = (name, 1)
            for w in down:
                direction[w] = (name, -1)
        related: dict[str, set[str]] = {}
        for group in raw["related"]:
            stems = {_stem(w) for w in group}
            for s in stems:
                related.setdefault(s, set()).update(stems)
        events = {}
        for name, words in raw["events"].items():
            for w in words:
                events[w] = name
        phrases = lambda key: [p for p in raw[key] if " " in p]
        _LEX = {
            "direction": direction,
            "related": related,
            "existence": set(raw["existence"]),
            "free_ignored": set(raw["free_compounds_ignored"]),
            "absolute": set(raw["absolute_adverbs"]),
            "reporting": set(raw["reporting"]),
            "framing": {w for w in raw["framing"] if " " not in w},
            "framing_phrases": phrases("framing"),
            "hedges": set(raw["hedges"]),
            "time": {w for w in raw["time_change"] if " " not in w},
            "time_phrases": phrases("time_change"),
            "contrast": tuple(f" {p} " for p in raw["contrast_openers"]),  # prefixes of " joined tokens "
            "effect": set(raw["effect_verbs"]),
            "events": events,
            "negators": frozenset(raw["negators"]),
            "strict_negators": frozenset(raw["strict_negators"]),
            "pronouns": frozenset(raw["pronouns"]),
            "data_sources": frozenset(raw["data_sources"]),
            "time_shift": frozenset(raw["time_shift"]),
            "antonym_stems": _antonym_stems(raw),
        }
    return _LEX


def _antonym_stems(raw) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}

    def add(a: str, b: str) -> None:
        sa, sb = _stem(a), _stem(b)
        if sa != sb:
            out.setdefault(sa, set()).add(sb)
            out.setdefault(sb, set()).add(sa)

    for pair in raw["pairs"]["antonyms"]:
        a, b = pair.split("/")
        add(a, b)
    for up, down in raw["antonyms"].values():
        for a in up:
            for b in down:
                add(a, b)
    return out


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
    years: set[str] = field(default_factory=set)
    numbers: set[str] = field(default_factory=set)
    usable: bool = True  # an assertion of the author's own
    evidence: bool = True  # usable, or attributed to data rather than to a person
    time: bool = False  # mentions a time/change marker
    contrast_open: bool = False
    negated: bool = False
    exact: bool = True  # a complete sentence with nothing masked inside (for the polarity/antonym tests)
    dirs: list = field(default_factory=list)  # directional predicates (_directions)
    events: list = field(default_factory=list)  # dated one-time events (_event_years)
    counts: list = field(default_factory=list)  # counts with their unit (_counts)
    question: bool = False
    prose: bool = True  # running prose: not a reference, a citation or a list of figures
    prose_own: bool = True  # ``prose`` before the section's role was applied (for copies of a repeated text)
    claim: list | None = None
    profile: tuple | None = None  # _claim_profile
    opening: list | None = None  # claim tokens for the pair alignment (_claim_tokens), computed on demand

    def raw_lower_ok(self, word: str) -> bool:
        """``word`` (a month name) is written capitalised here, not the verb "may" / "march"."""
        return any(r.lower() == word and r[:1].isupper() for r in self.raw)


def _make_sent(text: str, index: int, start: int, end: int, block: int, pos: int, lex, stop) -> _Sent | None:
    """One sentence's analysis (also used by scripts/train-contradiction on sentences without a document)."""
    raw = _TOKEN.findall(text)
    if len(raw) < 4:
        return None
    toks = [t.lower() for t in raw]
    if "’" in text:
        toks = [t.replace("’", "'") for t in toks]
    sent = _Sent(index, start, end, text, block, pos, toks, raw)
    kinds = _token_kinds(stop)
    content, entities = sent.content, sent.entities
    for i, t in enumerate(toks):
        kind = kinds.get(t)
        if kind is None:
            kind = _token_kind(t, stop, kinds)
        if kind.__class__ is int:
            if kind == 1:
                sent.years.add(t)
            elif kind == 2:
                sent.numbers.add(t)
            continue
        content.add(kind)
        if i:
            r = raw[i]
            if r[0].isupper() or (r.isupper() and len(r) > 1):
                entities.add(kind)
    words = len([r for r in raw if r.isalpha() and r.islower()])
    sent.prose = words >= 3 and words >= 0.4 * len(raw)
    sent.question = text.rstrip().rstrip("\"'”’)").endswith("?")
    sent.usable = _usable(text, toks, raw, lex)
    sent.evidence = sent.usable or _usable(text, toks, raw, lex, attributed_data=True)
    joined = " " + " ".join(toks) + " "
    sent.time = bool(sent.years) or not lex["time"].isdisjoint(toks) or any(
        f" {p} " in joined for p in lex["time_phrases"])
    sent.contrast_open = joined.startswith(lex["contrast"])
    sent.negated = _count_negations(text) > 0
    sent.exact = (raw[0][0].isupper() or raw[0][0].isdigit()) and not _GAP.search(text) and \
        text.rstrip()[-1:] in ".!"
    sent.exact = sent.exact and text.lstrip()[:1] not in "-*•"

    if not lex["direction"].keys().isdisjoint(toks):
        sent.dirs = _directions(sent, lex, stop)
    if sent.numbers:
        sent.counts = _counts(text)
    if sent.years and any(t in lex["events"] for t in toks):
        sent.events = _event_years(sent, lex)
    return sent


_KINDS: tuple[Any, dict[str, Any]] = (None, {})


def _token_kinds(stop) -> dict[str, Any]:
    """The token -> kind cache of _token_kind for this stop-word set."""
    global _KINDS
    if _KINDS[0] is not stop or len(_KINDS[1]) > 200_000:
        _KINDS = (stop, {})
    return _KINDS[1]


def _token_kind(t: str, stop, kinds: dict[str, Any]) -> Any:
    """A lower-cased token's role in a sentence's analysis: its stem (a content word), 1 (a year),
    2 (another number) or 0 (a stop word, a short token)."""
    if t in stop or len(t) < 3 or t.isdigit():
        kind = 1 if _YEAR.match(t) else 2 if t.replace(",", "").isdigit() else 0
    else:
        kind = _stem(t)
    kinds[t] = kind
    return kind


def _sentences(doc: Document) -> list[_Sent]:
    lex = _lexicon()
    stop = stopwords()
    out: list[_Sent] = []
    seen: dict[str, _Sent | None] = {}  # a repeated sentence is analysed once (its analysis is its text's)
    for block in doc.paragraphs:
        if block.in_quote:
            continue
        tail = doc.in_role(block, "references", "back_matter", "tail")
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
            if tail:
                sent.prose = False
            out.append(sent)
    # A capitalised first word is a name when the document also writes it capitalised mid-sentence.
    names = set().union(*(s.entities for s in out)) if out else set()
    for sent in out:
        first = sent.raw[0]
        if first[:1].isupper() and _stem(first) in names:
            sent.entities.add(_stem(first))
    return out




_GAP = re.compile(r"[^\S\n]{3,}")  # masked code, link or markup inside the sentence
# The leading look-ahead names every match's first letter: re then skips other positions at C speed (3x).
_NEGATION = re.compile(r"(?=[nwchb])(?:\b(?:not|no|never|none|nobody|nothing|neither|nor|without|cannot|nowhere|"
                       r"hardly|barely)\b|n['’]t\b)", re.I)
_ANSWER_NO = re.compile(r"(?=n)\bno\b(?=\s*(?:[.;,:)/|]|$))", re.I)  # "on by default: no", "yes/no"
_PREDICATE_NEG = re.compile(r"\b(?:is|are|was|were|be|been|do|does|did|has|have|had|will|can|could|would|should)"
                            r"\s+(?:not|never)\b|\b(?:is|are|was|were|do|does|did|has|have|had|ca|wo)n['’]t\b"
                            r"|\bnever\s+[a-z]+(?:ed|s)?\b", re.I)
_FIELD = re.compile(r"\b[\w-]+(?: [\w-]+)?:\s")


def _count_negations(text: str) -> int:
    return len(_NEGATION.findall(text)) - len(_ANSWER_NO.findall(text))


def _usable(text: str, toks: list[str], raw: list[str], lex, attributed_data: bool = False) -> bool:
    """The sentence is the author's own plain assertion (or, with ``attributed_data``, one that cites data)."""
    if text.rstrip().endswith("?"):
        return False
    if ":" in text and len(_FIELD.findall(text)) >= 2:
        return False  # a list of fields ("Severity: info; scope: document"), not a statement
    quoted = len(_QUOTE_RE.findall(text))
    if quoted >= 2 or text.lstrip().startswith(("'", "‘")):
        return False
    reporting = [] if lex["reporting"].isdisjoint(toks) else [i for i, t in enumerate(toks) if t in lex["reporting"]]
    if attributed_data:
        if not reporting or any(toks[i] != "according" or not _lexicon()["data_sources"] & set(toks[i + 1: i + 7])
                                for i in reporting):
            return False
    elif reporting:
        return False
    if not lex["framing"].isdisjoint(toks):
        return False
    joined = " ".join(toks)
    if any(p in joined for p in lex["framing_phrases"]):
        return False
    # Hedges: only lower-case tokens (not "May" the month) or the first token.
    if lex["hedges"].isdisjoint(toks):
        return True
    return not any(t in lex["hedges"] and (i == 0 or r.islower()) for i, (r, t) in enumerate(zip(raw, toks)))


# -- the tests ---------------------------------------------------------------
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


def find_contradictions(doc: Document, scorer: PairScorer | None = None, nli_threshold: float = 0.9):
    """[(later, earlier, reason, confidence)] sorted by position of the later sentence."""
    if doc.word_count < 10:
        return []
    lex = _lexicon()
    sents = _sentences(doc)
    if len(sents) < 2:
        return []
    index: dict[str, list[int]] = {}
    results: dict[int, tuple[_Sent, _Sent, str, float]] = {}
    nli_pairs: list[tuple[int, int]] = []
    event_subjects: dict[str, set[str]] = {}  # event -> the subjects seen so far (for "its founding")

    def report(later: _Sent, earlier: _Sent, reason: str, conf: float) -> None:
        if later.index not in results or results[later.index][3] < conf:
            results[later.index] = (later, earlier, reason, conf)

    df: Counter = Counter()
    for s in sents:
        df.update(s.content | s.entities)
    threshold = float(_model()["threshold"])
    similarity = _similarity(doc, sents)
    pair_memo: dict = {}
    for s in sents:
        if s.usable:
            _check_sentence(s, sents, index, lex, report, nli_pairs if scorer else None, event_subjects)
        if s.index not in results and _pairable(s):
            cands = _pair_candidates(s, sents, index, df)
            if scorer is not None:
                nli_pairs.extend((e.index, s.index) for e in cands if len(s.content & e.content) >= 2)
            found = _score_pairs(s, [e for e in cands if _pairable(e)], threshold, similarity, pair_memo)
            if found:
                report(s, found[1], found[2], found[0])
        for event, _, subj in s.events:
            if subj:
                event_subjects.setdefault(event, set()).add(subj)
        for term in s.content | s.entities:
            posting = index.setdefault(term, [])
            if len(posting) < 5000:
                posting.append(s.index)

    if scorer is not None and nli_pairs:
        pairs = [(sents[i].text, sents[j].text) for i, j in nli_pairs]
        for (i, j), p in zip(nli_pairs, scorer.contradiction(pairs)):
            if p >= nli_threshold and not _time_differs(sents[i], sents[j]):
                report(sents[j], sents[i], "natural-language inference model", float(p))
    return sorted(results.values(), key=lambda r: r[0].start)


def _candidates(s: _Sent, sents: list[_Sent], index: dict[str, list[int]], terms: Iterable[str],
                evidence: bool = True, min_shared: int = 1) -> list[_Sent]:
    """Earlier sentences sharing the terms (inverted index; bounded postings) that can serve as the
    earlier statement: plain assertions, or statements attributed to data ("according to the survey")."""
    seen: dict[int, int] = {}
    for term in terms:
        for i in index.get(term, ())[-_MAX_POSTINGS:]:
            seen[i] = seen.get(i, 0) + 1
    return [sents[i] for i in sorted(seen)
            if seen[i] >= min_shared and (sents[i].usable or (evidence and sents[i].evidence))]


def _overlap(a: _Sent, b: _Sent, ignore: set[str] = frozenset()) -> float:
    x, y = a.content - ignore, b.content - ignore
    if not x or not y:
        return 0.0
    return len(x & y) / min(len(x), len(y))


def _time_differs(a: _Sent, b: _Sent) -> bool:
    if a.years and b.years and a.years != b.years:
        return True
    return a.time or b.time


def _check_sentence(s: _Sent, sents, index, lex, report, nli_pairs, event_subjects) -> None:
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
    if "absolute-denial" not in DISABLED and not s.time:
        for phrase, subject in _denials(s):
            e = _denied_earlier(s, phrase, subject, sents, index)
            if e is not None:
                report(s, e, "an absolute denial of an earlier statement that it exists or happened", 0.8)
                return

    # 2. "no effect on Y" vs. an earlier "X raised Y".
    for m in _NULL_EFFECT.finditer(s.text):
        obj = _stem(m.group(1) or m.group(2))
        subj = {st for st in s.content if st != obj} & _subject_terms(s, m.start())
        for e in _candidates(s, sents, index, [obj]):
            if e.negated or obj not in e.content:
                continue
            if not any(t in lex["effect"] for t in e.tokens):
                continue
            if subj and not subj & e.content:
                continue
            if not subj:
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
                if event2 != event or year2 == year:
                    continue
                known = event_subjects.get(event, set())
                same = (subj and subj2 and subj == subj2) or (not subj and subj2 and known == {subj2})
                if same:
                    report(s, e, f"a different year for the same {event}", 0.9)
                    return



_DENIAL = re.compile(
    r"\b(?:at\s+no\s+(?:point|time|stage)\s+(?:(?:was|were|is|are|has|have|had|did|does|do|will)\s+)?"
    r"(?:there\s+)?(?:(?:ever|been)\s+)*(?:any\s+)?"
    r"|there\s+(?:(?:is|are|was|were|will\s+be)\s+(?:never\s+(?:any\s+)?|no\s+)|(?:has|have|had)\s+never\s+been\s+"
    r"(?:any\s+|no\s+)?|(?:has|have|had)\s+been\s+no\s+)"
    r"|\b(?:has|have|had)\s+never\s+(?!been\b)(?P<verb>[a-z]+)\s+any\s+"
    r"|\bno\s+(?P<x>(?:[^\W\d_]+\s+){0,3}?)(?:is|are|was|were|has|have|had|did|do|does|will|could|can)\s+"
    r"(?:ever|at\s+any\s+(?:point|time))\s+(?:been\s+)?"
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
    stop = stopwords()
    out = []
    for m in _DENIAL.finditer(s.text):
        tail = m.group("phrase")
        cut = _CLAUSE_END.search(" " + tail + " ")
        if cut:
            tail = tail[: max(0, cut.start() - 1)]
        if not re.search(r"\b(?:never|ever|any)\b|\bno\s+(?:point|time|stage)\b", m.group(0), re.I) and \
                not re.search(r"\b(?:at\s+all|whatsoever)\b", tail, re.I):
            continue  # "there is no need": not absolute
        tail = re.sub(r"\b(?:at\s+all|whatsoever|ever)\b", " ", tail, flags=re.I)
        words = (m.group("x") or "").split() + ([m.group("verb")] if m.group("verb") else []) + \
            _TOKEN.findall(tail)[:8]
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
        head = s.text[: m.start()]
        subject = {_stem(t.lower()) for t in _TOKEN.findall(head)[-4:] if t.lower() not in stop and len(t) > 2
                   and not t.isdigit()} if m.group("verb") else set()
        out.append((phrase, subject - {_stem(w) for w in _opening(s)}))
    return out


_ABSOLUTE_HINT = re.compile(r"\b(?:never|ever|no)\b", re.I)


def _denied_earlier(s: _Sent, phrase: list[str], subject: set[str], sents, index) -> _Sent | None:
    """The latest earlier plain statement that contains the denied phrase (all of a phrase of up to three
    content words, three quarters of a longer one) and the subject, not negated there; a phrase of one word
    must be asserted there ("there were other factors", "were arrested", "a main road")."""
    need = len(phrase) if len(phrase) <= 3 else math.ceil(0.75 * len(phrase))
    for e in reversed(_candidates(s, sents, index, phrase, evidence=False, min_shared=need)):
        if e.text == s.text or not e.prose:
            continue
        if subject and not subject <= e.content:
            continue
        at = next((i for i, t in enumerate(e.tokens) if _stem(t) == phrase[0]), None)
        if at is None or _negated_near(e, e.tokens[at]) or e.negated and _count_negations(e.text) and \
                any(w in _NEG_TOKENS for w in e.tokens[max(0, at - 6): at]):
            continue
        if len(phrase) == 1 and not (set(e.tokens[max(0, at - 3): at]) & _EXISTENCE_BEFORE):
            continue
        return e
    return None


def _pairable(s: _Sent) -> bool:
    return not (s.question and "question" not in DISABLED) and (s.prose or "non-prose" in DISABLED)


_EMBEDDINGS_FAILED = False


def _similarity(doc: Document, sents: list[_Sent]):
    """Cosine similarity of two sentences' embeddings (the shared model, prose_lint/embeddings.py: content
    words, cached per document), computed only for the pairs that are scored; the model is loaded on the
    first such pair. 0.0 when the model is unavailable (the wordllama package missing)."""

    model = _model()
    if not model["weights"][model["features"].index("similarity")]:
        return None  # a model trained without the feature: nothing to embed

    def similarity(e: _Sent, s: _Sent) -> float:
        global _EMBEDDINGS_FAILED
        if _EMBEDDINGS_FAILED:
            return 0.0
        try:
            from prose_lint import embeddings

            v = embeddings.embed_spans(doc, [(e.start, e.end), (s.start, s.end)])
        except (ImportError, RuntimeError, OSError):
            _EMBEDDINGS_FAILED = True
            return 0.0
        return float(v[0] @ v[1])

    return similarity


def _pair_candidates(s: _Sent, sents: list[_Sent], index: dict[str, list[int]], df: Counter) -> list[_Sent]:
    """The earlier sentences most like ``s``: those sharing its rarest key terms (content stems and names) in
    the inverted index, at most _MAX_POSTINGS per term, ranked by shared terms; the best _K_CANDIDATES."""
    key = sorted(s.content | s.entities, key=lambda t: (df[t], t))[:8]
    if len(key) < 2:
        return []
    seen: Counter = Counter()
    for term in key:
        posting = index.get(term)
        if posting:
            seen.update(posting[-_PAIR_POSTINGS:])  # counted in C
    need = 2 if len(key) <= 4 else 3
    ranked = [(n, i) for i, n in seen.items() if n >= need]
    ranked.sort(reverse=True)
    out = []
    for _, i in ranked[: 3 * _K_CANDIDATES]:
        e = sents[i]
        cov = len(e.content & s.content) / max(1, min(len(e.content), len(s.content)))
        if cov >= 0.5 or "min-coverage" in DISABLED:
            out.append((cov, e))
    out.sort(key=lambda x: (-x[0], -x[1].index))
    return [e for _, e in out[:_K_CANDIDATES]]


def _score_pairs(s: _Sent, cands: list[_Sent], threshold: float, similarity,
                 memo: dict | None = None) -> tuple[float, _Sent, str] | None:
    """The best-scoring candidate at or above the threshold. ``memo`` keeps each pair of texts' score: a
    document that repeats its sentences (boilerplate, concatenated files) scores each pair of texts once."""
    best = None
    for e in cands:
        if e.text == s.text:
            continue  # the same sentence repeated: no test can fire (nothing differs)
        key = (e.text, s.text, e.block == s.block and e.index == s.index - 1)
        got = memo.get(key) if memo is not None else None
        if got is None and not _may_fire(e, s):
            got = (-1.0, "")
        if got is None:
            f = pair_features(e, s, similarity(e, s) if similarity else None)
            if not (f["negation"] or f["antonym"] or f["number"] or f["date"]):
                got = (-1.0, "")  # no test fired: restatements that agree are not scored
            else:
                got = (pair_score(f), _test_name(f))
            if memo is not None:
                memo[key] = got
        p, name = got
        if p < 0:
            continue
        if p >= threshold and (best is None or p > best[0]):
            best = (p, e, name)
    return best


def _negated_near(s: _Sent, word: str) -> bool:
    i = s.tokens.index(word)
    return any(w in _lexicon()["negators"] or w.endswith("n't") for w in s.tokens[max(0, i - 4): i])


def _subject_terms(s: _Sent, before: int) -> set[str]:
    head = s.text[:before]
    return {_stem(t.lower()) for t in _TOKEN.findall(head)}


def _same_statement(a: _Sent, b: _Sent, ignore: set[str] = frozenset(), jaccard: float = 0.5) -> bool:
    """Nearly the same content words: the shorter statement's words all occur in the longer one."""
    if a.numbers != b.numbers or a.years != b.years:
        return False  # about different quantities
    x, y = a.content - ignore - _lexicon()["strict_negators"], b.content - ignore - _lexicon()["strict_negators"]
    short, long = (x, y) if len(x) <= len(y) else (y, x)
    if len(short) < 3:
        return False
    return short <= long and len(x & y) / len(x | y) >= jaccard


# A count: a number followed by a percentage, a large-number word or a plural noun ("4,000 photographs");
# a number after a name or a label ("Python 3.2", "Line 20", "Version 1") is not a count (see _counts).
_QUANTITY = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(%|percent\b|per cent\b|"
                       r"(?:million|billion|thousand|hundred)\s+[a-z][a-z-]+|[a-z][a-z-]+s\b)")
_LABEL_BEFORE = re.compile(r"(?:\b[A-Z][\w.-]*|\b(?i:version|line|page|section|chapter|figure|table|step|level|"
                           r"number|no\.|item|row|column|grade|class|room|route|article|paragraph))\s*$")


def _counts(text: str) -> list[tuple[str, str]]:
    return [(m.group(1), m.group(2)) for m in _QUANTITY.finditer(text)
            if not _LABEL_BEFORE.search(text[max(0, m.start() - 30): m.start()])]


_APPROX = re.compile(r"\b(?:more|fewer|less|greater|smaller|higher|lower)\s+than\b|\b(?:over|under|about|around|"
                     r"nearly|almost|roughly|approximately|some|at least|at most|up to|estimated|between|per|each)\b",
                     re.I)


def _number_conflict(a: _Sent, b: _Sent) -> bool:
    """The same statement with a different number for the same unit ("has 4,000 photographs" / "6,500")."""
    qa, qb = a.counts, b.counts
    if len(qa) != 1 or len(qb) != 1 or a.years or b.years:
        return False
    (na, ua), (nb, ub) = qa[0], qb[0]
    if _stem(ua.split()[-1]) != _stem(ub.split()[-1]) or na.replace(",", "") == nb.replace(",", ""):
        return False
    if _APPROX.search(a.text) or _APPROX.search(b.text) or a.negated != b.negated:
        return False
    x, y = a.content, b.content
    short, long = (x, y) if len(x) <= len(y) else (y, x)
    return len(short) >= 4 and short <= long and len(x & y) / len(x | y) >= 0.6


def _polarity_flip(a: _Sent, b: _Sent) -> bool:
    """One of the two is the other with a negation; 'not only', 'no longer' and double negations excluded."""
    for s in (a, b):
        joined = " ".join(s.tokens)
        if "not only" in joined or "not just" in joined or "no longer" in joined or "not least" in joined:
            return False
    neg_a, neg_b = _count_negations(a.text), _count_negations(b.text)
    if not ((neg_a == 0) != (neg_b == 0) and max(neg_a, neg_b) == 1):
        return False
    negated = a if neg_a else b
    # The negation must deny the predicate, not qualify a noun ("with no sign", "without punctuation").
    return bool(_PREDICATE_NEG.search(negated.text))


def _antonym_flip(a: _Sent, b: _Sent, lex) -> set[str] | None:
    """The predicate words when a and b use opposite predicates of one antonym pair about the same theme."""
    da, db = a.dirs, b.dirs
    if not da or not db:
        return None
    for (name, sign, theme, word) in da:
        for (name2, sign2, theme2, word2) in db:
            if name == name2 and sign != sign2 and theme and theme == theme2:
                return {_stem(word), _stem(word2)}
    return None


def _directions(s: _Sent, lex, stop) -> list[tuple[str, int, str | None, str]]:
    """(antonym pair, +1/-1 after negation, theme stem, verb) for each directional predicate of s."""
    out = []
    for i, t in enumerate(s.tokens):
        d = lex["direction"].get(t)
        if not d:
            continue
        sign = d[1]
        window = s.tokens[max(0, i - 3): i + 1]
        if any(w in _lexicon()["negators"] or w.endswith("n't") for w in window[:-1]) and not any(
                a in _lexicon()["negators"] and b in ("only", "just", "merely", "least") for a, b in zip(window, window[1:])):
            sign = -sign
        theme = None
        for j in range(i - 1, max(-1, i - 4), -1):  # the subject just before ("wages rose")
            w = s.tokens[j]
            if w not in stop and len(w) > 2 and w not in lex["direction"] and not w.isdigit():
                theme = _stem(w)
                break
        if theme is None:
            for j in range(i + 1, min(len(s.tokens), i + 4)):  # or the object ("raised wages")
                w = s.tokens[j]
                if w not in stop and len(w) > 2 and not w.isdigit():
                    theme = _stem(w)
                    break
        out.append((d[0], sign, theme, t))
    return out


def _event_years(s: _Sent, lex) -> list[tuple[str, str, str | None]]:
    """(event, year, subject stem or None for a pronoun) for each "founded in 1998"-like phrase."""
    out = []
    for i, t in enumerate(s.tokens):
        event = lex["events"].get(t)
        if event is None:
            continue
        year = next((w for w in s.tokens[i + 1: i + 5] if _YEAR.match(w)), None)
        if year is None:
            continue
        subj = None
        for j in range(i - 1, max(-1, i - 7), -1):
            w = s.tokens[j]
            if w in _lexicon()["pronouns"] and w not in ("the", "a", "an", "which", "that", "who"):
                subj = None
                break
            if w in ("was", "were", "is", "been", "be", "since", "its", "his", "her", "their", "of", "in", "after",
                     "the", "a", "an", "which", "that", "who"):
                continue
            if not w.isdigit():
                subj = _stem(w)
                break
        out.append((event, year, subj))
    return out


# -- the pair scorer: candidates by meaning, aligned, tested, scored --------------------------------------
# Filters that lower or end a pair's chance; each can be switched off (scripts/eval-contradiction --ablate
# measures what it costs in recall and buys in precision).
FILTERS = ("non-prose", "question", "quotation", "hedge-in-difference", "report-in-difference", "time-in-difference",
           "adjacent-contrast", "masked-gap", "min-coverage")
# Measured on the tune split (scripts/eval-contradiction --ablate; see the class docstring): these did not pay
# (no precision bought, or recall lost for none) and are off.
DISABLED: set[str] = {"question", "hedge-in-difference", "report-in-difference", "adjacent-contrast", "masked-gap"}

# A claim's token: a number as written ("4,000", "20.38") or a TOKEN_RE token (words, codes, % $ € £).
_CLAIM_TOKEN = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w])|(?<![\w.,])\d+\.\d+(?![\w])|"
                          + _TOKEN.pattern)
_NUM = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_WORD_NUM = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_WORD_NUM.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
                  "hundred": 100, "thousand": 1000, "dozen": 12, "million": 1e6, "billion": 1e9, "half": 0.5,
                  "twice": 2, "once": 1, "double": 2, "triple": 3})
_MONTHS = frozenset("january february march april may june july august september october november december "
                    "monday tuesday wednesday thursday friday saturday sunday".split())
_NEG_TOKENS = frozenset({"not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without", "cannot",
                         "nowhere"})
_NOT_NEGATING = ("not only", "not just", "not least", "no doubt", "no longer", "not merely", "nothing but",
                 "no matter", "no less", "no more than", "not until")
_ABSOLUTE = frozenset({"never", "ever", "any", "whatsoever", "none", "nobody", "nothing", "nowhere", "all"})
_PAIR_POSTINGS = 60  # the most recent earlier sentences per key term (the rarest terms are asked first)
_K_CANDIDATES = 4  # earlier sentences scored per sentence (the most similar by shared terms)


def _claim_profile(s: _Sent) -> tuple[Counter, int, frozenset[str]]:
    """Per sentence, once: its claim tokens counted, its negations, its figures and month names."""
    if s.profile is None:
        ta = _claim_tokens(s)
        s.profile = (Counter(ta), _negations(ta),
                     frozenset(a for a in ta if _value(a) is not None or a in _MONTHS and s.raw_lower_ok(a)))
    return s.profile


def _may_fire(e: _Sent, s: _Sent) -> bool:
    """A cheap necessary condition for one of pair_features' tests (negation, antonym, number, date) to
    fire; most candidate pairs fail it and are never aligned."""
    ca, na, qa = _claim_profile(e)
    cb, nb, qb = _claim_profile(s)
    if na != nb and (na % 2) != (nb % 2):
        return True
    if qa and qb and any(ca[a] > cb[a] for a in qa) and any(cb[b] > ca[b] for b in qb):
        return True
    stop = stopwords()
    gw = [w for w in ca if ca[w] > cb[w] and (w not in stop or w in _ANTONYM_FUNCTION)]
    nw = [w for w in cb if cb[w] > ca[w] and (w not in stop or w in _ANTONYM_FUNCTION)]
    return bool(_antonym_pairs(gw, nw))


def _claim_tokens(s: _Sent) -> list[str]:
    if s.claim is None:
        s.claim = [t.lower().replace("’", "'") for t in _CLAIM_TOKEN.findall(s.text)]
    return s.claim


def _value(tok: str) -> float | None:
    if _NUM.match(tok):
        return float(tok.replace(",", ""))
    return _WORD_NUM.get(tok)


def _negations(toks: list[str]) -> int:
    n = sum(1 for t in toks if t in _NEG_TOKENS or t.endswith("n't"))
    if n:
        joined = " ".join(toks)
        n -= sum(joined.count(p) for p in _NOT_NEGATING)
    return max(n, 0)


def _antonym_pair(a: str, b: str) -> bool:
    """Two written words that are antonyms: the lexicon (by stem) or a negating prefix/suffix."""
    ant = _lexicon()["antonym_stems"]
    sa, sb = _stem(a), _stem(b)
    if sa != sb and sb in ant.get(sa, ()):
        return True
    for x, y in ((a, b), (b, a)):
        if len(x) >= 4 and any(y == p + x for p in ("un", "in", "im", "il", "ir", "dis", "non", "non-")):
            return True
        if x.endswith("ful") and y == x[:-3] + "less":
            return True
    return False


# Each word is spelt one way only (a letter, then letters up to one apostrophe/hyphen, or word characters):
# "[^\W\d_]+['’-]?\w*" split every word in all possible ways and backtracked exponentially (0.5 s on seed 000).
_AFFIXES = ("un", "in", "im", "il", "ir", "dis", "non", "non-")
_AFFIX_STARTS = frozenset(p[:2] for p in _AFFIXES)


def _antonym_pairs(gone: list[str], new: list[str]) -> list[tuple[str, str]]:
    """Every (a, b), a in ``gone``, b in ``new``, with _antonym_pair(a, b), found by look-ups rather than
    by comparing all pairs."""
    if not gone or not new:
        return []
    ant = _lexicon()["antonym_stems"]
    by_stem: dict[str, list[str]] = {}
    for b in new:
        by_stem.setdefault(_stem(b), []).append(b)
    new_set = set(new)
    out = set()
    for a in gone:
        sa = _stem(a)
        for t in ant.get(sa, ()):
            if t != sa:
                out.update((a, b) for b in by_stem.get(t, ()))
        if len(a) >= 4:  # b = prefix + a
            out.update((a, p + a) for p in _AFFIXES if p + a in new_set)
        if a[:2] in _AFFIX_STARTS:
            for p in _AFFIXES:  # a = prefix + b
                if a.startswith(p) and len(a) - len(p) >= 4 and a[len(p):] in new_set:
                    out.add((a, a[len(p):]))
        if a.endswith("ful") and a[:-3] + "less" in new_set:
            out.add((a, a[:-3] + "less"))
        if a.endswith("less") and a[:-4] + "ful" in new_set:
            out.add((a, a[:-4] + "ful"))
    return sorted(out)


_OPENING = re.compile(r"^\W*(?:[^\W\d_](?:[^\W\d_]*['’-]\w*|\w*)\s+){0,4}[^\W\d_](?:[^\W\d_]*['’]\w*|\w*)\s*[,:]\s")
_NO_POINT = re.compile(r"\b(?:at|by)\s+no\s+(?:point|time|stage)\b|\bno\s+(?:one|longer)\b", re.I)


def _opening(s: _Sent) -> list[str]:
    """The tokens of an opening adverbial or discourse marker up to its comma ("In fact,", "Officially,"),
    and of "at no point": they say how the claim is made, not what it is about."""
    if s.opening is None:
        m = _OPENING.match(s.text)
        toks = [t.lower() for t in _CLAIM_TOKEN.findall(m.group(0))] if m else []
        n = _NO_POINT.search(s.text)
        if n and (not m or n.start() >= m.end()):
            toks += [t.lower() for t in _CLAIM_TOKEN.findall(n.group(0)) if t.lower() != "no"]
        s.opening = toks
    return s.opening


def _head_extra(toks: list[str], shared: set[str], stop) -> float:
    """Content words before the first shared one (after an opening adverbial up to a comma): the longer
    statement is about another subject ("the road to the bridge" against "the bridge")."""
    extra = 0
    for t in toks:
        if t in stop or len(t) < 3 or _value(t) is not None:
            continue
        st = _stem(t)
        if st in shared:
            break
        extra += 1
    return float(min(extra, 3)) / 3


def _context(toks: list[str], i: int) -> set[str]:
    stop = stopwords()
    out = set()
    for j in (i - 2, i - 1, i + 1, i + 2):
        if 0 <= j < len(toks) and toks[j] not in stop and not _value(toks[j]):
            out.add(_stem(toks[j]))
    return out


def pair_features(e: _Sent, s: _Sent, similarity: float | None = None) -> dict[str, float]:
    """Evidence that the later sentence ``s`` contradicts the earlier ``e``, aligned token by token.

    The two token bags are compared: what only the earlier says (``gone``) and what only the later says
    (``new``). A negation in one but not the other, an antonym swapped for its opposite, a number or date
    replaced by another for the same noun (its neighbouring content words) are the tests; hedges,
    reporting verbs and time markers in the difference, a quotation, and an opening contrast right after
    the earlier sentence lower the score."""
    lex = _lexicon()
    stop = stopwords()
    ta, tb = _claim_tokens(e), _claim_tokens(s)
    ca, cb = Counter(ta), Counter(tb)
    gone, new = ca - cb, cb - ca
    shared = e.content & s.content
    small = max(1, min(len(e.content), len(s.content)))
    cov = len(shared) / small
    jac = len(shared) / max(1, len(e.content | s.content))
    na, nb = _negations(ta), _negations(tb)
    neg_flip = float(na != nb and (na % 2) != (nb % 2))
    absolute = float(bool(neg_flip and (_ABSOLUTE & set(new if nb > na else gone))))
    # antonyms swapped
    ant = 0.0
    explained: set[str] = set()
    gw = [w for w in gone if w not in stop or w in _ANTONYM_FUNCTION]
    nw = [w for w in new if w not in stop or w in _ANTONYM_FUNCTION]
    for a, b in _antonym_pairs(gw, nw):
        ant = 1.0
        explained.update((a, b))
    # numbers and dates for the same noun
    num = date = same_num = approx = 0.0
    gone_q = [(i, a) for i, a in enumerate(ta) if a in gone and (_value(a) is not None or
                                                                  a in _MONTHS and e.raw_lower_ok(a))]
    new_q = [(j, b) for j, b in enumerate(tb) if b in new and (_value(b) is not None or
                                                                b in _MONTHS and s.raw_lower_ok(b))]
    single = len(gone_q) == 1 and len(new_q) == 1  # one figure replaced by another: they pair up
    for i, a in gone_q:
        ctx_a = None if single else _context(ta, i)
        for j, b in new_q:
            if ctx_a is not None and not (_context(tb, j) & ctx_a):
                continue  # not the same noun
            if (a in _MONTHS) != (b in _MONTHS):
                continue
            if a in _MONTHS:
                date = 1.0
            else:
                va, vb = _value(a), _value(b)
                year_a, year_b = bool(_YEAR.match(a)), bool(_YEAR.match(b))
                if year_a and year_b:
                    date = 1.0
                elif year_a != year_b:
                    continue
                elif va != vb:
                    num = 1.0
                else:
                    same_num = 1.0
            explained.update((a, b))
            if any(w in _APPROX_WORDS for w in ta[max(0, i - 2): i] + tb[max(0, j - 2): j]):
                approx = 1.0
    # the rest of the difference
    content_new = {_stem(w) for w in new if w not in stop and w not in explained and len(w) > 2
                   and _value(w) is None and w not in _NEG_TOKENS}
    content_gone = {_stem(w) for w in gone if w not in stop and w not in explained and len(w) > 2
                    and _value(w) is None and w not in _NEG_TOKENS}
    content_new, content_gone = content_new - content_gone, content_gone - content_new
    content_new -= {_stem(w) for w in _opening(s)}  # a discourse marker ("Officially,", "At no point")
    content_gone -= {_stem(w) for w in _opening(e)}
    shorter_new = len(s.content) <= len(e.content)
    longer = s if not shorter_new else e
    skip = set(_opening(longer))
    head = _head_extra([w for w in _claim_tokens(longer) if w not in skip], shared, stop)
    extra_short = len(content_new if shorter_new else content_gone) / small
    extra_long = len(content_gone if shorter_new else content_new) / max(1, len(e.content | s.content))
    # markers present in one statement only (a reporting verb in both is no difference)
    on = lambda f: f not in DISABLED  # noqa: E731
    sa, sb = set(ta), set(tb)
    hedge = float(on("hedge-in-difference") and bool(lex["hedges"] & sa) != bool(lex["hedges"] & sb))
    said = lex["reporting"] | lex["framing"]
    report = float(on("report-in-difference") and bool(said & sb) and not said & sa)  # the later one is reported
    joined_new = " " + " ".join(tb) + " "
    joined_gone = " " + " ".join(ta) + " "
    when = lex["time"] | lex["time_shift"]
    time = float(on("time-in-difference") and ((when & sa) != (when & sb) or bool(e.years) != bool(s.years) or any(
        (f" {p} " in joined_new) != (f" {p} " in joined_gone) for p in lex["time_phrases"])))
    if date and num and on("time-in-difference"):
        time = 1.0  # a figure for another month or year ("300 in May" / "450 in June")
    quote = float(on("quotation") and (len(_QUOTE_RE.findall(s.text)) >= 2 or len(_QUOTE_RE.findall(e.text)) >= 2))
    adjacent = float(on("adjacent-contrast") and s.contrast_open and e.block == s.block and e.index == s.index - 1)
    gap = float(on("masked-gap") and bool(_GAP.search(s.text) or _GAP.search(e.text)))
    signal = max(neg_flip, ant, num, date)
    return {  # the order is FEATURES
        "coverage": cov, "jaccard": jac, "negation": neg_flip, "absolute": absolute, "antonym": ant,
        "number": num, "date": date, "same_number": same_num, "extra_short": min(extra_short, 1.0),
        "extra_long": extra_long, "signal_x_coverage": signal * cov, "signal_x_jaccard": signal * jac,
        "hedge": hedge, "report": report, "time": time, "quote": quote, "adjacent_contrast": adjacent,
        "gap": gap, "approximate": approx, "head_extra": head, "similarity": similarity if similarity is not None else 0.0,
    }


FEATURES = ("coverage", "jaccard", "negation", "absolute", "antonym", "number", "date", "same_number", "extra_short",
            "signal_x_coverage", "signal_x_jaccard", "hedge", "report", "time", "quote",
            "adjacent_contrast", "gap", "approximate", "head_extra", "similarity")
_APPROX_WORDS = frozenset({"about", "around", "nearly", "almost", "roughly", "approximately", "some", "over",
                           "under", "than", "least", "most", "up", "estimated", "approx", "circa", "c", "ca"})

# Function words that still carry a contrast ("more"/"less", "before"/"after", "all"/"none").
_ANTONYM_FUNCTION = frozenset({"more", "less", "fewer", "most", "least", "before", "after", "all", "always",
                               "above", "below", "many", "few", "much", "little", "first", "last", "same",
                               "different", "inside", "outside", "ahead", "behind", "everyone", "everything",
                               "everywhere", "early", "late", "earlier", "later"})

_MODEL: dict[str, Any] | None = None


def _model() -> dict[str, Any]:
    global _MODEL
    if _MODEL is None:
        import json

        from prose_lint.registry import builtin_pack_dir

        _MODEL = json.loads((builtin_pack_dir() / "models" / "contradiction.json").read_text(encoding="utf-8"))
    return _MODEL


def pair_score(features: dict[str, float], model: dict[str, Any] | None = None) -> float:
    """The learned logistic scorer (weights in rules/models/contradiction.json): P(contradiction)."""
    m = model or _model()
    z = m["bias"] + sum(w * (features[f] - mu) / sd for f, w, mu, sd in
                        zip(m["features"], m["weights"], m["mean"], m["scale"]))
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


_TEST_NAMES = (("number", "a different number for the same quantity"),
               ("date", "a different date for the same event"),
               ("antonym", "opposite predicates about the same thing"),
               ("absolute", "an absolute denial of an earlier statement"),
               ("negation", "the same statement negated"))


SCORER_TESTS = frozenset(n for _, n in _TEST_NAMES)


def _test_name(f: dict[str, float]) -> str:
    for key, name in _TEST_NAMES:
        if f[key]:
            return name
    return "a restatement that disagrees (learned pair scorer)"


# -- optional NLI model ----------------------------------------------------
_SCORERS: dict[str, PairScorer] = {}


def register_scorer(model: str, scorer: PairScorer) -> None:
    """Use ``scorer`` whenever the option nli_model equals ``model`` (tests, embedding applications)."""
    _SCORERS[model] = scorer


def load_scorer(model: str) -> PairScorer:
    if model not in _SCORERS:
        _SCORERS[model] = TransformersNLI(model)
    return _SCORERS[model]


class TransformersNLI:
    """A local transformers sequence-classification NLI model (a cross-encoder directory)."""

    def __init__(self, path: str, batch_size: int = 16) -> None:
        try:
            import torch  # noqa: F401
            from transformers import AutoModelForSequenceClassification, AutoTokenizer
        except ImportError:
            raise ToolError(f"self-contradiction: nli_model is set ({path}) but transformers/torch are not installed "
                            f"(pip install \"prose-lint[nli]\")") from None
        try:
            self.tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
            self.model = AutoModelForSequenceClassification.from_pretrained(path, local_files_only=True).eval()
        except Exception as exc:  # missing directory, wrong files
            raise ToolError(f"self-contradiction: cannot load the NLI model in {path}: "
                            f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}") from None
        labels = {str(v).lower(): int(k) for k, v in self.model.config.id2label.items()}
        index = next((i for name, i in labels.items() if name.startswith("contradict")), None)
        if index is None:
            raise ToolError(f"self-contradiction: the NLI model in {path} has no 'contradiction' label "
                            f"(labels: {sorted(labels)})")
        self.index = index
        self.batch_size = batch_size

    def contradiction(self, pairs: list[tuple[str, str]]) -> list[float]:
        import torch

        out: list[float] = []
        with torch.no_grad():
            for k in range(0, len(pairs), self.batch_size):
                batch = pairs[k: k + self.batch_size]
                enc = self.tokenizer([p for p, _ in batch], [h for _, h in batch], padding=True, truncation=True,
                                     max_length=256, return_tensors="pt")
                probs = torch.softmax(self.model(**enc).logits, dim=-1)[:, self.index]
                out.extend(float(p) for p in probs)
        return out


RULES = (SelfContradiction,)

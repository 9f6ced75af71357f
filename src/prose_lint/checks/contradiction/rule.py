"""The rule self-contradiction (its documentation) and the walk over a document's sentences that finds
contradicting pairs."""

from __future__ import annotations

from collections import Counter
from itertools import chain
from typing import Iterable

from prose_lint.diagnostic import Diagnostic, Related, Severity
from prose_lint.document import Document
from prose_lint.rule import Rule, RuleContext

from .candidates import _pair_candidates, _pairable
from .events import pronoun_subject
from .explicit import _check_sentence, _time_differs
from .nli import PairScorer, load_scorer
from .scorer import _can_fire, _model, _score_pairs, _similarity
from .sentences import _Sent, _sentences
from .lexicon import _lexicon
from .speakers import speakers
from .subjects import mark_subjects, other_subject


class SelfContradiction(Rule):
    """A statement that contradicts an earlier statement of the same document.

    Example: "The archive holds 4,000 plates." ... "The archive holds 6,500 plates." is reported on the
    later sentence, with the earlier one as a related location; the message quotes both and names the test.

    Algorithm (linear in document length: an inverted index, never all pairs):

    1. Sentences of prose blocks (not reference lists, whose titles and years are not the text's claims;
       sections named like other end matter, "History", "Changes", "Acknowledgements", are prose and count;
       not citation-like lines, not list-item fragments) are analysed once: Snowball stems of content
       words, names, numbers and years. Content words are those outside the shared stop-word list, and the
       few of its words a claim is about ("bill", "fire", "system", "side", "full": contradiction.toml
       ``content_stopwords``).
    2. Candidates: for each sentence, its 8 rarest key terms are looked up in an index of the earlier
       sentences (the 60 most recent postings per term); earlier sentences sharing at least 2-3 of them and
       covering half of the shorter sentence's content are ranked by that coverage, then by Jaccard
       likeness, then recency; the best 4 are aligned. A key term also finds the earlier sentences that say
       one of its synonyms ("speak" finds "talk").
    3. Alignment: what only the earlier says and what only the later says; numbers and dates are paired by
       the noun next to them (or directly when one figure replaced another); irregular verbs and plurals
       compare by their base form (rules/lexicons/contradiction.toml [irregular]); a word said in place of
       its synonym ("employ" for "use", "large" for "big": Princeton WordNet 3.0's synsets, common words in
       their usual sense, rules/lexicons/synonyms_wordnet.toml, scripts/build-synonyms) is the same word.
    4. Tests, as evidence (a pair is scored only when one fires):
       - polarity: not, never, no, without, n't, "no one", negative inversion ("Never has the council
         ..."), a negating verb ("failed to reach", "refused to sign", "lacks a gymnasium"); a negation
         counts only when the other statement says what it denies, so antithesis ("Government is not the
         solution ..." / "Government is the problem") is not one; idioms with a negation deny nothing
         ("make no mistake", "if not");
       - absolute denial: "there have never been any X", "no X was ever Y", "not a single X", "none of the
         X were", "S has never V-ed any X", also as a clause, against the latest earlier plain statement
         holding the denied phrase, or a later one (a phrase of two words or more; "never", "ever" or "at no
         point" when either statement is of a time or a period: "not a single match this season" / "won last
         season" agree; the same period in both, "this season" / "this season", is one time), unless the statement
         speaks of another referent beside it ("the rival factory", "the mainland opposite the island"); an absence
         claim ("X-free", "no X at all"); "not once", "never once"; "X is the only N" (or
         "The only N ... is X", "Only one N ...") against an "other/alternative N", "a second N", "several N",
         a count, before it or after it; a verb restricted by "only" against the same subject and verb with
         "also" and another object ("The archive accepts only parish registers" / "The archive also accepts
         school reports"), either order, unless the two name different periods or occasions ("in winter" /
         "in summer"); a possession denied outright ("The kernel has no database at all") as a denial of
         "The kernel has a database ...";
       - no change: "X did not change at all", "X has never risen at all", "X remained completely
         unchanged" (or "entirely flat"), "There has never been any change in X" against an earlier
         statement that X rose, fell, improved or worsened (the verbs of change of contradiction.toml
         [antonyms] increase and improve, right after the subject: "The harbour master declined to comment
         on the dredging contract" is not a contract that shrank, nor a refusal a fall), unless the denial
         names a time or the two name different years;
       - an antonym swapped for its opposite: hand-written pairs and up/down predicate groups ("swelled" /
         "dwindled"), Princeton WordNet 3.0's direct antonyms (rules/lexicons/antonyms_wordnet.toml,
         scripts/build-antonyms), un-/in-/dis-/non- and -ful/-less, in British or American spelling;
         comparatives and superlatives by their positive degree; "voted for" / "voted against";
       - a different number for the same quantity, a different year or month for the same event, two
         years (or a year outside the decade: "the 1880s" / "1902") for one founding, birth or death, of one
         subject or of the same personal pronoun when the document names no second subject of that event ("She
         died in 1953" / "She died in 1961"); figures written out count ("forty-two", "two-thirds"), and
         so do the ordinals of a date ("July 4th", "the fourth of March", "the twelfth century") and a decade
         ("the 1850s", a time like a year: "in the 1850s" / "in 1853" agree); two plain four-digit figures are
         of one kind even when one of them could be a year ("holds 1800 megalitres" / "holds 3400 megalitres").
    5. Contrasts that cancel out: an antonym with a negation ("not deep" / "shallow"), two antonyms swapped
       together ("Rich parishes paid more" / "Poor parishes paid less"; not coordinated predicates: "fertile
       and easy" / "barren and hard"), a converse with its arguments swapped ("the town buys from the county"
       / "the county sells to the town"), a denial or an antonym in another year ("approved in 1998" / "In
       2004 ... refused to approve"). A conjecture in one statement only ("might have rejected", "Perhaps
       ...") is not scored (not a hedge inside an opening marker: "Be that as it may, ..."; a negated modal is
       the same modal: "could have reached" / "couldn't have reached" are both conjectures); markers made
       of time words ("Then again,", "After all,") are not a change of time. "Never" holds at every time: a year in the other statement does not reconcile
       an absolute denial. A universal subject ("Every train on the line stops here") is contradicted by
       one of its members ("The express trains on the line do not"; "All of the rooms are quiet" / "The corner room is
       noisy"): the member is not another subject. "Always" holds on every occasion: the occasion the other
       statement adds ("The shop always closes at six" / "On Thursdays the shop closes at nine") is neither
       another subject nor another time, when both are in one tense (a past habit may have changed). An
       active restatement that names the agent of the other's passive ("The comet was first observed in
       1758" / "Astronomers first observed the comet in 1682", the passive's subject the active verb's object)
       tells the same event with its doer: the agent is not another subject.
    6. Lowering evidence (never a veto): a time marker or year in one statement only (not one that dates a
       report: "Contrary to earlier reports, ..."; not against an absolute that holds at every time: "never",
       or a quantity denied in the present, "Nothing grows on the salt flats" / "Ferns grow there after the
       rains", while "There is no cinema" / "The cinema opened in 1931" stays a time difference), another period ("in its first season" / "By its fourth
       season"), another instance ("the war" / "the last war"), a changed word inside quotation marks,
       a name in quotation marks ("a hardware clock, called the “CMOS clock”") is nobody's words;
       an opening circumstance the later statement drops ("In the summer of 2009, I developed ..." / "I
       didn't develop ...") is not a change of time when the later one names no time, year or figure that
       differs and keeps the tense (a condition, "If it rains, ...", stays: the later is the case without
       it); "No," answering ("No, don't force it") negates nothing;
       attribution in one statement only ("Some say ...", by a reporting verb or a framing word; "states"
       and "claims" after a determiner, a number or a name are nouns: "the United States") or in the first
       person in one only ("Some say ..." / "I say ..."), extra content words (another subject; the month a
       date test explains is no extra word: "in May 1932" / "in September 1932 with a brass band"), an
       approximate figure close to the other (at most a fifth of the larger apart: "about 4,000" /
       "4,300", not "more than 40" / "more than 70"; not "under the 2 brackets": the word
       governs the noun phrase there), an antonym naming another member beside a changed figure
       ("The northern bridge is 240 m long" / "The southern bridge is 310 m long").
       A discourse marker or correction opening the later sentence does not veto.
    7. Not paired at all: statements about different things (items of one list, cells of one table,
       different inline code, a name one lacks, subjects differing by a name, figures that label rather
       than count: "Perl 5.20" / "Perl 5.22", a subject that belongs to the other's ("The old captain's
       wife" / "The old captain", figures passed over: "Mensah's 24 points" are Mensah's), a pointing
       subject "It"/"This" in different sections (unless the two share six content words or more: one long
       claim about one referent),
       definitions' bodies), exhortations ("Let us ...", "Ask not ...") and questions, which assert nothing;
       two statements at most three sentences apart in one paragraph ("If the weather is good, attendance is
       down. If the weather is bad, attendance is down."): a contrast drawn that close is meant; statements
       of two speakers of a dialogue (two speakers or more each open two paragraphs or more with a label:
       "Q:", "A:", "SMITH:", "MR. JONES.", "Posted by ...", "... wrote:"; a paragraph without a label goes
       on with the last speaker's turn).
    8. Score: a logistic regression over these features (rules/models/contradiction.json, trained by
       scripts/train-contradiction on pairs generated from the project's own sentences, seeded and
       reproducible); a pair is reported when P >= the model's threshold (0.7, calibrated on the tune split
       of benchmarks/quality). Optionally a local NLI cross-encoder scores the candidates too.

    How each step, filter and threshold was measured (tune split; false-positive grounds in no split):
    docs/self-contradiction-notes.md.

    Cost: each sentence is analysed once, candidates come from at most 60 postings for each of 8 key terms,
    at most 4 are aligned, and only when a cheap check says a test can fire (benchmarks/README.md: about
    5 s for one document of 1M words).

    Options:
      nli_model (default ""): directory of a local transformers NLI cross-encoder. When set, the candidate
        pairs are also scored by the model (pip install "prose-lint[nli]").
      nli_threshold (default 0.9): contradiction probability needed from the model.
      max_reports (default 5): at most this many diagnostics per document.

    Known limits: the alignment is a bag of tokens, not a parse: a negation in another clause counts; no
    coreference beyond "its"/"it" for a unique earlier subject; paraphrases without a negation, antonym or
    figure ("sold out" / "few tickets were sold") are found only by the NLI path; a subject that differs by
    one antonym while the predicate differs by a word the tables lack ("The eastern districts voted for"
    / "The western districts voted against") is reported although it need not disagree.
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


# Sentences this close in one paragraph are not paired: a writer who sets "Positive expectations yield
# negative results." beside "Negative expectations yield negative results." draws the contrast on purpose.
_NEAR = 3


def _quote(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def find_contradictions(doc: Document, scorer: PairScorer | None = None, nli_threshold: float = 0.9):
    """[(later, earlier, reason, confidence)] sorted by position of the later sentence."""
    if doc.word_count < 10:
        return []
    lex = _lexicon()
    sents = _sentences(doc)
    if len(sents) < 2:
        return []
    mark_subjects(doc, sents)
    who = speakers(doc)
    index: dict[str, list[int]] = {}
    results: dict[int, tuple[_Sent, _Sent, str, float]] = {}
    nli_pairs: list[tuple[int, int]] = []
    event_subjects: dict[str, set[str]] = {}  # event -> the subjects seen so far (for "its founding")
    denials: list = []  # the absolute denials seen so far (explicit._denial_earlier)

    def report(later: _Sent, earlier: _Sent, reason: str, conf: float) -> None:
        if earlier.block == later.block and later.index - earlier.index <= _NEAR:
            return  # a contrast drawn within a few sentences of one paragraph is meant (step 7)
        if who and who.get(earlier.block) != who.get(later.block):
            return  # two speakers of a transcript or a forum thread disagree (step 7)
        if other_subject(earlier, later):
            return  # about different things: another list item, other code, another name
        if later.index not in results or results[later.index][3] < conf:
            results[later.index] = (later, earlier, reason, conf)

    df = Counter(chain.from_iterable(s.content | s.entities for s in sents))
    threshold = float(_model()["threshold"])
    similarity = _similarity(doc, sents)
    pair_memo: dict = {}
    for s in sents:
        if s.usable:
            _check_sentence(s, sents, index, lex, report, nli_pairs if scorer else None, event_subjects, denials)
        if s.index not in results and _pairable(s):
            cands = _pair_candidates(s, sents, index, df)
            if scorer is not None:
                nli_pairs.extend((e.index, s.index) for e in cands if len(s.content & e.content) >= 2)
            # _can_fire first: a pair no test can fire on is dropped whatever its subjects (the cheaper test).
            cands = [e for e in cands if _pairable(e) and _can_fire(e, s) and not other_subject(e, s)]
            found = _score_pairs(s, cands, threshold, similarity, pair_memo)
            if found:
                report(s, found[1], found[2], found[0])
        for event, _, subj in s.events:
            if subj and not pronoun_subject(subj):  # a name, not a pronoun
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



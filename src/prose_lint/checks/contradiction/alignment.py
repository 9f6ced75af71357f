"""Two statements aligned token by token: what only the earlier says, what only the later says, and the
evidence that the difference contradicts (pair_features)."""

from __future__ import annotations

import re
from collections import Counter

from .antonyms import _antonym_pairs
from .claims import (_APPROX_WORDS, _BARE_4, _LEAD, _MONTHS, _NEG_TOKENS, _NO_QUANTITY, _approximated, _attribution,
                     _claim_tokens, _close, _drop_lead, _lead, _past, _quoted_change, _value, dropped_lead,
                     positive_form)
from .filters import DISABLED
from .lexicon import _lexicon, _stem, claim_stopwords
from .negations import _answer_no, _denies_other, _negations
from .openings import _opening
from .periods import _SPATIAL, _periods, _referents, _report_times
from .polarity import (_STANCE, _not_once, _once_denied, _same_before, converse, coordinated, modifier_swap,
                       partial_negation, universal_of, verb_negations)
from .events import _DECADE, _YEAR, within_decade
from .restatements import added_scope, agent_of_passive, occasion_under_always
from .synonyms import synonym_matches
from .sentences import _GAP, _Sent, _emphatic_once


_ABSOLUTE = frozenset({"never", "ever", "any", "whatsoever", "none", "nobody", "nothing", "nowhere", "all"})


def on_(name: str) -> bool:
    return name not in DISABLED


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
    stop = claim_stopwords()
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
    stop = claim_stopwords()
    ta, tb = _claim_tokens(e), _claim_tokens(s)
    ca, cb = Counter(ta), Counter(tb)
    gone, new = ca - cb, cb - ca
    # A synonym said in place of the earlier word ("use" / "employ") is the same word: the later statement's
    # content is read with the earlier's word in its place (or without it, when that word is no content word).
    syn = synonym_matches({_stem(w) for w in gone}, {_stem(w) for w in new})
    paired = {st for pair in syn for st in pair}
    mapped = {n: g for g, n in syn}
    later = {mapped.get(x, x) for x in s.content if x not in mapped or mapped[x] in e.content} if syn else s.content
    shared = e.content & later
    aligned = shared | paired
    small = max(1, min(len(e.content), len(later)))
    na, nb = _negations(ta) - _answer_no(e), _negations(tb) - _answer_no(s)
    neg_flip = float(na != nb and (na % 2) != (nb % 2))
    flipped = neg_flip  # before the antithesis filter: "not closed" / "open" is still a negation with an antonym
    denier = tb if nb > na else ta
    if neg_flip and on_("denied-elsewhere") and not _denies_other(denier, ta if nb > na else tb, stop):
        neg_flip = 0.0  # "Government is not the solution" / "Government is the problem": another predicate
    if neg_flip and on_("denied-elsewhere") and partial_negation(denier, ta if nb > na else tb):
        neg_flip = 0.0  # "Wages have not risen fast enough" / "Wages have risen": a degree, not the fact
    absolute = float(bool(neg_flip and (_ABSOLUTE & set(new if nb > na else gone) or
                                        any(w == "one" and _pronoun_one(denier, k) or w == "once" and _not_once(denier, k)
                                            for k, w in enumerate(denier)))))
    # antonyms swapped
    ant = 0.0
    explained: set[str] = set()
    # A verb that negates ("failed to", "lacks") is the negation: its antonym in the other statement ("agreed
    # to" / "refused to", "succeeded in" / "failed to") is the same contrast, not a second one.
    negv = {ta[i] for i in verb_negations(ta)} | {tb[i] for i in verb_negations(tb)}
    compared = lex["antonym_stopwords"]
    gw = [w for w in gone if w not in stop or w in compared]
    nw = [w for w in new if w not in stop or w in compared]
    # A swap, counted by stem: the later says the opposite more often and the earlier word less often. A
    # statement that already names both sides ("multiplied by and divided by" / "divide") swapped nothing.
    stems_a, stems_b = Counter(map(_stem, ta)), Counter(map(_stem, tb))
    swaps = [(a, b) for a, b in _antonym_pairs(gw, nw)
             if stems_b[_stem(b)] > stems_a[_stem(b)] and stems_a[_stem(a)] > stems_b[_stem(a)]
             and (a not in _STANCE or _same_before(ta, a, tb, b))]
    when = lex["time"] | lex["time_shift"]
    counted: list[tuple[str, str]] = []
    for a, b in swaps:
        if a in negv or b in negv:
            explained.update((a, b))
            continue
        if on_("converse") and converse(ta, tb, a, b, aligned):
            explained.update((a, b))  # "A buys from B" / "B sells to A": the same fact
            continue
        ant = 1.0
        # "Before the plague, labour was cheap" / "After the plague, ... expensive": a swapped time word beside
        # another swap moves the other to another time (it is the contradiction only when it is alone).
        if a in when and b in when and (len(swaps) > 1 or na != nb):
            continue
        counted.append((a, b))
        explained.update((a, b))
    # Contrasts that cancel: an antonym with a negation ("not deep" / "shallow", "was not closed" / "stayed
    # open") agree; two antonyms swapped together ("Rich parishes paid more" / "Poor parishes paid less",
    # "The northern village has a doctor" / "The southern village has none") speak of the other member,
    # unless the two are coordinated predicates ("fertile and easy to work" / "barren and hard to work").
    n_swaps = min(len({a for a, _ in counted}), len({b for _, b in counted}))
    if on_("parity") and n_swaps and (flipped or n_swaps >= 2 and not coordinated(tb, [b for _, b in counted])):
        ant = neg_flip = absolute = 0.0
    # numbers and dates for the same noun
    num = date = same_num = approx = 0.0
    gone_q = [(i, a) for i, a in enumerate(ta) if a in gone and (_figure(ta, i) or
                                                                  a in _MONTHS and e.raw_lower_ok(a))]
    new_q = [(j, b) for j, b in enumerate(tb) if b in new and (_figure(tb, j) or
                                                                b in _MONTHS and s.raw_lower_ok(b))]
    single = len(gone_q) == 1 and len(new_q) == 1  # one figure replaced by another: they pair up
    if not single and (len(gone_q), len(new_q)) in ((2, 1), (1, 2)):
        # "in December 2008" / "in 2010": the month dropped with its year; the two years pair up
        fig_a = [(i, a) for i, a in gone_q if a not in _MONTHS]
        fig_b = [(j, b) for j, b in new_q if b not in _MONTHS]
        if len(fig_a) == 1 and len(fig_b) == 1:
            gone_q, new_q, single = fig_a, fig_b, True
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
                year_a, year_b = bool(_YEAR.match(a) or _DECADE.match(a)), bool(_YEAR.match(b) or _DECADE.match(b))
                if year_a and year_b:
                    if within_decade(a, b):
                        continue  # "in the 1850s" / "in 1855": the year is one of the decade's
                    date = 1.0
                elif year_a != year_b and not (_BARE_4.match(a) and _BARE_4.match(b)):
                    continue  # a year and a count; two plain four-digit figures are of one kind ("1500" / "2400")
                elif va != vb:
                    num = 1.0
                else:
                    same_num = 1.0
            explained.update((a, b))
            if (_approximated(ta, i) or _approximated(tb, j)) and _close(a, b):
                approx = 1.0
    if num and on_("added-scope") and added_scope(ta, tb, _counted_figure):
        num = 0.0  # "4,000 plates of the southern sky" / "6,500 plates of the southern sky and the northern sky"
    if (num or date) and ant and on_("parity") and modifier_swap(ta, tb, counted, stop):
        ant = num = date = 0.0  # "The northern bridge is 240 m long" / "The southern bridge is 310 m long"
    occasion = occasion_under_always(ta, tb) if (num or ant or flipped) and on_("always-occasion") else set()
    explained |= occasion
    if (num or date or ant or flipped) and on_("passive-agent"):
        explained |= agent_of_passive(ta, tb, stop) | agent_of_passive(tb, ta, stop)
    # the rest of the difference
    content_new = {_stem(w) for w in new if w not in stop and w not in explained and len(w) > 2
                   and _value(w) is None and w not in _NEG_TOKENS and not w.endswith("n't")}
    content_gone = {_stem(w) for w in gone if w not in stop and w not in explained and len(w) > 2
                    and _value(w) is None and w not in _NEG_TOKENS and not w.endswith("n't")}
    content_new, content_gone = content_new - content_gone, content_gone - content_new
    content_new -= {_stem(w) for w in negv}
    content_gone -= {_stem(w) for w in negv}
    content_new -= paired
    content_gone -= paired
    content_new -= {_stem(w) for w in _opening(s)}  # a discourse marker ("Officially,", "At no point")
    content_gone -= {_stem(w) for w in _opening(e)}
    # An opening the restatement drops is no change of time (claims.dropped_lead), unless figures differ: those
    # are often of another time ("At the time of release, there were 3900+ packages" / "There were 15,000").
    la, lb = _lead(e), _lead(s)
    dropped = not (num or date) and on_("dropped-lead") and \
        dropped_lead(e, s, ta, tb, la, lb, lex["time"] | lex["time_shift"], stop)
    shorter_new = len(later) <= len(e.content)
    longer = s if not shorter_new else e
    skip = set(_opening(longer)) | (set(la) if dropped and longer is e else set())
    # The words a test explains (the antonym swapped, the negation) are the contradiction, not another subject.
    skip.update(explained)
    # A word both statements say is shared, content word or not ("percent" for "%").
    head = _head_extra([w for w in _claim_tokens(longer) if w not in skip and w not in _NEG_TOKENS
                        and not w.endswith("n't")], aligned | {_stem(w) for w in ca if w in cb}, stop)
    if absolute and _quantifier_subject(s if nb > na else e):
        head = 0.0  # "No one was injured" against "Two workers were injured": the denial replaces the subject
    if head and (flipped or ant) and on_("universal-member") and universal_of(e if longer is s else s, longer, aligned):
        head = 0.0  # "Every train on the line stops here" / "The express trains on the line do not": one of all
    extra_short = len(content_new if shorter_new else content_gone) / small
    extra_long = len(content_gone if shorter_new else content_new) / max(1, len(e.content | later))
    # markers present in one statement only (a reporting verb in both is no difference)
    on = lambda f: f not in DISABLED  # noqa: E731
    # The words a test explains ("before"/"after" swapped) and an opening contrast ("Still, ...") are not a
    # change of time.
    # ... nor is the negation of an auxiliary: "would" / "wouldn't" is one modal, "will" / "won't" one tense.
    sa = set(map(positive_form, _emphatic_once(ta))) - explained
    sb = set(map(positive_form, _emphatic_once(tb))) - explained
    sa -= _SPATIAL if "next to" in " ".join(ta) else set()  # "next to the pharmacy": a place, not a time
    sb -= _SPATIAL if "next to" in " ".join(tb) else set()
    # "As expected,", "As predicted,": a comparative clause of stance with its subject and verb left out
    # ("as [was] expected"), not a time, though "expected" can be one ("expected to open next year").
    sa -= _as_participle(_opening(e))
    sb -= _as_participle(_opening(s))
    for p in lex["timeless_openings"]:  # "Then again,", "After all,": discourse markers, not times
        if " ".join(ta[:len(p)]) == " ".join(p):
            sa -= set(p)
        if " ".join(tb[:len(p)]) == " ".join(p):
            sb -= set(p)
    sa -= _report_times(ta)  # "Contrary to earlier reports, ...": the reports are earlier, not the claim
    sb -= _report_times(tb)
    if s.contrast_open:
        sb.discard(tb[0])
    if e.contrast_open:
        sa.discard(ta[0])
    hedge = float(on("hedge-in-difference") and bool(lex["hedges"] & sa) != bool(lex["hedges"] & sb))
    # One statement only is attributed ("Some say ...", "Critics claim ...", "Rumours circulated that ..."): the
    # later one reports a view, or the earlier states one the author then rejects (concession, rhetoric).
    # Compared by kind (a reporting verb; a framing word such as "rumours", "critics"): "said" restated as
    # "stated" is the same attribution, "Rumours circulated that ..., prosecutors say," adds one.
    report = float(on("report-in-difference") and _attribution(sa, ta, lex) != _attribution(sb, tb, lex))
    when = lex["time"] | lex["time_shift"]
    # A later statement that opens with a marker of its own ("Notably,", "That said,") in place of the
    # earlier one's opening adverbial restates the claim: the time of the dropped opening ("Before the season
    # started,", "By 2050,") is not a change of time. A later opening that names a time ("Ten years ago,") is.
    # A figure the number test paired is the quantity that differs, not a year ("MTU of 1500" / "of 2400").
    ya, yb = (e.years - explained, s.years - explained) if num else (e.years, s.years)
    # The later may keep the earlier's opening after its marker ("In practice, once enabled, ..." / "Once
    # enabled, ..."): then nothing was dropped.
    if la and (lb or dropped) and on("time-in-difference") and not (when & set(lb)) and \
            not any(_YEAR.match(w) for w in lb) and f" {' '.join(la)} " not in f" {' '.join(tb)} ":
        ta, sa, ya = _drop_lead(ta, la), sa - set(la), ya - set(la)
    joined_new = " " + " ".join(tb) + " "
    joined_gone = " " + " ".join(ta) + " "
    time = float(on("time-in-difference") and ((when & sa) != (when & sb) or bool(ya) != bool(yb) or any(
        (f" {p} " in joined_new) != (f" {p} " in joined_gone) for p in lex["time_phrases"])))
    if not time and on("time-in-difference") and (_periods(ta) != _periods(tb) or
                                                  _referents(ta, tb) != _referents(tb, ta)):
        time = 1.0  # "in its first year" / "By its third year", "the war" / "the last war": another period
    timeless = not _EVER.isdisjoint(denier) or _once_denied(denier)  # "never", "not ... even once"
    # "Nothing grows on the salt flats" / "Small shrubs grow on the salt flats after the rains": a quantity denied
    # in the present (the subject "No cars", "Nothing", "There is no station"; not "the answer is no"), a general
    # truth, against a present statement on an occasion; a past one ("was built in 1862") may tell of what has
    # gone since, and a condition's "if any ... not" denies no quantity: both stay a time difference.
    quantity = bool(neg_flip and denier and (denier[0] in _NO_QUANTITY or denier[:1] == ["there"] and
                                             len(denier) > 2 and denier[2] in _NO_QUANTITY))
    timeless = timeless or (quantity and not _past(denier) and not _past(ta if nb > na else tb))
    if (absolute or quantity) and time and timeless and not (when & set(_emphatic_once(denier))) and \
            not (s if nb > na else e).years:
        time = 0.0  # "never", "no ... ever" hold at every time: a date in the other statement does not reconcile
    if date and (num or neg_flip or ant) and on("time-in-difference"):
        # a figure for another month or year ("300 in May" / "450 in June"); a predicate denied or reversed
        # in another year ("approved the plan in 1998" / "In 2004 ... refused to approve a second plan")
        time = 1.0
    quote = float(on("quotation") and (_quoted_change(e, gone, stop) or _quoted_change(s, new, stop)))
    adjacent = float(on("adjacent-contrast") and s.contrast_open and e.block == s.block and e.index == s.index - 1)
    gap = float(on("masked-gap") and bool(_GAP.search(s.text) or _GAP.search(e.text)))
    signal = max(neg_flip, ant, num, date)
    # A month the date test explains ("married in April 1921" / "in October 1921") is the contradiction, not a
    # word the two statements fail to share, nor is an occasion under "always" (a year or another figure is no
    # content word to begin with).
    months = {_stem(w) for w in explained if w in _MONTHS or w in occasion}
    ea, eb = (e.content - months, later - months) if months else (e.content, later)
    cov = len(shared) / max(1, min(len(ea), len(eb)))
    jac = len(shared) / max(1, len(ea | eb))
    return {  # the order is FEATURES
        "coverage": cov, "jaccard": jac, "negation": neg_flip, "absolute": absolute, "antonym": ant,
        "number": num, "date": date, "same_number": same_num, "extra_short": min(extra_short, 1.0),
        "extra_long": extra_long, "signal_x_coverage": signal * cov, "signal_x_jaccard": signal * jac,
        "hedge": hedge, "report": report, "time": time, "quote": quote, "adjacent_contrast": adjacent,
        "gap": gap, "approximate": approx, "head_extra": head, "similarity": similarity if similarity is not None else 0.0,
    }


def _as_participle(opening: list[str]) -> set[str]:
    """The words of an opening "As <past participle>," ("As expected,", "As forecast,"), else nothing."""
    if len(opening) == 2 and opening[0] == "as" and opening[1].endswith(("ed", "en", "cast")):
        return set(opening)
    return set()




_EVER = frozenset({"never", "ever"})  # the absolutes over time (not "any", "all": "if any", "at all")

# "one" after these is a pronoun ("no one", "the one who"), not a count.
_ONE_PRONOUN = frozenset({"no", "any", "some", "every", "each", "the", "this", "that", "which", "another"})


def _pronoun_one(toks: list[str], i: int) -> bool:
    return i > 0 and toks[i - 1] in _ONE_PRONOUN


def _quantifier_subject(s: _Sent) -> bool:
    """The statement's subject is a negative quantifier: "No one ...", "Nobody ...", "None of the ..."."""
    m = _LEAD.match(s.text)
    return _QUANTIFIER.match(s.text, m.end() if m else 0) is not None


# A negative quantifier opening a clause, before a lower-case word ("None of the ...", not "None This type").
_QUANTIFIER = re.compile(r"\W*(?i:no[ -]one|nobody|none|nothing)\s+[a-z]")


def _figure(toks: list[str], i: int) -> bool:
    """The token is a figure (a number, a number word), not the pronoun "one" ("No one was injured")."""
    return _value(toks[i]) is not None and not (toks[i] == "one" and _pronoun_one(toks, i)) and \
        not (toks[i] == "once" and _not_once(toks, i))


def _counted_figure(toks: list[str], i: int) -> bool:
    """A figure or a word of approximation before one ("about 4,000"): what a count says, not what it counts."""
    return _figure(toks, i) or toks[i] in _APPROX_WORDS and i + 1 < len(toks) and _figure(toks, i + 1)


FEATURES = ("coverage", "jaccard", "negation", "absolute", "antonym", "number", "date", "same_number", "extra_short",
            "signal_x_coverage", "signal_x_jaccard", "hedge", "report", "time", "quote",
            "adjacent_contrast", "gap", "approximate", "head_extra", "similarity")

"""Duplicated conclusion: a document that concludes twice.

Drafts assembled from several passes (or generated section by section) often end with a concluding
paragraph and then a second one that says the same thing in other words; a "Conclusion" section appears
twice; a summary paragraph closes the middle of the piece and is repeated at the end; a writer restates the
natural last paragraph with "In short, ...". The conclusions here are built from the host itself: its lead
sentence and the topic sentences of its paragraphs, lightly rephrased by deterministic rewrites (attribution
and subordinate-clause fronting, dropped parentheticals and trailing sub-clauses, synonym swaps from an
inventory partitioned by split), opened by concluding markers partitioned by split.

``Defect.span`` is the second conclusion (with its heading when it has one); ``Defect.accept`` holds the
first. ``meta["edits"]`` lists ``(start, end, original)``: replacing ``text[start:end]`` by ``original`` for
every edit, last first, gives back the host text exactly (forms only insert; one control re-cases a word).

``CONTROLS`` plant a single, natural conclusion (or a mid-document "Overall, ..." or a top "Summary"):
``defects`` is empty, so any duplicated-conclusion report on them is a false positive.
"""

from __future__ import annotations

import random
import re
from collections import Counter

from common import Defect, Host, PlantContext, Planted, by_split, paragraph_spans, sentence_spans

# --------------------------------------------------------------------------------------------------------------
# Inventories (each partitioned by split with `by_split`)
# --------------------------------------------------------------------------------------------------------------

MARKERS = [
    "In conclusion,", "To sum up,", "In summary,", "All in all,", "Ultimately,", "Taken together,", "In short,",
    "To conclude,", "Overall,", "In the end,", "To summarize,", "In sum,", "Summing up,", "To wrap up,",
    "All things considered,", "In closing,", "In brief,", "On the whole,", "When all is said and done,",
    "At the end of the day,", "By way of conclusion,", "In the final analysis,", "To recap,", "Put simply,",
    "In a nutshell,", "All told,", "The bottom line:", "To summarise,", "In summation,", "Altogether,",
    "Summarizing,", "To close,", "In the last analysis,", "In essence,", "Briefly,", "Bottom line:",
    "To draw this together,", "Looking back,", "Stepping back,", "In all,",
]

# openers typical of a second, restating conclusion
RESTATE_MARKERS = [
    "In other words,", "Put differently,", "To put it another way,", "Once again,", "To repeat,", "Again,",
    "To reiterate,", "Simply put,", "Stated simply,", "Said another way,", "Put another way,", "That is to say,",
    "To say it once more,", "In plainer terms,", "Once more,", "To put it plainly,", "Put more simply,",
    "To say it differently,",
]

# optional frames between the marker and the restated sentence ("In short, it is clear that ...")
LEAD_INS = [
    "it is clear that", "it is evident that", "the key point is that", "the central point is that",
    "we have seen that", "it bears repeating that", "the record shows that", "the main takeaway is that",
    "what emerges is that", "it should be clear that", "the lesson is that", "it remains true that",
    "what matters most is that", "the upshot is that", "it seems fair to say that", "there is little doubt that",
    "the essential point is that", "the picture that emerges is that", "one thing stands out:", "the facts are plain:",
    "the story is simple:", "it is worth remembering that", "the point to retain is that", "we can say that",
]

# frames that refer to the document itself, by genre
DOC_LEAD_INS = {
    "news": ["as this report shows,", "as the story makes clear,", "as this article has shown,",
             "as reported above,", "as detailed above,", "as the reporting shows,"],
    "speech": ["as I have said,", "as I have tried to show,", "as I said at the outset,",
               "as I have said tonight,", "as I have argued,", "as I noted earlier,"],
    "documentation": ["as described above,", "as this section has shown,", "as explained above,",
                      "as the previous paragraphs showed,", "as covered above,", "as outlined above,"],
    "other": ["as this piece has shown,", "as argued above,", "as discussed above,", "as we have seen,",
              "as shown above,", "as the preceding pages suggest,"],
}

# joiners for the second and third restated sentences
JOINERS = [
    "Moreover, ", "At the same time, ", "Beyond that, ", "Just as important, ", "Equally, ",
    "In addition, ", "Above all, ", "What is more, ", "Meanwhile, ", "Likewise, ", "Furthermore, ", "Also, ",
    "Just as clearly, ", "On top of that, ", "Besides, ", "Similarly, ", "Crucially, ", "Not least, ",
]

HEADINGS = [
    "Conclusion", "Conclusions", "Summary", "In Summary", "Final Thoughts", "Wrapping Up", "Closing Remarks",
    "Concluding Remarks", "Key Takeaways", "The Bottom Line", "Final Words", "Recap", "Summing Up", "Takeaways",
    "Closing Thoughts", "To Conclude", "Conclusion and Outlook", "Summary and Conclusions", "Final Remarks",
    "In Closing", "Lessons Learned", "Wrap-Up", "Overview of Findings", "What It All Means",
]

# sentence-closing markers for a paragraph-level "Overall, ..." (controls)
PARAGRAPH_CLOSERS = [
    "Overall,", "On the whole,", "All told,", "In all,", "By and large,", "In general,", "Broadly,",
    "Altogether,", "On balance,", "Taken as a whole,", "For the most part,", "All in all,",
]

SYNONYMS = [
    ("said", "stated"), ("says", "states"), ("big", "large"), ("large", "sizable"), ("help", "assist"),
    ("helps", "assists"), ("show", "demonstrate"), ("shows", "demonstrates"), ("showed", "demonstrated"),
    ("many", "numerous"), ("began", "started"), ("started", "began"), ("important", "significant"),
    ("significant", "considerable"), ("major", "key"), ("main", "principal"), ("allow", "permit"),
    ("allows", "permits"), ("allowed", "permitted"), ("buy", "purchase"), ("bought", "purchased"),
    ("try", "attempt"), ("tried", "attempted"), ("quickly", "rapidly"), ("often", "frequently"),
    ("almost", "nearly"), ("nearly", "almost"), ("whole", "entire"), ("entire", "whole"),
    ("problem", "issue"), ("problems", "issues"), ("country", "nation"), ("nation", "country"),
    ("countries", "nations"), ("company", "firm"), ("firm", "company"), ("companies", "firms"),
    ("difficult", "hard"), ("simple", "straightforward"), ("easily", "readily"), ("currently", "presently"),
    ("however", "nevertheless"), ("additional", "extra"), ("provide", "offer"), ("provides", "offers"),
    ("require", "need"), ("requires", "needs"), ("required", "needed"), ("choose", "select"),
    ("chose", "selected"), ("fast", "quick"), ("rapid", "swift"), ("huge", "enormous"), ("strong", "robust"),
    ("officials", "authorities"), ("announced", "revealed"), ("claimed", "asserted"), ("believe", "think"),
    ("believes", "thinks"), ("expected", "anticipated"), ("expect", "anticipate"), ("perhaps", "maybe"),
    ("certainly", "surely"), ("clearly", "plainly"), ("thus", "therefore"), ("therefore", "thus"),
    ("although", "though"), ("finished", "completed"), ("completed", "finished"), ("area", "region"),
    ("areas", "regions"), ("children", "kids"), ("car", "vehicle"), ("cars", "vehicles"), ("money", "funds"),
    ("option", "choice"), ("options", "choices"), ("method", "approach"), ("methods", "approaches"),
    ("result", "outcome"), ("results", "outcomes"), ("effect", "impact"), ("benefits", "advantages"),
    ("risks", "dangers"), ("extremely", "exceptionally"), ("really", "truly"), ("totally", "completely"),
    ("entirely", "wholly"), ("mostly", "largely"), ("largely", "mostly"), ("mainly", "chiefly"),
    ("primarily", "mainly"), ("usually", "typically"), ("typically", "usually"), ("rarely", "seldom"),
    ("increased", "rose"), ("decreased", "fell"), ("build", "construct"), ("built", "constructed"),
    ("obvious", "evident"), ("enormous", "vast"), ("goal", "objective"), ("goals", "objectives"),
    ("purpose", "aim"), ("essential", "vital"), ("vital", "crucial"), ("crucial", "critical"),
    ("permanent", "lasting"), ("sufficient", "adequate"), ("adequate", "sufficient"), ("wealth", "prosperity"),
    ("prosperity", "wealth"), ("duty", "obligation"), ("liberty", "freedom"), ("freedom", "liberty"),
]

_FUNCTION_WORDS = set(
    """the a an in on at for to of by with from as this that these those there it its our we you your
    some many most more all each every one two three no not any several few both after before when while
    if although though since because during under over between among according despite without within
    instead most much such what which who how why where today yesterday tomorrow now then here""".split()
)
_PRONOUN_START = {"He", "She", "His", "Her", "Him", "They", "Their", "Them", "It", "Its", "This", "These", "Those",
                  "That", "Such", "Here", "Both", "Then", "Still", "Yet", "Also", "Instead", "Meanwhile",
                  "However", "Otherwise", "Thus", "Hence", "Therefore", "Similarly", "Likewise", "Nevertheless",
                  "Finally", "Again", "Later", "Earlier", "Now", "Last", "Next", "Another", "Other", "Others"}
_CONJ_START = re.compile(r"^(?:But|And|So|Or|Yet|Still|Also|Indeed|Now|Well|Of course|In fact|In addition|"
                         r"Moreover|Furthermore|Meanwhile|However|Instead|Nevertheless|Nonetheless),?\s+(?=[A-Za-z])")
_DATELINE = re.compile(r"^(?:[A-Z][A-Z.'’]+(?:[ ,/-]+[A-Z][A-Za-z.'’]+){0,3}\s*(?:\([^)]{1,40}\))?\s*(?:-|--|—|–|:)\s+)"
                       r"|^\([A-Z][A-Za-z ]{1,20}\)\s*(?:-|--|—)\s+")
_ABBREV_END = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Prof|Jr|Sr|Inc|Co|Corp|Ltd|No|vs|"
                         r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|etc|e\.g|i\.e|approx)\.|\b[A-Z]\.)$")
_IMPERATIVE = re.compile(r"^(?:God bless|Thank you|Thanks|May God|Please|Good ?night|Nor|Make sure|Try|Never|Click|See|"
                         r"Let|Let's|Remember|Note|Don't|Do|Be|Keep|Take|Use|Add|Check|Go|Read|Visit|Call|Follow|"
                         r"Join|Sign|Enter|Select|Open|Install|Run|Type|Put|Place|Mix|Stir|Bake|Preheat|Pour|"
                         r"Remove|Cut|Set|Bring|Get|Ask|Imagine|Consider|Look|Watch|Find|Write|Send)\b")
_BAD_CHARS = set("`[]|*#<>{}_\\\"“”?!;:¡¦§¨")
_PROSE_END = re.compile(r"[.!?][\"'”’)]*$")
_DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"


def _inv(items: list, ctx: PlantContext, salt: str) -> list:
    return by_split(items, ctx.split, "duplicated-conclusion:" + salt)


# --------------------------------------------------------------------------------------------------------------
# The host's structure and key sentences
# --------------------------------------------------------------------------------------------------------------


def _is_prose(par: str, min_words: int = 12) -> bool:
    if "\n" in par or len(par.split()) < min_words:
        return False
    if par.lstrip()[:1] in "#|>*-`+" or re.match(r"\s*\d+[.)]\s", par):
        return False
    return bool(_PROSE_END.search(par.rstrip()))


def _prose_paragraphs(host: Host) -> list[tuple[int, int]]:
    """Spans of the host's running-text paragraphs (outside code fences) up to its back matter."""
    body = _all_prose(host)
    return body[: _body_end(host, body) + 1]


def _all_prose(host: Host) -> list[tuple[int, int]]:
    out = []
    for s, e in paragraph_spans(host.text):
        if host.text[:s].count("```") % 2:
            continue
        if _is_prose(host.text[s:e]):
            out.append((s, e))
    return out


_BACK_MATTER = re.compile(r"^(?:#+\s*)?(?:\d+\.?\s*)?(?:references|bibliography|acknowledge?ments?|notes|footnotes|"
                         r"funding|competing interests|author contributions|appendix|supporting information|"
                         r"further reading|see also|sources|about the authors?|citation|copyright)\b", re.I)
_CONCLUDING_HEAD = re.compile(r"^(?:#+\s*)?(?:\d+\.?\s*)?(?:conclusions?|summary|in summary|concluding|final (?:thoughts|"
                              r"remarks|words)|closing|wrap|summing up|to conclude|key takeaways|the bottom line|recap)"
                              r"\b[^\n]{0,40}$", re.I)


def already_concludes(host: Host) -> bool:
    """Has the host an explicit conclusion of its own (a Conclusion/Summary heading, a paragraph opened by a
    concluding marker)? Then planting would leave a third, unlabelled one: such hosts are not used."""
    markers = tuple(m for m in MARKERS if m not in ("Briefly,", "Looking back,", "Stepping back,"))
    for s, e in paragraph_spans(host.text):
        par = host.text[s:e]
        first_line = par.split("\n", 1)[0].strip()
        if len(first_line.split()) <= 6 and _CONCLUDING_HEAD.match(first_line):
            return True
        if par.startswith(markers):
            return True
    return False


def _body_end(host: Host, prose: list[tuple[int, int]]) -> int:
    """Index in ``prose`` of the last running-text paragraph before back matter (References, Acknowledgments)."""
    for s, e in paragraph_spans(host.text):
        line = host.text[s:e].split("\n", 1)[0].strip()
        if len(line.split()) <= 5 and _BACK_MATTER.match(line) and (line.startswith("#") or len(line.split()) <= 3):
            before = [k for k, (a, _) in enumerate(prose) if a < s]
            if len(before) >= 3:
                return before[-1]
            break
    return len(prose) - 1


def _clean_sentence(sent: str) -> str | None:
    """A sentence fit to be restated in a conclusion, or None (quotes, questions, fragments, pronoun starts)."""
    sent = sent.strip()
    sent = _DATELINE.sub("", sent, count=1)
    sent = _CONJ_START.sub("", sent, count=1)
    if not sent or not (sent[0].isupper() or sent[0].isdigit()):
        return None
    if any(c in _BAD_CHARS for c in sent) or "http" in sent or "www." in sent or "''" in sent:
        return None
    if not sent.endswith(".") or sent.endswith("..") or _ABBREV_END.search(sent):
        return None
    n = len(sent.split())
    if n < 7 or n > 42:
        return None
    first = sent.split()[0].strip(",")
    if first in _PRONOUN_START or _IMPERATIVE.match(sent):
        return None
    if re.search(r"\b(?:I|me|my)\b", sent) and re.search(r"\b(?:said|says|told)\b", sent):
        return None  # a quoted first person slipped through without quote marks
    return sent


def _movable(sent: str, text: str) -> bool:
    """Can the sentence's first word follow a marker? Either it may be lower-cased or it is plainly a name."""
    word = re.match(r"[A-Za-z0-9][A-Za-z0-9'’.-]*", sent)
    if not word:
        return False
    w = word.group(0).rstrip(".")
    if w == "I" or w.isupper() or any(c.isdigit() for c in w) or _lowercase_ok(w, text):
        return True
    return bool(re.search(r"(?<=[a-z,;] )" + re.escape(w) + r"\b", text))


def _key_sentences(host: Host) -> list[tuple[int, str]]:
    """(paragraph number among prose paragraphs, sentence): the first usable sentence of each prose paragraph
    (its topic sentence; the first one is the lead)."""
    out = []
    for k, (s, e) in enumerate(_prose_paragraphs(host)):
        for a, b in sentence_spans(host.text, s, e)[:2]:
            sent = _clean_sentence(host.text[a:b])
            if sent and _movable(sent, host.text):
                out.append((k, sent))
                break
    return out


def _lowercase_ok(word: str, text: str) -> bool:
    """May ``word`` (sentence-initial in the host) be lower-cased when it moves inside a sentence?"""
    if word == "I" or word.isupper() or any(c.isdigit() for c in word) or not word[:1].isupper():
        return False
    low = word.lower()
    if low in _FUNCTION_WORDS:
        return True
    lower_uses = len(re.findall(r"\b" + re.escape(low) + r"\b", text))
    inner_caps = len(re.findall(r"(?<=[a-z,;] )" + re.escape(word) + r"\b", text))
    return lower_uses > 0 and inner_caps == 0


def _decap(sent: str, text: str) -> str:
    m = re.match(r"[A-Za-z][A-Za-z'’-]*", sent)
    if m and _lowercase_ok(m.group(0), text):
        return sent[0].lower() + sent[1:]
    return sent


def _cap(sent: str) -> str:
    return sent[:1].upper() + sent[1:]


# --------------------------------------------------------------------------------------------------------------
# Rewrites (deterministic given rng; each returns None when it does not apply)
# --------------------------------------------------------------------------------------------------------------


def _drop_subclauses(sent: str, text: str) -> str | None:
    out = sent
    # a non-restrictive clause right after the subject ("Roddick, who has never ..., now plays"): only when it is
    # the sentence's first comma pair and the main verb follows, so a list comma is never taken for its end
    m = re.match(r"^(?P<subj>[^,]{2,60}), (?:which|who|whose) (?P<cl>[^,]{8,100}), (?P<next>[a-z]+)\b", sent)
    if m and len(m.group("cl").split()) >= 3 and m.group("next") not in ("and", "or", "but", "the", "a", "an"):
        out = m.group("subj") + sent[m.end("cl") + 1:]
    out = re.sub(r" \([^()]{1,80}\)", "", out)
    out = re.sub(r" (?:--|—|–) [^-—–]{3,80}? (?:--|—|–)", "", out)
    out = re.sub(r", (?:including|with|saying|adding|making|leaving|bringing|according to|as well as|while|"
                 r"which|who|where|although|though|despite)\b[^,]{3,}\.$", ".", out)
    if out == sent or len(out.split()) < 6:
        return None
    return out


def _front_attribution(sent: str, text: str) -> str | None:
    m = re.match(r"^(?P<a>[^,]{15,}), (?P<s>he|she|they|officials|police|analysts|experts|"
                 r"[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}) (?P<v>said|says|added|noted|reported|announced|told [A-Za-z ]{2,30}?)"
                 r"(?P<t> on \w+day| last week| this week)?\.$", sent)
    if m:
        subj = _cap(m.group("s"))
        return f"{subj} {m.group('v')}{m.group('t') or ''} that {_decap(m.group('a'), text)}."
    m = re.match(r"^(?P<a>[^,]{15,}), according to (?P<s>[^,]{3,60})\.$", sent)
    if m:
        return f"According to {m.group('s')}, {_decap(m.group('a'), text)}."
    return None


def _front_subordinate(sent: str, text: str) -> str | None:
    m = re.match(r"^(?P<a>[^,]{12,}?) (?P<c>because|although|since|after|before|when|while|unless|until|once|"
                 r"as soon as) (?P<b>[^,]{10,})\.$", sent)
    if not m or len(m.group("a").split()) < 3 or len(m.group("b").split()) < 2:
        return None
    if re.search(r"\b(?:whether|nor|than|so|such|too|as)$|\b(?:whether|nor)\b", m.group("a")):
        return None
    if m.group("c") in ("since", "after", "before", "until") and (
            len(m.group("b").split()) > 6 or re.search(r"\b(?:whether|that|which|who)\b", m.group("b"))):
        return None  # a preposition heading a long phrase, not a clause that can move
    return f"{_cap(m.group('c'))} {m.group('b')}, {_decap(m.group('a'), text)}."


def _front_time(sent: str, text: str) -> str | None:
    m = re.match(rf"^(?P<a>[^,]{{12,}}?) (?P<t>(?:on|last|this|earlier this|late last|in|by|since|during) "
                 rf"(?:{_DAYS}|{_MONTHS}(?: \d{{1,2}})?(?:,? \d{{4}})?|\d{{4}}|week|month|year|weekend))\.$", sent)
    if not m or len(m.group("a").split()) < 4:
        return None
    return f"{_cap(m.group('t'))}, {_decap(m.group('a'), text)}."


def _swap_synonyms(rng: random.Random, sent: str, ctx: PlantContext, k: int) -> str | None:
    table = dict(_inv(SYNONYMS, ctx, "synonyms"))
    hits = [m for m in re.finditer(r"\b[a-z]+\b", sent) if m.group(0) in table]
    if not hits:
        return None
    rng.shuffle(hits)
    chosen = sorted(hits[:k], key=lambda m: m.start(), reverse=True)
    out = sent
    for m in chosen:
        new = table[m.group(0)]
        before = out[: m.start()]
        art = re.search(r"\b(a|an) $", before)
        if art and (art.group(1) == "an") != (new[0] in "aeiou"):
            continue
        out = before + new + out[m.end():]
    return out if out != sent else None


_STRUCTURAL = (_front_attribution, _front_subordinate, _front_time)


def _rephrase(rng: random.Random, sent: str, ctx: PlantContext, text: str, strength: int) -> str:
    """A light deterministic paraphrase of a host sentence: ``strength`` 1 (light) to 3 (heavy)."""
    out = sent
    if rng.random() < 0.3 + 0.2 * strength:
        out = _drop_subclauses(out, text) or out
    if rng.random() < 0.4 + 0.2 * strength:
        fns = list(_STRUCTURAL)
        rng.shuffle(fns)
        for fn in fns:
            got = fn(out, text)
            if got:
                out = got
                break
    if rng.random() < 0.5 + 0.2 * strength:
        out = _swap_synonyms(rng, out, ctx, strength) or out
    return out


def _differently(rng: random.Random, sent: str, first: str, ctx: PlantContext, text: str) -> str:
    """A restatement of ``sent`` that differs from ``first`` (the first conclusion's wording) where possible."""
    for strength in (3, 3, 3):
        got = _rephrase(rng, sent, ctx, text, strength)
        if got != first:
            return got
    return _swap_synonyms(rng, first, ctx, 3) or _drop_subclauses(first, text) or got


# --------------------------------------------------------------------------------------------------------------
# Conclusions
# --------------------------------------------------------------------------------------------------------------


def _genre_key(host: Host) -> str:
    return host.genre if host.genre in DOC_LEAD_INS else "other"


def _opening(rng: random.Random, ctx: PlantContext, host: Host, marker: str | None, sent: str,
             lead_in: bool) -> str:
    """``marker`` + optional frame + the sentence (re-cased to follow them)."""
    if marker is None:
        return _cap(sent)
    frame = ""
    if lead_in:
        frames = _inv(LEAD_INS, ctx, "lead-ins") + _inv(DOC_LEAD_INS[_genre_key(host)], ctx, "doc-lead-ins")
        frame = rng.choice(frames) + " "
    return f"{marker} {frame}{_decap(sent, host.text)}"


def _paragraph(rng: random.Random, ctx: PlantContext, host: Host, marker: str | None, sents: list[str]) -> str:
    first = _opening(rng, ctx, host, marker, sents[0], rng.random() < 0.35)
    rest = []
    joiners = [j for j in _inv(JOINERS, ctx, "joiners") if j]
    rng.shuffle(joiners)
    for s in sents[1:]:
        joiner = joiners.pop() if joiners and rng.random() < 0.45 else ""
        rest.append(joiner + (_decap(s, host.text) if joiner else _cap(s)))
    return " ".join([first] + rest)


def _pick_keys(rng: random.Random, keys: list[tuple[int, str]], n: int, upto: int | None = None) -> list[str] | None:
    """The lead plus ``n - 1`` topic sentences spread over the document (before paragraph ``upto``)."""
    if upto is not None:
        keys = [k for k in keys if k[0] < upto]
    if len(keys) < max(2, n):
        return None
    lead, rest = keys[0], keys[1:]
    picked = sorted(rng.sample(rest, min(n - 1, len(rest))))
    return [lead[1]] + [s for _, s in picked]


def _two_markers(rng: random.Random, ctx: PlantContext, restate_p: float = 0.4) -> tuple[str, str]:
    markers = _inv(MARKERS, ctx, "markers")
    m1 = rng.choice(markers)
    if rng.random() < restate_p:
        m2 = rng.choice(_inv(RESTATE_MARKERS, ctx, "restate"))
    else:
        m2 = rng.choice([m for m in markers if m != m1] or markers)
    return m1, m2


def _conclusions(rng: random.Random, ctx: PlantContext, host: Host, sents: list[str], *, m1: str | None,
                 m2: str | None, n2: int | None = None) -> tuple[str, str]:
    """The first conclusion (a light paraphrase of ``sents``) and a second that restates it in other words."""
    c1_sents = [_rephrase(rng, s, ctx, host.text, 1) for s in sents]
    c2_sents = [_differently(rng, s, c, ctx, host.text) for s, c in zip(sents, c1_sents)]
    if n2 is not None:
        c2_sents = c2_sents[:n2]
    if len(c2_sents) > 1 and rng.random() < 0.4:
        c2_sents = c2_sents[1:] + c2_sents[:1]  # same points, another order
    return _paragraph(rng, ctx, host, m1, c1_sents), _paragraph(rng, ctx, host, m2, c2_sents)


# --------------------------------------------------------------------------------------------------------------
# Assembly
# --------------------------------------------------------------------------------------------------------------


def _compose(text: str, inserts: list[tuple[int, list[tuple[str, str | None]]]]):
    """Insert pieces into ``text`` at host offsets; returns the new text, {tag: span} and the edits."""
    out, spans, edits, prev, shift = [], {}, [], 0, 0
    for pos, pieces in sorted(inserts, key=lambda x: x[0]):
        out.append(text[prev:pos])
        start = pos + shift
        cur = start
        for piece, tag in pieces:
            if tag:
                a, _ = spans.get(tag, (cur, cur))
                spans[tag] = (a, cur + len(piece))
            out.append(piece)
            cur += len(piece)
        edits.append((start, cur, ""))
        shift += cur - start
        prev = pos
    out.append(text[prev:])
    return "".join(out), spans, edits


def _heading_style(host: Host) -> str:
    if host.suffix == ".md":
        levels = Counter(len(m.group(1)) for m in re.finditer(r"(?m)^(#{1,4}) \S", host.text))
        return "#" * (max(levels, key=lambda lv: (levels[lv], -lv)) if levels else 2) + " "
    return ""


def _heading(rng: random.Random, host: Host, word: str) -> str:
    prefix = _heading_style(host)
    if prefix:
        return prefix + word
    style = rng.random()
    if style < 0.2:
        return word.upper()
    if style < 0.3:
        return word + ":"
    return word


def _planted(text: str, spans: dict, edits: list, form: str, note: str, meta: dict,
             first: str = "c1", second: str = "c2", accept: tuple[int, int] | None = None) -> Planted:
    meta = dict(meta, form=form, edits=edits)
    return Planted(text, [Defect(spans[second], accept=[accept or spans[first]], note=note)], meta)


def _setup(rng: random.Random, host: Host, min_paras: int = 3, n: int | None = None):
    if already_concludes(host):
        return None
    prose = _prose_paragraphs(host)
    if len(prose) < min_paras:
        return None
    keys = _key_sentences(host)
    sents = _pick_keys(rng, keys, n or rng.randint(2, 3))
    if not sents:
        return None
    return prose, keys, sents


# --------------------------------------------------------------------------------------------------------------
# Forms
# --------------------------------------------------------------------------------------------------------------


def adjacent_paragraphs(rng, host, ctx):
    """Two concluding paragraphs one after the other at the end: the second restates the first with another
    marker and reworded sentences (a draft that was concluded twice)."""
    got = _setup(rng, host)
    if not got:
        return None
    prose, _, sents = got
    m1, m2 = _two_markers(rng, ctx)
    c1, c2 = _conclusions(rng, ctx, host, sents, m1=m1, m2=m2)
    text, spans, edits = _compose(host.text, [(prose[-1][1], [("\n\n", None), (c1, "c1"), ("\n\n", None), (c2, "c2")])])
    return _planted(text, spans, edits, "adjacent-paragraphs", f"'{m2}' paragraph restating '{m1}' paragraph",
                    {"markers": [m1, m2]})


def paraphrase_after_first(rng, host, ctx):
    """A concluding paragraph before the document's last paragraph(s), then, after them, a paraphrase of it:
    the writer added a closing thought and concluded again."""
    got = _setup(rng, host, min_paras=5)
    if not got:
        return None
    prose, _, sents = got
    k = rng.choice([1, 1, 2])
    m1, m2 = _two_markers(rng, ctx)
    c1, c2 = _conclusions(rng, ctx, host, sents, m1=m1, m2=m2)
    text, spans, edits = _compose(host.text, [(prose[-1 - k][1], [("\n\n", None), (c1, "c1")]),
                                              (prose[-1][1], [("\n\n", None), (c2, "c2")])])
    return _planted(text, spans, edits, "paraphrase-after-first",
                    f"'{m2}' paragraph at the end restating '{m1}' paragraph {k} paragraph(s) earlier",
                    {"markers": [m1, m2], "between": k})


def mid_and_end(rng, host, ctx):
    """A summary paragraph that closes the middle of the document and another at the end that says the same
    (a section-level conclusion promoted to the end, or an early ending that was never removed)."""
    if already_concludes(host):
        return None
    prose = _prose_paragraphs(host)
    if len(prose) < 6:
        return None
    mid = rng.randint(int(len(prose) * 0.35), max(int(len(prose) * 0.35), int(len(prose) * 0.65) - 1))
    mid = max(2, min(mid, len(prose) - 3))
    sents = _pick_keys(rng, _key_sentences(host), rng.randint(2, 3), upto=mid + 1)
    if not sents:
        return None
    m1, m2 = _two_markers(rng, ctx, restate_p=0.2)
    c1, c2 = _conclusions(rng, ctx, host, sents, m1=m1, m2=m2)
    text, spans, edits = _compose(host.text, [(prose[mid][1], [("\n\n", None), (c1, "c1")]),
                                              (prose[-1][1], [("\n\n", None), (c2, "c2")])])
    return _planted(text, spans, edits, "mid-and-end",
                    f"'{m2}' paragraph at the end restating the mid-document '{m1}' paragraph",
                    {"markers": [m1, m2], "mid_after_prose_paragraph": mid, "prose_paragraphs": len(prose)})


def one_paragraph(rng, host, ctx):
    """Both conclusions inside one paragraph: a concluding sentence (or two) and, right after it, the same
    point again under another marker ("In short, ... In other words, ...")."""
    got = _setup(rng, host, n=rng.choice([1, 2, 2]) + 1)
    if not got:
        return None
    prose, _, sents = got
    sents = sents[: rng.choice([1, 1, 2])]
    m1, m2 = _two_markers(rng, ctx, restate_p=0.6)
    c1, c2 = _conclusions(rng, ctx, host, sents, m1=m1, m2=m2)
    end = prose[-1][1]
    if rng.random() < 0.5:  # at the end of the host's last paragraph
        pieces = [(" ", None), (c1, "c1"), (" ", None), (c2, "c2")]
        where = "last paragraph"
    else:  # as a paragraph of its own
        pieces = [("\n\n", None), (c1, "c1"), (" ", None), (c2, "c2")]
        where = "new paragraph"
    text, spans, edits = _compose(host.text, [(end, pieces)])
    return _planted(text, spans, edits, "one-paragraph", f"'{m2}' sentence(s) restating '{m1}' in the same paragraph",
                    {"markers": [m1, m2], "where": where})


def repeated_heading(rng, host, ctx):
    """A conclusion section twice: a "Conclusion"/"Summary" heading (Markdown or a plain line) with a
    concluding paragraph, and another such heading with a paragraph that restates it."""
    got = _setup(rng, host)
    if not got:
        return None
    prose, _, sents = got
    words = _inv(HEADINGS, ctx, "headings")
    h1 = rng.choice(words)
    h2 = h1 if rng.random() < 0.5 else rng.choice(words)
    head1, head2 = _heading(rng, host, h1), None
    head2 = head1 if h2 == h1 else _heading(rng, host, h2)
    marked = rng.random() < 0.5
    m1, m2 = _two_markers(rng, ctx, restate_p=0.2) if marked else (None, None)
    c1, c2 = _conclusions(rng, ctx, host, sents, m1=m1, m2=m2)
    k = rng.choice([0, 0, 1]) if len(prose) >= 4 else 0  # the host's last paragraph may sit in the first section
    first = [("\n\n", None), (head1 + "\n\n", "c1"), (c1, "c1")]
    second = [("\n\n", None), (head2 + "\n\n", "c2"), (c2, "c2")]
    if k:
        inserts = [(prose[-2][1], first), (prose[-1][1], second)]
    else:
        inserts = [(prose[-1][1], first + second)]
    text, spans, edits = _compose(host.text, inserts)
    return _planted(text, spans, edits, "repeated-heading", f"second '{h2}' section restating the '{h1}' section",
                    {"headings": [head1, head2], "markers": [m1, m2]})


def sentence_then_paragraph(rng, host, ctx):
    """A concluding sentence that closes the host's last paragraph, then a concluding paragraph with another
    marker that says it again at more length."""
    got = _setup(rng, host, n=rng.randint(2, 3))
    if not got:
        return None
    prose, _, sents = got
    m1, m2 = _two_markers(rng, ctx, restate_p=0.2)
    c1, _ = _conclusions(rng, ctx, host, sents[:1], m1=m1, m2=m2)
    _, c2 = _conclusions(rng, ctx, host, sents, m1=m1, m2=m2)
    text, spans, edits = _compose(host.text, [(prose[-1][1], [(" ", None), (c1, "c1"), ("\n\n", None), (c2, "c2")])])
    return _planted(text, spans, edits, "sentence-then-paragraph",
                    f"'{m2}' paragraph restating the '{m1}' sentence that closes the previous paragraph",
                    {"markers": [m1, m2]})


def unmarked_second(rng, host, ctx):
    """A marked concluding paragraph and then, with no marker at all, a closing summary paragraph that goes
    over the same points again."""
    got = _setup(rng, host)
    if not got:
        return None
    prose, _, sents = got
    m1, _ = _two_markers(rng, ctx)
    c1, c2 = _conclusions(rng, ctx, host, sents, m1=m1, m2=None)
    text, spans, edits = _compose(host.text, [(prose[-1][1], [("\n\n", None), (c1, "c1"), ("\n\n", None), (c2, "c2")])])
    return _planted(text, spans, edits, "unmarked-second", f"unmarked summary paragraph restating the '{m1}' paragraph",
                    {"markers": [m1, None]})


def natural_ending_restated(rng, host, ctx):
    """The host's own last paragraph (its natural conclusion) followed by a marked restatement of it."""
    if already_concludes(host):
        return None
    prose = _prose_paragraphs(host)
    if len(prose) < 3:
        return None
    s, e = prose[-1]
    cands = [_clean_sentence(host.text[a:b]) for a, b in sentence_spans(host.text, s, e)]
    cands = [c for c in cands if c and _movable(c, host.text)]
    if not cands:
        return None
    sents = cands[:2] if len(cands) >= 2 and rng.random() < 0.4 else [rng.choice(cands[-2:])]
    markers = _inv(MARKERS, ctx, "markers")
    m2 = rng.choice(markers if rng.random() < 0.7 else _inv(RESTATE_MARKERS, ctx, "restate"))
    c2 = _paragraph(rng, ctx, host, m2, [_differently(rng, x, x, ctx, host.text) for x in sents])
    sep = "\n\n" if rng.random() < 0.75 else " "
    text, spans, edits = _compose(host.text, [(e, [(sep, None), (c2, "c2")])])
    return _planted(text, spans, edits, "natural-ending-restated",
                    f"'{m2}' restatement of the host's last paragraph", {"markers": [None, m2], "sep": sep},
                    accept=(s, e))


def short_recap(rng, host, ctx):
    """A full concluding paragraph followed by a one-line recap that repeats its first point ("In short,
    ..."): the conclusion concluded again."""
    got = _setup(rng, host)
    if not got:
        return None
    prose, _, sents = got
    m1, m2 = _two_markers(rng, ctx, restate_p=0.5)
    c1, c2 = _conclusions(rng, ctx, host, sents, m1=m1, m2=m2, n2=1)
    text, spans, edits = _compose(host.text, [(prose[-1][1], [("\n\n", None), (c1, "c1"), ("\n\n", None), (c2, "c2")])])
    return _planted(text, spans, edits, "short-recap", f"one-sentence '{m2}' recap of the '{m1}' paragraph",
                    {"markers": [m1, m2]})


FORMS = {
    "adjacent-paragraphs": adjacent_paragraphs,
    "paraphrase-after-first": paraphrase_after_first,
    "mid-and-end": mid_and_end,
    "one-paragraph": one_paragraph,
    "repeated-heading": repeated_heading,
    "sentence-then-paragraph": sentence_then_paragraph,
    "unmarked-second": unmarked_second,
    "natural-ending-restated": natural_ending_restated,
    "short-recap": short_recap,
}


# --------------------------------------------------------------------------------------------------------------
# Controls: one conclusion only (defects empty)
# --------------------------------------------------------------------------------------------------------------


def control_marked_last_paragraph(rng, host, ctx):
    """A single natural conclusion: the host's last paragraph opened with a concluding marker ("In
    conclusion, the ..."), or one marked concluding paragraph appended after it. Nothing else concludes."""
    if already_concludes(host):
        return None
    prose = _prose_paragraphs(host)
    if len(prose) < 3:
        return None
    marker = rng.choice(_inv(MARKERS, ctx, "markers"))
    s, e = prose[-1]
    last = host.text[s:e]
    m = re.match(r"[A-Z][A-Za-z'’-]*", last)
    if rng.random() < 0.6 and m and m.group(0) not in _PRONOUN_START and not _CONJ_START.match(last) \
            and not _DATELINE.match(last):
        word = m.group(0)
        new_word = word[0].lower() + word[1:] if _lowercase_ok(word, host.text) else word
        new = f"{marker} {new_word}"
        text = host.text[:s] + new + host.text[s + len(word):]
        return Planted(text, [], {"form": "marked-last-paragraph", "variant": "prefixed", "marker": marker,
                                  "edits": [(s, s + len(new), word)]})
    sents = _pick_keys(rng, _key_sentences(host), rng.randint(2, 3))
    if not sents:
        return None
    c1 = _paragraph(rng, ctx, host, marker, [_rephrase(rng, x, ctx, host.text, 1) for x in sents])
    text, _, edits = _compose(host.text, [(e, [("\n\n", None), (c1, "c1")])])
    return Planted(text, [], {"form": "marked-last-paragraph", "variant": "appended", "marker": marker,
                              "edits": edits})


def control_overall_mid_paragraph(rng, host, ctx):
    """A paragraph of argument in the middle of the document closed by an "Overall, ..." sentence that sums
    up that paragraph only: a local summary, not a second conclusion."""
    if already_concludes(host):
        return None
    prose = _prose_paragraphs(host)
    if len(prose) < 4:
        return None
    lo, hi = max(1, int(len(prose) * 0.25)), max(1, int(len(prose) * 0.75))
    cands = []
    for k in range(lo, hi + 1):
        s, e = prose[k]
        ss = sentence_spans(host.text, s, e)
        if len(ss) >= 3:
            first = _clean_sentence(host.text[ss[0][0]:ss[0][1]])
            if first and _movable(first, host.text):
                cands.append((k, e, first))
    if not cands:
        return None
    k, e, first = rng.choice(cands)
    marker = rng.choice(_inv(PARAGRAPH_CLOSERS, ctx, "closers"))
    sent = f"{marker} {_decap(_rephrase(rng, first, ctx, host.text, 2), host.text)}"
    text, _, edits = _compose(host.text, [(e, [(" ", None), (sent, "s")])])
    return Planted(text, [], {"form": "overall-mid-paragraph", "marker": marker, "prose_paragraph": k,
                              "edits": edits})


def control_summary_heading_top(rng, host, ctx):
    """A "Summary" heading at the top with an abstract-like paragraph (the document's main points), and
    nothing else concluding: an executive summary, not a duplicated conclusion."""
    got = _setup(rng, host, n=rng.randint(2, 3))
    if not got:
        return None
    _, _, sents = got
    word = rng.choice(["Summary", "Summary", "Executive Summary", "Abstract", "Overview"])
    head = _heading(rng, host, word)
    abstract = _paragraph(rng, ctx, host, None, [_rephrase(rng, x, ctx, host.text, 1) for x in sents])
    spans = paragraph_spans(host.text)
    if host.suffix == ".md" and spans and host.text.startswith("# "):  # under the document's title
        text, _, edits = _compose(host.text, [(spans[0][1], [("\n\n", None), (head + "\n\n" + abstract, "a")])])
    else:
        text, _, edits = _compose(host.text, [(0, [(head + "\n\n", "h"), (abstract + "\n\n", "a")])])
    return Planted(text, [], {"form": "summary-heading-top", "heading": head, "edits": edits})


def control_single_heading(rng, host, ctx):
    """One "Conclusion" section (heading plus a concluding paragraph) at the end of the document: the normal
    shape of a report's ending."""
    got = _setup(rng, host)
    if not got:
        return None
    prose, _, sents = got
    word = rng.choice(_inv(HEADINGS, ctx, "headings"))
    head = _heading(rng, host, word)
    marker = rng.choice(_inv(MARKERS, ctx, "markers")) if rng.random() < 0.4 else None
    para = _paragraph(rng, ctx, host, marker, [_rephrase(rng, x, ctx, host.text, 1) for x in sents])
    text, _, edits = _compose(host.text, [(prose[-1][1], [("\n\n", None), (head + "\n\n" + para, "c")])])
    return Planted(text, [], {"form": "single-heading", "heading": head, "marker": marker, "edits": edits})


CONTROLS = {
    "marked-last-paragraph": control_marked_last_paragraph,
    "overall-mid-paragraph": control_overall_mid_paragraph,
    "summary-heading-top": control_summary_heading_top,
    "single-heading": control_single_heading,
}

"""Self-contradiction forms: a later sentence of a document contradicts an earlier sentence of the same document.

Real documents contradict themselves when they are edited in pieces: a figure is updated in one paragraph and
not in another, a draft says a feature "is supported" and a later section (written by someone else) says it is
not, a wire story is re-topped with a new casualty count while the old count survives further down, a speech
pastes two versions of the same claim. Every form here takes a real sentence of the host (except the NLI
forms, which use human-written SICK pairs), restates it several paragraphs later with the fact changed, and
inserts the restatement as its own sentence (at the end or start of a later paragraph, or as its own short
paragraph). ``Defect.span`` is the planted later sentence; ``Defect.accept`` holds the earlier sentence.

``CONTROLS`` holds look-alike plants that are NOT contradictions (a consistent restatement, a number at a
different time, a hedged or reported claim, SICK entailment/neutral pairs): their ``defects`` are empty and
the would-be spans are in ``meta``; they measure false positives.

Every plant only inserts text: ``meta["inserted"]`` lists the inserted regions (with their separators), and
removing them gives back the host text byte for byte.
"""

from __future__ import annotations

import random
import re

from common import Defect, Host, PlantContext, Planted, by_split, paragraph_spans, sentence_spans

# --------------------------------------------------------------------------------------------------------
# Inventories (each partitioned by split with `by_split`)
# --------------------------------------------------------------------------------------------------------

MARKERS = [
    "However,", "In fact,", "Actually,", "Contrary to earlier reports,", "To be clear,", "As it turns out,",
    "In reality,", "That said,", "On the contrary,", "Nevertheless,", "To set the record straight,",
    "Correction:", "In truth,", "As a matter of fact,", "Indeed,", "But", "Yet", "Still,",
    "Contrary to what was stated above,", "Strictly speaking,", "To be precise,", "Admittedly,", "Then again,",
    "In practice,", "Officially,", "By all accounts,", "In the end,", "As it happens,", "Truth be told,",
    "To clarify,", "Update:", "Clarification:", "Note:", "Importantly,", "For the record,", "Despite this,",
    "In any case,", "Even so,", "Contrary to popular belief,", "As it stands,", "To be fair,",
    "Contrary to some accounts,", "In short,", "Put simply,", "Of course,", "Mind you,", "Rather,",
    "At the same time,", "Incidentally,", "Notably,",
]

# Light synonym swaps used to vary a restatement (pattern, replacement); partitioned by split.
SYNONYMS = [
    (r"\bsaid\b", "stated"), (r"\bsays\b", "states"), (r"\babout (?=\d)", "around "), (r"\baround (?=\d)", "about "),
    (r"\bapproximately\b", "roughly"), (r"\bmore than (?=\d)", "over "), (r"\bnearly\b", "almost"),
    (r"\balmost\b", "nearly"), (r"\bbig\b", "large"), (r"\blarge\b", "big"), (r"\bbegan\b", "started"),
    (r"\bstarted\b", "began"), (r"\bhelp\b", "assist"), (r"\bshows\b", "indicates"), (r"\bshowed\b", "indicated"),
    (r"\bbuy\b", "purchase"), (r"\bbought\b", "purchased"), (r"\bmany\b", "numerous"), (r"\bquickly\b", "rapidly"),
    (r"\bcompany\b", "firm"), (r"\bfirm\b", "company"), (r"\bhowever,? ", ""), (r"\balso ", ""), (r"\bstill ", ""),
    (r"\balready ", ""), (r"\bjust ", ""), (r"\breportedly ", ""), (r"\bcurrently ", ""), (r"\binitially ", ""),
    (r"\bmainly\b", "mostly"), (r"\bmostly\b", "largely"), (r"\bneed\b", "require"), (r"\bneeds\b", "requires"),
    (r"\buse\b", "employ"), (r"\bmajor\b", "significant"), (r"\bimportant\b", "key"), (r"\bplaced\b", "put"),
    (r"\bobtain\b", "get"), (r"\bget\b", "obtain"), (r"\bwhile\b", "whereas"), (r"\bcar\b", "vehicle"),
    (r"\bchildren\b", "kids"), (r"\bkids\b", "children"), (r"\bjob\b", "position"), (r"\btold\b", "informed"),
]

HEDGES = [  # reported speech / hedges that make a restated-and-flipped claim NOT the document's own claim
    "Critics claim that", "Some have argued that", "Opponents insist that", "A few readers have suggested that",
    "It has been rumoured that", "Skeptics maintain that", "Detractors allege that", "Some observers believe that",
    "Rival groups have claimed that", "Online commenters asserted that", "One blogger wrongly reported that",
    "A competing account holds that", "An anonymous post alleged that", "Some early reports said that",
    "Rumours circulated that", "Sceptics contend that", "Several commentators speculated that",
    "A tabloid story claimed that", "Conspiracy theorists insist that", "Some users mistakenly believe that",
    "A widely shared post claimed that", "Opposition figures alleged that", "A minority view holds that",
    "Early drafts of the plan suggested that", "Some bloggers have wrongly suggested that",
    "It was briefly rumoured that", "A few critics wrote that", "Unconfirmed reports suggested that",
]

TIME_SHIFTS = [  # prefixes that move a past-tense restatement to a later time
    "A year later,", "Two years later,", "By the following year,", "Five years on,", "A decade later,",
    "By the end of the decade,", "Within months,", "Three years later,", "By the next election,",
    "Several years later,", "The following spring,", "By the following summer,", "Eighteen months later,",
    "By the time the project ended,", "Later that decade,", "In the years that followed,", "By the next census,",
    "Within a few years,", "A few months later,", "Some years afterwards,", "By the close of the next year,",
    "Four years later,", "Over the next few years this changed:", "After the reorganisation,",
]

RESTATE_LEADS = [  # optional openers of a consistent restatement (controls)
    "As noted earlier,", "As mentioned above,", "Again,", "To recap,", "As already said,", "Recall that",
    "As we saw,", "As stated before,", "Once more,", "As pointed out earlier,", "As described above,",
    "It bears repeating that", "As explained before,", "As reported above,", "To repeat,", "As discussed,",
]

# Antonym groups: each group is a list of (word, antonym) inflection pairs; a group belongs to one split.
ANTONYM_GROUPS = [
    [("increase", "decrease"), ("increased", "decreased"), ("increases", "decreases"), ("increasing", "decreasing")],
    [("rose", "fell"), ("rising", "falling"), ("risen", "fallen"), ("rises", "falls")],
    [("grew", "shrank"), ("growing", "shrinking"), ("grown", "shrunk"), ("grows", "shrinks")],
    [("won", "lost"), ("win", "lose"), ("wins", "loses"), ("winning", "losing"), ("winner", "loser"), ("winners", "losers")],
    [("victory", "defeat"), ("victories", "defeats")],
    [("success", "failure"), ("successful", "unsuccessful"), ("successfully", "unsuccessfully"), ("succeeded", "failed")],
    [("legal", "illegal"), ("legally", "illegally"), ("lawful", "unlawful")],
    [("supported", "opposed"), ("supports", "opposes"), ("supporting", "opposing"), ("supporters", "opponents")],
    [("large", "small"), ("larger", "smaller"), ("largest", "smallest")],
    [("high", "low"), ("higher", "lower"), ("highest", "lowest")],
    [("more than", "fewer than"), ("at least", "at most")],
    [("strong", "weak"), ("stronger", "weaker"), ("strongest", "weakest"), ("strengthened", "weakened")],
    [("easy", "difficult"), ("easier", "harder"), ("easiest", "hardest")],
    [("accepted", "rejected"), ("accept", "reject"), ("accepts", "rejects"), ("accepting", "rejecting")],
    [("approved", "vetoed"), ("approve", "veto"), ("approves", "vetoes")],
    [("allowed", "forbidden"), ("permitted", "prohibited"), ("allows", "forbids"), ("allow", "forbid")],
    [("possible", "impossible"), ("possibly", "impossibly")],
    [("opened", "closed"), ("opens", "closes"), ("opening", "closing")],
    [("gained", "lost"), ("gains", "losses"), ("gain", "loss")],
    [("profit", "loss"), ("profits", "losses"), ("profitable", "unprofitable")],
    [("improved", "worsened"), ("improve", "worsen"), ("improving", "worsening"), ("improvement", "deterioration")],
    [("better", "worse"), ("best", "worst")],
    [("good", "bad")],
    [("early", "late"), ("earlier", "later")],
    [("cheap", "expensive"), ("cheaper", "more expensive"), ("inexpensive", "costly")],
    [("safe", "dangerous"), ("safer", "more dangerous"), ("safety", "danger")],
    [("likely", "unlikely")],
    [("always", "never")],
    [("included", "excluded"), ("include", "exclude"), ("includes", "excludes"), ("including", "excluding")],
    [("first", "last")],
    [("positive", "negative"), ("positively", "negatively")],
    [("above", "below")],
    [("maximum", "minimum")],
    [("rich", "poor"), ("richer", "poorer"), ("wealthy", "impoverished")],
    [("majority", "minority")],
    [("agreed", "refused"), ("agrees", "refuses"), ("agree", "refuse")],
    [("enabled", "disabled"), ("enable", "disable"), ("enables", "disables")],
    [("mandatory", "optional"), ("compulsory", "voluntary")],
    [("available", "unavailable")],
    [("correct", "incorrect"), ("correctly", "incorrectly")],
    [("true", "false")],
    [("secure", "insecure"), ("securely", "insecurely")],
    [("stable", "unstable")],
    [("popular", "unpopular")],
    [("fast", "slow"), ("faster", "slower"), ("fastest", "slowest")],
    [("quickly", "slowly"), ("rapidly", "gradually"), ("quick", "slow"), ("rapid", "gradual")],
    [("hot", "cold"), ("hotter", "colder")],
    [("warm", "cool"), ("warmer", "cooler")],
    [("allies", "enemies"), ("ally", "enemy")],
    [("friendly", "hostile")],
    [("public", "private"), ("publicly", "privately")],
    [("guilty", "innocent")],
    [("convicted", "acquitted")],
    [("new", "old"), ("newer", "older"), ("newest", "oldest")],
    [("long", "short"), ("longer", "shorter"), ("longest", "shortest")],
    [("major", "minor")],
    [("significant", "negligible"), ("significantly", "negligibly")],
    [("heavy", "light"), ("heavily", "lightly")],
    [("full", "empty")],
    [("domestic", "foreign")],
    [("internal", "external"), ("internally", "externally")],
    [("inside", "outside")],
    [("local", "remote"), ("locally", "remotely")],
    [("present", "absent")],
    [("visible", "invisible")],
    [("clear", "unclear"), ("clearly", "unclearly")],
    [("happy", "unhappy")],
    [("fair", "unfair"), ("fairly", "unfairly")],
    [("efficient", "inefficient"), ("efficiently", "inefficiently")],
    [("effective", "ineffective"), ("effectively", "ineffectively")],
    [("expanded", "reduced"), ("expand", "reduce"), ("expansion", "reduction"), ("expanding", "reducing")],
    [("bought", "sold"), ("buy", "sell"), ("buying", "selling"), ("buyers", "sellers"), ("buys", "sells")],
    [("imports", "exports"), ("imported", "exported"), ("importing", "exporting")],
    [("simple", "complex"), ("simpler", "more complex"), ("simplest", "most complex")],
    [("common", "rare"), ("commonly", "rarely"), ("frequently", "rarely"), ("often", "seldom")],
    [("before", "after")],
    [("confirmed", "denied"), ("confirm", "deny"), ("confirms", "denies")],
    [("admitted", "denied"), ("admits", "denies")],
    [("alive", "dead")],
    [("north", "south"), ("northern", "southern"), ("northward", "southward")],
    [("east", "west"), ("eastern", "western")],
    [("optimistic", "pessimistic"), ("optimism", "pessimism")],
    [("conservative", "liberal"), ("conservatives", "liberals")],
    [("urban", "rural")],
    [("wide", "narrow"), ("wider", "narrower"), ("widely", "narrowly")],
    [("thick", "thin")],
    [("deep", "shallow")],
    [("loud", "quiet"), ("loudly", "quietly")],
    [("beneficial", "harmful"), ("benefits", "harms")],
    [("healthy", "unhealthy")],
    [("sufficient", "insufficient"), ("adequate", "inadequate")],
    [("legitimate", "illegitimate")],
    [("accurate", "inaccurate"), ("accurately", "inaccurately")],
    [("consistent", "inconsistent"), ("consistently", "inconsistently")],
    [("formal", "informal"), ("formally", "informally")],
    [("official", "unofficial"), ("officially", "unofficially")],
    [("permanent", "temporary"), ("permanently", "temporarily")],
    [("ahead", "behind")],
    [("many", "few")],
    [("increasingly", "less and less")],
    [("ancient", "modern")],
    [("male", "female")],
    [("dark", "bright"), ("darker", "brighter")],
    [("wet", "dry"), ("wetter", "drier")],
    [("native", "foreign-born")],
    [("strict", "lenient"), ("stricter", "more lenient"), ("strictly", "loosely")],
    [("compatible", "incompatible")],
    [("valid", "invalid")],
    [("responsive", "unresponsive")],
    [("reliable", "unreliable"), ("reliably", "unreliably")],
    [("willing", "unwilling")],
    [("able", "unable")],
    [("lucky", "unlucky")],
    [("married", "divorced")],
    [("employed", "unemployed")],
    [("armed", "unarmed")],
]

# --------------------------------------------------------------------------------------------------------
# Verb forms (base, 3sg, past, participle)
# --------------------------------------------------------------------------------------------------------

_IRREGULAR = """have has had had|do does did done|say says said said|make makes made made|take takes took taken|give gives gave given|get gets got gotten|
go goes went gone|come comes came come|see sees saw seen|know knows knew known|find finds found found|
tell tells told told|think thinks thought thought|build builds built built|buy buys bought bought|sell sells sold sold|
win wins won won|lose loses lost lost|keep keeps kept kept|hold holds held held|bring brings brought brought|
begin begins began begun|run runs ran run|write writes wrote written|lead leads led led|leave leaves left left|
meet meets met met|pay pays paid paid|send sends sent sent|spend spends spent spent|show shows showed shown|
grow grows grew grown|rise rises rose risen|fall falls fell fallen|become becomes became become|
choose chooses chose chosen|drive drives drove driven|speak speaks spoke spoken|break breaks broke broken|
steal steals stole stolen|teach teaches taught taught|catch catches caught caught|fight fights fought fought|
seek seeks sought sought|feel feels felt felt|stand stands stood stood|understand understands understood understood|
draw draws drew drawn|throw throws threw thrown|hear hears heard heard|mean means meant meant|
fly flies flew flown|eat eats ate eaten|forget forgets forgot forgotten|hide hides hid hidden|shoot shoots shot shot|
strike strikes struck struck|wear wears wore worn|sit sits sat sat|lend lends lent lent|deal deals dealt dealt|
sink sinks sank sunk|shake shakes shook shaken|withdraw withdraws withdrew withdrawn|offer offers offered offered|
bear bears bore borne|freeze freezes froze frozen|ride rides rode ridden|swim swims swam swum|sing sings sang sung|
overcome overcomes overcame overcome|undertake undertakes undertook undertaken|forbid forbids forbade forbidden"""

_REGULAR = """announce report approve reject accept agree confirm deny decide allow ban support oppose sign pass close
open launch release introduce increase reduce require include use receive provide create vote start end join plan
promise claim admit arrest kill injure attack move change call ask help need want work play serve design develop
install configure contain replace remove return produce publish display enable disable expect estimate fund invest
hire fire employ attend visit appear happen occur remain warn charge convict elect appoint nominate force manage own
control block prevent protect cause affect damage destroy discover reveal suggest indicate describe explain mention
insist argue recommend complete finish achieve fail improve print obtain earn save treat test check share list name
question order deliver cover reach raise drop stop fix handle solve follow adopt select collect approve register
record study try carry apply rely mark limit launch host accept enter discuss consider demand express express hope
welcome plan suspend cancel approve restore raise lower predict prepare import export defend operate compete"""

_DOUBLE = {"plan", "ban", "stop", "drop", "admit", "occur", "commit", "prefer", "control", "refer", "permit", "submit"}


def _regular_forms(base: str) -> tuple[str, str, str, str]:
    if base.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = base + "es"
    elif base.endswith("y") and base[-2] not in "aeiou":
        third = base[:-1] + "ies"
    else:
        third = base + "s"
    if base.endswith("e"):
        past = base + "d"
    elif base.endswith("y") and base[-2] not in "aeiou":
        past = base[:-1] + "ied"
    elif base in _DOUBLE:
        past = base + base[-1] + "ed"
    else:
        past = base + "ed"
    return base, third, past, past


VERBS: dict[str, tuple[str, str, str, str]] = {}  # any form -> (base, 3sg, past, participle)
for _entry in _IRREGULAR.replace("\n", "").split("|"):
    _forms = tuple(_entry.split())
    if len(_forms) == 4:
        for _f in _forms:
            VERBS.setdefault(_f, _forms)
for _base in _REGULAR.split():
    _forms = _regular_forms(_base)
    for _f in _forms:
        VERBS.setdefault(_f, _forms)
PAST = {v[2]: v for v in VERBS.values()}
THIRD = {v[1]: v for v in VERBS.values()}
PARTICIPLES = {v[3] for v in VERBS.values()}

AUX_NEG = {
    "is": ["is not", "isn't", "is never"], "are": ["are not", "aren't", "are never"],
    "was": ["was not", "wasn't", "was never"], "were": ["were not", "weren't", "were never"],
    "has": ["has not", "hasn't", "has never"], "have": ["have not", "haven't", "have never"],
    "had": ["had not", "hadn't", "had never"], "will": ["will not", "won't", "will never"],
    "would": ["would not", "wouldn't", "would never"], "can": ["cannot", "can't", "can never"],
    "could": ["could not", "couldn't", "could never"], "should": ["should not", "shouldn't", "should never"],
    "must": ["must not", "must never"], "may": ["may not"], "might": ["might not", "might never"],
    "does": ["does not", "doesn't"], "do": ["do not", "don't"], "did": ["did not", "didn't"],
}
NEG_AUX = {
    "isn't": "is", "aren't": "are", "wasn't": "was", "weren't": "were", "hasn't": "has", "haven't": "have",
    "hadn't": "had", "won't": "will", "wouldn't": "would", "can't": "can", "cannot": "can", "couldn't": "could",
    "shouldn't": "should",
}
REPORTING = {"said", "says", "told", "added", "noted", "thinks", "thought", "believes", "believed", "stated", "argued",
             "argues", "explained", "wrote", "writes", "reported", "announced", "claimed", "claims", "insisted",
             "insists", "suggested", "suggests", "warned", "warns", "acknowledged", "admitted", "estimated",
             "estimates", "predicted", "predicts", "hopes", "hoped", "expects", "expected", "knows", "knew", "feel",
             "feels", "felt", "think", "believe", "say", "explains", "adds", "notes", "reports", "agreed", "agrees"}
PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "there"}
RELATIVISERS = {"why", "how", "who", "which", "that", "whom", "whose", "where", "when", "if", "because", "although", "while",
                "what", "whether", "as", "since", "once", "unless", "though", "after", "before", "until"}
SUBORDINATORS = ("When", "If", "After", "Although", "While", "Because", "Since", "As", "Before", "Once", "Unless",
                 "Though", "Until", "Whenever", "Even though", "Even if")
NOT_SUBJECT_END = {"the", "a", "an", "to", "be", "been", "being", "of", "for", "with", "by", "and", "or", "in", "on",
                   "at", "from", "not", "never", "also", "that", "which", "who", "its", "their", "his", "her", "our",
                   "my", "your", "this", "these", "those", "is", "are", "was", "were", "has", "have", "had", "will",
                   "would", "can", "could", "should", "must", "may", "might", "do", "does", "did", "than", "as", "but"}
ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "prof", "jr",
                 "sr", "inc", "co", "corp", "ltd", "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov",
                 "dec", "no", "vs", "etc", "e.g", "i.e", "u.s", "u.k", "u.n", "mt", "ft", "fig", "vol", "ave", "rev"}

# --------------------------------------------------------------------------------------------------------
# Host analysis: prose paragraphs, candidate sentences, later insertion slots
# --------------------------------------------------------------------------------------------------------

_LISTY = re.compile(r"^(?:[#>|*+=~\-•]|\d+[.)]\s|[A-Za-z][.)]\s|\s|\[|!\[|<)")
_BAD_CHARS = re.compile(r"[`_/@\[\]{}<>|\\=*#~^]|https?|www\.|!|\.\.|--|\t|\?(?![a-z])|(?<![A-Za-z])\?|:(?!\s)")
MIN_GAP = 3  # paragraphs between the earlier sentence and the planted one


def _prose(host: Host) -> tuple[list[tuple[int, int]], list[bool]]:
    """Paragraph spans and, for each, whether it is a plain prose paragraph a sentence can join."""
    text = host.text
    spans = paragraph_spans(text)
    flags, in_fence = [], False
    for s, e in spans:
        p = text[s:e]
        fences = p.count("```") + p.count("~~~")
        ok = (not in_fence and not fences and "\n" not in p and not _LISTY.match(p) and len(p.split()) >= 8
              and p.rstrip("\"'”’)")[-1:] in ".!?" and (p[0].isupper() or p[0] in "\"“‘'(")
              and sum(c.isupper() for c in p) < 0.3 * sum(c.isalpha() for c in p))
        flags.append(ok)
        if fences % 2:
            in_fence = not in_fence
    return spans, flags


class Cand:
    __slots__ = ("start", "end", "para", "text")

    def __init__(self, start: int, end: int, para: int, text: str):
        self.start, self.end, self.para, self.text = start, end, para, text


def _last_word(s: str) -> str:
    m = re.search(r"([\w.]+)\.?$", s.rstrip(".\"'”’) "))
    return (m.group(1) if m else "").lower().rstrip(".")


def _candidates(host: Host, min_words: int = 6, max_words: int = 45) -> list[Cand]:
    """Clean declarative sentences of prose paragraphs that have room for a restatement MIN_GAP paragraphs on."""
    text = host.text
    spans, flags = _prose(host)
    out = []
    last_target = max((i for i, f in enumerate(flags) if f), default=-1)
    for i, (ps, pe) in enumerate(spans):
        if not flags[i] or i + MIN_GAP > last_target:
            continue
        sents = sentence_spans(text, ps, pe)
        for k, (s, e) in enumerate(sents):
            sent = text[s:e]
            words = sent.split()
            if not (min_words <= len(words) <= max_words) or not sent.endswith("."):
                continue
            if not sent[0].isupper() or _BAD_CHARS.search(sent[:-1]) or "(" in sent or "\n" in sent:
                continue
            if sent.count('"') % 2 or sent.count("“") != sent.count("”"):
                continue  # an unbalanced quotation: part of a longer quote
            last = _last_word(sent)
            if last in ABBREVIATIONS or len(last) == 1:
                continue
            if k > 0 and (_last_word(text[sents[k - 1][0]:sents[k - 1][1]]) in ABBREVIATIONS
                          or len(_last_word(text[sents[k - 1][0]:sents[k - 1][1]])) == 1):
                continue
            if sum(w[0].isupper() for w in words) > 0.6 * len(words):  # headline / title case
                continue
            out.append(Cand(s, e, i, sent))
    return out


def _ordered(rng: random.Random, cands: list[Cand]) -> list[Cand]:
    """Candidates in a seeded order; sentences with a pronoun subject (unclear when restated far away) go last."""
    cands = list(cands)
    rng.shuffle(cands)
    good = [c for c in cands if c.text.split()[0].lower() not in PRONOUNS]
    rest = [c for c in cands if c.text.split()[0].lower() in PRONOUNS]
    return good + rest


def _slot(rng: random.Random, host: Host, after_para: int) -> tuple[int, str] | None:
    """A later prose paragraph (>= MIN_GAP paragraphs on) and how to join it: 'end', 'start' or 'own'."""
    spans, flags = _prose(host)
    targets = [j for j in range(after_para + MIN_GAP, len(spans)) if flags[j]]
    if not targets:
        return None
    if rng.random() < 0.5 or len(targets) < 3:
        j = rng.choice(targets)
    else:
        j = rng.choice(targets[len(targets) // 2:])
    mode = rng.choices(["end", "start", "own"], weights=[4, 2, 4])[0]
    return j, mode


def _insert(text: str, spans: list[tuple[int, int]], j: int, mode: str, sent: str):
    """Insert ``sent`` at paragraph ``j``; returns (new text, sentence span, inserted region)."""
    ps, pe = spans[j]
    if mode == "start":
        return text[:ps] + sent + " " + text[ps:], (ps, ps + len(sent)), (ps, ps + len(sent) + 1)
    sep = " " if mode == "end" else "\n\n"
    return (text[:pe] + sep + sent + text[pe:], (pe + len(sep), pe + len(sep) + len(sent)),
            (pe, pe + len(sep) + len(sent)))


# --------------------------------------------------------------------------------------------------------
# Sentence surgery
# --------------------------------------------------------------------------------------------------------

def _uc_first(s: str) -> str:
    for i, ch in enumerate(s):
        if ch.isalpha():
            return s[:i] + ch.upper() + s[i + 1:]
    return s


_FUNCTION_WORDS = set("the a an there it this that these those its their his her our my your some many most all no "
                      "in on at for by with from after before since when while if although because as during".split())


def _lc_first(s: str, host_text: str) -> str:
    """Lower-case the first word when it is an ordinary word (it appears in lower case in the host)."""
    m = re.match(r"([A-Z][a-z]+)\b", s)
    if not m:
        return s
    w = m.group(1)
    if w.lower() in _FUNCTION_WORDS:
        return w.lower() + s[len(w):]
    lower = len(re.findall(r"(?<![\w-])" + w.lower() + r"(?![\w-])", host_text))
    capital_mid = len(re.findall(r"[a-z,;] " + w + r"\b", host_text))
    if capital_mid > lower:
        return s  # capitalised in the middle of the host's sentences: a name
    return w.lower() + s[len(w):]


def _finish(s: str) -> str:
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"\s+([,.])", r"\1", s)
    s = re.sub(r",\s*,", ",", s)
    s = re.sub(r",\.$", ".", s)
    s = s.rstrip(" ,;:")
    if not s.endswith((".", "!", "?")):
        s += "."
    return _uc_first(s)


def _case_like(src: str, word: str) -> str:
    if src.isupper() and len(src) > 1:
        return word.upper()
    if src[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


_LEAD = re.compile(r"^(?:On|In|At|By|During|After|Before|Since|Last|Earlier|Later|Meanwhile|However|Also|But|And|So|"
                   r"Yet|Still|Now|Today|Yesterday|Overall|Instead|Moreover|Furthermore|Additionally|Similarly|"
                   r"Thus|Therefore|Indeed|Besides|Then|Finally|Again)\b[^,]{0,45},\s+(?=\S)")
_ATTRIB = re.compile(r",\s+(?:(?:he|she|they|officials|police|analysts|experts|[A-Z][\w.'-]*(?:\s[A-Z][\w.'-]*){0,3})"
                     r"\s+(?:said|says|added|noted|explained|reported|told\s[\w\s]{1,30})|according\s+to\s[^,.]{1,60})"
                     r"(?:\s+on\s+\w+|\s+\w+day)?\.$")
_START_CONJ = re.compile(r"^(?:But|And|So|Yet|Or|Still|Also|Moreover|However|Meanwhile|Furthermore),?\s+(?=\S)")
_DET = re.compile(r"(?<=\s)a (?!(?:few|lot|number|bit|little|half|couple|year|day|week|month|decade|total|dozen|great|"
                  r"good|while|long|short|hundred|thousand|million|billion|quarter|third|result|series|range|variety|"
                  r"kind|sort|type|part|pair|set|group)\b)(?=[a-z])")


def _vary(rng: random.Random, s: str, ctx_split: str, keep: list[str], host_text: str,
          n_ops: int | None = None) -> tuple[str, list[str]]:
    """Lightly rephrase ``s`` (drop an opening adverbial or a trailing attribution, a determiner, a synonym) so a
    restatement is not a verbatim copy; never removes a string in ``keep``."""
    ops = []

    def cut(pattern):  # re-matched on the current text: earlier ops may have changed it
        def op(t):
            mm = pattern.match(t)
            return _uc_first(t[mm.end():]) if mm else t
        return op
    m = _LEAD.match(s)
    if m and len(s[m.end():].split()) >= 5:
        ops.append(("drop-lead", cut(_LEAD)))
    m2 = _START_CONJ.match(s)
    if m2 and not m:
        ops.append(("drop-conjunction", cut(_START_CONJ)))
    if _ATTRIB.search(s) and len(_ATTRIB.sub(".", s).split()) >= 5:
        ops.append(("drop-attribution", lambda t: _ATTRIB.sub(".", t)))
    if _DET.search(s):
        ops.append(("a-to-the", lambda t: _DET.sub("the ", t, count=1)))
    syns = [sy for sy in by_split(SYNONYMS, ctx_split, "contradiction-syn") if re.search(sy[0], s)]
    if syns:
        pat, rep = rng.choice(syns)
        ops.append(("synonym", lambda t, pat=pat, rep=rep: re.sub(pat, rep, t, count=1)))
    rng.shuffle(ops)
    n = n_ops if n_ops is not None else rng.choice([1, 1, 2, 2, 3])
    done = []
    for name, fn in ops:
        if len(done) >= n:
            break
        t = fn(s)
        if t != s and all(k in t for k in keep) and len(t.split()) >= 4:
            s = t
            done.append(name)
    return s, done


def _tokens(s: str) -> list[re.Match]:
    return list(re.finditer(r"[A-Za-z][A-Za-z'’-]*", s))


def _main_start(s: str) -> int:
    """Where the main clause starts: after a leading subordinate clause or adverbial ending in a comma."""
    if s.startswith(SUBORDINATORS) or _LEAD.match(s):
        i = s.find(",")
        if 0 < i < len(s) * 0.7:
            return i + 1
    return 0


def _verb_negations(s: str, skip_reporting: bool) -> list[tuple[str, str]]:
    out = []
    start = _main_start(s)
    toks = [t for t in _tokens(s) if t.start() >= start]
    seen_rel = False
    for k, t in enumerate(toks):
        w = t.group(0)
        lw = w.lower().replace("’", "'")
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        nw = nxt.group(0).lower() if nxt else ""
        prev = toks[k - 1].group(0).lower() if k > 0 else ""
        if skip_reporting and k > 0 and (lw in REPORTING or lw == "that" and prev in REPORTING):
            continue
        if lw in RELATIVISERS and k > 0:
            seen_rel = True
        if seen_rel:
            break
        if k == 0 and lw in AUX_NEG:
            break  # question-like or inverted
        if prev == "to" and k > 1 or lw.endswith("ing") and k > 0 and prev in ("am", "i'm", "is", "are", "was",
                                                                              "were", "be", "been"):
            break  # past an infinitive or a progressive: the main verb was not one this module can flip
        if k > 0 and lw.endswith("ed") and lw not in PAST and lw not in AUX_NEG and prev not in NOT_SUBJECT_END \
                and lw not in PARTICIPLES:
            break  # an unknown past-tense main verb ("refused"): do not flip a later word instead
        if lw in NEG_AUX:
            rep = _case_like(w, NEG_AUX[lw])
            out.append(("remove-not", s[:t.start()] + rep + s[t.end():]))
            break
        if lw in AUX_NEG and prev in ("none", "nobody", "nothing", "neither", "no", "nor", "few"):
            break  # "none can give": already a negative subject
        if lw in AUX_NEG:
            if nw in ("not", "never"):
                out.append(("remove-" + nw, s[:t.end()] + s[nxt.end():]))
                break
            if lw in ("do", "does", "did"):
                if nw in VERBS and VERBS[nw][0] == nw:
                    out.append(("insert-not", s[:t.start()] + _case_like(w, AUX_NEG[lw][0]) + s[t.end():]))
                break
            if lw in ("has", "have", "had") and nw not in PARTICIPLES and nw != "been" and not nw.endswith("ed"):
                if nw in ("a", "an", "any", "some", "several", "many") and nxt:
                    out.append(("has-no", s[:nxt.start()] + "no" + s[nxt.end():]))
                do = {"has": "does not have", "have": "do not have", "had": "did not have"}[lw]
                out.append(("do-not-have", s[:t.start()] + _case_like(w, do) + s[t.end():]))
                break
            if lw in ("is", "are", "was", "were") and nw == "no" and nxt:
                out.append(("remove-no", s[:nxt.start()] + "a" + s[nxt.end():]))
                break
            for rep in AUX_NEG[lw]:
                kind = "insert-never" if rep.endswith("never") else "contract" if "'" in rep else "insert-not"
                if kind == "insert-never" and nw in ("a", "an", "the", "no") and lw in ("is", "are", "was", "were"):
                    continue
                if kind == "insert-never" and (nw.endswith("ly") or nw in ("now", "still", "also", "already", "just",
                                                                          "even", "then", "often", "always")):
                    continue  # "can never now select"
                out.append((kind, s[:t.start()] + _case_like(w, rep) + s[t.end():]))
            break
        if lw == "never":
            out.append(("remove-never", s[:t.start()] + s[nxt.start():] if nxt else s))
            break
        if k > 0 and prev not in NOT_SUBJECT_END and (lw in PAST or lw in THIRD) and lw not in ("left", "cost"):
            forms = PAST.get(lw) or THIRD.get(lw)
            aux = "did" if lw in PAST else "does"
            if lw in PAST and lw in THIRD:
                break
            out.append(("insert-not", s[:t.start()] + f"{aux} not {forms[0]}" + s[t.end():]))
            out.append(("contract", s[:t.start()] + f"{aux}n't {forms[0]}" + s[t.end():]))
            out.append(("insert-never", s[:t.start()] + f"never {lw}" + s[t.end():]))
            break
    return out


def _negations(s: str) -> list[tuple[str, str]]:
    """Every polarity flip of the main clause of ``s`` this module knows: (kind, new sentence). A reported
    clause ("Wu said (that) the fee was lower") is flipped inside, not at "said"."""
    out = _verb_negations(s, skip_reporting=True) or _verb_negations(s, skip_reporting=False)
    start = _main_start(s)
    for m in re.finditer(r"\bwith(out)?\b", s[start:]):
        a, b = start + m.start(), start + m.end()
        if s[b:b + 1] == " " and re.match(r" (?:a|an|the|its|their|his|her|[a-z]+s)\b", s[b:]):
            out.append(("with-without", s[:a] + ("with" if m.group(1) else "without") + s[b:]))
            break
    m = re.search(r"\b([Tt]here) (is|are|was|were) (a|an|some|several|many|numerous|\d[\d,]*|two|three|four|five)"
                  r" ((?:[a-z-]+ ){0,2}[a-z-]+)", s)
    if m:
        noun = m.group(4)
        out.append(("no-at-all", s[:m.start(3)] + "no " + noun + " at all" + s[m.end(4):]))
    return [(k, v) for k, v in out if v != s]


# --------------------------------------------------------------------------------------------------------
# Numbers and dates
# --------------------------------------------------------------------------------------------------------

NUM_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
             "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
WORD_VALUE = {w: i + 2 for i, w in enumerate(NUM_WORDS)}
WORD_VALUE.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
                   "a dozen": 12, "a hundred": 100, "hundreds": 300, "dozens": 36, "a thousand": 1000})
NUMBER = re.compile(
    r"(?<![\w.,/:$£€-])(?P<cur>[$£€]\s?)?(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?P<dec>\.\d+)?"
    r"(?P<pct>\s?(?:%|percent\b|per cent\b))?(?P<mag>\s(?:million|billion|trillion|thousand|hundred)\b|[mbk]n?\b)?"
    r"(?![\w/:%-]|[.,]\d)")
WORD_NUMBER = re.compile(r"(?<![\w-])(" + "|".join(sorted(WORD_VALUE, key=len, reverse=True)) + r")(?= [a-z])",
                         re.I)
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
YEAR = re.compile(r"(?<![\w$£€.,/-])(1[6-9]\d\d|20[0-2]\d)(?![\w%/-]|[.,]\d|\s?(?:percent|per cent|million))")
MONTH_DAY = re.compile(r"\b(" + "|".join(MONTHS) + r")\s(\d{1,2})(?:st|nd|rd|th)?\b")
DAY_MONTH = re.compile(r"\b(\d{1,2})\s(" + "|".join(MONTHS) + r")\b")
WEEKDAY = re.compile(r"\b(?:on|last|next|this|by|until|since) (" + "|".join(WEEKDAYS) + r")\b")
EVENT_VERBS = re.compile(
    r"\b(?:founded|established|born|died|built|opened|closed|elected|signed|began|started|launched|introduced|"
    r"released|created|formed|married|arrested|killed|published|completed|finished|ended|adopted|acquired|bought|"
    r"sold|appointed|joined|left|moved|retired|resigned|won|first|last|passed|approved|enacted|ratified|declared|"
    r"discovered|invented|installed|announced|held|took place|occurred|happened|broke out|collapsed|merged|"
    r"filed|charged|convicted|sentenced|took office|came|arrived|graduated|named|hired)\b")


def _fmt_int(n: int, commas: bool) -> str:
    return f"{n:,}" if commas else str(n)


def _new_value(rng: random.Random, v: float, decimals: int) -> float:
    """A clearly different value of the same magnitude and precision."""
    for _ in range(30):
        f = rng.choice([0.4, 0.5, 0.6, 0.65, 0.7, 0.75, 1.3, 1.4, 1.5, 1.6, 1.75, 2.0, 2.5, 3.0])
        w = v * f
        if decimals:
            w = round(w, decimals)
        else:
            mag = 10 ** max(0, len(str(int(v))) - 2)
            w = max(2, int(round(w / mag) * mag))
            # keep as many trailing zeros as the original (113 -> 146 rather than 150)
            if int(v) % 10 and w % 10 == 0 and w > 10:
                w += rng.choice([-3, -1, 1, 2, 3, 4])
        if w != v and w > 0 and (decimals or v and abs(w - v) / v >= 0.15):
            return w
    return v * 2


def _number_changes(rng: random.Random, s: str, same: bool = False) -> list[tuple[str, str, str, int]]:
    """(old, new, new sentence, position) for each number of ``s`` that can be changed (``same``: reformat only)."""
    out = []
    for m in NUMBER.finditer(s):
        raw = m.group(0)
        intpart = m.group("int").replace(",", "")
        cur, dec, pct, mag = m.group("cur"), m.group("dec"), m.group("pct"), m.group("mag")
        if not cur and not dec and not pct and not mag and YEAR.fullmatch(m.group("int")):
            continue  # a year
        before = s[:m.start()].rstrip()
        prev_word = before.split()[-1] if before.split() else ""
        if prev_word[:1].isupper() and before and not cur and len(before.split()) > 0 and m.start() > 0 \
                and prev_word not in ("At", "About", "Some", "Nearly", "Almost", "Around", "Over", "Only", "The"):
            continue  # "Windows 7", "Section 5", "Route 66"
        if prev_word.lower() in ("no", "no.", "number", "version", "chapter", "section", "page", "figure", "table",
                                 "step", "line", "room", "flight", "route", "highway", "interstate", "channel", "level",
                                 "grade", "class", "phase", "stage", "episode", "season", "volume", "part", "size",
                                 "top", "category", "type", "model", "series", "release", "kernel", "python"):
            continue
        after = s[m.end():m.end() + 12]
        if re.match(r"\s?(?:a\.m|p\.m|am\b|pm\b|GMT|EST|BST|o'clock)", after):
            continue  # clock times go to the date form
        v = float(intpart + (dec or ""))
        decimals = len(dec) - 1 if dec else 0
        if v < 2 and not dec and not pct and not mag:
            continue  # "1 person" has no clean plural restatement
        if same:
            new = _reformat_same(rng, m, v, decimals)
        else:
            w = _new_value(rng, v, decimals)
            if decimals:
                num = f"{w:.{decimals}f}"
            else:
                num = _fmt_int(int(w), "," in m.group("int") or (int(w) >= 10000 and rng.random() < 0.7))
                if not cur and not pct and not mag and int(w) <= 20 and int(v) <= 20 and rng.random() < 0.4:
                    num = NUM_WORDS[int(w) - 2] if int(w) >= 2 else num
            new = (cur or "") + num + (pct or "") + (mag or "")
            if pct and rng.random() < 0.3:
                new = (cur or "") + num + rng.choice(["%", " percent", " per cent"]) + (mag or "")
        if re.search(r"(?:\b(?:or|to|between)|-|\bbetween \S+ and)\s*$", s[:m.start()]) \
                or re.match(r"\s*(?:or|to|-|–)\s*\d", s[m.end():]):
            continue  # one end of a range ("18 to 24 months") changed alone reads as a range, not a conflict
        if new and new != raw and (same or not re.search(r"(?<![\d.,])" + re.escape(new.lstrip("$£€")) + r"(?![\d])", s)):
            out.append((raw, new, s[:m.start()] + new + s[m.end():], m.start()))
    for m in WORD_NUMBER.finditer(s):
        w = m.group(1)
        v = WORD_VALUE[w.lower()]
        if v > 20 or w.lower() in ("hundreds", "dozens"):
            continue
        if re.search(r"\b(?:or|to|and|between)\s*$", s[:m.start()]) or re.match(r"\s*(?:or|to)\s", s[m.end():]):
            continue
        if same:
            new = str(v)
        else:
            near = [x for x in range(2, 21) if max(1, v // 4) <= abs(x - v) <= max(3, v // 2)]
            nv = rng.choice(near)
            new = NUM_WORDS[nv - 2] if rng.random() < 0.7 else str(nv)
        new = _case_like(w, new)
        if m.start() == 0 and new[0].isdigit():
            continue
        out.append((w, new, s[:m.start()] + new + s[m.end():], m.start()))
    return out


def _reformat_same(rng: random.Random, m: re.Match, v: float, decimals: int) -> str:
    """The same quantity written another way (24% -> 24 per cent, 4000 -> 4,000, 12 -> twelve, $2 million -> $2m)."""
    cur, pct, mag = m.group("cur") or "", m.group("pct"), m.group("mag")
    num = m.group("int") + (m.group("dec") or "")
    if pct:
        alt = [p for p in ("%", " percent", " per cent") if p != pct]
        return cur + num + rng.choice(alt) + (mag or "")
    if mag and mag.strip() in ("million", "billion"):
        return cur + num + {"million": "m", "billion": "bn"}[mag.strip()]
    if not decimals and not cur and 2 <= v <= 20:
        return NUM_WORDS[int(v) - 2]
    if not decimals and v >= 1000:
        return cur + (num.replace(",", "") if "," in num else f"{int(v):,}") + (mag or "")
    return ""


def _date_changes(rng: random.Random, s: str) -> list[tuple[str, str, str, int]]:
    out = []
    for m in YEAR.finditer(s):
        y = int(m.group(1))
        prev = s[:m.start()].split()[-1:] or [""]
        if prev[0][:1].isupper() and prev[0] not in MONTHS and prev[0] not in ("In", "By", "Since", "Until", "From"):
            continue
        for _ in range(10):
            d = rng.choice([1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 15, 20, 25])
            ny = y - d if y >= 2000 and rng.random() < 0.6 or y + d > 2025 else y + d
            if ny != y:
                break
        out.append((m.group(1), str(ny), s[:m.start()] + str(ny) + s[m.end():], m.start()))
    for m in MONTH_DAY.finditer(s):
        mon, day = m.group(1), int(m.group(2))
        if rng.random() < 0.5:
            nm = rng.choice([x for x in MONTHS if x != mon])
            new = f"{nm} {m.group(2)}"
        else:
            nd = rng.choice([x for x in range(1, 29) if abs(x - day) >= 2])
            new = f"{mon} {nd}"
        out.append((m.group(0), new, s[:m.start()] + new + s[m.end():], m.start()))
    for m in DAY_MONTH.finditer(s):
        if int(m.group(1)) > 31:
            continue
        nm = rng.choice([x for x in MONTHS if x != m.group(2)])
        new = f"{m.group(1)} {nm}"
        out.append((m.group(0), new, s[:m.start()] + new + s[m.end():], m.start()))
    for m in WEEKDAY.finditer(s):
        nd = rng.choice([x for x in WEEKDAYS if x != m.group(1)])
        out.append((m.group(1), nd, s[:m.start(1)] + nd + s[m.end(1):], m.start(1)))
    return out


# --------------------------------------------------------------------------------------------------------
# Antonyms, absolute denials, restructuring
# --------------------------------------------------------------------------------------------------------

def _antonym_map(split: str) -> dict[str, str]:
    groups = by_split(ANTONYM_GROUPS, split, "contradiction-antonym")
    out: dict[str, str] = {}
    for g in groups:
        for a, b in g:
            out.setdefault(a, b)
            out.setdefault(b, a)
    return out


def _antonym_changes(s: str, amap: dict[str, str]) -> list[tuple[str, str, str, int]]:
    out = []
    keys = sorted(amap, key=len, reverse=True)
    pat = re.compile(r"(?<![\w'-])(" + "|".join(re.escape(k) for k in keys) + r")(?![\w'-])", re.I)
    for m in pat.finditer(s):
        w = m.group(1)
        if w[0].isupper() and m.start() > 0:
            continue  # part of a name ("New York", "North Carolina", "First Lady")
        if w.isupper() and len(w) > 1:
            continue
        nxt = s[m.end():m.end() + 2].strip()
        if nxt[:1].isupper() and w.lower() in ("new", "north", "south", "east", "west", "northern", "southern",
                                                 "eastern", "western", "first", "last", "public", "good"):
            continue
        lw = w.lower()
        if lw in ("always", "never") and re.search(r"(?:n't|\bnot|\bnever)\s*$", s[:m.start()]):
            continue
        if lw in ("present",) and re.match(r"\s(?:the|a|an|his|her|their|its)\b", s[m.end():]):
            continue  # "present the plan" (a verb)
        if lw == "lost" and re.match(r"\s(?:the|a|an|his|her|their|its|to)\b", s[m.end():]):
            pass
        rep = _case_like(w, amap[lw])
        out.append((w, rep, s[:m.start()] + rep + s[m.end():], m.start()))
    return out


OCCURRENCE_NOUNS = (
    "problems problem complaints complaint protests protest delays delay errors error deaths death injuries injury "
    "violence fraud cuts increase increases growth losses loss support opposition criticism concerns concern "
    "evidence bugs bug conflicts conflict accidents accident damage layoffs strikes strike attacks attack threats "
    "threat casualties shortages shortage disputes dispute arrests arrest objections objection resistance "
    "corruption abuse abuses incidents incident failures failure crashes crash changes change improvements "
    "improvement progress interest demand risk risks danger warnings warning debate tension tensions pressure "
    "difficulties difficulty challenges challenge mistakes mistake flaws flaw gaps gap reports allegations "
    "allegation charges fighting unrest debt debts funding donations investment investments sales revenue profit "
    "profits costs fees benefits benefit help assistance aid cooperation agreement agreements negotiations talks "
    "discussions contact contacts links ties connection connections vulnerabilities vulnerability restrictions "
    "limits limit requirements requirement dependencies dependency conflict issues issue outages outage"
).split()
_EXPERIENCE = ("has|have|had|faced|faces|reported|reports|saw|sees|suffered|suffers|experienced|experiences|received|"
               "receives|caused|causes|found|encountered|noticed|recorded|records|showed|shows|faced|attracted|drew")
_BAD_OCCURRENCES = set("problems problem complaints delays errors deaths injuries violence fraud bugs conflicts accidents "
                       "damage attacks threats casualties shortages disputes corruption incidents failures crashes "
                       "mistakes flaws outages vulnerabilities unrest debt risks tensions abuse abuses".split())
GROWTH_VERBS = {"rose": "risen", "increased": "increased", "grew": "grown", "climbed": "climbed", "jumped": "jumped",
                "soared": "soared", "surged": "surged", "doubled": "doubled", "tripled": "tripled",
                "expanded": "expanded", "improved": "improved", "fell": "fallen", "dropped": "dropped",
                "declined": "declined", "decreased": "decreased", "plunged": "plunged", "slipped": "slipped"}
HARM_VERBS = ("killed", "injured", "wounded", "arrested", "hurt", "detained", "evacuated", "hospitalized",
              "hospitalised", "displaced", "rescued", "charged", "fired", "laid off", "hired", "infected", "affected")
PEOPLE = r"(?:people|persons|residents|workers|employees|students|children|civilians|soldiers|troops|officers|" \
         r"passengers|patients|protesters|demonstrators|staff|members|users|customers|others|men|women|visitors)"


_BAD_SUBJECT_START = {"several", "many", "some", "most", "all", "few", "each", "every", "anyone", "everyone", "someone",
                      "nobody", "both", "either", "neither", "none", "here", "so", "then", "now", "thus", "also", "but", "and", "or", "yet", "still", "however",
                      "instead", "this", "that", "it", "there", "what", "which", "such", "only", "just", "even"}
_MENTAL = {"think", "believe", "know", "say", "hope", "guess", "suppose", "feel", "expect", "wish", "mean", "see"}


def _subject(s: str) -> str | None:
    """The sentence's subject (the words before its first verb), when it is short and plain."""
    start = _main_start(s)
    toks = [t for t in _tokens(s) if t.start() >= start]
    for k, t in enumerate(toks):
        lw = t.group(0).lower()
        if k > 0 and (lw in AUX_NEG or lw in NEG_AUX or lw in PAST or lw in THIRD or lw in GROWTH_VERBS):
            subj = s[start:t.start()].strip()
            while len(subj.split()) > 1 and subj.split()[-1].endswith("ly") and subj.split()[-1][0].islower():
                subj = subj.rsplit(" ", 1)[0]
            if "," in subj or not (1 <= len(subj.split()) <= 7) or subj.split()[-1].lower() in NOT_SUBJECT_END:
                return None
            if subj.lower() in PRONOUNS or subj.split()[0].lower() in _BAD_SUBJECT_START:
                return None
            if any(w.lower() in REPORTING or w.lower() in _MENTAL for w in subj.split()[:-1]):
                return None  # "I think the problem"
            return subj
        if lw in RELATIVISERS and k > 0:
            return None
    return None


_NEGATIVE = re.compile(r"\b(?:not|never|no|none|nobody|nothing|without|neither|nor|hardly|barely|little)\b|n't",
                       re.I)
_MODAL = re.compile(r"\b(?:may|might|could|would|should|must|can|will|shall|let's|let us|if|unless|whether)\b|'ll\b",
                    re.I)
_QUANT = re.compile(r"(?:(?:already|still|also|now|currently|actually|even|then|once|indeed|clearly|certainly) )*"
                    r"(?:(?:a few dozen|a dozen|a number of|a lot of|lots of|plenty of|a few|a couple of|a series of|a host of|a range of|"
                    r"dozens of|hundreds of|thousands of|a|an|some|several|many|numerous|multiple|various|\d[\d,]*|"
                    r"two|three|four|five|six|seven|eight|nine|ten|countless) )?")
_NP_STOP = {"is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "should", "must",
            "may", "might", "do", "does", "did", "to", "what", "and", "but", "which", "who", "that", "while", "because", "although", "after", "when", "as", "said", "says",
            "since", "so", "if", "than", "where", "whose", "whom", "whether", "until", "though", "unless", "before"}
_TRAIL = {"just", "only", "also", "of", "in", "on", "at", "for", "to", "from", "with", "by", "the", "a", "an", "its", "their", "his", "her",
          "our", "this", "these", "those", "into", "about", "over", "under", "among", "between", "through", "per"}


_PREPS = {"in", "on", "at", "during", "after", "before", "for", "from", "with", "to", "into", "by", "over", "under",
          "since", "until", "through", "across", "against", "without", "within", "near", "last", "this", "next"}


def _np_after(s: str, i: int, max_words: int = 7, stop_at_prep: bool = False) -> str:
    """A noun phrase of ``s`` starting at ``i``: up to a comma, a clause word or ``max_words`` words, with no
    dangling preposition or determiner at its end."""
    words, cut = [], False
    for w in s[i:].split():
        bare = w.rstrip(".,;:")
        if bare.lower() in _NP_STOP or stop_at_prep and words and bare.lower() in _PREPS:
            break
        if len(words) >= max_words:
            cut = True
            break
        words.append(bare)
        if w != bare:
            break
    if cut:
        k = next((k for k, w in enumerate(words) if k > 0 and w.lower() in _TRAIL), len(words))
        words = words[:k]
    while words and words[-1].lower() in _TRAIL:
        words.pop()
    return " ".join(words)


def _head_plural(np: str) -> bool:
    words = np.split()
    for k, w in enumerate(words):  # the head is the last word before a preposition
        if w.lower() in _TRAIL and k > 0:
            words = words[:k]
            break
    head = words[-1].lower() if words else ""
    return head.endswith("s") and not head.endswith(("ss", "us", "is", "ics")) or head in (
        "people", "children", "men", "women", "police", "staff", "data", "criteria", "media")


def _absolute_denials(rng: random.Random, s: str, split: str) -> list[tuple[str, str]]:
    """(strategy, absolute denial) built from the key noun phrase of ``s`` (a positive sentence)."""
    if _NEGATIVE.search(s) or _MODAL.search(s):
        return []  # a negative, conditional or modal sentence is no evidence that something exists
    out = []
    subj = _subject(s)
    plural = bool(subj) and _head_plural(subj)
    has = "have" if plural else "has"
    # 1. "X rose/fell ..." -> "X has not changed at all."
    for m in re.finditer(r"\b(" + "|".join(GROWTH_VERBS) + r")\b", s):
        if subj and s.find(subj) + len(subj) <= m.start() <= s.find(subj) + len(subj) + 20:
            templates = [f"{subj} {has} never {GROWTH_VERBS[m.group(1)]} at all.",
                         f"{subj} did not change at all.",
                         f"{subj} {has} remained completely unchanged.",
                         f"{subj} {'were' if plural else 'was'} entirely flat, with no change whatsoever.",
                         f"There has never been any change in {_lc_np(subj)}."]
            out.append(("no-change", rng.choice(templates)))
            break
    # 2. "N people were killed ..." / "X killed N people" -> "No one was ever killed."
    m = re.search(r"\b(?:\d[\d,]*|" + "|".join(NUM_WORDS) + r"|dozens|hundreds|thousands|several|many|some)"
                  r"(?: \w+)? " + PEOPLE + r" (?:were|have been|had been|was) (" + "|".join(HARM_VERBS) + r")\b(.*)$",
                  s)
    if m:
        rest = m.group(2).rstrip(". ")
        rest = rest if len(rest.split()) <= 8 and "," not in rest else ""
        out.append(("no-one", rng.choice([f"No one was {m.group(1)}{rest}.", f"Nobody was ever {m.group(1)}{rest}.",
                                          f"Not a single person was {m.group(1)}{rest}."])))
    else:
        m = re.search(r"\b(" + "|".join(HARM_VERBS) + r") (?:at least |about |nearly |more than |some )?"
                      r"(?:\d[\d,]*|" + "|".join(NUM_WORDS) + r"|dozens of|hundreds of|thousands of|several|many)"
                      r"(?: \w+)? " + PEOPLE + r"\b", s)
        if m and subj and s.startswith(subj):
            verb = m.group(1)
            out.append(("no-one", rng.choice([f"{subj} never {verb} anyone.", f"No one was {verb} by {_lc_np(subj)}.",
                                              f"Not a single person was {verb} by {_lc_np(subj)}."])))
    # 3. "There is/are/were (some) X" -> "There has never been any X."
    m = re.search(r"\b[Tt]here (?:is|are|was|were|have been|has been|had been|remain|remains|exist|exists) ", s)
    if m and re.search(r"\b(?:if|when|whether|unless|where|which|that|whenever|once|because|until|while|although)\b",
                       s[:m.start()], re.I):
        m = None  # "If there is an ant in the kitchen", "events for which there is a need"
    if m:
        q = _QUANT.match(s, m.end())
        np = _np_after(s, q.end())
        if 1 <= len(np.split()) <= 7 and np[:1].islower() and np.split()[0] not in ("only", "more", "less", "much",
                                                                                   "enough", "the", "this", "that"):
            pl = _head_plural(np)
            out.append(("there-never", rng.choice(
                [f"There {'have' if pl else 'has'} never been any {np}.",
                 f"There {'were' if pl else 'was'} never any {np}.",
                 f"At no point {'were' if pl else 'was'} there any {np}.",
                 f"There {'are' if pl else 'is'} no {np} at all."])))
    # 4. an occurrence noun ("problems", "complaints", "growth") -> "There have never been any complaints ..."
    for m in re.finditer(r"\b(?:(?:a|an|some|several|many|numerous|widespread|serious|major|growing|significant|"
                         r"considerable|\d[\d,]*|strong|new|further|repeated|frequent|heavy|sharp|steady|slight|big)\s)((?:[a-z]+\s)?(" +
                         "|".join(OCCURRENCE_NOUNS) + r"))\b", s):
        noun_phrase = m.group(1)
        first = noun_phrase.split()[0]
        if first in _TRAIL or first in ("only", "more", "such", "same", "first", "last", "next", "following") \
                or first.endswith("est"):
            noun_phrase = m.group(2)
        if re.search(r"\b(?:if|when|whether|unless|which|whenever)\b", s[:m.start()], re.I):
            continue
        tail = s[m.end():]
        pp = re.match(r" (with|in|at|on|from|among|against|over|about|for|by|of) ", tail)
        pp_np = _np_after(tail, pp.end(), 6) if pp else ""
        pp_text = f" {pp.group(1)} {pp_np}" if pp_np else ""
        pl = _head_plural(noun_phrase)
        choices = []
        if pp_text:
            choices += [f"There {'have' if pl else 'has'} never been any {noun_phrase}{pp_text}.",
                        f"No {noun_phrase} {'were' if pl else 'was'} ever reported{pp_text}." if pp.group(1) in
                        ("with", "in", "at", "on", "from", "among", "against") else
                        f"There {'were' if pl else 'was'} never any {noun_phrase}{pp_text}.",
                        f"At no point {'were' if pl else 'was'} there any {noun_phrase}{pp_text}."]
        vm = re.search(re.escape(subj) + r" (" + _EXPERIENCE + r") (?:\w+ )?$", s[:m.start() + 1]) if subj else None
        if vm and m.group(2) not in subj.lower():
            part = {"has": "had", "have": "had", "had": "had", "saw": "seen", "see": "seen", "sees": "seen",
                    "showed": "shown", "shows": "shown", "found": "found"}.get(vm.group(1), vm.group(1))
            if part.endswith("s") and part[:-1] + "ed" in PARTICIPLES:
                part = part[:-1] + "ed"
            choices.append(f"{subj} {has} never {part} any {noun_phrase}.")
            if m.group(2) in _BAD_OCCURRENCES:
                choices.append(f"{subj} {has} been completely free of {m.group(2)}.")
        if choices:
            out.append(("never-any", rng.choice(choices)))
            break
    # 5. "X has/have/had (a|some|N) Y" -> "X has never had any Y."
    if subj:
        m = re.search(re.escape(subj) + r" (has|have|had|owns|own|owned|holds|hold|held) ", s)
        if m:
            q = _QUANT.match(s, m.end())
            obj = _np_after(s, q.end(), 5)
            if q.end() > m.end() and obj and obj[:1].islower() and obj.split()[0] not in ("the", "only", "more", "too") \
                    and obj.split()[0] not in PARTICIPLES \
                    and not re.search(r"(?:al|ful|ous|ive|ic|able|ible|great|good|new|big|small|large|long|few|many|"
                                      r"much|own|other)$", obj):
                past = {"has": "had", "have": "had", "had": "had", "owns": "owned", "own": "owned",
                        "owned": "owned", "holds": "held", "hold": "held", "held": "held"}[m.group(1)]
                out.append(("never-had", rng.choice([f"{subj} {has} never {past} any {obj}.",
                                                     f"{subj} {has} no {obj} at all."])))
    # 7. a passive with a common-noun subject ("Data is transmitted through ...") -> "No data is ever transmitted"
    m = re.match(r"^(?:The|Some|Many|Most|All|Several|These|Its|Their|Our) ((?:[a-z-]+ ){0,2}[a-z-]+) "
                 r"(is|are|was|were|has been|have been|had been) (\w+)\b(.*)$", s[_main_start(s):].strip())
    if m and m.group(3) in PARTICIPLES and not any(w in _TRAIL or w in PARTICIPLES or w.endswith("ed") or
                                                   w in ("former", "latter", "rest", "same", "other", "others")
                                                   for w in m.group(1).split()):
        pp = re.match(r" (in|on|at|to|through|from|into|with|during|across|for) ", m.group(4))
        rest = _np_after(m.group(4), pp.end(), 5) if pp else ""
        rest = f" {pp.group(1)} {rest}" if rest else ""
        aux = m.group(2)
        ever = {"is": "is ever", "are": "are ever", "was": "was ever", "were": "were ever", "has been": "has ever been",
                "have been": "have ever been", "had been": "had ever been"}[aux]
        who = "No one" if re.fullmatch(PEOPLE, m.group(1).split()[-1]) else f"No {m.group(1)}"
        if who == "No one":
            ever = ever.replace("are", "is").replace("were", "was").replace("have", "has")
        out.append(("no-x-ever", f"{who} {ever} {m.group(3)}{rest}."))
    # 6. an action ("X announced a plan ...") -> "X has never announced any plan."
    if subj and not out:
        m = re.search(re.escape(subj) + r" (" + "|".join(sorted(PAST, key=len, reverse=True)) + r")\b ", s)
        if m and m.group(1) not in ("said", "told", "thought", "meant", "felt", "left", "put", "set", "cut", "let",
                                    "hit", "read", "had", "got", "came", "went", "became", "seemed", "remained"):
            forms = PAST[m.group(1)]
            q = _QUANT.match(s, m.end())
            obj = _np_after(s, q.end(), 5)
            if q.end() > m.end() and obj and obj[:1].islower() and obj.split()[0] not in ("the", "only", "more"):
                out.append(("never-did", rng.choice([f"{subj} {has} never {forms[3]} any {obj}.",
                                                     f"At no point did {_lc_np(subj)} {forms[0]} any {obj}."])))
    return [(k, v) for k, v in out if v.strip(".") and len(v.split()) >= 4]


def _lc_np(np: str) -> str:
    w = np.split()[0]
    if w in ("The", "A", "An", "This", "These", "Its", "Their", "His", "Her", "Our", "Some", "Many", "Most", "All"):
        return w.lower() + np[len(w):]
    return np


def _restructure(rng: random.Random, s: str, split: str, host_text: str) -> list[tuple[str, str, dict]]:
    """The same fact with another sentence structure, and a flipped polarity or changed number:
    (kind, new sentence, info)."""
    out = []
    body = s.rstrip(".")
    # (a) active -> passive: "Subject VERBed Object rest." -> "Object was not VERBed by subject rest."
    subj = _subject(s)
    ms = _main_start(s)
    lead, core = s[:ms].strip(), s[ms:].strip()
    if subj and core.startswith(subj):
        m = re.match(re.escape(subj) + r" (?:(?:also|then|later|recently|quickly|eventually|finally|now|often|"
                     r"usually|still) )?(\w+) ", core)
        verb = m.group(1) if m else ""
        if m and (verb in PAST or verb in THIRD) and verb not in (
                "said", "told", "thought", "felt", "meant", "left", "was", "had", "got", "came", "went", "became",
                "says", "has", "does", "seems", "goes", "comes", "becomes", "means", "feels", "thinks", "is"):
            forms = PAST.get(verb) or THIRD[verb]
            present = verb not in PAST
            obj = _np_after(core, m.end(), 7, stop_at_prep=True)
            rest = core.rstrip(".")[m.end() + len(obj):].strip()
            first = obj.split()[0].lower() if obj else ""
            if re.match(r"(?:at least|at most|more than|about|nearly|almost|some|over|around) ", obj):
                first = "two"  # a quantified object ("at least 113 people")
            natural = not rest or re.match(r"(?:,|in|on|at|during|after|before|last|this|yesterday|earlier|"
                                           r"today|from|into|for the first)\b", rest)
            if obj and natural and (first in ("a", "an", "the", "its", "their", "his", "her", "some", "several", "all", "two",
                                  "three", "four", "five", "more") or first[:1].isdigit() or obj[0].isupper()) \
                    and first not in PRONOUNS and len(obj.split()) >= 2:
                plural = obj.split()[-1].endswith("s") and not obj.endswith("ss") or " and " in obj or \
                    first[:1].isdigit() or first in ("two", "three", "four", "five", "several", "some", "all")
                be = ("are" if plural else "is") if present else ("were" if plural else "was")
                changes = _number_changes(rng, obj)
                agent = _lc_first(subj, host_text)
                lead_ = lead + " " if lead else ""
                if changes and (rng.random() < 0.5 or re.match(r"(?:at|more|about|nearly|almost|some|over|around|\d)",
                                                                obj.lower())):
                    old, new, obj2, _ = rng.choice(changes)
                    out.append(("active-to-passive-number",
                                f"{lead_}{_uc_first(obj2) if not lead else _lc_np(obj2)} {be} {forms[3]} by {agent}"
                                f"{' ' + rest if rest else ''}.",
                                {"old": old, "new": new}))
                else:
                    neg = rng.choice(["not", "never"]) if rng.random() < 0.8 else ("n't" if True else "")
                    verb = f"{be}n't" if neg == "n't" else f"{be} {neg}"
                    out.append(("active-to-passive-negated",
                                f"{lead_}{_lc_np(obj) if lead else _uc_first(_lc_np(obj))} {verb} {forms[3]} by "
                                f"{agent}{' ' + rest if rest else ''}.",
                                {"negation": neg}))
    # (b) passive -> active: "X was VERBed by Y rest." -> "Y never VERBed X rest."
    m = re.match(r"^(.{3,60}?) (was|were) ((?:\w+ly )?)(\w+) by ([^,.]{3,50}?)(?=[,.]| in | on | at | for | after |"
                 r" during | last | this )(.*)$", body)
    if m and m.group(4) in PARTICIPLES and "," not in m.group(1) and m.group(1).lower() not in PRONOUNS:
        part = m.group(4)
        forms = next((v for v in VERBS.values() if v[3] == part), None)
        agent = m.group(5)
        if forms and agent.split()[0].lower() not in ("a", "the") or forms and len(agent.split()) >= 2:
            patient = _lc_np(m.group(1))
            rest = m.group(6)
            neg = rng.choice(["never " + forms[2], "did not " + forms[0], "didn't " + forms[0]])
            out.append(("passive-to-active-negated", f"{_uc_first(agent)} {neg} {patient}{rest}.", {}))
    # (c) clause order: "When/After/Because ..., main." <-> "main when ..." with the main clause flipped
    verbish = set(AUX_NEG) | set(PAST) | set(THIRD) | set(NEG_AUX)
    m = re.match(r"^(When|After|Because|Although|While|Since|Before|Once|If|Though|As) ([^,]{5,80}), (.+)$", body)
    if m and (re.match(r"(?:but|and|or|then|so|yet)\b", m.group(3)) or not set(m.group(2).lower().split()) & verbish):
        m = None  # "As never before, ...", "Once again, ...": not a clause
    if m:
        main = m.group(3)
        flips = _negations(main[0].upper() + main[1:] + ".")
        if flips:
            kind, fm = rng.choice(flips)
            fm = fm.rstrip(".")
            sub = m.group(1).lower() + " " + m.group(2)
            out.append(("clause-swap-negated", f"{_uc_first(fm)} {sub}.", {"flip": kind}))
    else:
        m = re.match(r"^(.{15,120}?) (when|after|because|although|while|before|once|if|though|as soon as) "
                     r"([^,]{8,80})$", body)
        clause_words = set(m.group(3).lower().split()) if m else set()
        if m and "," not in m.group(1) and clause_words & (set(AUX_NEG) | set(PAST) | set(THIRD) | set(NEG_AUX)):
            flips = _negations(m.group(1) + ".")
            if flips:
                kind, fm = rng.choice(flips)
                fm = fm.rstrip(".")
                out.append(("clause-swap-negated",
                            f"{_uc_first(m.group(2))} {m.group(3)}, {_lc_first(fm, host_text)}.", {"flip": kind}))
    # (d) attribution moved: "Claim, X said." -> "X said that claim (flipped)."
    m = re.match(r"^(.{15,200}?), ((?:[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}|he|she|they|officials|police)) "
                 r"(said|says|added|noted|told reporters)(?: on \w+day| \w+day)?$", body)
    if m:
        claim = m.group(1)
        flips = _negations(_uc_first(claim) + ".")
        nums = _number_changes(rng, claim)
        if flips or nums:
            if flips and (not nums or rng.random() < 0.6):
                kind, fc = rng.choice(flips)
            else:
                _, _, fc, _ = rng.choice(nums)
                kind = "number"
            out.append(("attribution-front", f"{_uc_first(m.group(2))} {m.group(3)} that "
                                             f"{_lc_first(fc.rstrip('.'), host_text)}.", {"flip": kind}))
    # (e) "According to X, claim." -> "Claim (flipped), according to X."
    m = re.match(r"^According to ([^,]{3,60}), (.+)$", body)
    if m:
        flips = _negations(_uc_first(m.group(2)) + ".")
        if flips:
            kind, fc = rng.choice(flips)
            out.append(("according-to-back", f"{_uc_first(fc.rstrip('.'))}, according to {m.group(1)}.",
                        {"flip": kind}))
    # (f) an adverbial moved to the other end of the sentence, the main clause flipped
    if not out:
        m = re.match(r"^(.{20,}?) ((?:in|on|at|during|after|before|since|by|until|throughout) (?:the )?(?:\d{4}|"
                     + "|".join(WEEKDAYS + MONTHS) + r"|last|this|next|past|early|late|end|start|beginning|halftime|"
                     r"weekend|night|morning|afternoon|evening|recent|that time|time|first|second|third|fourth|"
                     r"summer|winter|spring|autumn|fall|year|week|month|decade|century|season|quarter)\b[^,;]{0,30})$",
                     body)
        lead_m = _LEAD.match(s)
        if lead_m and not s.startswith(SUBORDINATORS):
            adv = s[:lead_m.end()].strip().rstrip(",")
            main = s[lead_m.end():].rstrip(".")
            flips = _negations(_uc_first(main) + ".")
            if flips and adv.split()[0] not in ("However", "Also", "But", "And", "So", "Yet", "Still", "Moreover",
                                                "Furthermore", "Additionally", "Thus", "Therefore", "Indeed",
                                                "Besides", "Then", "Finally", "Again", "Instead", "Meanwhile"):
                kind, fm = rng.choice(flips)
                out.append(("adverbial-to-end", f"{fm.rstrip('.')} {adv[0].lower() + adv[1:]}.", {"flip": kind}))
        elif m and "," not in m.group(1)[-30:] and len(m.group(2).split()) <= 7 \
                and not re.search(r"\b(?:and|or|the|a|of)$", m.group(1)):
            flips = _negations(m.group(1) + ".")
            if flips:
                kind, fm = rng.choice(flips)
                out.append(("adverbial-to-front", f"{_uc_first(m.group(2))}, {_lc_first(fm.rstrip('.'), host_text)}.",
                            {"flip": kind}))
    return [(k, _finish(v), i) for k, v, i in out if v.rstrip(".") != body]


# --------------------------------------------------------------------------------------------------------
# Plant machinery
# --------------------------------------------------------------------------------------------------------

def _marker(rng: random.Random, split: str) -> str:
    return rng.choice(by_split(MARKERS, split, "contradiction-marker"))


def _with_marker(marker: str, sent: str, host_text: str) -> str:
    if marker in ("But", "Yet") or marker.endswith(","):
        return f"{marker} {_lc_first(sent, host_text)}"
    return f"{marker} {sent}"  # "Correction: The ..." keeps the capital


def _place(rng: random.Random, host: Host, cand: Cand, sent: str, meta: dict, control: bool, note: str):
    slot = _slot(rng, host, cand.para)
    if slot is None:
        return None
    spans, _ = _prose(host)
    j, mode = slot
    text, span, ins = _insert(host.text, spans, j, mode, sent)
    meta = dict(meta, earlier=cand.text, later=sent, mode=mode, paragraph_gap=j - cand.para, inserted=[ins])
    if control:
        meta.update(would_be_span=span, would_be_accept=[(cand.start, cand.end)])
        return Planted(text=text, defects=[], meta=meta)
    return Planted(text=text, defects=[Defect(span=span, accept=[(cand.start, cand.end)], note=note)], meta=meta)


def _restatement(rng: random.Random, host: Host, ctx: PlantContext, maker, *, marker: str | bool = "maybe",
                 control: bool = False, tries: int = 80, **cand_kw):
    """Pick a host sentence that ``maker`` can turn into a restatement and insert it MIN_GAP+ paragraphs later.

    ``maker(rng, cand, ctx, host)`` returns (new sentence, meta, note) or None."""
    for cand in _ordered(rng, _candidates(host, **cand_kw))[:tries]:
        res = maker(rng, cand, ctx, host)
        if not res:
            continue
        sent, meta, note = res
        sent = _finish(sent)
        if sent.rstrip(".") == cand.text.rstrip(".") or len(sent.split()) < 4:
            continue
        use_marker = marker is True or (marker == "maybe" and rng.random() < 0.15)
        if use_marker:
            mk = _marker(rng, ctx.split)
            sent = _with_marker(mk, sent, host.text)
            meta = dict(meta, marker=mk)
        planted = _place(rng, host, cand, sent, meta, control, note)
        if planted:
            return planted
    return None


# --------------------------------------------------------------------------------------------------------
# Makers (one per form): (rng, cand, ctx, host) -> (sentence, meta, note) | None
# --------------------------------------------------------------------------------------------------------

def _make_negated(rng, cand, ctx, host):
    flips = _negations(cand.text)
    if not flips:
        return None
    kind, new = rng.choice(flips)
    new, ops = _vary(rng, new, ctx.split, keep=[], host_text=host.text)
    # the flip must survive the variation
    if not _negations(new) and kind.startswith(("insert", "contract", "no-", "has-no", "do-not")):
        pass
    return new, {"flip": kind, "variation": ops}, f"polarity flipped ({kind}) against an earlier sentence"


def _make_number(rng, cand, ctx, host):
    changes = _number_changes(rng, cand.text)
    if not changes:
        return None
    old, new, sent, _ = rng.choice(changes)
    sent, ops = _vary(rng, sent, ctx.split, keep=[new], host_text=host.text)
    return sent, {"old": old, "new": new, "variation": ops}, f"'{old}' restated as '{new}'"


def _make_date(rng, cand, ctx, host):
    if re.match(r"^(?:In|By|Since|Until|As of|Through|During|From|On|Last|This)\b[^,]{0,30}\b(?:1[6-9]\d\d|20\d\d)\b",
                cand.text) and rng.random() < 0.85:
        return None  # a time frame at the start reads as "a different time", not a different date of one event
    changes = _date_changes(rng, cand.text)
    if not changes:
        return None
    if not EVENT_VERBS.search(cand.text) and rng.random() < 0.7:
        return None  # prefer dates of one-off events (founded, elected, opened ...)
    old, new, sent, _ = rng.choice(changes)
    sent, ops = _vary(rng, sent, ctx.split, keep=[new], host_text=host.text)
    return sent, {"old": old, "new": new, "variation": ops}, f"date '{old}' restated as '{new}'"


def _make_absolute(rng, cand, ctx, host):
    denials = _absolute_denials(rng, cand.text, ctx.split)
    if not denials:
        return None
    kind, sent = rng.choice(denials)
    return sent, {"strategy": kind}, f"absolute denial ({kind}) of an earlier sentence"


def _make_antonym(rng, cand, ctx, host):
    changes = _antonym_changes(cand.text, _antonym_map(ctx.split))
    if not changes:
        return None
    old, new, sent, _ = rng.choice(changes)
    sent, ops = _vary(rng, sent, ctx.split, keep=[new], host_text=host.text)
    return sent, {"old": old, "new": new, "variation": ops}, f"'{old}' restated as its antonym '{new}'"


def _make_restructured(rng, cand, ctx, host):
    options = _restructure(rng, cand.text, ctx.split, host.text)
    if not options:
        return None
    kind, sent, info = rng.choice(options)
    return sent, dict(info, structure=kind), f"restructured restatement ({kind}) that contradicts an earlier sentence"


_BASE_MAKERS = {"negated": _make_negated, "number": _make_number, "date": _make_date, "antonym": _make_antonym,
                "absolute": _make_absolute, "restructured": _make_restructured}


# --------------------------------------------------------------------------------------------------------
# Forms
# --------------------------------------------------------------------------------------------------------

def negated_restatement(rng: random.Random, host: Host, ctx: PlantContext) -> Planted | None:
    """A sentence restated pages later with its polarity flipped ("is supported" -> "is not supported", "never",
    "no ... at all", "with" -> "without"), lightly reworded: the trace of two drafts merged, or of one section
    updated while another kept the old claim."""
    return _restatement(rng, host, ctx, _make_negated)


def changed_number(rng: random.Random, host: Host, ctx: PlantContext) -> Planted | None:
    """A quantity restated later with another value ("holds 4,000 plates" ... "holds 6,500 plates"): a figure
    updated in one place and not the other (digits, words, percentages, money)."""
    return _restatement(rng, host, ctx, _make_number)


def changed_date(rng: random.Random, host: Host, ctx: PlantContext) -> Planted | None:
    """A dated event restated later with another year, month, day or weekday ("founded in 1998" ... "founded in
    2003"): a date corrected in one paragraph only."""
    return _restatement(rng, host, ctx, _make_date)


def absolute_claim(rng: random.Random, host: Host, ctx: PlantContext) -> Planted | None:
    """Earlier evidence that something happened or exists, later an absolute denial about the same noun phrase
    ("There have never been any complaints about ...", "No one was injured.", "X has not changed at all.")."""
    return _restatement(rng, host, ctx, _make_absolute)


def antonym(rng: random.Random, host: Host, ctx: PlantContext) -> Planted | None:
    """A sentence restated later with one word replaced by its antonym (rose/fell, won/lost, legal/illegal,
    larger/smaller, supported/opposed ...)."""
    return _restatement(rng, host, ctx, _make_antonym)


def nli_pair(rng: random.Random, host: Host, ctx: PlantContext, labels=("contradiction",), control=False):
    spans, flags = _prose(host)
    prose = [i for i, f in enumerate(flags) if f]
    if len(prose) < 2:
        return None
    pairs = [p for p in ctx.nli if p.label in labels]
    if not pairs:
        return None
    pair = rng.choice(pairs)
    premise, hypothesis = _finish(pair.premise), _finish(pair.hypothesis)
    early = [i for i in prose if i <= max(prose[0], int(len(spans) * 0.5)) and
             any(j >= i + MIN_GAP for j in prose)]
    if not early:
        return None
    i = rng.choice(early)
    later = [j for j in prose if j >= i + MIN_GAP]
    j = rng.choice(later) if rng.random() < 0.5 or len(later) < 3 else rng.choice(later[len(later) // 2:])
    mode_i = rng.choices(["end", "start", "own"], weights=[4, 2, 4])[0]
    mode_j = rng.choices(["end", "start", "own"], weights=[4, 2, 4])[0]
    marker = None
    if not control and rng.random() < 0.15 or control and rng.random() < 0.1:
        marker = _marker(rng, ctx.split)
        hypothesis = _with_marker(marker, hypothesis, host.text)
    text, h_span, h_ins = _insert(host.text, spans, j, mode_j, hypothesis)
    text, p_span, p_ins = _insert(text, spans, i, mode_i, premise)  # spans before j are unchanged
    shift = p_ins[1] - p_ins[0]
    h_span = (h_span[0] + shift, h_span[1] + shift)
    h_ins = (h_ins[0] + shift, h_ins[1] + shift)
    meta = {"nli_id": pair.id, "label": pair.label, "premise": premise, "hypothesis": hypothesis,
            "modes": [mode_i, mode_j], "paragraph_gap": j - i, "inserted": [p_ins, h_ins]}
    if marker:
        meta["marker"] = marker
    if control:
        meta.update(would_be_span=h_span, would_be_accept=[p_span])
        return Planted(text=text, defects=[], meta=meta)
    return Planted(text=text, defects=[Defect(span=h_span, accept=[p_span], note=f"SICK {pair.id} contradiction")],
                   meta=meta)


def nli_contradiction(rng: random.Random, host: Host, ctx: PlantContext) -> Planted | None:
    """A human-written SICK contradiction pair: the premise as an early sentence, the hypothesis several
    paragraphs later (two sources pasted into one text that disagree about the same scene)."""
    return nli_pair(rng, host, ctx)


def with_discourse_marker(rng: random.Random, host: Host, ctx: PlantContext) -> Planted | None:
    """A contradicting restatement (flipped polarity, changed number or date, antonym, absolute denial)
    opened by a discourse marker or a correction ("However,", "In fact,", "Contrary to earlier reports,",
    "Correction:"): an update written as a correction while the claim it corrects was left in place."""
    kinds = list(_BASE_MAKERS)
    rng.shuffle(kinds)
    for kind in kinds[:4]:
        maker = _BASE_MAKERS[kind]

        def tagged(r, c, x, h, maker=maker, kind=kind):
            res = maker(r, c, x, h)
            return (res[0], dict(res[1], base=kind), res[2]) if res else None
        planted = _restatement(rng, host, ctx, tagged, marker=True, tries=40)
        if planted:
            return planted
    return None


def restructured(rng: random.Random, host: Host, ctx: PlantContext) -> Planted | None:
    """The same fact restated later with another sentence structure (active/passive, clause order, attribution
    moved) and a flipped polarity or a changed number: a paraphrase that drifted into a contradiction."""
    return _restatement(rng, host, ctx, _make_restructured)


FORMS = {
    "negated-restatement": negated_restatement,
    "changed-number": changed_number,
    "changed-date": changed_date,
    "absolute-claim": absolute_claim,
    "antonym": antonym,
    "nli-contradiction": nli_contradiction,
    "with-discourse-marker": with_discourse_marker,
    "restructured-restatement": restructured,
}


# --------------------------------------------------------------------------------------------------------
# Controls (no defect): what a contradiction detector must NOT flag
# --------------------------------------------------------------------------------------------------------

def _make_consistent(rng, cand, ctx, host):
    sent, ops = _vary(rng, cand.text, ctx.split, keep=[], host_text=host.text, n_ops=rng.choice([1, 2, 3]))
    if rng.random() < 0.3 or not ops:
        lead = rng.choice(by_split(RESTATE_LEADS, ctx.split, "contradiction-restate"))
        sent = f"{lead} {_lc_first(sent, host.text)}"
        ops = ops + ["lead:" + lead]
    # also restate a number in another format sometimes ("24%" -> "24 per cent")
    same = [c for c in _number_changes(rng, sent, same=True) if c[1]]
    if same and rng.random() < 0.5:
        old, new, sent, _ = rng.choice(same)
        ops = ops + [f"reformat:{old}->{new}"]
    return sent, {"variation": ops}, "consistent restatement"


def control_consistent_restatement(rng: random.Random, host: Host, ctx: PlantContext) -> Planted | None:
    """A host sentence restated consistently later (dropped clause, synonym, "As noted earlier,", the same number
    in another format): repetition, not contradiction."""
    return _restatement(rng, host, ctx, _make_consistent, marker=False, control=True)


_PAST_ONLY = re.compile(r"\b(?:is|are|has|have|will|can|does|do|am)\b|\w+s\b(?= (?:the|a|an|\d))")


def _make_time_difference(rng, cand, ctx, host):
    s = cand.text
    nums = [c for c in _number_changes(rng, s) if not YEAR.fullmatch(c[0])
            and not re.match(r"\s(?:years?|months?|weeks?|days?|hours?|minutes?|times|o'clock)\b",
                             s[c[3] + len(c[0]):])]
    if not nums:
        return None
    old, new, sent, pos = rng.choice(nums)
    # (a) "In 2008, X had 300 ..." -> "In 2012, X had 500 ..."
    m = re.match(r"^(In|By|As of|At the end of|Until) (1[6-9]\d\d|20[0-2]\d), (.+)$", s)
    if m:
        y = int(m.group(2))
        ny = y + rng.choice([1, 2, 3, 4, 5, 6, 8, 10])
        sent = sent.replace(m.group(2), str(ny), 1)
        return sent, {"old": old, "new": new, "year": [y, ny], "strategy": "year-frame"}, "another year, another number"
    # (b) a past-tense sentence restated at a later time
    if rng.random() < 0.4 and not _PAST_ONLY.search(s) and re.search(r"\b(?:was|were|had|\w+ed)\b", s) \
            and not re.search(r"\b(?:said|says|told|thinks?|believes?)\b", s):
        sent, ops = _vary(rng, sent, ctx.split, keep=[new], host_text=host.text, n_ops=1)
        shift = rng.choice(by_split(TIME_SHIFTS, ctx.split, "contradiction-time"))
        sent = f"{shift} {_lc_first(sent, host.text)}"
        return sent, {"old": old, "new": new, "shift": shift, "variation": ops, "strategy": "time-shift"}, \
            "later time, different number"
    # (c) the figure reported for another time ("By 2014, that figure had risen to 6,500.")
    try:
        up = float(re.sub(r"[^\d.]", "", new) or 0) > float(re.sub(r"[^\d.]", "", old) or 0)
    except ValueError:
        up = True
    years = [int(y) for y in YEAR.findall(host.text)]
    base_year = max(years) if years else None
    templates = by_split(FIGURE_TEMPLATES, ctx.split, "contradiction-figure")
    t = rng.choice(templates)
    after = _np_after(s, pos + len(old) + 1, 3) if s[pos + len(old):pos + len(old) + 1] == " " else ""
    after = after.split(" ")
    k = next((k for k, w in enumerate(after) if w.lower() in _TRAIL), len(after))
    thing = " ".join(after[:k])
    money_or_pct = old.endswith(("%", "cent")) or old[:1] in "$£€" or re.search(r"(?:illion|[mbk]n?)$", old)
    countable = old.replace(",", "").isdigit() and int(old.replace(",", "")) >= 10 and thing.islower() \
        and thing.endswith("s")
    if not money_or_pct and not countable:
        return None  # "four basic objectives" is not a measure that changes over time
    new = new.lower() if new.isalpha() else new
    if old.endswith(("%", "cent")):
        noun = rng.choice(["share", "proportion", "rate", "figure"])
    elif money_or_pct:
        noun = rng.choice(["figure", "amount", "total"])
    else:
        noun = rng.choice(["number of ", "count of ", "total number of "]) + thing
    fill = {"new": new, "verb": rng.choice(["risen", "grown", "climbed", "increased"] if up else
                                            ["fallen", "dropped", "declined", "shrunk"]),
            "noun": noun,
            "year": str(base_year + rng.choice([1, 2, 3, 5])) if base_year else "the following year",
            "before": str(base_year - rng.choice([1, 2, 3, 5])) if base_year else "the previous year"}
    sent = t.format(**fill)
    return sent, {"old": old, "new": new, "template": t, "strategy": "figure-at-another-time"}, \
        "the same measure at another time"


FIGURE_TEMPLATES = [
    "By {year}, that {noun} had {verb} to {new}.", "A year earlier, the {noun} had been {new}.",
    "In {before}, the {noun} was {new}.", "Two years before, the {noun} stood at {new}.",
    "By {year}, the {noun} was expected to reach {new}.", "The {noun} had {verb} to {new} by {year}.",
    "Back in {before}, the {noun} was only {new}.", "Forecasts put the {noun} at {new} by {year}.",
    "That compares with {new} in {before}.", "The previous year the {noun} was {new}.",
    "Within a year the {noun} had {verb} to {new}.", "Ten years ago, the same {noun} was {new}.",
    "By the end of {year}, the {noun} had {verb} to {new}.", "In {before} it was {new}.",
    "A decade earlier, the {noun} had been {new}.", "Early estimates for {year} put the {noun} at {new}.",
    "The {noun} for {before} was {new}.", "When the {noun} was last measured, it was {new}.",
    "The {noun} is projected to reach {new} by {year}.", "At the start of {before}, the {noun} was {new}.",
]


def control_time_difference(rng: random.Random, host: Host, ctx: PlantContext) -> Planted | None:
    """A number restated for a later time ("In 2008 it had 300 ..." / "Two years later, it had 500 ..."): the
    values differ because the time differs, which is not a contradiction."""
    return _restatement(rng, host, ctx, _make_time_difference, marker=False, control=True)


def _make_reported(rng, cand, ctx, host):
    flips = _negations(cand.text)
    if not flips:
        return None
    kind, new = rng.choice(flips)
    new, ops = _vary(rng, new, ctx.split, keep=[], host_text=host.text, n_ops=1)
    hedge = rng.choice(by_split(HEDGES, ctx.split, "contradiction-hedge"))
    sent = f"{hedge} {_lc_first(new, host.text)}"
    return sent, {"flip": kind, "hedge": hedge, "variation": ops}, "reported, hedged counter-claim"


def control_reported_speech(rng: random.Random, host: Host, ctx: PlantContext) -> Planted | None:
    """The flipped restatement attributed to someone else ("Critics claim that ... is not ..."): the document
    reports a disagreement, it does not contradict itself."""
    return _restatement(rng, host, ctx, _make_reported, marker=False, control=True)


def control_nli_entailment(rng: random.Random, host: Host, ctx: PlantContext) -> Planted | None:
    """A SICK entailment pair placed like nli-contradiction: consistent statements far apart."""
    return nli_pair(rng, host, ctx, labels=("entailment",), control=True)


def control_nli_neutral(rng: random.Random, host: Host, ctx: PlantContext) -> Planted | None:
    """A SICK neutral pair placed like nli-contradiction: related but compatible statements far apart."""
    return nli_pair(rng, host, ctx, labels=("neutral",), control=True)


CONTROLS = {
    "control-consistent-restatement": control_consistent_restatement,
    "control-time-difference": control_time_difference,
    "control-reported-speech": control_reported_speech,
    "control-nli-entailment": control_nli_entailment,
    "control-nli-neutral": control_nli_neutral,
}

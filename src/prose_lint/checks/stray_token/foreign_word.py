"""stray-token/foreign-word: a function word of another language inside English prose."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from prose_lint.checks.stray_token.common import (
    _WORD_RE,
    _inside,
    _lex,
    _primary,
    _quote_spans,
    _zipf,
)
from prose_lint.checks.stray_token.informal import _after_i_am, _drops_apostrophes, _eye_dialect
from prose_lint.checks.stray_token.language import _LANGUAGE_NAMES, _document_language
from prose_lint.diagnostic import Severity
from prose_lint.document import Document
from prose_lint.rule import Rule, RuleContext

_JOINERS = frozenset("-‐/'’@#_.\\&=+")
_ENGLISH_DETERMINERS = frozenset(
    "a an the this that these those his her its their our your my i we you they he she it some any no "
    "every each one two to will would can could should must may might".split()
)
# before one of these, a capitalised word is no name part: "around Ces the world"
_ENGLISH_ARTICLES = frozenset("a an the this these those his her its their our your my".split())
_HONORIFICS = frozenset("Mr Mrs Ms Dr Prof St Sr Jr Gen Sen Rep Gov Lt Col Capt Rev Mme Mlle Sra Sr Hr Fr".split())
_ELISION = re.compile(r"[^\W\d_]{1,4}['’]")  # l'Admin, d'un, dell'arte, qu'il
# typographic units: "an em dash", "the en space"
_UNIT_NOUNS = frozenset({"dash", "dashes", "space", "spaces", "quad", "rule", "rules", "width"})


class ForeignWord(Rule):
    """A function word of another language inside an English sentence ("Les analysts say", "the
    rise les prices", "in der committee", "a meeting avec the board", a quotation "with der mayor").

    Algorithm: a word is a candidate when, in wordfreq, it is among the most frequent words of one
    of ``languages`` (Zipf >= ``min_foreign_zipf``, at least ``min_zipf_gap`` above its English
    frequency, English at most ``max_english_zipf``): only closed-class words (articles,
    prepositions, pronouns, conjunctions, auxiliaries) are that frequent. The closed classes of each
    language written out in lexicon ``function_words`` are candidates too, whatever their frequency
    ("según", "hacia", "selon", "zwischen"), when English does not use them (English Zipf at most
    ``max_english_zipf_listed``, and ``min_zipf_gap`` rarer than in their language). A candidate is reported,
    in any position of the sentence (first word, before a lowercase or a capitalised word, after a
    preposition, inside a quotation), when it sits in English: its neighbours are English words
    (more frequent in English than in the candidate's language) and the rest of the sentence is not
    in that language (otherwise it is a run of another language: mixed-language's business).

    Spared: loan phrases of the lexicon (de facto, per se, à la carte, raison d'être, vice versa,
    et al...), English homographs of the lexicon (den, pour, par, die, van...; but the particles of
    lexicon ``particle_homographs``, "la", "lo", "dos", in lowercase before a name the text mostly writes
    alone, as below, are reported: "met la Obama"), name particles (a
    particle between or before capitalised name parts: Charles de Gaulle, Des Moines, Los Angeles,
    Le Monde, van Gogh — a capitalised next word counts as a name unless it is a common English word
    much rarer in the candidate's language, or the text writes it more often without a particle than
    with one, at least twice, is no name of the searched languages (at least 0.5 Zipf more frequent there
    than in English: Champlain, Silva), and the particle is in lowercase: "Obama said ... met der Obama"
    is reported, "de Gaulle ... de Gaulle", "Champlain ... de Champlain", "Vegas ... Las Vegas" and "Van
    Morrison" are not; a capitalised candidate mid-sentence is a name unless an
    English article or possessive follows it, "around Ces the world"; any candidate before a capitalised word of its own
    language: São Paulo; a capitalised word after a title: Mr. Nur; a run of capitalised words),
    quotations whose words are mostly not English (a marked foreign quotation), italics, parts of
    compounds, handles and paths (ctrl-alt-del, d'un, @les), a word glued to a bracket or a typewriter
    apostrophe ([L]et, (VAX)en, `em), a word before a comma or "!" (no function word stands there: an
    interjection, an address or a place: "Oui, we have", "Nome, Alaska"), a capitalised word after an
    attribution dash at the start of a line ("-- Dag Hammarskjöld"), a word English knows (Zipf >= 2.5)
    between an article or preposition and a preposition or conjunction, where only a noun fits ("in
    jest as", "a seine of"), dialect spelled with "d" for "th" when a paragraph has two such words ("de
    feller dat"), "im" as "I'm" without its apostrophe (before "not", "so", an -ing form, or in a text that
    writes other contractions without one: "dont", "ive", a lowercase "i"), loan phrases with a plural head ("noms de guerre"), a word the text uses three times or more
    in lowercase before a lowercase word (a term of its own: "the temps stack"), all-caps words, the
    References section, "em/en" before dash or space, single letters ("y", "e"), and the project's
    vocabulary.

    Options: ``languages`` (ISO codes searched), ``max_english_zipf`` (5.3), ``min_foreign_zipf``
    (5.7), ``min_zipf_gap`` (1.5), ``max_length`` (7), ``max_english_zipf_listed`` (3.0).
    Limits: a foreign word that is also a common English word ("die", "van", "son") is never
    reported; "de"/"la" between two English words are, "de Gaulle" is not.
    """

    id = "stray-token/foreign-word"
    severity = Severity.WARNING
    scope = "document"
    options = {
        "languages": ["fr", "de", "nl", "es", "it", "pt", "sv", "da", "nb", "pl"],
        "max_english_zipf": 5.3,
        "min_foreign_zipf": 5.7,
        "min_zipf_gap": 1.5,
        "max_length": 7,
        "max_english_zipf_listed": 3.0,
    }

    def check(self, doc: Document, ctx: RuleContext) -> Iterator:
        if _primary(doc.language) != "en" or _document_language(doc, ctx) is not None:
            return
        opts = ctx.options
        lex = _lex()
        vocab = {w.lower() for w in ctx.vocabulary}
        langs = tuple(l for l in opts["languages"] if l != "en")
        possible = _possible(langs, float(opts["max_english_zipf"]), float(opts["min_foreign_zipf"]),
                             float(opts["min_zipf_gap"]), int(opts["max_length"])) \
            | _listed(langs, float(opts["max_english_zipf_listed"]), float(opts["min_zipf_gap"]))
        text = doc.text
        loose_names: dict[str, bool] = {}  # name -> _loose_name's answer, for this document
        for block in doc.prose_blocks:
            block_text = doc.prose[block.start : block.end]
            if possible.isdisjoint(_WORD_RE.findall(block_text.lower())) or doc.in_role(block, "references"):
                continue
            quotes = loans = None
            for s, e in doc.sentences(block):
                words = list(_WORD_RE.finditer(doc.prose, s, e))
                for i, m in enumerate(words):
                    w = m.group()
                    lw = w.lower()
                    homograph = lw in lex["homographs"]
                    if lw not in possible or homograph and lw not in lex["particle_homographs"] or lw in vocab:
                        continue
                    if w.isupper() and len(w) > 1:
                        continue
                    if not (w.islower() or w[0].isupper() and w[1:].islower()):
                        continue
                    if text[m.start() - 1 : m.start()] in _JOINERS or text[m.end() : m.end() + 1] in _JOINERS:
                        continue  # part of a compound, a path or a handle: ctrl-alt-del, d'un, @les
                    if text[m.start() - 1 : m.start()] in _GLUED_BEFORE or text[m.end() : m.end() + 1] in "([{":
                        continue  # glued to a bracket or a typewriter apostrophe: [L]et, (VAX)en, `em
                    if text[m.end() : m.end() + 1] in ",!":
                        continue  # no function word stands before a comma: an interjection, an address, a
                        # place (Oui, we have; Nome, Alaska)
                    if w[0].isupper() and _ATTRIBUTION.search(text, max(0, m.start() - 6), m.start()):
                        continue  # the author after an attribution dash: "-- Dag Hammarskjold"
                    lang, foreign = _best_language(lw, langs)
                    prev = words[i - 1] if i > 0 else None
                    nxt = words[i + 1] if i + 1 < len(words) else None
                    if nxt is None or doc.prose[m.end() : nxt.start()].strip(" \t\n\"“”'‘’«»,"):
                        if nxt is None or not doc.prose[m.end() : nxt.start()].strip().startswith(("\"", "“")):
                            continue  # last word, or a clause ends: nothing English after it
                    nw = nxt.group()
                    initial = prev is None or _sentence_break(doc.prose[prev.end() : m.start()])
                    if prev is not None and w[0].isupper() and prev.group() in _HONORIFICS:
                        continue  # a name after a title: Mr. Nur el-Din, Dr. Van Helsing
                    particle = lw in lex["particles"]
                    # a lowercase particle before a name the text mostly writes without it (der Obama, les
                    # Microsoft) is no part of that name: a name keeps its particle (de Gaulle, Des Moines);
                    # a capitalised one is part of a name even when the text shortens it (Las Vegas ...
                    # Vegas) or a given name (Van Morrison, Les Paul)
                    loose = (w.islower() and nw[0].isupper() and not nw.isupper() and nw != "I"
                             and (prev is None or not prev.group()[0].isupper())  # M. de Talleyrand
                             and _loose_name(doc.prose, nw, lex["particles"], loose_names)
                             and not _native_name(nw.lower(), langs))
                    if homograph and not (w.islower() and loose):
                        continue  # English "la", "dos" stand before no name: "met la Obama" is French
                    if w[0].isupper() and not initial:
                        # a capitalised word mid-sentence: a name (Los Angeles, Le Monde, Del or Esc),
                        # unless it is no name particle and a capitalised word follows (the Dass
                        # Starbucks), a particle before a common English word (the Der Council), or
                        # it stands before an English article, where no name goes on (around Ces the world)
                        if not nw[0].isupper() and nw.lower() not in _ENGLISH_ARTICLES \
                                or nw[0].isupper() and particle and not _common_english(nw, lang, 4.5) and not loose:
                            continue
                        if prev.group()[0].isupper() and not doc.prose[prev.end() : m.start()].strip():
                            continue  # a run of capitalised words: a name (Muriel Shan Sei Fan)
                    if nw == "I" or nw.startswith(("I'", "I’")) or nw[0].isupper() and not nw.isupper():
                        if nw != "I" and _zipf(nw.lower(), lang) > _zipf(nw.lower(), "en"):
                            continue  # a name of the candidate's language: São Paulo, Santa Fe (also when
                            # the text writes it alone elsewhere: "Champlain ... de Champlain", "Silva")
                        if particle:
                            if prev is not None and not initial and prev.group()[0].isupper():
                                continue  # Charles de Gaulle, Vincent van Gogh
                            if not _common_english(nw, lang, 4.5) and not loose:
                                continue  # de Gaulle, Des Moines, La Paz
                    elif nw.isupper():
                        continue
                    elif not _english(nw.lower(), lang, 2.0, margin=0.5) or nw.lower() in possible:
                        continue  # a run of the other language, or a particle chain
                    if nw[0].islower() and _ELISION.match(nw):
                        continue  # de l'Admin, della dell'arte: a run of the other language
                    if lw in ("em", "en") and nw.lower() in _UNIT_NOUNS:
                        continue
                    if prev is not None and not initial:
                        pw = prev.group().lower()
                        if pw in possible and pw not in lex["homographs"]:
                            continue  # a run of particles (de la, van der)
                        if not prev.group()[0].isupper() and (
                                _zipf(pw, "en") < 1.5 or any(_zipf(pw, x) > _zipf(pw, "en") + 1.0
                                                             for x in langs if x == lang or _zipf(lw, x) >= 5.0)):
                            continue  # the previous word is not English: a run of the other language, of
                            # any language the candidate is frequent in ("nom de", French, not Spanish)
                    if _foreign_sentence(doc.prose, words, i, lang):
                        continue
                    if _own_term(doc.prose, lw):
                        continue  # a term of the text's own, used throughout: "the temps stack"
                    if prev is not None and not initial and prev.group().lower() in _NOUN_BEFORE \
                            and nw.lower() in _NOUN_AFTER and _zipf(lw, "en") >= 2.5:
                        continue  # an English noun in its place: "in jest as", "a seine of", "of toda and"
                    if lw == "im" and (_after_i_am(nw) or _drops_apostrophes(doc)):
                        continue  # "im" is "I'm" without its apostrophe: "im going", "im not sure"
                    if _eye_dialect(lw) and any(_eye_dialect(x) for x in set(_WORD_RE.findall(block_text))
                                                if x.islower() and x != lw):
                        continue  # dialect spelled out, th as d: "If only I was de feller dat" (names such
                        # as Dan or Den, capitalised, do not count)
                    if quotes is None:
                        quotes = _quote_spans(text, block.start, block.end)
                        loans = [(block.start + x.start(), block.start + x.end())
                                 for x in lex["loan_re"].finditer(text[block.start : block.end])] \
                            if lex["loan_re"] else []
                    if _inside(m.start(), m.end(), loans) or _inside(m.start(), m.end(), doc.italic_spans):
                        continue
                    q = next(((a, b) for a, b in quotes if a <= m.start() and m.end() <= b), None)
                    if q is not None and not _mostly_english(doc.prose, q, m, lang):
                        continue  # a quotation in another language, marked as such
                    name = _LANGUAGE_NAMES.get(lang, lang)
                    yield ctx.diagnostic(
                        m.start(), m.end(),
                        f"'{w}' is a {name} function word inside an English sentence",
                        properties={"language": lang, "zipf_en": _zipf(lw, "en"), "zipf_foreign": foreign},
                    )


_GLUED_BEFORE = frozenset(")]}`´")
# between a word that opens a noun phrase (an article, a preposition) and one that follows a noun (a
# preposition, a conjunction), a candidate that English knows is a noun of English, not a stray function word
# (a function word there would need a noun after it)
# (not "on" or "by", which end phrasal verbs: "it lingers on [uma] at MIT")
_NOUN_BEFORE = frozenset("a an the this that its his her their our your my in at of for with from into upon".split())
# (not "which", "who", "that": a preposition takes them without a noun between: "of which")
_NOUN_AFTER = frozenset("of about as to for with from in on at by and or but than".split())
# a dash that opens an attribution line: "-- Mark Twain", "— Dag Hammarskjöld"
_ATTRIBUTION = re.compile(r"(?:^|\n)[ \t]*(?:--|—|―|~)[ \t]*$")


# a word the text uses this many times in lowercase before a lowercase word is one of its own terms
_OWN_TERM_USES = 3


def _own_term(prose: str, word: str) -> bool:
    """``word`` recurs in the text as a common noun or verb would ("the temps stack", "free any temps
    in"), not as part of names (Los Angeles, de Gaulle): a term of the text's own, not a stray."""
    uses = re.findall(r"(?<![\w'’-])" + re.escape(word) + r"(?![\w'’-])(?=[\s,.;:]+[a-z])", prose)
    return len(uses) >= _OWN_TERM_USES


def _loose_name(prose: str, name: str, particles: frozenset[str], memo: dict[str, bool]) -> bool:
    """The text writes ``name`` more often alone than after a name particle (and at least twice alone):
    the particle before it is not part of it. "Obama said ... Obama's plan ... met der Obama", but not
    "de Gaulle ... de Gaulle" nor "Los Angeles"."""
    if name in memo:
        return memo[name]
    alone = bound = 0
    for x in re.finditer(r"(?<![\w'’-])" + re.escape(name) + r"(?![\w-])", prose):
        before = re.search(r"([^\W\d_]+)\s+$", prose[max(0, x.start() - 12) : x.start()])
        if before is not None and before.group(1).lower() in particles:
            bound += 1
        else:
            alone += 1
    memo[name] = alone >= 2 and alone > bound
    return memo[name]


# a name this much more frequent in one of the searched languages than in English is a name of that language
_NATIVE_MARGIN = 0.5


def _native_name(name: str, langs: tuple[str, ...]) -> bool:
    """``name`` belongs to one of ``langs`` (Champlain, Sarkozy, Silva: more frequent there than in English
    by ``_NATIVE_MARGIN``), so a particle before it may be its own ("de Champlain") even where the text also
    writes it alone; not the names the world's news shares (Obama, Microsoft, Google: within the margin)."""
    en = _zipf(name, "en")
    return any(_zipf(name, lang) > en + _NATIVE_MARGIN for lang in langs)


def _sentence_break(gap: str) -> bool:
    return any(c in gap for c in ".!?:;\n\"“(«[")


def _english(word: str, lang: str, floor: float, margin: float = 0.0) -> bool:
    """An English word, not more frequent in ``lang`` than in English (by more than ``margin``)."""
    en = _zipf(word, "en")
    return en >= floor and en + margin > _zipf(word, lang)


def _common_english(word: str, lang: str, floor: float) -> bool:
    """A capitalised word that is a common English word, much rarer in ``lang`` (Council, not Gaulle)."""
    lw = word.lower()
    en = _zipf(lw, "en")
    return en >= floor and en - _zipf(lw, lang) >= 1.0


def _foreign_sentence(prose: str, words: list, i: int, lang: str) -> bool:
    """At least two other words of the sentence are more frequent in ``lang`` than in English."""
    n = 0
    for j, x in enumerate(words):
        if j == i:
            continue
        lx = x.group().lower()
        f = _zipf(lx, lang)
        if f >= 4.0 and f > _zipf(lx, "en") + 0.5:
            n += 1
            if n >= 2:
                return True
    return False


def _mostly_english(prose: str, span: tuple[int, int], m, lang: str) -> bool:
    """Whether the quotation holding ``m`` is English apart from the candidate (an English quotation
    with a stray word), not a quotation in another language."""
    en = other = 0
    for x in _WORD_RE.finditer(prose, span[0], span[1]):
        if x.start() == m.start():
            continue
        lx = x.group().lower()
        if _zipf(lx, lang) > _zipf(lx, "en"):
            other += 1
        else:
            en += 1
    return en >= 1 and other <= en


@lru_cache(maxsize=8)
def _possible(langs: tuple[str, ...], max_english: float, min_foreign: float, min_gap: float,
              max_length: int) -> frozenset[str]:
    """The candidate words: from rules/models/stray_token_function_words.json when the options are the
    defaults it was made with (scripts/train-stray-charlm), computed from wordfreq otherwise."""
    table = _function_words()
    o = table.get("options", {})
    if (langs == tuple(l for l in o.get("languages", []) if l != "en") and max_english == o.get("max_english_zipf")
            and min_foreign == o.get("min_foreign_zipf") and min_gap == o.get("min_zipf_gap")
            and max_length == o.get("max_length")):
        return frozenset(table["words"])
    return _compute_possible(langs, max_english, min_foreign, min_gap, max_length)


@lru_cache(maxsize=1)
def _function_words() -> dict:
    import json

    from prose_lint.registry import builtin_pack_dir

    path = builtin_pack_dir() / "models" / "stray_token_function_words.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}


@lru_cache(maxsize=8)
def _listed(langs: tuple[str, ...], max_english: float, min_gap: float) -> frozenset[str]:
    """The closed-class words of lexicon ``function_words`` for ``langs`` that English does not use: at
    most ``max_english`` in English (3.0: above it are the English words "oft", "bland", "pendant", "sob",
    "ante", "hen" that some of these languages spell alike) and ``min_gap`` more frequent in their own
    language. Single ASCII letters are left out ("y", "e", "o": initials and list labels)."""
    out = set()
    for lang, words in _lex()["function_words"].items():
        if lang not in langs:
            continue
        for word in words:
            if len(word) < 2 and word.isascii() or not word.isalpha():
                continue
            en = _zipf(word, "en")
            if en <= max_english and _zipf(word, lang) - en >= min_gap:
                out.add(word)
    return frozenset(out)


def _best_language(word: str, langs: tuple[str, ...]) -> tuple[str, float]:
    """The language (of ``langs``) in which ``word`` is most frequent, and its Zipf frequency there."""
    row = _function_words().get("words", {}).get(word)
    if row is not None and row[0] in langs:
        return row[0], row[1]
    return max(((lang, _zipf(word, lang)) for lang in langs), key=lambda x: x[1])


def _compute_possible(langs: tuple[str, ...], max_english: float, min_foreign: float, min_gap: float,
                      max_length: int) -> frozenset[str]:
    """Every word the frequency tests can accept: among the most frequent words of one of ``langs``
    (wordfreq's lists are ordered by frequency), rare enough in English. A few hundred words; a
    paragraph without one of them is skipped without looking at its sentences."""
    from prose_lint.wordtables import top_n_list

    out = set()
    for lang in langs:
        for word in top_n_list(lang, 5000, wordlist="small"):
            f = _zipf(word, lang)
            if f < min_foreign:
                break
            en = _zipf(word, "en")
            if len(word) <= max_length and (len(word) >= 2 or not word.isascii()) and word.isalpha() \
                    and en <= max_english and f - en >= min_gap:
                out.add(word)
    return frozenset(out)

"""stray-token/foreign-word: a function word of another language inside English prose."""

from __future__ import annotations

import re
from typing import Iterator

from prose_lint.checks.stray_token.common import (
    _WORD_RE,
    _inside,
    _lex,
    _primary,
    _quote_spans,
    _zipf,
)
from prose_lint.checks.stray_token.foreign_candidates import _best_language, _listed, _possible, _shared_languages
from prose_lint.checks.stray_token.foreign_candidates import _compute_possible
from prose_lint.checks.stray_token.foreign_context import (
    _ATTRIBUTION,
    _GLUED_BEFORE,
    _english,
    _foreign_sentence,
    _mostly_english,
    _own_term,
    _sentence_break,
)
from prose_lint.checks.stray_token.foreign_names import (
    _NAME_BEFORE_MAX_ZIPF,
    _common_english,
    _loose_name,
    _named,
    _native_name,
)
from prose_lint.checks.stray_token.informal import _after_i_am, _drops_apostrophes, _eye_dialect
from prose_lint.checks.stray_token.language import _LANGUAGE_NAMES, _document_language
from prose_lint.diagnostic import Severity
from prose_lint.document import Document
from prose_lint.rule import Rule, RuleContext

# _compute_possible is re-exported: scripts/train-stray-charlm imports it from here
__all__ = ["ForeignWord", "_compute_possible"]

_JOINERS = frozenset("-‐/'’@#_.\\&=+")
_ELISION = re.compile(r"[^\W\d_]{1,4}['’]")  # l'Admin, d'un, dell'arte, qu'il


def _unknown_word(word: str, langs: tuple[str, ...]) -> bool:
    """Neither English (wordfreq's large list: Zipf 0 is under about one in 100 million words) nor a searched
    language (its small list of frequent words: under about one in a million) knows ``word``: a capitalised
    word only a name can be ("Zekun", "Keqiang"). A function word of another language stands
    before words of that language or of English, which the word lists know; before such a word a capitalised
    candidate mid-sentence is the first part of a name of the world's news ("Li Zekun", "Ma Ying")."""
    lw = word.lower()
    return _zipf(lw, "en") == 0.0 and all(_zipf(lw, lang) == 0.0 for lang in langs)


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
    English article or possessive follows it, "around Ces the world"; a particle or capitalised candidate before
    a capitalised word of its own language: São Paulo, not a lowercase preposition: "by ohne Siemens"; a
    lowercase particle or place preposition (lexicon ``place_prepositions``) between two capitalised parts of a
    name: Wijk bij Duurstede, Santa Maria sopra Minerva, not "Erika não Spring"; a
    capitalised word after a title: Mr. Nur; a run of capitalised words (Muriel Shan Sei Fan), but not one
    between two common English words, which are a title's ("the Domain Muy Name System": lexicon
    ``title_word_zipf``); a capitalised word mid-sentence
    before a capitalised word that English never writes and no searched language writes often (Zipf 0 in
    each word list: "by Li Zekun"), which only a name can be; a capitalised word before a company's legal form (lexicon ``company_designators``:
    "Sina Corp", "Dass AG"); a capitalised word that the text uses as a
    name anywhere, before a finite verb or after another capitalised word: "Enten said", "Harry Enten ... Enten
    added"; a listed word rarer than the frequency test's, capitalised mid-sentence before a capitalised word:
    "at Poza Rica"), quotations whose words are mostly not
    English (a marked foreign quotation) and sentences with two other running words of the candidate's language
    (a run of it: words in lowercase or opening the sentence, not names such as São Paulo), where a word that several languages share counts for each it is nearly as frequent in (within 1
    Zipf: "un" is French, Spanish and Italian: "un hombre inocente"), italics, parts of
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
        frequent = _possible(langs, float(opts["max_english_zipf"]), float(opts["min_foreign_zipf"]),
                             float(opts["min_zipf_gap"]), int(opts["max_length"]))
        possible = frequent | _listed(langs, float(opts["max_english_zipf_listed"]), float(opts["min_zipf_gap"]))
        text = doc.text
        loose_names: dict[str, bool] = {}  # name -> _loose_name's answer, for this document
        named: dict[str, bool] = {}  # capitalised word -> _named's answer, for this document
        for block in doc.prose_blocks:
            block_text = doc.prose[block.start : block.end]
            # ASCII: the words of the lower-cased text are the lower-cased words, from the shared scan
            lowered = map(str.lower, doc.token_index().span(block.start, block.end, sliced=True)) \
                if block_text.isascii() else _WORD_RE.findall(block_text.lower())
            if possible.isdisjoint(lowered) or doc.in_role(block, "references"):
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
                    if prev is not None and w[0].isupper() and prev.group() in lex["honorifics"]:
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
                    if w[0].isupper() and nw in lex["company_designators"]:
                        continue  # a company's name before its legal form: "Sina Corp", "Dass AG"
                    # between two common English words of a run of capitalised words, a title's words ("the Domain
                    # Muy Name System", "the Project Wenn Leader"), not a name's part (lexicon title_word_zipf)
                    titled = (w[0].isupper() and not initial and not particle and prev.group()[0].isupper()
                              and not doc.prose[prev.end() : m.start()].strip()
                              and _common_english(prev.group(), lang, lex["title_word_zipf"])
                              and _common_english(nw, lang, lex["title_word_zipf"]))
                    if w[0].isupper() and not particle and not titled \
                            and _named(doc.prose, w, lex["subject_verbs"], named):
                        continue  # a name of the text: "Enten said", "CNN's Harry Enten ... Enten added"
                    if w[0].isupper() and not initial and not particle and nw[0].isupper() and lw not in frequent \
                            and not titled:
                        continue  # a rarer listed word, capitalised mid-sentence before a capitalised word: the
                        # first part of a name ("at Poza Rica"), not "the Dass Starbucks"
                    if w[0].isupper() and not initial:
                        # a capitalised word mid-sentence: a name (Los Angeles, Le Monde, Del or Esc),
                        # unless it is no name particle and a capitalised word follows (the Dass
                        # Starbucks), a particle before a common English word (the Der Council), or
                        # it stands before an English article, where no name goes on (around Ces the world)
                        if not nw[0].isupper() and nw.lower() not in lex["name_stoppers"] \
                                or nw[0].isupper() and particle and not _common_english(nw, lang, 4.5) and not loose:
                            continue
                        if prev.group()[0].isupper() and not doc.prose[prev.end() : m.start()].strip() and not titled:
                            continue  # a run of capitalised words: a name (Muriel Shan Sei Fan)
                        if nw[0].isupper() and not particle and _unknown_word(nw, langs):
                            continue  # before a word no dictionary knows: a name's first part ("by Li Zekun")
                    if nw == "I" or nw.startswith(("I'", "I’")) or nw[0].isupper() and not nw.isupper():
                        if nw != "I" and (particle or w[0].isupper()) \
                                and _zipf(nw.lower(), lang) > _zipf(nw.lower(), "en"):
                            continue  # a name of the candidate's language: São Paulo, Santa Fe (also when
                            # the text writes it alone elsewhere: "Champlain ... de Champlain", "Silva"); a
                            # lowercase preposition or conjunction is no part of a name: "by ohne Siemens"
                        if prev is not None and not initial and prev.group()[0].isupper() and w.islower() \
                                and (particle or lw in lex["place_prepositions"]) \
                                and _zipf(prev.group().lower(), "en") < _NAME_BEFORE_MAX_ZIPF:
                            continue  # a lowercase particle between two parts of a name: Charles de Gaulle,
                            # Wijk bij Duurstede, Boulogne sur Mer, Gasthaus zum Löwen (not "by ohne Siemens",
                            # nor after an English word that opens the sentence: "In och February")
                        if particle:
                            if not _common_english(nw, lang, 4.5) and not loose:
                                continue  # de Gaulle, Des Moines, La Paz
                    elif nw.isupper():
                        continue
                    elif not _english(nw.lower(), lang, 2.0, margin=0.5) or nw.lower() in possible:
                        continue  # a run of the other language, or a particle chain
                    if nw[0].islower() and _ELISION.match(nw):
                        continue  # de l'Admin, della dell'arte: a run of the other language
                    if lw in ("em", "en") and nw.lower() in lex["unit_nouns"]:
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
                    shared = _shared_languages(lw, lang, foreign, langs)
                    if any(_foreign_sentence(doc.prose, words, i, x) for x in shared):
                        continue  # a run of any language the word is frequent in ("un hombre inocente")
                    if _own_term(doc.prose, lw):
                        continue  # a term of the text's own, used throughout: "the temps stack"
                    if prev is not None and not initial and prev.group().lower() in lex["noun_slot_before"] \
                            and nw.lower() in lex["noun_slot_after"] and _zipf(lw, "en") >= 2.5:
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
                    if q is not None and not all(_mostly_english(doc.prose, q, m, x) for x in shared):
                        continue  # a quotation in another language, marked as such
                    name = _LANGUAGE_NAMES.get(lang, lang)
                    yield ctx.diagnostic(
                        m.start(), m.end(),
                        f"'{w}' is a {name} function word inside an English sentence",
                        properties={"language": lang, "zipf_en": _zipf(lw, "en"), "zipf_foreign": foreign},
                    )

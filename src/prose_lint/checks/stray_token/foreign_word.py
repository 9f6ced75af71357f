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
from prose_lint.checks.stray_token.language import _LANGUAGE_NAMES, _document_language
from prose_lint.diagnostic import Severity
from prose_lint.document import Document
from prose_lint.rule import Rule, RuleContext

_JOINERS = frozenset("-‐/'’@#_.")
_ENGLISH_DETERMINERS = frozenset(
    "a an the this that these those his her its their our your my i we you they he she it some any no "
    "every each one two to will would can could should must may might".split()
)


class ForeignWord(Rule):
    """A function word of another language inside an English sentence ("Les analysts say").

    Algorithm: every short word of a sentence is looked up in wordfreq. It is a candidate when its
    Zipf frequency in English is low (at most ``max_english_zipf``) while in one of ``languages``
    it is among that language's most frequent words (at least ``min_foreign_zipf``, and
    ``min_zipf_gap`` above English): only closed-class words (articles, prepositions, pronouns)
    are that frequent. The candidate is reported only when it sits in English: the next word is a
    lowercase English content word (more frequent in English than in the candidate's language, and
    not an English function word, which would show the candidate is an English noun or verb: "a den
    of"), and the previous word, if any, is English and not a determiner or pronoun.

    Not reported: words in a References/Bibliography section, parts of compounds (ctrl-alt-del),
    words inside a loan phrase of the lexicon (de facto, per se, coup d'état, à la
    carte...), name particles (a capitalised word not at the start of the sentence, or followed by a
    capitalised word: Des Moines, Van Gogh, de Gaulle, Le Monde), words inside quotation marks or
    italics, English homographs listed in the lexicon (den, pour, par...), all-caps words, and the
    project's vocabulary.

    Options: ``languages`` (ISO codes searched), ``max_english_zipf`` (4.4), ``min_foreign_zipf``
    (6.0), ``min_zipf_gap`` (2.0), ``max_length`` (6).
    Limits: two-letter words are judged like the others; a foreign word that is also frequent in
    English ("die", "de", "la") is never reported.
    """

    id = "stray-token/foreign-word"
    severity = Severity.WARNING
    scope = "document"
    options = {
        "languages": ["fr", "de", "nl", "es", "it", "pt"],
        "max_english_zipf": 4.4,
        "min_foreign_zipf": 6.0,
        "min_zipf_gap": 2.0,
        "max_length": 6,
    }

    def check(self, doc: Document, ctx: RuleContext) -> Iterator:
        if _primary(doc.language) != "en" or _document_language(doc, ctx) is not None:
            return
        opts = ctx.options
        lex = _lex()
        vocab = {w.lower() for w in ctx.vocabulary}
        langs = [l for l in opts["languages"] if l != "en"]
        possible = _possible(tuple(langs), float(opts["max_english_zipf"]), float(opts["min_foreign_zipf"]),
                             float(opts["min_zipf_gap"]), int(opts["max_length"]))
        for block in doc.prose_blocks:
            block_text = doc.prose[block.start : block.end]
            if possible.isdisjoint(_WORD_RE.findall(block_text.lower())) or doc.in_role(block, "references"):
                continue
            quotes = italics = loans = None
            for s, e in doc.sentences(block):
                words = list(_WORD_RE.finditer(doc.prose, s, e))
                for i, m in enumerate(words):
                    w = m.group()
                    lw = w.lower()
                    if lw not in possible:
                        continue
                    if len(lw) < 2 or len(lw) > opts["max_length"]:
                        continue
                    if not (w.islower() or (i == 0 and w[0].isupper() and w[1:].islower())):
                        continue
                    if lw in lex["homographs"] or lw in vocab:
                        continue
                    if doc.text[m.start() - 1 : m.start()] in _JOINERS or doc.text[m.end() : m.end() + 1] in _JOINERS:
                        continue  # part of a compound or a handle: ctrl-alt-del, d'un, @les
                    en = _zipf(lw, "en")
                    if en > opts["max_english_zipf"]:
                        continue
                    best = None
                    for lang in langs:
                        f = _zipf(lw, lang)
                        if f >= opts["min_foreign_zipf"] and f - en >= opts["min_zipf_gap"]:
                            if best is None or f > best[1]:
                                best = (lang, f)
                    if best is None:
                        continue
                    lang = best[0]
                    if i + 1 >= len(words):
                        continue
                    nxt = words[i + 1]
                    if doc.prose[m.end() : nxt.start()].strip() or not nxt.group().islower():
                        continue
                    if not _english_content(nxt.group().lower(), lang, lex):
                        continue
                    if i > 0:
                        prev = words[i - 1]
                        pw = prev.group()
                        gap = doc.prose[prev.end() : m.start()]
                        if pw[0].isupper() and i - 1 > 0 and not re.search(r"[.,;:!?)]", gap):
                            continue  # Charles de ...
                        if pw.lower() in _ENGLISH_DETERMINERS:
                            continue
                        if _zipf(pw.lower(), "en") < 3.0 or _zipf(pw.lower(), lang) > _zipf(pw.lower(), "en"):
                            continue
                    if quotes is None:
                        quotes = _quote_spans(doc.text, block.start, block.end)
                        italics = doc.italic_spans
                        loans = [(block.start + x.start(), block.start + x.end())
                                 for x in lex["loan_re"].finditer(doc.text[block.start : block.end])] \
                            if lex["loan_re"] else []
                    if _inside(m.start(), m.end(), quotes) or _inside(m.start(), m.end(), italics):
                        continue
                    if _inside(m.start(), m.end(), loans):
                        continue
                    name = _LANGUAGE_NAMES.get(lang, lang)
                    yield ctx.diagnostic(
                        m.start(), m.end(),
                        f"'{w}' is a {name} function word inside an English sentence",
                        properties={"language": lang, "zipf_en": en, "zipf_foreign": best[1]},
                    )


@lru_cache(maxsize=8)
def _possible(langs: tuple[str, ...], max_english: float, min_foreign: float, min_gap: float,
              max_length: int) -> frozenset[str]:
    """Every word the frequency tests can accept: among the most frequent words of one of ``langs``
    (wordfreq's lists are ordered by frequency), rare enough in English. A few hundred words; a
    paragraph without one of them is skipped without looking at its sentences."""
    from wordfreq import top_n_list

    out = set()
    for lang in langs:
        for word in top_n_list(lang, 5000, wordlist="small"):
            f = _zipf(word, lang)
            if f < min_foreign:
                break
            en = _zipf(word, "en")
            if 2 <= len(word) <= max_length and en <= max_english and f - en >= min_gap:
                out.add(word)
    return frozenset(out)


def _english_content(word: str, lang: str, lex: dict) -> bool:
    en = _zipf(word, "en")
    if en < 2.5 or _zipf(word, lang) >= en:
        return False
    return word not in lex["non_final"] and en < 6.0


# ----------------------------------------------------------------------------
# converter residue


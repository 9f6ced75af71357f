"""OCR misreadings: a string that is no word where the reader sees a frequent one ("tbe", "governrnent")."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from prose_lint.analysis import TOKEN_RE
from prose_lint.checks.stray_token.common import _lex, _primary, _zipf
from prose_lint.checks.stray_token.nonsense import _LANGS
from prose_lint.checks.stray_token.rare_tokens import _counts, _tokens
from prose_lint.checks.stray_token.token_context import _LEET, _VERSION, _archaic, _derived
from prose_lint.diagnostic import Severity
from prose_lint.document import Document
from prose_lint.rule import Rule, RuleContext


@lru_cache(maxsize=1)
def _confusions() -> tuple[tuple[str, str], ...]:
    """Lexicon ``ocr_confusions``, lowered as the tokens are."""
    return tuple((wrong.lower(), right.lower()) for wrong, right in _lex()["ocr_confusions"])


def _used_capitalised(doc: Document, word: str) -> bool:
    """The text writes ``word`` capitalised elsewhere (a speech's "Government", "Treasury")."""
    return re.search(r"(?<!\w)" + re.escape(word.capitalize()) + r"(?!\w)", doc.prose) is not None


# a token that English writes this often ("iff", "tbc", Zipf 2.6-2.7) is not taken for two misreadings at once
_DOUBLE_MAX_ZIPF = 2.5


class OcrGarbage(Rule):
    """An OCR misreading: a string that is no word where the reader sees a frequent one ("tbe" for
    "the", "governrnent" for "government", "wbich", "vvhich", "wi1l", "0f").

    Algorithm: a rare token (English Zipf below ``max_zipf``; for a token of three letters or fewer,
    any frequency under ``max_zipf_short`` and at least 3 below the correction) is reported when
    undoing one classic OCR confusion (lexicon ``ocr_confusions``: rn/m, cl/d, li/h, b/h, c/e, ii/u, vv/w,
    1/l, 0/o, f/s — the long s, which was never set at the end of a word: not "lockf" for "locks"...) gives a frequent English word (Zipf >= ``min_correction_zipf``, or >= 6 for short tokens) at least
    ``min_gain`` more frequent than the token. A short token that English does not write (Zipf < 2.5) may
    carry two misreadings at two places ("tlic" for "the") when the function word fits where it stands
    (see below). The correction is offered as a suggestion.

    Spared: names (a capitalised word inside a sentence unless its correction is one of the most
    frequent words or a word the text writes capitalised elsewhere: "the Governrnent" in a speech
    that says "the Government"), older English inflections (-est, -eth, -edst on a frequent English word:
    "thou satest"), rare derivations (a stem of four letters or more that is an English word, at Zipf 1.5 or
    more and no misreading itself, plus a productive suffix such as -s, -ed, -y, -ion, -ual: "dicts", "agues",
    "crufty", "tactual"), a token on a line of its own (see nonsense-word), a paragraph with leetspeak (a digit
    no scanner reads for a letter, 2-4 or 6-9, between letters: "4ll y0ur b4s3"), a capitalised token
    before a version number (a product: "Smail 3.0"), tokens in capitals, tokens that are
    words of another language (except a short token whose correction is a function word that cannot end a
    sentence, standing where that word belongs: after an English word, a comma or a sentence start and
    before a word, a name or a figure of the same clause, and not an article before a preposition or a
    pronoun: "bread aud butter", "thc Dow", but not "with thc in them"; "Wat Tyler" mid-
    sentence stays a name), anything glued to
    a path, an identifier or markup, italics, code, URLs, the References section, tokens used twice or
    more in the document, and the project's vocabulary.
    """

    id = "stray-token/ocr-garbage"
    severity = Severity.WARNING
    scope = "document"
    options = {"max_zipf": 2.0, "max_zipf_short": 3.5, "min_correction_zipf": 3.0, "min_gain": 2.5}

    def check(self, doc: Document, ctx: RuleContext) -> Iterator:
        if _primary(doc.language) != "en":
            return
        opts = ctx.options
        vocab = {w.lower() for w in ctx.vocabulary}
        counts: dict[str, int] | None = None
        for m, block, initial in _tokens(doc):
            w = m.group()
            lw = w.lower()
            zt = _zipf(lw, "en") if lw.isalpha() else 0.0
            short = len(lw) <= 3
            if zt >= (opts["max_zipf_short"] if short else opts["max_zipf"]):
                continue  # (most rare tokens are not that rare: the test that stops most comes first)
            if len(w) < 3 or not w.isascii() or w.isupper() or not any(c.isalpha() for c in w):
                continue
            if sum(c.isdigit() for c in w) > 1 or w[0].isdigit() and w[1:].isdigit():
                continue
            if not (w[1:].islower() or w[1:].isalnum() and not any(c.isupper() for c in w[1:])):
                continue
            capital = w[0].isupper()
            if lw in vocab:
                continue
            best = _correction(lw, zt, short, opts)
            if best is None and short and lw.isalpha() and zt < _DOUBLE_MAX_ZIPF:
                # two confusions in one short word English does not write ("tlic" for "the"; not "iff",
                # "tbc"), only where that function word belongs
                best = _double_correction(lw)
                if best is not None and (capital and not initial or not _in_english_phrase(doc.prose, m, best[0])):
                    continue
            if best is None:
                continue
            word, zc = best
            if lw.isalpha() and any(_zipf(lw, lang) >= 3.0 for lang in _LANGS) \
                    and not (short and (initial or not capital) and _in_english_phrase(doc.prose, m, word)):
                continue  # a word of another language (but "bread aud butter", "in tbc house": a short
                # token between English words where one of the commonest function words belongs)
            if _archaic(lw):
                continue  # an old inflection of an English verb: "thou satest", "he speaketh"
            if lw.isalpha() and _derived(lw, lambda stem, z: _correction(stem, z, len(stem) <= 3, opts)):
                continue  # a rare derivation of an English word: "dicts", "agues", "tactual"
            if any(_LEET.fullmatch(x.group()) for x in TOKEN_RE.finditer(doc.prose, block.start, block.end)
                   if x.start() != m.start()):
                continue  # leetspeak elsewhere in the paragraph ("4ll y0ur b4s3"): digits for letters by choice
            if capital and _VERSION.match(doc.text, m.end()):
                continue  # a product and its version: "Smail 3.0"
            if capital and not initial and zc < 5.5 and not _used_capitalised(doc, word):
                continue  # a name (but "the Governrnent" where the text writes "Government" elsewhere)
            if counts is None:
                counts = _counts(doc)
            if counts.get(lw, 0) > 1:
                continue
            shown = word.capitalize() if capital else word
            yield ctx.diagnostic(m.start(), m.end(), f"'{w}' is no word: an OCR misreading of '{shown}'?",
                                 suggestions=[shown], properties={"zipf": zt, "correction_zipf": zc})


def _in_english_phrase(prose: str, m, word: str) -> bool:
    """``word`` (the correction of the token ``m``) is a function word that cannot end a sentence ("the",
    "and", "for"), and the token stands where it belongs: a word or a number follows in the same clause
    (a lowercase word of English, a name, a figure: "thc Dow", "aud officials"; not "date tbc."; after an
    article, no preposition, pronoun or other closed-class word of lexicon ``not_after_article``), and an
    English word, a comma or the start of a sentence comes before it (not a run of another language)."""
    if word not in _lex()["non_final"]:
        return False
    before = re.search(r"(?:([A-Za-z]+)|,)[ \t]+$|(?:^|[.!?:;\"“(\n])[ \t]*$", prose[max(0, m.start() - 30) : m.start()])
    after = re.match(r"[ \t]+(?:([a-z]+)\b|[A-Z0-9])", prose[m.end() : m.end() + 30])
    if before is None or after is None:
        return False
    if word in _lex()["articles"] and after.group(1) in _lex()["not_after_article"]:
        return False  # "the in", "a them": no article stands there ("edibles with thc in them")
    return all(x is None or _zipf(x.lower(), "en") >= 3.0 for x in (before.group(1), after.group(1)))


@lru_cache(maxsize=1 << 12)
def _double_correction(lw: str) -> tuple[str, float] | None:
    """The most frequent English word (Zipf >= 6: "the", "and", "was") that undoing two confusions makes of
    the short token ``lw``."""
    best = None
    for wrong, right in _confusions():
        for i in _positions(lw, wrong):
            if _long_s_at_end(lw, i, wrong, right):
                continue
            once = lw[:i] + right + lw[i + len(wrong):]
            for wrong2, right2 in _confusions():
                for j in _positions(once, wrong2):
                    if _long_s_at_end(once, j, wrong2, right2):
                        continue
                    if j < i + len(right) and i < j + len(wrong2):
                        continue  # two misreadings of two places, not one undone twice (fer -> fcr -> for)
                    cand = once[:j] + right2 + once[j + len(wrong2):]
                    if cand.isalpha() and cand != lw:
                        zc = _zipf(cand, "en")
                        if zc >= 6.0 and (best is None or zc > best[1]):
                            best = (cand, zc)
    return best


def _positions(word: str, part: str) -> list[int]:
    return [i for i in range(len(word)) if word.startswith(part, i)]


def _long_s_at_end(word: str, i: int, wrong: str, right: str) -> bool:
    """Undoing f/s at the end of ``word``: the long s that a scanner reads as f was never set at the end of a
    word (round s stands there), so a final f is what the page says: "lockf", "modf", "Calif"."""
    return wrong == "f" and right == "s" and i == len(word) - 1


def _correction(lw: str, zt: float, short: bool, opts: dict) -> tuple[str, float] | None:
    """The most frequent English word one undone confusion makes of ``lw`` (Zipf ``zt``), if frequent enough."""
    return _best_correction(lw, zt, short, opts["min_correction_zipf"], opts["min_gain"])


# The same rare tokens and stems come back in document after document: their answer is kept.
@lru_cache(maxsize=1 << 14)
def _best_correction(lw: str, zt: float, short: bool, min_zipf: float, min_gain: float) -> tuple[str, float] | None:
    best = None
    floor = 6.0 if short else min_zipf
    gain = max(min_gain, 3.0 if short else 0.0)
    for wrong, right in _confusions():
        start = lw.find(wrong)
        while start >= 0:
            cand = lw[:start] + right + lw[start + len(wrong):]
            at_end = _long_s_at_end(lw, start, wrong, right)
            start = lw.find(wrong, start + 1)
            if at_end or not cand.isalpha():
                continue
            zc = _zipf(cand, "en")
            if zc >= floor and zc - zt >= gain:
                if best is None or zc > best[1]:
                    best = (cand, zc)
    return best

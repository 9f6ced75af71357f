"""Nonsense letter strings (keyboard mashes, placeholders) and OCR misreadings ("tbe", "governrnent")."""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from typing import Iterator

from prose_lint.analysis import TOKEN_RE
from prose_lint.checks.stray_token.common import _inside, _preload, _primary, _zipf, _zipf_table
from prose_lint.checks.stray_token.token_context import (_LEET, _VERSION, _archaic, _defined_after, _derived,
                                                         _label_line)
from prose_lint.diagnostic import Severity
from prose_lint.document import Document
from prose_lint.rule import Rule, RuleContext

# Languages whose frequent words are spared as words of some language (wordfreq's small lists).
_LANGS = ("fr", "de", "es", "it", "nl", "pt", "sv", "da", "nb", "pl", "ro", "cs", "fi", "id", "tr", "hu", "ca")
_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm", "1234567890")
_VOWELS = frozenset("aeiouy")
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th|s)", re.I)
# characters that glue a token to an identifier, a path, a handle or markup
# (curly braces are never prose punctuation: "{xyzzy}" is a term marked up as a cross-reference)
_GLUE_BEFORE = frozenset("/\\_@#=+&<>$%~*^|`{")
_GLUE_AFTER = frozenset("/\\_@=+&<>(%*^|`}")
# Classic OCR confusions, as (what the scanner read, what the page said): rn/m, cl/d, li/h, b/h,
# c/e, ii/u, vv/w, 1/l, 0/o... (the confusion tables of OCR post-correction work).
_OCR_CONFUSIONS = (
    ("rn", "m"), ("m", "rn"), ("cl", "d"), ("li", "h"), ("b", "h"), ("h", "b"), ("c", "e"), ("e", "c"),
    ("ii", "u"), ("ii", "n"), ("u", "ii"), ("vv", "w"), ("1", "l"), ("1", "i"), ("l", "1"), ("0", "o"),
    ("5", "s"), ("l", "i"), ("i", "l"), ("t", "f"), ("f", "t"), ("f", "s"), ("in", "m"), ("ni", "m"),
    ("n", "u"), ("u", "n"), ("c", "o"), ("o", "c"), ("tl", "d"), ("h", "li"), ("d", "cl"), ("I", "l"),
)


@lru_cache(maxsize=1)
def _charlm() -> dict:
    """rules/models/stray_token_charlm.json (made by scripts/train-stray-charlm)."""
    from prose_lint.registry import builtin_pack_dir

    path = builtin_pack_dir() / "models" / "stray_token_charlm.json"
    return json.loads(path.read_text(encoding="utf-8"))


def charlm_score(word: str, t: dict | None = None) -> float:
    """Mean log10 probability per character (end mark included) of a lowercase ASCII word under the
    interpolated character trigram model; real words of the training languages score above
    ``threshold``, keyboard mashes and consonant runs far below."""
    t = t or _charlm()
    l3, l2, l1 = t["weights"]
    tri, ctxs, bi, uni, total = t["tri"], t["ctx"], t["bi"], t["uni"], t["total"]
    w = "^^" + word + "$"
    s = 0.0
    for i in range(2, len(w)):
        a, b, c = w[i - 2], w[i - 1], w[i]
        ctx = ctxs.get(a + b, 0)
        p3 = tri.get(a + b + c, 0) / ctx if ctx else 0.0
        u = uni.get(b, 0)
        p2 = bi.get(b + c, 0) / u if u else 0.0
        p1 = (uni.get(c, 0) + 1) / (total + 28)
        s += math.log10(l3 * p3 + l2 * p2 + l1 * p1)
    return s / (len(w) - 2)


def _keyboard_run(word: str) -> int:
    """Length of the longest run of adjacent keys of one keyboard row, in one direction, in ``word``
    ("asdfg", "poiuy")."""
    best = run = 1
    step = 0
    for x, y in zip(word, word[1:]):
        d = 0
        for row in _KEYBOARD_ROWS:
            if x in row and y in row and abs(row.index(x) - row.index(y)) == 1:
                d = row.index(y) - row.index(x)
                break
        if d and (run == 1 or d == step):
            run += 1
        else:
            run = 2 if d else 1
        step = d
        best = max(best, run)
    return best


def _used_capitalised(doc: Document, word: str) -> bool:
    """The text writes ``word`` capitalised elsewhere (a speech's "Government", "Treasury")."""
    return re.search(r"(?<!\w)" + re.escape(word.capitalize()) + r"(?!\w)", doc.prose) is not None


def _repeated_unit(word: str) -> bool:
    """A unit of one to three letters repeated three times or more: "jkjkjk", "sdfsdfsdf", "ddffgg" is not."""
    n = len(word)
    for k in (1, 2, 3):
        if n >= 3 * k and word[:k] * (n // k) == word[: k * (n // k)] and len(set(word)) > 1:
            return True
    return len(set(word)) == 1 and n >= 4


def _tokens(doc: Document) -> list[tuple[object, object, bool]]:
    """(match, block, sentence_initial) for every rare word-or-code token of the prose that stands
    alone: not glued to a path, an identifier, a handle or markup, not in references, code or italics.
    Rare: English Zipf below 3.5 (or holding a digit); both rules of this module look at no other
    token. Computed once per document."""
    return doc.memo("stray-token/rare-tokens", _rare_tokens)


def _rare_tokens(doc: Document) -> list[tuple[object, object, bool]]:
    text = doc.text
    italics = doc.italic_spans
    code = doc.inline_code_spans if "`" in text else []
    english = _zipf_table("en")
    out = []
    for block in doc.prose_blocks:
        if block.kind == "code" or doc.in_role(block, "references"):
            continue
        for s, e in doc.sentences(block):
            first = True
            for m in TOKEN_RE.finditer(doc.prose, s, e):
                initial, first = first, False
                w = m.group()
                if len(w) < 3:
                    continue
                lw = w.lower()
                z = english.get(lw)
                if z is None:
                    z = _zipf(lw, "en")
                if z >= 3.5:
                    continue
                a, b = m.start(), m.end()
                before = text[a - 1] if a > 0 else " "
                after = text[b] if b < len(text) else " "
                if before in _GLUE_BEFORE or after in _GLUE_AFTER:
                    continue
                if (after in ".:!" and b + 1 < len(text) and text[b + 1].isalnum()) or \
                        (before in ".:!" and a > 1 and text[a - 2].isalnum()):
                    continue  # file.txt, www.example, 10:30, a mail path uiucdcs!hummel
                if before in "-'’" or after in "-'’":
                    continue  # inside a compound or an elision the tokenizer split
                if before == "." and (a < 2 or text[a - 2].isspace()):
                    continue  # a dotfile: .cshrc, .profile
                if _defined_after(text, b, w):
                    continue  # an abbreviation spelled out right after it: "the qotc (quote of the con)"
                if after == ":" and not doc.prose[block.start : a].strip():
                    continue  # a label opening its paragraph ("dhcpd: DHCP server configuration")
                if italics and _inside(a, b, italics):
                    continue
                if code and _inside(a, b, code):
                    continue
                if _label_line(text, a, b):
                    continue
                out.append((m, block, initial))
    return out


class NonsenseWord(Rule):
    """A letter string that is a word of no language: a keyboard mash ("asdfgh", "jkjkjk"), a consonant
    run ("xkqzvt") left by accident or as a placeholder.

    Algorithm: a token of four letters or more (lowercase, or capitalised as the first word of its
    sentence, or in capitals only when it runs along a keyboard row) is a candidate when wordfreq knows
    it in no language (English Zipf below ``max_zipf``, absent from the frequent words of 17 other
    languages). It is reported when its character trigram likelihood is below the model's threshold
    (rules/models/stray_token_charlm.json, trained by scripts/train-stray-charlm on wordfreq's word
    lists; about 3 in 1,000 real English words score that low), or when it runs along a keyboard row
    for ``min_keyboard_run`` keys, or is one short unit repeated ("jkjkjk"), or has no vowel at all.

    Spared: names (a capitalised word inside a sentence), acronyms and codes in capitals, tokens with
    digits (codes, identifiers: see ocr-garbage for "wi1l"), anything glued to a path, an identifier,
    a handle, a file name or markup (``_``, ``/``, ``.``, ``@``, a mail path's ``!``, a term in curly
    braces ``{xyzzy}``...), a dotfile (``.cshrc``), an abbreviation spelled out in the parenthesis right
    after it ("the qotc (quote of the con)"), a token on a line of
    its own, alone or among capitalised words (a headword, a user name over a post, a signature, an
    author's name), words in italics (marked as
    foreign or as a term), code and inline code, URLs, the References section, a token used twice or
    more in the document (a term the text defines), and the project's vocabulary.
    """

    id = "stray-token/nonsense-word"
    severity = Severity.WARNING
    scope = "document"
    options = {"max_zipf": 1.0, "min_length": 4, "min_keyboard_run": 5, "technical_margin": 0.4}

    def check(self, doc: Document, ctx: RuleContext) -> Iterator:
        if _primary(doc.language) != "en":
            return
        _preload(("en",) + _LANGS)
        opts = ctx.options
        vocab = {w.lower() for w in ctx.vocabulary}
        model = None
        counts: dict[str, int] | None = None
        for m, block, initial in _tokens(doc):
            w = m.group()
            if len(w) < opts["min_length"] or not w.isascii():
                continue
            lw = w.lower()
            caps = w.isupper()
            letters = "".join(c for c in lw if c.isalpha())
            if not w.isalpha():
                # a code with digits is a mash only when its letters have no vowel and one digit sits
                # inside them ("xf0jpn", "tbf6ll"); gdm3, amd64, i386, mp3, h264 are codes
                digits = [i for i, c in enumerate(lw) if c.isdigit()]
                if not (w.islower() and len(digits) == 1 and 0 < digits[0] < len(lw) - 1
                        and len(letters) >= 4 and not (_VOWELS & set(letters))):
                    continue
            if not (w.islower() or caps or (initial and w[0].isupper() and w[1:].islower())):
                continue  # a name inside a sentence, camelCase, McDonald
            if lw in vocab:
                continue
            run = _keyboard_run(letters)
            keyboard = run >= opts["min_keyboard_run"] or run >= 4 and run == len(letters) and not (_VOWELS & set(letters))
            if caps and not keyboard:
                continue  # an acronym
            if re.search(r"(.)\1\1", lw):
                continue  # expressive lengthening: "pssshht", "hmmm", "zzz"
            if w.isalpha() and _zipf(lw, "en") >= (2.5 if keyboard else opts["max_zipf"]):
                continue
            if not keyboard and _unknown_neighbour(doc, m, block):
                continue  # one of a list of names or codes: "icewm, blackbox, fluxbox"
            if counts is None:
                counts = _counts(doc)
            if counts.get(lw, 0) > 1:
                continue  # a term of the document
            model = model or _charlm()
            score = charlm_score(letters, model)
            # a technical text (it has code) names programs and packages in lower case (sddm, dhcpd):
            # there only a string far less likely than any word is reported
            threshold = model["threshold"] - (opts["technical_margin"] if doc.code_spans or doc.inline_code_spans
                                              else 0.0)
            reason = None
            if keyboard or caps:
                reason = "a run of adjacent keys"
            elif _repeated_unit(lw):
                reason = "a repeated letter group"
            elif not w.isalpha():
                reason = "letters without a vowel around a digit"
            elif not (_VOWELS & set(lw)) and score < threshold + 0.3:
                reason = "no vowel"
            elif score < threshold:
                reason = "letter sequences no word has"
            if reason is None:
                continue
            if w.isalpha() and not keyboard and any(_zipf(lw, lang) > 0 for lang in _LANGS):
                continue  # a word of another language (looked up last: loading the lists costs)
            yield ctx.diagnostic(m.start(), m.end(), f"'{w}' is no word of any language ({reason})",
                                 properties={"charlm": round(score, 3)})


class OcrGarbage(Rule):
    """An OCR misreading: a string that is no word where the reader sees a frequent one ("tbe" for
    "the", "governrnent" for "government", "wbich", "vvhich", "wi1l", "0f").

    Algorithm: a rare token (English Zipf below ``max_zipf``; for a token of three letters or fewer,
    any frequency under ``max_zipf_short`` and at least 3 below the correction) is reported when
    undoing one classic OCR confusion (rn/m, cl/d, li/h, b/h, c/e, ii/u, vv/w, 1/l, 0/o, f/s...)
    gives a frequent English word (Zipf >= ``min_correction_zipf``, or >= 6 for short tokens) at least
    ``min_gain`` more frequent than the token. The correction is offered as a suggestion.

    Spared: names (a capitalised word inside a sentence unless its correction is one of the most
    frequent words or a word the text writes capitalised elsewhere: "the Governrnent" in a speech
    that says "the Government"), older English inflections (-est, -eth, -edst on a frequent English word:
    "thou satest"), rare derivations (a stem of four letters or more that is an English word, at Zipf 1.5 or
    more and no misreading itself, plus a productive suffix such as -s, -ed, -y, -ion, -ual: "dicts", "agues",
    "crufty", "tactual"), a token on a line of its own (see nonsense-word), a paragraph with leetspeak (a digit
    no scanner reads for a letter, 2-4 or 6-9, between letters: "4ll y0ur b4s3"), a capitalised token
    before a version number (a product: "Smail 3.0"), tokens in capitals, tokens that are
    words of another language, anything glued to
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
            if len(w) < 3 or not w.isascii() or w.isupper() or not any(c.isalpha() for c in w):
                continue
            if sum(c.isdigit() for c in w) > 1 or w[0].isdigit() and w[1:].isdigit():
                continue
            if not (w[1:].islower() or w[1:].isalnum() and not any(c.isupper() for c in w[1:])):
                continue
            capital = w[0].isupper()
            lw = w.lower()
            if lw in vocab:
                continue
            zt = _zipf(lw, "en") if lw.isalpha() else 0.0
            short = len(lw) <= 3
            if zt >= (opts["max_zipf_short"] if short else opts["max_zipf"]):
                continue
            best = _correction(lw, zt, short, opts)
            if best is None:
                continue
            if lw.isalpha() and any(_zipf(lw, lang) >= 3.0 for lang in _LANGS):
                continue  # a word of another language
            word, zc = best
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


def _counts(doc: Document) -> dict[str, int]:
    """How often each token (lower case) occurs in the whole text, code included."""
    return doc.memo("stray-token/token-counts", _count_tokens)


def _count_tokens(doc: Document) -> dict[str, int]:
    counts: dict[str, int] = {}
    for x in TOKEN_RE.finditer(doc.text):
        k = x.group().lower()
        counts[k] = counts.get(k, 0) + 1
    return counts


def _unknown_neighbour(doc: Document, m, block) -> bool:
    """Another token within four tokens of ``m`` in its block is unknown to wordfreq too."""
    before = list(TOKEN_RE.finditer(doc.prose, max(block.start, m.start() - 80), m.start()))[-4:]
    after = list(TOKEN_RE.finditer(doc.prose, m.end(), min(block.end, m.end() + 80)))[:4]
    return any(_unknown(x.group()) and len(x.group()) > 2 and not x.group().isdigit() for x in before + after)


def _unknown(token: str) -> bool:
    """A token wordfreq does not know in English (or a code with digits)."""
    if any(c.isdigit() for c in token):
        return sum(c.isalpha() for c in token) >= 2 and not _ORDINAL.fullmatch(token)
    return any(_zipf(part, "en") < 1.0 for part in re.split(r"['’\-]", token.lower()) if len(part) > 2)


def _correction(lw: str, zt: float, short: bool, opts: dict) -> tuple[str, float] | None:
    best = None
    for wrong, right in _OCR_CONFUSIONS:
        wrong_l = wrong.lower()
        start = lw.find(wrong_l)
        while start >= 0:
            cand = lw[:start] + right.lower() + lw[start + len(wrong_l):]
            start = lw.find(wrong_l, start + 1)
            if not cand.isalpha():
                continue
            zc = _zipf(cand, "en")
            floor = 6.0 if short else opts["min_correction_zipf"]
            if zc >= floor and zc - zt >= max(opts["min_gain"], 3.0 if short else 0.0):
                if best is None or zc > best[1]:
                    best = (cand, zc)
    return best

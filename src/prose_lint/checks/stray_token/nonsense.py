"""Nonsense letter strings: keyboard mashes, placeholders, consonant runs (OCR misreadings are in ocr.py)."""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from typing import Iterator

from prose_lint.analysis import TOKEN_RE
from prose_lint.checks.stray_token.common import _preload, _primary, _zipf
from prose_lint.checks.stray_token.rare_tokens import _counts, _tokens
from prose_lint.checks.stray_token.token_context import _byline_handle
from prose_lint.diagnostic import Severity
from prose_lint.document import Document
from prose_lint.rule import Rule, RuleContext

# Languages whose frequent words are spared as words of some language (wordfreq's small lists).
_LANGS = ("fr", "de", "es", "it", "nl", "pt", "sv", "da", "nb", "pl", "ro", "cs", "fi", "id", "tr", "hu", "ca")
_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm", "1234567890")
_VOWELS = frozenset("aeiouy")
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th|s)", re.I)
_TRIPLE = re.compile(r"(.)\1\1")  # expressive lengthening
# Two adjacent keys of one row (the rows share no key), and the direction of the step: +1 rightwards
_KEY_STEP = {row[i : i + 2][::d]: d for row in _KEYBOARD_ROWS for i in range(len(row) - 1) for d in (1, -1)}


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
        d = _KEY_STEP.get(x + y, 0)
        if d and (run == 1 or d == step):
            run += 1
        else:
            run = 2 if d else 1
        step = d
        if run > best:
            best = run
    return best


def _repeated_unit(word: str) -> bool:
    """A unit of one to three letters repeated three times or more: "jkjkjk", "sdfsdfsdf", "ddffgg" is not."""
    n = len(word)
    for k in (1, 2, 3):
        if n >= 3 * k and word[:k] * (n // k) == word[: k * (n // k)] and len(set(word)) > 1:
            return True
    return len(set(word)) == 1 and n >= 4


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
    author's name), a user's handle after a byline's words ("Originally Posted by kngtbrd", "Contributed
    by msoxzw", "Reply to dbrwn:"), words in italics (marked as
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
            if _byline_handle(doc.text, m.start()):
                continue  # a user's handle after "Posted by", "Reply to": kngtbrd, msoxzw (not in ocr-garbage:
                # "written by rnembers of the board" is a misreading of a word the sentence needs)
            lw = w.lower()
            caps = w.isupper()
            letters = lw if lw.isalpha() else "".join(c for c in lw if c.isalpha())
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
            if w.isalpha() and _zipf(lw, "en") >= max(2.5, opts["max_zipf"]):
                continue  # frequent enough whether it runs along the keys or not (the test below, early)
            run = _keyboard_run(letters)
            keyboard = run >= opts["min_keyboard_run"] or run >= 4 and run == len(letters) and not (_VOWELS & set(letters))
            if caps and not keyboard:
                continue  # an acronym
            if _TRIPLE.search(lw):
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


def _unknown_neighbour(doc: Document, m, block) -> bool:
    """Another token within four tokens of ``m`` in its block is unknown to wordfreq too."""
    before = list(TOKEN_RE.finditer(doc.prose, max(block.start, m.start() - 80), m.start()))[-4:]
    after = list(TOKEN_RE.finditer(doc.prose, m.end(), min(block.end, m.end() + 80)))[:4]
    return any(_unknown(x.group()) and len(x.group()) > 2 and not x.group().isdigit() for x in before + after)


@lru_cache(maxsize=1 << 14)  # the neighbours of rare tokens: the same words and codes, document after document
def _unknown(token: str) -> bool:
    """A token wordfreq does not know in English (or a code with digits)."""
    if any(c.isdigit() for c in token):
        return sum(c.isalpha() for c in token) >= 2 and not _ORDINAL.fullmatch(token)
    return any(_zipf(part, "en") < 1.0 for part in re.split(r"['’\-]", token.lower()) if len(part) > 2)

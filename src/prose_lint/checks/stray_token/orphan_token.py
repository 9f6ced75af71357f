"""stray-token/orphan-token: a code-like token in parentheses that explains nothing ("... integration (R201).")."""

from __future__ import annotations

import re
from typing import Iterator

from prose_lint.checks.stray_token.common import _WORD_RE, _lex, _zipf
from prose_lint.diagnostic import Severity
from prose_lint.document import Document
from prose_lint.rule import Rule, RuleContext

_CODE_IN_PARENS = re.compile(r"\((\s?)([A-Z][A-Za-z]{0,3}-?\d{1,6}(?:\.\d+)?[A-Za-z]?|[A-Z]{1,4}-(?=[0-9A-F]*\d)[0-9A-F]{4,10})(\s?)\)")


_CODE_TOKEN = re.compile(r"(?<![\w-])([A-Za-z]+-?)\d+(?:\.\d+)?[A-Za-z]?(?![\w-])")


class OrphanToken(Rule):
    """A code-like token in parentheses that explains nothing ("... integration (R201).").

    Algorithm: a parenthesised token made of 1-4 letters (the first a capital) and digits
    (``R201``, ``XB12``) is reported unless it is a known code (lexicon ``common_codes``: CO2, G20,
    COVID-19...), a frequent word (wordfreq Zipf >= ``min_zipf``), used elsewhere in the document
    outside this parenthesis (a defined label), one of a series (H1 and H2, P3 and P7), or follows
    a label word (Table, Figure, participant, step...), or is an abbreviation of the words just
    before it ("Video for Linux (V4L)"), or a numeronym of the word before it ("internationalization
    (I18N)"), or cites a published standard (lexicon ``standard_series``: "(RFC1191)", "(STD66)"). Besides letters and digits, a letters-hyphen-hex record id
    ("(AP-106E66)") is such a code too. Citations never match: they hold spaces,
    commas or years.
    """

    id = "stray-token/orphan-token"
    severity = Severity.WARNING
    scope = "document"
    options = {"min_zipf": 2.0}

    def check(self, doc: Document, ctx: RuleContext) -> Iterator:
        prose = doc.prose
        matches = [m for m in _CODE_IN_PARENS.finditer(prose) if m.group(1) == m.group(3) == ""]
        if not matches:
            return
        lex = _lex()
        index = doc
        vocab = {w.lower() for w in ctx.vocabulary}
        counts: dict[str, int] = {}
        series: dict[str, set[str]] = {}
        for x in _CODE_TOKEN.finditer(prose):
            counts[x.group()] = counts.get(x.group(), 0) + 1
            series.setdefault(x.group(1), set()).add(x.group())
        for m in matches:
            token = m.group(2)
            low = token.lower()
            block = index.block_at(m.start())
            if block is None or block.kind == "code":
                continue
            if low in lex["common_codes"] or low in vocab:
                continue
            if _zipf(low, "en") >= ctx.options["min_zipf"]:
                continue
            if counts.get(token, 0) > 1:
                continue  # used elsewhere: a label the document defines or reuses
            prefix = re.match(r"[A-Za-z]+-?", token).group()
            if len(series.get(prefix, ())) > 1:
                continue  # one of a series: H1, H2...
            before = list(_WORD_RE.finditer(prose, max(block.start, m.start() - 40), m.start()))
            if before and before[-1].group().lower() in lex["label_words"]:
                continue
            if _initials(token, list(_WORD_RE.finditer(prose, max(block.start, m.start() - 80), m.start()))):
                continue  # an abbreviation defined here: Video for Linux (V4L)
            if _numeronym(token, _WORD_RE.findall(prose, max(block.start, m.start() - 40), m.start())[-1:]):
                continue  # a numeronym of the word before it: internationalization (I18N)
            if re.fullmatch(r"[A-Z]+", prefix.rstrip("-")) and prefix.rstrip("-") in lex["standard_series"]:
                continue  # a published standard: (RFC1191), (STD66)
            yield ctx.diagnostic(m.start(), m.end(),
                                 f"'({token})' is neither a citation nor an abbreviation defined in the document")


def _numeronym(token: str, words: list[str]) -> bool:
    """``token`` (letter, number, letter) abbreviates the last of ``words`` by its first and last letters and the
    count of the letters between: I18N for internationalization, L10N for localization."""
    m = re.fullmatch(r"([A-Za-z])(\d{1,2})([A-Za-z])", token)
    if m is None or not words:
        return False
    word = words[-1].lower()
    return (word[0] == m.group(1).lower() and word[-1] == m.group(3).lower()
            and len(word) - 2 == int(m.group(2)))


def _initials(token: str, words: list) -> bool:
    """The letters of ``token`` are, in order, initials of the words just before it (at least two)."""
    letters = [c for c in token.upper() if c.isalpha()]
    if len(letters) < 2:
        return False
    initials = [w.group()[0].upper() for w in words[-8:]]
    i = 0
    for c in initials:
        if i < len(letters) and c == letters[i]:
            i += 1
    return i == len(letters) and initials and initials[-1] == letters[-1]

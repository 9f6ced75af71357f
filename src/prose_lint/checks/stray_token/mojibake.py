"""Mojibake: text decoded with the wrong encoding, replacement characters, lost apostrophes."""

from __future__ import annotations

import re
from typing import Iterator

from prose_lint.diagnostic import Edit, Fix, Related, Severity
from prose_lint.document import Document
from prose_lint.rule import Rule, RuleContext

_NON_ASCII_TOKEN = re.compile(r"\S*[^\x00-\x7f]\S*")
# a short non-ASCII sequence quoted as an example ("“Ã©”", "Ã¨”,"): a text about encodings
_QUOTED_EXAMPLE = re.compile(r"[“„«]?[^\sA-Za-z“”„«»]{1,4}[”»][,.;:)]?")
# a byte-order mark (kept, or read as cp1252 "ï»¿"), and "Â" left of a no-break space read as cp1252
_LONE_MARKS = re.compile("\ufeff|(?:ï»¿)+|Â(?<=[^\\W\\d_]Â)(?=[ \xa0])")  # each branch opens with its character
# "we?ve", "company?s": an apostrophe lost in a conversion to ASCII
_QUESTION_APOSTROPHE = re.compile(r"\b([A-Za-z]+)\?(s|t|ve|ll|re|m|d)\b(?![?])")
# what every match of it holds, found at C speed (the pattern opens with the "?" it looks for): most texts
# with question marks have none, and the pattern above would try every word of them
_QUESTION_GATE = re.compile(r"\?(?<=[A-Za-z]\?)(?:s|t|ve|ll|re|m|d)\b(?![?])")
# the same places with the apostrophe intact: how many a lossy converter would have had to reach
_INTACT_APOSTROPHE = re.compile(r"\b[A-Za-z]+['’](?:s|t|ve|ll|re|m|d)\b")
# this many lost apostrophes, at least as many as intact ones, are one systemic defect of the conversion
SYSTEMIC_LOST_APOSTROPHES = 3


class Mojibake(Rule):
    """Text decoded with the wrong encoding ("donâ€™t", "cafÃ©") or replacement characters (�).

    Algorithm: a paragraph whose text ftfy's ``badness.is_bad`` marks as suspicious is split into
    tokens; each token with non-ASCII characters that ftfy's ``fix_encoding`` changes, and that is
    itself suspicious, is reported with the repaired text as a safe fix. U+FFFD replacement
    characters are reported without a fix (the original character is lost). Also reported: a
    byte-order mark inside the text (U+FEFF, or "ï»¿" as Windows-1252 shows it), "Â" glued to a word
    before a space (a no-break space read as Windows-1252), and "?" for a lost apostrophe inside a
    contraction or possessive ("we?ve", "company?s"; the contraction must be a frequent English word).
    When a converter lost the apostrophes of the whole document (at least 3 such places, and no fewer
    than the contractions and possessives whose apostrophe survived), that is one defect: one
    diagnostic at the first place, the others as related locations, and one fix for all of them.
    One or two places, or a few among many intact apostrophes, are reported one by one.
    Spared: a BOM at the very start of the file, mojibake quoted as an example (a token holding curly
    quotes: sequences like “Ã©”), code and inline code.
    """

    id = "stray-token/mojibake"
    severity = Severity.WARNING
    scope = "document"
    fixable = True
    options = {}

    def check(self, doc: Document, ctx: RuleContext) -> Iterator:
        prose = doc.prose
        if _QUESTION_GATE.search(prose):
            yield from self._lost_apostrophes(doc, ctx)
        if prose.isascii():
            return
        import ftfy
        from ftfy.badness import is_bad

        for block in doc.prose_blocks:
            seg = prose[block.start : block.end]
            if seg.isascii():
                continue
            for m in _LONE_MARKS.finditer(seg):
                s, e = block.start + m.start(), block.start + m.end()
                if m.group() == "\ufeff":
                    if s == 0:
                        continue  # a real byte-order mark at the start of the file
                    message, repl = "a byte-order mark (U+FEFF) inside the text", ""
                elif m.group().startswith("ï»¿"):
                    message, repl = f"mojibake: '{m.group()}' is a byte-order mark decoded as Windows-1252", ""
                else:
                    message, repl = "mojibake: 'Â' is the first byte of a no-break space decoded as Windows-1252", ""
                yield ctx.diagnostic(s, e, message, suggestions=[repl],
                                     fix=Fix((Edit(s, e, repl),), safe=True, description="remove it"))
            if "\ufffd" in seg:
                for m in re.finditer("\ufffd+", seg):
                    yield ctx.diagnostic(block.start + m.start(), block.start + m.end(),
                                         "replacement character: a character was lost in a conversion")
            if not is_bad(seg):
                continue
            for m in _NON_ASCII_TOKEN.finditer(seg):
                token = m.group()
                if "\ufffd" in token or "ï»¿" in token or re.search("[^\\W\\d_]Â$", token):
                    continue  # reported above
                if _QUOTED_EXAMPLE.fullmatch(token):
                    continue  # an example quoted in the text: sequences like “Ã©”
                fixed = ftfy.fix_encoding(token)
                if fixed != token and is_bad(token):
                    s, e = block.start + m.start(), block.start + m.end()
                    yield ctx.diagnostic(s, e, f"mojibake: '{token}' should read '{fixed}'",
                                         suggestions=[fixed],
                                         fix=Fix((Edit(s, e, fixed),), safe=True, description=f"replace with {fixed!r}"))

    @staticmethod
    def _lost_apostrophes(doc: Document, ctx: RuleContext) -> Iterator:
        prose = doc.prose
        from prose_lint.wordtables import zipf_frequency

        places = []  # (offset of the "?", the word it is in)
        for m in _QUESTION_APOSTROPHE.finditer(prose):
            left, right = m.group(1), m.group(2)
            if len(left) < 2 and left.lower() != "i":
                continue
            if right.lower() != "s" and zipf_frequency(f"{left}'{right}".lower(), "en") < 3.0:
                continue
            s = m.start(2) - 1
            block = doc.block_at(s)
            if block is None or block.kind == "code":
                continue
            places.append((s, m.group()))
        if not places:
            return
        if len(places) >= SYSTEMIC_LOST_APOSTROPHES and len(places) >= len(_INTACT_APOSTROPHE.findall(prose)):
            # one converter lost them all: one finding, not dozens
            (s, word), rest = places[0], places[1:]
            yield ctx.diagnostic(
                s, s + 1,
                f"'?' stands for a lost apostrophe in {len(places)} places (a lossy conversion); first here, in '{word}'",
                suggestions=["’"],
                related=[Related(o, o + 1, f"'?' for an apostrophe in '{w}'") for o, w in rest],
                fix=Fix(tuple(Edit(o, o + 1, "’") for o, _ in places), safe=False,
                        description=f"replace all {len(places)} with ’"),
            )
            return
        for s, word in places:
            yield ctx.diagnostic(s, s + 1, f"'?' in '{word}' stands for a lost apostrophe (a lossy conversion)",
                                 suggestions=["’"],
                                 fix=Fix((Edit(s, s + 1, "’"),), safe=False, description="replace with ’"))

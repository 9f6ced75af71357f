"""Converter residue: backslash escapes, escaped literals and percent-encoding left in prose (HTML entities, tags and
unpaired emphasis: markup_residue.py; mojibake: mojibake.py)."""

from __future__ import annotations

import re
from typing import Iterator

from prose_lint.analysis_inline import inside
from prose_lint.diagnostic import Edit, Fix, Severity
from prose_lint.document import Document
from prose_lint.rule import Rule, RuleContext

_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
# The patterns below open with the character they look for, then look behind it: re then skips to that
# character at C speed instead of trying the look-behind at every position of the text (30-70x faster).
# \n, \r\n, \t, \\n (doubly escaped), \u2019, \x27 from a JSON or SQL string: a run of them is one token
_LITERAL = re.compile(r"\\\\?(?:[nrt](?![a-z])|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2})"
                      r"(?:\\{1,2}(?:[nrt](?![a-z])|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}))*")
_CODE_POINT = re.compile(r"\\[ux]")
# two or more backslashes before a straight quote, or any before a typographic one
_QUOTE_ESCAPE = re.compile(r"\\(?<!\\\\)(?:\\+['\"]|\\*[’‘“”])")
# a percent-encoded space, no-break space or comma glued between two words (outside URLs)
# (any percent-encoded run that decodes, as UTF-8, to a space, punctuation or a non-ASCII letter:
# "New%20York", "President%C2%A0Viktor", "caf%C3%A9", "company%E2%80%99s"; see _percent_decoded)
_PERCENT = re.compile(r"%(?<=[^\W\d_]%)[0-9A-Fa-f]{2}(?:%[0-9A-Fa-f]{2})*(?=[^\W\d_]|[\s.,;:!?)])")
# "+" for a space between two capitalised words of a name ("New+York", "Supreme+Court")
_KEYS = frozenset("Ctrl Control Alt Shift Cmd Command Option Opt Enter Return Tab Esc Escape Fn Win Windows "
                  "Super Meta Del Delete Space Backspace Home End Insert PgUp PgDn".split())
_PLUS = re.compile(r"\+(?<=[a-z]\+)(?=[A-Z][a-z]{1,20}\b)")


class EscapeResidue(Rule):
    """A backslash escape left in the text by a converter (``\\_This``, ``\\*``, ``\\#``).

    Algorithm: in plain text, where nothing interprets escapes, every backslash before an ASCII
    punctuation character in prose is residue (a backslash after a backslash, as in a path, is not).
    In Markdown an escape is legitimate syntax, so only escaped emphasis markers glued to one side
    of a word (``\\_This``, ``word\\*``) are reported: they render as a stray underscore or asterisk.
    Code blocks, inline code, URLs and e-mail addresses are never looked at.
    A fix that removes the backslash is offered, marked unsafe (the escaped character may itself be
    residue).

    Also, in Markdown and plain text alike: the escape sequences of a string literal (``\\n``,
    ``\\r\\n``, ``\\t``, doubly escaped ``\\\\n``, ``\\u2019``, ``\\x27``) in prose, and URL
    encodings glued to a word (any run of ``%XX`` that decodes, as UTF-8, to a space, punctuation or a
    non-ASCII character: ``Appendix%20B``, ``President%C2%A0Viktor``, ``caf%C3%A9``; ``New+York``
    between two capitalised words, not in a key combination such as ``Ctrl+Shift``). Spared: paths (``C:\\new``, a backslash glued to a word or a
    drive; ``\\u2019`` glued inside a word is reported unless the word holds another backslash), code,
    inline code, URLs (masked by the parser), ``C++``-like tokens, and string literals the prose
    talks about: an escape inside a quoted string of at most two words, or one that ends the
    quoted string (``"\\r\\n"``, ``'\\n'``, ``"Hello, world\\n"``).

    Also a backslash no markup consumes before a quotation mark: a doubled one (``didn\\\\'t``,
    ``\\\\"quoted\\\\"``: a string escaped twice) or one before a typographic quote (``didn\\’t``:
    Markdown escapes only ASCII punctuation).
    """

    id = "stray-token/escape-residue"
    severity = Severity.WARNING
    scope = "document"
    options = {}

    def check(self, doc: Document, ctx: RuleContext) -> Iterator:
        text, prose = doc.text, doc.prose
        index = doc
        for m in _ESCAPE.finditer(text):
            i = m.start()
            if i > 0 and text[i - 1] == "\\":
                continue
            if i + 2 < len(text) and text[i + 2] == "\\" and m.group(1) == "\\":
                continue
            block = index.block_at(i + 1)
            if block is None or block.kind == "code":
                continue
            if prose[i + 1] != text[i + 1]:
                continue  # masked: inline code, URL, markup
            ch = m.group(1)
            if doc.markup == "markdown":
                if ch not in "_*":
                    continue
                before = text[i - 1] if i > 0 else " "
                after = text[i + 2] if i + 2 < len(text) else " "
                if not ((before.isspace() or before in "([{\"'“‘") and after.isalnum()) and not (
                        before.isalnum() and (after.isspace() or after in ".,;:!?)]}\"'”’")):
                    continue
            else:
                if prose[i] != "\\":
                    continue
                if ch in "/" or (ch == "\\"):
                    continue
            yield ctx.diagnostic(
                i, m.end(), f"backslash escape '{m.group()}' left by a converter",
                suggestions=[ch],
                fix=Fix((Edit(i, i + 1, ""),), safe=False, description="remove the backslash"),
            )
        yield from self._literal_escapes(doc, ctx)
        yield from self._quote_escapes(doc, ctx)

    @staticmethod
    def _quote_escapes(doc: Document, ctx: RuleContext) -> Iterator:
        """Backslashes no markup consumes before a quotation mark: a doubled one (``didn\\\\'t``,
        ``\\\\"quoted\\\\"``, from a string escaped twice) or one before a typographic quote
        (``didn\\’t``: Markdown escapes only ASCII punctuation), in Markdown and plain text alike."""
        text, prose = doc.text, doc.prose
        if "\\" not in text:
            return
        code = doc.inline_code_spans if "`" in text else []
        for m in _QUOTE_ESCAPE.finditer(text):
            s, e = m.start(), m.end()
            block = doc.block_at(s)
            if block is None or block.kind == "code" or prose[s] != "\\" or prose[e - 1] != text[e - 1]:
                continue  # code, URL, masked markup
            if code and inside(s, e, code):
                continue
            if s > 0 and text[s - 1] in "\"'`":
                continue  # a string of backslashes quoted as such: "\\\\"
            yield ctx.diagnostic(s, e, f"backslash escape '{m.group()}' left by a converter",
                                 suggestions=[text[e - 1]],
                                 fix=Fix((Edit(s, e - 1, ""),), safe=False, description="remove the backslashes"))

    @staticmethod
    def _literal_escapes(doc: Document, ctx: RuleContext) -> Iterator:
        """Escape sequences of a string literal (``\\n``, ``\\r\\n``, ``\\t``, ``\\u2019``) and
        URL encodings (``%20``, ``%C2%A0``, ``+``) in prose, in Markdown and plain text alike."""
        text, prose = doc.text, doc.prose
        code = doc.inline_code_spans if "`" in text else []
        for rx, what in ((_LITERAL, "string escape"), (_PERCENT, "URL encoding"), (_PLUS, "URL encoding")):
            if rx is _LITERAL and "\\" not in text or rx is _PERCENT and "%" not in text \
                    or rx is _PLUS and "+" not in text:
                continue
            for m in rx.finditer(text):
                s, e = m.start(), m.end()
                block = doc.block_at(s)
                if block is None or block.kind == "code" or any(
                        p != t and t != "\\" for p, t in zip(prose[s:e], text[s:e])):
                    continue  # code, inline code, URL, masked markup (Markdown's "\\\\" shows one backslash)
                if code and inside(s, e, code):
                    continue
                before = text[s - 1] if s > 0 else " "
                after = text[e] if e < len(text) else " "
                if rx is _LITERAL and (before in ":/\\~$%" or before.isalnum() and after.isalnum()
                                       and (not _CODE_POINT.search(m.group()) or _path_like(text, s, e))):
                    continue  # a path: C:\new, dir\table\file (but "mayor\u2019s" is a string escape)
                if rx is _LITERAL and _in_string_literal(text, s, e):
                    continue  # a string literal quoted as such: the "\r\n" line ending, '\n'
                if rx is _PERCENT and not _percent_decoded(m.group()):
                    continue  # not text a browser would have decoded ("%41" is an ASCII letter)
                if rx is _PLUS and not re.search(r"(?<![\w+])[A-Z][a-z]{1,20}$", text[max(0, s - 22) : s]):
                    continue  # only between two capitalised words: "New+York", not "x+y"
                if rx is _PLUS:
                    ws = text.rfind(" ", 0, s) + 1
                    we = min((k for k in (text.find(" ", e), text.find("\n", e), len(text)) if k >= 0))
                    chunk = text[ws:we]
                    if chunk.count("+") > 1 or _KEYS & set(re.findall(r"[A-Za-z]+", chunk)):
                        continue  # a key combination: Ctrl+Shift+Enter, Control+Alt+F1
                token = m.group()
                repl = {"%20": " ", "%C2%A0": " ", "%2C%20": ", ", "+": " "}.get(token.upper())
                if rx is _PERCENT and repl is None:
                    from urllib.parse import unquote

                    repl = unquote(token)
                yield ctx.diagnostic(s, e, f"{what} '{token}' left in the text by a converter",
                                     suggestions=[repl] if repl else [])


def _path_like(text: str, s: int, e: int) -> bool:
    """The word holding text[s:e] is a Windows path: a drive, a UNC prefix or another backslash."""
    ws = max(text.rfind(" ", 0, s), text.rfind("\n", 0, s)) + 1
    we = min(k for k in (text.find(" ", e), text.find("\n", e), len(text)) if k >= 0)
    return "\\" in text[ws:s] + text[e:we]


def _in_string_literal(text: str, s: int, e: int) -> bool:
    """text[s:e] is inside a quoted string on its line that is short ("\\r\\n", '\\n', "foo\\nbar\\n") or
    ends on the escape ("Hello, world\\n"): a string literal the prose talks about. A quotation of
    sentences with an escape between them ("We won.\\nWe lost.") is not one."""
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", e)
    le = len(text) if le < 0 else le
    for q in "\"'":
        a, b = text.rfind(q, ls, s), text.find(q, e, le)
        if a < 0 or b < 0 or b - a > 80:
            continue
        if q == '"' and text.count('"', ls, s) % 2 == 0:
            continue
        prefix = a > 0 and text[a - 1] in "bru" and (a < 2 or not text[a - 2].isalnum())  # b'\\xc3'
        if q == "'" and (a > 0 and text[a - 1].isalnum() and not prefix
                         or b + 1 < len(text) and text[b + 1].isalnum()):
            continue  # apostrophes
        if b == e or len(_LITERAL.sub(" ", text[a + 1 : b]).split()) <= 2:
            return True  # short, or ending on the escape: "Hello, world\\n"
    return False


def _percent_decoded(token: str) -> bool:
    """A percent-encoded run that is valid UTF-8 and stands for a space, punctuation or a non-ASCII
    character: what a URL encoder makes of the text between two words."""
    from urllib.parse import unquote

    try:
        decoded = unquote(token, errors="strict")
    except UnicodeDecodeError:
        return False
    return bool(decoded) and all(not (c.isascii() and c.isalnum()) and (c.isprintable() or c.isspace())
                                 for c in decoded)  # not a printf format: "0x%08lx" (%08 is a control character)

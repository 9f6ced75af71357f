"""Converter residue: escapes, HTML entities and tags, unpaired emphasis (mojibake: mojibake.py)."""

from __future__ import annotations

import re
from typing import Iterator

from prose_lint.analysis_inline import inside
from prose_lint.checks.stray_token.common import _CODE_SHAPED
from prose_lint.diagnostic import Edit, Fix, Severity
from prose_lint.document import Document
from prose_lint.rule import Rule, RuleContext

_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
# \n, \r\n, \t, \\n (doubly escaped), \u2019, \x27 from a JSON or SQL string: a run of them is one token
_LITERAL = re.compile(r"(?:\\{1,2}(?:[nrt](?![a-z])|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}))+")
_CODE_POINT = re.compile(r"\\[ux]")
# two or more backslashes before a straight quote, or any before a typographic one
_QUOTE_ESCAPE = re.compile(r"(?<!\\)(?:\\{2,}['\"]|\\+[’‘“”])")
# a percent-encoded space, no-break space or comma glued between two words (outside URLs)
# (any percent-encoded run that decodes, as UTF-8, to a space, punctuation or a non-ASCII letter:
# "New%20York", "President%C2%A0Viktor", "caf%C3%A9", "company%E2%80%99s"; see _percent_decoded)
_PERCENT = re.compile(r"(?<=[^\W\d_])(?:%[0-9A-Fa-f]{2})+(?=[^\W\d_]|[\s.,;:!?)])")
# "+" for a space between two capitalised words of a name ("New+York", "Supreme+Court")
_KEYS = frozenset("Ctrl Control Alt Shift Cmd Command Option Opt Enter Return Tab Esc Escape Fn Win Windows "
                  "Super Meta Del Delete Space Backspace Home End Insert PgUp PgDn".split())
_PLUS = re.compile(r"(?<=[a-z])\+(?=[A-Z][a-z]{1,20}\b)")


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


_ENTITY = re.compile(r"&(?:amp;)?(#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Entities Markdown authors need to write literal markup characters.
_MARKDOWN_ENTITIES = frozenset({"lt", "gt", "amp", "nbsp", "quot", "#124", "#42", "#95", "#35", "#96", "#91",
                                "#93", "#60", "#62", "#38", "#x7c", "ast", "lowbar", "verbar", "num", "grave"})


class HtmlEntity(Rule):
    """An HTML character reference in the text (``&amp;``, ``&#8217;``, ``&rsquo;``).

    Algorithm: every ``&name;`` / ``&#NNN;`` / ``&#xHH;`` that Python's ``html.unescape`` decodes
    is a candidate. In plain text every one is residue of an HTML export. In Markdown, character
    references are legitimate syntax, so only double-escaped ones (``&amp;#8217;``, which render
    literally) and typographic ones that a person would have typed as the character (``&#8217;``,
    ``&rsquo;``, ``&eacute;``) are reported; the references needed to write markup characters
    (``&lt;``, ``&gt;``, ``&amp;``, ``&nbsp;``...) are not. Code and inline code are skipped.
    Fix (safe): replace the reference with the character it stands for.
    """

    id = "stray-token/html-entity"
    severity = Severity.WARNING
    scope = "document"
    fixable = True
    options = {}

    def check(self, doc: Document, ctx: RuleContext) -> Iterator:
        import html

        text = doc.text
        if "&" not in text:
            return
        index = doc
        for m in _ENTITY.finditer(text):
            ref = m.group(1)
            double = m.group().startswith("&amp;") and m.group() != "&amp;"
            entity = f"&{ref};"
            char = html.unescape(entity)
            if char == entity:
                continue
            block = index.block_at(m.start())
            if block is None or block.kind == "code" or _in_inline_code(doc, m.start()):
                continue
            if doc.markup == "markdown":
                if not double and ref.lower() in _MARKDOWN_ENTITIES:
                    continue
            elif doc.prose[m.start()] != "&":
                continue  # URL or e-mail
            shown = char if char.strip() else repr(char)
            yield ctx.diagnostic(
                m.start(), m.end(), f"HTML entity '{m.group()}' in the text (stands for {shown})",
                suggestions=[char],
                fix=Fix((Edit(m.start(), m.end(), char),), safe=True, description=f"replace with {shown}"),
            )


def _in_inline_code(doc: Document, offset: int) -> bool:
    """Inside inline code (Document.inline_code_spans: the parser's in Markdown, backtick pairs in text)."""
    return "`" in doc.text and inside(offset, offset + 1, doc.inline_code_spans)


_HTML_TAGS = ("a|abbr|b|big|blockquote|br|center|cite|code|dd|del|div|dl|dt|em|font|h[1-6]|hr|i|img|ins|"
              "kbd|li|mark|nobr|ol|p|pre|q|s|small|span|strike|strong|sub|sup|table|tbody|td|th|thead|tr|"
              "tt|u|ul|wbr")
_TAG = re.compile(rf"<(/?)({_HTML_TAGS})\b([^<>\n]{{0,200}}?)(/?)>|<!--.{{0,500}}?-->", re.I | re.S)
_VOID = frozenset({"br", "hr", "img", "wbr"})
_PAIRED_INLINE = frozenset({"b", "i", "em", "strong", "sup", "sub", "span", "u", "a", "font", "small",
                            "mark", "s", "del", "ins", "big", "tt", "kbd", "abbr", "cite", "q", "strike"})


class HtmlTag(Rule):
    """An HTML tag that is not part of the markup (``<p>`` in a plain-text file, a lone ``</span>``).

    Algorithm: in plain text, every HTML tag or comment in prose is residue of an export. In
    Markdown, HTML is part of the markup, so only inline tags that are not paired within their
    paragraph are reported (an opening ``<b>`` never closed, a ``</sup>`` never opened); block-level
    HTML and balanced inline tags are left alone.
    """

    id = "stray-token/html-tag"
    severity = Severity.WARNING
    scope = "document"
    options = {}

    def check(self, doc: Document, ctx: RuleContext) -> Iterator:
        text = doc.text
        if "<" not in text:
            return
        if doc.markup != "markdown":
            index = doc
            for m in _TAG.finditer(text):
                block = index.block_at(m.start())
                if block is None or block.kind == "code" or doc.prose[m.start()] != "<":
                    continue
                yield ctx.diagnostic(m.start(), m.end(), f"HTML tag '{m.group()[:40]}' in plain text")
            return
        lines = doc.lines
        done = -1
        for block in doc.blocks:
            if block.kind == "code":
                continue
            # tags sit outside the block's prose span: look at its whole lines
            start = max(lines.starts[lines.line_of(block.start)], done)
            end = lines.ends[lines.line_of(max(block.start, block.end - 1))]
            if start >= end:
                continue
            done = end
            stacks: dict[str, list[re.Match]] = {}
            unmatched = []
            for m in _TAG.finditer(text, start, end):
                if m.group(2) is None:
                    continue
                name = m.group(2).lower()
                if name not in _PAIRED_INLINE or m.group(4) or _in_inline_code(doc, m.start()):
                    continue
                if m.group(1):
                    if stacks.get(name):
                        stacks[name].pop()
                    else:
                        unmatched.append(m)
                else:
                    stacks.setdefault(name, []).append(m)
            for left in stacks.values():
                unmatched.extend(left)
            for m in sorted(unmatched, key=lambda x: x.start()):
                kind = "closing" if m.group(1) else "opening"
                yield ctx.diagnostic(m.start(), m.end(), f"{kind} tag '{m.group()[:40]}' without its pair")


_EMPH_RUN = re.compile(r"\*{1,3}|_{1,3}")


class UnpairedEmphasis(Rule):
    """An emphasis marker with no partner (``**Results`` with no closing ``**``, ``_word``).

    Algorithm: in Markdown, markdown-it masks emphasis delimiters that it pairs; a ``*``/``_`` run
    left in the prose was not paired. It is reported when it is glued to a word on one side only
    (an opening or closing delimiter): ``_`` inside a word (snake_case), a lone `` * `` between
    spaces, a single ``*`` right after a word (a footnote mark) and an underscore between a word and
    a ``*`` (a wildcard: ``grub_*``) are not, nor a marker glued to another marker character (a run of
    underscores is a blank to fill in: ``____needs``). In Markdown a single ``_`` glued to the end of a
    word is a name (a user's ``kim_``), and a ``*`` before a name in capitals a wildcard (``*BSD``). In plain text, ``**``,
    ``__`` and ``_`` delimiters glued to a word are paired in order within the paragraph, and a
    delimiter left over is reported; single ``_`` only in texts that use ``_italics_`` elsewhere
    (otherwise ``_name`` is an identifier). Nor is a marker glued to a word that is code: one holding
    brackets, a sigil, a path, a dotted name, another underscore or a capital after a lowercase letter
    (``*foo{THING}``, ``_parser.py``, ``_init_module_attrs``, ``pTHX_``), or an underscore glued to
    digits (``_0``), nor any marker of a paragraph that holds code (inline code, a sigil,
    an operator, a call: see unpaired-bracket).
    """

    id = "stray-token/unpaired-emphasis"
    severity = Severity.WARNING
    scope = "document"
    options = {}

    def check(self, doc: Document, ctx: RuleContext) -> Iterator:
        prose = doc.prose
        # plain text: single underscores are emphasis only where the text uses _italics_
        underscore_italics = doc.markup != "markdown" and re.search(r"(?<!\w)_[^\W_][^_\n]*_(?!\w)", prose)
        for block in doc.prose_blocks:
            seg = prose[block.start : block.end]
            if "*" not in seg and "_" not in seg or _CODE_SHAPED.search(doc.text, block.start, block.end):
                continue  # no marker, or a paragraph that holds code (its * and _ may be the code's)
            candidates = []
            for m in _EMPH_RUN.finditer(prose, block.start, block.end):
                s, e = m.start(), m.end()
                before = prose[s - 1] if s > 0 else " "
                after = prose[e] if e < len(prose) else " "
                left = after.isalnum() and not before.isalnum()
                right = before.isalnum() and not after.isalnum()
                if not (left or right):
                    continue
                run = m.group()
                if s > 0 and doc.text[s - 1] == "\\":
                    continue  # an escaped marker: escape-residue's business
                if doc.text[s - 1 : s] in ("*", "_") or doc.text[e : e + 1] in ("*", "_"):
                    continue  # part of a longer run: a fill-in blank or a rule ("the land that ____needs")
                if run == "_" and right:
                    continue  # a name ending in an underscore (a user's nick_, a macro's pTHX_): no one
                    # forgets the opening of an underscore emphasis and writes its closing
                if run == "*" and left and re.match(r"[A-Z]{2,}\b", prose[e : e + 8]):
                    continue  # a wildcard before a family's name: *BSD, *NIX
                if run[0] == "_" and "*" in (before, after):
                    continue  # a wildcard of an identifier: grub_*, *_test
                if _code_word(doc.text, s, e):
                    continue  # a pointer, glob or identifier: PerlIO *f, *foo{THING}, _parser.py
                if doc.markup == "markdown":
                    if run == "*" and right:
                        continue  # footnote mark
                    yield ctx.diagnostic(s, e, f"emphasis marker '{run}' without its pair")
                else:
                    if run == "*" or (run == "_" and not underscore_italics):
                        continue  # footnote marks; identifiers like _private in technical text
                    candidates.append((m, left))
            # plain text: pair opening and closing delimiters of the same kind in order
            open_by_kind: dict[str, list] = {}
            leftovers = []
            for m, left in candidates:
                kind = m.group()
                if left:
                    open_by_kind.setdefault(kind, []).append(m)
                elif open_by_kind.get(kind):
                    open_by_kind[kind].pop()
                else:
                    leftovers.append(m)
            for rest in open_by_kind.values():
                leftovers.extend(rest)
            for m in sorted(leftovers, key=lambda x: x.start()):
                yield ctx.diagnostic(m.start(), m.end(), f"emphasis marker '{m.group()}' without its pair")


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


_CODE_CHARS = re.compile(r"[{}()\[\]$@=<>/\\]|::|\w\.\w|[^\W_]_|_[^\W_]")


def _code_word(text: str, s: int, e: int) -> bool:
    """The word a marker text[s:e] is glued to is code: it holds brackets, a sigil, a path, a dotted
    name, another underscore or a capital after a lowercase letter (``*foo{THING}``, ``_parser.py``,
    ``_init_module_attrs``, ``pTHX_``), or digits after an underscore (``_0``)."""
    ws = s
    while ws > 0 and not text[ws - 1].isspace():
        ws -= 1
    we = e
    while we < len(text) and not text[we].isspace():
        we += 1
    word = (text[ws:s] + " " + text[e:we]).strip("\"'“”‘’.,;:!?()[]")  # (**Note**) is prose
    if text[s] == "_" and any(c.isdigit() for c in word):
        return True  # _0, _1: positional names
    return bool(_CODE_CHARS.search(word) or re.search(r"[a-z][A-Z]", word))  # pTHX_, camelCase


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

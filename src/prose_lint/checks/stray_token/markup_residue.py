"""Converter residue in markup: HTML entities and tags left in text, and unpaired emphasis markers."""

from __future__ import annotations

import re
from typing import Iterator

from prose_lint.analysis_inline import inside
from prose_lint.checks.stray_token.common import _code_shaped
from prose_lint.diagnostic import Edit, Fix, Severity
from prose_lint.document import Document
from prose_lint.rule import Rule, RuleContext


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
# The tag name ends where HTML's tokenizer ends it (WHATWG, tag name state): at white space, "/" or ">". So
# "<a.koenig@mind.de>" or "<p.smit@example.nl>" (an e-mail address as mail headers and signatures write it,
# RFC 5322's name-addr) is no <a> or <p> tag: the tokenizer would read a tag named "a.koenig@mind.de".
_TAG = re.compile(rf"<(/?)({_HTML_TAGS})(?=[\s/>])([^<>\n]{{0,200}}?)(/?)>|<!--.{{0,500}}?-->", re.I | re.S)
_VOID = frozenset({"br", "hr", "img", "wbr"})
_PAIRED_INLINE = frozenset({"b", "i", "em", "strong", "sup", "sub", "span", "u", "a", "font", "small",
                            "mark", "s", "del", "ins", "big", "tt", "kbd", "abbr", "cite", "q", "strike"})


class HtmlTag(Rule):
    """An HTML tag that is not part of the markup (``<p>`` in a plain-text file, a lone ``</span>``).

    Algorithm: in plain text, every HTML tag or comment in prose is residue of an export. In
    Markdown, HTML is part of the markup, so only inline tags that are not paired within their
    paragraph are reported (an opening ``<b>`` never closed, a ``</sup>`` never opened); block-level
    HTML and balanced inline tags are left alone. A tag's name ends at white space, "/" or ">" as in
    HTML's tokenizer, so an e-mail address in angle brackets ("Ann Brown <a.brown@example.org>") is no tag.
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
    word is a name (a user's ``kim_``), a ``*`` before a name in capitals a wildcard (``*BSD``, and
    ``*nix``), and a ``*`` or ``**`` that opens its paragraph a footnote's note when the text marks footnotes with
    the same run glued to a word or number before it (``$40.*`` ... ``*Mainland only.``). In plain text, ``**``,
    ``__`` and ``_`` delimiters glued to a word are paired in order within the paragraph, and a
    delimiter left over is reported; single ``_`` only in texts that use ``_italics_`` elsewhere
    (otherwise ``_name`` is an identifier). Nor is a marker glued to a word that is code: one holding
    brackets, a sigil, a path, a dotted name, another underscore or a capital after a lowercase letter
    (``*foo{THING}``, ``_parser.py``, ``_init_module_attrs``, ``pTHX_``), or an underscore glued to
    digits (``_0``), nor any marker of a paragraph that holds code (inline code, a sigil,
    an operator, a call: see unpaired-bracket), nor a marker whose partner stands in its paragraph with a space
    on the inside (an opener with the same run later between a space and a space, a stop or the end, a closer
    with it earlier between a space and a space: "_For more, visit us. _", "**Ann Lee **", as HTML converters
    write "<em>text </em>").
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
            if "*" not in seg and "_" not in seg or _code_shaped(doc.text, block.start, block.end):
                continue  # no marker, or a paragraph that holds code (its * and _ may be the code's)
            candidates = []
            spaced: dict = {}  # _spaced_pair's positions of spaced markers, found once per paragraph and run
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
                if run == "*" and left and re.match(r"[A-Z]{2,}\b|nix\b", prose[e : e + 8]):
                    continue  # a wildcard before a family's name: *BSD, *NIX, *nix
                if run in ("*", "**") and left and not prose[block.start : s].strip() and _footnote_mark(prose, s, run):
                    continue  # a footnote's note opening its paragraph, in a text that marks footnotes with the
                    # same run glued to a word, number or stop: "over $40.* ... *Mainland only."
                if run[0] == "_" and "*" in (before, after):
                    continue  # a wildcard of an identifier: grub_*, *_test
                if _code_word(doc.text, s, e):
                    continue  # a pointer, glob or identifier: PerlIO *f, *foo{THING}, _parser.py
                if _spaced_pair(prose, block, s, e, run, left, spaced):
                    continue  # its pair is there with a space inside it: "_For more, visit us. _", "**Ann Lee **"
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


def _footnote_mark(prose: str, s: int, run: str) -> bool:
    """An earlier ``run`` ("*", "**") in the text is a footnote mark: glued to the end of a word, a number or a
    stop and followed by no word ("price*", "5*", "$40.*", "60 days.**"), so ``run`` opening a paragraph at
    ``s`` is that footnote's note, not an emphasis left open ("*Important: entries must ...")."""
    mark = re.compile(r"(?<=[^\W_]|[.)%])(?<!\*)" + re.escape(run) + r"(?![*\w])")
    return mark.search(prose, 0, s) is not None


def _spaced_pair(prose: str, block, s: int, e: int, run: str, left: bool, cache: dict) -> bool:
    """The marker prose[s:e] has its partner in the paragraph, set apart by a space on the inside: an opener
    with the same run later between a space and a space, a stop or the end ("_For more, visit us. _"), or a
    closer with it earlier between the start or a space and a space ("** Ann Lee**"). HTML converters write
    "<em>text </em>" so; Markdown then shows both markers, but the emphasis is not left open.
    The spaced markers of the paragraph are found once (``cache``, one per paragraph): the last spaced closer and
    the first spaced opener; searching the rest of the paragraph for each marker was quadratic (20,000 markers
    on one line: minutes)."""
    if run not in cache:
        seg, mark = prose[block.start : block.end], re.escape(run)
        closers = [m.start() for m in re.finditer(r"(?<=\s)(?<![*_])" + mark + r"(?![*_\w])", seg)]
        opener = re.search(r"(?:^|(?<=\s))(?<![*_])" + mark + r"(?=\s)", seg)
        cache[run] = (closers[-1] if closers else -1, opener.end() if opener else len(seg) + 1)
    last_closer, first_opener_end = cache[run]
    if left:
        return last_closer >= e - block.start
    return first_opener_end <= s - block.start


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

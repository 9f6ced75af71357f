"""Unpaired brackets and quotes."""

from __future__ import annotations

import bisect
import re
from typing import Iterator

from prose_lint.checks.stray_token.common import _code_shaped
from prose_lint.checks.stray_token.quote_marks import (_SPAN_PARAGRAPHS, _closes_alone, _closing_paragraph, _closing_position,
                                                       _curly_closes_later, _curly_quotes, _mentioned,
                                                       _opening_position, _pair_mixed, _symbol_run)
from prose_lint.diagnostic import Severity
from prose_lint.document import Document
from prose_lint.rule import Rule, RuleContext

_OPENERS = {"(": ")", "[": "]", "{": "}"}
_CLOSERS = {v: k for k, v in _OPENERS.items()}
_BRACKET = re.compile(r"[()\[\]{}]")
_ENUMERATOR = re.compile(r"""(?:^|(?<=[\s("“‘']))(?:[a-zA-Z]|\d{1,2}|[ivxIVX]{1,4}) ?\)$""")
_EMOTICON = re.compile(r"[:;=8xX] ?-?[()\[\]]$|[()\[\]]-?[:;=]")
# a brow or horns before the eyes and mouth of an emoticon: "}:-)", "]:)"
_BROW = re.compile(r"[}\]][:;]-?[()\[\]DPp]")


def _emoticon_mouth(seg: str, i: int, run_start: dict[int, int]) -> bool:
    """seg[i] is the mouth of an emoticon (":)", ";-(", "=]"), or one of a run of mouths that writers repeat for
    a broader smile (":-))", ":)))", ":(("): the run is walked back to its first bracket, which must follow eyes.
    ``run_start`` (one per paragraph scan) remembers where each asked bracket's run starts, so the walk stops at
    the nearest bracket already asked: the scan asks left to right, and a run of n brackets costs n steps, not
    n²/2 (20,000 ")" on one line took minutes)."""
    j = i
    while j > 0 and seg[j - 1] == seg[i]:
        if j - 1 in run_start:
            j = run_start[j - 1]
            break
        j -= 1
    run_start[i] = j
    return _EMOTICON.search(seg[max(0, j - 2) : j + 1]) is not None


_KEY_PLUS = re.compile(r"(?:Ctrl|Control|Alt|Shift|Cmd|Command|Option|Meta|Super|AltGr)\+$")


_TRUNCATED = re.compile(r"\.\.\.|…")
# an interval of mathematics, closed at one end and open at the other: "[0, 1)", "(a, b]", "[-1, n)"
_HALF_OPEN = re.compile(r"([\[(])\s?[-+−]?[\w.∞]{1,12}\s?,\s?[-+−]?[\w.∞]{1,12}\s?([\])])")


def _pair_across(problems: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Drop an opener never closed in its paragraph and the first unpaired closer of its kind within the
    next ``_SPAN_PARAGRAPHS`` paragraphs, when no other bracket problem lies between them: a parenthesis or an
    editor's note in square brackets that runs over several paragraphs ("[Historical note: ... --ESR]")."""
    dropped: set[int] = set()
    for k, (n, offset, message) in enumerate(problems):
        if k in dropped or not message.endswith("is never closed in this paragraph"):
            continue
        opener = message[1]
        if k + 1 < len(problems):
            m, _, other = problems[k + 1]
            if n < m <= n + _SPAN_PARAGRAPHS and other.startswith(f"closing '{_OPENERS[opener]}'"):
                dropped.update((k, k + 1))
    return [p for k, p in enumerate(problems) if k not in dropped]


class UnpairedBracket(Rule):
    """A bracket or quotation mark without its partner ("... and Russia, Mehmood, 2022).").

    Algorithm: the brackets ``()``, ``[]``, ``{}`` of each prose block are matched with a stack; a
    closing bracket with no opener, or an opener never closed in the block, is reported. Enumerators
    ("a)", "2)", "iv)") and emoticons are not brackets. Curly double quotes are matched the same
    way (a “ in the closing position after an open quotation, or a ” in the opening position, is
    the wrong glyph of a pair, not a stray quote: “virtual“), with the convention of multi-paragraph quotations: a paragraph may leave a quotation open
    when the next paragraph opens again with “, and then the next paragraph's closing ” is fine; a quotation left
    open may also close within the next four paragraphs when none of them holds a curly quote before the closing
    one (a testimonial quoted with its list items). A quotation opened with one glyph and closed with the other
    (“... tonight," or "... Paris,”) is a pair: the straight quotes pair among themselves in order, and the one
    left over pairs with the lone curly mark. A closing ” right after a figure that closes nothing is an inch
    mark ("58” wide"); a double prime after a figure closes an open “ (a converter's quote: “80″). A
    straight double quote is reported when it is the only one in its block and not an inch mark,
    unless it opens a quotation that a double prime closes (``"by 1″``: a converter's inch mark) or
    that runs into the next paragraph and closes there (that paragraph's first straight quote, in
    closing position, the others pairing among themselves: '...as you can." -- from "The Long Road"'),
    or that closes a few paragraphs later without being reopened in between (the first of the next
    paragraphs that holds a straight quote closes it so). A
    bracket never closed in its paragraph and the first unpaired closing bracket of its kind within the
    next four paragraphs, with no other unpaired bracket between, pair up: a parenthesis or an editor's
    note in square brackets that runs over paragraphs. A bracket opened before a truncation ellipsis
    ("(who was...") is not reported as never closed: the rest was cut. An opening bracket closed by
    the wrong glyph ("[abbreviation, ...)") is one finding, at the closing one; a half-open interval
    ("[0, 1)", "(a, b]") is none.
    Paragraphs that hold code (inline code, a sigil such as ``$x``, an operator such as ``==``, ``->``, ``|x``
    or an increment glued to a name, ``p++;``, a call ``f()``, a backslash sequence) are not judged for brackets
    and straight quotes: those may belong to the code, and a paragraph that refers to code often continues in a
    code block a converter dropped. A bracket or straight quote that is named rather than used is not reported:
    quoted as a short token ("a ']' character"), made plural ("too many )'s"), alone between spaces ("the ) that
    closes the list") or, for a quote, in a row of five or more symbols ('!"#$%&'). Apostrophes and single
    quotes are never judged. Emoticons are read both as brackets and as none ("(=me)", "(photo ;) )"): the
    reading with fewer unpaired brackets wins; a brow or horns before
    an emoticon's eyes ("}:-)", "]:)") is no bracket; "Control+]" is a key.
    """

    id = "stray-token/unpaired-bracket"
    severity = Severity.WARNING
    scope = "document"
    options = {"quotes": True}

    @staticmethod
    def _brackets(seg, block, text, urls, url_starts, url_ends, url_tail, emoticons: bool) -> list:
        """(offset in seg, message) of unpaired brackets; ``emoticons``: whether ";)" and "(=" count
        as brackets (one of the two readings explains the paragraph better: "(=me)", "(photo ;) )")."""
        stack: list[int] = []
        out = []
        run_start: dict[int, int] = {}  # _emoticon_mouth's memory of runs of repeated brackets
        interval = {j for x in _HALF_OPEN.finditer(seg) if x.group(1) + x.group(2) in ("[)", "(]")
                    for j in (x.start(), x.end() - 1)}
        for m in _BRACKET.finditer(seg):
            i, ch = m.start(), m.group()
            if i in interval:
                continue  # a half-open interval: [0, 1), (a, b]
            pos = block.start + i
            if 0 < pos < len(text) - 1 and text[pos - 1] in "\"'“‘`" and text[pos + 1] in "\"'”’`":
                continue  # the character itself, quoted: "("
            k = bisect.bisect_right(url_starts, pos) - 1
            if pos in url_tail or (k >= 0 and pos < urls[k][1]):
                continue  # part of a URL
            if pos > 0 and text[pos - 1] == "+" and _KEY_PLUS.search(text, max(0, pos - 12), pos):
                continue  # a key: Control+]
            if ch in _OPENERS:
                if not emoticons and (_emoticon_mouth(seg, i, run_start) or _EMOTICON.match(seg[i : i + 3])):
                    continue
                stack.append(i)
            elif ch in _CLOSERS:
                if not emoticons and (_emoticon_mouth(seg, i, run_start) or _BROW.match(seg, i)):
                    continue
                if stack and seg[stack[-1]] == _CLOSERS[ch]:
                    stack.pop()
                    continue
                if pos in url_ends:
                    continue
                if ch == ")" and _ENUMERATOR.search(seg[max(0, i - 5) : i + 1]):
                    continue
                if emoticons and _emoticon_mouth(seg, i, run_start):
                    continue
                if stack and all(seg[j] != _CLOSERS[ch] for j in stack):
                    # the wrong glyph closes the open bracket ("[abbreviation, ...)"): one defect, one finding
                    out.append((i, f"closing '{ch}' does not match the opening '{seg[stack.pop()]}'"))
                    continue
                out.append((i, f"closing '{ch}' without an opening '{_CLOSERS[ch]}'"))
        # an opener followed by a truncation ellipsis was closed in the part that was cut: "(who was... [Read More]"
        out += [(i, f"'{seg[i]}' is never closed in this paragraph") for i in stack
                if not _TRUNCATED.search(seg, i + 1)]
        return sorted(x for x in out if not _mentioned(seg, x[0]))

    def _fewer_brackets(self, seg, block, text, urls, url_starts, url_ends, url_tail) -> list:
        """The unpaired brackets of the reading (emoticons as brackets or not) that finds fewer; the first
        reading when it finds none."""
        first = self._brackets(seg, block, text, urls, url_starts, url_ends, url_tail, False)
        if not first:
            return first
        return min(first, self._brackets(seg, block, text, urls, url_starts, url_ends, url_tail, True), key=len)

    def check(self, doc: Document, ctx: RuleContext) -> Iterator:
        prose = doc.prose
        blocks = doc.prose_blocks
        quote_carry = False  # the previous paragraph left a quotation open
        quote_carry_straight = False
        carried_open = False  # the previous paragraph opened a straight quotation that this one closes
        from prose_lint.document import URL_RE

        urls = [(m.start(), m.end()) for m in URL_RE.finditer(doc.text)]
        url_starts = [u[0] for u in urls]
        url_ends = {u[1] for u in urls}
        # URL_RE stops before a closing bracket: ")" that close the URL's own "(" belong to it
        url_tail: set[int] = set()
        for us, ue in urls:
            extra = doc.text.count("(", us, ue) - doc.text.count(")", us, ue)
            for k in range(max(0, extra)):
                if ue + k < len(doc.text) and doc.text[ue + k] == ")":
                    url_tail.add(ue + k)
        bracket_problems: list[tuple[int, int, str]] = []  # (paragraph, offset, message)
        closes_at = -1  # the paragraph that closes a straight quotation opened a few paragraphs before
        curly_closes_at = -1  # the same for a curly quotation
        for n, block in enumerate(blocks):
            seg = prose[block.start : block.end]
            text = doc.text
            # whether the paragraph is code-shaped matters only when it has brackets, or (looked at below,
            # where False means "not looked at yet") a single straight quote
            bracketed = _BRACKET.search(seg) is not None
            code = _code_shaped(text, block.start, block.end) if bracketed else False
            problems = self._fewer_brackets(seg, block, text, urls, url_starts, url_ends, url_tail) \
                if bracketed and not code else []
            bracket_problems.extend((n, block.start + i, message) for i, message in problems)
            if not ctx.options["quotes"]:
                continue
            nxt = blocks[n + 1] if n + 1 < len(blocks) else None
            next_opens = nxt is not None and prose[nxt.start : nxt.end].lstrip().startswith(("“", '"'))
            carry = quote_carry or n <= curly_closes_at
            open_at, stray_close = _curly_quotes(seg, carry)
            straight = _pair_mixed(seg, [m.start() for m in re.finditer('"', seg)], open_at, stray_close)
            for i in stray_close:
                yield ctx.diagnostic(block.start + i, block.start + i + 1, "closing '”' without an opening '“'")
            if open_at and not next_opens and (later_close := _curly_closes_later(prose, blocks, n)) is not None:
                curly_closes_at = later_close  # a quotation of several paragraphs, closed without reopening
            elif open_at and not next_opens:
                for i in open_at[:1]:
                    yield ctx.diagnostic(block.start + i, block.start + i + 1, "'“' is never closed")
            quote_carry = bool(open_at) and next_opens
            continues = quote_carry_straight and seg.lstrip().startswith('"')
            closes_carried = (carried_open or n == closes_at) and len(straight) == 1 \
                and _closing_position(seg, straight[0])
            carried_open = False
            if len(straight) % 2 == 1 and next_opens:
                quote_carry = True
            elif len(straight) == 1 and not continues and not closes_carried:
                i = straight[0]
                if code is False:
                    code = _code_shaped(text, block.start, block.end)
                if code:
                    pass  # a quote of the code: "\\", '"' as a delimiter
                elif _mentioned(seg, i) or _symbol_run(seg, i):
                    pass  # the character named, not used: alone between spaces, quoted, in a row of symbols
                elif i > 0 and (seg[i - 1].isdigit() or seg[i - 1] in "'′"):
                    pass  # an inch mark
                elif _opening_position(seg, i) and "″" in seg[i:]:
                    pass  # closed by a double prime, a converter's "smart" inch mark: "by 1″"
                elif _opening_position(seg, i) and nxt is not None and _closes_alone(prose[nxt.start : nxt.end]):
                    carried_open = True  # a quotation that runs into the next paragraph and closes there
                elif _opening_position(seg, i) and (later := _closing_paragraph(prose, blocks, n)) is not None:
                    closes_at = later  # a quotation of several paragraphs, not reopened in each of them
                else:
                    yield ctx.diagnostic(block.start + i, block.start + i + 1, "unpaired '\"' in this paragraph")
            quote_carry_straight = len(straight) % 2 == 1 and next_opens
        for _, offset, message in _pair_across(bracket_problems):
            yield ctx.diagnostic(offset, offset + 1, message)

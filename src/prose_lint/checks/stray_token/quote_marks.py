"""Where a quotation mark or bracket stands: named rather than used, opening or closing, a quotation that
closes paragraphs later (unpaired-bracket's reading of straight quotes)."""

from __future__ import annotations

import bisect
import re

# how many paragraphs a parenthesis, an editor's bracketed note or a quotation may run over
_SPAN_PARAGRAPHS = 4


def _mentioned(seg: str, i: int) -> bool:
    """The bracket at seg[i] is named rather than used: quoted as a short token ("a ']'", "')'"), made
    plural ("too many )'s") or standing alone between spaces ("the ) that closes")."""
    for q in "'\"‘“":
        a = seg.rfind(q, max(0, i - 3), i)
        close = {"‘": "’", "“": "”"}.get(q, q)
        b = seg.find(close, i + 1, i + 4)
        if a >= 0 and b >= 0 and not seg[a + 1 : b].strip("()[]{}"):
            return True
    if seg[i + 1 : i + 3] in ("'s", "’s"):
        return True
    return (i == 0 or seg[i - 1] == " ") and seg[i + 1 : i + 2] == " "


def _symbol_run(seg: str, i: int) -> bool:
    """seg[i] stands in a run of five or more symbols (no letter, digit or space): characters listed, as in
    'the characters !"#$%&'() sit above the digits', not a quotation mark ('." )' is three)."""
    a = i
    while a > 0 and not seg[a - 1].isalnum() and not seg[a - 1].isspace():
        a -= 1
    b = i + 1
    while b < len(seg) and not seg[b].isalnum() and not seg[b].isspace():
        b += 1
    return b - a >= 5


def _opening_position(seg: str, i: int) -> bool:
    """A straight quote at seg[i] opens: start or space (or an opening bracket) before, a letter after."""
    before = seg[i - 1] if i > 0 else " "
    return (before.isspace() or before in "([") and seg[i + 1 : i + 2].isalnum()


def _closing_position(seg: str, i: int) -> bool:
    """A straight quote at seg[i] closes: a letter or punctuation before, a space, punctuation or the end after."""
    before = seg[i - 1] if i > 0 else " "
    after = seg[i + 1] if i + 1 < len(seg) else " "
    return not before.isspace() and (after.isspace() or after in ".,;:!?)]")


def _closing_paragraph(prose: str, blocks, n: int) -> int | None:
    """The paragraph, within the next ``_SPAN_PARAGRAPHS``, that closes a straight quotation opened in paragraph
    ``n``: the first later paragraph holding a straight quote closes it (_closes_alone)."""
    for m in range(n + 1, min(len(blocks), n + 1 + _SPAN_PARAGRAPHS)):
        seg = prose[blocks[m].start : blocks[m].end]
        if '"' in seg:
            return m if _closes_alone(seg) else None
    return None


def _closes_alone(seg: str) -> bool:
    """The paragraph's first straight quote is in closing position and the rest pair among themselves (an odd
    number in all): the end of a quotation opened before ('...as best as you can." -- Steppenwolf, "Rock Me
    Baby"')."""
    straight = [m.start() for m in re.finditer('"', seg)]
    return len(straight) % 2 == 1 and _closing_position(seg, straight[0])


# the curly double quotes, and the double prime that SmartyPants-style converters set for a quote after a digit
_CURLY_QUOTE = re.compile("[“”″]")


def _curly_quotes(seg: str, carry: bool) -> tuple[list[int], list[int]]:
    """(openers never closed, closers without an opener) among the curly double quotes of a paragraph;
    ``carry``: a quotation from an earlier paragraph is still open. A wrong glyph of a pair is read as the
    glyph its place asks for (“virtual“, (”distribution upgrade”)); a double prime after a digit closes an open
    quotation that no ” closes later in the paragraph (a converter's "smart" quote: “80″, “Set-Cookie2″) and is a
    double prime otherwise (5′11″, “He is 5′11″ and growing,”); a
    closing quote right after a figure that closes nothing is an inch mark set by a word processor ("58” wide",
    "a 1/2” seam"), not a quotation mark."""
    depth = 1 if carry else 0
    open_at: list[int] = []
    stray_close: list[int] = []
    for m in _CURLY_QUOTE.finditer(seg):
        i, ch = m.start(), m.group()
        before = seg[i - 1] if i > 0 else " "
        after = seg[i + 1] if i + 1 < len(seg) else " "
        if ch == "″":
            # only when no proper ” closes the quotation later: “He is 5′11″ and growing,” keeps its ″ a prime
            if open_at and before.isdigit() and not after.isalnum() and "”" not in seg[i + 1 :]:
                open_at.pop()
                depth = max(0, depth - 1)
            continue
        if ch == "“" and open_at and (before.isalnum() or before in ".,!?;:") and not after.isalnum():
            ch = "”"  # “virtual“: the opening glyph typed as the closing one
        elif ch == "”" and not open_at and not (carry and depth > 0) \
                and (before.isspace() or before in "([") and after.isalnum():
            ch = "“"  # (”distribution upgrade”): the closing glyph typed as the opening one
        if ch == "“":
            if carry and depth == 1 and not open_at and i == len(seg) - len(seg.lstrip()):
                open_at.append(i)  # reopening of the carried quotation
                continue
            depth += 1
            open_at.append(i)
        elif open_at:
            open_at.pop()
            depth = max(0, depth - 1)
        elif carry and depth > 0:
            depth -= 1
        elif not before.isdigit():  # (after a figure: an inch mark)
            stray_close.append(i)
    return open_at, stray_close


def _pair_mixed(seg: str, straight: list[int], open_at: list[int], stray_close: list[int]) -> list[int]:
    """Pair a quotation opened with one glyph and closed with the other (“... tonight," or "Here at ... Paris,”:
    text typed in two editors, or edited after a converter curled the quotes): the straight quotes pair among
    themselves in order, so when an odd number of them stands after a curly opener never closed, the first of
    them (in closing position) closes it; when an odd number stands before a curly closer without an opener,
    the last of them (in opening position) opens it. Removes the pairs from ``open_at`` and ``stray_close`` and
    returns the straight quotes left."""
    straight = sorted(straight)  # positions: bisect counts the quotes before or after one (no rescans)
    kept = []
    for o in open_at:
        at = bisect.bisect_right(straight, o)
        if (len(straight) - at) % 2 == 1 and _closing_position(seg, straight[at]):
            del straight[at]
        else:
            kept.append(o)
    open_at[:] = kept
    kept = []
    for c in stray_close:
        at = bisect.bisect_left(straight, c)
        if at % 2 == 1 and _opening_position(seg, straight[at - 1]):
            del straight[at - 1]
        else:
            kept.append(c)
    stray_close[:] = kept
    return straight


def _curly_closes_later(prose: str, blocks, n: int) -> int | None:
    """The paragraph, within the next ``_SPAN_PARAGRAPHS``, that closes a curly quotation left open in paragraph
    ``n`` without reopening it in the paragraphs between (a testimonial or a letter quoted with its list items):
    the first later paragraph holding a curly double quote opens with a closing one. A ” in opening position
    (after a space or the start, before a letter: wrote: ”A few remarks.”) opens a quotation of its own, the wrong
    glyph, and closes nothing across paragraphs."""
    for m in range(n + 1, min(len(blocks), n + 1 + _SPAN_PARAGRAPHS)):
        seg = prose[blocks[m].start : blocks[m].end]
        first = re.search("[“”]", seg)
        if first is not None:
            i = first.start()
            opens = (i == 0 or seg[i - 1].isspace() or seg[i - 1] in "([") and seg[i + 1 : i + 2].isalnum()
            return m if first.group() == "”" and not opens else None
    return None

"""Where a quotation mark or bracket stands: named rather than used, opening or closing, a quotation that
closes paragraphs later (unpaired-bracket's reading of straight quotes)."""

from __future__ import annotations

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
    ``n``: the first later paragraph holding a straight quote holds only one, in closing position."""
    for m in range(n + 1, min(len(blocks), n + 1 + _SPAN_PARAGRAPHS)):
        seg = prose[blocks[m].start : blocks[m].end]
        if '"' in seg:
            return m if _closes_alone(seg) else None
    return None


def _closes_alone(seg: str) -> bool:
    """The paragraph holds one straight quote, in closing position: the end of a quotation opened before."""
    straight = [m.start() for m in re.finditer('"', seg)]
    return len(straight) == 1 and _closing_position(seg, straight[0])

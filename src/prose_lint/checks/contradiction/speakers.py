"""Who speaks each paragraph of a dialogue: a transcript ("Q:", "A:", "SMITH:", "MR. JONES."), a forum thread
("Posted by harbourfan", "ferrygirl wrote:"). Two statements by different speakers disagree; neither speaker
contradicts himself, so the rule does not pair them."""

from __future__ import annotations

import re
from collections import Counter

from prose_lint.document import Document

from .lexicon import _lexicon

# A speaker's label opening a paragraph: "Q:", "A:", "JOHN:", "Mary Smith:", "MR. JONES.", "The PRESIDENT.",
# "Posted by harbourfan", "Originally Posted by X", "ferrygirl wrote:".
_LABEL = re.compile(
    r"\s*(?:[*_]{1,2})?(?:"
    r"(?P<qa>[QA])\s*[:.][ \t]+(?=\S)"
    r"|(?P<caps>(?:(?:MR|MRS|MS|DR|SEN|REP)\.\s+|The\s+)?[A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z'’-]+){0,2})\s*[:.](?:[*_]{1,2})?"
    r"[ \t]+(?=\S)"
    r"|(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})\s*:(?:[*_]{1,2})?[ \t]+(?=\S)"
    r"|(?i:(?:originally\s+)?posted\s+by)\s+(?P<poster>[^\s:,]+)"
    r"|(?P<writer>\S+)\s+wrote:)")
# A dialogue: two speakers at least who each open two paragraphs or more (turns come back). A page's labels
# ("Ingredients:", "More: http://...", "Japanese Graphic Design: Not in Production ...") do not come back
# from two names; on the tune split, reading them as speakers cost two planted contradictions.
_MIN_TURNS = 2


def speakers(doc: Document) -> dict[int, str]:
    """Block index -> its speaker, for a document read as a dialogue (a paragraph without a label goes on
    with the last speaker's turn); empty for any other document (a lone "Note:" names nobody)."""
    not_speakers = _lexicon()["not_speakers"]  # labels of notes and examples in documentation
    turns: list[tuple[int, str]] = []
    for block in doc.paragraphs:
        m = _LABEL.match(doc.text, block.start, min(block.end, block.start + 80) + 1)
        if not m:
            continue
        who = next(g for g in m.groups() if g).strip(" .:").lower()
        if who not in not_speakers:
            turns.append((block.index, who))
    counts = Counter(who for _, who in turns)
    if sum(n >= _MIN_TURNS for n in counts.values()) < 2:
        return {}
    out: dict[int, str] = {}
    labels = dict(turns)
    current = ""
    for block in doc.paragraphs:
        current = labels.get(block.index, current)
        out[block.index] = current
    return out

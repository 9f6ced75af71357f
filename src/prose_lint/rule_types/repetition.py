from __future__ import annotations

import re

from prose_lint.document import WORD_RE
from prose_lint.rule_types.base import PackRule

# A word, space, and the same word again (case-insensitively): the only thing window = 1 can report.
_ADJACENT_REPEAT = re.compile(rf"({WORD_RE.pattern})\s+(?=\1(?![^\W_]))", re.I)


class Repetition(PackRule):
    """The same word (or listed phrase) again within ``window`` words."""

    scope = "paragraph"
    type_keys = {
        "tokens": "only these phrases (default: any word)",
        "patterns": "only words matching these regexes",
        "window": "how many words apart counts as repeated (default 1: adjacent)",
        "min-length": "ignore words shorter than this (default 1)",
        "exceptions": "words that may repeat (e.g. 'had had', 'that that')",
        "across-sentences": "also count repeats across a sentence boundary (default false)",
    }

    def __init__(self, spec, where):
        super().__init__(spec, where)
        self.window = self._get(spec, "window", int, 1)
        self.min_length = self._get(spec, "min-length", int, 1)
        self.across = self._get(spec, "across-sentences", bool, False)
        self.only = self._matcher(spec)
        self.exceptions = {e.lower() for e in self._strings(spec, "exceptions")}

    def check_block(self, doc, block, ctx):
        if self.window == 1 and not _ADJACENT_REPEAT.search(doc.prose, block.start, block.end):
            return  # adjacent repeats need the same word twice with only space between (one C-level scan)
        spans = doc.sentences(block) if not self.across else [(block.start, block.end)]
        for start, end in spans:
            recent: list[tuple[str, int]] = []  # (word, index) of the last `window` words
            previous_end = None
            for index, m in enumerate(doc.words(start, end)):
                gap = doc.prose[previous_end : m.start()] if previous_end is not None else ""
                previous_end = m.end()
                word = m.group(0)
                key = word.lower() if self.ignore_case else word
                if self.window == 1 and gap.strip():
                    # "stirred, stirred by" is rhetoric and "542 and 543 and" is not a repeat:
                    # adjacent repeats count only with nothing but space between them.
                    recent.append((key, index))
                elif len(word) < self.min_length or key in self.exceptions:
                    recent.append(("", index))
                elif self.only is not None and not self.only.fullmatch(word):
                    recent.append(("", index))
                else:
                    if any(w == key for w, _ in recent[-self.window:]):
                        yield ctx.diagnostic(m.start(), m.end(), self.format(match=word, window=self.window))
                    recent.append((key, index))

from __future__ import annotations

import re
from operator import eq

from prose_lint.options import Option
from prose_lint.rule_types.base import PackRule

# A pre-scan for window = 1 (one C-level search per block): finds every adjacent repeat "W W" and some
# more. It anchors on the LAST letter run of the first word (the run before the space) and lets the second
# word be any chain ending in that run, because a pattern that starts at every run of the first word and
# matches the whole chain from there is quadratic: a 24 KB line "ab-ab-ab-..." took 16 s, 200 KB 94 s.
# Each run is a start once and each space is crossed once, so this is linear.
_ADJACENT_REPEAT = re.compile(
    r"(?<![^\W\d_])([^\W\d_]+)\s+(?:[^\W\d_]+(?:['’\-][^\W\d_]+)*['’\-])?\1(?![^\W\d_])", re.I)


def _may_repeat(doc, block, spans) -> bool:
    """False when no span can hold a repeat for window = 1: no two neighbouring words of a span are the same
    word in any case (the loop of check_block reports only such a pair). Read from the document's word index
    (words lower-cased and compared in C), which is each span's ``doc.words`` when the span's ends are clean
    (prose_lint/tokens.py); otherwise the pre-scan above (the regex cost 1.5% of the CPU, the index ~0.2%)."""
    index = doc.token_index()
    bounds = [index.bounds(s, e) for s, e in spans]
    if any(i < 0 for i, _ in bounds):
        return _ADJACENT_REPEAT.search(doc.prose, block.start, block.end) is not None
    words = index.words
    for i, j in bounds:
        if j - i > 1:
            low = list(map(str.lower, words[i:j]))
            if any(map(eq, low, low[1:])):
                return True
    return False


class Repetition(PackRule):
    """The same word (or listed phrase) again within ``window`` words."""

    scope = "paragraph"
    type_options = (
        Option("tokens", "strings", (), "only these phrases (default: any word)"),
        Option("patterns", "strings", (), "only words matching these regexes"),
        Option("window", "int", 1, "how many words apart counts as repeated (1: adjacent, with only space between)"),
        Option("min-length", "int", 1, "ignore words shorter than this"),
        Option("exceptions", "strings", (), "words that may repeat (e.g. 'had had', 'that that')"),
        Option("allow", "strings", (), "regexes: a repeat is not reported when one of them matches text ending "
                                       "with it (e.g. 'what it is is')"),
        Option("across-sentences", "bool", False, "also count repeats across a sentence boundary"),
    )

    def __init__(self, spec, where):
        super().__init__(spec, where)
        self.window = self.values["window"]
        self.min_length = self.values["min-length"]
        self.across = self.values["across-sentences"]
        self.only = self._matcher(spec)
        self.exceptions = {e.lower() for e in self.values["exceptions"]}
        allow = self.values["allow"]
        # anchored at the repeated word: the search runs over the sentence up to its end
        self.allow = [self._compile(rf"(?:{p})\Z", "allow", shown=p) for p in allow]

    def check_block(self, doc, block, ctx):
        spans = doc.sentences(block) if not self.across else [(block.start, block.end)]
        if self.window == 1 and not _may_repeat(doc, block, spans):
            return
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
                    if any(w == key for w, _ in recent[-self.window:]) and \
                            not any(p.search(doc.prose, start, m.end()) for p in self.allow):
                        yield ctx.diagnostic(m.start(), m.end(), self.format(match=word, window=self.window))
                    recent.append((key, index))

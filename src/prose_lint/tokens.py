"""One scan of a document's prose per word pattern, shared by every rule (Document.span_words).

Many rules read the words of the same sentences and blocks with the same pattern (analysis.WORD_RE):
duplicate-text, paraphrase and duplicated-conclusion per sentence, readability's long sentences,
stray-token's foreign-language runs, off-topic's units, the document's word count. Each used to run the
pattern again over its span. A ``TokenIndex`` scans the whole prose once (one ``split`` with the
pattern as a group, in C) and answers a span by two bisections and a list slice.

Exactness: the slice is ``pattern.findall(prose, start, end)`` whenever the span's ends are clean: no
token of the whole-text scan straddles ``start`` or ``end``, and neither end falls between two letters
or digits (there a span-limited scan can see a token the whole-text scan does not: "abc" in "abc1"
cut before "1"). A pattern indexed must look at most one character around a token (WORD_RE's look-behind
and look-ahead for a letter or digit; TOKEN_RE looks at none), so that a clean end leaves every match
attempt inside the span as it was in the whole-text scan. A clean span's words are also
``pattern.findall(prose[start:end])`` (at a clean start the look-behind sees nothing else). Any other
span is scanned as before (``sliced``: the slice, as the callers that scanned a slice did).

An index pays only when several rules read the same spans: building one costs ~1.6 whole-text scans
and a span's slice ~0.4 of the span's own scan. WORD_RE's has about seven readers. TOKEN_RE's (tried for
self-contradiction's sentences and stray-token's rare tokens, its only two readers) cost more than it
saved (on 79 corpus files: build 0.14 s, saved ~0.07 s), so those rules still scan their sentences.

Memory: the words (the strings the rules asked for anyway) and two arrays of 8-byte offsets, kept on the
Document and freed with it. A document over ``MAX_INDEXED_CHARS`` keeps no index (each span is scanned on
its own, as before): its index would stay alive at the peak of the run (the pool runs files of about that
size, LARGE_FILE in bytes, one at a time: executors/pool.py) and cost more there (the 82,000-word perlapi
page: peak RSS 216 -> 223 MB) than its time saves (~1% of the CPU, the largest files ~10% of the words).
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from itertools import accumulate

_GROUPED: dict[re.Pattern, re.Pattern] = {}
MAX_INDEXED_CHARS = 150_000


class TokenIndex:
    __slots__ = ("pattern", "prose", "words", "starts", "ends", "indexed", "_bounds")

    def __init__(self, pattern: re.Pattern, prose: str):
        if pattern.groups:  # findall would return groups, and split would interleave them with the tokens
            raise ValueError(f"a token pattern has no capturing group: {pattern.pattern!r}")
        self.pattern, self.prose = pattern, prose
        # span -> bounds: the rules ask for the same sentences and blocks several times each (readability,
        # paraphrase, off-topic, duplicate-text...); a dict look-up instead of the tests and bisections
        self._bounds: dict[tuple[int, int], tuple[int, int]] = {}
        self.indexed = len(prose) <= MAX_INDEXED_CHARS
        if not self.indexed:  # no tokens kept: every span is answered by its own scan
            self.words, self.starts, self.ends = [], array("q"), array("q")
            return
        grouped = _GROUPED.get(pattern)
        if grouped is None:  # the pattern with one capturing group, so that ``split`` keeps the tokens
            grouped = _GROUPED[pattern] = re.compile("(" + pattern.pattern + ")", pattern.flags)
        parts = grouped.split(prose)  # gap, token, gap, token, ..., gap
        self.words: list[str] = parts[1::2]
        # the running sum of the parts' lengths: each token's start (after a gap) and end (after itself)
        offsets = list(accumulate(map(len, parts)))
        del parts
        self.starts = array("q", offsets[0:-1:2])
        self.ends = array("q", offsets[1::2])

    def span(self, start: int, end: int, sliced: bool = False) -> list[str]:
        """``pattern.findall(prose, start, end)`` (a new list, which the caller may keep); with ``sliced``,
        ``pattern.findall(prose[start:end])`` (they differ only at an unclean start)."""
        i, j = self.bounds(start, end)
        if i >= 0:
            return self.words[i:j]
        return self.pattern.findall(self.prose[start:end]) if sliced else self.pattern.findall(self.prose, start, end)

    def count(self, start: int, end: int, sliced: bool = False) -> int:
        """``len(span(start, end, sliced))``."""
        i, j = self.bounds(start, end)
        if i >= 0:
            return j - i
        return len(self.pattern.findall(self.prose[start:end]) if sliced else self.pattern.findall(self.prose, start, end))

    def bounds(self, start: int, end: int) -> tuple[int, int]:
        """The indexes [i, j) of the tokens of ``prose[start:end]``, or (-1, -1) when an end is not clean."""
        got = self._bounds.get((start, end))
        if got is None:
            got = self._bounds[start, end] = self._find_bounds(start, end)
        return got

    def _find_bounds(self, start: int, end: int) -> tuple[int, int]:
        prose = self.prose
        end = min(end, len(prose))
        if start >= end:
            return 0, 0
        if not self.indexed:
            return -1, -1
        if 0 < start and prose[start - 1].isalnum() and prose[start].isalnum() or \
                end < len(prose) and prose[end - 1].isalnum() and prose[end].isalnum():
            return -1, -1
        i = bisect_left(self.starts, start)
        j = bisect_right(self.ends, end)
        if i and self.ends[i - 1] > start or j < len(self.starts) and self.starts[j] < end:
            return -1, -1  # a token of the whole text straddles an end
        return i, max(i, j)

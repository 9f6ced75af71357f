"""Offset -> (line, column) for the output layer, 1-based, in Unicode code points.

CRLF, CR and LF all end a line, as editors count them.
"""

from __future__ import annotations

import bisect
import re
from itertools import accumulate
from operator import add

_BREAK = re.compile(r"\r\n|\r|\n")


class LineIndex:
    def __init__(self, text: str) -> None:
        self.text = text
        if "\r" in text:
            starts = [0]
            ends = []
            for m in _BREAK.finditer(text):
                ends.append(m.start())
                starts.append(m.end())
            ends.append(len(text))
        else:  # LF only (most files): the same offsets from the lines' lengths, without a loop in Python
            lengths = list(map(len, text.split("\n")))
            starts = [0, *accumulate(n + 1 for n in lengths[:-1])]
            ends = list(map(add, starts, lengths))
        self.starts = starts
        self.ends = ends

    def __len__(self) -> int:
        return len(self.starts)

    def line_of(self, offset: int) -> int:
        """0-based line index containing ``offset``."""
        offset = max(0, min(offset, len(self.text)))
        return bisect.bisect_right(self.starts, offset) - 1

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of ``offset``."""
        line = self.line_of(offset)
        col = min(offset, self.ends[line]) - self.starts[line]
        return line + 1, max(col, 0) + 1

    def end_line_col(self, start: int, end: int) -> tuple[int, int]:
        """1-based (line, column) just past the region's last character (exclusive end)."""
        if end <= start:
            return self.line_col(start)
        line, col = self.line_col(end - 1)
        return line, col + 1

    def line_text(self, line: int) -> str:
        """Text of 1-based ``line`` without its line break."""
        return self.text[self.starts[line - 1] : self.ends[line - 1]]

    def line_span(self, line0: int) -> tuple[int, int]:
        """(start, end) offsets of 0-based line ``line0`` without its break."""
        return self.starts[line0], self.ends[line0]

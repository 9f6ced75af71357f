"""``CompactTable``: a read-only mapping of str to a small int in flat arrays (prose_lint/wordtables.py's lists).

A Python dict of 320,000 words to floats costs ~40 MB: a str object, a float and a hash-table slot per
word. ``CompactTable`` holds the same mapping in flat arrays: 32 bits of the words' hashes, sorted (4
bytes each), the words themselves as one UTF-8 blob, each ended by a 0xFF byte, with where each starts
(exact look-ups: a hash that matches is confirmed by the word), and a small integer per word (a frequency
bucket, a syllable count): ~19 bytes a word instead of ~130. A look-up costs ~1-3 us instead of a dict's ~0.2 us; the rules cache what they
look up per word. Flat arrays also stay shared after the pool's fork: a look-up creates new objects
instead of writing reference counts into the shared ones. Hashes are Python's own (``hash(str)``):
salted per process, so a table is built in the process that uses it (or one it was forked from) and
never stored. numpy builds a table (imported then, not at import time); look-ups use ``array`` and
``bisect`` only.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from typing import Iterable


class CompactTable:
    """A read-only mapping of str to a small int (0-65535), built from (word, value) pairs; when a word
    comes twice, its last value counts (as when a dict is filled in that order)."""

    __slots__ = ("_hashes", "_starts_of", "_blob", "_values", "_shift", "_starts")

    def __reduce__(self):
        # its hashes are salted per process (PYTHONHASHSEED): a copy in another process would miss every
        # word without a sound, so it is shared by fork only
        raise TypeError("a CompactTable holds this process's str hashes: build it again in the other process")

    def __init__(self, pairs: Iterable[tuple[str, int]]) -> None:
        import numpy as np

        latest = pairs if type(pairs) is dict else dict(pairs)  # a word given twice keeps its last value
        self._build(list(latest), np.fromiter(latest.values(), dtype=np.uint16, count=len(latest)))

    @classmethod
    def from_lists(cls, keys: list[str], values: Iterable[int]) -> CompactTable:
        """``CompactTable(dict(zip(keys, values)))``, without the dict when no word comes twice (wordfreq's
        and the CMU dictionary's lists): the dict was a third of a table's build, which runs in the pool's
        parent before the fork while the other core waits."""
        import numpy as np

        values = np.fromiter(values, dtype=np.uint16, count=len(keys))
        hashes = _hashes_of(keys)
        order = np.argsort(hashes, kind="stable")
        # a word given twice has the same hash twice: only words in runs of equal hashes can repeat
        same = np.flatnonzero(hashes[order][1:] == hashes[order][:-1])
        suspects = [keys[i] for i in order[np.union1d(same, same + 1)].tolist()]
        if len(set(suspects)) < len(suspects):
            return cls(dict(zip(keys, values.tolist())))
        table = cls.__new__(cls)
        table._build(keys, values, hashes, order)
        return table

    def _build(self, keys: list[str], values, hashes=None, order=None) -> None:
        """The arrays of distinct ``keys`` and their ``values`` (uint16); their hashes and hash order if known."""
        import numpy as np  # built with numpy (1.2M words: 1 s instead of 4); looked up in arrays

        n = len(keys)
        # ordered by hash; words of the same hash (a dozen pairs among 320,000) sit side by side
        if hashes is None:
            hashes = _hashes_of(keys)
            order = np.argsort(hashes, kind="stable")
        hashes = hashes[order].astype(np.uint32)
        # The words' UTF-8, each ended by a 0xFF byte (never part of UTF-8), in the keys' order; a word is
        # found by where it starts (a look-up compares the word and its end byte at that start). Gathering
        # the bytes in hash order instead took as long as the rest of the build.
        blob, starts_of = _blob_of(keys)
        values = values[order]
        # where each run of hashes sharing their top bits starts (~4 words a run): the binary search
        # then looks at a handful of entries instead of the whole table (3 us -> 1 us a look-up)
        bits = max(4, n.bit_length() - 2)
        self._shift = 32 - bits
        starts = np.zeros((1 << bits) + 1, dtype=np.uint32)
        np.cumsum(np.bincount(hashes >> self._shift, minlength=1 << bits), out=starts[1:])
        # array.array, not numpy, for the look-ups: bisect and indexing on it make plain ints, fast
        self._hashes = array("I", hashes.tobytes())
        self._starts_of = array("I", starts_of[order].astype(np.uint32).tobytes())
        self._blob = blob
        self._values = array("H", values.tobytes())
        self._starts = array("I", starts.tobytes())

    def __len__(self) -> int:
        return len(self._hashes)

    def index(self, word: str) -> int:
        """The word's position in the table, or -1."""
        h = hash(word) & 0xFFFFFFFF  # 32 bits: 4 bytes a word; words sharing them are told apart below
        hashes, starts = self._hashes, self._starts
        run = h >> self._shift
        n = starts[run + 1]
        i = bisect_left(hashes, h, starts[run], n)
        if i == n or hashes[i] != h:
            return -1
        ended = word.encode("utf-8", "surrogatepass") + _END  # holds no other _END byte
        starts_of, blob = self._starts_of, self._blob
        while i < n and hashes[i] == h:
            if blob.startswith(ended, starts_of[i]):
                return i
            i += 1
        return -1

    def value(self, word: str) -> int | None:
        i = self.index(word)
        return None if i < 0 else self._values[i]

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.index(word) >= 0

    def items(self) -> Iterable[tuple[str, int]]:
        blob = self._blob
        for start, value in zip(self._starts_of, self._values):
            yield blob[start : blob.index(_END, start)].decode("utf-8", "surrogatepass"), value


_END = b"\xff"  # ends each word in a table's blob: UTF-8 (surrogatepass too) never writes this byte


def _hashes_of(keys: list[str]):
    """32 bits of each key's hash (4 bytes a word; words sharing them are told apart by a look-up)."""
    import numpy as np

    return np.fromiter(map(hash, keys), dtype=np.int64, count=len(keys)) & 0xFFFFFFFF


def _blob_of(keys: list[str]):
    """The UTF-8 of the keys end to end, each followed by _END, and where each starts. One encode of the
    words joined by NUL (UTF-8 writes a 0 byte for NUL alone), NULs then made _END, instead of an encode per
    word; a word holding a NUL (none in the lists) is encoded alone."""
    import numpy as np

    n = len(keys)
    joined = "\0".join(keys)
    if n and joined.count("\0") == n - 1:
        whole = np.frombuffer(bytearray((joined + "\0").encode("utf-8", "surrogatepass")), dtype=np.uint8)
        ends = np.flatnonzero(whole == 0)
        whole[ends] = _END[0]
        blob = whole.tobytes()
    else:
        encoded = [key.encode("utf-8", "surrogatepass") for key in keys]
        blob = _END.join(encoded) + _END if n else b""
        ends = np.cumsum(np.fromiter(map(len, encoded), dtype=np.int64, count=n) + 1) - 1
    return blob, np.concatenate(([0], ends[:-1] + 1)).astype(np.int64) if n else np.zeros(0, dtype=np.int64)

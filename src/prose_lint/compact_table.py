"""``CompactTable``: a read-only mapping of str to a small int in flat arrays (prose_lint/wordtables.py's lists).

A Python dict of 320,000 words to floats costs ~40 MB: a str object, a float and a hash-table slot per
word. ``CompactTable`` holds the same mapping in flat arrays: 32 bits of the words' hashes, sorted (4
bytes each), the words themselves as one UTF-8 blob with offsets (exact look-ups: a hash that matches is
confirmed by the word), and a small integer per word (a frequency bucket, a syllable count): ~18 bytes a
word instead of ~130. A look-up costs ~1-3 us instead of a dict's ~0.2 us; the rules cache what they
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

    __slots__ = ("_hashes", "_offsets", "_blob", "_values", "_shift", "_starts")

    def __reduce__(self):
        # its hashes are salted per process (PYTHONHASHSEED): a copy in another process would miss every
        # word without a sound, so it is shared by fork only
        raise TypeError("a CompactTable holds this process's str hashes: build it again in the other process")

    def __init__(self, pairs: Iterable[tuple[str, int]]) -> None:
        import numpy as np  # built with numpy (1.2M words: 1 s instead of 4); looked up in arrays

        latest = pairs if type(pairs) is dict else dict(pairs)  # a word given twice keeps its last value
        n = len(latest)
        # ordered by hash; words of the same hash (a dozen pairs among 320,000) sit side by side
        hashes = np.fromiter(map(hash, latest), dtype=np.int64, count=n) & 0xFFFFFFFF
        order = np.argsort(hashes, kind="stable")
        hashes = hashes[order].astype(np.uint32)
        offsets = np.zeros(n + 1, dtype=np.uint32)
        blob = _blob_in_order(list(latest), order, offsets)
        values = np.fromiter(latest.values(), dtype=np.uint16, count=n)[order]
        # where each run of hashes sharing their top bits starts (~4 words a run): the binary search
        # then looks at a handful of entries instead of the whole table (3 us -> 1 us a look-up)
        bits = max(4, n.bit_length() - 2)
        self._shift = 32 - bits
        starts = np.zeros((1 << bits) + 1, dtype=np.uint32)
        np.cumsum(np.bincount(hashes >> self._shift, minlength=1 << bits), out=starts[1:])
        # array.array, not numpy, for the look-ups: bisect and indexing on it make plain ints, fast
        self._hashes = array("I", hashes.tobytes())
        self._offsets = array("I", offsets.tobytes())
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
        encoded = word.encode("utf-8", "surrogatepass")
        offsets, blob = self._offsets, self._blob
        while i < n and hashes[i] == h:
            if blob[offsets[i] : offsets[i + 1]] == encoded:
                return i
            i += 1
        return -1

    def value(self, word: str) -> int | None:
        i = self.index(word)
        return None if i < 0 else self._values[i]

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.index(word) >= 0

    def items(self) -> Iterable[tuple[str, int]]:
        blob, offsets = self._blob, self._offsets
        for i, value in enumerate(self._values):
            yield blob[offsets[i] : offsets[i + 1]].decode("utf-8", "surrogatepass"), value


def _blob_in_order(keys: list[str], order, offsets) -> bytes:
    """The UTF-8 of ``keys[i]`` for each i of ``order``, end to end; each word's end written to ``offsets[1:]``.
    One encode of the words joined by NUL (UTF-8 writes a 0 byte for NUL alone), bytes gathered in hash order
    by numpy, instead of an encode per word in the hashes' random order (the build runs in the pool's parent
    before the fork, while the other core waits). A word holding a NUL (none in the lists) is encoded alone."""
    import numpy as np

    n = len(keys)
    joined = "\0".join(keys)
    if not n or joined.count("\0") != n - 1:
        encoded = [keys[i].encode("utf-8", "surrogatepass") for i in order.tolist()]
        np.cumsum(np.fromiter(map(len, encoded), dtype=np.uint32, count=n), out=offsets[1:])
        return b"".join(encoded)
    whole = np.frombuffer(joined.encode("utf-8", "surrogatepass"), dtype=np.uint8)
    separators = np.flatnonzero(whole == 0)
    starts = np.concatenate(([0], separators + 1))
    lengths = (np.concatenate((separators, [len(whole)])) - starts)[order]
    np.cumsum(lengths, out=offsets[1:])
    # byte j of the blob is byte j + (its word's start in ``whole`` - its start in the blob) of ``whole``; int32
    # (a list is a few MB) and added in place: two transient arrays of 4 bytes per byte (mapped, then returned)
    index = np.repeat((starts[order] - offsets[:-1]).astype(np.int32), lengths)
    index += np.arange(len(index), dtype=np.int32)
    return whole[index].tobytes()

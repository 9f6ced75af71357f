"""Running sums of unit vectors, and the coherence and separation of runs of units computed from them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class _Parts:
    """Running sums of unit vectors (weighted), for the statistics of any run of body units in O(dim)."""

    cum: Any  # (m + 1, dim): cum[k] = sum of w_i * v_i over i < k
    w: Any  # (m + 1,)
    q: Any  # (m + 1,): sum of w_i ** 2
    memo: dict  # spans -> run (the same runs are asked for again and again)
    wa: Any = None  # w and q as arrays, for the vectorised scans
    qa: Any = None

    @classmethod
    def of(cls, vectors, weights) -> "_Parts":
        """``vectors`` dense or a scipy sparse matrix. The sums are built in place in one (m + 1, dim)
        float64 array (the same values as vstack(cumsum(vectors * weights)), without its three
        temporaries of that size: 60 MB at the peak for a 2,400-paragraph document's count sketch)."""
        import numpy as np

        m, dim = vectors.shape
        cum = np.zeros((m + 1, dim))
        rows = cum[1:]
        if hasattr(vectors, "toarray"):
            vectors.toarray(out=rows)
            rows *= weights[:, None]
        else:
            np.multiply(vectors, weights[:, None], out=rows)
        np.cumsum(rows, axis=0, out=rows)
        w, q = np.concatenate([[0.0], np.cumsum(weights)]), np.concatenate([[0.0], np.cumsum(weights ** 2)])
        return cls(cum, w.tolist(), q.tolist(), {}, w, q)

    def prefix(self, n: int) -> "_Parts":
        """The running sums of the first ``n`` units only (array views): the document without its end."""
        return _Parts(self.cum[:n + 1], self.w[:n + 1], self.q[:n + 1], {}, self.wa[:n + 1], self.qa[:n + 1])

    def run(self, spans):
        """(sum, weight, squared weights, within) of the units in ``spans`` (a list of (a, b) runs);
        ``within`` (the coherence) is filled in on first use."""
        key = tuple(spans)
        out = self.memo.get(key)
        if out is None:
            cum, w, q = self.cum, self.w, self.q
            (a, b), *more = spans
            s, sw, sq = cum[b] - cum[a], 0 + (w[b] - w[a]), 0 + (q[b] - q[a])
            for a, b in more:
                s, sw, sq = s + (cum[b] - cum[a]), sw + (w[b] - w[a]), sq + (q[b] - q[a])
            out = self.memo[key] = [s, sw, sq, None]
        return out

    # Boundaries per block of a vectorised scan: each block makes a few (block, dim) arrays, so the
    # memory of a scan stays ~6 MB where all 2,400 boundaries of a long document at once took 59 MB.
    BLOCK = 256

    def scan(self, a0, a1, b0, b1, floor: float):
        """The separation of runs [a0, a1) and [b0, b1) for arrays of boundaries at once (as
        ``_separation`` of the two runs, vectorised; each boundary's value is computed from its own row
        only, so the blocks change nothing). ``a0`` and ``b1`` may be ints (the same for every boundary)."""
        import numpy as np

        n, k = len(a1), self.BLOCK
        if n <= k:
            return self._scan(a0, a1, b0, b1, floor)

        def rows(v, i):  # an int bound (0, m) is broadcast: no gather of n copies of one row
            return v[i:i + k] if np.ndim(v) else v

        return np.concatenate([self._scan(rows(a0, i), a1[i:i + k], b0[i:i + k], rows(b1, i), floor)
                               for i in range(0, n, k)])

    def _scan(self, a0, a1, b0, b1, floor: float):
        cum, w, q = self.cum, self.wa, self.qa
        s1, s2 = cum[a1] - cum[a0], cum[b1] - cum[b0]
        w1, w2, q1, q2 = w[a1] - w[a0], w[b1] - w[b0], q[a1] - q[a0], q[b1] - q[b0]
        return self._separations(s1, w1, q1, s2, w2, q2, floor)

    def valleys(self, a, lengths, floor: float) -> dict:
        """For each length k: over the runs [x, x + k) that end before the last unit (x in ``a``, sorted),
        the separation of each run from its neighbours (three units on each side) taken together, and that
        of the two neighbours from each other, as ``scan(lo, x, x + k, hi)``: {k: (around, apart)}. The
        left neighbours and their coherence are the same for every length: computed once."""
        import numpy as np

        cum, w, q = self.cum, self.wa, self.qa
        m = len(w) - 1
        parts: dict = {k: ([], []) for k in lengths}
        for i in range(0, len(a), self.BLOCK):
            x = a[i:i + self.BLOCK]
            lo = np.maximum(0, x - 3)
            ca = cum[x]
            left, wl, ql = ca - cum[lo], w[x] - w[lo], q[x] - q[lo]
            cl = self._coherences(left, wl, ql, floor)
            for k in lengths:
                n = int(np.searchsorted(x, m - k))  # the runs with x + k < m
                if not n:
                    continue
                xs, b = x[:n], x[:n] + k
                hi = np.minimum(m, b + 3)
                cb = cum[b]
                right, wr, qr = cum[hi] - cb, w[hi] - w[b], q[hi] - q[b]
                sl, swl, sql = left[:n], wl[:n], ql[:n]
                parts[k][0].append(self._separations(cb - ca[:n], w[b] - w[xs], q[b] - q[xs], sl + right, swl + wr,
                                                     sql + qr, floor))
                parts[k][1].append(self._separations(sl, swl, sql, right, wr, qr, floor, c1=cl[:n]))
        empty = np.zeros(0)
        return {k: tuple(np.concatenate(p) if p else empty for p in parts[k]) for k in lengths}

    def scan_rest(self, x, length: int, floor: float):
        """The separation of each run [x, x + length) from the rest of the units (vectorised)."""
        import numpy as np

        k = self.BLOCK
        if len(x) > k:
            return np.concatenate([self.scan_rest(x[i:i + k], length, floor) for i in range(0, len(x), k)])
        cum, w, q = self.cum, self.wa, self.qa
        m = len(w) - 1
        y = x + length
        s1, w1, q1 = cum[y] - cum[x], w[y] - w[x], q[y] - q[x]
        s2, w2, q2 = (cum[x] - cum[0]) + (cum[m] - cum[y]), (w[x] - w[0]) + (w[m] - w[y]), (q[x] - q[0]) + (q[m] - q[y])
        return self._separations(s1, w1, q1, s2, w2, q2, floor)

    def null_without(self, a: int, b: int, length: int, floor: float, runs: int = 24) -> float:
        """How far a typical run of ``length`` units of the document without units [a, b) is from the rest
        of it: the median separation of at most ``runs`` evenly spaced runs of the units outside [a, b)
        (joined, so a run may straddle the gap; at most half of them long) from the other units outside
        it. The block itself is left out: runs that overlap a long pasted block would make it look typical."""
        import numpy as np

        cum, w, q = self.cum, self.wa, self.qa
        m = len(w) - 1
        n = m - (b - a)
        length = min(length, n // 2)
        if length < 1:
            return 0.0
        r = np.unique(np.linspace(0, n - length, num=min(runs, n - length + 1)).astype(int))

        def at(v, k):  # the running sum over the units outside [a, b), at position k of the joined rest
            return np.where((k <= a)[(...,) + (None,) * (v.ndim - 1)], v[np.minimum(k, m)],
                            v[np.minimum(k + (b - a), m)] - (v[b] - v[a]))

        y, end = r + length, np.array([n])
        s1, w1, q1 = at(cum, y) - at(cum, r), at(w, y) - at(w, r), at(q, y) - at(q, r)
        s2, w2, q2 = at(cum, end) - s1, at(w, end) - w1, at(q, end) - q1
        return float(np.median(self._separations(s1, w1, q1, s2, w2, q2, floor)))

    @staticmethod
    def _coherences(s, w, q, floor: float):
        """The coherence of each run (rows of sums ``s``, weights ``w``, squared weights ``q``), at least
        ``floor``."""
        import numpy as np

        den = w * w - q
        ok = den > 1e-9
        v = np.divide(np.einsum("ij,ij->i", s, s) - q, den, out=np.full(len(den), floor), where=ok)
        return np.maximum(v, floor)

    @classmethod
    def _separations(cls, s1, w1, q1, s2, w2, q2, floor: float, c1=None):
        """The separation of each pair of runs (rows); ``c1``: the first runs' coherences, when known."""
        import numpy as np

        c1 = cls._coherences(s1, w1, q1, floor) if c1 is None else c1
        c2 = cls._coherences(s2, w2, q2, floor)
        x = np.einsum("ij,ij->i", s1, s2) / (w1 * w2)
        return np.clip(1.0 - x / np.sqrt(c1 * c2), -0.5, 1.0)


def _within(part) -> float:
    """Mean similarity between two different units of a part (weighted); NaN for a single unit."""
    if part[3] is None:
        s, w, q = part[0], part[1], part[2]
        den = w * w - q
        part[3] = float((s @ s - q) / den) if den > 1e-9 else float("nan")
    return part[3]


def _cross(p1, p2) -> float:
    return float(p1[0] @ p2[0] / (p1[1] * p2[1])) if p1[1] > 0 and p2[1] > 0 else float("nan")


def _separation(p1, p2, floor: float) -> float:
    """1 - cross similarity / geometric mean of the parts' own coherence: 0 when the two parts are as alike
    as each part is with itself, 1 when they share nothing."""
    import math

    w1, w2 = _within(p1), _within(p2)
    w1 = floor if math.isnan(w1) else max(w1, floor)
    w2 = floor if math.isnan(w2) else max(w2, floor)
    x = _cross(p1, p2)
    return 0.0 if math.isnan(x) else max(-0.5, min(1.0, 1.0 - x / math.sqrt(w1 * w2)))


def _median(values: list[float]) -> float:
    """numpy.median of a short list, without numpy's overhead (the same value)."""
    v = sorted(values)
    n = len(v)
    return v[n // 2] if n % 2 else (v[n // 2 - 1] + v[n // 2]) / 2


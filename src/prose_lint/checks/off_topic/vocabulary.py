"""The TF-IDF side of the change-point statistics: content-word stems, background IDF (wordfreq), the
rows of each unit, and the main terms named in messages."""

from __future__ import annotations

import re
from collections import Counter
from typing import Callable

from prose_lint.analysis import WORD_RE, stem, stopwords

from .structure import _Unit

_IDF_CACHE: dict[str, float] = {}


def _idf(term: str) -> float:
    value = _IDF_CACHE.get(term)
    if value is None:
        from prose_lint.wordtables import zipf_frequency

        z = zipf_frequency(term, "en")
        value = max(0.3, min(6.0, 7.0 - z)) if z > 0 else 5.0
        if len(_IDF_CACHE) < 200_000:
            _IDF_CACHE[term] = value
    return value


# A word and what precedes it: a space after anything but a sentence end ("Islamabad" inside a sentence)
# marks a capitalised word as a name, kept as written in the forms shown; its first group is then " ".
_WORD_IN_CONTEXT = re.compile(r"((?<![.!?]) )?(" + WORD_RE.pattern + ")")


class _Hits(dict):
    """(context, word as written) -> (stem or None for a stop word or a short word, form shown): filled on
    first use, so a document's words are looked up by one ``map`` (C) instead of a Python loop."""

    def __init__(self, stop: frozenset[str]):
        super().__init__()
        self.stop = stop
        self.stems: dict[str, str | None] = {}  # lower-case word -> its stem or None

    def __missing__(self, key: tuple[str, str]) -> tuple[str | None, str]:
        inside, w = key
        lw = w.lower()
        st = self.stems.get(lw, 0)
        if st == 0:
            st = None if len(lw) < 3 or lw in self.stop else stem(lw)
            if len(self.stems) < 200_000:
                self.stems[lw] = st
        w2, lw2 = (w[:-2], lw[:-2]) if w.endswith(("'s", "’s")) else (w, lw)
        # the stem has no possessive: nor has the form shown. Capitals are kept for acronyms ("SCO") and
        # for names inside a sentence ("Islamabad"), not for a word opening a sentence.
        form = lw2 if w2 == lw2 else w2 if len(w2) > 1 and w2.isupper() else w2 if inside and w2[0].isupper() \
            else lw2
        hit = (st, w if form == w else form)  # the key's string itself when equal: no second copy kept
        if len(self) < 50_000:  # ~150 bytes each: a bounded share of the process's memory
            self[key] = hit
        return hit


_HITS: list[_Hits] = []  # the lookup of the current stop-word list (kept across documents)


def _hits_of(stop: frozenset[str]) -> _Hits:
    if not _HITS or _HITS[0].stop is not stop:
        _HITS[:] = [_Hits(stop)]
    return _HITS[0]


def _terms(texts: list[str], stop: frozenset[str]) -> tuple[list[tuple[str, str]], list[int]]:
    """The (content-word stem, form as written) of each word of ``texts`` in order, stop words left out;
    and how many of them each text has."""
    lookup = _hits_of(stop).__getitem__
    out: list[tuple[str, str]] = []
    lengths = []
    for text in texts:
        hits = [h for h in map(lookup, _WORD_IN_CONTEXT.findall(text)) if h[0] is not None]
        out += hits
        lengths.append(len(hits))
    return out, lengths


def _display_names(surface: Counter) -> Callable[[str], str]:
    """stem -> the form the document uses most ("marches" for "march", "SCO" for "sco"); of forms used
    as often, a lower-case one, then the first used."""
    best: dict[str, tuple[tuple[int, bool], str]] = {}
    for (term, form), n in surface.items():
        key = (n, form.islower())
        held = best.get(term)
        if held is None or key > held[0]:
            best[term] = (key, form)

    def display(term: str) -> str:
        held = best.get(term)
        return held[1] if held else term

    return display


def _rows_sum(M, rows):
    """The sum of rows ``rows`` (a slice with step 1) of a CSR matrix, as a dense vector (reads the CSR
    arrays directly: scipy's slicing builds a matrix per call)."""
    import numpy as np

    a, b, _ = rows.indices(M.shape[0])
    out = np.zeros(M.shape[1])
    if b > a:
        lo, hi = M.indptr[a], M.indptr[b]
        out += np.bincount(M.indices[lo:hi], weights=M.data[lo:hi], minlength=M.shape[1])
    return out


def _unit_rows(M):
    """The rows of a sparse matrix scaled to length 1 (zero rows stay zero)."""
    import numpy as np
    from scipy import sparse

    norms = np.sqrt(np.asarray(M.multiply(M).sum(axis=1)).ravel())
    return sparse.diags(np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)) @ M


def _count_sketch(X, dim: int = 1024):
    """Rows of a sparse TF-IDF matrix hashed to ``dim`` dense columns (count sketch: each term to one
    column with a random sign), which keeps dot products up to ~1/sqrt(dim): the running sums of the
    change-point statistics then cost O(dim) per boundary, whatever the vocabulary.

    Returned sparse (a unit has a few dozen terms, so ~1/30 of the dense rows' memory: 20 MB dense for a
    2,400-paragraph reference page); ``_Parts.of`` writes it densely into its running sums directly."""
    import numpy as np
    from scipy import sparse

    v = X.shape[1]
    rng = np.random.default_rng(1234)
    cols = rng.integers(0, dim, size=v)
    signs = rng.choice([-1.0, 1.0], size=v)
    S = sparse.csr_matrix((signs, (np.arange(v), cols)), shape=(v, dim))
    return sparse.csr_matrix(X @ S)


def _tfidf(units: list[_Unit], body: list[int]):
    """Length-1 TF-IDF rows of the body units (sublinear tf x background IDF), and the display helper."""
    import numpy as np
    from scipy import sparse

    hits, lengths = _terms([units[i].text for i in body], stopwords())
    surface = Counter(hits)  # (stem, form) -> uses, in the order of first use
    terms = list(dict.fromkeys(h[0] for h in hits))  # the columns: stems in the order of first use
    index = {t: j for j, t in enumerate(terms)}
    cols = np.fromiter(map(index.__getitem__, (h[0] for h in hits)), dtype=np.intp, count=len(hits))
    rows = np.repeat(np.arange(len(body)), lengths)
    display = _display_names(surface)
    idf = np.array([_idf(display(t).lower()) for t in terms]) if terms else np.zeros(0)
    counts = sparse.csr_matrix((np.ones(len(cols)), (rows, cols)), shape=(len(body), max(1, len(terms))))
    counts.sum_duplicates()
    X = counts.copy()
    X.data = 1.0 + np.log(X.data)
    if terms:
        X = sparse.csr_matrix(X @ sparse.diags(idf))
    return _unit_rows(X).tocsr(), counts.tocsr(), idf, terms, display


def _main_terms(counts, idf, terms, display, a: int, b: int, m: int) -> tuple[list[str], list[str]]:
    """The terms most typical of the rest of the document and of the block (weight x share of uses)."""
    import numpy as np

    block_c = _rows_sum(counts, slice(a, b))
    ctx_c = _rows_sum(counts, slice(0, m)) - block_c

    def top(c, other):
        w = np.where(c > 0, (1 + np.log(np.maximum(c, 1))) * idf, 0.0) * c / np.maximum(c + other, 1) * (c >= 2)
        return [display(terms[i]) for i in np.argsort(-w)[:8] if c[i] >= 2]

    return top(ctx_c, block_c), top(block_c, ctx_c)


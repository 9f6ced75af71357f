"""The TF-IDF side of the change-point statistics: content-word stems, background IDF (wordfreq), the
rows of each unit, and the main terms named in messages."""

from __future__ import annotations

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


_STEMS: dict[str, str | None] = {}  # lower-case word -> its stem, None for a stop word or a short word
_STOP_OF_STEMS: list = [None]  # the stop-word set _STEMS was made with


_WORDS: dict[str, tuple] = {}  # word as written -> (stem, form shown or None when it depends on the context)


def _terms(text: str, stop: frozenset[str], surface: Counter | None = None) -> list[str]:
    """Content-word stems of ``text``; ``surface`` counts (stem, form as written) for the messages."""
    out = []
    forms = []
    stems = _STEMS if stop is _STOP_OF_STEMS[0] else {}
    words = _WORDS if stems is _STEMS else {}
    for m in WORD_RE.finditer(text):
        w = m.group()
        hit = words.get(w)
        if hit is None:
            lw = w.lower()
            st = stems.get(lw, 0)
            if st == 0:
                st = None if len(lw) < 3 or lw in stop else stem(lw)
                if len(stems) < 200_000:
                    stems[lw] = st
            w2, lw2 = (w[:-2], lw[:-2]) if w.endswith(("'s", "’s")) else (w, lw)
            # the stem has no possessive: nor has the form shown. Capitals are kept for acronyms
            # ("SCO") and for names inside a sentence ("Islamabad"), which depends on what precedes.
            static = lw2 if w2 == lw2 else w2 if len(w2) > 1 and w2.isupper() else None if w2[0].isupper() else lw2
            hit = (st, w if static == w else static)  # the key itself when equal: no second copy kept
            if len(words) < 50_000:  # ~100 bytes each: a bounded share of the process's memory
                words[w] = hit
        st = hit[0]
        if st is None:
            continue
        out.append(st)
        if surface is not None:
            form = hit[1]
            if form is None:  # a capitalised word: kept as written inside a sentence (a name)
                start = m.start()
                form = w if start > 0 and text[start - 1] == " " and text[max(0, start - 2)] not in ".!?" \
                    else w.lower()
                if w.endswith(("'s", "’s")):
                    form = form[:-2]
            forms.append(form)
    if surface is not None:
        surface.update(zip(out, forms))
    return out


def _display_names(surface: Counter) -> Callable[[str], str]:
    """stem -> the form the document uses most ("marches" for "march", "SCO" for "sco")."""
    by_stem: dict[str, dict[str, int]] = {}
    for (term, form), n in surface.items():
        by_stem.setdefault(term, {})[form] = n

    def display(term: str) -> str:
        forms = by_stem.get(term)
        return max(forms.items(), key=lambda kv: (kv[1], kv[0].islower()))[0] if forms else term

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

    stop = stopwords()
    if _STOP_OF_STEMS[0] is not stop:
        _STEMS.clear()
        _WORDS.clear()
        _STOP_OF_STEMS[0] = stop
    vocab: dict[str, int] = {}
    surface: Counter = Counter()
    rows: list[int] = []
    cols: list[int] = []
    for r, i in enumerate(body):
        ids = [vocab.setdefault(t, len(vocab)) for t in _terms(units[i].text, stop, surface)]
        cols.extend(ids)
        rows.extend([r] * len(ids))
    terms = [""] * len(vocab)
    for t, j in vocab.items():
        terms[j] = t
    display = _display_names(surface)
    idf = np.array([_idf(display(t).lower()) for t in terms]) if terms else np.zeros(0)
    counts = sparse.csr_matrix((np.ones(len(cols)), (rows, cols)), shape=(len(body), max(1, len(vocab))))
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


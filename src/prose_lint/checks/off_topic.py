"""off-topic-content: unrelated content appended to (or inserted into) a document."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any, Callable, Iterable

from prose_lint.diagnostic import Diagnostic, Severity
from prose_lint.document import Block, Document
from prose_lint.rule import Rule, RuleContext
from prose_lint.analysis import WORD_RE, ends_sentence, stem, stopwords

_BULLET = re.compile(r"^\s*(?:[•▪◦‣●■\-*–]|\d{1,2}[.)])\s+")
_NORM = re.compile(r"\W+")

_STRONG = {"repeated headline", "dateline", "date/byline line"}
_DEBUG: list | None = None  # tests/tuning: collects every candidate's scores


@dataclass
class _Unit:
    block: Block
    text: str
    words: int
    headline: bool
    bullet: bool
    tail_section: bool
    meta: bool  # a short date/byline-like line (lexicon article_meta)
    dateline: bool  # a paragraph opening with a dateline

    @property
    def norm(self) -> str:
        """Lower-case words only, to compare headlines (computed on demand: few units are compared)."""
        if self._norm is None:
            self._norm = _norm_line(self.text)
        return self._norm

    _norm: str | None = None


class OffTopicContent(Rule):
    """Unrelated content appended to or inserted into the document (a second article pasted after the first).

    Algorithm: change-point detection over the sequence of paragraphs.
    0. The paragraphs of 8+ words outside tail sections (references, appendix... rules/lexicons/sections.toml)
       are the units; headings and short date/byline lines are not units but structural signs. Each unit
       gets two length-1 vectors: a sentence embedding (prose_lint/embeddings.py: WordLlama's static
       256-dimension model, shipped in its wheel) and a TF-IDF row (content-word stems, sublinear tf times a
       background IDF from wordfreq, count-sketched to 1,024 columns). Running sums of both (weighted by
       sqrt(words)) give, for any run of units, in O(256) time: its *coherence* (mean similarity of two
       different units of the run) and its *cross similarity* with another run. The *separation* of two
       runs is 1 - cross / sqrt(coherence x coherence): 0 when they are as alike as each is with itself,
       1 when they share nothing.
    1. Candidate boundaries: the best-separated prefix/suffix splits of the whole document, the sharpest
       local changes (three units on each side), and every boundary with a strong structural sign (at most
       ~20, so the work is linear in the document length).
    2. Candidate blocks: each candidate start with the end of the document (an appended text) or with a
       later candidate (an inserted block, at most `max_insert_units` paragraphs). Each block's features: its
       separation from the text before it and from the rest of the document, for embeddings and for TF-IDF;
       for an inserted block, whether the text after it returns to the text before it; the structural
       score at its start (a headline, the same headline repeated, a dateline such as "ISLAMABAD:", an
       "Updated <date>"/byline line, a bullet summary, extra blank lines: a headline alone counts little,
       and no sign is required); inserted; short (< 150 words without a strong sign); the document's length
       (ln(words / 1000)): a long document (a speech, a report, a handbook chapter) changes subject on its
       own, so a change point in it needs more evidence.
    3. The confidence is a logistic function of those features whose weights and threshold are data
       (rules/lexicons/off_topic.toml [change_point], fitted on the tune split of the evaluation corpus and
       hard negatives made from its long documents by scripts/calibrate-off-topic). The best blocks above
       the threshold that do not overlap are reported (at most three); a reported block is split in two where a second article starts inside it (its two
       halves are as far apart as `split_threshold`).

    Each diagnostic covers one off-topic block (from its headline to its last paragraph) and names the
    main terms of the document and of the block, with the confidence and features as properties.

    Never reported: blocks under reference/notes/appendix-like headings, documents shorter than twice
    `min_words`, a block of one paragraph or under 40 words.

    Options:
      sensitivity (0..1, default 0.5): higher reports weaker evidence (each 0.1 lowers the threshold by 0.03).
      min_words (default 60): the least running text before a block (and half the least document length).

    Known limits: a single-paragraph digression is below the minimum by design; an appended text on the
    same subject (a second report of the same event) is not off-topic; a block that continues the
    document's subject closely (one football report after another) is found only with a structural sign
    or a clear change of vocabulary.
    """

    id = "off-topic-content"
    severity = Severity.WARNING
    scope = "document"
    options = {"sensitivity": 0.5, "min_words": 60}

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Diagnostic]:
        for start, end, message, props in analyse(doc, float(ctx.options["sensitivity"]),
                                                  int(ctx.options["min_words"])):
            yield ctx.diagnostic(start, end, message, properties=props)


# ----------------------------------------------------------------------
_LEX: dict[str, Any] | None = None
_IDF_CACHE: dict[str, float] = {}


def _params() -> dict[str, Any]:
    """Thresholds and weights of the change-point model (rules/lexicons/off_topic.toml [change_point])."""
    return _lexicon()["params"]


def _lexicon() -> dict[str, Any]:
    global _LEX
    if _LEX is None:
        from prose_lint.lexicon import load_lexicon

        lex = load_lexicon("off_topic")
        _LEX = {
            "meta": [re.compile(p, re.I) for p in lex["article_meta"]],
            "dateline": re.compile(lex["dateline"]),
            "params": lex["change_point"],
        }
    return _LEX


def _idf(term: str) -> float:
    value = _IDF_CACHE.get(term)
    if value is None:
        from wordfreq import zipf_frequency

        z = zipf_frequency(term, "en")
        value = max(0.3, min(6.0, 7.0 - z)) if z > 0 else 5.0
        if len(_IDF_CACHE) < 200_000:
            _IDF_CACHE[term] = value
    return value


_STEMS: dict[str, str | None] = {}  # lower-case word -> its stem, None for a stop word or a short word
_STOP_OF_STEMS: list = [None]  # the stop-word set _STEMS was made with


def _terms(text: str, stop: frozenset[str], surface: Counter | None = None) -> list[str]:
    """Content-word stems of ``text``; ``surface`` counts (stem, form as written) for the messages."""
    out = []
    forms = []
    stems = _STEMS if stop is _STOP_OF_STEMS[0] else {}
    for m in WORD_RE.finditer(text):
        w = m.group()
        lw = w.lower()
        st = stems.get(lw, 0)
        if st == 0:
            st = None if len(lw) < 3 or lw in stop else stem(lw)
            if len(stems) < 200_000:
                stems[lw] = st
        if st is None:
            continue
        out.append(st)
        if surface is not None:
            if w.endswith(("'s", "’s")):
                w, lw = w[:-2], lw[:-2]  # the stem has no possessive: nor has the form shown
            # Keep the capitals of acronyms and of names inside a sentence ("SCO", "Islamabad").
            if w != lw and (len(w) > 1 and w.isupper() or w[0].isupper() and m.start() > 0 and
                            text[m.start() - 1] == " " and text[max(0, m.start() - 2)] not in ".!?"):
                forms.append(w)
            else:
                forms.append(lw)
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


def _is_headline(text: str) -> bool:
    line = " ".join(text.split())
    words = line.split()
    if not words or len(words) > 18 or len(line) > 160 or "\n" in text.strip():
        return False
    if ends_sentence(line, clause=";,") or _BULLET.match(line):
        return False
    return line[0].isupper() or line[0].isdigit() or line[0] in "“\"'‘"


def _units(doc: Document) -> list[_Unit]:
    lex = _lexicon()
    units = []
    in_tail = False
    tail_level = 0
    for block in doc.prose_blocks:
        if block.kind == "table_cell":
            continue
        text = doc.block_text(block)
        clean = " ".join(text.split())
        if not clean:
            continue
        if block.is_heading:
            if "tail" in doc.section_roles[block.section]:  # rules/lexicons/sections.toml
                in_tail, tail_level = True, block.level
            elif in_tail and block.level <= tail_level and block.level > 0 and doc.markup == "markdown":
                in_tail = False
        words = len(WORD_RE.findall(text))
        units.append(_Unit(block, clean, words, block.is_heading or _is_headline(clean),
                           bool(_BULLET.match(doc.text[block.start:block.end])) or block.kind == "list_item",
                           in_tail,
                           words <= 12 and any(p.search(clean) for p in lex["meta"]),
                           words > 12 and lex["dateline"].match(clean) is not None))
    return units


def _norm_line(text: str) -> str:
    return _NORM.sub(" ", text.lower()).strip()


def _structure(units: list[_Unit], k: int, doc: Document) -> tuple[float, list[str]]:
    """How strongly the units from k on look like the start of a new article."""
    u = units[k]
    signs: list[str] = []
    score = 0.0
    title = units[0]
    if u.headline and u.block.is_heading and title.block.is_heading and u.block.level > title.block.level \
            and doc.markup == "markdown":
        return 0.0, []  # a subsection of the document, not a new article's headline
    if u.headline:
        score += 0.3
        signs.append("headline")
        if title.headline and title.block.level == u.block.level and k > 0:
            # The document opened the same way: a second title.
            score += 0.1
            signs.append("second title")
        head = u.norm
        for v in units[k + 1 : k + 7]:
            if v.norm == head and len(head) > 15:
                score += 0.45
                signs.append("repeated headline")
                break
        # The same headline as the document's own title: a repeated document, not a new one.
    look = units[k : k + 8] if u.headline else units[k : k + 2]
    meta = dateline = bullets = False
    for v in look:
        meta = meta or v.meta
        dateline = dateline or v.dateline
        if v.bullet and v.words >= 5 and not units[0 if k == 0 else k - 1].bullet:
            bullets = True
    if meta:
        score += 0.35
        signs.append("date/byline line")
    if dateline:
        score += 0.4
        signs.append("dateline")
    if bullets and u.headline:
        score += 0.2
        signs.append("bullet summary")
    # An extra blank line before the block (two or more empty lines).
    if k > 0:
        gap = doc.text[units[k - 1].block.end : u.block.start]
        if gap.count("\n") >= 3:
            score += 0.15
            signs.append("extra blank lines")
    return min(score, 1.0), signs


def _effective(structure: tuple[float, list[str]]) -> float:
    """The structural score that counts: a new article is shown by a strong sign (a repeated headline,
    a dateline, a date or byline line); a headline, bullets or blank lines alone are what any
    sectioned document has."""
    score, signs = structure
    return score if _STRONG & set(signs) else min(score, 0.15)


# -- change-point analysis --------------------------------------------------------------------------
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
        import numpy as np

        dim = vectors.shape[1]
        cum = np.vstack([np.zeros((1, dim)), np.cumsum(vectors * weights[:, None], axis=0)])
        w, q = np.concatenate([[0.0], np.cumsum(weights)]), np.concatenate([[0.0], np.cumsum(weights ** 2)])
        return cls(cum, w.tolist(), q.tolist(), {}, w, q)

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

    def scan(self, a0, a1, b0, b1, floor: float):
        """The separation of runs [a0, a1) and [b0, b1) for arrays of boundaries at once (as
        ``_separation`` of the two runs, vectorised)."""
        cum, w, q = self.cum, self.wa, self.qa
        s1, s2 = cum[a1] - cum[a0], cum[b1] - cum[b0]
        w1, w2, q1, q2 = w[a1] - w[a0], w[b1] - w[b0], q[a1] - q[a0], q[b1] - q[b0]
        return self._separations(s1, w1, q1, s2, w2, q2, floor)

    def scan_rest(self, x, length: int, floor: float):
        """The separation of each run [x, x + length) from the rest of the units (vectorised)."""
        cum, w, q = self.cum, self.wa, self.qa
        m = len(w) - 1
        y = x + length
        s1, w1, q1 = cum[y] - cum[x], w[y] - w[x], q[y] - q[x]
        s2, w2, q2 = (cum[x] - cum[0]) + (cum[m] - cum[y]), (w[x] - w[0]) + (w[m] - w[y]), (q[x] - q[0]) + (q[m] - q[y])
        return self._separations(s1, w1, q1, s2, w2, q2, floor)

    @staticmethod
    def _separations(s1, w1, q1, s2, w2, q2, floor: float):
        import numpy as np

        def within(s, w, q):
            den = w * w - q
            ok = den > 1e-9
            v = np.divide(np.einsum("ij,ij->i", s, s) - q, den, out=np.full(len(den), floor), where=ok)
            return np.maximum(v, floor)

        c1, c2 = within(s1, w1, q1), within(s2, w2, q2)
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


def _segment_features(PE, PT, a: int, b: int, m: int, floor_e: float, floor_t: float) -> dict[str, float]:
    """Separation of the body units [a, b) from the part before them, from the rest, and (an inserted
    block) whether the text after them returns to the part before."""
    block = PE.run([(a, b)]), PT.run([(a, b)])
    prefix = PE.run([(0, a)]), PT.run([(0, a)])
    rest_spans = [(0, a)] + ([(b, m)] if b < m else [])
    rest = PE.run(rest_spans), PT.run(rest_spans)
    f = {
        "e_prev": _separation(block[0], prefix[0], floor_e),
        "t_prev": _separation(block[1], prefix[1], floor_t),
        "e_rest": _separation(block[0], rest[0], floor_e),
        "t_rest": _separation(block[1], rest[1], floor_t),
        "e_ret": 0.0, "t_ret": 0.0,
    }
    if b < m:
        after = PE.run([(b, m)]), PT.run([(b, m)])
        # An inserted block: the text after it is closer to the text before it than the block is.
        f["e_ret"] = f["e_prev"] - _separation(after[0], prefix[0], floor_e)
        f["t_ret"] = f["t_prev"] - _separation(after[1], prefix[1], floor_t)
    return f


def _median(values: list[float]) -> float:
    """numpy.median of a short list, without numpy's overhead (the same value)."""
    v = sorted(values)
    n = len(v)
    return v[n // 2] if n % 2 else (v[n // 2 - 1] + v[n // 2]) / 2


def _score(f: dict[str, float], weights: dict[str, float]) -> float:
    """The logistic model of rules/lexicons/off_topic.toml [model]: a confidence in 0..1."""
    import math

    z = weights["bias"] + sum(weights.get(k, 0.0) * v for k, v in f.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _count_sketch(X, dim: int = 1024):
    """Rows of a sparse TF-IDF matrix hashed to ``dim`` dense columns (count sketch: each term to one
    column with a random sign), which keeps dot products up to ~1/sqrt(dim): the running sums of the
    change-point statistics then cost O(dim) per boundary, whatever the vocabulary."""
    import numpy as np
    from scipy import sparse

    v = X.shape[1]
    rng = np.random.default_rng(1234)
    cols = rng.integers(0, dim, size=v)
    signs = rng.choice([-1.0, 1.0], size=v)
    S = sparse.csr_matrix((signs, (np.arange(v), cols)), shape=(v, dim))
    return np.asarray((X @ S).todense())


def _tfidf(units: list[_Unit], body: list[int]):
    """Length-1 TF-IDF rows of the body units (sublinear tf x background IDF), and the display helper."""
    import numpy as np
    from scipy import sparse

    stop = stopwords()
    if _STOP_OF_STEMS[0] is not stop:
        _STEMS.clear()
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


def analyse(doc: Document, sensitivity: float = 0.5, min_words: int = 60) -> list:
    """[(start, end, message, properties)] of each off-topic block (empty when none)."""
    if doc.word_count < 2 * min_words:
        return []
    units = _units(doc)
    body = [i for i, u in enumerate(units)
            if u.words >= 8 and not u.block.is_heading and not u.meta and not u.tail_section]
    m = len(body)
    if m < 4:
        return []
    import math

    import numpy as np

    from prose_lint import embeddings

    params = _params()
    bwords = np.array([units[i].words for i in body], dtype=float)
    cumw = np.concatenate([[0.0], np.cumsum(bwords)])
    weights = np.sqrt(np.minimum(bwords, 150.0))
    E = embeddings.embed_spans(doc, [(units[i].block.start, units[i].block.end) for i in body], content_words=False)
    Xn, counts, idf, terms, display = _tfidf(units, body)
    T = _count_sketch(Xn)
    PE, PT = _Parts.of(E.astype(float), weights), _Parts.of(T, weights)
    floor_e, floor_t = params["floor_embedding"], params["floor_tfidf"]

    def start_unit(a: int) -> int:  # the block starts after the body unit before it (headline, date line)
        return body[a - 1] + 1 if a > 0 else 0

    # Boundaries: the prefix has real running text, the block at least two units.
    min_block = float(params["min_block_words"])
    ok = [a for a in range(1, m - 1) if cumw[a] >= min_words and not units[start_unit(a)].tail_section]
    if not ok:
        return []
    # 1. Single change point (prefix vs suffix) and local change (3 units each side) at each boundary.
    # (vectorised over the boundaries: O(m x dim))
    A = np.asarray(ok)
    zero, end = np.zeros_like(A), np.full_like(A, m)
    lo, hi = np.maximum(0, A - 3), np.minimum(m, A + 3)
    single = dict(zip(ok, (PE.scan(zero, A, A, end, floor_e) + PT.scan(zero, A, A, end, floor_t)).tolist()))
    local = dict(zip(ok, (PE.scan(lo, A, A, hi, floor_e) + PT.scan(lo, A, A, hi, floor_t)).tolist()))
    struct = {a: _structure(units, start_unit(a), doc) for a in ok}
    keep = int(params["candidates"])
    cands = sorted(set(sorted(ok, key=lambda a: -single[a])[:keep]) | set(sorted(ok, key=lambda a: -local[a])[:keep])
                   | {a for a in ok if _effective(struct[a]) >= 0.3})
    null_cache: dict[int, tuple[float, float]] = {}

    def null(length: int) -> tuple[float, float]:
        """How far a typical run of ``length`` units is from the rest of this document (median over at
        most 24 evenly spaced runs): a document that changes subject often sets a higher bar."""
        if length not in null_cache:
            starts = np.unique(np.linspace(0, m - length, num=min(24, m - length + 1)).astype(int))
            es, ts = PE.scan_rest(starts, length, floor_e), PT.scan_rest(starts, length, floor_t)
            null_cache[length] = (_median(es.tolist()), _median(ts.tolist()))
        return null_cache[length]

    # The document's length: a long document changes subject on its own (a speech, a handbook chapter),
    # so a change point in it needs more evidence.
    log_words = math.log(max(doc.word_count, 500) / 1000)

    # 2. Candidate blocks: [a, m) (appended) and [a, b) for two candidates (inserted).
    # For each start only the ends it can pair with (an inserted block spans at most max_insert_units
    # paragraphs): the work is linear in the number of candidates, not quadratic.
    import bisect

    ends = sorted(set(cands) | {m})
    max_insert = params["max_insert_units"]
    scored = []
    for a in cands:
        lo_i = bisect.bisect_left(ends, a + 2)
        hi_i = bisect.bisect_right(ends, a + max_insert)
        for b in ends[lo_i:hi_i] + ([m] if (not ends[lo_i:hi_i] or ends[hi_i - 1] != m) and m - a >= 2 else []):
            if b - a < 2 or cumw[b] - cumw[a] < min_block:
                continue
            if b < m and (b - a > max_insert):
                continue
            f = _segment_features(PE, PT, a, b, m, floor_e, floor_t)
            f["structure"] = _effective(struct[a])
            ne, nt = null(b - a)
            f["e_rel"], f["t_rel"] = f["e_rest"] - ne, f["t_rest"] - nt
            f["log_words"] = log_words
            f["inserted"] = float(b < m)
            f["short"] = float(cumw[b] - cumw[a] < 150 and f["structure"] < 0.3)  # ... and no sign of an article
            conf = _score(f, params["model"])
            scored.append((conf, a, b, f))
            if _DEBUG is not None:
                _DEBUG.append({"a": a, "b": b, "start": units[start_unit(a)].block.start,
                               "end": units[body[b - 1]].block.end, "conf": conf, **f})
    threshold = params["threshold"] - 0.3 * (sensitivity - 0.5)
    # 3. The best blocks, not overlapping; each split in two where a second article starts inside it.
    scored.sort(key=lambda s: -s[0])
    chosen: list[tuple[float, int, int, dict]] = []
    for s in scored:
        if s[0] < threshold:
            break
        if any(s[1] < c[2] and c[1] < s[2] for c in chosen):
            continue
        chosen.append(s)
        if len(chosen) >= 3:
            break
    blocks = []
    for conf, a, b, f in sorted(chosen, key=lambda s: s[1]):
        for a2, b2 in _split(PE, PT, a, b, cands, struct, cumw, min_block, floor_e, floor_t, params):
            blocks.append((conf, a2, b2, f))
    out = []
    for conf, a, b, f in blocks:
        start_off = units[start_unit(a)].block.start
        end_off = units[body[b - 1]].block.end
        doc_terms, blk_terms = _main_terms(counts, idf, terms, display, a, b, m)
        signs = struct[a][1] if a in struct else []
        message = (f"content unrelated to the rest of the document: the document is about "
                   f"{', '.join(doc_terms[:5])}; this block ({int(cumw[b] - cumw[a])} words) is about "
                   f"{', '.join(blk_terms[:5])}")
        props = {"confidence": round(float(conf), 3), "document_terms": doc_terms[:8], "block_terms": blk_terms[:8],
                 "structure": signs, "features": {k: round(float(v), 3) for k, v in f.items()}}
        out.append((start_off, end_off, message, props))
    return out


def _split(PE, PT, a, b, cands, struct, cumw, min_block, floor_e, floor_t, params):
    """[a, b) as one block, or two where a second article starts inside it (the two halves are as far
    apart as an off-topic block from its document)."""
    best = None
    for c in cands:
        if c - a < 2 or b - c < 2 or cumw[c] - cumw[a] < min_block or cumw[b] - cumw[c] < min_block:
            continue
        sep = (_separation(PE.run([(a, c)]), PE.run([(c, b)]), floor_e)
               + _separation(PT.run([(a, c)]), PT.run([(c, b)]), floor_t)) / 2
        sep += params["split_structure"] * _effective(struct[c]) if c in struct else 0.0
        if sep >= params["split_threshold"] and (best is None or sep > best[0]):
            best = (sep, c)
    return [(a, b)] if best is None else [(a, best[1]), (best[1], b)]


def _main_terms(counts, idf, terms, display, a: int, b: int, m: int) -> tuple[list[str], list[str]]:
    """The terms most typical of the rest of the document and of the block (weight x share of uses)."""
    import numpy as np

    block_c = _rows_sum(counts, slice(a, b))
    ctx_c = _rows_sum(counts, slice(0, m)) - block_c

    def top(c, other):
        w = np.where(c > 0, (1 + np.log(np.maximum(c, 1))) * idf, 0.0) * c / np.maximum(c + other, 1) * (c >= 2)
        return [display(terms[i]) for i in np.argsort(-w)[:8] if c[i] >= 2]

    return top(ctx_c, block_c), top(block_c, ctx_c)


RULES = (OffTopicContent,)

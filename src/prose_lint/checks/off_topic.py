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

# Window of text on each side of a boundary for the local (TextTiling-like) similarity.
_WINDOW_WORDS = 120
_MAX_CANDIDATES = 12
_STRONG = {"repeated headline", "dateline", "date/byline line"}
_DEBUG: list | None = None  # tests/tuning: collects every candidate's scores


class _Shown:
    """terms[i] as the document writes it, computed only for the terms a message shows."""

    def __init__(self, terms: list[str], display: Callable[[str], str]) -> None:
        self.terms, self.display = terms, display

    def __getitem__(self, i: int) -> str:
        return self.display(self.terms[i])


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
    norm: str  # lower-case words only, to compare headlines


class OffTopicContent(Rule):
    """Unrelated content appended to or inserted into the document (a second article pasted after the first).

    Algorithm. The prose blocks become term vectors (content words, light stemming, weighted by
    sublinear term frequency times a background IDF from `wordfreq`, scipy sparse matrices).
    1. Local change: for every boundary between blocks, the cosine similarity of ~120 words before
       and after it (banded sparse products: linear in the document length). Boundaries with a low
       similarity, and boundaries with structural signs, become candidates (at most 12).
    2. Each candidate start k is scored on the whole document: the key terms of the part before it
       (and of the title/lead) that disappear in the block; the block's own key terms that never occur
       before it; the block's similarity to the title/lead and to the part before, compared with the
       document's normal similarity between its parts.
    3. Structural signs that a second document starts at k: a headline-like line, the same headline
       repeated right after it, a dateline ("ISLAMABAD:", "WASHINGTON (Reuters) -"), an
       "Updated <date>"/byline/date line, a bullet summary, an extra blank line before it.
    The confidence combines the lexical score (1 + 2) and the structural score (3). Only a repeated
    headline, a dateline or a date/byline line counts as a strong sign of a new article; a headline,
    bullets or blank lines alone are what any sectioned document has, and without a strong sign the
    lexical evidence must be much stronger (in practice: pasted paragraphs with no sign of a new
    article are not reported). The block ends at the end of the document, or
    where the text returns to the first part's topic (an inserted block) or the next article starts.

    Never reported: blocks under reference/notes/appendix-like headings (the "tail" role of
    rules/lexicons/sections.toml),
    documents shorter than twice `min_words`.

    Options:
      sensitivity (0..1, default 0.5): higher reports weaker evidence.
      min_words (default 80): minimum length of the off-topic block, and of the part before it.

    Known limits: a single-paragraph digression inside a section is below `min_words` by design; an
    appended text on exactly the same subject (a second report of the same event) is not off-topic.
    """

    id = "off-topic-content"
    severity = Severity.WARNING
    scope = "document"
    options = {"sensitivity": 0.5, "min_words": 80}

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Diagnostic]:
        result = analyse(doc, float(ctx.options["sensitivity"]), int(ctx.options["min_words"]))
        if result is None:
            return
        start, end, message, props = result
        yield ctx.diagnostic(start, end, message, properties=props)


# ----------------------------------------------------------------------
_LEX: dict[str, Any] | None = None
_IDF_CACHE: dict[str, float] = {}


def _lexicon() -> dict[str, Any]:
    global _LEX
    if _LEX is None:
        from prose_lint.lexicon import load_lexicon

        lex = load_lexicon("off_topic")
        _LEX = {
            "meta": [re.compile(p, re.I) for p in lex["article_meta"]],
            "dateline": re.compile(lex["dateline"]),
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


def _terms(text: str, stop: frozenset[str], surface: Counter | None = None) -> list[str]:
    """Content-word stems of ``text``; ``surface`` counts (stem, form as written) for the messages."""
    out = []
    forms = []
    for m in WORD_RE.finditer(text):
        w = m.group()
        lw = w.lower()
        if len(lw) < 3 or lw in stop:
            continue
        out.append(stem(lw))
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
                           words > 12 and lex["dateline"].match(clean) is not None,
                           _norm_line(clean)))
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


def _confidence(lexical: float, structure: float) -> float:
    return min(1.0, lexical * (0.55 + 0.45 * structure) + 0.25 * structure * lexical)


def _threshold(structure: float, sensitivity: float) -> float:
    return 0.62 - 0.3 * (sensitivity - 0.5) + (0.12 if structure < 0.3 else 0.0)


def analyse(doc: Document, sensitivity: float = 0.5, min_words: int = 80):
    """(start, end, message, properties) of the off-topic block, or None."""
    if doc.word_count < 2 * min_words:
        return None
    units = _units(doc)
    n = len(units)
    if n < 3:
        return None

    import numpy as np
    from scipy import sparse

    words = np.array([u.words for u in units], dtype=float)
    cum = np.concatenate([[0.0], np.cumsum(words)])
    # The part before the block must have real running text (not only a title and front matter).
    running = np.concatenate([[0.0], np.cumsum([u.words if u.words >= 20 else 0 for u in units])])
    valid = [k for k in range(1, n)
             if running[k] >= min_words and cum[n] - cum[k] >= min_words and not units[k].tail_section]
    if not valid:
        return None
    struct = {k: _structure(units, k, doc) for k in valid}
    # The lexical score is at most 1: where no start can reach the threshold even so (no strong sign
    # of a new article, at the default sensitivity), the answer is known before any TF-IDF is built.
    if _DEBUG is None and not any(_confidence(1.0, _effective(struct[k])) >= _threshold(_effective(struct[k]), sensitivity)
                                  for k in valid):
        return None

    stop = stopwords()
    vocab: dict[str, int] = {}
    surface: Counter = Counter()
    rows: list[int] = []
    cols: list[int] = []
    for i, u in enumerate(units):
        ids = [vocab.setdefault(t, len(vocab)) for t in _terms(u.text, stop, surface)]
        cols.extend(ids)
        rows.extend([i] * len(ids))
    if not vocab:
        return None
    terms = [None] * len(vocab)
    for t, j in vocab.items():
        terms[j] = t
    display = _display_names(surface)
    # Background IDF of the form the document writes: a Snowball stem ("happi") is not a word to look up.
    idf = np.array([_idf(display(t).lower()) for t in terms])
    shown = _Shown(terms, display)
    counts = sparse.csr_matrix((np.ones(len(cols)), (rows, cols)), shape=(n, len(vocab)))
    counts.sum_duplicates()  # one entry per (unit, term): its number of occurrences
    X = counts.copy()
    X.data = 1.0 + np.log(X.data)
    X = X @ sparse.diags(idf)
    X = sparse.csr_matrix(X)

    # -- 1. local similarity at each boundary (banded windows: linear) --
    lrows, lcols, rrows, rcols = [], [], [], []
    for k in range(1, n):
        i, acc = k - 1, 0.0
        while i >= 0 and acc < _WINDOW_WORDS:
            lrows.append(k)
            lcols.append(i)
            acc += words[i]
            i -= 1
        i, acc = k, 0.0
        while i < n and acc < _WINDOW_WORDS:
            rrows.append(k)
            rcols.append(i)
            acc += words[i]
            i += 1
    L = sparse.csr_matrix((np.ones(len(lrows)), (lrows, lcols)), shape=(n, n)) @ X
    R = sparse.csr_matrix((np.ones(len(rrows)), (rrows, rcols)), shape=(n, n)) @ X
    local = np.asarray(_unit_rows(L).multiply(_unit_rows(R)).sum(axis=1)).ravel()
    typical = float(np.median(local[valid]))
    pre = sorted(valid, key=lambda k: (typical - local[k]) + struct[k][0], reverse=True)[:_MAX_CANDIDATES]

    # Title and lead: the first headline-like unit and the first real paragraph.
    title_idx = [i for i in range(min(n, 3)) if units[i].headline][:1]
    lead_idx = [i for i in range(n) if units[i].words >= 25][:1]

    total = _rows_sum(X, slice(0, n))
    best = None
    for k in pre:
        end = _block_end(units, k, struct, X, total, words, min_words, local)
        res = _score(k, end, X, counts, idf, words, title_idx + lead_idx, shown, typical)
        if res is None:
            continue
        lexical, info = res
        signs = struct[k][1]
        s = _effective(struct[k])
        confidence = _confidence(lexical, s)
        threshold = _threshold(s, sensitivity)
        info.update(confidence=round(float(confidence), 3), structure=signs, lexical=round(float(lexical), 3),
                    threshold=round(threshold, 3), start_unit=k, end_unit=end)
        if _DEBUG is not None:
            _DEBUG.append(dict(info))
        if confidence >= threshold and (best is None or confidence > best[1]["confidence"]):
            best = (k, info)
    if best is None:
        return None
    k, info = best
    end = info["end_unit"]
    start_off = units[k].block.start
    end_off = units[end - 1].block.end
    message = (f"content unrelated to the rest of the document: the document is about "
               f"{', '.join(info['doc_terms'][:5])}; this block ({int(cum[end] - cum[k])} words) is about "
               f"{', '.join(info['block_terms'][:5])}")
    props = {"confidence": info["confidence"], "document_terms": info["doc_terms"][:8],
             "block_terms": info["block_terms"][:8], "structure": info["structure"],
             "lexical_score": info["lexical"]}
    return start_off, end_off, message, props


def _rows_sum(M, rows):
    """The sum of rows ``rows`` (a slice with step 1, or a list) of a CSR matrix, as a dense vector.
    Reads the CSR arrays directly: scipy's slicing builds a matrix per call, which cost more than the sum."""
    import numpy as np

    if isinstance(rows, slice):
        a, b, _ = rows.indices(M.shape[0])
        spans = [(a, b)] if b > a else []
    else:
        spans = [(r, r + 1) for r in rows]
    out = np.zeros(M.shape[1])
    for a, b in spans:
        lo, hi = M.indptr[a], M.indptr[b]
        out += np.bincount(M.indices[lo:hi], weights=M.data[lo:hi], minlength=M.shape[1])
    return out


def _unit_rows(M):
    """The rows of a sparse matrix scaled to length 1 (zero rows stay zero)."""
    import numpy as np
    from scipy import sparse

    norms = np.sqrt(np.asarray(M.multiply(M).sum(axis=1)).ravel())
    return sparse.diags(np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)) @ M


def _unit(v):
    """v scaled to length 1 (a zero vector stays zero)."""
    import numpy as np

    norm = float(np.linalg.norm(v))
    return v / norm if norm > 0 else v


def _block_end(units, k, struct, X, total, words, min_words, local) -> int:
    """Where the off-topic block that starts at unit k ends (exclusive unit index)."""
    import numpy as np

    n = len(units)
    cum = np.concatenate([[0.0], np.cumsum(words)])
    # The next article start (strong structural signs) ends this one.
    for j in range(k + 1, n):
        if j in struct and struct[j][0] >= 0.6 and cum[j] - cum[k] >= min_words:
            return j
    # Return to the first part's topic: the rest is more like the part before k than like the block.
    before_sum = _rows_sum(X, slice(0, k))
    before = _unit(before_sum)
    candidates = [j for j in range(k + 1, n)
                  if cum[j] - cum[k] >= min_words and cum[n] - cum[j] >= min_words]
    # The boundaries with the sharpest local change (bounded number: linear overall).
    candidates = sorted(candidates, key=lambda j: local[j])[:8]
    block_sum, upto = np.zeros_like(before_sum), k
    for j in sorted(candidates):
        block_sum = block_sum + _rows_sum(X, slice(upto, j))  # grows with j: each row added once
        upto = j
        block, after = _unit(block_sum), _unit(total - before_sum - block_sum)
        if float(after @ before) > 1.5 * float(after @ block) + 0.05:
            return j
    return n


def _score(k, end, X, counts, idf, words, head_idx, terms, typical):
    import numpy as np

    n = X.shape[0]
    before_c = _rows_sum(counts, slice(0, k))
    block_c = _rows_sum(counts, slice(k, end))
    after_c = _rows_sum(counts, slice(end, n))
    wb, wk = float(sum(words[:k])), float(sum(words[k:end]))
    if wb <= 0 or wk <= 0:
        return None
    context_c = before_c + after_c

    def weights(c):
        return np.where(c > 0, (1 + np.log(np.maximum(c, 1))) * idf, 0.0)

    def cos(a, b):
        na, nb = np.linalg.norm(a), np.linalg.norm(b)
        return float(a @ b / (na * nb)) if na > 0 and nb > 0 else 0.0

    wctx, wblk = weights(context_c), weights(block_c)
    # Key terms: terms of the context that recur (>= 2) and weigh most.
    ctx_key = np.argsort(-(wctx * (context_c >= 2)))[:10]
    ctx_key = [i for i in ctx_key if context_c[i] >= 2]
    blk_key = np.argsort(-(wblk * (block_c >= 2)))[:10]
    blk_key = [i for i in blk_key if block_c[i] >= 2]
    if len(ctx_key) < 3 or len(blk_key) < 2:
        return None
    # Disappearance: expected occurrences of the context's key terms in the block, vs. found.
    rate = wk / max(wb + float(sum(words[end:])), 1.0)
    kept = 0.0
    for i in ctx_key:
        expected = context_c[i] * rate
        kept += min(1.0, block_c[i] / max(expected * 0.5, 1e-9)) if expected > 0 else 1.0
    disappearance = 1.0 - kept / len(ctx_key)
    # Emergence: the block's key terms are new (absent or rare before).
    new = sum(1.0 for i in blk_key if context_c[i] <= max(1, 0.05 * block_c[i] / max(rate, 1e-9))) / len(blk_key)
    # Similarity of the block to the context and to the title/lead.
    sim_ctx = cos(wctx, wblk)
    if head_idx and max(head_idx) < k:
        head_c = _rows_sum(counts, head_idx)
        wh = weights(head_c)
        sim_head_block = cos(wh, wblk)
        sim_head_ctx = cos(wh, weights(before_c - head_c + after_c))
        head_drop = max(0.0, 1.0 - sim_head_block / max(sim_head_ctx, 1e-9))
    else:
        head_drop = 0.5
    sim_drop = max(0.0, 1.0 - sim_ctx / max(typical, 0.05))
    lexical = 0.35 * disappearance + 0.3 * new + 0.15 * head_drop + 0.2 * min(1.0, sim_drop)
    # For the message: the terms most typical of each part (weight times share of occurrences).
    ctx_show = np.argsort(-(wctx * context_c / np.maximum(context_c + block_c, 1) * (context_c >= 2)))[:8]
    blk_show = np.argsort(-(wblk * block_c / np.maximum(context_c + block_c, 1) * (block_c >= 2)))[:8]
    info = {"doc_terms": [terms[i] for i in ctx_show if context_c[i] >= 2],
            "block_terms": [terms[i] for i in blk_show if block_c[i] >= 2],
            "disappearance": round(disappearance, 3), "new": round(new, 3), "head_drop": round(head_drop, 3),
            "sim_ctx": round(sim_ctx, 3), "typical": round(typical, 3)}
    return lexical, info


RULES = (OffTopicContent,)

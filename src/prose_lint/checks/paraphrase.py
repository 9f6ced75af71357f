"""duplicate-text's paraphrase test: a paragraph or a long sentence that says an earlier one again in
other words.

Two kinds of evidence must agree, because each alone fires on normal prose. Paragraphs on one topic
share their topic words and sit close in embedding space (static sentence embeddings,
prose_lint/embeddings.py, content words only); a restatement in new words shares only a part of the
wording and gains only ~0.3 of cosine over its document's baseline. So a pair needs (1) rare wording in
common: at least ``paraphrase_rare`` content-word stems that occur in few units of the document (the
candidate index: postings of those stems, never all pairs), and a share of the shorter unit's content
words at least ``paraphrase_overlap``; and (2) embedding cosine at least ``paraphrase_similarity`` and at
least ``paraphrase_margin`` above how close each of the two is to the document as a whole (the mean
vector of its units): a paragraph that is close to everything is close to its neighbour too.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import chain

from prose_lint.analysis_inline import inside
from prose_lint.checks.duplication_common import Structure, content_stems
from prose_lint.document import Document

# Sentences shorter than this say too little to be told apart from a sentence on the same point.
SENTENCE_WORDS = 15
PARAGRAPH_CONTENT_WORDS = 12
BASELINE_UNITS = 400


@dataclass
class Unit:
    start: int
    end: int
    block: int
    kind: str  # paragraph | sentence
    stems: frozenset[str]


@dataclass
class Pair:
    earlier: Unit
    later: Unit
    rare: int  # rare stems in common
    overlap: float  # shared stems / stems of the shorter unit
    cosine: float
    margin: float  # cosine minus the larger of the two units' closeness to the document


def units(doc: Document, st: Structure, skip_blocks: set[int]) -> list[Unit]:
    """Multi-sentence paragraphs and list items, and the sentences of every paragraph, long enough to
    restate something; headings, tables, captions, quotations and references are left out."""
    out = []
    for block in doc.paragraphs:
        if block.section in st.reference_sections or block.in_quote or block.index in skip_blocks:
            continue
        if doc.is_caption(block.start, block.end):
            continue
        sents = doc.sentences(block)
        # each sentence is read once: a paragraph's content words are its sentences' together
        per_sentence = [content_stems(doc, s, e) for s, e in sents]
        if len(sents) > 1:
            stems = frozenset().union(*per_sentence)
            if len(stems) >= PARAGRAPH_CONTENT_WORDS:
                out.append(Unit(block.start, block.end, block.index, "paragraph", stems))
        for (s, e), stems in zip(sents, per_sentence):
            if len(stems) >= 6 and doc.span_word_count(s, e) >= SENTENCE_WORDS:
                out.append(Unit(s, e, block.index, "sentence", stems))
    return out


def candidates(all_units: list[Unit], min_rare: int, min_overlap: float, cap: int) -> list[tuple[int, int, int, float]]:
    """(earlier, later, rare stems in common, overlap) of the pairs of one kind, in different blocks,
    that share at least ``min_rare`` stems each found in at most ``cap`` units of that kind."""
    # The stems of each kind found in 2 to ``cap`` of its units: a stem in more is a topic word of the
    # document (shared by every paragraph on the topic), one in a single unit is no one else's.
    indexed: dict[str, set[str]] = {}
    for kind in {u.kind for u in all_units}:
        df = Counter(chain.from_iterable(u.stems for u in all_units if u.kind == kind))
        indexed[kind] = {s for s, uses in df.items() if 1 < uses <= cap}
    postings: dict[tuple[str, str], list[int]] = defaultdict(list)
    out = []
    for j, u in enumerate(all_units):
        shared_with: list[int] = []  # counted once below: Counter.update per stem costs more
        for s in u.stems & indexed[u.kind]:
            plist = postings[(u.kind, s)]
            shared_with += plist
            plist.append(j)
        counts = Counter(shared_with)
        for i, n in counts.items():
            if n < min_rare or all_units[i].block == u.block:
                continue
            shared = len(all_units[i].stems & u.stems)
            overlap = shared / min(len(all_units[i].stems), len(u.stems))
            if overlap >= min_overlap:
                out.append((i, j, n, overlap))
    return out


def pairs(doc: Document, all_units: list[Unit], found: list[tuple[int, int, int, float]],
          min_cosine: float = -2.0) -> list[Pair]:
    """Score the candidate pairs by meaning; loads the embedding model only when there is a candidate.
    Pairs whose cosine is under ``min_cosine`` are dropped before the document baseline is computed
    (exact: such a pair fails the similarity test whatever its margin), so the baseline sample is
    embedded only when some candidate is that close."""
    if not found:
        return []
    import numpy as np

    from prose_lint import embeddings

    involved = sorted({n for i, j, _r, _o in found for n in (i, j)})
    at = {n: k for k, n in enumerate(involved)}
    vectors = embeddings.embed_spans(doc, [(all_units[n].start, all_units[n].end) for n in involved],
                                     content_words=True)
    cosines = [(i, j, rare, overlap, float(vectors[at[i]] @ vectors[at[j]])) for i, j, rare, overlap in found]
    cosines = [c for c in cosines if c[4] >= min_cosine]
    if not cosines:
        return []
    # How close a unit is to the document: its cosine with the mean of the other units of its kind, that
    # mean taken over at most BASELINE_UNITS of them, evenly spaced (a long document's mean is stable well
    # before that, and only the candidates and the sample are embedded).
    involved = sorted({n for i, j, *_ in cosines for n in (i, j)})
    sample: dict[str, list[int]] = {}
    for kind in {all_units[n].kind for n in involved}:
        rows = [n for n, u in enumerate(all_units) if u.kind == kind]
        step = max(1, -(-len(rows) // BASELINE_UNITS))
        sample[kind] = rows[::step]
    needed = sorted(set(involved).union(*sample.values()))
    at = {n: k for k, n in enumerate(needed)}
    vectors = embeddings.embed_spans(doc, [(all_units[n].start, all_units[n].end) for n in needed], content_words=True)
    totals = {kind: vectors[[at[n] for n in rows]].sum(axis=0) for kind, rows in sample.items()}
    in_sample = {n for rows in sample.values() for n in rows}

    def closeness(n: int) -> float:
        kind = all_units[n].kind
        if len(sample[kind]) < 3:
            return 0.0
        others = totals[kind] - (vectors[at[n]] if n in in_sample else 0.0)
        return float(vectors[at[n]] @ others / max(float(np.linalg.norm(others)), 1e-9))

    out = []
    for i, j, rare, overlap, cos in cosines:
        out.append(Pair(all_units[i], all_units[j], rare, overlap, cos, cos - max(closeness(i), closeness(j))))
    return out


def report(doc: Document, ctx, st: Structure, reported: set[tuple[int, int]]):
    """duplicate-text's paraphrase diagnostics: the later unit of each pair that passes both tests, once
    per block, pointing at the earlier one. ``reported``: spans the word-for-word test reported."""
    import math

    from prose_lint.checks.conclusion_markers import lexicon, sentence_marker
    from prose_lint.diagnostic import Related

    opts = ctx.options
    body = [b for b in doc.paragraphs if b.section not in st.abstract_sections | st.reference_sections
            and not b.in_quote]
    # A restated conclusion is duplicated-conclusion's: the closing part of the document (as that rule
    # counts it), conclusion sections and paragraphs or sentences opened by a concluding, summing-up or
    # restating marker (a recap, wherever it stands) are never the later unit here. An abstract
    # restates the body by design.
    closing = {b.index for b in body[max(0, len(body) - max(2, math.ceil(len(body) * 0.2))):]}
    skip = closing | {b.index for b in doc.paragraphs if b.section in st.abstract_sections
                      or b.section in st.conclusion_sections}
    # a list, so that analysis_inline.inside indexes it once and answers each unit by bisection
    covered = sorted(reported)
    all_units = [u for u in units(doc, st, {b for b in skip if b not in closing})
                 if not inside(u.start, u.end, covered)]
    lex = lexicon().restate
    recaps = {b.index for b in body if (sents := doc.sentences(b)) and sentence_marker(doc, *sents[0], lex)}
    marked = {n for n, u in enumerate(all_units)
              if u.block in closing or u.block in recaps or sentence_marker(doc, u.start, u.end, lex)}
    found = [c for c in candidates(all_units, int(opts["paraphrase_rare"]), float(opts["paraphrase_overlap"]),
                                   int(opts["paraphrase_postings"])) if c[1] not in marked]
    tau, margin = float(opts["paraphrase_similarity"]), float(opts["paraphrase_margin"])
    best: dict[int, Pair] = {}
    for p in pairs(doc, all_units, found, tau):
        if p.cosine >= tau and p.margin >= margin:
            key = p.later.block
            if key not in best or p.cosine > best[key].cosine:
                best[key] = p
    for p in sorted(best.values(), key=lambda p: p.later.start):
        what = p.earlier.kind
        yield ctx.diagnostic(
            p.later.start, p.later.end,
            f"this {p.later.kind} restates an earlier {what} in other words (similarity {p.cosine:.2f})",
            related=[Related(p.earlier.start, p.earlier.end, f"the {what} it restates")],
            properties={"kind": "paraphrase", "unit": p.later.kind, "similarity": round(p.cosine, 3),
                        "shared_words": round(p.overlap, 3)},
        )


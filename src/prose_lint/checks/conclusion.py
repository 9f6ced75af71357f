"""A document that concludes twice, a conclusion that is an introduction, and near-duplicate text."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable

from prose_lint.analysis import WORD_RE, stem, stopwords
from prose_lint.diagnostic import Diagnostic, Related
from prose_lint.document import Block, Document
from prose_lint.rule import Rule, RuleContext, Severity

_LEADING = " \t*_>\"“‘'([-–—•"
_LEX = None


@dataclass
class _Lexicon:
    final: re.Pattern[str]
    summary: re.Pattern[str]
    restate: re.Pattern[str]  # final, summary and restatement markers: "To repeat,", "Put simply,"
    intro_strong: list[re.Pattern[str]]
    intro_weak: list[re.Pattern[str]]


def _lexicon() -> _Lexicon:
    global _LEX
    if _LEX is None:
        from prose_lint.lexicon import load_lexicon

        data = load_lexicon("conclusion")

        def markers(words: list[str]) -> re.Pattern[str]:
            alts = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
            return re.compile(rf"(?:(?:and|so|finally|thus|hence),?\s+)?(?:{alts})\b[,:]?", re.I)

        _LEX = _Lexicon(
            final=markers(data["markers"]["final"]),
            summary=markers(data["markers"]["summary"]),
            restate=markers(data["markers"]["final"] + data["markers"]["summary"] + data["markers"].get("restate", [])),
            intro_strong=[re.compile(p, re.I) for p in data["introduction"]["strong"]],
            intro_weak=[re.compile(p, re.I) for p in data["introduction"]["weak"]],
        )
    return _LEX


# -- document structure shared by both rules ------------------------------
@dataclass
class _Structure:
    abstract_sections: frozenset[int]
    reference_sections: frozenset[int]
    conclusion_sections: list[int]


def _heading_words(doc: Document, section_index: int) -> str:
    return doc.heading_text(doc.sections[section_index]).strip("*_#: ")


def _structure(doc: Document) -> _Structure:
    """The document's abstract, reference and conclusion sections (Document.section_roles)."""
    roles = doc.section_roles
    return _Structure(doc.sections_with("abstract"), doc.sections_with("references"),
                      [i for i, r in enumerate(roles) if "conclusion" in r])


def _sentence_marker(doc: Document, start: int, end: int, pattern: re.Pattern[str]) -> tuple[int, int] | None:
    s = start
    while s < end and doc.prose[s] in _LEADING:
        s += 1
    m = pattern.match(doc.prose, s, end)
    return (m.start(), m.end()) if m else None


def _content_words(doc: Document, start: int, end: int) -> list[tuple[str, str]]:
    """(stem, lower-case form) of the content words of ``prose[start:end]`` (3+ letters, not stop words)."""
    stop = stopwords()
    out = []
    for m in doc.words(start, end):
        w = m.group(0).lower().replace("’", "'")
        if w.endswith("'s"):
            w = w[:-2]
        if len(w) < 3 or w in stop:
            continue
        out.append((stem(w), w))
    return out


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
      ``restate_similarity``;
    * a closing sentence that says again what a sentence of the second half said (sentence
      embeddings, cosine >= ``meaning_similarity``), when either of the two opens with a concluding,
      summing-up or restatement marker ("To repeat,", "Put simply,", "In all," - lexicon
      ``markers.restate``), or, unannounced and not word for word, when the earlier one itself restates
      a sentence of another paragraph (a point concluded twice). An announced restatement of a
      first-half sentence counts only when a sentence between them, in another paragraph, says it too
      (concluded mid-document and again at the end). Within one paragraph this counts only
      in the last two paragraphs: an "Overall, ..." that closes one paragraph of the argument sums up
      that paragraph. Headings and figure captions are not sentences here;
    * a conclusion that presents itself as an introduction: a conclusion section or a paragraph
      opening with a concluding marker that says "in this introduction", "the subsequent sections of
      this paper will", "is organized as follows" (one strong phrase, or two weaker ones such as
      "this paper will examine").

    A front abstract (a heading "Abstract", "Summary", "Key points"... in the first third, with its
    subsections) is not a conclusion: a structured abstract's "Conclusion" and an abstract's
    "In conclusion" never pair with the body's conclusion. One conclusion, however it is worded, is
    never reported. Marker phrases and heading patterns are data: ``rules/lexicons/conclusion.toml``.

    Options: ``restate_similarity`` (0.4), ``closing_share`` (0.2),
    ``introduction`` (true: report conclusions that read as introductions).
    """

    id = "duplicated-conclusion"
    severity = Severity.WARNING
    scope = "document"
    options = {"restate_similarity": 0.4, "closing_share": 0.2, "introduction": True, "by_meaning": True,
               "meaning_similarity": 0.8}

    def _restated_by_meaning(self, doc, ctx, lex, paragraphs, reported):
        """Sentences of the closing part (the last ``closing_share`` of the sentences, at least 8, at most
        40) whose meaning (sentence embeddings, prose_lint/embeddings.py) matches an earlier sentence of the
        second half of the document (cosine >= ``meaning_similarity``) that itself matches a sentence of
        another, earlier paragraph: the body said it, a first conclusion restated it, and this sentence
        concludes with it again. Word-for-word
        repeats (rapidfuzz ratio >= 0.9) are duplicate-text's, not a restatement."""
        import numpy as np
        from rapidfuzz import fuzz

        from prose_lint import embeddings

        sents = []
        spans: list[tuple[int, int]] = []
        marks: list[bool] = []
        last_two = {b.index for b in paragraphs[-2:]}
        for b in paragraphs:
            if b.kind == "heading" or doc.is_caption(b.start, b.end):
                continue  # "Forwarding a local port" / "... a remote port": parallel titles, not conclusions
            for s, e in doc.sentences(b):
                n = len(WORD_RE.findall(doc.prose, s, e))
                if n >= 6:
                    sents.append((b, s, e))
                    m = _sentence_marker(doc, s, e, lex.restate)
                    # compared without its marker: "Summing up, X." says X, and the marker would weigh
                    # much in a short sentence
                    spans.append((m[1], e) if m else (s, e))
                    marks.append(m is not None)
        if len(sents) < 4:
            return
        tau = float(ctx.options["meaning_similarity"])
        total = len(sents)
        k = min(40, max(8, math.ceil(total * float(ctx.options["closing_share"]))))
        half = doc.prose_blocks[len(doc.prose_blocks) // 2].start if doc.prose_blocks else 0
        # A first conclusion is in the second half: only the sentences from the second half (and the
        # closing part) are embedded at first; the earlier ones only when a candidate needs them.
        h0 = next((i for i, x in enumerate(sents) if x[1] >= half), total)
        lo = min(h0, max(2, total - k))
        E2 = embeddings.embed_spans(doc, spans[lo:], content_words=False)
        full: list = []

        def all_vectors():
            if not full:
                full.append(embeddings.embed_spans(doc, spans, content_words=False))
            return full[0]

        norm = lambda i: " ".join(m.group().lower() for m in doc.words(sents[i][1], sents[i][2]))  # noqa: E731
        j0 = max(2, total - k)
        # Every closing sentence against every embedded one in one product (one BLAS call, not one per
        # sentence: per-row products on a loaded machine cost milliseconds each).
        S = E2 @ E2[j0 - lo:].T if j0 < total else None
        for j in range(total - 1, j0 - 1, -1):  # latest first: of two restatements in a paragraph, the later is the second
            b2, s2, e2 = sents[j]
            if b2.index in reported:
                continue
            if j <= h0:
                continue  # no earlier sentence in the second half
            sims = np.full(j, -2.0, dtype=np.float32)
            sims[lo:j] = S[: j - lo, j - j0]
            marked_j = marks[j]
            close = sorted((i for i in np.flatnonzero(sims >= tau) if sents[i][1] >= half),
                           key=lambda i: -sims[i])[:3]
            first = None
            for i in close:
                verbatim = fuzz.ratio(norm(i), norm(j)) >= 90
                own = sents[i][0].index == b2.index
                if own and b2.index not in last_two:
                    continue  # "Overall, ..." closing one paragraph of the argument sums up that paragraph
                if marked_j or marks[i]:
                    first = i  # announced as a restatement ("To repeat, ...") of what the second half said
                    break
                if verbatim:
                    continue  # an unannounced word-for-word repeat is duplicate-text's
                # unannounced: a first conclusion only if it restates a sentence of another, earlier paragraph
                E = all_vectors()
                earlier = E[:i] @ E[i]
                if any(sents[h][0].index not in (sents[i][0].index, b2.index) for h in np.flatnonzero(earlier >= tau)):
                    first = i
                    break
            if first is None and marked_j:
                first = self._thrice(sents, sims, j, tau, half, all_vectors)
            if first is None:
                continue
            bf, sf, ef = sents[first]
            reported.add(b2.index)
            yield ctx.diagnostic(
                s2, e2,
                f"a second conclusion: this sentence restates the conclusion at {doc.text[sf:ef][:60]!r} "
                f"(similarity {float(sims[first]):.2f})",
                related=[Related(sf, ef, "first conclusion")],
                properties={"kind": "restated-meaning", "similarity": round(float(sims[first]), 3)},
            )

    @staticmethod
    def _thrice(sents, sims, j, tau, half, all_vectors):
        """An announced restatement ``j`` of a first-half sentence i counts when a third sentence between
        them, in another paragraph, says it too (the body said it, a first conclusion mid-document
        restated it, and this one concludes with it again); restating the introduction once is what a
        single conclusion does."""
        import numpy as np

        E = all_vectors()
        early = [i for i in np.flatnonzero(E[:j] @ E[j] >= tau) if sents[i][1] < half]
        for i in sorted(early, key=lambda i: -float(E[i] @ E[j])):
            between = range(i + 1, j)
            paras = (sents[i][0].index, sents[j][0].index)
            if any(sents[k][0].index not in paras and max(float(E[k] @ E[i]), float(E[k] @ E[j])) >= tau
                   for k in between):
                return i
        return None

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Diagnostic]:
        lex = _lexicon()
        st = _structure(doc)
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
                m = _sentence_marker(doc, s, e, lex.final) or _sentence_marker(doc, s, e, lex.summary)
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
        for block in paragraphs:
            sents = doc.sentences(block)
            if not sents:
                continue
            s, e = sents[0]
            m = _sentence_marker(doc, s, e, lex.final)
            if m:
                openers.append((block, m, "final"))
                continue
            m = _sentence_marker(doc, s, e, lex.summary)
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
            yield from self._restated(doc, ctx, lex, candidates, reported)

        # 5. A point made three times: a closing sentence that restates, in other words, an earlier
        # restatement of the body (two conclusions), found by meaning.
        if ctx.options["by_meaning"]:
            yield from self._restated_by_meaning(doc, ctx, lex, paragraphs, reported)

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

    def _restated(self, doc, ctx, lex, candidates, reported):
        from wordfreq import zipf_frequency  # lazy: only documents with two concluding paragraphs

        vectors = []
        for b in candidates:
            words = _content_words(doc, b.start, b.end)
            tf = Counter(s for s, _ in words)
            form = {}  # stem -> the first form written: a stem ("happi") is not a word to look up
            for s, w in words:
                form.setdefault(s, w)
            # General-English rarity (not the document's own IDF): a restatement shares the
            # document's topic words *and* its rarer wording.
            vec = {w: (1 + math.log(c)) * max(0.5, 7.0 - zipf_frequency(form[w], "en")) for w, c in tf.items()}
            norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
            vectors.append((b, {w: v / norm for w, v in vec.items()}, sum(tf.values())))
        threshold = float(ctx.options["restate_similarity"])
        for j in range(1, len(vectors)):
            b2, v2, n2 = vectors[j]
            if b2.index in reported or n2 < 12:
                continue
            best = None
            for i in range(j):
                b1, v1, n1 = vectors[i]
                if n1 < 12:
                    continue
                cos = sum(v * v2.get(w, 0.0) for w, v in v1.items())
                if cos >= threshold and (best is None or cos > best[1]):
                    best = (b1, cos)
            if best:
                reported.add(b2.index)
                yield ctx.diagnostic(
                    b2.start, b2.end,
                    f"this concluding paragraph restates an earlier one (similarity {best[1]:.2f})",
                    related=[Related(best[0].start, best[0].end, "the paragraph it restates")],
                    properties={"kind": "restated", "similarity": round(best[1], 3)},
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


# -- duplicate-text ---------------------------------------------------------
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
    """

    id = "duplicate-text"
    severity = Severity.WARNING
    scope = "document"
    options = {"similarity": 0.9, "min_words": 8, "max_postings": 50}

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Diagnostic]:
        st = _structure(doc)
        min_words = int(ctx.options["min_words"])
        units: list[_TextUnit] = []
        for block in doc.prose_blocks:
            if block.kind == "table_cell" or block.section in st.reference_sections:
                continue
            sents = doc.sentences(block) if block.kind != "heading" else []
            # Sentences cover their block's words: each is tokenised once, for both kinds of unit.
            words = [WORD_RE.findall(doc.prose, s, e) for s, e in sents] if len(sents) > 1 else []
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
        postings: dict[int, list[int]] = defaultdict(list)
        reported_blocks: set[int] = set()
        for j, unit in enumerate(units):
            counts: Counter[int] = Counter()
            for sh in unit.shingles:
                plist = postings[sh]
                if plist and len(plist) <= cap:
                    counts.update(plist)
                plist.append(j)
            if unit.kind == "sentence" and unit.block in reported_blocks:
                continue
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


def _text_unit(doc: Document, start: int, end: int, block: int, kind: str, min_words: int,
               words: list[str] | None = None) -> _TextUnit | None:
    """``words``: the words of ``prose[start:end]`` when the caller has them already."""
    if doc.is_caption(start, end):
        return None  # a caption that repeats its section's heading is the caption's job
    if words is None:
        words = WORD_RE.findall(doc.prose, start, end)
    if len(words) < min_words:
        return None
    norm = " ".join(words).lower()
    words = norm.split(" ")
    shingles = frozenset(map(hash, zip(words, words[1:], words[2:])))
    return _TextUnit(start, end, block, norm, shingles, kind, len(words))


RULES = (DuplicatedConclusion, DuplicateText)

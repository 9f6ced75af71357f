"""duplicated-conclusion's two restatement tests: a concluding paragraph that repeats another one in its
wording (rarity-weighted cosine over content words), and a closing sentence that says again, by meaning
(sentence embeddings), what an earlier conclusion said."""

from __future__ import annotations

import math
from collections import Counter

from prose_lint.checks.conclusion_markers import sentence_marker
from prose_lint.checks.duplication_common import content_words
from prose_lint.diagnostic import Related


def restated_paragraphs(doc, ctx, candidates, reported):
    from prose_lint.wordtables import zipf_frequency  # lazy: only documents with two concluding paragraphs

    vectors = []
    for b in candidates:
        words = content_words(doc, b.start, b.end)
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


def restated_by_meaning(doc, ctx, lex, paragraphs, concluding, reported):
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
    position = {b.index: n for n, b in enumerate(b for b in paragraphs if b.kind != "heading")}
    for b in paragraphs:
        if b.kind == "heading" or doc.is_caption(b.start, b.end):
            continue  # "Forwarding a local port" / "... a remote port": parallel titles, not conclusions
        for s, e in doc.sentences(b):
            n = doc.span_word_count(s, e)
            if n >= 6:
                sents.append((b, s, e))
                m = sentence_marker(doc, s, e, lex.restate)
                # compared without its marker: "Summing up, X." says X, and the marker would weigh
                # much in a short sentence
                spans.append((m[1], e) if m else (s, e))
                marks.append(m is not None)
    if len(sents) < 4:
        return
    tau = float(ctx.options["meaning_similarity"])
    tau_unmarked = float(ctx.options["unannounced_similarity"])
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

    norm = lambda i: " ".join([w.lower() for w in doc.span_words(sents[i][1], sents[i][2])])  # noqa: E731
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
            b1 = sents[i][0]
            own = b1.index == b2.index
            if own and b2.index not in last_two and not marks[i]:
                continue  # "Overall, ..." closing one paragraph of the argument sums up that paragraph
            if marks[i]:
                first = i  # an announced conclusion said again
                break
            if marked_j and (b1.index in concluding or position[b2.index] - position[b1.index] <= 1):
                first = i  # announced restatement ("In short, ...") of a conclusion or of the paragraph just before
                break
            if fuzz.ratio(norm(i), norm(j)) >= 90:
                continue  # a word-for-word repeat of a body sentence is duplicate-text's
            if not marked_j and sims[i] < tau_unmarked:
                continue  # unannounced: sentences of one topic are this close without restating each other
            # A body sentence restated far from it ("To repeat, ..." five paragraphs on, or unannounced) is a
            # point recalled once; a first conclusion only if it restates a sentence of another, earlier
            # paragraph itself (the point made three times)
            E = all_vectors()
            earlier = E[:i] @ E[i]
            if any(sents[h][0].index not in (sents[i][0].index, b2.index) for h in np.flatnonzero(earlier >= tau)):
                first = i
                break
        if first is None and marked_j:
            first = _thrice(sents, sims, j, tau, half, all_vectors)
        if first is None:
            continue
        bf, sf, ef = sents[first]
        similarity = float(all_vectors()[first] @ all_vectors()[j]) if first < lo else float(sims[first])
        reported.add(b2.index)
        yield ctx.diagnostic(
            s2, e2,
            f"a second conclusion: this sentence restates the conclusion at {doc.text[sf:ef][:60]!r} "
            f"(similarity {similarity:.2f})",
            related=[Related(sf, ef, "first conclusion")],
            properties={"kind": "restated-meaning", "similarity": round(similarity, 3)},
        )


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
        # the third must say what *both* say: in a document on one subject many sentences are close to
        # one of the two ("FTP servers ..." vs a closing "FTP is one of the first protocols ...")
        if any(sents[k][0].index not in paras and min(float(E[k] @ E[i]), float(E[k] @ E[j])) >= tau
               for k in between):
            return i
    return None

"""The change-point analysis of off-topic-content: candidate boundaries of a block that departs from the
rest of the document, each candidate block's features and confidence, the best blocks reported."""

from __future__ import annotations

from prose_lint.document import Document

from .blocks import _cannot_reach, _score, _segment_features, _split
from .names import _Names
from .separation import _median, _Parts
from .style import _Style
from .structure import _effective, _params, _structure, _units
from .vocabulary import _count_sketch, _main_terms, _tfidf


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
    import functools
    import math

    import numpy as np

    from prose_lint import embeddings

    # The calibration (scripts/calibrate-off-topic) and the tests set _DEBUG on the package: read it there,
    # once per document.
    from prose_lint.checks import off_topic

    debug = off_topic._DEBUG
    params = _params()
    bwords = np.array([units[i].words for i in body], dtype=float)
    cumw = np.concatenate([[0.0], np.cumsum(bwords)])
    weights = np.sqrt(np.minimum(bwords, 150.0))
    E = embeddings.embed_spans(doc, [(units[i].block.start, units[i].block.end) for i in body], content_words=False)
    Xn, counts, idf, terms, display = _tfidf(units, body)
    T = _count_sketch(Xn)
    PE, PT = _Parts.of(E, weights), _Parts.of(T, weights)  # of() converts to float64 itself
    del E, T  # the running sums hold all the scans need
    # Names and style (names.py, style.py) are needed only by candidates that pass _cannot_reach (few
    # documents have one): built on first use.
    names = functools.cache(lambda: _Names.of(units, body))
    style = functools.cache(lambda: _Style.of([units[i].text for i in body]))
    floor_e, floor_t = params["floor_embedding"], params["floor_tfidf"]

    def start_unit(a: int) -> int:
        """The block starts after the body unit before it (with its headline, date line), but never inside
        the tail matter between them (a reference list that running text follows)."""
        k = body[a - 1] + 1 if a > 0 else 0
        while k < body[a] and units[k].tail_section:
            k += 1
        return k

    def salutation(a: int) -> float:
        """The block opens with a speech's salutation (its headline or its first paragraph)."""
        return max(units[k].salutation for k in range(start_unit(a), body[a] + 1))

    min_block = float(params["min_block_words"])
    struct: dict[int, tuple] = {}  # boundary -> structural signs at the block's start (shared by every pass)
    # Features the model gives no weight (rules/lexicons/off_topic.toml [change_point.model]) change no
    # confidence: they are computed for the reported blocks only (their properties), or for every
    # candidate when a calibration collects them (_DEBUG). A skipped feature scores as 0.0 in its place,
    # and 0.0 x anything adds nothing, so each confidence is the same to the last bit.
    lazy = debug is None
    unweighted = frozenset(k for k in ("e_ret", "t_ret", "e_lead", "t_lead", "e_near", "t_near", "e_rel", "t_rel",
                                       "e_null", "t_null", "names", "names_sep", "names_gone", "style")
                           if params["model"].get(k, 0.0) == 0.0) if lazy else frozenset()
    threshold = params["threshold"] - 0.3 * (sensitivity - 0.5)
    # Candidates that cannot reach the threshold are not scored to the end (not when calibrating).
    z_needed = math.log(threshold / (1 - threshold)) if lazy and 0 < threshold < 1 else None

    def choose(PE, PT, m: int, log_words: float, record: bool = True) -> tuple[list, list]:
        """Steps 1-3 over the body units [0, m) (``PE``, ``PT``: their running sums): the best blocks above
        the threshold, not overlapping, as (confidence, a, b, features), and the candidate boundaries."""
        # Boundaries: the prefix has real running text, the block at least two units.
        ok = [a for a in range(1, m - 1) if cumw[a] >= min_words and not units[start_unit(a)].tail_section]
        if not ok:
            return [], []
        # 1. Single change point (prefix vs suffix) and local change (3 units each side) at each boundary.
        # (vectorised over the boundaries: O(m x dim))
        A = np.asarray(ok)
        lo, hi = np.maximum(0, A - 3), np.minimum(m, A + 3)
        single = dict(zip(ok, (PE.scan(0, A, A, m, floor_e) + PT.scan(0, A, A, m, floor_t)).tolist()))
        local = dict(zip(ok, (PE.scan(lo, A, A, hi, floor_e) + PT.scan(lo, A, A, hi, floor_t)).tolist()))
        for a in ok:
            if a not in struct:
                struct[a] = _structure(units, start_unit(a), doc)
        keep = int(params["candidates"])
        cands = sorted(set(sorted(ok, key=lambda a: -single[a])[:keep])
                       | set(sorted(ok, key=lambda a: -local[a])[:keep])
                       | {a for a in ok if _effective(struct[a]) >= 0.3})
        # Short inserted blocks (2 to insert_scan_units paragraphs): TextTiling's depth on both sides, the
        # separation of a run from the paragraphs on each side of it minus theirs from each other. A block
        # dropped into a text is a valley whose two sides cohere; its end is not always a sharp change of its
        # own, so the best (start, end) pairs are candidates even when the end is not a candidate boundary.
        pairs: set[tuple[int, int]] = set()
        lengths = range(2, int(params["insert_scan_units"]) + 1)
        valleys_e, valleys_t = PE.valleys(A, lengths, floor_e), PT.valleys(A, lengths, floor_t)
        for k in lengths:
            (ae, be), (at, bt) = valleys_e[k], valleys_t[k]
            depth = ae + at - be - bt  # over the starts A[:len(depth)], those with a + k < m
            for i in np.argsort(-depth)[:keep]:
                pairs.add((int(A[i]), int(A[i]) + k))
        null_cache: dict[int, tuple[float, float]] = {}

        def null(length: int) -> tuple[float, float]:
            """How far a typical run of ``length`` units is from the rest of this document (median over at
            most 24 evenly spaced runs): a document that changes subject often sets a higher bar."""
            if length not in null_cache:
                starts = np.unique(np.linspace(0, m - length, num=min(24, m - length + 1)).astype(int))
                es, ts = PE.scan_rest(starts, length, floor_e), PT.scan_rest(starts, length, floor_t)
                null_cache[length] = (_median(es.tolist()), _median(ts.tolist()))
            return null_cache[length]

        # 2. Candidate blocks: [a, m) (appended) and [a, b) for two candidates (inserted).
        # For each start only the ends it can pair with (an inserted block spans at most max_insert_units
        # paragraphs): the work is linear in the number of candidates, not quadratic.
        import bisect

        ends = sorted(set(cands) | {m})
        max_insert = params["max_insert_units"]

        def features(a: int, b: int, skip: frozenset[str], z_needed: float | None = None) -> dict[str, float] | None:
            """The block's features; None when they cannot reach the logit ``z_needed`` (given: a pure saving)."""
            f = _segment_features(PE, PT, a, b, m, floor_e, floor_t, skip)
            if z_needed is not None:
                s = _effective(struct[a])
                early = {**f, "structure": s, "log_words": log_words, "inserted": float(b < m),
                         "log_words_inserted": log_words * float(b < m),
                         "short": float(cumw[b] - cumw[a] < 150 and s < 0.3), "salutation": salutation(a)}
                if _cannot_reach(early, params["model"], z_needed):
                    return None
            f["structure"] = _effective(struct[a])
            ne, nt = (0.0, 0.0) if {"e_rel", "t_rel"} <= skip else null(b - a)
            f["e_rel"] = 0.0 if "e_rel" in skip else f["e_rest"] - ne
            f["t_rel"] = 0.0 if "t_rel" in skip else f["t_rest"] - nt
            # How far a typical run of the block's length is from the rest of the document without the block
            # (at least 0): a collection (quotations, a forum thread) or a speech that moves from subject to
            # subject is far from itself anywhere, so a block's distance from the rest is weaker evidence there.
            f["e_null"] = 0.0 if "e_null" in skip else max(0.0, PE.null_without(a, b, b - a, floor_e))
            f["t_null"] = 0.0 if "t_null" in skip else max(0.0, PT.null_without(a, b, b - a, floor_t))
            # Names (people, places, organisations) that the rest of the document never uses: a different
            # story in the same category (another match, another company's results) has its own. They count
            # as far as the block's wording also departs from the text before it (names_sep): a section of a
            # long document about one person or country has novel names but follows on from its subject.
            f["names"] = 0.0 if {"names", "names_sep"} <= skip else names().novelty(a, b)
            f["names_sep"] = f["names"] * min(f["e_prev"], f["t_prev"])
            # The names the rest of the document keeps coming back to, missing from the block (continuity).
            f["names_gone"] = 0.0 if "names_gone" in skip else names().continuity(a, b)
            # Another author's style (style.py): its distance is about 1 for a run of the document's own,
            # whatever its subject, and more for a paste; counted from 1, full at 4.
            f["style"] = 0.0 if "style" in skip else min(1.0, max(0.0, (style().distance(a, b) - 1.0) / 3.0))
            f["log_words"] = log_words
            f["inserted"] = float(b < m)
            # An inserted block is also judged on its neighbours on both sides (e_near), a local test that a
            # long document's drift does not weaken as it weakens a suffix's: its own length term.
            f["log_words_inserted"] = log_words * f["inserted"]
            f["short"] = float(cumw[b] - cumw[a] < 150 and f["structure"] < 0.3)  # ... and no sign of an article
            # A speech starting: its speaker greets the audience (structure.py: nobody greets the dignitaries
            # again in the middle of a speech); weighed on its own, since the content of one inaugural or
            # State of the Union address after another hardly changes.
            f["salutation"] = salutation(a)
            return f

        scored = []
        blocks_to_score = []
        for a in cands:
            lo_i = bisect.bisect_left(ends, a + 2)
            hi_i = bisect.bisect_right(ends, a + max_insert)
            for b in ends[lo_i:hi_i] + ([m] if (not ends[lo_i:hi_i] or ends[hi_i - 1] != m) and m - a >= 2 else []):
                blocks_to_score.append((a, b))
        for a, b in sorted(pairs - set(blocks_to_score)):
            if a not in struct:
                continue
            blocks_to_score.append((a, b))
        for a, b in blocks_to_score:
            if b - a < 2 or cumw[b] - cumw[a] < min_block:
                continue
            if b < m and (b - a > max_insert):
                continue
            f = features(a, b, unweighted, z_needed)
            if f is None:
                continue
            conf = _score(f, params["model"])
            scored.append((conf, a, b, f))
            if debug is not None and record:
                debug.append({"a": a, "b": b, "start": units[start_unit(a)].block.start,
                               "end": units[body[b - 1]].block.end, "conf": conf, **f})
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
        if unweighted:
            chosen = [(conf, a, b, features(a, b, frozenset())) for conf, a, b, _f in chosen]
        return chosen, cands

    # The document's length: a long document changes subject on its own (a speech, a handbook chapter),
    # so a change point in it needs more evidence.
    chosen, cands = choose(PE, PT, m, math.log(max(doc.word_count, 500) / 1000))
    # 4. Texts appended one after another: the document without the appended block found is analysed again
    # as a document of its own, and a block appended to it extends the one found back to its start (as an
    # inserted block, the first of two appended texts is hidden by its right neighbour, as foreign as it is;
    # _split below reports the texts apart where they are as far apart as two articles). At most
    # `peel_passes` times, and only after a block was found: a document with nothing appended costs nothing.
    peel_threshold = params["peel_threshold"] - 0.3 * (sensitivity - 0.5)
    peeled: dict[int, tuple[float, dict]] = {}  # start of a text the block was extended over -> its own score
    for _pass in range(int(params["peel_passes"])):
        last = next((c for c in chosen if c[2] == m), None)
        if last is None:
            break
        end = last[1]
        inner, more = choose(PE.prefix(end), PT.prefix(end), end,
                             math.log(max(doc.word_count * cumw[end] / cumw[m], 500) / 1000), record=False)
        tail = next((c for c in inner if c[2] == end), None)
        if (tail is None or tail[0] < peel_threshold
                or any(c is not last and tail[1] < c[2] for c in chosen)):
            break
        peeled[end] = (last[0], last[3])
        chosen = [c for c in chosen if c is not last] + [(tail[0], tail[1], m, tail[3])]
        cands = sorted(set(cands) | set(more) | {end})
    blocks = []
    for conf, a, b, f in sorted(chosen, key=lambda s: s[1]):
        for a2, b2 in _split(PE, PT, a, b, cands, struct, cumw, min_block, floor_e, floor_t, params):
            blocks.append((*peeled.get(a2, (conf, f)), a2, b2))
    out = []
    for conf, f, a, b in blocks:
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

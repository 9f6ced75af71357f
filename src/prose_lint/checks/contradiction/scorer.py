"""The learned pair scorer (rules/models/contradiction.json): which candidate pairs are aligned and scored,
and their probability of contradicting."""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

from prose_lint.document import Document

from .alignment import _antonym_pairs, pair_features
from .negations import _negations
from .openings import _opening
from .antonyms import AntonymKeys, antonym_keys
from .claims import _MONTHS, _claim_tokens, _is_figure, positive_form
from .filters import DISABLED
from .lexicon import _lexicon, claim_stopwords
from .sentences import _Sent


_EMBEDDINGS_FAILED = False


def _similarity(doc: Document, sents: list[_Sent]):
    """Cosine similarity of two sentences' embeddings (the shared model, prose_lint/embeddings.py: content
    words, cached per document), computed only for the pairs that are scored; the model is loaded on the
    first such pair. 0.0 when the model is unavailable (the wordllama package missing)."""

    model = _model()
    if not model["weights"][model["features"].index("similarity")]:
        return None  # a model trained without the feature: nothing to embed

    def similarity(e: _Sent, s: _Sent) -> float:
        global _EMBEDDINGS_FAILED
        if _EMBEDDINGS_FAILED:
            return 0.0
        try:
            from prose_lint import embeddings

            v = embeddings.embed_spans(doc, [(e.start, e.end), (s.start, s.end)])
        except (ImportError, RuntimeError, OSError):
            _EMBEDDINGS_FAILED = True
            return 0.0
        return float(v[0] @ v[1])

    return similarity


def _score_pairs(s: _Sent, cands: list[_Sent], threshold: float, similarity,
                 memo: dict | None = None) -> tuple[float, _Sent, str] | None:
    """The best-scoring candidate at or above the threshold. ``memo`` keeps each pair of texts' score: a
    document that repeats its sentences (boilerplate, concatenated files) scores each pair of texts once."""
    best = None
    for e in cands:
        if e.text == s.text:
            continue  # the same sentence repeated: no test can fire (nothing differs)
        key = (e.text, s.text, e.block == s.block and e.index == s.index - 1)
        got = memo.get(key) if memo is not None else None
        if got is None and not _may_fire(e, s):
            got = (-1.0, "")
        if got is None and "conjecture" not in DISABLED and _conjecture(e, s):
            got = (-1.0, "")
        if got is None:
            f = pair_features(e, s, similarity(e, s) if similarity else None)
            if not (f["negation"] or f["antonym"] or f["number"] or f["date"]):
                got = (-1.0, "")  # no test fired: restatements that agree are not scored
            else:
                got = (pair_score(f), _test_name(f))
            if memo is not None:
                memo[key] = got
        p, name = got
        if p < 0:
            continue
        if p >= threshold and (best is None or p > best[0]):
            best = (p, e, name)
    return best


def _claim_profile(s: _Sent) -> tuple[Counter, int, frozenset[str], AntonymKeys]:
    """Per sentence, once: its claim tokens counted, its negations, its figures and month names, the keys of
    its words that can be one side of an antonym pair (antonyms.antonym_keys)."""
    if s.profile is None:
        ta = _claim_tokens(s)
        counts = Counter(ta)
        s.profile = (counts, _negations(ta),
                     frozenset(a for a in ta if _is_figure(a) or a in _MONTHS and s.raw_lower_ok(a)),
                     antonym_keys(counts))
    return s.profile


def _can_fire(e: _Sent, s: _Sent) -> bool:
    """A necessary condition of _may_fire read from the two sentences' profiles alone (a few set look-ups):
    the negations differ in parity, both hold figures, or an antonym pair is possible between their words.
    Candidates failing it are dropped before the costlier tests of other subjects."""
    ca, na, qa, ka = _claim_profile(e)
    cb, nb, qb, kb = _claim_profile(s)
    return na % 2 != nb % 2 or bool(qa and qb) or _antonym_possible(ca, ka, cb, kb)


def _antonym_possible(ca: Counter, ka: AntonymKeys, cb: Counter, kb: AntonymKeys) -> bool:
    """_antonym_pairs can find a pair between the earlier statement's words (``ca``) and the later's."""
    return not ka.gone.isdisjoint(kb.new) or any(w in cb for w in ka.counterpart) or any(w in ca for w in kb.rest)


def _may_fire(e: _Sent, s: _Sent) -> bool:
    """A cheap necessary condition for one of pair_features' tests (negation, antonym, number, date) to
    fire; most candidate pairs fail it and are never aligned."""
    ca, na, qa, ka = _claim_profile(e)
    cb, nb, qb, kb = _claim_profile(s)
    if na != nb and (na % 2) != (nb % 2):
        return True
    if qa and qb and any(ca[a] > cb[a] for a in qa) and any(cb[b] > ca[b] for b in qb):
        return True
    if not _antonym_possible(ca, ka, cb, kb):
        return False  # no antonym pair is possible (antonyms.antonym_keys)
    stop = claim_stopwords()
    compared = _lexicon()["antonym_stopwords"]
    gw = [w for w in ca if ca[w] > cb[w] and (w not in stop or w in compared)]
    nw = [w for w in cb if cb[w] > ca[w] and (w not in stop or w in compared)]
    return bool(_antonym_pairs(gw, nw))


def _conjecture(e: _Sent, s: _Sent) -> bool:
    """One statement only is a conjecture ("The committee might have rejected the proposal", "Perhaps the
    ferry is slower") or a prescription ("Our economy must grow by 5 percent"): it asserts nothing the other
    can contradict. Only the epistemic hedges and "must", "should", "ought" (rules/lexicons/contradiction.toml
    [epistemic], [prescriptive]); the learned feature "hedge" (every hedge, "can", "will",
    "if" too) cost recall on the tune split and is off (filters.DISABLED)."""
    lex = _lexicon()
    return any(_conjectural(e, lex[k]) != _conjectural(s, lex[k]) for k in ("epistemic", "prescriptive"))


def _conjectural(s: _Sent, words: frozenset[str]) -> bool:
    """A hedge (or "must", "should") written in lower case, or opening the sentence ("Perhaps"; not "May" the
    month), not inside an opening marker of several words ("Be that as it may, ..."); negated too ("couldn't")."""
    opening = _opening(s)
    skip = len(opening) if len(opening) > 1 else 0
    return any(r in words or i == 0 and r.lower() in words and r != "May"
               for i, r in enumerate(map(positive_form, s.raw)) if i >= skip)


_MODEL: dict[str, Any] | None = None


def _model() -> dict[str, Any]:
    global _MODEL
    if _MODEL is None:
        import json

        from prose_lint.registry import builtin_pack_dir

        _MODEL = json.loads((builtin_pack_dir() / "models" / "contradiction.json").read_text(encoding="utf-8"))
    return _MODEL


def pair_score(features: dict[str, float], model: dict[str, Any] | None = None) -> float:
    """The learned logistic scorer (weights in rules/models/contradiction.json): P(contradiction)."""
    m = model or _model()
    z = m["bias"] + sum(w * (features[f] - mu) / sd for f, w, mu, sd in
                        zip(m["features"], m["weights"], m["mean"], m["scale"]))
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


_TEST_NAMES = (("number", "a different number for the same quantity"),
               ("date", "a different date for the same event"),
               ("antonym", "opposite predicates about the same thing"),
               ("absolute", "an absolute denial of an earlier statement"),
               ("negation", "the same statement negated"))


SCORER_TESTS = frozenset(n for _, n in _TEST_NAMES)


def _test_name(f: dict[str, float]) -> str:
    for key, name in _TEST_NAMES:
        if f[key]:
            return name
    return "a restatement that disagrees (learned pair scorer)"

"""Features, confidence and splitting of one candidate off-topic block (runs of body units)."""

from __future__ import annotations

from .separation import _separation
from .structure import _effective

LEAD_UNITS = 3  # the document's lead: its first paragraphs (body units)
NEAR_UNITS = 3  # the neighbours of an inserted block compared with each other: paragraphs on each side


def _segment_features(PE, PT, a: int, b: int, m: int, floor_e: float, floor_t: float,
                      skip: frozenset[str] = frozenset()) -> dict[str, float]:
    """Separation of the body units [a, b) from the part before them, from the rest, and (an inserted
    block) whether the text after them returns to the part before. The features in ``skip`` are left
    at 0.0 (in their place: the properties list the features in this order)."""
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
    # The lead (the first paragraphs, what the document announces it is about): an appended article is far
    # from it; a news story's closing background paragraphs come back to its people and places.
    if a >= 2:
        lead = [(0, min(a, LEAD_UNITS))]
        f["e_lead"] = 0.0 if "e_lead" in skip else _separation(block[0], PE.run(lead), floor_e)
        f["t_lead"] = 0.0 if "t_lead" in skip else _separation(block[1], PT.run(lead), floor_t)
    else:
        f["e_lead"], f["t_lead"] = f["e_prev"], f["t_prev"]
    f["e_near"] = f["t_near"] = 0.0
    if b < m:
        # An inserted block: the text after it is closer to the text before it than the block is.
        if "e_ret" not in skip:
            f["e_ret"] = f["e_prev"] - _separation(PE.run([(b, m)]), prefix[0], floor_e)
        if "t_ret" not in skip:
            f["t_ret"] = f["t_prev"] - _separation(PT.run([(b, m)]), prefix[1], floor_t)
        # The same test on the neighbours only (NEAR_UNITS paragraphs each side): a segment whose two
        # neighbours are closer to each other than to it. Local, so a long document whose end is far from
        # its start (it changes subject on its own) does not hide a block dropped into it.
        left, right = [(max(0, a - NEAR_UNITS), a)], [(b, min(m, b + NEAR_UNITS))]
        both = left + right
        for side, P in (("e", PE), ("t", PT)):
            if side + "_near" in skip:
                continue
            floor = floor_e if side == "e" else floor_t
            f[side + "_near"] = (_separation(P.run([(a, b)]), P.run(both), floor)
                                 - _separation(P.run(left), P.run(right), floor))
    return f



def _score(f: dict[str, float], weights: dict[str, float]) -> float:
    """The logistic model of rules/lexicons/off_topic.toml [model]: a confidence in 0..1."""
    import math

    z = weights["bias"] + sum(weights.get(k, 0.0) * v for k, v in f.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))



# The range of each feature computed after the separations (names.py, style.py, the null runs); names_sep
# (names x min(e_prev, t_prev)) is bounded by the separations themselves.
_LATE_RANGES = {"names": (0.0, 1.0), "names_gone": (0.0, 1.0), "style": (0.0, 1.0),
                "e_rel": (-1.5, 1.5), "t_rel": (-1.5, 1.5), "e_null": (0.0, 1.0), "t_null": (0.0, 1.0)}


def _cannot_reach(early: dict[str, float], weights: dict[str, float], z_needed: float) -> bool:
    """True when a candidate's logit stays below ``z_needed`` whatever its late features (names, style,
    the null runs) turn out to be: most candidates (99% on the wild technical docs) are then not scored
    further, which saves their names, continuity and style (pure speed: the blocks reported are the same).
    ``early`` holds every other feature of the model."""
    z = weights["bias"] + sum(weights.get(k, 0.0) * v for k, v in early.items())
    for k, (lo, hi) in _LATE_RANGES.items():
        w = weights.get(k, 0.0)
        z += max(w * lo, w * hi)
    z += max(0.0, weights.get("names_sep", 0.0) * min(early["e_prev"], early["t_prev"]))
    return z < z_needed - 1e-6  # a margin for the order of the floating-point sums


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


"""The model half of scripts/calibrate-off-topic: which weights are fitted, the fit (a class-balanced,
L2-penalised logistic regression by damped Newton steps), and the simulation of the rule's selection that
chooses the threshold. It works on the candidate rows the script collects (a list of documents, each with its
planted zones and its candidates' features); see the script's docstring for what is collected and why. The
history of the calibration (which weights are fitted and why, what was tried and not kept, each refit's
numbers) is the comment above [change_point] in rules/lexicons/off_topic.toml, and only there.
"""

from __future__ import annotations

from collections import defaultdict

FEATURES = ["e_prev", "t_prev", "e_rest", "t_rest", "e_ret", "t_ret", "e_lead", "t_lead", "e_near", "t_near",
            "structure", "inserted", "short",
            "e_rel", "t_rel", "e_null", "t_null", "log_words", "log_words_inserted", "names", "names_sep", "names_gone",
            "style", "salutation"]
# Fitted: the length terms and the bias; every other weight is kept as rules/lexicons/off_topic.toml has it
# (hand-set). Why, what was tried, and each fit's date and numbers: the calibration note above
# [change_point] in that file (the one place that history is kept).
FIT = ["log_words", "log_words_inserted"]
PENALTY = 1.0  # L2 penalty of the logistic regression (features are in 0..1 or a few units)
MIN_STRUCTURE = 5.0  # a repeated headline and a dateline (seed 002, 970 words) outweigh the stricter bias


def label(cand, zones) -> int:
    s, e = cand["start"], cand["end"]
    best, touch = 0.0, False
    for zone in zones:
        a, b = zone[0]
        inter = max(0, min(e, b) - max(s, a))
        touch = touch or inter > 0
        best = max(best, inter / (max(e, b) - min(s, a)))
    return 1 if best >= 0.6 else (0 if not touch else -1)


def fit(docs, fixed: dict | None = None):
    """Weights (dict) of a class-balanced, L2-penalised logistic regression over FEATURES; the weights in
    ``fixed`` are kept as they are (an offset), the others and the bias are fitted."""
    import numpy as np

    fixed = fixed or {}
    free = [k for k in FEATURES if k not in fixed]
    X, y, off = [], [], []
    for d in docs:
        if not d["id"].startswith("fit:"):  # the licence-clean fit set only (off_topic_fit_set)
            continue
        for c in d["cands"]:
            lab = label(c, d["zones"])
            if lab >= 0:
                X.append([c.get(k, 0.0) for k in free])
                off.append(sum(w * c.get(k, 0.0) for k, w in fixed.items()))
                y.append(lab)
    X, y, off = np.array(X), np.array(y, dtype=float), np.array(off)
    X1 = np.hstack([X, np.ones((len(X), 1))])
    sw = np.where(y == 1, (y == 0).sum() / max(1, (y == 1).sum()), 1.0)
    w = np.zeros(X1.shape[1])
    reg = PENALTY * np.eye(X1.shape[1])
    reg[-1, -1] = 0.0
    def loss(w):
        z = X1 @ w + off
        return float(np.sum(sw * (np.logaddexp(0, z) - y * z)) + 0.5 * w @ reg @ w)

    for _ in range(100):
        p = 1 / (1 + np.exp(-np.clip(X1 @ w + off, -30, 30)))
        g = X1.T @ (sw * (p - y)) + reg @ w
        H = (X1 * (sw * p * (1 - p))[:, None]).T @ X1 + reg
        step, t, before = np.linalg.solve(H, g), 1.0, loss(w)
        # damped Newton: a full step overshoots when a feature nearly separates the classes (log_words did,
        # to |w| > 1000, before the step was halved until the penalised loss falls)
        while loss(w - t * step) > before and t > 1e-6:
            t /= 2
        w -= t * step
        if np.abs(t * step).max() < 1e-8:
            break
    weights = {**{k: float(v) for k, v in zip(free, w[:-1])}, **fixed}
    weights["bias"] = float(w[-1])
    if weights["structure"] < MIN_STRUCTURE:
        weights["structure"] = MIN_STRUCTURE
    print(f"fitted on {len(y)} candidates ({int(y.sum())} positive)")
    return weights


def simulate(docs, weights, threshold):
    """score.py's off-topic numbers for the rule's selection at ``threshold`` (a block's split in two is
    not simulated): per form (planted, found, tp, fp) and totals."""
    per = defaultdict(lambda: [0, 0, 0, 0])
    for d in docs:
        scored = []
        for c in d["cands"]:
            z = weights["bias"] + sum(weights.get(k, 0.0) * c.get(k, 0.0) for k in FEATURES)
            scored.append((z, c))
        scored.sort(key=lambda s: -s[0])
        chosen = []
        for z, c in scored:
            if z < threshold:
                break
            if any(c["a"] < o["b"] and o["a"] < c["b"] for o in chosen):
                continue
            chosen.append(c)
            if len(chosen) >= 3:
                break
        row = per[d["form"]]
        for zone in d["zones"]:
            row[0] += 1
            row[1] += any(c["start"] < b and a < c["end"] for c in chosen for a, b in zone)
        for c in chosen:
            tp = any(c["start"] < b and a < c["end"] for zone in d["zones"] for a, b in zone)
            row[2 if tp else 3] += 1
    return per


def totals(per, hard: bool):
    """(recall, precision, false positives) over the split's documents (and the hard negatives when
    ``hard``); the long positives are made here, not planted by the yardstick: never counted."""
    rows = [v for k, v in per.items()
            if (hard or not k.startswith("hard-negative")) and not k.startswith(("long-", "fit/"))]
    planted, found, tp, fp = (sum(r[i] for r in rows) for i in range(4))
    return found / max(planted, 1), tp / max(tp + fp, 1), fp


def choose_threshold(docs, weights, precision):
    """The lowest logit threshold with precision >= ``precision`` over the split and the hard negatives
    (the most precise one when none reaches it)."""
    best = (-1.0, 0.0)
    for thr in [x / 10 for x in range(-20, 121)]:
        rec, prec, _ = totals(simulate(docs, weights, thr), hard=True)
        if prec >= precision and rec > 0:
            return thr
        best = max(best, (prec, thr))
    return best[1]

"""Score prose-lint's document-level detectors on the evaluation corpus built by build.py.

    .venv/bin/python benchmarks/quality/score.py [--corpus benchmarks/out/quality] [--split test] \
        [--json results.json] [--report]

Runs prose-lint as a new user would (default rules and options, LanguageTool off) on every document of each
split, then reports, per class and per form: recall (planted defects with an overlapping diagnostic of the
class's rule family), precision (that family's diagnostics that overlap a planted defect of its class, over
every document of the split: a diagnostic on the host's own text counts as a false positive), F1; the share of
control documents flagged; false positives per 1,000 words on unmodified hosts; the web pages' line-level
boilerplate scores; and the seeds' rows. ``--report`` appends a dated section to benchmarks/quality/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import sources  # noqa: E402
from common import CLASS_RULES, CLASSES, SPLITS  # noqa: E402
from scoring import lint_files, overlaps, prf, score_seeds, score_webpages, wilson  # noqa: E402

DEFAULT_CORPUS = HERE.parents[0] / "out" / "quality"


def load_cases(corpus: Path, split: str) -> list[dict]:
    path = corpus / split / "cases.jsonl"
    if not path.exists():
        raise SystemExit(f"score: {path} not found: build the corpus first (benchmarks/quality/build.py)")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def family_of(rule: str) -> str:
    return rule.split("/", 1)[0]


def score_cases(cases: list[dict], results: dict[str, list[tuple[str, int, int]]]) -> dict:
    """``results``: case id -> [(rule, start, end)]. Returns per-class and per-form counts and scores."""
    rule_class = {rule: cls for cls, rule in CLASS_RULES.items()}
    per_form: dict[tuple[str, str], dict] = defaultdict(lambda: {"planted": 0, "found": 0, "tp": 0, "fp": 0,
                                                                 "docs": 0, "flagged_docs": 0})
    per_class = {cls: {"planted": 0, "found": 0, "tp": 0, "fp": 0} for cls in CLASSES}
    clean = {"words": 0, "fp": defaultdict(int)}
    internal_errors = []
    for case in cases:
        diags = results.get(case["id"], [])
        internal_errors += [(case["file"], r) for r, _, _ in diags if r == "internal-error"]
        key = (case["class"], case["form"])
        row = per_form[key]
        row["docs"] += 1
        defects = case["defects"]
        cls = case["class"]
        for d in defects:
            zones = [d["span"], *d["accept"]]
            hit = any(family_of(r) == CLASS_RULES[cls] and any(overlaps(s, e, a, b) for a, b in zones)
                      for r, s, e in diags)
            row["planted"] += 1
            row["found"] += hit
            per_class[cls]["planted"] += 1
            per_class[cls]["found"] += hit
        flagged = False
        for rule, s, e in diags:
            dcls = rule_class.get(family_of(rule))
            if dcls is None:
                continue
            if dcls == cls:
                flagged = True
            tp = dcls == cls and any(overlaps(s, e, a, b) for d in defects for a, b in [d["span"], *d["accept"]])
            per_class[dcls]["tp" if tp else "fp"] += 1
            if dcls == cls:
                row["tp" if tp else "fp"] += 1
            if case["form"] == "unmodified":
                clean["fp"][dcls] += 1
        row["flagged_docs"] += flagged
        if case["form"] == "unmodified":
            clean["words"] += case["words"]
    out = {"classes": {}, "forms": {}, "controls": {}, "clean": {}, "internal_errors": internal_errors}
    for cls, c in per_class.items():
        out["classes"][cls] = {**c, **prf(c["found"], c["planted"], c["tp"], c["fp"])}
    for (cls, form), r in sorted(per_form.items()):
        if r["planted"]:
            out["forms"][f"{cls}/{form}"] = {**r, **prf(r["found"], r["planted"], r["tp"], r["fp"])}
        elif form != "unmodified":
            out["controls"][f"{cls}/{form}"] = {"docs": r["docs"], "flagged_docs": r["flagged_docs"],
                                                "flagged_share": round(r["flagged_docs"] / max(r["docs"], 1), 3)}
    kwords = clean["words"] / 1000 or 1
    out["clean"] = {"words": clean["words"],
                    "fp_per_1000_words": {cls: round(clean["fp"][cls] / kwords, 3) for cls in CLASSES}}
    return out


def run_split(corpus: Path, split: str, jobs: int, sample: int | None = None, pages: int | None = None) -> dict:
    """Score one split; ``sample``: the first N documents of each form; ``pages``: the first N web pages of each
    data set (both default to everything)."""
    cases = load_cases(corpus, split)
    if sample:
        cases = sample_cases(cases, sample)
    paths = [str(corpus / split / c["file"]) for c in cases]
    diags = lint_files(paths, jobs)
    results = {c["id"]: diags[p] for c, p in zip(cases, paths)}
    scored = score_cases(cases, results)
    scored["documents"] = len(cases)
    scored["words"] = sum(c["words"] for c in cases)
    scored["webpages"] = score_webpages(sources.webpages(split), jobs, sample=pages or sample)
    return scored


def sample_cases(cases: list[dict], per_form: int) -> list[dict]:
    """The first ``per_form`` documents of every (class, form): deterministic, every form represented."""
    seen: dict[tuple[str, str], int] = defaultdict(int)
    out = []
    for c in cases:
        key = (c["class"], c["form"])
        if seen[key] < per_form:
            seen[key] += 1
            out.append(c)
    return out


def markdown(split: str, scored: dict) -> str:
    lines = [f"#### {split} split: {scored['documents']} documents, {scored['words']:,} words", "",
             "| class / form | planted | found | recall (class: 95% Wilson interval) | precision (idem) | F1 |", "|---|---|---|---|---|---|"]
    for cls in CLASSES:
        c = scored["classes"][cls]
        r_lo, r_hi = wilson(c["found"], c["planted"])
        p_lo, p_hi = wilson(c["tp"], c["tp"] + c["fp"])
        lines.append(f"| **{cls}** | {c['planted']} | {c['found']} | **{c['recall']:.2f}** ({r_lo:.2f}-{r_hi:.2f}) | "
                     f"**{c['precision']:.2f}** ({p_lo:.2f}-{p_hi:.2f}) | **{c['f1']:.2f}** |")
        for name, f in scored["forms"].items():
            if name.startswith(cls + "/"):
                lines.append(f"| &nbsp; {name.split('/', 1)[1]} | {f['planted']} | {f['found']} | {f['recall']:.2f} | "
                             f"{f['precision']:.2f} | {f['f1']:.2f} |")
    lines += ["", "| control (no defect planted) | documents | flagged by its class's rule |", "|---|---|---|"]
    for name, c in scored["controls"].items():
        lines.append(f"| {name} | {c['docs']} | {c['flagged_docs']} ({c['flagged_share']:.0%}) |")
    fp = scored["clean"]["fp_per_1000_words"]
    lines += ["", f"Unmodified hosts ({scored['clean']['words']:,} words), diagnostics per 1,000 words: "
              + ", ".join(f"{cls} {v:.3f}" for cls, v in fp.items()) + "."]
    w = scored["webpages"]
    lines += ["", f"Web pages ({w['pages']} pages, {w['chrome_lines']:,} chrome and {w['content_lines']:,} content "
              f"lines), boilerplate line level: precision {w['precision']:.2f}, recall {w['recall']:.2f}, "
              f"F1 {w['f1']:.2f}; top block at least half flagged on {w['top_half_flagged']:.0%} of pages, bottom "
              f"block on {w['bottom_half_flagged']:.0%}; content lines flagged per 1,000 content words: "
              f"{w['content_flagged_per_1000_words']:.2f}."]
    if scored["internal_errors"]:
        lines += ["", f"**{len(scored['internal_errors'])} internal errors** (a rule crashed): "
                  + "; ".join(f"{f}" for f, _ in scored["internal_errors"][:5])]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--split", choices=SPLITS, action="append")
    ap.add_argument("--jobs", type=int, default=0)
    ap.add_argument("--sample", type=int, help="only the first N documents of each form (and N web pages)")
    ap.add_argument("--json", type=Path, help="write every number here")
    ap.add_argument("--report", action="store_true", help="append a dated section to benchmarks/quality/README.md")
    ap.add_argument("--label", default="", help="a few words for the report's heading (what changed)")
    args = ap.parse_args(argv)
    everything = {"date": dt.date.today().isoformat(), "splits": {}}
    text = []
    for split in args.split or SPLITS:
        scored = run_split(args.corpus, split, args.jobs, args.sample)
        everything["splits"][split] = scored
        text.append(markdown(split, scored))
    seeds = score_seeds(sources.SHARED / "seeds")
    everything["seeds"] = seeds
    text.append("Seeds (`../shared/seeds/EXPECTED.md`, document-level rows): "
                f"{seeds['found']} of {seeds['rows']} must-find rows found"
                + (f" (missed: {', '.join(seeds['missed'])})" if seeds["missed"] else "")
                + f"; must-not rows violated: {len(seeds['violations'])}"
                + (f" ({'; '.join(seeds['violations'])})" if seeds["violations"] else "") + ".\n")
    body = "\n".join(text)
    print(body)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(everything, indent=1, default=str) + "\n", encoding="utf-8")
    if args.report:
        heading = f"\n### {everything['date']}" + (f": {args.label}" if args.label else "") + "\n\n"
        with open(HERE / "README.md", "a", encoding="utf-8") as fh:
            fh.write(heading + body)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

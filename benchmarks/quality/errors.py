"""List a detector's errors on one split, to read them: false positives with their context, and missed defects.

    .venv/bin/python benchmarks/quality/errors.py --split tune --class stray-token [--missed] [--sample 20]

Meant for the tune split. Reading the test split's errors and then changing a detector turns the test split into
tuning data; score.py's test numbers are held out only as long as nobody does that.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import CLASS_RULES  # noqa: E402
from score import DEFAULT_CORPUS, family_of, load_cases  # noqa: E402
from scoring import lint_files, overlaps  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--split", default="tune", choices=["tune", "test"])
    ap.add_argument("--class", dest="cls", required=True, choices=sorted(CLASS_RULES))
    ap.add_argument("--missed", action="store_true", help="list missed planted defects instead of false positives")
    ap.add_argument("--sample", type=int, default=None, help="only the first N documents of each form")
    ap.add_argument("--forms", default="", help="comma-separated forms to keep")
    ap.add_argument("--width", type=int, default=60)
    args = ap.parse_args(argv)
    if args.split == "test":
        print("errors: reading the test split's errors makes it tuning data; say so in any report", file=sys.stderr)
    cases = load_cases(args.corpus, args.split)
    if args.forms:
        keep = set(args.forms.split(","))
        cases = [c for c in cases if c["form"] in keep]
    if args.sample:
        seen: Counter = Counter()
        kept = []
        for c in cases:
            seen[(c["class"], c["form"])] += 1
            if seen[(c["class"], c["form"])] <= args.sample:
                kept.append(c)
        cases = kept
    if args.missed:
        cases = [c for c in cases if c["class"] == args.cls]
    base = args.corpus / args.split
    results = lint_files([str(base / c["file"]) for c in cases])
    family = CLASS_RULES[args.cls]
    by_rule: Counter = Counter()
    w = args.width
    for case in cases:
        text = (base / case["file"]).read_text(encoding="utf-8")
        diags = results[str(base / case["file"])]
        zones = [z for d in case["defects"] for z in [d["span"], *d["accept"]]] if case["class"] == args.cls else []
        if args.missed:
            for d in case["defects"]:
                dz = [d["span"], *d["accept"]]
                if not any(family_of(r) == family and any(overlaps(s, e, a, b) for a, b in dz) for r, s, e in diags):
                    a, b = d["span"]
                    by_rule[case["form"]] += 1
                    print(f"MISSED {case['form']} {case['file']}:{a}: "
                          f"{text[max(0, a - w):a]!r} [[{text[a:b][:300]!r}]] {text[b:b + w]!r}")
            continue
        for rule, s, e in diags:
            if family_of(rule) != family or any(overlaps(s, e, a, b) for a, b in zones):
                continue
            by_rule[rule] += 1
            print(f"FP {rule} {case['class']}/{case['form']} {case['file']}:{s}: "
                  f"{text[max(0, s - w):s]!r} [[{text[s:e][:200]!r}]] {text[e:e + w]!r}")
    print(json.dumps(dict(by_rule.most_common()), indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

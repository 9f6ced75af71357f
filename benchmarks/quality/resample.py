"""More tune-split samples of one planted form: the generator's form planted into every tune host, with seeds
build.py never uses, scored by host source and position. TUNE SPLIT ONLY (its hosts, its inventories).

    PYTHONPATH=src .venv/bin/python benchmarks/quality/resample.py breadcrumb [--per-host 2] [--show SOURCE|all]
    PYTHONPATH=src .venv/bin/python benchmarks/quality/resample.py absolute-claim --class self-contradiction
    PYTHONPATH=src .venv/bin/python benchmarks/quality/resample.py control-time-difference --class self-contradiction
    PYTHONPATH=src .venv/bin/python benchmarks/quality/resample.py append-with-dateline --class off-topic --hosts wild

Why: the tune split holds 12-20 documents of each form, too few to show which shapes of a form a rule misses;
this plants the same form (its tune-half templates, forms/*.py) into each tune host --per-host times and prints
found / planted per host source (news-dragnet, clean-corpus, debian-docs) and position where the form records
one. A defect is found when a diagnostic of its class's rule family overlaps it or one of its accepted spans, as
score.py counts; "outside" counts that family's findings that overlap no planted span (a control form has no
span: every finding of the family is outside); "spilling into the host" counts findings on a planted span whose
region also covers host text before or after all planted spans (a region drawn too wide). Numbers from it are
tune numbers: never report them as held out.

--hosts wild plants the same tune-half forms into the wild grounds' documents instead (sources.wild_hosts: Perl
and Python manuals, the Debian Reference, scripture, glossaries, quotation files; no split holds them), to see how
a form fares in registers the tune hosts lack (a manual page that ends on "SEE ALSO" hid every article pasted
after it, 2026-12-03). Once looked at, these are tuning numbers too.
"""

from __future__ import annotations

import argparse
import collections
import os
import random
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import sources  # noqa: E402
from build import forms  # noqa: E402
from common import CLASS_RULES, CLASSES, PlantContext  # noqa: E402
from scoring import lint_files, overlaps  # noqa: E402

SEED = 5  # not build.py's


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("form", help="a form or control name as cases.jsonl spells it (breadcrumb, absolute-claim, ...)")
    ap.add_argument("--class", dest="cls", choices=CLASSES, default="boilerplate")
    ap.add_argument("--per-host", type=int, default=1)
    ap.add_argument("--show", help="print the missed defects of this host source ('all': every source)")
    ap.add_argument("--show-outside", action="store_true", help="print the findings outside planted spans")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--hosts", choices=("tune", "wild"), default="tune",
                    help="plant into the tune hosts, or into the wild grounds' documents (registers no split holds)")
    ap.add_argument("--per-source", type=int, default=40, help="with --hosts wild: at most this many hosts a source")
    args = ap.parse_args(argv)
    fmap, cmap = forms(args.cls)
    table = {**fmap, **cmap}
    name = args.form.replace("_", "-")
    form = table.get(name) or table.get(args.form)
    if form is None:
        ap.error(f"no form {args.form!r} for {args.cls}: {', '.join(sorted(table))}")
    donors = sources.hosts("tune")
    hosts = donors if args.hosts == "tune" else sources.wild_hosts(args.per_source)
    needs_chrome, needs_nli = args.cls == "boilerplate", args.cls == "self-contradiction"
    ctx = PlantContext(split="tune", hosts=donors, chrome=sources.chrome_blocks("tune") if needs_chrome else [],
                       nli=sources.nli("tune") if needs_nli else [])
    rng = random.Random(SEED)
    tmp = tempfile.mkdtemp(prefix="resample-")
    rows = []
    for host in hosts:
        for _ in range(args.per_host):
            planted = form(random.Random(rng.random()), host, ctx)
            if planted is None:
                continue
            path = os.path.join(tmp, f"{len(rows):05d}{host.suffix}")
            Path(path).write_text(planted.text, encoding="utf-8")
            rows.append((path, host, planted))
    results = lint_files([r[0] for r in rows], args.jobs)
    family = CLASS_RULES[args.cls]
    counts: collections.Counter = collections.Counter()
    by_op: collections.Counter = collections.Counter()  # a restatement's variations (meta "variation")
    by_order: collections.Counter = collections.Counter()  # found or not, defect by defect, when a form plants 2+
    outside = spill = 0
    for path, host, planted in rows:
        mine = [(s, e) for rule, s, e in results[path] if rule.split("/", 1)[0] == family]
        zones_all = [z for d in planted.defects for z in [d.span, *d.accept]]
        out = [(s, e) for s, e in mine if not any(overlaps(s, e, a, b) for a, b in zones_all)]
        outside += len(out)
        # findings on a planted span that also cover host text before or after all planted spans (a region
        # drawn too wide: the off-topic block that starts a paragraph early)
        spans = [d.span for d in planted.defects]
        spill += sum(1 for s, e in mine if (s, e) not in out and spans and
                     (s < min(a for a, _ in spans) - 2 or e > max(b for _, b in spans) + 2))
        if out and args.show_outside:
            for s, e in out:
                print("OUTSIDE", host.source, repr(planted.text[max(0, s - 60): e + 60])[:400])
        hits = []
        for d in planted.defects:
            hit = any(overlaps(s, e, a, b) for s, e in mine for a, b in [d.span, *d.accept])
            hits.append(hit)
            key = (host.source, str(planted.meta.get("where", "-")))
            counts[key + (hit,)] += 1
            if "variation" in planted.meta:  # a restatement: tally its variations ("none" if unvaried)
                for op in planted.meta["variation"] or ["none"]:
                    by_op[(op, hit)] += 1
            if not hit and args.show in ("all", host.source):
                a, b = d.span
                extra = "" if not d.accept else " | EARLIER " + repr(planted.text[slice(*d.accept[0])])[:300]
                print("MISS", *key, path, f"{a}-{b}", repr(planted.text[max(0, a - 80): b + 80])[:400] + extra)
        if len(hits) > 1:
            by_order[tuple(hits)] += 1
    for key in sorted({k[:2] for k in counts}):
        found, total = counts[key + (True,)], counts[key + (True,)] + counts[key + (False,)]
        print(f"{key[0]:14} {key[1]:12} {found:4d} / {total:4d}")
    for op in sorted({k[0] for k in by_op}):
        print(f"  variation {op:18} {by_op[(op, True)]:4d} / {by_op[(op, True)] + by_op[(op, False)]:4d}")
    for pattern, n in sorted(by_order.items(), key=lambda kv: -kv[1]):
        print(f"  found by place {' '.join('+' if h else '-' for h in pattern):18} {n:4d} documents")
    found = sum(v for k, v in counts.items() if k[2])
    print(f"{'all':27} {found:4d} / {sum(counts.values()):4d}   documents {len(rows)}, "
          f"{family} findings outside planted spans {outside}, spilling into the host {spill}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

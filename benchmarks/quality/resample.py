"""More tune-split samples of one boilerplate form: the generator's form planted into every tune host, with seeds
build.py never uses, scored by host source and position. TUNE SPLIT ONLY (its hosts, its inventories).

    PYTHONPATH=src .venv/bin/python benchmarks/quality/resample.py breadcrumb [--per-host 2] [--show SOURCE|all]

Why: the tune split holds 12-16 documents of each boilerplate form, too few to show which shapes of a form the
rule misses; this plants the same form (its tune-half templates, forms/boilerplate.py) into each tune host
--per-host times and prints found / planted per host source (news-dragnet, clean-corpus, debian-docs) and
position (top, interior, bottom, ...). A block is found when a boilerplate diagnostic overlaps it, as score.py
counts. Numbers from it are tune numbers: never report them as held out.
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
from common import PlantContext  # noqa: E402
from forms import boilerplate as forms  # noqa: E402
from scoring import lint_files, overlaps  # noqa: E402

SEED = 5  # not build.py's


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("form", help="a function of forms/boilerplate.py: breadcrumb, forum_panel, byline_meta, ...")
    ap.add_argument("--per-host", type=int, default=1)
    ap.add_argument("--show", help="print the missed blocks of this host source ('all': every source)")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args(argv)
    form = getattr(forms, args.form, None)
    if form is None or args.form.startswith("_"):
        ap.error(f"no form {args.form!r} in forms/boilerplate.py")
    hosts = sources.hosts("tune")
    ctx = PlantContext(split="tune", hosts=hosts, chrome=[], nli=[])
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
    counts: collections.Counter = collections.Counter()
    for path, host, planted in rows:
        span = planted.defects[0].span
        hit = any(rule.startswith("boilerplate") and overlaps(s, e, *span) for rule, s, e in results[path])
        key = (host.source, planted.meta.get("where", "?"))
        counts[key + (hit,)] += 1
        if not hit and args.show in ("all", host.source):
            a, b = span
            print("MISS", *key, repr(planted.text[max(0, a - 80): b + 80])[:400])
    for key in sorted({k[:2] for k in counts}):
        found, total = counts[key + (True,)], counts[key + (True,)] + counts[key + (False,)]
        print(f"{key[0]:14} {key[1]:12} {found:4d} / {total:4d}")
    found = sum(v for k, v in counts.items() if k[2])
    print(f"{'all':27} {found:4d} / {sum(counts.values()):4d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

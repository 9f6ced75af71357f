"""Findings on unplanted documents of a genre neither split holds: a false-positive hunting ground.

    .venv/bin/python benchmarks/quality/wild.py                       # counts per 1,000 words, by family and source
    .venv/bin/python benchmarks/quality/wild.py --show self-contradiction --sample 10
    .venv/bin/python benchmarks/quality/wild.py --every 3 --json out.json

The documents are the throughput corpus that `benchmarks/build_corpus.py` builds from Debian's documentation
packages (Python 3.11's reST sources, Perl's POD, the Debian Reference, the Debian Administrator's Handbook):
technical prose by many authors, a genre the tune hosts (news, essays) barely hold and the test hosts (news,
speeches, CleanEval pages) do not. Nothing is planted, so a document-level finding is a false positive unless it
points at real residue of the corpus's own conversion (a dropped code block leaves "Code such as" followed by a
lowercase paragraph; a reST grid table stays as "+----+" lines). Read a sample before calling a count a rate of
errors. The handbook is also a tune-split host; the other three sources are in no split.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "benchmarks" / "out" / "corpus"
FAMILIES = ("boilerplate", "stray-token", "self-contradiction", "off-topic-content", "duplicated-conclusion",
            "duplicate-text")


def source_of(path: str) -> str:
    """The source in the throughput corpus's names (NNNN_<source>_<name>.md); "other" in any other folder."""
    parts = Path(path).name.split("_")
    return parts[1] if len(parts) > 2 and parts[0].isdigit() else "other"


def run(files: list[Path], select: str) -> list[dict]:
    command = [sys.executable, "-m", "prose_lint", "check", "--no-grammar", "--isolated", "--output-format",
               "json", "--exit-zero", "--select", select, *map(str, files)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        sys.exit(f"prose-lint failed ({done.returncode}): {done.stderr.strip()[:500]}")
    return json.loads(done.stdout or "[]")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--select", default=",".join(FAMILIES), help="rules or families (default: document-level)")
    parser.add_argument("--every", type=int, default=1, help="take every Nth file (a faster sample)")
    parser.add_argument("--show", help="print a sample of findings whose rule starts with this")
    parser.add_argument("--sample", type=int, default=12)
    parser.add_argument("--json", type=Path, help="write the findings here")
    args = parser.parse_args()
    files = sorted(args.corpus.glob("*.md"))[:: args.every]
    if not files:
        sys.exit(f"{args.corpus}: no corpus; run benchmarks/setup.sh (or build_corpus.py) first")
    words = collections.Counter()
    for path in files:
        words[source_of(str(path))] += len(path.read_text(encoding="utf-8").split())
    findings = run(files, args.select)
    if args.json:
        args.json.write_text(json.dumps(findings, indent=1))
    counts = collections.Counter((f["rule"].split("/")[0], source_of(f["path"])) for f in findings)
    total = sum(words.values())
    print(f"{len(files)} files, {total:,} words")
    sources = sorted(words)
    print(f"{'family':24}" + "".join(f"{s:>10}" for s in sources) + f"{'all':>10}   (findings per 1,000 words)")
    for family in sorted({family for family, _ in counts}):
        row = [counts[family, s] * 1000 / words[s] for s in sources]
        all_ = sum(counts[family, s] for s in sources) * 1000 / total
        print(f"{family:24}" + "".join(f"{v:10.3f}" for v in row) + f"{all_:10.3f}")
    by_rule = collections.Counter(f["rule"] for f in findings)
    print("by rule:", ", ".join(f"{rule} {n}" for rule, n in by_rule.most_common()))
    if args.show:
        chosen = [f for f in findings if f["rule"].startswith(args.show)]
        for f in random.Random(0).sample(chosen, min(args.sample, len(chosen))):
            line = Path(f["path"]).read_text(encoding="utf-8").split("\n")[f["line"] - 1]
            print(f"\n{Path(f['path']).name}:{f['line']}:{f['column']} {f['rule']}: {f['message'][:200]}")
            print(f"    > {line[:220]}")


if __name__ == "__main__":
    main()

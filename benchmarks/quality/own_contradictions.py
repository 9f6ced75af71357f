"""Self-contradiction on pairs written for the project: recall per form and false alarms on controls.

    .venv/bin/python benchmarks/quality/own_contradictions.py [--half dev|held|all] [--show misses|alarms]
    .venv/bin/python benchmarks/quality/own_contradictions.py --file benchmarks/quality/own/antonym-probe.toml

``--file`` scores one probe file alone (any name but contradictions*.toml, so that the default run leaves it
out), every entry in the development half, planted in the same hosts by the same rule.

The pairs and controls are data (benchmarks/quality/own/contradictions.toml), written by hand in wordings and
genres of our own, not taken from either split or from the forms of build.py: a check that the rule finds
contradictions as other writers phrase them. Entries at even positions of each list are the development half;
odd positions are the held-back half, scored only at the end of a session so that it stays a fair test.
Every entry of own/contradictions-dev*.toml (later development sets) is in the development half; their entries
take hosts after those of the first file, so adding them moves no earlier pair to another host.

Each pair is planted into a public-domain host of ../shared/corpus/clean (the inaugural addresses speech01-10
and Chesterton's essays essay01-08): the earlier sentence is appended to one paragraph, the later one to a
paragraph three or four paragraphs on. A pair counts as found when a self-contradiction diagnostic overlaps
either planted sentence; a control is a false alarm on the same terms. Findings on the host's own text are
counted apart (they are the same for every pair planted in that host).
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).with_name("own") / "contradictions.toml"
# Further development sets: every entry of these is in the development half (none is held back).
DEV_ONLY = sorted(Path(__file__).with_name("own").glob("contradictions-dev*.toml"))
SHARED = Path(os.environ.get("PROSE_LINT_SHARED", ROOT.parent / "shared"))
HOSTS = [f"speech{i:02d}.txt" for i in range(1, 11)] + [f"essay{i:02d}.txt" for i in range(1, 9)]


def plant(host: str, i: int, earlier: str, later: str) -> tuple[str, dict]:
    """The host with the two sentences appended to paragraphs p and q (three or four paragraphs of 25 words or more apart); their spans by line."""
    paras = host.split("\n\n")
    # A paragraph that ends a sentence: one that ends on a colon introduces the next ("... the prophet Micah:"), and
    # a sentence appended to it would join its last sentence (fixed 2026-12-02; before, 8 development and 10
    # held-back entries, pairs and controls, had a sentence joined so, most of them in speech07).
    prose = [k for k, p in enumerate(paras) if len(p.split()) >= 25 and p.rstrip()[-1:] in ".!?\"'”’)"]
    gap = 3 + i % 2  # long paragraphs apart, so at least 3 paragraphs
    first = min(1 + i % 3, len(prose) - 1 - gap)
    p, q = prose[first], prose[first + gap]
    spans = {}
    for k, sent in ((p, earlier), (q, later)):
        spans[k] = len(paras[k]) + 1
        paras[k] = paras[k] + " " + sent
    text = "\n\n".join(paras)
    # Each paragraph is one line: paragraph k is on line 2k+1 (a blank line between paragraphs).
    return text, {2 * k + 1: col for k, col in spans.items()}


def run(files: list[Path]) -> list[dict]:
    command = [sys.executable, "-m", "prose_lint", "check", "--no-grammar", "--isolated", "--output-format",
               "json", "--exit-zero", "--select", "self-contradiction", *map(str, files)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        sys.exit(f"prose-lint failed ({done.returncode}): {done.stderr.strip()[:500]}")
    return json.loads(done.stdout or "[]")


def touches(diag: dict, spans: dict) -> bool:
    """Whether the diagnostic (or its related earlier statement) covers a planted sentence."""
    regions = [(diag["line"], diag["column"], diag["end_line"], diag["end_column"])]
    regions += [(r["line"], r["column"], r["end_line"], r["end_column"]) for r in diag.get("related", [])]
    return any(line <= sl <= end_line and (sl != end_line or end_col > col)
               for line, _, end_line, end_col in regions for sl, col in spans.items())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("dev", "held", "all"), default="dev")
    parser.add_argument("--show", choices=("misses", "alarms", "found"))
    parser.add_argument("--json", type=Path)
    parser.add_argument("--file", type=Path, action="append",
                        help="score only these development files (every entry in the development half), "
                             "e.g. own/antonym-probe.toml")
    args = parser.parse_args()
    if args.file:
        if args.half != "dev":
            sys.exit("--file takes only --half dev: a probe file has no held-back half")
        data, dev_only, extras = {}, set(), args.file
    else:
        data = tomllib.loads(DATA.read_text(encoding="utf-8"))
        dev_only, extras = set(), DEV_ONLY
    for extra in extras:
        more = tomllib.loads(extra.read_text(encoding="utf-8"))
        dev_only |= set(more)
        data.update(more)
    hosts = [(SHARED / "corpus" / "clean" / h).read_text(encoding="utf-8") for h in HOSTS]
    cases = []  # (form, kind, index, earlier, later, host index)
    seen = 0  # an entry's host depends on its place in the file only, never on which half is scored
    for form, lists in data.items():
        for kind in ("contra", "control"):
            for i, (a, b) in enumerate(lists[kind]):
                dev = form in dev_only or i % 2 == 0
                if args.half == "all" or dev == (args.half == "dev"):
                    cases.append((form, kind, i, a, b, (i + seen) % len(hosts)))
                seen += 1
    with tempfile.TemporaryDirectory() as tmp:
        files, spans = [], []
        for n, (form, kind, i, a, b, h) in enumerate(cases):
            text, span = plant(hosts[h], i, a, b)
            path = Path(tmp) / f"{n:04d}.txt"
            path.write_text(text, encoding="utf-8")
            files.append(path)
            spans.append(span)
        by_file = collections.defaultdict(list)
        for diag in run(files):
            by_file[Path(diag["path"]).name].append(diag)
    tally = collections.defaultdict(lambda: [0, 0])
    host_findings = 0
    out = []
    for n, (form, kind, i, a, b, h) in enumerate(cases):
        diags = by_file.get(f"{n:04d}.txt", [])
        hit = [d for d in diags if touches(d, spans[n])]
        host_findings += len(diags) - len(hit)
        tally[(form, kind)][0] += bool(hit)
        tally[(form, kind)][1] += 1
        out.append({"form": form, "kind": kind, "index": i, "earlier": a, "later": b, "flagged": bool(hit),
                    "tests": [d["properties"]["test"] for d in hit]})
        show = {"misses": kind == "contra" and not hit, "alarms": kind == "control" and hit,
                "found": kind == "contra" and hit}
        if args.show and show[args.show]:
            print(f"[{form} {i}] {a}\n        {b}\n        {[d['properties']['test'] for d in hit]}")
    print(f"\nhalf: {args.half}")
    print(f"{'form':10} {'found':>9} {'controls flagged':>17}")
    totals = [0, 0, 0, 0]
    for form in data:
        if (form, "contra") not in tally:
            continue
        f, n = tally[(form, "contra")]
        c, m = tally[(form, "control")]
        totals = [totals[0] + f, totals[1] + n, totals[2] + c, totals[3] + m]
        print(f"{form:10} {f:>4}/{n:<4} {c:>8}/{m:<4}")
    print(f"{'all':10} {totals[0]:>4}/{totals[1]:<4} {totals[2]:>8}/{totals[3]:<4}   host findings {host_findings}")
    if args.json:
        args.json.write_text(json.dumps(out, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()

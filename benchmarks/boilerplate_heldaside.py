"""Recall of the `boilerplate` rule on hand-written chrome blocks it was not tuned on.

    .venv/bin/python benchmarks/boilerplate_heldaside.py [--show]

Each block of tests/fixtures/boilerplate/heldaside.toml (breadcrumbs, bylines and meta lines, footers, share
bars, sign-ups, forum panels, Markdown chrome, in wordings and layouts the quality corpus's tune split lacks) is
planted into real prose: the tune split's unmodified news and essay hosts, taken in turn. A block is found
when a `boilerplate` diagnostic overlaps it; a diagnostic elsewhere is a false positive on the host. A block of
kind "control" is the text's own line in chrome's shape (a verse line between dots, a README's links to its docs):
one flagged is a false positive, counted apart. The set
is a check of generalisation, never a tuning target: a change that helps only here is overfitting to it.
Needs the quality corpus (benchmarks/quality/build.py).
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BLOCKS = ROOT / "tests" / "fixtures" / "boilerplate" / "heldaside.toml"
TUNE = ROOT / "benchmarks" / "out" / "quality" / "tune"


def hosts(n: int = 12) -> list[str]:
    """The first n unmodified news and essay hosts of the tune split (not the Debian handbook: it is a manual)."""
    out = []
    for line in (TUNE / "cases.jsonl").read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        if case["form"] == "unmodified" and case["source"] != "debian-docs":
            out.append((TUNE / case["file"]).read_text(encoding="utf-8"))
    return out[:n]


def plant(host: str, block: str, where: str) -> tuple[str, int, int]:
    """The host with the block inserted as paragraphs of its own at `where`; the block's character span."""
    paras = host.strip("\n").split("\n\n")
    if where == "start":
        at = 0
    elif where == "after-title":
        at = 1 if len(paras[0].split()) <= 15 else 0
    elif where == "interior":
        at = len(paras) // 2
    else:
        at = len(paras)
    head = "\n\n".join(paras[:at])
    head += "\n\n" if head else ""
    text = head + block + "\n\n" + "\n\n".join(paras[at:]) + "\n"
    return text, len(head), len(head) + len(block)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print the missed blocks and the false positives")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from prose_lint.config import Settings
    from prose_lint.engine import Linter
    from prose_lint.executors.pool import lint_paths

    blocks = tomllib.loads(BLOCKS.read_text(encoding="utf-8"))["block"]
    texts = hosts()
    tmp = Path(tempfile.mkdtemp(prefix="bp-heldaside-"))
    planted = []
    for n, b in enumerate(blocks):
        text, s, e = plant(texts[n % len(texts)], b["text"], b["where"])
        path = tmp / f"{n:03d}.md"
        path.write_text(text, encoding="utf-8")
        planted.append((str(path), s, e, b))
    linter = Linter(Settings(no_grammar=True, select=["boilerplate"]))
    found = collections.Counter()
    total = collections.Counter()
    fp = 0
    for (path, s, e, b), result in zip(planted, lint_paths(linter, [p[0] for p in planted], 2)):
        hit = any(d.start < e and s < max(d.end, d.start + 1) for d in result.diagnostics)
        total[b["kind"]] += 1
        found[b["kind"]] += hit
        if b["kind"] == "control":
            if args.show and hit:
                print(f"CONTROL FLAGGED ({b['where']}): {b['text'][:100]!r}")
            continue
        text = Path(path).read_text(encoding="utf-8")
        for d in result.diagnostics:
            if not (d.start < e and s < max(d.end, d.start + 1)):
                fp += 1
                if args.show:
                    print(f"FP {b['kind']}: {text[d.start:d.end][:120]!r}")
        if args.show and not hit and b["kind"] != "control":
            print(f"MISSED {b['kind']} ({b['where']}): {b['text'][:100]!r}")
    controls, flagged = total.pop("control", 0), found.pop("control", 0)
    for kind in total:
        print(f"{kind:20} {found[kind]:3d} / {total[kind]:3d}")
    print(f"{'all':20} {sum(found.values()):3d} / {sum(total.values()):3d} = {sum(found.values()) / sum(total.values()):.2f};"
          f" false positives on the hosts: {fp}; controls flagged (the text's own bars and rows): {flagged} / {controls}")


if __name__ == "__main__":
    main()

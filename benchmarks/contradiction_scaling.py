"""How self-contradiction's cost grows with document length: one document of 10k, 100k and 1M words.

    .venv/bin/python benchmarks/contradiction_scaling.py [--sizes 10000,100000,1000000] [--repeat 3]

The rule must not compare pairs of sentences in a way that grows quadratically with the document. Each
document is real prose, read where it lies (nothing is copied into the repository): the essays, news,
papers, speeches and reports of ``../shared/corpus/clean`` (57k words), then the Dragnet news and blog texts
of ``../shared/data/news`` (193k words, tune-split hosts of benchmarks/quality), joined with blank lines
into one Markdown document and cycled from the start once they run out (the 1M-word document holds each
text about four times: the rule analyses a repeated sentence once and scores a repeated pair of texts once,
so the cycled part is cheaper than distinct text would be; the 100k-word document is all distinct).
``PROSE_LINT_SHARED`` names another place for ``../shared``.

For each size: the document is parsed and split into sentences (not timed: every document-level rule
shares that), then ``find_contradictions`` runs alone in this process (CPU seconds, the best of
``--repeat`` runs; the first run of the smallest size also loads the lexicon and the model), and a second,
instrumented run counts the work: candidate pairs proposed by the inverted index, pairs aligned and scored
by the learned scorer, and candidates looked at by the explicit tests. Linear cost shows as a flat
"µs/word" column and candidate pairs per sentence that do not grow with the document.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from prose_lint.checks.contradiction import find_contradictions  # noqa: E402
from prose_lint.checks.contradiction import explicit, rule, scorer  # noqa: E402
from prose_lint.parse import parse_source  # noqa: E402
from prose_lint.source import Source  # noqa: E402


def shared() -> Path:
    return Path(os.environ.get("PROSE_LINT_SHARED", ROOT.parent / "shared"))


def texts() -> list[str]:
    """The real texts, in a fixed order: the clean corpus, then the Dragnet news texts."""
    clean = sorted(p for p in (shared() / "corpus" / "clean").iterdir() if p.suffix in (".txt", ".md"))
    out = [p.read_text(encoding="utf-8") for p in clean]
    news = shared() / "data" / "news"
    for line in (news / "index.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec["id"].startswith("dragnet"):
            out.append((news / rec["file"]).read_text(encoding="utf-8"))
    return out


def document(words: int, pool: list[str]) -> tuple[str, int, int]:
    """(text of at least ``words`` words, its word count, how many texts it joins)."""
    parts, n, k = [], 0, 0
    while n < words:
        t = pool[k % len(pool)]
        parts.append(t.strip())
        n += len(t.split())
        k += 1
    return "\n\n".join(parts) + "\n", n, k


class Counts:
    """Wraps the rule's steps to count the work they do (only in the instrumented run)."""

    def __init__(self) -> None:
        self.candidates = self.aligned = self.explicit = 0

    def __enter__(self) -> "Counts":
        self.saved = (rule._pair_candidates, scorer.pair_features, explicit._candidates)
        pc, pf, ec = self.saved

        def pair_candidates(*a, **k):
            out = pc(*a, **k)
            self.candidates += len(out)
            return out

        def pair_features(*a, **k):
            self.aligned += 1
            return pf(*a, **k)

        def candidates(*a, **k):
            out = ec(*a, **k)
            self.explicit += len(out)
            return out

        rule._pair_candidates, scorer.pair_features, explicit._candidates = pair_candidates, pair_features, candidates
        return self

    def __exit__(self, *exc) -> None:
        rule._pair_candidates, scorer.pair_features, explicit._candidates = self.saved


def measure(words: int, pool: list[str], repeat: int) -> dict:
    text, n, k = document(words, pool)
    doc = parse_source(Source(f"scaling-{words}.md", text))
    sents = sum(len(doc.sentences(b)) for b in doc.paragraphs)  # also warms the sentence cache
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        found = find_contradictions(doc)
        best = min(best, time.process_time() - t0)
    with Counts() as c:
        find_contradictions(doc)
    return {"words": n, "texts": k, "sentences": sents, "cpu_s": round(best, 3),
            "us_per_word": round(1e6 * best / n, 2), "candidate_pairs": c.candidates,
            "per_sentence": round(c.candidates / max(1, sents), 2), "aligned": c.aligned,
            "explicit_candidates": c.explicit, "found": len(found)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", help="also write the rows and the machine note here")
    args = ap.parse_args()
    pool = texts()
    rows = [measure(int(s), pool, args.repeat) for s in args.sizes.split(",")]
    cols = ("words", "texts", "sentences", "cpu_s", "us_per_word", "candidate_pairs", "per_sentence", "aligned",
            "explicit_candidates", "found")
    print("| " + " | ".join(cols) + " |")
    print("|" + "---|" * len(cols))
    for r in rows:
        print("| " + " | ".join(f"{r[c]:,}" if isinstance(r[c], int) else str(r[c]) for c in cols) + " |")
    note = {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "python": platform.python_version(),
            "machine": f"{platform.machine()}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}"}
    print(note)
    if args.json:
        Path(args.json).write_text(json.dumps({"note": note, "rows": rows}, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

"""The pieces score.py is made of: running prose-lint, matching spans, line-level web-page scores, seed rows."""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

import sources

DOCUMENT_FAMILIES = ("boilerplate", "stray-token", "self-contradiction", "off-topic-content", "duplicated-conclusion")


def lint_files(paths: list[str], jobs: int = 0) -> dict[str, list[tuple[str, int, int]]]:
    """path -> [(rule, start, end)] with prose-lint's defaults, LanguageTool off (as `--no-grammar`)."""
    from prose_lint.config import Settings
    from prose_lint.engine import Linter
    from prose_lint.executors.pool import lint_paths

    linter = Linter(Settings(no_grammar=True, jobs=jobs))
    out: dict[str, list[tuple[str, int, int]]] = {}
    for path, result in zip(paths, lint_paths(linter, paths, jobs)):
        if result.error:
            print(f"score: {result.error}", file=sys.stderr)
        out[path] = [(d.rule, d.start, d.end) for d in result.diagnostics]
    return out


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The 95% Wilson score interval of a proportion k/n: with 12-20 planted defects per form and 160 per
    class, a difference of a few points is within chance, and the report says how wide chance is."""
    if n <= 0:
        return 0.0, 1.0
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * ((p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def overlaps(s: int, e: int, a: int, b: int) -> bool:
    """Does the diagnostic [s, e) (an empty one counts as its first character) overlap [a, b)?"""
    return s < b and a < max(e, s + 1)


def prf(found: int, planted: int, tp: int, fp: int) -> dict:
    recall = found / planted if planted else 0.0
    precision = tp / (tp + fp) if tp + fp else (1.0 if planted == 0 else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"recall": round(recall, 3), "precision": round(precision, 3), "f1": round(f1, 3)}


def _line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]


def _line_of(starts: list[int], offset: int) -> int:
    import bisect

    return bisect.bisect_right(starts, offset)  # 1-based


def flagged_lines(text: str, diags: list[tuple[str, int, int]], family: str) -> set[int]:
    starts = _line_starts(text)
    lines: set[int] = set()
    for rule, s, e in diags:
        if rule.split("/", 1)[0] == family:
            lines.update(range(_line_of(starts, s), _line_of(starts, max(s, e - 1)) + 1))
    return lines


def score_webpages(records: list[dict], jobs: int = 0, sample: int | None = None) -> dict:
    """Line-level boilerplate scores on labelled web pages (``unsure`` and blank lines left out)."""
    if sample:
        per: dict[str, int] = defaultdict(int)
        kept = []
        for rec in records:
            if per[rec["dataset"]] < sample:
                per[rec["dataset"]] += 1
                kept.append(rec)
        records = kept
    diags = lint_files([r["path"] for r in records], jobs)
    tp = fp = fn = content_words = 0
    top_ok = top_n = bottom_ok = bottom_n = 0
    by_dataset: dict[str, dict] = defaultdict(lambda: {"tp": 0, "fp": 0, "fn": 0})
    for rec in records:
        text = Path(rec["path"]).read_text(encoding="utf-8")
        lines = text.split("\n")
        labels = sources.line_labels(rec)
        flagged = flagged_lines(text, diags[rec["path"]], "boilerplate")
        row = by_dataset[rec["dataset"]]
        for n, label in labels.items():
            if label == "chrome":
                tp += n in flagged
                fn += n not in flagged
                row["tp" if n in flagged else "fn"] += 1
            else:
                fp += n in flagged
                row["fp"] += n in flagged
                content_words += len(lines[n - 1].split())
        content = sorted(n for n, lab in labels.items() if lab == "content")
        top = [n for n, lab in labels.items() if lab == "chrome" and n < content[0]] if content else []
        bottom = [n for n, lab in labels.items() if lab == "chrome" and n > content[-1]] if content else []
        if top:
            top_n += 1
            top_ok += sum(n in flagged for n in top) * 2 >= len(top)
        if bottom:
            bottom_n += 1
            bottom_ok += sum(n in flagged for n in bottom) * 2 >= len(bottom)
    scores = prf(tp, tp + fn, tp, fp)
    return {"pages": len(records), "chrome_lines": tp + fn, "content_lines": sum(
                1 for r in records for lab in sources.line_labels(r).values() if lab == "content"),
            "tp": tp, "fp": fp, "fn": fn, **scores,
            "top_half_flagged": round(top_ok / top_n, 3) if top_n else 0.0,
            "bottom_half_flagged": round(bottom_ok / bottom_n, 3) if bottom_n else 0.0,
            "content_flagged_per_1000_words": round(fp / (content_words / 1000), 3) if content_words else 0.0,
            "by_dataset": {k: {**v, **prf(v["tp"], v["tp"] + v["fn"], v["tp"], v["fp"])} for k, v in by_dataset.items()}}


# -- seeds -------------------------------------------------------------
# EXPECTED.md's "Must not be flagged" rows for the document-level rules: (file prefix, line or None, family).
MUST_NOT = [("004", 43, "duplicated-conclusion")] + [(f, None, "off-topic-content") for f in ("000", "001", "003", "004")] \
    + [(f, None, "self-contradiction") for f in ("001", "003", "004")]


def seed_rows(expected: Path) -> list[tuple[str, list[tuple[int, int | None]], list[str]]]:
    """The "Must be found" rows whose families are all document-level: (file, [(line, col)], families).
    A row that lists several lines counts as found when one of them is (the unit tests check each line)."""
    rows = []
    section = ""
    for line in expected.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            section = line
        if "Must be found" not in section or not line.startswith("| 0"):
            continue
        cells = [c.strip() for c in line.strip("|").split("|")]
        families = [f.split("/", 1)[0] for f in re.findall(r"`([^`]+)`", cells[2])]
        if not families or any(f not in DOCUMENT_FAMILIES for f in families):
            continue
        spots = [(int(a), int(b) if b else None) for a, b in re.findall(r"(\d+)(?::(\d+))?", cells[1])]
        rows.append((cells[0], spots, families))
    return rows


def score_seeds(seeds: Path) -> dict:
    paths = {p.name[:3]: p for p in seeds.glob("*.txt")}
    results = lint_files([str(p) for p in paths.values()], jobs=1)
    texts = {k: p.read_text(encoding="utf-8-sig") for k, p in paths.items()}

    def hits(prefix: str, line: int, col: int | None, family: str) -> bool:
        starts = _line_starts(texts[prefix])
        for rule, s, e in results[str(paths[prefix])]:
            if rule.split("/", 1)[0] != family:
                continue
            sl, el = _line_of(starts, s), _line_of(starts, max(s, e - 1))
            if col is None:
                if sl <= line <= el:
                    return True
                continue
            sc, ec = s - starts[sl - 1] + 1, e - starts[el - 1] + 1
            if (sl, sc) <= (line, col) < (el, max(ec, sc + 1)) or (sl == line and abs(sc - col) <= 40):
                return True
        return False

    rows = seed_rows(seeds / "EXPECTED.md")
    missed = [f"{f} {spots[0][0]} {'/'.join(fams)}" for f, spots, fams in rows
              if not any(hits(f, line, col, fam) for line, col in spots for fam in fams)]
    violations = []
    for prefix, line, family in MUST_NOT:
        bad = [r for r, s, e in results[str(paths[prefix])] if r.split("/", 1)[0] == family]
        if line is not None:
            bad = [1] if hits(prefix, line, None, family) else []
        if bad:
            violations.append(f"{prefix} {family}" + (f" at line {line}" if line else ""))
    return {"rows": len(rows), "found": len(rows) - len(missed), "missed": missed, "violations": violations}

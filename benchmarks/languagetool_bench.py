"""LanguageTool benchmark (a script, not a test): prose-lint vs LanguageTool alone.

    .venv/bin/python benchmarks/languagetool_bench.py [--runs 3] [--skip-cli]

On the seed 000 (5.7k words) and on a ~100k-word corpus built from tests/fixtures
(seeds + clean corpus, plus a second copy with small word substitutions so that
no paragraph repeats), it reports side by side:

- LanguageTool's own command line (``org.languagetool.commandline.Main``) on the same text;
- LanguageTool's server alone: the plain text of each file POSTed to the warm daemon, one request per file,
  one at a time and (corpus) two at a time;
- prose-lint cold: no server running, empty cache (``prose-lint check --select grammar,spelling``);
- prose-lint warm: server running, empty result cache;
- prose-lint warm on a text new to the server (a fresh daemon that first checked four other documents);
- prose-lint with one paragraph edited: warm, cache filled;
- peak memory (max RSS) of the prose-lint main process (not its worker processes) and of the JVM (VmHWM).

Everything runs in a private cache dir (PROSE_LINT_CACHE_DIR) with the installed jars
(PROSE_LINT_LANGUAGETOOL_HOME); the user's daemon and cache are not touched.
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
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
PROSE_LINT = [sys.executable, "-m", "prose_lint"]
SUBST = {"the": "that", "and": "or", "of": "for", "is": "was", "in": "within", "to": "towards", "a": "one"}


def words(text: str) -> int:
    return len(re.findall(r"[^\W\d_]+", text))


def build_corpus(dest: Path) -> tuple[list[Path], int]:
    sources = sorted((FIXTURES / "seeds").glob("*.txt")) + sorted(
        p for p in (FIXTURES / "clean").iterdir() if p.suffix in (".txt", ".md") and p.name != "SOURCES.md")
    dest.mkdir(parents=True, exist_ok=True)
    files, total = [], 0
    for copy in (1, 2):
        for src in sources:
            text = src.read_text(encoding="utf-8")
            if copy == 2:
                text = re.sub(r"\b(the|and|of|is|in|to|a)\b", lambda m: SUBST[m.group(1)], text)
            out = dest / f"c{copy}_{src.name}"
            out.write_text(text, encoding="utf-8")
            files.append(out)
            total += words(text)
            if total >= 100_000:
                return files, total
    return files, total


def run_timed(cmd: list[str], env: dict) -> tuple[float, float, subprocess.CompletedProcess]:
    """Wall seconds and max RSS (MB) of the child."""
    with tempfile.TemporaryFile("w+") as fout, tempfile.TemporaryFile("w+") as ferr:  # no pipe to fill up
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, stdout=fout, stderr=ferr, text=True)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        fout.seek(0)
        ferr.seek(0)
        out, err = fout.read(), ferr.read()
    proc.returncode = os.waitstatus_to_exitcode(status)
    result = subprocess.CompletedProcess(cmd, proc.returncode, out, err)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd[:6])}... failed ({proc.returncode}): {err.strip()[-500:]}")
    return wall, usage.ru_maxrss / 1024, result


def jvm_peak_mb(env: dict) -> float:
    from prose_lint.languagetool import daemon

    old = dict(os.environ)
    os.environ.update(env)
    try:
        state = daemon.read_state(daemon.RunDir())
    finally:
        os.environ.clear()
        os.environ.update(old)
    if not state:
        return float("nan")
    for line in Path(f"/proc/{state.pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def daemon_url(env: dict) -> str:
    state = json.loads((Path(env["PROSE_LINT_CACHE_DIR"]) / "languagetool-run" / "state.json").read_text())
    return f"http://127.0.0.1:{state['port']}/v2/check"


def server_alone(url: str, files: list[Path], workers: int = 1) -> float:
    """Plain text of each file, one request per file (``workers`` at a time): LanguageTool's server by itself."""
    from concurrent.futures import ThreadPoolExecutor

    def one(path: Path) -> None:
        body = urllib.parse.urlencode({"language": "en-US", "text": path.read_text(encoding="utf-8")}).encode()
        with urllib.request.urlopen(urllib.request.Request(url, data=body), timeout=600) as resp:
            json.loads(resp.read())

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(one, files))
    return time.perf_counter() - start


def lt_cli(classpath: str, java: str, files: list[Path]) -> float:
    start = time.perf_counter()
    for path in files:  # one JVM per file, as a user of the command line would run it
        subprocess.run([java, "-cp", classpath, "org.languagetool.commandline.Main", "-l", "en-US", str(path)],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def lt_cli_one_jvm(classpath: str, java: str, files: list[Path], tmp: Path) -> float:
    joined = tmp / "joined.txt"
    joined.write_text("\n\n".join(p.read_text(encoding="utf-8") for p in files), encoding="utf-8")
    start = time.perf_counter()
    subprocess.run([java, "-cp", classpath, "org.languagetool.commandline.Main", "-l", "en-US", str(joined)],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def edit_one_paragraph(path: Path, n: int) -> None:
    text = path.read_text(encoding="utf-8")
    paras = [m for m in re.finditer(r"[^\n]{200,}", text)]
    m = paras[len(paras) // 2]
    path.write_text(text[: m.end()] + f" This sentence were added in edit {n}." + text[m.end():], encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3, help="repetitions of the warm and edit measurements (best kept)")
    ap.add_argument("--skip-cli", action="store_true", help="skip LanguageTool's command line (slow on 100k words)")
    ap.add_argument("--sets", default="seed,corpus", help="which texts: seed, corpus or both (default)")
    args = ap.parse_args()

    from prose_lint.languagetool import install

    inst = install.require_installation()
    java = install.find_java()
    tmp = Path(tempfile.mkdtemp(prefix="lt-bench-"))
    env = dict(os.environ, PROSE_LINT_CACHE_DIR=str(tmp / "cache"), PROSE_LINT_LANGUAGETOOL_HOME=inst.home)
    env.pop("PROSE_LINT_LANGUAGETOOL_SERVER", None)
    results_db = tmp / "cache" / "languagetool-results.sqlite"

    seed_src = next((FIXTURES / "seeds").glob("000_*.txt"))
    seed = tmp / "seed" / seed_src.name
    seed.parent.mkdir()
    shutil.copy(seed_src, seed)
    corpus, corpus_words = build_corpus(tmp / "corpus")
    sets = {"seed 000": ([seed], words(seed.read_text(encoding="utf-8"))), "corpus": (corpus, corpus_words)}
    wanted = set(args.sets.split(","))
    sets = {k: v for k, v in sets.items() if k.split()[0] in wanted}
    check = [*PROSE_LINT, "check", "--select", "grammar,spelling", "--output-format", "json", "--no-cache"]
    # --no-cache (if the main CLI has it) is the CLI's own file cache; try without it when unknown.
    probe = subprocess.run([*PROSE_LINT, "check", "--help"], capture_output=True, text=True, env=env)
    if "--no-cache" not in probe.stdout:
        check = check[:-1]
    check += ["--isolated"] if "--isolated" in probe.stdout else []

    rows = []
    print(f"LanguageTool {inst.version}, {java.describe()}, {os.cpu_count()} cores; tmp {tmp}", file=sys.stderr)
    for name, (files, nwords) in sets.items():
        row = {"set": name, "files": len(files), "words": nwords}
        # cold: no server, empty cache
        subprocess.run([*PROSE_LINT, "languagetool", "stop"], env=env, capture_output=True)
        if results_db.exists():
            results_db.unlink()
        row["cold"], rss, out = run_timed([*check, *map(str, files)], env)
        row["diagnostics"] = out.stdout.count('"rule": "grammar/') + out.stdout.count('"rule": "spelling/')
        # warm: server running (and JIT-warm), empty result cache
        warm = []
        for _ in range(args.runs):
            if results_db.exists():
                results_db.unlink()
            wall, rss_w, _ = run_timed([*check, *map(str, files)], env)
            warm.append(wall)
            rss = max(rss, rss_w)
        row["warm"] = min(warm)
        # one paragraph edited: warm, cache filled
        edits = []
        for n in range(args.runs):
            edit_one_paragraph(files[0], n)
            wall, rss_e, _ = run_timed([*check, *map(str, files)], env)
            edits.append(wall)
            rss = max(rss, rss_e)
        row["edit"] = min(edits)
        # LanguageTool's server alone (same warm daemon), plain text per file
        url = daemon_url(env)
        row["server_alone"] = min(server_alone(url, files) for _ in range(max(1, args.runs - 1)))
        if len(files) > 1:
            row["server_alone_2"] = min(server_alone(url, files, 2) for _ in range(max(1, args.runs - 1)))
        row["py_rss_mb"] = rss
        row["jvm_peak_mb"] = jvm_peak_mb(env)
        if not args.skip_cli:
            if len(files) == 1:
                row["lt_cli"] = lt_cli(inst.classpath, java.path, files)
            else:
                row["lt_cli"] = lt_cli_one_jvm(inst.classpath, java.path, files, tmp)
        if len(files) == 1:
            # warm, but the text is new to the JVM: a fresh daemon that first checked other documents
            # (LanguageTool keeps internal caches, e.g. spelling suggestions, even with cacheSize=0).
            subprocess.run([*PROSE_LINT, "languagetool", "stop"], env=env, capture_output=True)
            others = [p for p in corpus if p.name.startswith("c1_") and p.suffix == ".md"][:4]
            run_timed([*check, *map(str, others)], env)
            if results_db.exists():
                results_db.unlink()
            row["warm_new_text"], _, _ = run_timed([*check, *map(str, files)], env)
        rows.append(row)
        print(json.dumps(row), file=sys.stderr)
    subprocess.run([*PROSE_LINT, "languagetool", "stop"], env=env, capture_output=True)

    cols = [("set", "text"), ("words", "words"), ("lt_cli", "LT command line"), ("server_alone", "LT server alone"),
            ("server_alone_2", "LT server alone, 2 requests at a time"),
            ("cold", "prose-lint cold"), ("warm", "prose-lint warm"),
            ("warm_new_text", "prose-lint warm, text new to the server"), ("edit", "1 paragraph edited"),
            ("py_rss_mb", "Python peak MB"), ("jvm_peak_mb", "JVM peak MB")]
    print("| " + " | ".join(title for _, title in cols) + " |")
    print("|" + "---|" * len(cols))
    for row in rows:
        cells = []
        for key, _ in cols:
            v = row.get(key)
            cells.append("-" if v is None else f"{v:.2f} s" if isinstance(v, float) and "mb" not in key
                         else f"{v:.0f}" if isinstance(v, float) else str(v))
        print("| " + " | ".join(cells) + " |")
    for row in rows:
        for key in ("server_alone", "server_alone_2"):
            if key in row:
                ratio = row["warm"] / row[key]
                print(f"\n{row['set']}: prose-lint warm / {key} = {ratio:.2f} ({(ratio - 1) * 100:+.0f}%)")
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

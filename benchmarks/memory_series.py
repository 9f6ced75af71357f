"""Where the memory of a corpus run goes, process by process (a script, not a test).

    .venv/bin/python benchmarks/memory_series.py 1000000 [--no-grammar ...]

Runs `prose-lint check --jobs 2` on the first N words of the benchmark corpus (``bench.subset``) and
samples, every 0.2 s, /proc/<pid>/smaps_rollup of the main process and its worker processes (the
LanguageTool JVM excluded). Prints the peak of the summed PSS and the per-process Rss / Pss /
Shared_Dirty / Private_Dirty at the last three new peaks: Shared_Dirty is what the workers share with
the warm parent (models, word lists), Private_Dirty what each one wrote itself. Uses the user's cache
dir unless PROSE_LINT_CACHE_DIR is set (set it to an empty dir to measure with LanguageTool doing
all the work rather than its result cache).
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench  # noqa: E402

FIELDS = ("Rss", "Pss", "Shared_Dirty", "Private_Dirty")


def rollup(pid: str) -> dict[str, int]:
    values: dict[str, int] = {}
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            key, _, rest = line.partition(":")
            if key in FIELDS:
                values[key] = int(rest.split()[0]) // 1024
    except (OSError, ValueError, IndexError):
        pass
    return values


def children(pid: int) -> list[str]:
    """The process's children, the LanguageTool JVM excluded. Read from /proc (task/*/children): a
    pgrep every 0.2 s cost more CPU than the run it measured on a loaded machine."""
    kids: list[str] = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            kids += (task / "children").read_text().split()
    except OSError:
        return []
    out = []
    for kid in kids:
        try:
            if "java" not in Path(f"/proc/{kid}/cmdline").read_text():
                out.append(kid)
        except OSError:
            pass
    return out


def main() -> None:
    n_words = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    chosen, total = bench.subset(sorted((bench.OUT / "corpus").glob("*.md")), n_words)
    cmd = [*bench.PROSE_LINT, "check", "--isolated", "--no-server", "--output-format", "json", "--jobs", "2",
           "--exit-zero", "-o", "/dev/null", *sys.argv[2:], *map(str, chosen)]
    proc = subprocess.Popen(cmd)
    start, peak, peaks = time.time(), 0, []
    while proc.poll() is None:
        tree = {str(proc.pid): rollup(str(proc.pid)), **{k: rollup(k) for k in children(proc.pid)}}
        pss = sum(v.get("Pss", 0) for v in tree.values())
        if pss > peak:
            peak = pss
            peaks.append((round(time.time() - start, 1), pss, tree))
        time.sleep(0.2)
    print(f"{total} words, {len(chosen)} files: peak PSS {peak} MB, wall {time.time() - start:.1f} s")
    for when, pss, tree in peaks[-3:]:
        print(f"  at {when} s: {pss} MB  " + "  ".join(f"{pid}: {v}" for pid, v in tree.items()))


if __name__ == "__main__":
    main()

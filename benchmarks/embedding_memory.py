"""What the sentence-embedding model (prose_lint/embeddings.py) costs in time and memory (a script, not a test).

    .venv/bin/python benchmarks/embedding_memory.py [N_PARAGRAPHS]

In one fresh process, as the pool executor does it (executors/pool.py, warmup.py): imports numpy and scipy
first (every document-level rule needs them, so they are not the model's cost), loads the model, embeds one
text (warm_up's call), then ``gc.collect(); gc.freeze()`` and forks two workers. Each worker embeds
N_PARAGRAPHS paragraphs (default 400, one batch per document as ``embed_spans`` does) of the benchmark
corpus (benchmarks/out/corpus; the seed files when it is not built). Prints the load time, what the load
added to the parent (Rss, USS = Private_Clean + Private_Dirty, from /proc/<pid>/smaps_rollup) and, for
each worker, the USS it added while embedding (what is not shared with the parent) and how much of the
mapping that holds the token table became private (copy-on-write copies: 0 means the table stays shared).
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MB = 1024 * 1024


def rollup() -> dict[str, float]:
    """Rss, Pss and USS of this process, MB."""
    fields: dict[str, int] = {}
    for line in Path("/proc/self/smaps_rollup").read_text().splitlines():
        key, _, rest = line.partition(":")
        if rest.strip().endswith("kB"):
            fields[key] = int(rest.split()[0]) * 1024
    uss = fields.get("Private_Clean", 0) + fields.get("Private_Dirty", 0)
    return {"rss": fields["Rss"] / MB, "pss": fields["Pss"] / MB, "uss": uss / MB}


def mapping_of(address: int) -> dict[str, float]:
    """Rss and private (copied) MB of the mapping of /proc/self/smaps that holds ``address``."""
    found, out = False, {}
    for line in Path("/proc/self/smaps").read_text().splitlines():
        head = line.split()[0]
        if "-" in head and not head.endswith(":"):
            if found:
                break
            lo, hi = (int(x, 16) for x in head.split("-"))
            found = lo <= address < hi
            if found:
                out["size"] = (hi - lo) / MB
        elif found and head in ("Rss:", "Private_Clean:", "Private_Dirty:", "Shared_Clean:", "Shared_Dirty:"):
            out[head[:-1]] = int(line.split()[1]) / 1024
    return out


def documents(n_paragraphs: int) -> list[list[str]]:
    """Paragraphs (>= 8 words, whitespace collapsed) grouped by document, n_paragraphs in all."""
    files = sorted((ROOT / "benchmarks" / "out" / "corpus").glob("*.md")) or \
        sorted((ROOT / "tests" / "fixtures" / "seeds").glob("*.txt"))
    docs, total = [], 0
    for path in files:
        paras = [" ".join(p.split()) for p in path.read_text(encoding="utf-8").split("\n\n")]
        paras = [p for p in paras if len(p.split()) >= 8][: n_paragraphs - total]
        if paras:
            docs.append(paras)
            total += len(paras)
        if total >= n_paragraphs:
            break
    return docs


def worker(docs: list[list[str]], table_address: int, out_fd: int) -> None:
    """As a pool worker (executors/pool.py) runs files: one document at a time, malloc_trim after each."""
    from prose_lint import embeddings
    from prose_lint.executors.pool import _malloc

    before = rollup()
    peak = before["uss"]
    start = time.perf_counter()
    for paras in docs:
        embeddings.embed(paras)
        peak = max(peak, rollup()["uss"])
        _malloc("malloc_trim", 0)
    seconds = time.perf_counter() - start
    after = rollup()
    report = {"seconds": seconds, "uss_before": before["uss"], "uss_peak": peak, "uss_end": after["uss"],
              "table": mapping_of(table_address), "words_cached": len(embeddings.model()._word_ids)}
    os.write(out_fd, json.dumps(report).encode())
    os._exit(0)


def main() -> None:
    n_paragraphs = int(sys.argv[1]) if len(sys.argv) > 1 else 400
    import gc
    import importlib

    for name in ("numpy", "scipy.sparse"):  # not the model's cost: every document-level rule imports them
        importlib.import_module(name)
    from prose_lint import embeddings
    from prose_lint.executors.pool import _M_ARENA_MAX, _malloc

    docs = documents(n_paragraphs)
    n = sum(map(len, docs))
    words = sum(len(p.split()) for d in docs for p in d)
    base = rollup()
    start = time.perf_counter()
    model = embeddings.model()
    load = time.perf_counter() - start
    loaded = rollup()
    start = time.perf_counter()
    embeddings.embed(["warm-up"])  # warm_up's call: the tokenizer's first use
    first = time.perf_counter() - start
    gc.collect()
    gc.freeze()
    warm = rollup()
    table = model.table
    print(f"model load {load:.3f} s (first embed {first:.3f} s); token table {table.shape} {table.dtype} "
          f"{table.nbytes / MB:.1f} MB")
    print(f"parent: Rss {base['rss']:.1f} -> {loaded['rss']:.1f} MB after the load (+{loaded['rss'] - base['rss']:.1f}), "
          f"-> {warm['rss']:.1f} MB after the first embed (+{warm['rss'] - base['rss']:.1f} in all); "
          f"USS +{warm['uss'] - base['uss']:.1f} MB")

    _malloc("mallopt", _M_ARENA_MAX, 1)  # as the pool does before it forks
    parent_table = mapping_of(table.ctypes.data).get("Rss", 0)
    pids, pipes = [], []
    for _ in range(2):
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(r)
            worker(docs, table.ctypes.data, w)
        os.close(w)
        pids.append(pid)
        pipes.append(r)
    reports = []
    for pid, r in zip(pids, pipes):
        chunks = []
        while chunk := os.read(r, 65536):
            chunks.append(chunk)
        os.waitpid(pid, 0)
        reports.append(json.loads(b"".join(chunks)))
    total, table_rss = warm["rss"] - base["rss"], parent_table
    for k, rep in enumerate(reports, 1):
        t = rep["table"]
        # File pages of the table that only this worker maps count in its USS, yet they are page cache that
        # any process mapping the file shares: counted apart, and once in the total.
        private_table = t.get("Private_Clean", 0) + t.get("Private_Dirty", 0)
        added = rep["uss_peak"] - rep["uss_before"] - private_table
        total += added
        table_rss = max(table_rss, t.get("Rss", 0))
        print(f"worker {k}: {n} paragraphs ({words} words, {len(docs)} documents) in {rep['seconds']:.2f} s; "
              f"private memory added {added:.1f} MB at the peak, {rep['uss_end'] - rep['uss_before'] - private_table:.1f} "
              f"MB at the end (malloc_trim after each document); {rep['words_cached']} words in the word cache; "
              f"table mapping {t.get('size', 0):.1f} MB: Rss {t.get('Rss', 0):.1f}, private {private_table:.1f} MB")
    total += max(0.0, table_rss - parent_table)
    print(f"total added (parent Rss + the workers' private peaks + table pages the workers read beyond the "
          f"parent's): {total:.1f} MB")


if __name__ == "__main__":
    main()

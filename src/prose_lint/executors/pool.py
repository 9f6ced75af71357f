"""The pool executor: worker processes on every core (``jobs``), for several files.

Its process policy lives here and nowhere else: on Linux the workers are forked from a parent that has
loaded the rules' models (``warm_up()``), so that they share those pages; the parent is limited to one
malloc arena and fixed allocator thresholds, which the workers inherit, and each worker trims its heap
after every file; a fresh pool takes over every ``FILES_PER_WORKER`` files (or ``BYTES_PER_WORKER``
bytes) per worker. That suits a process that ends with the run (the command line), not the warm server
or a Dask worker.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:  # pragma: no cover
    from prose_lint.config import Settings
    from prose_lint.engine import Linter
    from prose_lint.result import FileResult


def lint(paths, settings, linters, options):
    return list(lint_paths(linters.get(settings), paths, settings.jobs))


# -- worker side -------------------------------------------------------
_WORKER: Linter | None = None


def _init_worker(settings: Settings) -> None:
    from prose_lint.engine import Linter

    global _WORKER
    _WORKER = Linter(settings)


def _work(path: str) -> FileResult:
    assert _WORKER is not None
    result = _WORKER.lint_path(path)
    _malloc("malloc_trim", 0)
    return result


def _malloc(function: str, *args: int) -> None:
    """Call a glibc allocator tuning function; elsewhere (musl, macOS) do nothing. Used so that a worker
    does not keep the peak of its largest file: malloc_trim gives freed memory back to the system
    after each file (~1 ms), and one malloc arena per process (M_ARENA_MAX = 1, set in the parent
    before the fork) stops the LanguageTool request threads from each keeping an arena of their own.
    Measured on 1M words: -27 MB of peak PSS (benchmarks/README.md, "Memory").

    Fixed mmap and trim thresholds (1 MB, set with them) also lower the peak *within* a file: glibc
    otherwise raises both thresholds each time a large block is freed (up to 32 and 64 MB), so that a
    rule's large arrays, once one has been freed, come from the heap and the heap keeps what they
    freed until the malloc_trim after the file. Measured in a worker forked after warm_up: peak RSS on
    the largest file of the 1M words (perlapi, 516 kB) 224 -> 205 MB, on perlfunc (275 kB) 193 -> 178 MB;
    the same with 128 kB thresholds; what the worker keeps after the file is unchanged."""
    try:
        import ctypes

        getattr(ctypes.CDLL("libc.so.6"), function)(*args)
    except (OSError, AttributeError):
        pass


_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD, _M_ARENA_MAX = -1, -3, -8
_THRESHOLD = 1 << 20  # blocks from 1 MB up are mapped and unmapped, and the heap is trimmed above 1 MB free


# -- parent side -------------------------------------------------------
# Worker processes are replaced after this many files each (a new pool forked from the warm parent):
# per-word caches, word lists of other languages and allocator fragmentation otherwise grow with the
# corpus (+50 MB per worker at 1M words). 24 rather than 48: -20 MB at the peak for +1-2 s per 1M words.
FILES_PER_WORKER = 24
# ... or once the round's files hold this many bytes per worker: what a worker keeps after a file grows
# with the file (after the largest file of the 1M words, 516 kB, it keeps 64 MB; after a 60 kB one, 26 MB).
# Measured on the 1M words (peak PSS; 24 files alone: 301 MB): 600 kB 286 MB, 10 rounds instead of 8;
# 300 kB 250 MB but 14 rounds, whose ends leave a core idle (~+3 s of 54, simulated from file sizes).
BYTES_PER_WORKER = 600_000


def lint_paths(linter: Linter, paths: list[str], jobs: int = 0) -> Iterable[FileResult]:
    """Results in the order of ``paths``; several files run in worker processes.

    Files are handed out one at a time, largest first (longest-processing-time-first scheduling):
    a corpus mixes 200-word and 80,000-word files, and fixed chunks of files left one core idle
    while the other finished a chunk of large ones. On Linux the workers are forked after
    ``warm_up()`` so that they share the models, and a fresh pool takes over every
    ``FILES_PER_WORKER`` files or ``BYTES_PER_WORKER`` bytes per worker (``_rounds``). This limits the calling process to one malloc arena (glibc),
    which its forked workers inherit: meant for the CLI, whose process ends with the run."""
    jobs = jobs or os.cpu_count() or 1
    if len(paths) < 2 or jobs == 1:
        for path in paths:
            yield linter.lint_path(path)
        return
    from concurrent.futures import ProcessPoolExecutor  # only runs with several files pay its import

    from prose_lint.warmup import warm_up

    workers = min(jobs, len(paths))
    sizes = [_size(p) for p in paths]
    order = sorted(range(len(paths)), key=lambda i: -sizes[i])
    context, rounds = None, [order]
    if sys.platform == "linux":  # fork: the workers share what warm_up() loaded (Python 3.14 defaults to forkserver)
        import multiprocessing

        context = multiprocessing.get_context("fork")
        warm_up(linter)
        _malloc("malloc_trim", 0)  # what building the models freed (-4 MB shared by every worker)
        _malloc("mallopt", _M_ARENA_MAX, 1)
        _malloc("mallopt", _M_MMAP_THRESHOLD, _THRESHOLD)
        _malloc("mallopt", _M_TRIM_THRESHOLD, _THRESHOLD)
        rounds = _rounds(order, sizes, workers)
    done: dict[int, FileResult] = {}
    next_out = 0
    for batch in rounds:
        with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(linter.settings,),
                                 mp_context=context) as pool:
            futures = {i: pool.submit(_work, paths[i]) for i in batch}
            for i in sorted(futures):  # what can be reported in order is reported as soon as it is done
                done[i] = futures[i].result()
                while next_out in done:
                    yield done.pop(next_out)
                    next_out += 1
    while next_out in done:
        yield done.pop(next_out)
        next_out += 1


def _rounds(order: list[int], sizes: list[int], workers: int) -> list[list[int]]:
    """``order`` cut into rounds of at most ``FILES_PER_WORKER`` files and ``BYTES_PER_WORKER`` bytes per
    worker. A round holds at least one file per worker, whatever their size: the workers of a round
    wait for its last file, so a round of one large file would leave every other core idle."""
    rounds: list[list[int]] = []
    size = 0
    for i in order:
        full = rounds and (len(rounds[-1]) >= FILES_PER_WORKER * workers
                           or (size + sizes[i] > BYTES_PER_WORKER * workers and len(rounds[-1]) >= workers))
        if not rounds or full:
            rounds.append([])
            size = 0
        rounds[-1].append(i)
        size += sizes[i]
    return rounds


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0

"""The pool executor: worker processes on every core (``jobs``), for several files.

Its process policy lives here and nowhere else: on Linux the workers are forked from a parent that has
loaded the rules' models (``warm_up()``), so that they share those pages; the parent is limited to one
malloc arena and fixed allocator thresholds, which the workers inherit, and each worker trims its heap
after every file; each worker is replaced by a fresh one after ``FILES_PER_WORKER`` files (or
``BYTES_PER_WORKER`` bytes), and no two workers have a file over ``LARGE_FILE`` at once; a worker that has
not answered for one file within ``FILE_SECONDS`` (plus a second per ``FILE_BYTES_PER_SECOND`` bytes) is
killed, and that file is reported as not checked. That suits a process that ends with the run (the command
line), not the warm server or a Dask worker.
"""

from __future__ import annotations

import os
import sys
import time
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
    """Call a glibc function (allocator tuning; prctl in a worker); elsewhere (musl, macOS) do nothing. Used so that a worker
    does not keep the peak of its largest file: malloc_trim gives freed memory back to the system
    after each file (~1 ms), and one malloc arena per process (M_ARENA_MAX = 1, set in the parent
    before the fork) stops the LanguageTool request threads from each keeping an arena of their own.
    Measured on 1M words: -27 MB of peak PSS (benchmarks/README.md, "Memory").

    Fixed mmap and trim thresholds (8 MB, set with them) also lower the peak *within* a file: glibc
    otherwise raises both thresholds each time a large block is freed (up to 32 and 64 MB), so that a
    rule's large arrays, once one has been freed, come from the heap and the heap keeps what they
    freed until the malloc_trim after the file. Measured in a worker forked after warm_up: peak RSS on
    the largest file of the 1M words (perlapi, 516 kB) 224 -> 207 MB, on perlfunc and perldiag (275 kB)
    194-199 -> 181-186 MB, the same with 1, 2, 4, 8 or 16 MB thresholds; what the worker keeps after the
    file is unchanged. Below 8 MB the thresholds cost CPU: every block from the threshold up is mapped
    and unmapped afresh, and its pages are faulted in again (every 6th corpus file, one forked process:
    1 MB 535k minor faults, sys 1.5 s of ~19 s CPU; 2 MB 438k, 1.3 s; 4 MB 272k, 0.9 s; 8 MB 180k, 0.6 s,
    as many as glibc's sliding thresholds, 176k, 0.6 s)."""
    try:
        import ctypes

        getattr(ctypes.CDLL("libc.so.6"), function)(*args)
    except (OSError, AttributeError):
        pass


_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD, _M_ARENA_MAX = -1, -3, -8
_PR_SET_PDEATHSIG = 1
_THRESHOLD = 8 << 20  # blocks from 8 MB up are mapped and unmapped, and the heap is trimmed above 8 MB free


# -- parent side -------------------------------------------------------
# A worker process is replaced by a fresh one (forked from the warm parent) after this many files: per-word
# caches, word lists of other languages and allocator fragmentation otherwise grow with the corpus
# (+50 MB per worker at 1M words). 24 rather than 48: -20 MB at the peak for +1-2 s per 1M words.
FILES_PER_WORKER = 24
# ... or before a file would take its files over this many bytes: what a worker keeps after a file grows
# with the file (after the largest file of the 1M words, 516 kB, it keeps 64 MB; after a 60 kB one, 26 MB).
# Each worker retires on its own, so the other one keeps working (whole-pool rounds left a core idle
# at each round's end while the last file of the round finished). Measured on the 1M words (memory_series.py,
# with LARGE_FILE): peak PSS 600 kB 269 MB, 400 kB 250 MB, 300 kB 251 MB; 400 kB takes 24 workers instead of 20
# (a fresh worker costs ~0.08 s of CPU on its first file: copied pages, empty caches).
BYTES_PER_WORKER = 400_000
# A file of more than this many bytes is given to a worker only while no other worker has one: a worker's
# memory grows with its file (peak RSS 205 MB on a 516 kB file, 143 MB after a 17 kB one), and largest-first
# otherwise starts the two or three largest files of a corpus at once, the run's peak. Meanwhile the other
# workers take the smallest files left, so that the cores stay busy and the large files still start early.
# Measured on the 1M words (memory_series.py, peak PSS): 286 MB without this rule, 269 MB with it.
LARGE_FILE = 150_000
# How long a worker told to stop may take to end before it is killed (_Worker.retire); ending takes ~10 ms.
RETIRE_SECONDS = 10.0
# How long a worker may take over one file before it is killed and the file reported as not checked: a rule
# or an engine that hangs on one file must not hang the run. A bound on a hang, not a budget: the slowest
# file of the 1M-word corpus (290 KB) takes ~15 s with every rule, so FILE_SECONDS plus one second per
# FILE_BYTES_PER_SECOND bytes is far above any file's honest time.
FILE_SECONDS = 600.0
FILE_BYTES_PER_SECOND = 2_000
# The cyclic garbage collector's first threshold in a worker (allocations of containers between two
# collections of the youngest generation; Python's default is 700): see _serve.
GC_THRESHOLD = 10_000


def lint_paths(linter: Linter, paths: list[str], jobs: int = 0) -> Iterable[FileResult]:
    """Results in the order of ``paths``; several files run in worker processes.

    Files are handed out one at a time, largest first (longest-processing-time-first scheduling):
    a corpus mixes 200-word and 80,000-word files, and fixed chunks of files left one core idle
    while the other finished a chunk of large ones. On Linux the workers are forked after
    ``warm_up()`` so that they share the models, and each is replaced by a fresh one after
    ``FILES_PER_WORKER`` files or ``BYTES_PER_WORKER`` bytes (``_Worker``). This limits the calling
    process to one malloc arena (glibc), which its forked workers inherit: meant for the CLI, whose
    process ends with the run."""
    jobs = jobs or os.cpu_count() or 1
    if len(paths) < 2 or jobs == 1:
        for path in paths:
            yield linter.lint_path(path)
        return
    workers = min(jobs, len(paths))
    sizes = [_size(p) for p in paths]
    order = sorted(range(len(paths)), key=lambda i: -sizes[i])
    if sys.platform == "linux":  # fork: the workers share what warm_up() loaded (Python 3.14 defaults to forkserver)
        from prose_lint.warmup import warm_up

        warm_up(linter)
        _malloc("malloc_trim", 0)  # what building the models freed (-4 MB shared by every worker)
        _malloc("mallopt", _M_ARENA_MAX, 1)
        _malloc("mallopt", _M_MMAP_THRESHOLD, _THRESHOLD)
        _malloc("mallopt", _M_TRIM_THRESHOLD, _THRESHOLD)
        results = _forked(linter.settings, paths, order, sizes, workers)
    else:
        results = _pooled(linter.settings, paths, order, workers)
    done: dict[int, FileResult] = {}
    next_out = 0
    for i, result in results:  # what can be reported in order is reported as soon as it is done
        done[i] = result
        while next_out in done:
            yield done.pop(next_out)
            next_out += 1


def _pooled(settings, paths, order, workers):
    """One pool for every file, its workers started afresh (spawn, forkserver): nothing to share."""
    from concurrent.futures import ProcessPoolExecutor, as_completed

    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(settings,)) as pool:
        futures = {pool.submit(_work, paths[i]): i for i in order}
        for future in as_completed(futures):
            yield futures[future], future.result()


def _forked(settings, paths, order, sizes, workers):
    """(index, result) as the forked workers finish them; each worker has one file at a time."""
    from multiprocessing.connection import wait

    from collections import deque

    pending = deque(order)  # largest first
    live: dict = {}

    def next_file(worker: _Worker | None) -> int | None:
        """The largest file left, unless it is large and another worker has a large one: then the smallest
        (large too when only large ones are left: better than an idle core). None when ``worker`` should make way for a fresh one (its budget would be exceeded)."""
        large = sizes[pending[0]] > LARGE_FILE and any(
            w is not worker and w.current >= 0 and sizes[w.current] > LARGE_FILE for w in live.values())
        i = pending[-1] if large else pending[0]
        if worker is not None and (worker.files >= FILES_PER_WORKER or worker.bytes + sizes[i] > BYTES_PER_WORKER):
            return None
        return pending.pop() if large else pending.popleft()

    def start() -> None:
        worker = _Worker(settings)
        live[worker.conn] = worker
        worker.give(next_file(None), paths, sizes)

    try:
        for _ in range(workers):
            start()
        while live:
            due = min(w.deadline for w in live.values())
            ready = wait(list(live), timeout=max(0.0, due - time.monotonic()) if due != float("inf") else None)
            if not ready:  # a worker is past its file's deadline: it is stopped, the file reported, a fresh one started
                for conn, worker in list(live.items()):
                    if worker.deadline <= time.monotonic():
                        del live[conn]
                        yield worker.current, worker.abandon(paths)
                        if pending:
                            start()
                continue
            for conn in ready:
                worker = live[conn]
                i, result = worker.take(paths)
                following = next_file(worker) if pending else None
                if following is None:
                    del live[conn]
                    worker.retire()  # gone before its successor starts (~10 ms; the other worker goes on)
                    if pending:
                        start()
                else:
                    worker.give(following, paths, sizes)
                yield i, result
    finally:
        for worker in live.values():
            worker.process.kill()
            worker.process.join()


class _Worker:
    """A process forked from this one that lints the files it is given, one at a time, until told to stop."""

    def __init__(self, settings: Settings) -> None:
        import multiprocessing

        context = multiprocessing.get_context("fork")
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, settings, os.getpid()))
        # Ctrl-C between the fork and the worker's own SIG_IGN (_serve) would interrupt the new worker with a
        # traceback of its own: it is forked with SIGINT blocked, and the parent takes a pending one after.
        import signal

        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            self.process.start()
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
        child.close()
        self.files = self.bytes = 0
        self.current = -1
        self.limit = self.deadline = float("inf")

    def give(self, i: int, paths: list[str], sizes: list[int]) -> None:
        self.current = i
        self.files += 1
        self.bytes += sizes[i]
        self.limit = FILE_SECONDS + sizes[i] / FILE_BYTES_PER_SECOND
        self.deadline = time.monotonic() + self.limit
        self.conn.send(paths[i])

    def abandon(self, paths: list[str]) -> FileResult:
        """Kill the worker, past its file's deadline, and say so for that file (one line, naming it)."""
        from prose_lint.result import FileResult

        self.process.kill()
        self.process.join()
        self.conn.close()
        path = paths[self.current]
        return FileResult(path, error=f"{path}: not checked: no result after {self.limit:.0f} s (a rule or an "
                                      "engine hung on this file; its worker was stopped)")

    def take(self, paths: list[str]) -> tuple[int, FileResult]:
        i, self.current, self.deadline = self.current, -1, float("inf")
        try:
            ok, value = self.conn.recv()
        except EOFError:
            self.process.join()
            raise RuntimeError(f"a worker process ended (exit code {self.process.exitcode}) while linting "
                               f"{paths[i]}") from None
        if not ok:
            raise value
        return i, value

    def retire(self) -> None:
        """Tell the worker to stop and wait for it, at most RETIRE_SECONDS: it has handed in its last
        result, so a worker that does not end (a library's thread that keeps the interpreter from exiting)
        is killed rather than left to hang the run."""
        self.conn.send(None)
        self.conn.close()
        self.process.join(RETIRE_SECONDS)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()


def _serve(conn, settings: Settings, parent: int) -> None:
    import signal

    # Ctrl-C reaches the whole process group: the parent reports it and stops the workers, so a worker
    # that took it too would only print a traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # blocked by the parent for the fork
    # A worker inherits the parent's end of its own pipe, so it would not see the pipe close if the parent
    # were killed (SIGTERM, SIGKILL): it is told by the kernel instead (Linux's PR_SET_PDEATHSIG).
    _malloc("prctl", _PR_SET_PDEATHSIG, int(signal.SIGTERM))
    if os.getppid() != parent:  # the parent ended before the line above
        return
    import gc

    # The rules allocate millions of short-lived containers (tokens, tuples, sets), so at Python's default
    # threshold (700) the collector ran ~16 times per 1k words and took 4-5% of a worker's CPU (0.6-1.0 s of
    # 16.5 s on every 6th corpus file); at 10,000 it takes 0.13 s, and the peak RSS is unchanged (290 MB
    # either way): the large arrays are freed by reference counts, not by the collector. What warm_up
    # loaded is frozen (gc.freeze) in the parent, so a collection never walks it.
    gc.set_threshold(GC_THRESHOLD, 10, 10)
    _init_worker(settings)
    while (path := conn.recv()) is not None:
        try:
            reply = (True, _work(path))
        except Exception as error:  # noqa: BLE001 - re-raised in the parent, as a process pool does
            reply = (False, error)
        try:
            conn.send(reply)
        except Exception:  # noqa: BLE001 - an exception that cannot be pickled
            conn.send((False, RuntimeError(f"{path}: {reply[1]!r}")))


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0

"""How the pool executor replaces its worker processes: each one on its own, after a number of files or
of bytes, while the others go on."""

from prose_lint.config import Settings
from prose_lint.engine import Linter
from prose_lint.executors import pool


def test_each_worker_retires_after_a_number_of_files_or_of_bytes(tmp_path, monkeypatch):
    monkeypatch.setattr(pool, "FILES_PER_WORKER", 3)
    monkeypatch.setattr(pool, "BYTES_PER_WORKER", 1000)
    # keyed by the worker itself, not id(): a retired worker's id is reused by a later one once it is freed
    given: dict[pool._Worker, list[int]] = {}
    original = pool._Worker.give

    def give(self, i, paths, sizes):
        given.setdefault(self, []).append(sizes[i])
        original(self, i, paths, sizes)

    monkeypatch.setattr(pool._Worker, "give", give)
    paths = []
    for n, size in enumerate([1500, 900, 600, 400, 300, 100, 100, 100, 100, 100, 100, 50, 50]):
        path = tmp_path / f"f{n}.md"
        path.write_text(("The the end. " * 100)[:size], encoding="utf-8")
        paths.append(str(path))
    linter = Linter(Settings(select=["repeated-word"]))
    serial = [(r.path, r.diagnostics) for r in pool.lint_paths(linter, paths, jobs=1)]
    pooled = [(r.path, r.diagnostics) for r in pool.lint_paths(linter, paths, jobs=2)]
    assert pooled == serial
    files = [sizes for sizes in given.values()]
    assert sorted(s for sizes in files for s in sizes) == sorted(p.stat().st_size for p in tmp_path.iterdir())
    # a worker has at least one file, whatever its size; then no more than the budget allows
    assert all(len(sizes) <= 3 and (len(sizes) == 1 or sum(sizes) <= 1000) for sizes in files)
    assert len(files) >= 5


def test_no_two_large_files_at_once_and_the_other_worker_takes_small_ones(tmp_path, monkeypatch):
    monkeypatch.setattr(pool, "LARGE_FILE", 500)
    running: dict[pool._Worker, int] = {}
    overlaps, given = [], []
    give, take = pool._Worker.give, pool._Worker.take

    def recording_give(self, i, paths, sizes):
        small_left = sum(s <= 500 for s in sizes) > sum(s <= 500 for s in given)
        # two large files at once only when no small one is left (else a core would wait)
        overlaps.append(sizes[i] > 500 and small_left and any(s > 500 for w, s in running.items() if w is not self))
        running[self] = sizes[i]
        given.append(sizes[i])
        give(self, i, paths, sizes)

    def recording_take(self, paths):
        running.pop(self, None)
        return take(self, paths)

    monkeypatch.setattr(pool._Worker, "give", recording_give)
    monkeypatch.setattr(pool._Worker, "take", recording_take)
    paths = []
    for n, size in enumerate([3000, 2500, 2000, 300, 200, 100, 100, 50]):
        path = tmp_path / f"f{n}.md"
        path.write_text(("The the end. " * 300)[:size], encoding="utf-8")
        paths.append(str(path))
    linter = Linter(Settings(select=["repeated-word"]))
    serial = [(r.path, r.diagnostics) for r in pool.lint_paths(linter, paths, jobs=1)]
    assert [(r.path, r.diagnostics) for r in pool.lint_paths(linter, paths, jobs=2)] == serial
    assert not any(overlaps)
    assert given[:2] == [3000, 50]  # the largest file first; the other worker the smallest


def _serve_then_linger(conn, settings, parent):
    """A worker that lints what it is given but does not end when told to stop (as a library thread that
    keeps the interpreter alive would): fault injection for the pool's retirement."""
    import time

    pool._init_worker(settings)
    while (path := conn.recv()) is not None:
        conn.send((True, pool._work(path)))
    time.sleep(3600)


def test_a_worker_that_does_not_end_is_killed_not_waited_for(tmp_path, monkeypatch):
    monkeypatch.setattr(pool, "FILES_PER_WORKER", 1)
    monkeypatch.setattr(pool, "RETIRE_SECONDS", 0.2)
    monkeypatch.setattr(pool, "_serve", _serve_then_linger)
    paths = []
    for n in range(4):
        path = tmp_path / f"f{n}.md"
        path.write_text("The the end.\n", encoding="utf-8")
        paths.append(str(path))
    linter = Linter(Settings(select=["repeated-word"]))
    results = list(pool.lint_paths(linter, paths, jobs=2))  # hung in Worker.retire's join before
    assert [r.path for r in results] == paths
    assert all(any(d.rule == "repeated-word" for d in r.diagnostics) for r in results)


def _work_or_hang(path):
    if path.endswith("hang.md"):
        import time

        time.sleep(3600)
    return _original_work(path)


_original_work = pool._work


def test_a_file_that_hangs_its_worker_is_reported_and_the_run_goes_on(tmp_path, monkeypatch):
    monkeypatch.setattr(pool, "FILE_SECONDS", 1.0)
    monkeypatch.setattr(pool, "_work", _work_or_hang)  # the forked workers inherit it
    paths = []
    for name in ("a.md", "hang.md", "b.md", "c.md"):
        path = tmp_path / name
        path.write_text("The the end.\n", encoding="utf-8")
        paths.append(str(path))
    linter = Linter(Settings(select=["repeated-word"]))
    results = list(pool.lint_paths(linter, paths, jobs=2))  # waited for the hung worker forever before
    assert [r.path for r in results] == paths
    hung = results[1]
    assert hung.error is not None and "no result after" in hung.error and not hung.diagnostics
    assert hung.error.startswith(paths[1] + ": ")  # the one line names the file
    assert all(r.error is None and any(d.rule == "repeated-word" for d in r.diagnostics)
               for r in results if r is not hung)

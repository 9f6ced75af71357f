"""Batch mode on Dask: the same results as a serial local run, in the same order."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from prose_lint.config import Settings
from prose_lint.engine import Linter
from prose_lint.errors import ConfigError
from prose_lint.executors.pool import lint_paths

import distributed  # noqa: E402  (the dask extra is part of the test extra: missing dask must fail, not skip)

from prose_lint import batch  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"
SELECT = ["repeated-word", "repeated-punctuation", "wordy", "hedging", "stray-token", "boilerplate",
          "spelling-consistency", "duplicate-text"]


def corpus() -> list[str]:
    files = sorted((FIXTURES / "seeds").glob("*.txt")) + sorted(
        p for p in (FIXTURES / "clean").iterdir() if p.suffix in (".txt", ".md"))
    return [str(p) for p in files]


def settings() -> Settings:
    return Settings(select=list(SELECT), no_grammar=True, jobs=1)


def as_tuples(results):
    return [(r.path, r.error, [(d.rule, d.start, d.end, d.message, d.severity) for d in r.diagnostics])
            for r in results]


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=":0") as c:
        yield c


def test_same_results_as_serial_run(cluster):
    paths = corpus()
    missing = str(FIXTURES / "no-such-file.md")
    paths.insert(3, missing)
    serial = list(lint_paths(Linter(settings()), paths, jobs=1))
    got = batch.lint_batch(paths, settings(), scheduler=cluster.scheduler_address, progress=False)
    assert [r.path for r in got] == paths
    assert as_tuples(got) == as_tuples(serial)
    assert sum(len(r.diagnostics) for r in got) > 20  # the comparison is not between empty lists
    # the missing file is carried through as an error, in its place
    assert got[3].error and "no-such-file.md" in got[3].error and got[3].diagnostics == []
    assert all(r.error is None for i, r in enumerate(got) if i != 3)


def test_linter_built_once_per_worker_thread(cluster):
    paths = corpus()[:12]
    built = []
    orig = Linter.__init__

    def counting(self, *a, **k):
        built.append(1)
        orig(self, *a, **k)

    s = settings()
    s.select = ["repeated-word"]  # a settings digest not yet cached by the other test
    Linter.__init__ = counting
    try:
        batch.lint_batch(paths, s, scheduler=cluster.scheduler_address, progress=False)
    finally:
        Linter.__init__ = orig
    assert 1 <= len(built) <= 2  # 2 single-threaded workers, 12 files


def test_local_cluster_default(tmp_path):
    a = tmp_path / "a.md"
    a.write_text("This is is a test. Really really?? It was was fine.\n", encoding="utf-8")
    b = tmp_path / "b.md"
    b.write_text("Nothing to see here.\n", encoding="utf-8")
    s = settings()
    s.jobs = 2
    got = batch.lint_batch([str(a), str(b)], s, scheduler=None, progress=True)
    serial = [Linter(settings()).lint_path(str(p)) for p in (a, b)]
    assert as_tuples(got) == as_tuples(serial)
    assert any(d.rule == "repeated-word" for d in got[0].diagnostics)


def test_empty_list():
    assert batch.lint_batch([], settings()) == []


def test_clear_error_without_dask(monkeypatch):
    monkeypatch.setitem(sys.modules, "dask.distributed", None)
    with pytest.raises(ConfigError, match=r"pip install 'prose-lint\[dask\]'"):
        batch.lint_batch(["x.md"], settings(), progress=False)


def test_unreachable_scheduler(monkeypatch):
    monkeypatch.setattr(batch, "CONNECT_TIMEOUT", "2s")
    with pytest.raises(ConfigError, match="cannot reach the Dask scheduler"):
        batch.lint_batch(["x.md"], settings(), scheduler="tcp://127.0.0.1:9", progress=False)


def test_local_cluster_listens_on_loopback_only(tmp_path, monkeypatch):
    """`--dask local` must not open a dashboard (or anything else) on every interface."""
    import psutil

    listening: list[tuple[int, str, int]] = []
    Client, LocalCluster = batch._import_dask()

    def listeners() -> set[tuple[int, str, int]]:
        me = psutil.Process()
        found = set()
        for proc in [me, *me.children(recursive=True)]:
            for conn in proc.net_connections(kind="inet"):
                if conn.status == psutil.CONN_LISTEN:
                    found.add((proc.pid, conn.laddr.ip, conn.laddr.port))
        return found

    class Recording(LocalCluster):
        def __init__(self, *args, **kwargs):
            before = listeners()  # e.g. this module's own test cluster
            super().__init__(*args, **kwargs)
            listening.extend(listeners() - before)

    monkeypatch.setattr(batch, "_import_dask", lambda: (Client, Recording))
    a = tmp_path / "a.md"
    a.write_text("This was the the test.\n", encoding="utf-8")
    s = Settings(select=["repeated-word"], no_grammar=True, jobs=1)
    got = batch.lint_batch([str(a)], s, scheduler=None, progress=False)
    assert any(d.rule == "repeated-word" for d in got[0].diagnostics)
    assert listening  # the scheduler and its dashboard were seen
    assert [entry for entry in listening if entry[1] not in ("127.0.0.1", "::1")] == []

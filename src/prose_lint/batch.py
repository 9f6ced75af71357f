"""Batch mode on a Dask cluster: the same per-file linting as a local run, spread over many machines.

    from prose_lint.batch import lint_batch
    results = lint_batch(paths, settings, scheduler="tcp://scheduler:8786")   # or None: a LocalCluster

Each file is one task running ``Linter(settings).lint_path(path)`` on a worker; results come back in the
order of ``paths`` (the same ``FileResult`` objects a local run produces, so the same output and exit
code). The settings are sent to the cluster once (scattered); every worker thread builds its ``Linter``
once, on its first task, and keeps it in its LinterCache (linter_cache.py, the one the command line and
the warm server use), so rule models and lexicons load once per worker, not per file. LanguageTool
(``grammar``/``spelling``) runs as configured on each worker: the local daemon of that machine, or the
team's ``servers``.

Dask is an optional dependency (``pip install 'prose-lint[dask]'``), imported only here and only when
this function runs.
"""

from __future__ import annotations

import os
import sys
import threading
from typing import TYPE_CHECKING

from prose_lint.errors import ConfigError

if TYPE_CHECKING:  # pragma: no cover
    from prose_lint.config import Settings
    from prose_lint.result import FileResult

# -- worker side -----------------------------------------------------------
CONNECT_TIMEOUT = "30s"  # to reach a remote scheduler
_LOCAL = threading.local()  # one LinterCache per worker thread (Linter.lint_source is not thread-safe)


def _linters():
    from prose_lint.linter_cache import LinterCache

    cache = getattr(_LOCAL, "linters", None)
    if cache is None:
        cache = _LOCAL.linters = LinterCache(limit=8)  # a worker outlives many runs
    return cache


def _lint_task(path: str, settings: Settings) -> FileResult:
    return _linters().get(settings).lint_path(path)


def linters_built() -> int:
    """How many Linter instances this thread holds (for tests and diagnostics)."""
    return len(_linters())


# -- client side -----------------------------------------------------------
def _import_dask():
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:
        raise ConfigError("batch mode needs Dask: pip install 'prose-lint[dask]' "
                          f"(dask[distributed] and tqdm; {exc})") from None
    return Client, LocalCluster


def lint_batch(paths: list[str], settings: Settings, scheduler: str | None = None,
               progress: bool = True) -> list[FileResult]:
    """Lint ``paths`` on a ``dask.distributed`` cluster; results in the order of ``paths``.

    ``scheduler``: the address of a running scheduler (``tcp://host:8786``), or ``None``/``"local"`` for a
    ``LocalCluster`` on this machine (one single-threaded worker process per core, or ``settings.jobs``).
    ``progress``: a progress bar on stderr (tqdm), shown only when the run lasts more than a second or two.
    A file that cannot be read, or whose task failed on the cluster, comes back as a ``FileResult`` with
    ``error`` set, as in a local run.
    """
    from prose_lint.result import FileResult

    paths = [str(p) for p in paths]
    if not paths:
        return []
    Client, LocalCluster = _import_dask()
    cluster = None
    if scheduler in (None, "", "local"):
        workers = settings.jobs or os.cpu_count() or 1
        cluster = LocalCluster(n_workers=min(workers, len(paths)), threads_per_worker=1, processes=True,
                               dashboard_address="127.0.0.1:0")  # never on every interface
        client = Client(cluster)
    else:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as exc:
            raise ConfigError(f"--dask: cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    try:
        [remote_settings] = client.scatter([settings], broadcast=True)
        futures = client.map(_lint_task, paths, settings=remote_settings, pure=False)
        _wait_with_progress(futures, progress)
        results: list[FileResult] = []
        for path, fut in zip(paths, futures):
            if fut.status == "finished":
                results.append(fut.result())
            else:
                exc = fut.exception()
                results.append(FileResult(path, error=f"{path}: Dask task failed: {type(exc).__name__}: {exc}"))
        return results
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _wait_with_progress(futures: list, progress: bool) -> None:
    from dask.distributed import as_completed

    bar = None
    if progress:
        try:
            from tqdm import tqdm
        except ImportError:
            tqdm = None
        if tqdm is not None:
            bar = tqdm(total=len(futures), unit="file", desc="prose-lint", file=sys.stderr, delay=2.0,
                       dynamic_ncols=True)
    try:
        for _ in as_completed(futures):
            if bar is not None:
                bar.update(1)
    finally:
        if bar is not None:
            bar.close()

"""Where a check's files are linted: four executors behind one small interface, registered in a plain
dict as pre-commit registers its languages (each is a module with a ``lint`` function).

    inline  this process, one file after another (one file, or ``jobs = 1``)
    pool    worker processes forked from this one; its fork and allocator policy live in pool.py
    server  the warm prose-lint process (server.py); declines when none answers in time
    dask    a Dask cluster (batch.py; ``--dask``)

Every executor runs the same ``Linter.lint_path`` on each file, so they give the same results.
``choose`` says, from the settings and the run's options alone, which executors to try and in what
order; ``lint`` tries them until one answers (the last one always does).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from prose_lint.executors import dask_cluster, inline, pool, warm_server

if TYPE_CHECKING:  # pragma: no cover
    from prose_lint.config import Settings
    from prose_lint.linter_cache import LinterCache
    from prose_lint.result import FileResult

# Beyond this many files, worker processes on every core beat one warm process.
SERVER_MAX_FILES = 16


@dataclass(frozen=True)
class RunOptions:
    """What the command line asks of this run, besides each file's settings."""

    server: bool | None = None  # --server / --no-server; None: PROSE_LINT_SERVER, then the 'server' key
    dask: str | None = None  # --dask: a scheduler's address, or "local" for a LocalCluster
    fixing: bool = False  # --fix or --diff: the results are rewritten here, from this process's files
    progress: bool = False  # a progress bar on stderr (Dask), for a terminal


@runtime_checkable
class Executor(Protocol):
    def lint(self, paths: list[str], settings: Settings, linters: LinterCache,
             options: RunOptions) -> list[FileResult] | None:
        """One result per path, in the order of ``paths``; or None to hand the files to the next one."""


EXECUTORS: dict[str, Executor] = {
    "inline": inline,
    "pool": pool,
    "server": warm_server,
    "dask": dask_cluster,
}


def choose(settings: Settings, options: RunOptions, files: int) -> list[str]:
    """The executors to try for ``files`` files with these settings, in order."""
    if options.dask:
        return ["dask"]  # the user asked for the cluster: never quietly somewhere else
    chain = []
    if files <= SERVER_MAX_FILES and not options.fixing:
        from prose_lint.server import enabled

        if enabled(settings.server, options.server):
            chain.append("server")
    jobs = settings.jobs or os.cpu_count() or 1
    chain.append("inline" if files < 2 or jobs == 1 else "pool")
    return chain


def lint(paths: list[str], settings: Settings, linters: LinterCache, options: RunOptions) -> list[FileResult]:
    for name in choose(settings, options, len(paths)):
        results = EXECUTORS[name].lint(paths, settings, linters, options)
        if results is not None:
            return results
    raise AssertionError(f"no executor linted the files: {choose(settings, options, len(paths))}")

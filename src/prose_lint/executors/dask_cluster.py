"""The Dask executor (``--dask``): the files are tasks on a Dask cluster (batch.py). It never declines:
a cluster that cannot be reached is an error, not a quiet local run."""

from __future__ import annotations


def lint(paths, settings, linters, options):
    from prose_lint.batch import lint_batch

    scheduler = None if options.dask == "local" else options.dask
    return lint_batch(paths, settings, scheduler=scheduler, progress=options.progress)

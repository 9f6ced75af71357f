"""The inline executor: this process lints the files one after another (one file, or ``jobs = 1``)."""

from __future__ import annotations


def lint(paths, settings, linters, options):
    linter = linters.get(settings)
    return [linter.lint_path(path) for path in paths]

"""Names several modules share (exit codes, markups, file suffixes, severities, colour modes):
each defined here once and imported where used. The output formats are the keys of the formatter
registry (``prose_lint.output.FORMATTERS``), so that a format cannot be offered without code."""

from __future__ import annotations

# The documented exit codes: README, --help's epilog and every subcommand use these.
EXIT_OK = 0  # no problems at or above --fail-on
EXIT_FOUND = 1  # problems found
EXIT_ERROR = 2  # usage, config or file error
EXIT_INTERRUPTED = 130  # Ctrl-C, as shells report SIGINT

MARKUPS = ("auto", "markdown", "text")

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
TEXT_SUFFIXES = (".txt", ".text")
# What a directory walk checks unless 'include' says otherwise.
DEFAULT_INCLUDE = tuple("*" + suffix for suffix in MARKDOWN_SUFFIXES + TEXT_SUFFIXES)

SEVERITIES = ("error", "warning", "info")
COLOUR_MODES = ("auto", "always", "never")

"""Rule-pack regexes with a bound on their matching time.

Why: a pack pattern such as ``(a|aa)+$`` backtracks exponentially, and Python's ``re`` cannot be
interrupted, so one such pattern hung the run (and would block the warm server for every client).
Pack patterns are therefore run by the ``regex`` module (already installed: wordfreq needs it), whose
searches take a ``timeout``: a search that runs out of time ends the rule's check of that file with one
error naming the pack, the rule and the pattern (exit code 2), and the rule is not run again by this
Linter. The syntax accepted is still Python's ``re`` syntax (checked with ``re.compile`` first), and
``regex``'s version 0 behaves as ``re`` does.
"""

from __future__ import annotations

import re
from typing import Iterator

from prose_lint.errors import ConfigError, ToolError

# Seconds one search may take: a search in a paragraph takes microseconds, and one over a whole 50 MB
# document well under a second; exponential backtracking never ends.
MATCH_TIMEOUT = 5.0


class PatternTimeout(ToolError):
    """A pack pattern ran out of time on a file: the file is reported as not checked (exit code 2)."""


class BoundedPattern:
    """The subset of ``re.Pattern`` the pack rules use, every search bounded by ``MATCH_TIMEOUT``."""

    def __init__(self, pattern: str, flags: int, where: str, shown: str | None = None) -> None:
        import regex

        re.compile(pattern, flags)  # Python's syntax and error messages (ConfigError raised by the caller)
        try:
            self.compiled = regex.compile(pattern, flags | regex.VERSION0)
        except regex.error as exc:
            raise ConfigError(f"{where}: pattern {shown or pattern!r} is not supported: {exc}") from None
        self.pattern, self.flags, self.groups = pattern, flags, self.compiled.groups
        self.where = where
        self.shown = shown or pattern
        self.failed: str | None = None

    def _timeout(self) -> PatternTimeout:
        self.failed = (f"{self.where}: pattern {self.shown!r} took more than {MATCH_TIMEOUT:g} s on one search "
                       "(catastrophic backtracking?); rewrite it, e.g. without a repeated group that can match "
                       "the same text in several ways")
        return PatternTimeout(self.failed)

    def _check(self) -> None:
        if self.failed:
            raise PatternTimeout(self.failed)

    def finditer(self, string: str, pos: int = 0, endpos: int | None = None) -> Iterator:
        self._check()
        try:
            yield from self.compiled.finditer(string, pos, len(string) if endpos is None else endpos,
                                              timeout=MATCH_TIMEOUT)
        except TimeoutError:
            raise self._timeout() from None

    def search(self, string: str, pos: int = 0, endpos: int | None = None):
        self._check()
        try:
            return self.compiled.search(string, pos, len(string) if endpos is None else endpos,
                                        timeout=MATCH_TIMEOUT)
        except TimeoutError:
            raise self._timeout() from None

    def fullmatch(self, string: str, pos: int = 0, endpos: int | None = None):
        self._check()
        try:
            return self.compiled.fullmatch(string, pos, len(string) if endpos is None else endpos,
                                           timeout=MATCH_TIMEOUT)
        except TimeoutError:
            raise self._timeout() from None

    def sub(self, repl, string: str):
        self._check()
        try:
            return self.compiled.sub(repl, string, timeout=MATCH_TIMEOUT)
        except TimeoutError:
            raise self._timeout() from None

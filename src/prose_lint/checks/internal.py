"""Rules the engine itself reports."""

from __future__ import annotations

from prose_lint.diagnostic import Severity
from prose_lint.rule import Rule


class InternalError(Rule):
    """A rule raised an exception on this file.

    The run goes on: the failing rule's diagnostics for this file are lost and
    this diagnostic says which rule failed and why. Please report it with the
    file that triggers it.
    """

    id = "internal-error"
    severity = Severity.ERROR

    def check(self, doc, ctx):
        return ()


class UnusedSuppression(Rule):
    """An inline suppression comment that suppressed nothing.

    ``<!-- prose-lint-disable rule -->`` comments outlive the problems they
    silenced. Off by default; enable with ``extend-select = ["unused-suppression"]``
    or ``report-unused-suppressions = true``.
    """

    id = "unused-suppression"
    severity = Severity.INFO
    default_enabled = False

    def check(self, doc, ctx):
        return ()  # reported by the suppression pass, which knows what was used


RULES = (InternalError, UnusedSuppression)

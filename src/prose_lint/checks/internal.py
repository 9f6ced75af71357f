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


class UnknownSuppressionId(Rule):
    """A suppression comment names a rule id that does not exist.

    ``<!-- prose-lint-disable-next-line grammar/NOT_A_RULE -->`` would otherwise
    suppress nothing, silently: a typo ("repeated-words"), a rule that was
    renamed, or a LanguageTool id that the installed LanguageTool does not have.
    Reported at the comment, with the closest known id. Ids are checked like
    ``--select``/``--ignore``: prose-lint ids and families against the rules
    (with your rule packs), ``grammar/<id>`` and ``spelling/<id>`` against the
    installed LanguageTool's rule list (``prose-lint languagetool install``;
    without an installed LanguageTool they cannot be checked and are accepted).
    On by default, as ruff's RUF100 and Vale do; ``ignore =
    ["unknown-suppression-id"]`` turns it off.
    """

    id = "unknown-suppression-id"
    severity = Severity.WARNING

    def check(self, doc, ctx):
        return ()  # reported by the suppression pass, which parses the comments


RULES = (InternalError, UnusedSuppression, UnknownSuppressionId)

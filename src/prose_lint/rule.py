"""How a rule is declared: once, with its id, severity, scope, options and documentation.

A code rule is a subclass of ``Rule`` whose class docstring *is* its
documentation (``prose-lint rule ID`` prints it, SARIF ``rules[]`` reuses it):
the first line is the short description, the rest the full help.

    class DuplicatedConclusion(Rule):
        '''A document that concludes twice.

        Longer explanation, the algorithm, options, examples...
        '''
        id = "duplicated-conclusion"
        severity = Severity.WARNING
        scope = "document"
        options = {"similarity": 0.6}
        option_ranges = {"similarity": (0.0, 1.0)}

        def check(self, doc, ctx):
            yield ctx.diagnostic(start, end, "message")

A user's options (``[rules.ID]``) are checked against ``options`` (names, and the type of each default)
and ``option_ranges``/``option_choices`` when the Linter is built, selected or not: a bad one is a config error (exit 2)
before any file is linted.

``scope = "paragraph"`` rules implement ``check_block(doc, block, ctx)``
instead and are called once per prose block.
"""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass, field
from typing import Any, ClassVar, Iterable

from prose_lint.diagnostic import Diagnostic, Fix, Related, Severity
from prose_lint.document import Block, Document

RULE_ID_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:/[A-Za-z0-9][A-Za-z0-9_.-]*)?$")
SCOPES = ("paragraph", "document")


@dataclass
class RuleContext:
    """What a rule gets besides the document: its effective options and the run's settings."""

    rule_id: str
    severity: Severity
    options: dict[str, Any]
    language: str = "en-US"
    vocabulary: frozenset[str] = frozenset()
    settings: dict[str, Any] = field(default_factory=dict)  # run-wide settings (e.g. languagetool)
    # Document-level data a rule publishes (the readability summary): set by the engine
    # to the current file's dict before each check; formatters show it (JSON/SARIF properties).
    document_properties: dict[str, Any] = field(default_factory=dict)
    # The Linter's LanguageTool (languagetool.service.LanguageToolService), shared by the grammar and
    # spelling rules so that a document is checked once for both; None until one is needed.
    languagetool: Any = None

    def diagnostic(
        self,
        start: int,
        end: int,
        message: str,
        *,
        rule: str | None = None,
        severity: Severity | None = None,
        suggestions: Iterable[str] = (),
        related: Iterable[Related] = (),
        fix: Fix | None = None,
        properties: dict[str, Any] | None = None,
    ) -> Diagnostic:
        return Diagnostic(
            rule=rule or self.rule_id,
            severity=severity or self.severity,
            start=start,
            end=max(end, start),
            message=message,
            suggestions=tuple(suggestions),
            related=tuple(related),
            fix=fix,
            properties=properties or {},
        )


class Rule:
    id: ClassVar[str] = ""
    severity: Severity = Severity.WARNING
    scope: str = "document"
    options: dict[str, Any] = {}
    # Bounds of numeric options, checked with their types when the Linter is built: {"similarity": (0.0, 1.0)}.
    option_ranges: dict[str, tuple[float, float]] = {}
    # The values a string option takes, checked likewise: {"metric": ("consensus", "smog_index")}.
    option_choices: dict[str, tuple[str, ...]] = {}
    # Rules that are registered but not run unless selected explicitly.
    default_enabled: bool = True
    # Rules whose diagnostics carry safe fixes for --fix.
    fixable: bool = False
    # Set for rules that emit detail ids they cannot list up front (grammar/<LT id>).
    dynamic_details: bool = False
    # For rules declared in a pack: where the declaration lives.
    origin: str = ""
    doc: str = ""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.__doc__ and "doc" not in cls.__dict__:
            cls.doc = inspect.cleandoc(cls.__doc__)

    @property
    def summary(self) -> str:
        first = self.doc.strip().split("\n\n", 1)[0]
        return " ".join(first.split()) or self.id

    @property
    def help(self) -> str:
        return self.doc.strip()

    @property
    def family(self) -> str:
        return self.id.split("/", 1)[0]

    def prepare(self, doc: Document, ctx: RuleContext) -> bool:
        """Start slow outside work for ``doc`` (a LanguageTool round trip) in the background; True if
        started. The engine then runs the other rules first and this one's ``check()`` last, so the
        waiting overlaps with their work. Must not raise: failures surface in ``check()``."""
        return False

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Diagnostic]:
        if self.scope != "paragraph":
            raise NotImplementedError(f"{self.id}: document rules implement check()")
        for block in doc.prose_blocks:
            yield from self.check_block(doc, block, ctx)

    def check_block(self, doc: Document, block: Block, ctx: RuleContext) -> Iterable[Diagnostic]:
        raise NotImplementedError(f"{self.id}: paragraph rules implement check_block()")

    def known_details(self, language: str, compute: bool = True) -> frozenset[str] | None:
        """For a rule with ``dynamic_details``: the full ids it may report (``grammar/<LT id>``), to
        validate ids in selectors and suppression comments; None when they cannot be known (accepted)."""
        return None

    def validate_options(self, options: dict[str, Any], where: str) -> dict[str, Any]:
        """Merge user options over the defaults. An unknown name (with the closest declared one), a value
        not of its default's type, or one outside ``option_ranges`` is a ConfigError naming the key."""
        import difflib

        from prose_lint.errors import ConfigError

        merged = dict(self.options)
        for key, value in options.items():
            if key not in self.options:
                close = difflib.get_close_matches(key, list(self.options), n=1, cutoff=0.6)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                allowed = ", ".join(sorted(self.options)) or "none"
                raise ConfigError(f"{where}: unknown option {key!r} for rule {self.id}{hint} (allowed: {allowed})")
            default = self.options[key]
            if default is not None and not _same_type(default, value):
                raise ConfigError(
                    f"{where}: option {key!r} of rule {self.id} must be {_type_name(default)}, "
                    f"got {type(value).__name__} {value!r}"
                )
            if key in self.option_ranges:
                low, high = self.option_ranges[key]
                if not low <= value <= high:
                    raise ConfigError(f"{where}: option {key!r} of rule {self.id} must be from {low} to {high}, "
                                      f"got {value!r}")
            if key in self.option_choices and value not in self.option_choices[key]:
                raise ConfigError(f"{where}: option {key!r} of rule {self.id} must be one of "
                                  f"{', '.join(self.option_choices[key])}, got {value!r}")
            merged[key] = value
        return merged


def _type_name(default: Any) -> str:
    """How an error names the type an option takes (an int is a fine float)."""
    if isinstance(default, bool):
        return "true or false"
    if isinstance(default, float):
        return "a number"
    return {int: "an integer", str: "a string", list: "a list", dict: "a table"}.get(type(default), type(default).__name__)


def _same_type(default: Any, value: Any) -> bool:
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, float):
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, type(default))


def validate_rule_id(rule_id: str) -> str:
    if not RULE_ID_RE.match(rule_id):
        raise ValueError(f"invalid rule id {rule_id!r}: use kebab-case 'family' or 'family/detail'")
    return rule_id

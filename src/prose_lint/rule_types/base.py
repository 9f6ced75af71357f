"""What every pack rule shares: declaration keys, validation and phrase matching."""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, Any

from prose_lint.diagnostic import Severity
from prose_lint.errors import ConfigError
from prose_lint.options import KINDS, Option
from prose_lint.rule import Rule, validate_rule_id

if TYPE_CHECKING:  # pragma: no cover
    from prose_lint.rule_types.bounded import BoundedPattern

# The keys every pack rule takes; each type adds its own (``type_options``). Declared as config keys are
# (options.py): a value of the wrong kind is an error naming the pack, the rule and the key.
COMMON_OPTIONS: tuple[Option, ...] = (
    Option("id", "string", None, "rule id, kebab-case 'family' or 'family/detail'", default_text="required"),
    Option("type", "string", None, "one of the generic rule types", default_text="required"),
    Option("message", "string", None, "message; may use {match} and type-specific fields", default_text="required"),
    Option("description", "string", "", "documentation shown by `prose-lint rule ID` and in SARIF"),
    Option("severity", "string", "warning", "error, warning or info"),
    Option("enabled", "bool", True, "false to declare the rule but run it only when selected"),
    Option("ignore-case", "bool", True, "match case-insensitively"),
    Option("link", "string", "", "URL with more information"),
)


_LEFT, _RIGHT = r"(?<![\w-])", r"(?![\w-])"


def _bounds(phrase: str) -> tuple[str, str]:
    return (_LEFT if phrase[:1].isalnum() else ""), (_RIGHT if phrase[-1:].isalnum() else "")


def _body(phrase: str) -> str:
    return r"\s+".join(re.escape(w) for w in phrase.split())


def phrase_regex(phrase: str) -> str:
    """A literal phrase matched on word boundaries, flexible about the space between words."""
    left, right = _bounds(phrase)
    return left + _body(phrase) + right


def phrases_regex(phrases: list[str]) -> str:
    """Literal phrases as one alternation, the word-boundary checks written once per group of
    phrases that need the same ones: Python's re tries every alternative at every position, so a
    boundary inside each alternative costs a check per phrase per character (4x slower on prose)."""
    groups: dict[tuple[str, str], list[str]] = {}
    for phrase in phrases:
        groups.setdefault(_bounds(phrase), []).append(_body(phrase))
    return "|".join(f"{left}(?:{'|'.join(bodies)}){right}" for (left, right), bodies in groups.items())


class PackRule(Rule):
    """Base for rules declared in a pack."""

    type_options: tuple[Option, ...] = ()
    required: tuple[str, ...] = ()

    def __init__(self, spec: dict[str, Any], where: str) -> None:
        self.where = where
        self.origin = where
        declared = {option.key: option for option in (*COMMON_OPTIONS, *self.type_options)}
        for key in spec:
            if key not in declared:
                raise ConfigError(
                    f"{where}: unknown key {key!r} for a {spec.get('type')} rule "
                    f"(allowed: {', '.join(sorted(declared))})"
                )
        for key in ("id", "message", *self.required):
            if key not in spec:
                raise ConfigError(f"{where}: missing key {key!r}")
        try:
            self.id = validate_rule_id(_checked(where, declared["id"], spec["id"]))
        except ValueError as exc:
            raise ConfigError(f"{where}: {exc}") from None
        self.where = f"{where} (rule {self.id})"
        # Every declared key's value: the pack's, checked against its declaration, or the declared default.
        self.values = {key: _checked(self.where, option, spec[key]) if key in spec else option.default
                       for key, option in declared.items()}
        self.message = self.values["message"]
        try:
            self.severity = Severity.parse(self.values["severity"])
        except ValueError as exc:
            raise ConfigError(f"{self.where}: key 'severity': {exc}") from None
        self.default_enabled = self.values["enabled"]
        self.ignore_case = self.values["ignore-case"]
        link = self.values["link"]
        description = self.values["description"] or self.message
        pack_file = os.path.basename(where.split(": rule #")[0])
        self.doc = description.strip() + (f"\n\nSee {link}" if link else "") + \
            f"\n\nDeclared in the pack {pack_file} (type {spec['type']})."
        self.options = {}
        self.spec = spec

    def _compile(self, pattern: str, key: str, shown: str | None = None, literal: bool = False):
        """A user's pattern is bounded in time (rule_types/bounded.py): a pack's regex must not be able to
        hang the run. ``literal``: built here from escaped phrases (``tokens``, non-regex swaps), which
        cannot backtrack without end, so Python's faster ``re`` runs it. ``shown``: what an error names."""
        flags = re.IGNORECASE if self.ignore_case else 0
        try:
            if literal:
                return re.compile(pattern, flags)
            from prose_lint.rule_types.bounded import BoundedPattern

            return BoundedPattern(pattern, flags, f"{self.where}: key {key!r}", shown)
        except re.error as exc:
            raise ConfigError(f"{self.where}: key {key!r}: bad regex {pattern!r}: {exc}") from None

    def _matcher(self, spec: dict[str, Any]) -> "re.Pattern[str] | BoundedPattern | None":
        """One regex from ``tokens`` (literal phrases) and ``patterns`` (regexes)."""
        tokens = list(self.values["tokens"])
        patterns = list(self.values["patterns"])
        parts = [f"(?:{phrases_regex(tokens)})"] if tokens else []
        for pattern in patterns:
            self._compile(pattern, "patterns")
            parts.append(f"(?:{pattern})")
        if not parts:
            return None
        return self._compile("|".join(parts), "patterns" if patterns else "tokens",
                             shown=" | ".join(patterns) if patterns and not tokens else None, literal=not patterns)

    def format(self, **fields: Any) -> str:
        try:
            return self.message.format(**fields)
        except (KeyError, IndexError, ValueError):
            return self.message


def _checked(where: str, option: Option, value: Any) -> Any:
    """A pack's value for ``option``; kinds a rule type checks itself (a table, pairs) pass as they are."""
    kind, ok = option.kind, True
    if kind == "string":
        ok = isinstance(value, str)
    elif kind == "bool":
        ok = isinstance(value, bool)
    elif kind == "int":
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif kind == "strings":
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise ConfigError(f"{where}: key {option.key!r} must be a list of non-empty strings")
    if not ok:
        raise ConfigError(f"{where}: key {option.key!r} must be {KINDS[kind]}, got {value!r}")
    if option.choices and value not in option.choices:
        raise ConfigError(f"{where}: key {option.key!r} must be one of {', '.join(option.choices)}, got {value!r}")
    return value

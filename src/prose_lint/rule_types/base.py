"""What every pack rule shares: declaration keys, validation and phrase matching."""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, Any

from prose_lint.diagnostic import Severity
from prose_lint.errors import ConfigError
from prose_lint.rule import Rule, validate_rule_id

if TYPE_CHECKING:  # pragma: no cover
    from prose_lint.rule_types.bounded import BoundedPattern

COMMON_KEYS = {
    "id": "rule id, kebab-case 'family' or 'family/detail'",
    "type": "one of the generic rule types",
    "message": "message; may use {match} and type-specific fields",
    "description": "documentation shown by `prose-lint rule ID` and in SARIF",
    "severity": "error, warning or info",
    "enabled": "false to declare the rule but run it only when selected",
    "ignore-case": "match case-insensitively (default true)",
    "link": "URL with more information",
}


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

    type_keys: dict[str, str] = {}
    required: tuple[str, ...] = ()

    def __init__(self, spec: dict[str, Any], where: str) -> None:
        self.where = where
        self.origin = where
        allowed = {**COMMON_KEYS, **self.type_keys}
        for key in spec:
            if key not in allowed:
                raise ConfigError(
                    f"{where}: unknown key {key!r} for a {spec.get('type')} rule "
                    f"(allowed: {', '.join(sorted(allowed))})"
                )
        for key in ("id", "message", *self.required):
            if key not in spec:
                raise ConfigError(f"{where}: missing key {key!r}")
        try:
            self.id = validate_rule_id(self._get(spec, "id", str))
        except ValueError as exc:
            raise ConfigError(f"{where}: {exc}") from None
        self.where = f"{where} (rule {self.id})"
        self.message = self._get(spec, "message", str)
        try:
            self.severity = Severity.parse(spec.get("severity", "warning"))
        except ValueError as exc:
            raise ConfigError(f"{self.where}: key 'severity': {exc}") from None
        self.default_enabled = self._get(spec, "enabled", bool, True)
        self.ignore_case = self._get(spec, "ignore-case", bool, True)
        link = spec.get("link", "")
        description = self._get(spec, "description", str, "") or self.message
        pack_file = os.path.basename(where.split(": rule #")[0])
        self.doc = description.strip() + (f"\n\nSee {link}" if link else "") + \
            f"\n\nDeclared in the pack {pack_file} (type {spec['type']})."
        self.options = {}
        self.spec = spec

    def _get(self, spec: dict[str, Any], key: str, kind: type, default: Any = ...) -> Any:
        if key not in spec:
            if default is ...:
                raise ConfigError(f"{self.where}: missing key {key!r}")
            return default
        value = spec[key]
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise ConfigError(f"{self.where}: key {key!r} must be {kind.__name__}, got {value!r}")
        return value

    def _strings(self, spec: dict[str, Any], key: str) -> list[str]:
        value = spec.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise ConfigError(f"{self.where}: key {key!r} must be a list of non-empty strings")
        return value

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
        tokens = self._strings(spec, "tokens")
        parts = [f"(?:{phrases_regex(tokens)})"] if tokens else []
        for pattern in self._strings(spec, "patterns"):
            self._compile(pattern, "patterns")
            parts.append(f"(?:{pattern})")
        if not parts:
            return None
        patterns = self._strings(spec, "patterns")
        return self._compile("|".join(parts), "patterns" if patterns else "tokens",
                             shown=" | ".join(patterns) if patterns and not tokens else None, literal=not patterns)

    def format(self, **fields: Any) -> str:
        try:
            return self.message.format(**fields)
        except (KeyError, IndexError, ValueError):
            return self.message

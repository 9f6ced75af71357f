"""All rules, code and packs, by id; and the resolution of select/ignore selectors."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Iterable

from prose_lint.errors import ConfigError
from prose_lint.rule import Rule


class Registry:
    def __init__(self, rules: Iterable[Rule]) -> None:
        self.rules: dict[str, Rule] = {}
        for rule in rules:
            if rule.id in self.rules:
                other = self.rules[rule.id].origin or "built-in code"
                raise ConfigError(f"{rule.origin or 'built-in code'}: rule id {rule.id!r} already declared in {other}")
            self.rules[rule.id] = rule

    def __iter__(self):
        return iter(sorted(self.rules.values(), key=lambda r: r.id))

    def __contains__(self, rule_id: str) -> bool:
        return self.find(rule_id) is not None

    def find(self, rule_id: str) -> Rule | None:
        """The rule that declares ``rule_id``, or the dynamic family rule that emits it."""
        if rule_id in self.rules:
            return self.rules[rule_id]
        prefix = rule_id
        while "/" in prefix:
            prefix = prefix.rsplit("/", 1)[0]
            rule = self.rules.get(prefix)
            if rule is not None and rule.dynamic_details:
                return rule
        return None

    def is_known_selector(self, selector: str, language: str = "en", compute: bool = True) -> bool:
        return self.unknown_selector(selector, language, compute) is None

    def unknown_selector(self, selector: str, language: str = "en", compute: bool = True) -> str | None:
        """None for a known rule id or family prefix, else one line saying so, with the closest id.
        Details of a dynamic rule (``grammar/<LanguageTool id>``) are checked against the ids it can
        report (the installed LanguageTool's rules) when they can be known; ``compute``: may take
        the time to find them out (a Java run, once per LanguageTool version)."""
        import difflib

        if selector == "ALL":
            return None
        rule = self.find(selector)
        if rule is not None:
            if rule.id == selector or not rule.dynamic_details:
                return None
            known = rule.known_details(language, compute)
            if known is None or selector in known:
                return None
            pool = list(known)
        else:
            if any(rid.startswith(selector + "/") for rid in self.rules):
                return None
            pool = [*self.rules, *{rid.split("/", 1)[0] for rid in self.rules}]
        close = difflib.get_close_matches(selector, pool, n=1, cutoff=0.6)
        if not close and "/" in selector:  # the detail alone: grammar/en_unpaired_bracket
            detail = selector.split("/", 1)[1].upper()
            by_detail = {p.split("/", 1)[-1].upper(): p for p in pool}
            found = difflib.get_close_matches(detail, list(by_detail), n=1, cutoff=0.6)
            close = [by_detail[found[0]]] if found else []
        hint = f"; did you mean {close[0]!r}?" if close else ""
        if rule is not None:
            return f"unknown LanguageTool rule {selector!r}{hint} (not a rule of the installed LanguageTool)"
        return f"unknown rule or family {selector!r}{hint} (see `prose-lint rules`)"


def code_rules() -> list[Rule]:
    from prose_lint.checks import RULE_MODULES

    rules = []
    for name in RULE_MODULES:
        module = importlib.import_module(name)
        rules.extend(cls() for cls in module.RULES)
    return rules


def builtin_pack_dir() -> Path:
    """The packs shipped in the wheel (prose_lint/_rules), or rules/ in a source checkout."""
    here = Path(__file__).resolve().parent
    shipped = here / "_rules"
    if shipped.is_dir():
        return shipped
    return here.parent.parent / "rules"


def load_registry(pack_dirs: Iterable[Path] = ()) -> Registry:
    from prose_lint.packs import load_pack_dir

    rules = code_rules()
    for directory in (builtin_pack_dir(), *pack_dirs):
        rules.extend(load_pack_dir(directory))
    return Registry(rules)


def selector_matches(selector: str, rule_id: str) -> bool:
    return selector == "ALL" or rule_id == selector or rule_id.startswith(selector + "/")


def _specificity(selector: str) -> int:
    return -1 if selector == "ALL" else selector.count("/") * 1000 + len(selector)


class Selection:
    """Which rule ids are on, resolved ruff-style: the most specific matching selector wins."""

    def __init__(self, registry: Registry, select: list[str] | None, extend_select: list[str], ignore: list[str]):
        if select is None:
            select = [r.id for r in registry if r.default_enabled]
        self.select = list(select) + list(extend_select)
        self.ignore = list(ignore)

    def enabled(self, rule_id: str) -> bool:
        best_on = max((_specificity(s) for s in self.select if selector_matches(s, rule_id)), default=None)
        if best_on is None:
            return False
        best_off = max((_specificity(s) for s in self.ignore if selector_matches(s, rule_id)), default=None)
        return best_off is None or best_on > best_off

    def runs(self, rule: Rule) -> bool:
        """Run a rule if it, or one of the details it may emit, is enabled."""
        if self.enabled(rule.id):
            return True
        return any(s != "ALL" and s.startswith(rule.id + "/") and self.enabled(s) for s in self.select)

from __future__ import annotations

from pathlib import Path

from prose_lint.options import CONFIG_OPTIONS, render_markdown
from prose_lint.registry import load_registry
from prose_lint.ruledocs import render_rules_markdown

ROOT = Path(__file__).resolve().parents[1]


def test_rules_doc_is_current():
    expected = render_rules_markdown(load_registry())
    actual = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert actual == expected, "docs/rules.md is stale: run scripts/gen-rule-docs"


def test_every_rule_is_in_the_rules_doc():
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for rule in load_registry():
        assert f"\n## {rule.id}\n" in text


def test_configuration_doc_is_current():
    actual = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    assert actual == render_markdown(), "docs/configuration.md is stale: run scripts/gen-config-docs"


def test_every_config_key_is_documented_once():
    text = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8").split("\n## ", 1)[0]
    for option in CONFIG_OPTIONS:
        assert text.count(f"\n| `{option.key}` |") == 1


def test_every_pack_key_is_in_the_rule_packs_overview():
    from prose_lint.rule_types import RULE_TYPES

    text = (ROOT / "docs" / "rule-packs.md").read_text(encoding="utf-8")
    for name, rule_type in RULE_TYPES.items():
        row = next(line for line in text.splitlines() if line.startswith(f"| `{name}` |"))
        assert [f"`{o.key}`" in row for o in rule_type.type_options] == [True] * len(rule_type.type_options), name

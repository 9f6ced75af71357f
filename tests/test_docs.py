from __future__ import annotations

from pathlib import Path

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

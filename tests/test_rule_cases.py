"""Rule test cases as data (tests/cases/*.toml), and a check that every rule has both kinds.

A case:

    [[case]]
    rule = "stray-token/foreign-word"     # the rule under test (only it is selected)
    text = "Des analysts say so."
    markup = "text"                       # optional: auto (default), markdown, text
    flags = ["Des"]                       # substrings that a diagnostic of the rule must cover;
                                          # [] means: no diagnostic of this rule at all
    options = { threshold = 0.5 }         # optional rule options
    requires = "languagetool"             # optional: needs the real LanguageTool server

A diagnostic "covers" a substring when its region overlaps the substring's first occurrence.
Positive cases also fail when the rule reports anything not listed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from prose_lint.config import RuleSettings, Settings
from prose_lint.engine import Linter
from prose_lint.registry import load_registry
from prose_lint.source import Source
from prose_lint.tomlcompat import tomllib

CASES_DIR = Path(__file__).parent / "cases"
# Rules the engine reports itself; tested in test_engine.py.
ENGINE_RULES = {"internal-error", "unused-suppression"}


def load_cases():
    cases = []
    for path in sorted(CASES_DIR.glob("*.toml")):
        for n, case in enumerate(tomllib.loads(path.read_text(encoding="utf-8")).get("case", []), 1):
            case["_id"] = f"{path.stem}#{n}:{case['rule']}"
            cases.append(case)
    return cases


CASES = load_cases()


def run_case(case, settings_extra=None):
    settings = Settings(select=[case["rule"]], markup=case.get("markup", "auto"))
    if "options" in case:
        settings.rules[case["rule"]] = RuleSettings(options=case["options"])
    for key, value in (settings_extra or {}).items():
        setattr(settings, key, value)
    result = Linter(settings).lint_source(Source(case.get("path", "case.md" if case.get("markup") == "markdown" else "case.txt"), case["text"]))
    assert result.error is None, result.error
    crashed = [d.message for d in result.diagnostics if d.rule == "internal-error"]
    assert not crashed, crashed
    return result


def check_case(case, result):
    text = case["text"]
    mine = [d for d in result.diagnostics if d.rule == case["rule"] or d.rule.startswith(case["rule"] + "/")]
    flags = case["flags"]
    shown = [(d.rule, text[d.start:d.end][:60], d.message) for d in mine]
    if not flags:
        assert not mine, f"expected no {case['rule']} diagnostics, got {shown}"
        return
    unexplained = list(mine)
    for flag in flags:
        at = text.find(flag)
        assert at >= 0, f"flag {flag!r} not in the case text"
        hits = [d for d in mine if d.start < at + len(flag) and at < max(d.end, d.start + 1)]
        assert hits, f"{flag!r} not flagged by {case['rule']}; got {shown}"
        for d in hits:
            if d in unexplained:
                unexplained.remove(d)
    assert not unexplained, f"unexpected extra diagnostics: {[(d.rule, text[d.start:d.end][:60]) for d in unexplained]}"


@pytest.mark.parametrize("case", [c for c in CASES if not c.get("requires")], ids=lambda c: c["_id"])
def test_case(case):
    check_case(case, run_case(case))


def test_every_rule_has_passing_and_failing_cases():
    registry = load_registry()
    positive = {c["rule"] for c in CASES if c["flags"]}
    negative = {c["rule"] for c in CASES if not c["flags"]}
    missing = []
    for rule in registry:
        if rule.id in ENGINE_RULES:
            continue
        if rule.id not in positive:
            missing.append(f"{rule.id}: no positive case")
        if rule.id not in negative:
            missing.append(f"{rule.id}: no negative case")
    assert not missing, "\n".join(missing)

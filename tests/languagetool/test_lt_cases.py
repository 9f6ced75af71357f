"""The rule cases that need LanguageTool (tests/cases/*.toml with requires = "languagetool")."""

from __future__ import annotations

import pytest

from test_rule_cases import CASES, check_case, run_case

LT_CASES = [c for c in CASES if c.get("requires") == "languagetool"]


def test_there_are_languagetool_cases():
    rules = {c["rule"] for c in LT_CASES}
    assert {"grammar", "spelling"} <= rules
    for rule in ("grammar", "spelling"):
        assert any(c["flags"] for c in LT_CASES if c["rule"] == rule)
        assert any(not c["flags"] for c in LT_CASES if c["rule"] == rule)


@pytest.mark.languagetool
@pytest.mark.parametrize("case", LT_CASES, ids=lambda c: c["_id"])
def test_languagetool_case(fresh, case):
    check_case(case, run_case(case))

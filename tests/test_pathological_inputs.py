"""Inputs that make careless regexes backtrack for ever: every rule must get through them.

Each case runs every rule (but LanguageTool) in a child process; a hang shows up as the
child not finishing within a generous bound (this is a liveness check, not a speed goal:
the inputs take well under a second when nothing backtracks).
"""

from __future__ import annotations

import subprocess
import sys

import pytest

CASES = {
    "capitalised-runs": " ".join(["Python A B C D"] * 40) + " end of text without a year.",
    "initials": "Smith, J. A., " * 300 + "and no year at all",
    "brackets": "(" * 5000 + "word" + ")" * 4000,
    "emphasis": "*_" * 8000 + "text",
    "escapes": "\\_" * 8000,
    "entities": "&amp" * 8000,
    "long-line": ("word " * 60000).strip(),
    "no-spaces": "a" * 200000,
    "numbers": "1998 2001 " * 5000 + "founded in 1999.",
    "quotes": "“‘\"'" * 5000,
    "headline-like": "\n\n".join(["ISLAMABAD: Updated 10 September 2025 Follow"] * 500),
    # one 210 KB line of a hyphenated chain: repeated-word's pre-scan was quadratic on it (94 s for 200 KB)
    "hyphen-chain": "ab-" * 70000 + "ab",
    "apostrophe-chain": "it's'" * 40000 + "s",
}

SCRIPT = """
import sys
from prose_lint.config import Settings
from prose_lint.engine import Linter
from prose_lint.source import Source
text = sys.stdin.read()
linter = Linter(Settings(select=["ALL"], no_grammar=True))
for name in ("case.md", "case.txt"):
    result = linter.lint_source(Source(name, text))
    bad = [d.message for d in result.diagnostics if d.rule == "internal-error"]
    assert not bad, bad
print("ok")
"""


@pytest.mark.parametrize("name", sorted(CASES))
def test_rules_get_through_pathological_input(name):
    proc = subprocess.run([sys.executable, "-c", SCRIPT], input=CASES[name], capture_output=True, text=True,
                          timeout=240)
    assert proc.returncode == 0 and proc.stdout.strip() == "ok", proc.stderr[-2000:]

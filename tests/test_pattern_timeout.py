"""A rule pack's catastrophic regex cannot hang the run (issue 15, item 6).

The command runs in a child process with a deadline; the deadline is a liveness bound (a pattern search
is bounded by MATCH_TIMEOUT, 5 s), not a speed goal.
"""

from __future__ import annotations

from pathlib import Path


from prose_lint.rule_types.bounded import MATCH_TIMEOUT
from cliutil import run_cli

DEADLINE = 180

PACK = '''
[[rule]]
id = "slow-pattern"
type = "existence"
message = "found {match}"
patterns = ['(a|aa)+$']
'''


def run(*args: str, cwd: Path):
    return run_cli("check", *args, cwd=cwd, timeout=DEADLINE)


def test_a_catastrophic_pack_pattern_is_a_one_line_error_naming_pack_rule_and_pattern(tmp_path):
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "house.toml").write_text(PACK)
    (tmp_path / ".prose-lint.toml").write_text('rule-packs = ["packs"]\nselect = ["slow-pattern", "repeated-word"]\n')
    (tmp_path / "a.md").write_text("a" * 60 + "!\n")
    (tmp_path / "b.md").write_text("a" * 60 + "!\n\nThe the end.\n")
    proc = run("a.md", "b.md", cwd=tmp_path)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(errors) == 2, proc.stderr  # one line per file
    for name, line in zip(("a.md", "b.md"), errors):
        assert line.startswith(f"prose-lint: error: {name}: ")
        assert "house.toml" in line and "slow-pattern" in line and "'(a|aa)+$'" in line
        assert f"more than {MATCH_TIMEOUT:g} s" in line
    assert "repeated-word" in proc.stdout  # the other rules still ran


def test_a_pack_pattern_still_finds_its_matches(tmp_path):
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "house.toml").write_text(PACK.replace("(a|aa)+$", r"\butilise\b"))
    (tmp_path / ".prose-lint.toml").write_text('rule-packs = ["packs"]\nselect = ["slow-pattern"]\n')
    (tmp_path / "a.md").write_text("We utilise tools.\n")
    proc = run("a.md", cwd=tmp_path)
    assert proc.returncode == 1 and "a.md:1:4: warning slow-pattern found utilise" in proc.stdout, proc.stdout

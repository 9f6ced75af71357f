"""Without LanguageTool the other rules still run and report, and the message says exactly how to get grammar
(issue item 20). The install location is an empty directory ($PROSE_LINT_LANGUAGETOOL_HOME)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

TEXT = "# Chapter one\n\nThe the story begins here.\n"
FINDING = "chapter.md:3:5: warning repeated-word 'the' is repeated."


@pytest.fixture
def empty_home(tmp_path):
    (tmp_path / "lt-home").mkdir()
    (tmp_path / "chapter.md").write_text(TEXT)
    (tmp_path / "other.md").write_text("Another one.\n")
    (tmp_path / "empty-bin").mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "PROSE_LINT_LANGUAGETOOL_SERVER",
                                                             "JAVA_HOME")}
    env.update(PROSE_LINT_LANGUAGETOOL_HOME=str(tmp_path / "lt-home"), PROSE_LINT_CACHE_DIR=str(tmp_path / "cache"))
    return tmp_path, env


def run(cwd: Path, env: dict, *args: str):
    return subprocess.run([sys.executable, "-m", "prose_lint", "check", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


def test_the_other_rules_report_and_the_command_to_run_is_named_once(empty_home):
    cwd, env = empty_home
    out = run(cwd, env, "chapter.md", "other.md")
    assert out.returncode == 2  # grammar was asked for and not checked: never a silent pass
    assert FINDING in out.stdout
    assert out.stdout.splitlines()[-1] == (
        "Found 1 problem (1 warning) in 1 of 2 files. Grammar and spelling were not checked (see below).")
    assert out.stderr.count("\n") == 1, out.stderr  # one line for the run, not one error per file
    assert out.stderr == (
        "prose-lint: error: Grammar and spelling were not checked: LanguageTool is not installed; run "
        "`prose-lint languagetool install` once (needs Java 17+ and mvn), or pass --no-grammar to check without "
        "it.\n")
    assert list((cwd / "lt-home").iterdir()) == []  # nothing installed unasked


def test_json_output_keeps_the_findings(empty_home):
    import json

    cwd, env = empty_home
    out = run(cwd, env, "--output-format", "json", "chapter.md")
    assert [d["rule"] for d in json.loads(out.stdout)] == ["repeated-word"]
    assert out.returncode == 2


def test_no_grammar_and_a_selection_without_grammar_need_no_languagetool(empty_home):
    cwd, env = empty_home
    assert run(cwd, env, "--no-grammar", "chapter.md").returncode == 1
    out = run(cwd, env, "--select", "repeated-word", "chapter.md")
    assert out.returncode == 1 and out.stderr == ""


def test_install_on_first_use_needs_maven_and_says_what_to_do_without_it(empty_home):
    cwd, env = empty_home
    env = {**env, "PATH": str(cwd / "empty-bin")}  # no mvn, no java
    out = run(cwd, env, "--install-languagetool", "chapter.md")
    assert out.returncode == 2
    assert FINDING in out.stdout
    assert "Grammar and spelling were not checked: LanguageTool is not installed, and it is installed on first " \
           "use only from Maven Central, which needs Java 17+ and Maven: Maven (mvn) is not on PATH." in out.stderr
    assert "`args: [--no-grammar]`" in out.stderr
    assert "prose-lint languagetool install" not in out.stderr  # not a command a pre-commit user has
    assert list((cwd / "lt-home").iterdir()) == []

"""The real pre-commit hook on a machine without LanguageTool (issue item 20): the other rules still report;
without Maven the hook says exactly what to do (nothing that is not on the user's PATH); with Java and Maven
the first run installs LanguageTool from Maven Central, with a progress message, and checks grammar."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from test_precommit import git, manuscripts_using_the_hook


@pytest.mark.slow
def test_the_hook_without_languagetool(tmp_path):
    if not (shutil.which("mvn") and shutil.which("java")):
        pytest.fail("this test needs mvn and java on PATH (scripts/bootstrap's requirements)")
    work = manuscripts_using_the_hook(tmp_path)
    (work / "chapter.md").write_text("# Chapter one\n\nThe the story begins here. This are a problem.\n")
    git(work, "add", "-A")
    lt_home = tmp_path / "lt-home"
    lt_home.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("JAVA_HOME", "PROSE_LINT_LANGUAGETOOL_SERVER")}
    env.update(PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"), PROSE_LINT_CACHE_DIR=str(tmp_path / "cache"),
               PROSE_LINT_LANGUAGETOOL_HOME=str(lt_home))
    # The same machine without Maven and Java: PATH is one folder of links to every command but those.
    bare_bin = tmp_path / "bin"
    bare_bin.mkdir()
    for folder in os.environ["PATH"].split(os.pathsep):
        if not os.path.isdir(folder):
            continue
        for name in os.listdir(folder):
            if name not in ("mvn", "java") and not (bare_bin / name).exists():
                os.symlink(os.path.join(folder, name), bare_bin / name)
    bare = {**env, "PATH": str(bare_bin)}
    pre_commit = [sys.executable, "-m", "pre_commit", "run", "--files", "chapter.md"]
    try:
        first = subprocess.run(pre_commit, cwd=work, capture_output=True, text=True, env=bare, timeout=1800)
        output = first.stdout + first.stderr
        assert first.returncode == 1, output
        assert "chapter.md:3:5: warning repeated-word 'the' is repeated." in output  # not dropped
        assert "Grammar and spelling were not checked (see below)." in output
        assert "Maven (mvn) is not on PATH" in output and "`args: [--no-grammar]`" in output
        assert "prose-lint languagetool install" not in output  # not on a pre-commit user's PATH
        assert list(lt_home.iterdir()) == []

        # With Java and Maven, the first run installs LanguageTool from Maven Central and checks grammar.
        second = subprocess.run(pre_commit, cwd=work, capture_output=True, text=True, env=env, timeout=1800)
        output = second.stdout + second.stderr
        assert second.returncode == 1, output
        assert "prose-lint: LanguageTool is not installed: installing LanguageTool 6.8 from Maven Central" in output
        assert "LanguageTool 6.8 installed in" in output
        assert "chapter.md:3:5: warning repeated-word 'the' is repeated." in output
        assert "grammar/" in output, output  # "This are" is LanguageTool's
        assert "not checked" not in output
        assert (lt_home / "installed.json").is_file()

        third = subprocess.run(pre_commit, cwd=work, capture_output=True, text=True, env=env, timeout=1800)
        assert "installing" not in third.stdout + third.stderr  # once
        assert "grammar/" in third.stdout + third.stderr
    finally:
        hook_bin = next((tmp_path / "pre-commit-home").rglob("bin/prose-lint"), None)
        if hook_bin is not None:
            subprocess.run([str(hook_bin), "server", "stop"], env=env, capture_output=True, timeout=60)
            subprocess.run([str(hook_bin), "languagetool", "stop"], env=env, capture_output=True, timeout=60)

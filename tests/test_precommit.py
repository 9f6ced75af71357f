"""The real pre-commit, in a temporary git repository, with the hook from this checkout.

The working tree (what is being tested, committed or not) is copied into a
throw-away repository so that pre-commit installs exactly this code.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SKIP = {".git", ".venv", "node_modules", "__pycache__", ".pytest_cache", ".hypothesis", "tools", "benchmarks"}


def git(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=900)


def snapshot_repo(dest: Path) -> str:
    shutil.copytree(ROOT, dest, ignore=lambda d, names: [n for n in names if n in SKIP or n.endswith(".egg-info")])
    assert git(dest, "init", "-q").returncode == 0
    git(dest, "add", "-A")
    assert git(dest, "commit", "-q", "-m", "snapshot").returncode == 0
    return git(dest, "rev-parse", "HEAD").stdout.strip()


def manuscripts_using_the_hook(tmp_path: Path, args: str = "") -> Path:
    """A git repository of manuscripts whose .pre-commit-config.yaml uses a snapshot of this checkout's hook
    (``args``: the hook's ``args:`` list, e.g. "[--no-grammar]")."""
    hook_repo = tmp_path / "hook"
    rev = snapshot_repo(hook_repo)
    work = tmp_path / "manuscripts"
    work.mkdir()
    assert git(work, "init", "-q").returncode == 0
    extra = f"    args: {args}\n" if args else ""
    (work / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {hook_repo}\n  rev: {rev}\n  hooks:\n  - id: prose-lint\n{extra}")
    return work


@pytest.mark.slow
def test_commit_fails_on_a_defect_and_passes_when_fixed(tmp_path):
    work = manuscripts_using_the_hook(tmp_path, "[--no-grammar]")
    (work / "chapter.md").write_text("# Chapter one\n\nThe the story begins here.\n")
    (work / "script.py").write_text("x = 'the the'\n")  # not a manuscript: the hook must not look at it
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
           "PROSE_LINT_CACHE_DIR": str(tmp_path / "cache")}
    pre_commit = [sys.executable, "-m", "pre_commit"]
    install = subprocess.run([*pre_commit, "install"], cwd=work, capture_output=True, text=True, env=env)
    assert install.returncode == 0, install.stderr

    git(work, "add", "-A")
    failed = subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-m", "draft"],
                            cwd=work, capture_output=True, text=True, env=env, timeout=1800)
    assert failed.returncode != 0, failed.stdout + failed.stderr
    output = failed.stdout + failed.stderr
    assert "chapter.md:3:5: warning repeated-word 'the' is repeated." in output
    assert "script.py" not in output

    (work / "chapter.md").write_text("# Chapter one\n\nThe story begins here.\n")
    git(work, "add", "-A")
    passed = subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-m", "draft"],
                            cwd=work, capture_output=True, text=True, env=env, timeout=1800)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "prose-lint" in passed.stderr and "Passed" in passed.stderr
    # the hook runs with --server: stop the warm process it started (pre-commit's own environment)
    hook_python = next((tmp_path / "pre-commit-home").rglob("bin/prose-lint"))
    subprocess.run([str(hook_python), "server", "stop"], env=env, capture_output=True, timeout=60)

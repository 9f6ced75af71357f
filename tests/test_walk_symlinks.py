"""A directory walk does not follow a file symlink out of the walked tree (issue 15, item 3)."""

from __future__ import annotations

import os
from pathlib import Path
from cliutil import run_cli


def run(*args: str, cwd: Path):
    return run_cli("check", "--select", "repeated-word", *args, cwd=cwd)


def test_a_symlink_out_of_the_tree_is_skipped_with_a_notice(tmp_path):
    secret = tmp_path / "outside" / "secret.md"
    secret.parent.mkdir()
    secret.write_text("The the password is hunter2.\n")
    docs = tmp_path / "repo" / "docs"
    docs.mkdir(parents=True)
    (docs / "a.md").write_text("A clean page.\n")
    (docs / "leak.md").symlink_to(secret)
    (docs / "inside.md").symlink_to(docs / "a.md")  # a link inside the tree is checked as usual
    proc = run("--show-source", "docs", cwd=tmp_path / "repo")
    assert "hunter2" not in proc.stdout + proc.stderr
    assert proc.returncode == 0, proc.stdout + proc.stderr
    notices = [line for line in proc.stderr.splitlines() if line.strip()]
    assert notices == [f"prose-lint: notice: skipped {os.path.join('docs', 'leak.md')}: a symbolic link to a "
                       "file outside docs (name it explicitly to check it)"]
    assert "2 files" in proc.stdout  # a.md and inside.md

    named = run("--show-source", "docs/leak.md", cwd=tmp_path / "repo")  # named explicitly: checked
    assert named.returncode == 1 and "hunter2" in named.stdout

"""What a directory walk checks (``include`` / ``extend-include``), and what it says about the files it skips
(issue item 23); .gitignore outside a git repository (item 22)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from prose_lint.config import Settings
from prose_lint.errors import ConfigError
from prose_lint.walk import iter_files
from cliutil import run_cli


def run(*args: str, cwd: Path):
    return run_cli(*args, cwd=cwd)


@pytest.fixture
def tree(tmp_path):
    (tmp_path / ".prose-lint.toml").write_text('select = ["repeated-word"]\n')
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("a.md", "b.rst", "c.rst", "d.tex", "e.html", "f.adoc", "g.docx", "README", "notes.txt"):
        (docs / name).write_text("The the end.\n")
    (docs / ".hidden").write_text("The the end.\n")  # hidden files are not manuscripts: not counted
    return tmp_path


def test_the_summary_says_what_a_walk_skipped_and_verbose_lists_it(tree):
    plain = run("check", "docs", cwd=tree)
    assert plain.returncode == 1
    assert "docs/a.md:1:5:" in plain.stdout and "docs/notes.txt:1:5:" in plain.stdout
    assert "b.rst" not in plain.stdout
    assert plain.stdout.splitlines()[-1] == (
        "Found 2 problems (2 warnings) in 2 of 2 files. Skipped 7 files that no 'include' pattern matches "
        "(2 .rst, 1 .adoc, 1 .docx, 1 .html, 1 .tex, 1 no extension); --verbose lists them.")
    assert "skipped" not in plain.stderr  # listed only with --verbose
    verbose = run("check", "--verbose", "docs", cwd=tree)
    listed = sorted(line for line in verbose.stderr.splitlines() if line.startswith("prose-lint: skipped "))
    assert listed == [f"prose-lint: skipped {os.path.join('docs', n)}: no 'include' pattern matches it"
                      for n in ("README", "b.rst", "c.rst", "d.tex", "e.html", "f.adoc", "g.docx")]
    assert ".hidden" not in verbose.stderr


def test_include_and_extend_include_in_the_config(tree):
    (tree / ".prose-lint.toml").write_text('select = ["repeated-word"]\nextend-include = ["*.rst", "README"]\n')
    extended = run("check", "docs", cwd=tree)
    for name in ("a.md", "notes.txt", "b.rst", "c.rst", "README"):
        assert f"docs/{name}:1:5:" in extended.stdout
    assert "in 5 of 5 files. Skipped 4 files" in extended.stdout
    (tree / ".prose-lint.toml").write_text('select = ["repeated-word"]\ninclude = ["*.tex"]\n')
    replaced = run("check", "docs", cwd=tree)
    assert "docs/d.tex:1:5:" in replaced.stdout and "a.md" not in replaced.stdout
    assert "in 1 of 1 file. Skipped 8 files" in replaced.stdout
    # a glob with a '/' matches the path relative to the config file's directory
    (tree / ".prose-lint.toml").write_text('select = ["repeated-word"]\ninclude = ["docs/*.adoc"]\n')
    assert "docs/f.adoc:1:5:" in run("check", ".", cwd=tree).stdout


def test_include_on_the_command_line(tree):
    out = run("check", "--extend-include", "*.tex,*.html", "docs", cwd=tree)
    assert "docs/d.tex:1:5:" in out.stdout and "docs/e.html:1:5:" in out.stdout
    only = run("check", "--include", "*.adoc", "docs", cwd=tree)
    assert "docs/f.adoc:1:5:" in only.stdout and "a.md" not in only.stdout


def test_a_file_named_explicitly_is_checked_whatever_its_extension(tree):
    out = run("check", "docs/b.rst", cwd=tree)
    assert "docs/b.rst:1:5:" in out.stdout and "Skipped" not in out.stdout


def test_include_must_be_a_list_of_strings(tree):
    from prose_lint.config import ConfigResolver

    (tree / ".prose-lint.toml").write_text('include = "*.md"\n')
    with pytest.raises(ConfigError, match="include' must be a list of strings"):
        ConfigResolver(tree)
    out = run("check", "docs", cwd=tree)
    assert out.returncode == 2 and "include" in out.stderr


def test_gitignore_is_honoured_outside_a_git_repository(tmp_path):
    project = tmp_path / "not-a-repo"
    (project / "build-output").mkdir(parents=True)
    assert not any((d / ".git").exists() for d in (project, *project.parents))
    (project / ".gitignore").write_text("ignored.md\nbuild-output/\n")
    (project / "kept.md").write_text("x\n")
    (project / "ignored.md").write_text("x\n")
    (project / "build-output" / "out.md").write_text("x\n")
    assert list(iter_files([str(project)], Settings(root=tmp_path))) == [str(project / "kept.md")]
    out = run("check", "--select", "repeated-word", "not-a-repo", cwd=tmp_path)
    assert out.stdout == "All checks passed (1 file checked).\n"  # ignored files are not "skipped" kinds

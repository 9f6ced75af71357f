"""Each file is checked with its nearest configuration, as ruff does (issue item 22)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cliutil import run_cli

TEXT = "# Draft\n\nWe met in order to plan the the launch!!\n"


def run(*args: str, cwd: Path):
    return run_cli(*args, cwd=cwd)


@pytest.fixture
def workspace(tmp_path):
    """A parent folder (its own config: repeated-word only) holding two projects with configs of their own."""
    (tmp_path / ".prose-lint.toml").write_text('select = ["repeated-word"]\n')
    (tmp_path / "top.md").write_text(TEXT)
    proj = tmp_path / "proj"
    (proj / "docs").mkdir(parents=True)
    (proj / "pyproject.toml").write_text('[project]\nname = "p"\n\n[tool.prose-lint]\nselect = ["wordy"]\n'
                                         'fail-on = "info"\nexclude = ["docs/drafts/**"]\n')
    (proj / "docs" / "a.md").write_text(TEXT)
    (proj / "docs" / "drafts").mkdir()
    (proj / "docs" / "drafts" / "wip.md").write_text(TEXT)
    other = tmp_path / "other"
    (other / "sub").mkdir(parents=True)
    (other / ".prose-lint.toml").write_text('select = ["repeated-punctuation"]\n')
    (other / "sub" / "b.md").write_text(TEXT)
    # a pyproject.toml without a [tool.prose-lint] table is not a configuration: the search goes on upward
    (other / "sub" / "pyproject.toml").write_text('[project]\nname = "o"\n')
    return tmp_path


def rules_of(stdout: str, path: str) -> set[str]:
    return {line.split()[2] for line in stdout.splitlines() if line.startswith(path + ":")}


def test_a_file_named_from_a_parent_folder_gets_its_projects_config(workspace):
    out = run("check", "proj/docs/a.md", cwd=workspace)
    assert rules_of(out.stdout, "proj/docs/a.md") == {"wordy"}
    assert out.returncode == 1  # proj's fail-on = "info": wordy's info fails


def test_each_file_is_checked_with_its_own_settings_in_one_run(workspace):
    out = run("check", "top.md", "proj", "other/sub/b.md", cwd=workspace)
    assert rules_of(out.stdout, "top.md") == {"repeated-word"}
    assert rules_of(out.stdout, "proj/docs/a.md") == {"wordy"}
    assert rules_of(out.stdout, "other/sub/b.md") == {"repeated-punctuation"}
    # proj's exclude is relative to proj/ and applies to the walk of proj
    assert "wip.md" not in out.stdout
    assert out.stdout.splitlines()[-1].startswith("Found 3 problems (2 warnings, 1 info) in 3 of 3 files.")


def test_a_walk_uses_each_directorys_config(workspace):
    out = run("check", ".", cwd=workspace)
    assert rules_of(out.stdout, "top.md") == {"repeated-word"}
    assert rules_of(out.stdout, "proj/docs/a.md") == {"wordy"}
    assert rules_of(out.stdout, "other/sub/b.md") == {"repeated-punctuation"}
    assert "wip.md" not in out.stdout


def test_the_working_directory_is_not_what_decides(workspace):
    # from inside proj/docs the same file gets the same settings
    inside = run("check", "a.md", cwd=workspace / "proj" / "docs")
    assert rules_of(inside.stdout, "a.md") == {"wordy"}


def test_config_overrides_every_files_own(workspace):
    out = run("check", "--config", ".prose-lint.toml", "top.md", "proj", "other/sub/b.md", cwd=workspace)
    for path in ("top.md", "proj/docs/a.md", "other/sub/b.md"):
        assert rules_of(out.stdout, path) == {"repeated-word"}, out.stdout
    # the --config file's exclude (none given: the defaults) applies: proj's drafts are walked
    assert "proj/docs/drafts/wip.md" in out.stdout


def test_isolated_ignores_every_config(workspace):
    out = run("check", "--isolated", "--select", "wordy,repeated-punctuation", "top.md", "proj/docs/a.md",
              cwd=workspace)
    assert rules_of(out.stdout, "top.md") == {"wordy", "repeated-punctuation"}
    assert rules_of(out.stdout, "proj/docs/a.md") == {"wordy", "repeated-punctuation"}


def test_command_line_flags_apply_to_every_config(workspace):
    out = run("check", "--extend-select", "repeated-word", "top.md", "proj/docs/a.md", cwd=workspace)
    assert rules_of(out.stdout, "proj/docs/a.md") == {"wordy", "repeated-word"}
    assert rules_of(out.stdout, "top.md") == {"repeated-word"}


def test_a_file_without_a_config_above_it_gets_the_defaults(tmp_path):
    (tmp_path / "cwd").mkdir()
    (tmp_path / "cwd" / ".prose-lint.toml").write_text('select = ["wordy"]\n')
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "c.md").write_text(TEXT)
    out = run("check", "--no-grammar", "../elsewhere/c.md", cwd=tmp_path / "cwd")
    # the defaults: every rule on by default, repeated-word among them; not the working directory's select
    assert "repeated-word" in rules_of(out.stdout, "../elsewhere/c.md")


def test_fix_uses_each_files_settings(workspace):
    out = run("check", "--fix", "top.md", "proj/docs/a.md", cwd=workspace)
    assert (workspace / "proj" / "docs" / "a.md").read_text() == "# Draft\n\nWe met to plan the the launch!!\n"
    assert (workspace / "top.md").read_text() == TEXT  # repeated-word has no fix; wordy is not selected there
    assert out.returncode == 1

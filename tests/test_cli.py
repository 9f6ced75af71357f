"""End-to-end: the real command, its exit codes, its errors and what it never does (modify files unasked)."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from prose_lint.cli import main

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str, cwd: Path | None = None, stdin: str | None = None, env: dict | None = None):
    full_env = {**os.environ, **(env or {})}
    full_env.pop("FORCE_COLOR", None)
    return subprocess.run([sys.executable, "-m", "prose_lint", *args], cwd=cwd or ROOT, input=stdin,
                          capture_output=True, text=True, env=full_env, timeout=300)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def project(tmp_path):
    (tmp_path / ".prose-lint.toml").write_text('select = ["repeated-word", "wordy", "repeated-punctuation"]\n')
    (tmp_path / "good.md").write_text("A clean sentence.\n")
    (tmp_path / "bad.md").write_text("# Draft\n\nWe met in order to plan the the launch!!\n")
    return tmp_path


def test_exit_codes(project):
    assert run("check", "good.md", cwd=project).returncode == 0
    bad = run("check", "bad.md", cwd=project)
    assert bad.returncode == 1
    assert "bad.md:3:29: warning repeated-word 'the' is repeated." in bad.stdout
    assert run("check", "bad.md", "--exit-zero", cwd=project).returncode == 0
    assert run("check", "bad.md", "--fail-on", "error", cwd=project).returncode == 0
    assert run("check", "bad.md", "--select", "wordy", cwd=project).returncode == 0  # info only
    assert run("check", "bad.md", "--select", "wordy", "--fail-on", "info", cwd=project).returncode == 1


def test_files_are_never_modified_without_fix(project):
    before = digest(project / "bad.md")
    run("check", ".", "--output-format", "json", cwd=project)
    run("check", ".", "--diff", cwd=project)
    assert digest(project / "bad.md") == before


def test_diff_then_fix(project):
    diff = run("check", "bad.md", "--diff", cwd=project)
    assert diff.returncode == 1
    assert "-We met in order to plan the the launch!!" in diff.stdout
    assert "+We met to plan the the launch!!" in diff.stdout
    fixed = run("check", "bad.md", "--fix", cwd=project)
    assert (project / "bad.md").read_text() == "# Draft\n\nWe met to plan the the launch!!\n"
    # what is left is reported at its new position
    assert "bad.md:3:20: warning repeated-word" in fixed.stdout
    assert fixed.returncode == 1
    assert sorted(p.name for p in project.iterdir()) == [".prose-lint.toml", "bad.md", "good.md"]


def test_fix_keeps_crlf_and_bom(project):
    path = project / "crlf.md"
    path.write_bytes(b"\xef\xbb\xbfLine one.\r\n\r\nIn order to win.\r\n")
    run("check", "crlf.md", "--fix", cwd=project)
    assert path.read_bytes() == b"\xef\xbb\xbfLine one.\r\n\r\nTo win.\r\n"


def test_bad_files_are_reported_and_the_rest_checked(project):
    (project / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (project / "latin1.txt").write_bytes(b"caf\xe9 the the\n")
    proc = run("check", "binary.txt", "latin1.txt", "bad.md", "missing.md", cwd=project)
    assert proc.returncode == 2
    errors = proc.stderr.strip().splitlines()
    assert errors == [
        "prose-lint: error: binary.txt: binary file, not text",
        "prose-lint: error: latin1.txt: not valid UTF-8 (invalid byte 0xe9 at offset 3); convert it to UTF-8",
        "prose-lint: error: missing.md: no such file",
    ]
    assert "bad.md:3:29" in proc.stdout
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("config, fragment", [
    ("select = [\n", ".prose-lint.toml: invalid TOML"),
    ('fail-on = "never"\n', "key 'fail-on' must be one of error, warning, info"),
    ('select = ["nonsense"]\n', "unknown rule or family 'nonsense'"),
])
def test_bad_config_is_one_line_exit_2(project, config, fragment):
    (project / ".prose-lint.toml").write_text(config)
    proc = run("check", "good.md", cwd=project)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and fragment in proc.stderr and "Traceback" not in proc.stderr


def test_unknown_rule_on_command_line(project):
    proc = run("check", "--select", "bogus-rule", "good.md", cwd=project)
    assert proc.returncode == 2 and "unknown rule or family 'bogus-rule'" in proc.stderr


def test_stdin(project):
    proc = run("check", "-", "--stdin-filename", "notes/draft.md", cwd=project, stdin="Too too many!!\n")
    assert proc.returncode == 1
    assert proc.stdout.startswith("notes/draft.md:1:5: warning repeated-word")
    fixed = run("check", "-", "--fix", "--stdin-filename", "x.md", "--select", "wordy", cwd=project,
                stdin="In order to go.\n")
    assert fixed.stdout == "To go.\n"


def test_baseline_reports_only_new_problems(project):
    first = run("check", ".", "--baseline", "baseline.json", cwd=project)
    assert first.returncode == 0 and "wrote 3 diagnostic(s) to baseline" in first.stderr
    assert run("check", ".", "--baseline", "baseline.json", cwd=project).returncode == 0
    # an unrelated edit above the old problems does not resurrect them...
    (project / "bad.md").write_text("# Draft\n\nA new first line.\n\nWe met in order to plan the the launch!!\n")
    assert run("check", ".", "--baseline", "baseline.json", cwd=project).returncode == 0
    # ...but a new problem is reported
    (project / "good.md").write_text("A clean clean sentence.\n")
    proc = run("check", ".", "--baseline", "baseline.json", cwd=project)
    assert proc.returncode == 1 and "good.md:1:9" in proc.stdout and "bad.md" not in proc.stdout


def test_walk_honours_gitignore_and_exclude(project):
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    (project / ".gitignore").write_text("ignored/\n")
    for d in ("ignored", "drafts", "docs"):
        (project / d).mkdir()
        (project / d / "x.md").write_text("the the\n")
    (project / "docs" / "image.png").write_bytes(b"\x89PNG")
    with open(project / ".prose-lint.toml", "a") as f:
        f.write('exclude = ["drafts"]\n')
    proc = run("check", ".", "--output-format", "json", cwd=project)
    paths = sorted({item["path"] for item in json.loads(proc.stdout)})
    assert paths == ["bad.md", "docs/x.md"]


def test_no_color_and_force_color(project):
    assert "\x1b[" not in run("check", "bad.md", "--color", "always", cwd=project, env={"NO_COLOR": "1"}).stdout
    assert "\x1b[" in run("check", "bad.md", "--color", "always", cwd=project).stdout


def test_rules_and_rule_docs(capsys):
    assert main(["rules"]) == 0
    listing = capsys.readouterr().out
    assert "repeated-word" in listing and "unused-suppression" in listing
    assert main(["rule", "wordy"]) == 0
    doc = capsys.readouterr().out
    assert doc.startswith("wordy\n=====") and "Fixable: yes" in doc and "several words" in doc
    assert main(["rule", "no-such-rule"]) == 2
    assert "unknown rule 'no-such-rule'" in capsys.readouterr().err


def test_every_rule_has_documentation(capsys):
    assert main(["rules", "--format", "json"]) == 0
    rules = json.loads(capsys.readouterr().out)
    assert len(rules) >= 6
    for rule in rules:
        assert main(["rule", rule["id"]]) == 0
        doc = capsys.readouterr().out
        assert len(doc.split("\n\n", 2)[-1].strip()) > 40, f"{rule['id']} has no real documentation"


def test_version_and_help():
    assert run("--version").stdout.startswith("prose-lint ")
    help_text = run("check", "--help").stdout
    assert "examples:" in help_text and "exit codes:" in help_text


def test_examples_end_to_end():
    proc = run("check", "--no-grammar", "--output-format", "json", "examples")
    assert proc.returncode == 1, proc.stderr
    rules = {item["rule"].split("/")[0] for item in json.loads(proc.stdout)}
    assert {"repeated-word", "wordy", "spelling-consistency"} <= rules


def test_dask_batch_mode_gives_the_local_results():
    args = ["check", "--no-grammar", "--output-format", "json", "examples"]
    local = run(*args)
    batch = run(*args, "--dask", "local")
    assert batch.returncode == local.returncode == 1, batch.stderr
    assert json.loads(batch.stdout) == json.loads(local.stdout)


def test_unwritable_outputs_are_one_line_errors(project):
    for args, fragment in (
        (["bad.md", "-o", "no/such/dir/report.json"], "no/such/dir/report.json: cannot write the report"),
        (["bad.md", "--baseline", "no/such/dir/b.json"], "no/such/dir/b.json: cannot write baseline"),
        (["bad.md", "--jobs", "-1"], "--jobs must be 0 or more"),
    ):
        proc = run("check", *args, cwd=project)
        assert proc.returncode == 2 and fragment in proc.stderr and "Traceback" not in proc.stderr, proc.stderr


def test_a_fix_that_cannot_be_written_leaves_the_file(project, monkeypatch, capsys):
    import prose_lint.source

    def refuse(path, data, **_):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(prose_lint.source, "write_atomically", refuse)
    monkeypatch.chdir(project)
    before = (project / "bad.md").read_text()
    assert main(["check", "bad.md", "--fix"]) == 2
    assert "bad.md: cannot write the fixed file: Permission denied; left unchanged" in capsys.readouterr().err
    assert (project / "bad.md").read_text() == before

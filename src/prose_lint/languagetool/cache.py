"""Per-paragraph LanguageTool results in SQLite (``<cache>/languagetool-results.sqlite``).

Key: sha256 of (LanguageTool version/engine, language, rule settings, what
LanguageTool sees of the paragraph). Value: the matches with offsets relative
to the paragraph. Entries unused for 60 days are dropped now and then.
"""

from __future__ import annotations

import hashlib
import os
import json
import sqlite3
import threading
import time
from pathlib import Path

MAX_AGE = 60 * 86400


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
        self.hits = 0
        self.misses = 0

    def _conn(self) -> sqlite3.Connection | None:
        if self._db is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                from prose_lint.private import open_private

                # created 0600 before SQLite opens it: its -wal and -shm files take the same mode
                os.close(open_private(self.path, os.O_RDWR | os.O_CREAT))
                db = sqlite3.connect(str(self.path), timeout=10, check_same_thread=False, isolation_level=None)
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")
                db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, matches TEXT NOT NULL, "
                           "used REAL NOT NULL)")
                self._db = db
            except (sqlite3.Error, OSError):
                return None
        return self._db

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
            except (sqlite3.Error, ValueError):
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
            except sqlite3.Error:
                try:
                    db.execute("ROLLBACK")
                except sqlite3.Error:
                    pass

    def clear(self) -> None:
        db = self._conn()
        if db is not None:
            with self._lock:
                db.execute("DELETE FROM results")

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

"""The rule ids the installed LanguageTool knows, to validate ``grammar/<id>`` and ``spelling/<id>``.

LanguageTool's HTTP server has no list of its rules, and its rule ids live partly in Java code, partly
in the ``grammar.xml`` files of the language modules. So the installed jars are asked directly:
``ListRules.java`` (next to this file, run as a single-file source program with the installation's
classpath) prints every rule of every variant of a language (``en``: en-US, en-GB, en-AU...) with its
issue type, which decides the family as it does for matches (``check.is_spelling``). That takes 15-30 s,
once: the list is cached next to the installed LanguageTool as ``rule-ids-<version>-<language>.json``
(or in the cache dir when the installation is not writable), keyed by LanguageTool's version.

When LanguageTool is not installed, Java is missing or the listing fails, :meth:`RuleIds.known` answers
None: the ids cannot be checked and are accepted. A :class:`RuleIds` remembers its answers; the grammar and
spelling rules each hold one, so its lifetime is their registry's (one per Linter or command). A failed
listing is also written down next to where the list would be (``rule-ids-<version>-<language>.failed``) and
not tried again for ``RETRY_AFTER`` seconds by any process: a listing that times out costs minutes, and
each pre-commit run is a new process.
"""

from __future__ import annotations

import json
import subprocess
import threading
from pathlib import Path

LISTER = Path(__file__).with_name("ListRules.java")
FORMAT = 1
RETRY_AFTER = 3600.0


def primary_language(language: str) -> str:
    return (language or "en").split("-")[0].split("_")[0].lower() or "en"


def cache_path(home: Path, version: str, primary: str) -> Path:
    return home / f"rule-ids-{version}-{primary}.json"


def _candidates(inst, primary: str) -> list[Path]:
    from prose_lint.languagetool.install import cache_dir

    from prose_lint.errors import ProseLintError

    paths = [cache_path(Path(inst.home), inst.version, primary)]
    try:
        paths.append(cache_path(cache_dir(), inst.version, primary))
    except (OSError, ProseLintError):  # an unusable cache dir: the installation's directory only
        pass
    return paths


def _failure_path(path: Path) -> Path:
    return path.with_suffix(".failed")


def _failed_recently(paths: list[Path]) -> bool:
    import time

    for path in paths:
        try:
            if time.time() - _failure_path(path).stat().st_mtime < RETRY_AFTER:
                return True
        except OSError:
            continue
    return False


def _store_failure(paths: list[Path], reason: str) -> None:
    from prose_lint.private import write_private

    for path in paths:
        try:
            write_private(_failure_path(path), reason + "\n")
            return
        except OSError:
            continue


def _read(path: Path, version: str) -> frozenset[str] | None:
    try:
        if not path.is_file() or path.is_symlink():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("version") != version or data.get("format") != FORMAT:
        return None
    ids = data.get("ids")
    return frozenset(ids) if isinstance(ids, list) and all(isinstance(i, str) for i in ids) else None


def list_ids(inst, primary: str, timeout: float = 600) -> frozenset[str]:
    """Run ListRules.java on the installation: prose-lint ids (``grammar/X``, ``spelling/Y``)."""
    from prose_lint.errors import ToolError
    from prose_lint.languagetool.check import is_spelling
    from prose_lint.languagetool.install import find_java

    java = find_java()
    command = [java.path, "-Xmx1g", "-XX:+UseSerialGC", "-Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener",
               "-cp", inst.classpath, str(LISTER), primary]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ToolError(f"cannot list LanguageTool's rules: {exc}") from None
    lines = done.stdout.splitlines()
    if done.returncode != 0 or "DONE" not in lines:
        tail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
        raise ToolError(f"cannot list LanguageTool's rules (exit {done.returncode}): {tail[0][:200]}")
    ids = set()
    for line in lines:
        parts = line.split("\t")
        if len(parts) == 3 and parts[0] == "RULE" and parts[1]:
            ids.add(f"{'spelling' if is_spelling(parts[1], parts[2]) else 'grammar'}/{parts[1]}")
    if not ids:
        raise ToolError(f"LanguageTool listed no rules for {primary!r}")
    return frozenset(ids)


class RuleIds:
    """The installed LanguageTool's rule ids by language, remembered once found (or found unknowable)."""

    def __init__(self) -> None:
        self._known: dict[tuple[str, str], frozenset[str] | None] = {}
        self._lock = threading.Lock()

    def known(self, language: str, compute: bool = True) -> frozenset[str] | None:
        """The ids (``grammar/X``, ``spelling/Y``) the installed LanguageTool may report for ``language``'s
        variants; None when they cannot be known (not installed, no Java, listing failed, or not cached
        and ``compute`` is false)."""
        from prose_lint.errors import ProseLintError
        from prose_lint.languagetool.install import find_installation

        try:
            inst = find_installation()
        except ProseLintError:
            return None
        if inst is None:
            return None
        primary = primary_language(language)
        key = (inst.home, primary)
        with self._lock:
            if key in self._known:
                return self._known[key]
            paths = _candidates(inst, primary)
            for path in paths:
                ids = _read(path, inst.version)
                if ids is not None:
                    self._known[key] = ids
                    return ids
            if not compute or _failed_recently(paths):
                return None
            with _listing_lock(paths, primary):  # one listing when several runs start together
                for path in paths:
                    ids = _read(path, inst.version)
                    if ids is not None:
                        self._known[key] = ids
                        return ids
                try:
                    ids = list_ids(inst, primary)
                except ProseLintError as exc:
                    _store_failure(paths, str(exc))
                    self._known[key] = None  # not again: ids are accepted unchecked
                    return None
                _store(paths, inst.version, primary, ids)
            self._known[key] = ids
            return ids


def _listing_lock(paths: list[Path], primary: str):
    """A file lock next to where the list is stored; none when no such place can be locked."""
    import contextlib

    from filelock import FileLock

    for path in reversed(paths):
        lock = FileLock(str(path.parent / f"rule-ids-{primary}.lock"))
        try:
            lock.acquire(timeout=900)
        except (OSError, TimeoutError):
            continue

        @contextlib.contextmanager
        def held(lock=lock):
            try:
                yield
            finally:
                lock.release()

        return held()
    return contextlib.nullcontext()


def _store(paths: list[Path], version: str, primary: str, ids: frozenset[str]) -> None:
    from prose_lint.private import write_private

    data = json.dumps({"format": FORMAT, "version": version, "language": primary, "ids": sorted(ids)}, indent=0)
    for path in paths:
        try:
            write_private(path, data)
            return
        except OSError:
            continue


def closest(rule_id: str, candidates) -> str | None:
    import difflib

    found = difflib.get_close_matches(rule_id, list(candidates), n=1, cutoff=0.6)
    return found[0] if found else None

"""The warm server's memory: Linters by settings, and results of files that did not change (server.py)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any


class _Results:
    """Results of earlier requests, by (linter key, cwd, path, digest of the text), least recently used
    out first once the texts they hold pass ``max_chars``."""

    def __init__(self, max_chars: int = 64_000_000) -> None:
        from collections import OrderedDict

        self.entries: OrderedDict[tuple, Any] = OrderedDict()
        self.chars = 0
        self.max_chars = max_chars

    def get(self, key: tuple):
        result = self.entries.get(key)
        if result is not None:
            self.entries.move_to_end(key)
        return result

    def put(self, key: tuple, result) -> None:
        self.entries[key] = result
        self.chars += len(result.text)
        while self.chars > self.max_chars and self.entries:
            self.chars -= len(self.entries.popitem(last=False)[1].text)


_RESULTS = _Results()


def _environment(settings) -> tuple:
    """What a result depends on besides the settings and the file: the user's rule-pack files and the
    LanguageTool installation (a new pack rule or LanguageTool version must not be served stale)."""
    packs = []
    for directory in settings.pack_dirs:
        for path in sorted(Path(directory).glob("*.toml")):
            try:
                stat = path.stat()
            except OSError:
                continue
            packs.append((str(path), stat.st_size, stat.st_mtime_ns))
    from prose_lint.languagetool.install import lt_home

    try:
        lt = (lt_home() / "installed.json").stat().st_mtime_ns
    except OSError:
        lt = 0
    return tuple(packs), lt


def lint_request(linters: dict, request: dict):
    """Lint the request's files; a file whose text, settings and environment are unchanged since an
    earlier request gets that result again without running any rule (the pre-commit case: most
    files of a commit were checked by the previous one)."""
    from prose_lint.engine import FileResult, Linter
    from prose_lint.errors import ProseLintError
    from prose_lint.source import read_source

    from prose_lint import wire
    from prose_lint.config import Settings

    settings = request.get("settings")
    paths = request.get("paths")
    if not isinstance(settings, Settings) or not isinstance(paths, list) or not all(isinstance(p, str) for p in paths):
        raise ValueError("not a lint request")
    key = (wire.dumps(settings), _environment(settings))
    linter = linters.get(key)
    if linter is None:
        if len(linters) >= 8:
            linters.clear()
        linter = linters[key] = Linter(settings)
    os.chdir(request["cwd"])  # paths are reported as the client gave them
    results = []
    for path in paths:
        try:
            source = read_source(path, settings.max_file_size)
        except ProseLintError as exc:
            results.append(FileResult(path, error=str(exc)))
            continue
        entry = (key, request["cwd"], path, hashlib.sha256(source.text.encode("utf-8", "surrogatepass")).digest())
        result = _RESULTS.get(entry)
        if result is None:
            result = linter.lint_source(source)
            if result.error is None:  # LanguageTool down: try again next time
                _RESULTS.put(entry, result)
        results.append(result)
    return results

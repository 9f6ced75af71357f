"""The warm server's memory: its Linters (linter_cache.py) and the results of files that did not change."""

from __future__ import annotations

import hashlib
import os
from typing import Any, Callable


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


def _remembered(linter_key: tuple, cwd: str) -> Callable:
    """The hook ``Linter.lint_path`` calls with the text it read: the earlier result for the same text,
    settings and environment, or a new one (kept unless it has an error: LanguageTool may be back next time)."""

    def lint(source, lint_source):
        text = hashlib.sha256(source.text.encode("utf-8", "surrogatepass")).digest()
        entry = (linter_key, cwd, source.path, text)
        result = _RESULTS.get(entry)
        if result is None:
            result = lint_source(source)
            if result.error is None:
                _RESULTS.put(entry, result)
        return result

    return lint


def lint_request(linters, request: dict):
    """Lint the request's files with the same ``Linter.lint_path`` as an in-process run; a file whose
    text, settings and environment are unchanged since an earlier request gets that result again
    without running any rule (the pre-commit case: most files of a commit were checked by the previous
    one). ``linters``: the server's LinterCache."""
    from prose_lint.config import Settings

    settings = request.get("settings")
    paths = request.get("paths")
    if not isinstance(settings, Settings) or not isinstance(paths, list) or not all(isinstance(p, str) for p in paths):
        raise ValueError("not a lint request")
    key, linter = linters.lookup(settings)
    os.chdir(request["cwd"])  # paths are reported as the client gave them
    remembered = _remembered(key, request["cwd"])
    return [linter.lint_path(path, remembered) for path in paths]

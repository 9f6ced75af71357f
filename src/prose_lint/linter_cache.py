"""Linters by what they depend on, so that each is built once: the command line's config groups, the warm
server's requests and each Dask worker thread share this one cache and this one key.

Building a Linter validates the settings and loads the rule packs; a warm process keeps it, and with it
the rules' compiled patterns. The key is what a Linter's results depend on: the settings (by value: the
warm server decodes a new Settings for every request) and the environment outside them (the user's
rule-pack files and the LanguageTool installation), so that a long-lived process never answers with a
Linter built for an older rule pack or LanguageTool version. The server's result cache (server_cache.py)
keys its results with the same key.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from prose_lint.errors import ProseLintError

if TYPE_CHECKING:  # pragma: no cover
    from prose_lint.config import Settings
    from prose_lint.engine import Linter


def linter_key(settings: Settings) -> tuple:
    from prose_lint import wire

    return wire.dumps(settings), _environment(settings)


def _environment(settings: Settings) -> tuple:
    packs = []
    for directory in settings.pack_dirs:
        for path in sorted(Path(directory).glob("*.toml")):
            try:
                stat = path.stat()
            except OSError:
                continue
            packs.append((str(path), stat.st_size, stat.st_mtime_ns))
    return tuple(packs), _languagetool_installed(settings)


def _languagetool_installed(settings: Settings) -> int:
    """When the local LanguageTool was (re)installed, for a check that uses it; else 0, as when it is not
    installed or the cache directory cannot be used (the run says so itself; a key must not fail)."""
    from prose_lint.languagetool.install import grammar_wanted, lt_home

    try:
        if not grammar_wanted(settings):
            return 0  # and a check without grammar does not create the cache directory here
        return (lt_home() / "installed.json").stat().st_mtime_ns
    except (OSError, ProseLintError):
        return 0


class LinterCache:
    """``limit``: how many Linters a long-lived process keeps (all are dropped when it is reached: settings
    change rarely); ``None`` for a run that ends with its process."""

    def __init__(self, limit: int | None = None) -> None:
        self.limit = limit
        self._linters: dict[tuple, Linter] = {}

    def __len__(self) -> int:
        return len(self._linters)

    def lookup(self, settings: Settings) -> tuple[tuple, Linter]:
        """The key of ``settings`` and its Linter."""
        key = linter_key(settings)
        linter = self._linters.get(key)
        if linter is None:
            from prose_lint.engine import Linter

            if self.limit is not None and len(self._linters) >= self.limit:
                self._linters.clear()
            linter = self._linters[key] = Linter(settings)
        return key, linter

    def get(self, settings: Settings) -> Linter:
        return self.lookup(settings)[1]

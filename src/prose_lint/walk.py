"""Which files to check: explicit files, and directories walked for manuscripts.

Directories yield the files that ``include`` globs match (default: Markdown and
text files; ``extend-include`` adds more), skipping ``exclude`` patterns
(gitignore-style, as ``per-file-ignores``: patterns.py) and, unless
``respect-gitignore = false``, what .gitignore files exclude (each
.gitignore applies to its own directory and below, as git does). Inside a git
repository the .gitignore files from the repository's root down apply; outside
one, those of the walked directory and below (git would read none, but a folder
copied out of a repository, or not yet under git, means the same). ``exclude``
also applies to files named explicitly, so a pre-commit run honours it.

Each directory is walked with the settings of its nearest config file
(``ConfigResolver``). Files a walk passes over because no ``include`` glob
matches them are counted in a ``WalkReport`` (the summary says how many of which
kinds; ``--verbose`` lists them); hidden files (``.gitignore``) are not counted.

A symbolic link met in a walk is followed only when it resolves inside the walked
directory: ``leak.md -> /etc/passwd`` in a pull request must not print the target's
lines into a CI log (``--show-source``). It is skipped with a notice on stderr; a
link named explicitly is checked.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Union

from prose_lint import patterns
from prose_lint.config import Settings


@dataclass
class WalkReport:
    """What a walk passed over: files that no ``include`` glob matches."""

    skipped: list[str] = field(default_factory=list)

    def kinds(self) -> Counter[str]:
        return Counter(kind_of(p) for p in self.skipped)


def kind_of(path: str) -> str:
    suffix = Path(path).suffix.lower()
    return suffix if suffix else "no extension"


def is_included(path: Path, settings: Settings) -> bool:
    """Whether a file met in a walk is one to check: its path relative to the config's root matches an
    ``include`` pattern. The patterns are gitignore-style, as ``exclude``'s are (``patterns.py``): "*.md"
    matches at any depth, "docs/*.md" only in docs/. Unlike ``exclude``, case is ignored, so that
    "*.md" also takes README.MD."""
    rel = patterns.relative(path, settings.root).lower()
    return patterns.matches_any(rel, tuple(p.lower() for p in settings.include))


SettingsFor = Union[Settings, Callable[[Path], Settings]]


def _settings_for(settings: SettingsFor) -> Callable[[Path], Settings]:
    if isinstance(settings, Settings):
        return lambda _directory: settings
    return settings


def is_excluded(path: Path, settings: Settings, is_dir: bool = False) -> bool:
    """Whether an ``exclude`` pattern (patterns.py: the same matcher as ``per-file-ignores``) matches."""
    return patterns.matches_any(patterns.relative(path, settings.root), settings.exclude, is_dir)


class _GitIgnore:
    def __init__(self) -> None:
        self.specs: dict[Path, object] = {}

    def spec_for(self, directory: Path):
        if directory not in self.specs:
            import pathspec

            ignore = directory / ".gitignore"
            spec = None
            if ignore.is_file():
                try:
                    spec = pathspec.GitIgnoreSpec.from_lines(ignore.read_text(encoding="utf-8", errors="replace").splitlines())
                except Exception:
                    spec = None
            self.specs[directory] = spec
        return self.specs[directory]

    def ignored(self, path: Path, is_dir: bool, ancestors: list[Path]) -> bool:
        for base in ancestors:
            spec = self.spec_for(base)
            if spec is None:
                continue
            rel = path.relative_to(base).as_posix() + ("/" if is_dir else "")
            if spec.match_file(rel):
                return True
        return False


def _git_root(start: Path) -> Path | None:
    for directory in (start, *start.parents):
        if (directory / ".git").exists():
            return directory
    return None


def iter_files(paths: list[str], settings: SettingsFor, report: WalkReport | None = None) -> Iterator[str]:
    """Paths to check, each once, in a stable order ('-' passes through for stdin).

    ``settings``: one Settings for every path, or a function of a directory to its Settings
    (``ConfigResolver.for_directory``)."""
    settings_of = _settings_for(settings)
    report = report if report is not None else WalkReport()
    seen: set[str] = set()
    gitignore = _GitIgnore()
    for given in paths:
        if given == "-":
            yield given
            continue
        path = Path(given)
        if path.is_dir():
            for found in sorted(_walk(path, settings_of, gitignore, report)):
                if found not in seen:
                    seen.add(found)
                    yield found
        else:
            if given not in seen and not is_excluded(path, settings_of(path.parent)):
                seen.add(given)
                yield given  # a missing file is reported as a file error by the engine


def _outside(link: Path, real_top: str) -> bool:
    target = os.path.realpath(link)
    return os.path.commonpath([target, real_top]) != real_top


def _walk(top: Path, settings_of: Callable[[Path], Settings], gitignore: _GitIgnore,
          report: WalkReport) -> Iterator[str]:
    top_abs = Path(os.path.abspath(top))
    real_top = os.path.realpath(top)
    # Outside a git repository the walked directory's own .gitignore files (and those below it) apply.
    root = _git_root(top_abs) or top_abs

    def ancestors_of(directory: Path) -> list[Path]:
        if root is None:
            return []
        chain = [directory, *directory.parents]
        return [d for d in chain if d == root or root in d.parents]

    for dirpath, dirnames, filenames in os.walk(top):
        current = Path(dirpath)
        current_abs = Path(os.path.abspath(current))
        settings = settings_of(current)
        chain = ancestors_of(current_abs) if settings.respect_gitignore else []
        keep = []
        for name in sorted(dirnames):
            child = current / name
            if name == ".git" or is_excluded(child, settings, is_dir=True):
                continue
            if chain and gitignore.ignored(current_abs / name, True, chain):
                continue
            keep.append(name)
        dirnames[:] = keep
        for name in sorted(filenames):
            child = current / name
            if is_excluded(child, settings):
                continue
            if chain and gitignore.ignored(current_abs / name, False, chain):
                continue
            if not is_included(child, settings):
                if not name.startswith("."):
                    report.skipped.append(str(child))
                continue
            if os.path.islink(child) and _outside(child, real_top):
                print(f"prose-lint: notice: skipped {child}: a symbolic link to a file outside {top} "
                      "(name it explicitly to check it)", file=sys.stderr)
                continue
            yield str(child)

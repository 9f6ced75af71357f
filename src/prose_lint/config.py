"""Configuration: ``[tool.prose-lint]`` in pyproject.toml or a ``.prose-lint.toml``.

Each file is checked with the settings of the configuration nearest to it, as
ruff does: the first ``.prose-lint.toml``, or ``pyproject.toml`` with a
``[tool.prose-lint]`` table, from the file's directory upward (``.prose-lint.toml``
before ``pyproject.toml`` in the same directory); a file with none above it gets
the defaults. ``--config`` names one file for every path, ``--isolated`` ignores
them all (``ConfigResolver``). Paths in a config file are relative to that
file's directory.
Every unknown key or bad value is an error naming the file, the key and what
is allowed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from prose_lint.diagnostic import Severity
from prose_lint.errors import ConfigError
from prose_lint.tomlcompat import tomllib

MARKUPS = ("auto", "markdown", "text")
OUTPUT_FORMATS = ("text", "json", "sarif", "github")

# key -> (type, description); list types hold strings.
KEYS: dict[str, tuple[type, str]] = {
    "select": (list, "rule ids or family prefixes to run (replaces the default set; 'ALL' for every rule)"),
    "extend-select": (list, "rule ids or families to run in addition"),
    "ignore": (list, "rule ids or families not to run"),
    "fail-on": (str, "lowest severity that makes the exit code 1: error, warning or info"),
    "language": (str, "language of the manuscripts: en (default: en-GB or en-US by each document's spelling), en-US, en-GB..."),
    "markup": (str, "auto, markdown or text"),
    "rule-packs": (list, "extra directories of rule packs (*.toml)"),
    "vocabulary": (str, "file of accepted words, one per line ('#' starts a comment)"),
    "include": (list, "glob patterns of the files a directory walk checks (replaces the default: Markdown and .txt)"),
    "extend-include": (list, "more glob patterns of files a directory walk checks, e.g. \"*.rst\""),
    "exclude": (list, "glob patterns of paths never checked"),
    "extend-exclude": (list, "more glob patterns of paths never checked"),
    "respect-gitignore": (bool, "skip files that .gitignore excludes when walking directories"),
    "per-file-ignores": (dict, "table: glob -> list of rule ids or families to ignore there"),
    "rules": (dict, "table: rule id -> table of 'severity' and rule options"),
    "languagetool": (dict, "LanguageTool settings (see `prose-lint languagetool --help`)"),
    "jobs": (int, "worker processes for several files (0: one per core)"),
    "output-format": (str, "text, json, sarif or github"),
    "show-source": (bool, "show the source line and a caret under each diagnostic"),
    "report-unused-suppressions": (bool, "report inline suppressions that suppress nothing"),
    "server": (bool, "hand files to a warm prose-lint process (fast pre-commit runs; see docs/server.md)"),
    "max-file-size": (int, "largest file checked, in bytes or with a unit: 50000000, \"50MB\", \"512kB\", \"1GiB\""),
}

DEFAULT_INCLUDE = ["*.md", "*.markdown", "*.mdown", "*.mkd", "*.txt", "*.text"]
DEFAULT_EXCLUDE = [".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", "build", "dist"]


@dataclass
class RuleSettings:
    severity: Severity | None = None
    options: dict[str, Any] = field(default_factory=dict)


@dataclass
class Settings:
    root: Path = field(default_factory=Path.cwd)
    config_path: Path | None = None
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    fail_on: Severity = Severity.WARNING
    language: str = "en"  # en: en-GB or en-US by each document's spelling (prose_lint/variety.py)
    markup: str = "auto"
    pack_dirs: list[Path] = field(default_factory=list)
    vocabulary_path: Path | None = None
    vocabulary: frozenset[str] = frozenset()
    include: list[str] = field(default_factory=lambda: list(DEFAULT_INCLUDE))
    exclude: list[str] = field(default_factory=lambda: list(DEFAULT_EXCLUDE))
    respect_gitignore: bool = True
    per_file_ignores: list[tuple[str, list[str]]] = field(default_factory=list)
    rules: dict[str, RuleSettings] = field(default_factory=dict)
    languagetool: dict[str, Any] = field(default_factory=dict)
    jobs: int = 0
    output_format: str = "text"
    show_source: bool = False
    report_unused_suppressions: bool = False
    server: bool = False
    statistics: bool = False
    no_grammar: bool = False  # --no-grammar: never start LanguageTool
    max_file_size: int = 50_000_000  # bytes; larger files are a file error (source.DEFAULT_MAX_FILE_SIZE)

    GRAMMAR_FAMILIES = ("grammar", "spelling")

    @property
    def where(self) -> str:
        return str(self.config_path) if self.config_path else "command line"


def find_config(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest .prose-lint.toml, or pyproject.toml with a [tool.prose-lint] table."""
    for directory in (start, *start.parents):
        dedicated = directory / ".prose-lint.toml"
        if dedicated.is_file():
            return dedicated, _read_toml(dedicated)
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file():
            data = _read_toml(pyproject)
            table = data.get("tool", {}).get("prose-lint")
            if table is not None:
                return pyproject, {"tool": {"prose-lint": table}}
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config: {exc}") from None


def table_of(path: Path, data: dict[str, Any]) -> dict[str, Any]:
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("prose-lint", {})
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.prose-lint] must be a table")
        return table
    return data


def load_settings(explicit: str | None = None, cwd: Path | None = None) -> Settings:
    cwd = cwd or Path.cwd()
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError(f"{explicit}: config file not found")
        found = (path, _read_toml(path))
    else:
        found = find_config(cwd)
    if not found:
        return Settings(root=cwd)
    path, data = found
    return settings_from_table(table_of(path, data), path)


class ConfigResolver:
    """The settings for each path: its nearest config file (``find_config`` from the path's directory
    upward), read once per config file and adjusted by ``adjust`` (the command-line flags). With
    ``explicit`` (``--config``) or ``isolated`` (``--isolated``) every path gets the same settings.
    ``primary`` is the working directory's (output format and the other run-wide settings)."""

    def __init__(self, cwd: Path | None = None, explicit: str | None = None, isolated: bool = False,
                 adjust=None) -> None:
        self.cwd = cwd or Path.cwd()
        self.adjust = adjust or (lambda settings: settings)
        self._by_config: dict[Path | None, Settings] = {}
        self._by_dir: dict[Path, Path | None] = {}
        self.fixed: Settings | None = None
        if isolated:
            self.fixed = self.adjust(Settings(root=self.cwd))
        elif explicit:
            self.fixed = self.adjust(load_settings(explicit, self.cwd))
        self.primary = self.fixed or self._settings(self._config_of(self.cwd))

    def _config_of(self, directory: Path) -> Path | None:
        directory = Path(os.path.abspath(directory))
        chain = []
        for d in (directory, *directory.parents):
            if d in self._by_dir:
                found = self._by_dir[d]
                break
            chain.append(d)
            if (d / ".prose-lint.toml").is_file():
                found = d / ".prose-lint.toml"
                break
            if (d / "pyproject.toml").is_file() and table_in_pyproject(d / "pyproject.toml") is not None:
                found = d / "pyproject.toml"
                break
        else:
            found = None
        for d in chain:
            self._by_dir[d] = found
        return found

    def _settings(self, config: Path | None) -> Settings:
        if config not in self._by_config:
            if config is None:
                settings = Settings(root=self.cwd)
            else:
                settings = settings_from_table(table_of(config, _read_toml(config)), config)
            self._by_config[config] = self.adjust(settings)
        return self._by_config[config]

    def for_directory(self, directory: Path | str) -> Settings:
        return self.fixed or self._settings(self._config_of(Path(directory)))

    def for_path(self, path: Path | str) -> Settings:
        """The settings of a file (or of a directory given as a path: its own config counts)."""
        if self.fixed:
            return self.fixed
        path = Path(path)
        return self.for_directory(path if path.is_dir() else (path.parent if str(path.parent) else Path(".")))


def table_in_pyproject(path: Path) -> dict[str, Any] | None:
    table = _read_toml(path).get("tool", {}).get("prose-lint")
    return table


def _check_type(where: str, key: str, value: Any, kind: type) -> None:
    ok = isinstance(value, kind) and not (kind is int and isinstance(value, bool))
    if ok and kind is list:
        ok = all(isinstance(v, str) for v in value)
    if not ok:
        expected = {list: "a list of strings", dict: "a table", str: "a string", bool: "true or false", int: "an integer"}[kind]
        raise ConfigError(f"{where}: key {key!r} must be {expected}, got {value!r}")


def settings_from_table(table: dict[str, Any], path: Path) -> Settings:
    where = str(path)
    settings = Settings(root=path.parent.resolve(), config_path=path)
    for key, value in table.items():
        if key not in KEYS:
            raise ConfigError(f"{where}: unknown key {key!r} (allowed: {', '.join(sorted(KEYS))})")
        if key == "max-file-size":
            settings.max_file_size = parse_size(value, f"{where}: key 'max-file-size'")
            continue
        _check_type(where, key, value, KEYS[key][0])
    base = settings.root
    if "select" in table:
        settings.select = table["select"]
    settings.extend_select = table.get("extend-select", [])
    settings.ignore = table.get("ignore", [])
    if "fail-on" in table:
        settings.fail_on = _severity(where, "fail-on", table["fail-on"])
    settings.language = table.get("language", settings.language)
    markup = table.get("markup", "auto")
    if markup not in MARKUPS:
        raise ConfigError(f"{where}: key 'markup' must be one of {', '.join(MARKUPS)}, got {markup!r}")
    settings.markup = markup
    settings.pack_dirs = [(base / p) for p in table.get("rule-packs", [])]
    for directory in settings.pack_dirs:
        if not directory.is_dir():
            raise ConfigError(f"{where}: key 'rule-packs': {directory} is not a directory")
    if "vocabulary" in table:
        settings.vocabulary_path = base / table["vocabulary"]
        settings.vocabulary = read_vocabulary(settings.vocabulary_path, where)
    settings.exclude = list(DEFAULT_EXCLUDE) + table.get("exclude", []) + table.get("extend-exclude", [])
    if "exclude" in table:
        settings.exclude = table["exclude"] + table.get("extend-exclude", [])
    settings.include = list(table.get("include", DEFAULT_INCLUDE)) + table.get("extend-include", [])
    settings.respect_gitignore = table.get("respect-gitignore", True)
    for glob, selectors in table.get("per-file-ignores", {}).items():
        _check_type(where, f"per-file-ignores.{glob}", selectors, list)
        settings.per_file_ignores.append((glob, selectors))
    for rule_id, spec in table.get("rules", {}).items():
        if not isinstance(spec, dict):
            raise ConfigError(f"{where}: key 'rules.{rule_id}' must be a table (severity and options)")
        options = dict(spec)
        severity = options.pop("severity", None)
        settings.rules[rule_id] = RuleSettings(
            _severity(where, f"rules.{rule_id}.severity", severity) if severity is not None else None, options
        )
    settings.languagetool = table.get("languagetool", {})
    if settings.languagetool:
        # Validate now, so a bad LanguageTool key is a config error (exit 2) on every run,
        # not only on runs that reach the grammar rule.
        from prose_lint.languagetool.settings import parse_settings

        parse_settings(settings.languagetool, where)
    settings.jobs = table.get("jobs", 0)
    if settings.jobs < 0:
        raise ConfigError(f"{where}: key 'jobs' must be 0 or more, got {settings.jobs}")
    fmt = table.get("output-format", "text")
    if fmt not in OUTPUT_FORMATS:
        raise ConfigError(f"{where}: key 'output-format' must be one of {', '.join(OUTPUT_FORMATS)}, got {fmt!r}")
    settings.output_format = fmt
    settings.show_source = table.get("show-source", False)
    settings.report_unused_suppressions = table.get("report-unused-suppressions", False)
    settings.server = table.get("server", False)
    return settings


_SIZE_UNITS = {"": 1, "b": 1, "kb": 10**3, "mb": 10**6, "gb": 10**9, "kib": 2**10, "mib": 2**20, "gib": 2**30}


def parse_size(value: Any, where: str) -> int:
    """A size in bytes: an integer, or a string with a unit (kB, MB, GB; KiB, MiB, GiB)."""
    import re

    if isinstance(value, int) and not isinstance(value, bool):
        size = value
    elif isinstance(value, str) and (m := re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*", value)) \
            and m.group(2).lower() in _SIZE_UNITS:
        size = int(float(m.group(1)) * _SIZE_UNITS[m.group(2).lower()])
    else:
        raise ConfigError(f"{where} must be a size in bytes, e.g. 50000000 or \"50MB\", got {value!r}")
    if size < 1:
        raise ConfigError(f"{where} must be at least 1 byte, got {value!r}")
    return size


def _severity(where: str, key: str, value: Any) -> Severity:
    try:
        return Severity.parse(value)
    except ValueError:
        raise ConfigError(f"{where}: key {key!r} must be error, warning or info, got {value!r}") from None


def read_vocabulary(path: Path, where: str) -> frozenset[str]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError(f"{where}: key 'vocabulary': {path} not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{where}: key 'vocabulary': cannot read {path}: {exc}") from None
    words = set()
    for line in text.splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.add(word)
    return frozenset(words)

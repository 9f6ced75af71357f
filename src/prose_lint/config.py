"""Configuration: ``[tool.prose-lint]`` in pyproject.toml or a ``.prose-lint.toml``.

Each file is checked with the settings of the configuration nearest to it, as
ruff does: the first ``.prose-lint.toml``, or ``pyproject.toml`` with a
``[tool.prose-lint]`` table, from the file's directory upward (``.prose-lint.toml``
before ``pyproject.toml`` in the same directory); a file with none above it gets
the defaults. ``--config`` names one file for every path, ``--isolated`` ignores
them all (``ConfigResolver``). Paths in a config file are relative to that
file's directory.
Every unknown key or bad value is an error naming the file, the key and what
is allowed: the keys, their types, defaults and allowed values are declared in
options.py.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from prose_lint.constants import SEVERITIES
from prose_lint.diagnostic import Severity
from prose_lint.errors import ConfigError
from prose_lint.options import DEFAULT_EXCLUDE, OPTIONS, check_value, parse_size, unknown_key
from prose_lint.tomlcompat import tomllib

__all__ = ["ConfigResolver", "RuleSettings", "Settings", "load_settings", "parse_size", "settings_from_table"]


def _default(key: str):
    """A Settings field's default: the declared one (options.py), as a fresh list for list keys."""
    default = OPTIONS[key].default
    return field(default_factory=lambda: list(default)) if isinstance(default, tuple) else default

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
    fail_on: Severity = Severity.parse(OPTIONS["fail-on"].default)
    language: str = _default("language")  # en: en-GB or en-US by each document's spelling (prose_lint/variety.py)
    markup: str = _default("markup")
    pack_dirs: list[Path] = field(default_factory=list)
    vocabulary_path: Path | None = None
    vocabulary: frozenset[str] = frozenset()
    include: list[str] = _default("include")
    exclude: list[str] = _default("exclude")
    respect_gitignore: bool = _default("respect-gitignore")
    per_file_ignores: list[tuple[str, list[str]]] = field(default_factory=list)
    rules: dict[str, RuleSettings] = field(default_factory=dict)
    languagetool: dict[str, Any] = field(default_factory=dict)
    jobs: int = _default("jobs")
    output_format: str = _default("output-format")
    show_source: bool = _default("show-source")
    report_unused_suppressions: bool = _default("report-unused-suppressions")
    server: bool = _default("server")
    statistics: bool = False
    no_grammar: bool = False  # --no-grammar: never start LanguageTool
    max_file_size: int = _default("max-file-size")  # bytes; larger files are a file error

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


def settings_from_table(table: dict[str, Any], path: Path) -> Settings:
    where = str(path)
    settings = Settings(root=path.parent.resolve(), config_path=path)
    for key in table:
        if key not in OPTIONS:
            raise unknown_key(where, key, OPTIONS)
    table = {key: check_value(where, OPTIONS[key], value) for key, value in table.items()}
    base = settings.root
    if "select" in table:
        settings.select = table["select"]
    settings.extend_select = table.get("extend-select", [])
    settings.ignore = table.get("ignore", [])
    if "fail-on" in table:
        settings.fail_on = Severity.parse(table["fail-on"])
    settings.language = table.get("language", settings.language)
    settings.markup = table.get("markup", settings.markup)
    settings.pack_dirs = [(base / p) for p in table.get("rule-packs", [])]
    for directory in settings.pack_dirs:
        if not directory.is_dir():
            raise ConfigError(f"{where}: key 'rule-packs': {directory} is not a directory")
    if "vocabulary" in table:
        settings.vocabulary_path = base / table["vocabulary"]
        settings.vocabulary = read_vocabulary(settings.vocabulary_path, where)
    settings.exclude = list(table.get("exclude", DEFAULT_EXCLUDE)) + table.get("extend-exclude", [])
    settings.include = list(table.get("include", settings.include)) + table.get("extend-include", [])
    settings.respect_gitignore = table.get("respect-gitignore", settings.respect_gitignore)
    for glob, selectors in table.get("per-file-ignores", {}).items():
        if not isinstance(selectors, list) or not all(isinstance(s, str) for s in selectors):
            raise ConfigError(f"{where}: key 'per-file-ignores.{glob}' must be a list of strings, got {selectors!r}")
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
    settings.jobs = table.get("jobs", settings.jobs)
    settings.output_format = table.get("output-format", settings.output_format)
    settings.show_source = table.get("show-source", settings.show_source)
    settings.report_unused_suppressions = table.get("report-unused-suppressions", settings.report_unused_suppressions)
    settings.server = table.get("server", settings.server)
    settings.max_file_size = table.get("max-file-size", settings.max_file_size)
    return settings


def _severity(where: str, key: str, value: Any) -> Severity:
    try:
        return Severity.parse(value)
    except ValueError:
        raise ConfigError(f"{where}: key {key!r} must be one of {', '.join(SEVERITIES)}, got {value!r}") from None


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

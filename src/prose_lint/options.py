"""Every key of ``[tool.prose-lint]`` and of its ``languagetool`` table, declared once: its type, default,
allowed values and meaning.

``config.py`` checks a config file's values against these declarations (``check_value``),
``languagetool/settings.py`` its LanguageTool keys (``LANGUAGETOOL``), and the key tables of
docs/configuration.md are generated from them (``scripts/gen-config-docs``;
tests/test_docs.py fails when the page is stale). A new key is one ``Option`` here and one line
in ``config.settings_from_table`` that says where its value goes.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any

from prose_lint.constants import DEFAULT_INCLUDE, MARKUPS, SEVERITIES
from prose_lint.errors import ConfigError
from prose_lint.output import FORMATS

# kind -> how a message names the values it takes
KINDS = {
    "string": "a string",
    "strings": "a list of strings",
    "bool": "true or false",
    "int": "an integer",
    "table": "a table",
    "size": "a size in bytes, e.g. 50000000 or \"50MB\"",
    "number": "a number",
    "url": "an http:// or https:// URL",
    "urls": "a non-empty list of http(s) URLs",
    "heap": "a size like \"512m\" or \"2g\"",
    "ids": "a list of LanguageTool ids (letters, digits, '_')",
    "lang": "a language code such as \"de\" or \"pt-BR\"",
    "pairs": "a list of [regex, regex] pairs",
}

DEFAULT_EXCLUDE = (".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", "build", "dist")


@dataclass(frozen=True)
class Option:
    key: str
    kind: str  # a key of KINDS
    default: Any
    doc: str
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    default_text: str = ""  # what the docs say when the default is not a value (None)
    attribute: str = ""  # the settings field it sets, when not the key in snake_case


CONFIG_OPTIONS: tuple[Option, ...] = (
    Option("select", "strings", None,
           "rule ids or family prefixes to run (replaces the default set; 'ALL' for every rule)",
           default_text="the rules on by default"),
    Option("extend-select", "strings", (), "rule ids or families to run in addition"),
    Option("ignore", "strings", (), "rule ids or families not to run"),
    Option("fail-on", "string", "warning", "lowest severity that makes the exit code 1", choices=SEVERITIES),
    Option("language", "string", "en",
           "language of the manuscripts: en (en-GB or en-US by each document's spelling), en-US, en-GB..."),
    Option("markup", "string", "auto", "how files are read (auto: by extension, sniffing .txt)", choices=MARKUPS),
    Option("rule-packs", "strings", (), "extra directories of rule packs (*.toml)"),
    Option("vocabulary", "string", None, "file of accepted words, one per line ('#' starts a comment)",
           default_text="none"),
    Option("include", "strings", DEFAULT_INCLUDE,
           "glob patterns of the files a directory walk checks (replaces the default: Markdown and text)"),
    Option("extend-include", "strings", (), "more glob patterns of files a directory walk checks, e.g. \"*.rst\""),
    Option("exclude", "strings", DEFAULT_EXCLUDE, "glob patterns of paths never checked (replaces the default)"),
    Option("extend-exclude", "strings", (), "more glob patterns of paths never checked"),
    Option("respect-gitignore", "bool", True, "skip files that .gitignore excludes when walking directories"),
    Option("per-file-ignores", "table", {}, "table: glob -> list of rule ids or families to ignore there"),
    Option("rules", "table", {}, "table: rule id -> table of 'severity' and rule options"),
    Option("languagetool", "table", {}, "LanguageTool settings (see the table below and docs/languagetool.md)"),
    Option("jobs", "int", 0, "worker processes for several files (0: one per core)", minimum=0),
    Option("output-format", "string", "text", "report format", choices=FORMATS),
    Option("show-source", "bool", False, "show the source line and a caret under each diagnostic"),
    Option("report-unused-suppressions", "bool", False, "report inline suppressions that suppress nothing"),
    Option("server", "bool", False, "hand files to a warm prose-lint process (fast pre-commit runs; docs/server.md)"),
    Option("max-file-size", "size", 50_000_000,
           "largest file checked, in bytes or with a unit: 50000000, \"50MB\", \"512kB\", \"1GiB\""),
)
OPTIONS: dict[str, Option] = {option.key: option for option in CONFIG_OPTIONS}

# [tool.prose-lint.languagetool]: checked by languagetool/settings.py (parse_settings), into LTSettings.
LANGUAGETOOL_OPTIONS: tuple[Option, ...] = (
    Option("server", "url", None, "URL of a LanguageTool server, e.g. \"https://lt.example.org\" (remote mode)",
           default_text="none: the local daemon", attribute="servers"),
    Option("servers", "urls", None, "list of server URLs used round-robin, with retry on the next one",
           default_text="none", attribute="servers"),
    Option("heap", "heap", "768m", "maximum JVM heap of the local daemon (128m to 64g)"),
    Option("idle-timeout", "int", 15, "minutes the local daemon stays up without use", minimum=1, maximum=1440),
    Option("port", "int", 0, "fixed port for the local daemon (0: a free one)", minimum=0, maximum=65535),
    Option("disabled-rules", "ids", None, "LanguageTool rule ids to turn off (replaces the defaults)",
           default_text="DEFAULT_DISABLED_RULES in languagetool/settings.py"),
    Option("extend-disabled-rules", "ids", (), "LanguageTool rule ids to turn off besides the defaults",
           attribute="disabled_rules"),
    Option("enabled-rules", "ids", (), "LanguageTool rule ids to turn on (off by default in LanguageTool)"),
    Option("disabled-categories", "ids", (), "LanguageTool category ids to turn off, e.g. \"TYPOGRAPHY\""),
    Option("enabled-categories", "ids", (), "LanguageTool category ids to turn on"),
    Option("level", "string", "default", "how many rules LanguageTool runs", choices=("default", "picky")),
    Option("picky", "bool", False, "true: same as level = \"picky\"", attribute="level"),
    Option("mother-tongue", "lang", "", "writer's first language, e.g. \"de\" (false-friend rules)"),
    Option("timeout", "number", 30.0, "seconds to wait for one request", minimum=1, maximum=600),
    Option("concurrency", "int", 2, "requests sent at the same time", minimum=1, maximum=16),
    Option("batch-size", "int", 12_000, "characters per request (about 2,000 words)", minimum=1000, maximum=200_000),
    Option("cache", "bool", True, "cache results per paragraph in the user cache dir"),
)
LANGUAGETOOL: dict[str, Option] = {option.key: option for option in LANGUAGETOOL_OPTIONS}


def attribute_of(option: Option) -> str:
    return option.attribute or option.key.replace("-", "_")


def unknown_key(where: str, key: str, allowed) -> ConfigError:
    """The error for a key no declaration names, with the closest one."""
    close = difflib.get_close_matches(key, list(allowed), n=1, cutoff=0.6)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return ConfigError(f"{where}: unknown key {key!r}{hint} (allowed: {', '.join(sorted(allowed))})")


def check_value(where: str, option: Option, value: Any, name: str = "") -> Any:
    """The value if it is one ``option`` takes (a size becomes bytes), else a ConfigError naming the key
    (or ``name``: the command-line flag that gave the value)."""
    name = name or f"{where}: key {option.key!r}"
    if option.kind == "size":
        return parse_size(value, name)
    if not is_kind(value, option.kind):
        raise ConfigError(f"{name} must be {KINDS[option.kind]}, got {value!r}")
    if option.choices and value not in option.choices:
        raise ConfigError(f"{name} must be one of {', '.join(option.choices)}, got {value!r}")
    if option.minimum is not None and value < option.minimum:
        raise ConfigError(f"{name} must be {option.minimum} or more, got {value!r}")
    return value


def is_kind(value: Any, kind: str) -> bool:
    if kind == "string":
        return isinstance(value, str)
    if kind == "strings":
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    if kind == "bool":
        return isinstance(value, bool)
    if kind == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "table":
        return isinstance(value, dict)
    raise AssertionError(kind)


_SIZE_UNITS = {"": 1, "b": 1, "kb": 10**3, "mb": 10**6, "gb": 10**9, "kib": 2**10, "mib": 2**20, "gib": 2**30}


def parse_size(value: Any, where: str) -> int:
    """A size in bytes: an integer, or a string with a unit (kB, MB, GB; KiB, MiB, GiB)."""
    if isinstance(value, int) and not isinstance(value, bool):
        size = value
    elif isinstance(value, str) and (m := re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*", value)) \
            and m.group(2).lower() in _SIZE_UNITS:
        size = int(float(m.group(1)) * _SIZE_UNITS[m.group(2).lower()])
    else:
        raise ConfigError(f"{where} must be {KINDS['size']}, got {value!r}")
    if size < 1:
        raise ConfigError(f"{where} must be at least 1 byte, got {value!r}")
    return size


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{}"
    if isinstance(value, str):
        return f'"{value}"'
    return str(value)


def _allowed(option: Option) -> str:
    if option.choices:
        return ", ".join(f"`{c}`" for c in option.choices)
    if option.minimum is not None and option.maximum is not None:
        return f"{option.minimum:g} to {option.maximum:g}"
    if option.minimum is not None:
        return f"{option.minimum:g} or more"
    return ""


def _table(options: tuple[Option, ...]) -> list[str]:
    out = ["| key | type | default | allowed | meaning |", "|---|---|---|---|---|"]
    for option in options:
        default = option.default_text or f"`{_toml(option.default)}`"
        kind = re.split(r", e\.g\.| \(", KINDS[option.kind])[0]  # the type's name, without its example
        out.append(f"| `{option.key}` | {kind} | {default} | {_allowed(option)} "
                   f"| {option.doc.replace('|', chr(92) + '|')} |")
    return out


def _pack_tables() -> list[str]:
    from prose_lint.rule_types import RULE_TYPES
    from prose_lint.rule_types.base import COMMON_OPTIONS

    out = ["", "## Rule pack keys", "",
           "The keys of a `[[rule]]` table in a rule pack (docs/rule-packs.md). Every type takes these:", "",
           *_table(COMMON_OPTIONS)]
    for name, rule_type in RULE_TYPES.items():
        out += ["", f"### `type = \"{name}\"`", "", *_table(rule_type.type_options)]
    return out


def render_markdown() -> str:
    """docs/configuration.md: every key's declaration, as tables (scripts/gen-config-docs writes it)."""
    from prose_lint import env
    from prose_lint.patterns import SEMANTICS

    out = ["# Configuration keys", "",
           "<!-- Generated by scripts/gen-config-docs from src/prose_lint/options.py: do not edit. -->", "",
           "The keys of `[tool.prose-lint]` (or of a `.prose-lint.toml`). README.md's Configuration section says",
           "where configuration files are found; an unknown key or a bad value is an error (exit 2) that names",
           "the file, the key and what is allowed, before any file is checked.", "",
           *_table(CONFIG_OPTIONS), "", "## `[tool.prose-lint.languagetool]`", "",
           "Environment variables override some of these (below); see also docs/languagetool.md.", "",
           *_table(LANGUAGETOOL_OPTIONS)]
    out += _pack_tables()
    out += ["", "## Glob patterns (`exclude`, `extend-exclude`, `per-file-ignores`)", "", SEMANTICS, "",
            "## Environment variables", "", "| variable | meaning |", "|---|---|"]
    for name, meaning in env.VARIABLES.items():
        out.append(f"| `{name}` | {meaning} |")
    return "\n".join(out) + "\n"

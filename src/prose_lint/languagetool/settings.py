"""``[tool.prose-lint.languagetool]``: validated LanguageTool settings.

Config loading calls :func:`parse_settings` on every run, so this module
imports nothing beyond the standard library, ``prose_lint.errors`` and ``prose_lint.env``.

Environment variables override the file (useful in CI and for secrets):

- ``PROSE_LINT_LANGUAGETOOL_SERVER``: one URL or several separated by commas
  (remote mode; an empty value forces the local daemon),
- ``PROSE_LINT_LANGUAGETOOL_USERNAME`` / ``PROSE_LINT_LANGUAGETOOL_API_KEY``:
  credentials for a LanguageTool Plus server (only ever read from the
  environment, never from a file, never printed),
- ``PROSE_LINT_LANGUAGETOOL_HEAP``, ``PROSE_LINT_LANGUAGETOOL_IDLE_TIMEOUT``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from typing import Any

from prose_lint import env as environment
from prose_lint.errors import ConfigError
from prose_lint import options
from prose_lint.options import attribute_of

# Rules that only fire on text whose markup was masked or removed, or that are
# noise in manuscripts (headings and table cells have no final period).
DEFAULT_DISABLED_RULES: tuple[str, ...] = (
    "WHITESPACE_RULE",  # several spaces in a row: masked markup leaves them
    "CONSECUTIVE_SPACES",
    "WHITESPACE_PARAGRAPH",
    "WHITESPACE_PARAGRAPH_BEGIN",
    "EMPTY_LINE",
    "COMMA_PARENTHESIS_WHITESPACE",  # space before ',' / ')' where a tag or link target was
    "PUNCTUATION_PARAGRAPH_END",  # headings, table cells, author lines
    "UNLIKELY_OPENING_PUNCTUATION",
    "PARAGRAPH_REPEAT_BEGINNING_RULE",  # crosses paragraphs: depends on batching
    "ENGLISH_WORD_REPEAT_BEGINNING_RULE",  # "three sentences start with 'They'": style, not grammar
)

_SERVER_RE = re.compile(r"^https?://[^\s/]+(?::\d+)?(?:/[^\s]*)?$")
_HEAP_RE = re.compile(r"^\d+[mMgG]$")


def _declared(key: str) -> Any:
    return options.LANGUAGETOOL[key].default


@dataclass(frozen=True)
class LTSettings:
    """Defaults are the declared ones (options.LANGUAGETOOL)."""

    servers: tuple[str, ...] = ()  # empty: local daemon
    heap: str = _declared("heap")
    idle_timeout: int = _declared("idle-timeout")  # minutes the local daemon stays up unused
    port: int = _declared("port")  # 0: a free port
    disabled_rules: tuple[str, ...] = DEFAULT_DISABLED_RULES
    enabled_rules: tuple[str, ...] = _declared("enabled-rules")
    disabled_categories: tuple[str, ...] = _declared("disabled-categories")
    enabled_categories: tuple[str, ...] = _declared("enabled-categories")
    level: str = _declared("level")
    mother_tongue: str = _declared("mother-tongue")
    timeout: float = _declared("timeout")  # seconds per HTTP request
    concurrency: int = _declared("concurrency")  # requests in flight
    batch_size: int = _declared("batch-size")  # characters per request
    cache: bool = _declared("cache")
    username: str = field(default="", repr=False)
    api_key: str = field(default="", repr=False)

    @property
    def remote(self) -> bool:
        return bool(self.servers)

    def rules_key(self) -> str:
        """What changes LanguageTool's answer apart from the text (for the content cache)."""
        return "|".join([
            ",".join(sorted(self.disabled_rules)), ",".join(sorted(self.enabled_rules)),
            ",".join(sorted(self.disabled_categories)), ",".join(sorted(self.enabled_categories)),
            self.level, self.mother_tongue,
        ])


# The keys, their kinds, defaults and bounds are declared in options.py (options.LANGUAGETOOL).
KEYS = options.LANGUAGETOOL

_RULE_ID_RE = re.compile(r"^[A-Za-z0-9_]+(?:\[\d+\])?$")


def parse_settings(table: dict[str, Any] | None, where: str, environ: dict[str, str] | None = None) -> LTSettings:
    """Validate the ``languagetool`` table; ``where`` names the config file for messages."""
    env = environment.current() if environ is None else environ
    table = dict(table or {})
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key in ("api-key", "apikey", "username", "api_key"):
            raise ConfigError(f"{where}: key 'languagetool.{key}': credentials are read only from the "
                              "environment (PROSE_LINT_LANGUAGETOOL_USERNAME, PROSE_LINT_LANGUAGETOOL_API_KEY)")
        if key not in KEYS:
            raise ConfigError(f"{where}: unknown key 'languagetool.{key}' (allowed: {', '.join(sorted(KEYS))})")
        name = attribute_of(KEYS[key])
        converted = _convert(where, key, value)
        if key == "servers" and "server" in table:
            raise ConfigError(f"{where}: use either 'languagetool.server' or 'languagetool.servers', not both")
        if key == "picky":
            if "level" in table:
                raise ConfigError(f"{where}: use either 'languagetool.level' or 'languagetool.picky', not both")
            converted = "picky" if converted else "default"
        if key in ("disabled-rules", "extend-disabled-rules"):
            continue  # merged below
        values[name] = converted

    if "disabled-rules" in table or "extend-disabled-rules" in table:
        base = (_convert(where, "disabled-rules", table["disabled-rules"])
                if "disabled-rules" in table else DEFAULT_DISABLED_RULES)
        extra = (_convert(where, "extend-disabled-rules", table["extend-disabled-rules"])
                 if "extend-disabled-rules" in table else ())
        values["disabled_rules"] = tuple(dict.fromkeys(base + extra))

    server_env = env.get("PROSE_LINT_LANGUAGETOOL_SERVER")
    if server_env is not None:
        urls = tuple(u.strip() for u in server_env.split(",") if u.strip())
        for url in urls:
            _check_url("environment variable PROSE_LINT_LANGUAGETOOL_SERVER", "", url)
        values["servers"] = tuple(u.rstrip("/") for u in urls)
    for var, key in (("PROSE_LINT_LANGUAGETOOL_HEAP", "heap"), ("PROSE_LINT_LANGUAGETOOL_IDLE_TIMEOUT", "idle-timeout")):
        if env.get(var):
            raw: Any = env[var]
            if KEYS[key].kind == "int":
                if not raw.strip().isdigit():
                    raise ConfigError(f"environment variable {var}: must be an integer, got {raw!r}")
                raw = int(raw)
            values[attribute_of(KEYS[key])] = _convert(f"environment variable {var}", key, raw)
    values["username"] = env.get("PROSE_LINT_LANGUAGETOOL_USERNAME", "")
    values["api_key"] = env.get("PROSE_LINT_LANGUAGETOOL_API_KEY", "")
    if bool(values["username"]) != bool(values["api_key"]):
        raise ConfigError("environment: set both PROSE_LINT_LANGUAGETOOL_USERNAME and "
                          "PROSE_LINT_LANGUAGETOOL_API_KEY, or neither")
    known = {f.name for f in fields(LTSettings)}
    return LTSettings(**{k: v for k, v in values.items() if k in known})


def _fail(where: str, key: str, expected: str, value: Any) -> ConfigError:
    return ConfigError(f"{where}: key 'languagetool.{key}' must be {expected}, got {value!r}")


def _check_url(where: str, key: str, url: Any) -> str:
    if not isinstance(url, str) or not _SERVER_RE.match(url.strip()):
        if key:
            raise _fail(where, key, "an http:// or https:// URL", url)
        raise ConfigError(f"{where}: must be an http:// or https:// URL (or several, comma-separated), got {url!r}")
    return url.strip().rstrip("/")


def _convert(where: str, key: str, value: Any) -> Any:
    """A value of the key's declared kind and bounds (options.LANGUAGETOOL), as LTSettings holds it."""
    option = KEYS[key]
    kind, low, high = option.kind, option.minimum, option.maximum
    if kind == "url":
        return (_check_url(where, key, value),)
    if kind == "urls":
        if not isinstance(value, list) or not value:
            raise _fail(where, key, options.KINDS[kind], value)
        return tuple(_check_url(where, key, v) for v in value)
    if kind == "heap":
        if not isinstance(value, str) or not _HEAP_RE.match(value.strip()):
            raise _fail(where, key, options.KINDS[kind], value)
        size_mb = int(value[:-1]) * (1024 if value[-1] in "gG" else 1)
        if not 128 <= size_mb <= 65536:
            raise _fail(where, key, "between 128m and 64g", value)
        return value.strip().lower()
    if kind == "ids":
        if not isinstance(value, list) or not all(isinstance(v, str) and _RULE_ID_RE.match(v) for v in value):
            raise _fail(where, key, options.KINDS[kind], value)
        return tuple(value)
    if kind == "lang":
        if not isinstance(value, str) or not re.match(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$", value):
            raise _fail(where, key, options.KINDS[kind], value)
        return value
    if kind == "bool":
        if not isinstance(value, bool):
            raise _fail(where, key, options.KINDS[kind], value)
        return value
    if kind == "string":  # a choice
        if value not in option.choices:
            raise _fail(where, key, " or ".join(f'"{c}"' for c in option.choices), value)
        return value
    if kind in ("int", "number"):
        numeric = (int,) if kind == "int" else (int, float)
        if isinstance(value, bool) or not isinstance(value, numeric) or not low <= value <= high:
            raise _fail(where, key, f"{options.KINDS[kind]} from {low:g} to {high:g}", value)
        return float(value) if kind == "number" else value
    raise AssertionError(kind)

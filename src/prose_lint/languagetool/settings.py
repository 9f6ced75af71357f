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
_LEVELS = ("default", "picky")


@dataclass(frozen=True)
class LTSettings:
    servers: tuple[str, ...] = ()  # empty: local daemon
    heap: str = "768m"
    idle_timeout: int = 15  # minutes the local daemon stays up unused
    port: int = 0  # 0: a free port
    disabled_rules: tuple[str, ...] = DEFAULT_DISABLED_RULES
    enabled_rules: tuple[str, ...] = ()
    disabled_categories: tuple[str, ...] = ()
    enabled_categories: tuple[str, ...] = ()
    level: str = "default"  # or "picky"
    mother_tongue: str = ""
    timeout: float = 30.0  # seconds per HTTP request
    concurrency: int = 2  # requests in flight
    batch_size: int = 12_000  # characters per request (about 2,000 words)
    cache: bool = True
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


# key -> (field name, kind, description)
KEYS: dict[str, tuple[str, str, str]] = {
    "server": ("servers", "url", "URL of a LanguageTool server, e.g. \"https://lt.example.org\" (remote mode)"),
    "servers": ("servers", "urls", "list of server URLs used round-robin, with retry on the next one"),
    "heap": ("heap", "heap", "maximum JVM heap of the local daemon, e.g. \"768m\" or \"2g\""),
    "idle-timeout": ("idle_timeout", "minutes", "minutes the local daemon stays up without use (1-1440)"),
    "port": ("port", "port", "fixed port for the local daemon (0: a free one)"),
    "disabled-rules": ("disabled_rules", "ids", "LanguageTool rule ids to turn off (replaces the defaults)"),
    "extend-disabled-rules": ("disabled_rules", "ids", "LanguageTool rule ids to turn off besides the defaults"),
    "enabled-rules": ("enabled_rules", "ids", "LanguageTool rule ids to turn on (off by default in LanguageTool)"),
    "disabled-categories": ("disabled_categories", "ids", "LanguageTool category ids to turn off, e.g. \"TYPOGRAPHY\""),
    "enabled-categories": ("enabled_categories", "ids", "LanguageTool category ids to turn on"),
    "level": ("level", "level", "\"default\" or \"picky\" (more rules)"),
    "picky": ("level", "picky", "true: same as level = \"picky\""),
    "mother-tongue": ("mother_tongue", "lang", "writer's first language, e.g. \"de\" (false-friend rules)"),
    "timeout": ("timeout", "seconds", "seconds to wait for one request (1-600)"),
    "concurrency": ("concurrency", "count", "requests sent at the same time (1-16)"),
    "batch-size": ("batch_size", "chars", "characters per request (1000-200000)"),
    "cache": ("cache", "bool", "cache results per paragraph in the user cache dir (true/false)"),
}

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
        name, kind, _ = KEYS[key]
        converted = _convert(where, key, kind, value)
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
        base = (_convert(where, "disabled-rules", "ids", table["disabled-rules"])
                if "disabled-rules" in table else DEFAULT_DISABLED_RULES)
        extra = (_convert(where, "extend-disabled-rules", "ids", table["extend-disabled-rules"])
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
            name, kind, _ = KEYS[key]
            raw: Any = env[var]
            if kind == "minutes":
                if not raw.strip().isdigit():
                    raise ConfigError(f"environment variable {var}: must be a number of minutes, got {raw!r}")
                raw = int(raw)
            values[name] = _convert(f"environment variable {var}", key, kind, raw)
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


def _int(where: str, key: str, value: Any, lo: int, hi: int, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
        raise _fail(where, key, f"{what} from {lo} to {hi}", value)
    return value


def _convert(where: str, key: str, kind: str, value: Any) -> Any:
    if kind == "url":
        return (_check_url(where, key, value),)
    if kind == "urls":
        if not isinstance(value, list) or not value:
            raise _fail(where, key, "a non-empty list of http(s) URLs", value)
        return tuple(_check_url(where, key, v) for v in value)
    if kind == "heap":
        if not isinstance(value, str) or not _HEAP_RE.match(value.strip()):
            raise _fail(where, key, "a size like \"512m\" or \"2g\"", value)
        size_mb = int(value[:-1]) * (1024 if value[-1] in "gG" else 1)
        if not 128 <= size_mb <= 65536:
            raise _fail(where, key, "between 128m and 64g", value)
        return value.strip().lower()
    if kind == "minutes":
        return _int(where, key, value, 1, 1440, "a number of minutes")
    if kind == "port":
        return _int(where, key, value, 0, 65535, "a port number")
    if kind == "ids":
        if not isinstance(value, list) or not all(isinstance(v, str) and _RULE_ID_RE.match(v) for v in value):
            raise _fail(where, key, "a list of LanguageTool ids (letters, digits, '_')", value)
        return tuple(value)
    if kind == "level":
        if value not in _LEVELS:
            raise _fail(where, key, "\"default\" or \"picky\"", value)
        return value
    if kind in ("picky", "bool"):
        if not isinstance(value, bool):
            raise _fail(where, key, "true or false", value)
        return value
    if kind == "lang":
        if not isinstance(value, str) or not re.match(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$", value):
            raise _fail(where, key, "a language code such as \"de\" or \"pt-BR\"", value)
        return value
    if kind == "seconds":
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 1 <= value <= 600:
            raise _fail(where, key, "a number of seconds from 1 to 600", value)
        return float(value)
    if kind == "count":
        return _int(where, key, value, 1, 16, "an integer")
    if kind == "chars":
        return _int(where, key, value, 1000, 200_000, "a number of characters")
    raise AssertionError(kind)

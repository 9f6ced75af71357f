"""Loading declarative rule packs (``rules/*.toml``) into rules.

A pack is a TOML file with ``[[rule]]`` tables; each names its ``type``, one
of ``RULE_TYPES``. Every error names the file, the rule and the key.
"""

from __future__ import annotations

from pathlib import Path

from prose_lint.errors import ConfigError
from prose_lint.rule import Rule
from prose_lint.tomlcompat import tomllib

PACK_KEYS = {"pack", "rule"}


def load_pack_dir(directory: Path) -> list[Rule]:
    if not directory.is_dir():
        raise ConfigError(f"{directory}: rule pack directory does not exist")
    rules: list[Rule] = []
    for path in sorted(directory.glob("*.toml")):
        rules.extend(load_pack(path))
    return rules


def load_pack(path: Path) -> list[Rule]:
    from prose_lint.rule_types import RULE_TYPES

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read rule pack: {exc}") from None
    unknown = set(data) - PACK_KEYS
    if unknown:
        raise ConfigError(f"{path}: unknown top-level key {sorted(unknown)[0]!r} (allowed: pack, rule)")
    specs = data.get("rule", [])
    if not isinstance(specs, list):
        raise ConfigError(f"{path}: 'rule' must be an array of tables ([[rule]])")
    rules = []
    for n, spec in enumerate(specs, 1):
        where = f"{path}: rule #{n}"
        if not isinstance(spec, dict):
            raise ConfigError(f"{where}: must be a table")
        kind = spec.get("type")
        if kind not in RULE_TYPES:
            raise ConfigError(
                f"{where}{' (' + str(spec['id']) + ')' if 'id' in spec else ''}: key 'type': "
                f"unknown rule type {kind!r} (valid types: {', '.join(sorted(RULE_TYPES))})"
            )
        rules.append(RULE_TYPES[kind](spec, where))
    return rules

"""Word lists and phrase lexicons that code rules use, kept as data in rules/lexicons/*.toml."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from prose_lint.errors import ConfigError
from prose_lint.tomlcompat import tomllib


@lru_cache(maxsize=None)
def load_lexicon(name: str) -> dict[str, Any]:
    """The parsed ``rules/lexicons/<name>.toml`` (shipped in the wheel as prose_lint/_rules/lexicons)."""
    from prose_lint.registry import builtin_pack_dir

    path = builtin_pack_dir() / "lexicons" / f"{name}.toml"
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: lexicon missing from the installation") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None

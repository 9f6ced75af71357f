"""Formatters: one module per output format, all fed the same FileResults.

``FORMATTERS`` is the one place that maps ``--output-format`` to code; the command line's choices
and the config key's allowed values are its keys. Modules are imported only when chosen.
"""

from __future__ import annotations

import importlib
from typing import Callable, TextIO

# format -> (module, function)
FORMATTERS: dict[str, tuple[str, str]] = {
    "text": ("prose_lint.output.text", "write_text"),
    "json": ("prose_lint.output.json_format", "write_json"),
    "sarif": ("prose_lint.output.sarif", "write_sarif"),
    "github": ("prose_lint.output.github", "write_github"),
}
FORMATS = tuple(FORMATTERS)


def get_formatter(name: str) -> Callable[..., None]:
    if name not in FORMATTERS:
        raise ValueError(f"unknown output format {name!r} (choose from {', '.join(FORMATS)})")
    module, function = FORMATTERS[name]
    return getattr(importlib.import_module(module), function)


__all__ = ["FORMATS", "FORMATTERS", "get_formatter", "TextIO"]

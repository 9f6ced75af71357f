"""Formatters: one module per output format, all fed the same FileResults.

``FORMATTERS`` is the one place that maps ``--output-format`` to code.
"""

from __future__ import annotations

from typing import Callable, TextIO

FORMATS = ("text", "json", "sarif", "github")


def get_formatter(name: str) -> Callable[..., None]:
    if name == "text":
        from prose_lint.output.text import write_text as fn
    elif name == "json":
        from prose_lint.output.json_format import write_json as fn
    elif name == "sarif":
        from prose_lint.output.sarif import write_sarif as fn
    elif name == "github":
        from prose_lint.output.github import write_github as fn
    else:
        raise ValueError(f"unknown output format {name!r} (choose from {', '.join(FORMATS)})")
    return fn


__all__ = ["FORMATS", "get_formatter", "TextIO"]

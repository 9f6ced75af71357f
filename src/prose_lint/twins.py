"""Twins: one defect reported by a LanguageTool rule and by a prose-lint rule (issue item 16).

The mapping is data, ``rules/lexicons/twins.toml``: which LanguageTool ids (``grammar/<id>``,
``spelling/<id>``) report what a prose-lint rule reports, optionally only for LanguageTool messages
matching a regex. :func:`merge_twins` keeps the prose-lint rule's diagnostic (better documentation,
fixes), adds ``(also: <LanguageTool id>)`` to its message and the id to ``properties["also"]``,
and drops the LanguageTool one. :func:`ids_of` gives every id a diagnostic stands for: the engine
drops a merged diagnostic when any of them is ignored, and a suppression comment naming any of them
suppresses it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TypeVar

from prose_lint.diagnostic import Diagnostic

T = TypeVar("T")


@dataclass(frozen=True)
class Twin:
    rule: str  # the prose-lint rule whose diagnostic is kept
    languagetool: tuple[str, ...]  # full ids: grammar/<LT id>, spelling/<LT id>
    message: re.Pattern | None = None


@lru_cache(maxsize=1)
def twins() -> tuple[Twin, ...]:
    from prose_lint.errors import ConfigError
    from prose_lint.lexicon import load_lexicon

    out = []
    for n, entry in enumerate(load_lexicon("twins").get("twin", []), 1):
        try:
            rule, ids = entry["rule"], tuple(entry["languagetool"])
            message = re.compile(entry["message"]) if entry.get("message") else None
        except (KeyError, TypeError, re.error) as exc:
            raise ConfigError(f"rules/lexicons/twins.toml: twin #{n} is malformed: {exc}") from None
        out.append(Twin(rule, ids, message))
    return tuple(out)


@lru_cache(maxsize=1)
def _by_languagetool_id() -> dict[str, tuple[Twin, ...]]:
    index: dict[str, list[Twin]] = {}
    for twin in twins():
        for lt_id in twin.languagetool:
            index.setdefault(lt_id, []).append(twin)
    return {k: tuple(v) for k, v in index.items()}


def twin_rules() -> frozenset[str]:
    """The prose-lint rules that have a LanguageTool twin."""
    return frozenset(t.rule for t in twins())


def ids_of(d: Diagnostic) -> tuple[str, ...]:
    """The rule id of ``d`` and the ids of the twins merged into it."""
    also = d.properties.get("also") if d.properties else None
    return (d.rule, *also) if also else (d.rule,)


def _overlap(a: Diagnostic, b: Diagnostic) -> bool:
    return a.start < max(b.end, b.start + 1) and b.start < max(a.end, a.start + 1)


def merge_twins(items: list[tuple[Diagnostic, T]]) -> list[tuple[Diagnostic, T]]:
    """``items``: (diagnostic, anything the caller tracks with it, e.g. the rule that reported it).
    A LanguageTool diagnostic with a twin among the others is merged into it (the first overlapping
    one) and left out; the order of the rest is kept."""
    index = _by_languagetool_id()
    candidates = [i for i, (d, _) in enumerate(items) if d.rule in index]
    if not candidates:
        return items
    by_rule: dict[str, list[int]] = {}
    for i, (d, _) in enumerate(items):
        by_rule.setdefault(d.rule, []).append(i)
    merged: dict[int, Diagnostic] = {}
    dropped: set[int] = set()
    for i in candidates:
        lt = items[i][0]
        for twin in index[lt.rule]:
            if twin.message is not None and not twin.message.search(lt.message):
                continue
            kept = next((k for k in by_rule.get(twin.rule, ()) if _overlap(items[k][0], lt)), None)
            if kept is None:
                continue
            base = merged.get(kept, items[kept][0])
            also = [*base.properties.get("also", ()), lt.rule]
            merged[kept] = replace(
                base,
                message=f"{_strip_also(base.message)} (also: {', '.join(also)})",
                severity=max(base.severity, lt.severity),
                suggestions=base.suggestions or lt.suggestions,
                properties={**base.properties, "also": also},
            )
            dropped.add(i)
            break
    return [(merged.get(i, d), tag) for i, (d, tag) in enumerate(items) if i not in dropped]


def _strip_also(message: str) -> str:
    return re.sub(r" \(also: [^()]*\)$", "", message)

"""Inline suppression with HTML comments (they are invisible in rendered Markdown).

    <!-- prose-lint-disable -->                 all rules, until enabled again
    <!-- prose-lint-disable grammar, boilerplate -->
    <!-- prose-lint-enable grammar -->
    <!-- prose-lint-disable-next-line stray-token -->
    <!-- prose-lint-disable-line -->            the line the comment is on

Rule lists take ids or family prefixes, separated by commas or spaces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from prose_lint.diagnostic import Diagnostic
from prose_lint.document import Document
from prose_lint.registry import selector_matches

DIRECTIVE_RE = re.compile(
    r"<!--\s*prose-lint-(disable-next-line|disable-line|disable|enable)\b(.*?)-->", re.S
)


@dataclass
class Suppression:
    start: int  # region suppressed
    end: int
    rules: tuple[str, ...]  # empty: all rules
    comment: tuple[int, int]
    used: bool = field(default=False)

    def covers(self, diagnostic: Diagnostic) -> bool:
        if not (self.start <= diagnostic.start < self.end):
            return False
        if not self.rules:
            return True
        # A diagnostic that merged a twin (prose_lint/twins.py) is suppressed by either id.
        also = diagnostic.properties.get("also") if diagnostic.properties else None
        ids = (diagnostic.rule, *also) if also else (diagnostic.rule,)
        return any(selector_matches(r, i) for r in self.rules for i in ids)


def parse_suppressions(doc: Document) -> list[Suppression]:
    lines = doc.lines
    result: list[Suppression] = []
    open_: list[Suppression] = []
    for m in DIRECTIVE_RE.finditer(doc.text):
        if any(s <= m.start() < e for s, e in doc.code_spans):
            continue
        kind = m.group(1)
        rules = tuple(r for r in re.split(r"[,\s]+", m.group(2).strip()) if r)
        comment = (m.start(), m.end())
        if kind == "disable":
            s = Suppression(m.end(), len(doc.text), rules, comment)
            open_.append(s)
            result.append(s)
        elif kind == "enable":
            for s in list(open_):
                if not rules or not s.rules or set(s.rules) & set(rules):
                    if s.end == len(doc.text):
                        s.end = m.start()
                    open_.remove(s)
        elif kind == "disable-line":
            first, last = lines.line_of(m.start()), lines.line_of(m.end())
            result.append(Suppression(lines.starts[first], lines.ends[last] + 1, rules, comment))
        else:  # disable-next-line: the next line with text on it
            line = lines.line_of(m.end()) + 1
            while line < len(lines) and not doc.text[slice(*lines.line_span(line))].strip():
                line += 1
            if line < len(lines):
                start, end = lines.line_span(line)
                result.append(Suppression(start, end + 1, rules, comment))
    return result


def apply_suppressions(diagnostics: list[Diagnostic], suppressions: list[Suppression]) -> list[Diagnostic]:
    kept = []
    for d in diagnostics:
        hits = [s for s in suppressions if s.covers(d)]
        for s in hits:
            s.used = True
        if not hits:
            kept.append(d)
    return kept

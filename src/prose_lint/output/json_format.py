"""JSON: a stable array of diagnostics, sorted by path and position.

Each element has: path, line, column, end_line, end_column (1-based, Unicode
code points, end exclusive), rule, severity (error|warning|info), message,
suggestions (list), related (list of {line, column, end_line, end_column,
message}), fix (null or {safe, edits: [{line, column, end_line, end_column,
replacement}]}), fingerprint, properties (rule-specific data, e.g. the
readability metrics of readability/summary). Files that could not be checked
are not in the array: they are reported on stderr and make the exit code 2.
"""

from __future__ import annotations

import json
from typing import Iterable, TextIO

from prose_lint.result import FileResult
from prose_lint.output.records import fix_dict, records_for
from prose_lint.positions import LineIndex


def json_items(results: Iterable[FileResult]) -> list[dict]:
    items = []
    for result in results:
        lines = LineIndex(result.text)
        for rec in records_for(result):
            d = rec.diagnostic
            items.append({
                "path": rec.path,
                **rec.region.as_dict(),
                "rule": d.rule,
                "severity": str(d.severity),
                "message": d.message,
                "suggestions": list(d.suggestions),
                "related": [{**region.as_dict(), "message": message} for region, message, _ in rec.related],
                "fix": fix_dict(d, lines),
                "fingerprint": rec.fingerprint,
                "properties": d.properties,
            })
    return items


def write_json(results: list[FileResult], out: TextIO, **_options) -> None:
    json.dump(json_items(results), out, ensure_ascii=False, indent=2)
    out.write("\n")

"""SARIF 2.1.0 for code scanning and editors.

The tool driver lists every rule that ran (short and full description from
its docstring, default level, help); results carry physical locations with
regions (columnKind: unicodeCodePoints), snippets, related locations, partial
fingerprints and, for safe fixes, SARIF fixes. Files that could not be
checked become tool execution notifications and executionSuccessful=false.
Validated in the tests with Microsoft's SARIF Multitool (rule kinds Sarif and
Gh) and the 2.1.0 JSON schema.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Iterable, TextIO
from urllib.parse import quote

from prose_lint import __version__
from prose_lint.diagnostic import Severity
from prose_lint.result import FileResult
from prose_lint.output.records import Region, records_for
from prose_lint.positions import LineIndex

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/prose-lint/prose-lint"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _sentence(text: str) -> str:
    text = " ".join(text.split()) or "No description."
    return text if text.endswith((".", "!", "?")) else text + "."


def _pascal(rule_id: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in rule_id.replace("/", "-").replace("_", "-").split("-") if part)


def _uri(path: str, root: Path) -> dict[str, str]:
    """An artifactLocation's ``uri`` (and ``uriBaseId``): relative to SRCROOT (the working directory) for a
    file below it, else an absolute ``file://`` URI without a base id (SARIF1004: a uriBaseId goes only with
    a relative URI)."""
    absolute = Path(os.path.abspath(path))
    try:
        return {"uri": quote(absolute.relative_to(root).as_posix()), "uriBaseId": "SRCROOT"}
    except ValueError:
        return {"uri": absolute.as_uri()}


def _region(region: Region, snippet: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "startLine": region.line,
        "startColumn": region.column,
        "endLine": region.end_line,
        "endColumn": region.end_column,
    }
    if snippet:
        out["snippet"] = {"text": snippet}
    return out


def rule_descriptor(rule_id: str, registry) -> dict[str, Any]:
    from prose_lint.ruledocs import rule_help_uri

    rule = registry.find(rule_id) if registry is not None else None
    if rule is None:
        short, full, level = rule_id, rule_id, "warning"
    else:
        short, full, level = rule.summary, rule.help, LEVEL[rule.severity]
        if rule.id != rule_id:  # a detail of a dynamic family (grammar/<LanguageTool id>)
            short = f"{rule.summary.rstrip('.')}: {rule_id.split('/', 1)[1]}"
    descriptor: dict[str, Any] = {"id": rule_id}
    if _pascal(rule_id).lower() != rule_id.lower():  # SARIF1001: a name identical to the id must be omitted
        descriptor["name"] = _pascal(rule_id)
    return {
        **descriptor,
        "shortDescription": {"text": _sentence(short)},
        "fullDescription": {"text": _sentence(full)},
        "help": {"text": full.strip() or short, "markdown": full.strip() or short},
        "helpUri": rule_help_uri(rule_id, registry),
        "defaultConfiguration": {"level": level},
        "properties": {"tags": ["prose", rule_id.split("/", 1)[0]]},
    }


def sarif_log(results: list[FileResult], registry=None, root: Path | None = None,
              rule_ids: Iterable[str] = ()) -> dict[str, Any]:
    root = Path(os.path.abspath(root or os.getcwd()))
    ids = sorted({*rule_ids, *(d.rule for r in results for d in r.diagnostics)})
    index = {rule_id: i for i, rule_id in enumerate(ids)}
    artifacts: list[dict[str, Any]] = []
    artifact_index: dict[str, int] = {}
    sarif_results = []
    notifications = []
    for result in results:
        uri = _uri(result.path, root)
        if result.error is not None:
            notifications.append({
                "level": "error",
                "message": {"text": _sentence(result.error)},
                "locations": [{"physicalLocation": {"artifactLocation": uri}}],
            })
            continue
        artifact_index[result.path] = len(artifacts)
        artifact: dict[str, Any] = {"location": uri, "length": len(result.text.encode("utf-8"))}
        if result.properties:
            artifact["properties"] = result.properties
        artifacts.append(artifact)
        lines = LineIndex(result.text)
        for rec in records_for(result):
            d = rec.diagnostic
            location = {"artifactLocation": {**uri, "index": artifact_index[result.path]},
                        "region": _region(rec.region, rec.snippet)}
            ctx_start, ctx_end = lines.line_span(rec.region.line - 1)
            whole_line = rec.region.column == 1 and rec.region.end_column >= ctx_end - ctx_start + 1
            # SARIF1008: a context region must be a proper superset of the region.
            if rec.region.end_line == rec.region.line and not whole_line and ctx_end - ctx_start <= 2000:
                location["contextRegion"] = {**_region(Region(rec.region.line, 1, rec.region.line, ctx_end - ctx_start + 1)),
                                             "snippet": {"text": result.text[ctx_start:ctx_end]}}
            item: dict[str, Any] = {
                "ruleId": d.rule,
                "ruleIndex": index[d.rule],
                "level": LEVEL[d.severity],
                "message": {"text": _sentence(d.message)},
                "locations": [{"physicalLocation": location}],
                "partialFingerprints": {"proseLint/v1": rec.fingerprint},
            }
            if rec.related:
                item["relatedLocations"] = [
                    {"id": n, "message": {"text": _sentence(message)},
                     "physicalLocation": {"artifactLocation": {**uri, "index": artifact_index[result.path]},
                                          "region": _region(region, snippet)}}
                    for n, (region, message, snippet) in enumerate(rec.related, 1)
                ]
            if d.fix is not None and d.fix.safe:
                item["fixes"] = [{
                    "description": {"text": _sentence(d.fix.description or "Apply the suggested replacement")},
                    "artifactChanges": [{
                        "artifactLocation": {**uri, "index": artifact_index[result.path]},
                        "replacements": [
                            {"deletedRegion": _region(_edit_region(lines, e.start, e.end)),
                             "insertedContent": {"text": e.replacement}}
                            for e in d.fix.edits
                        ],
                    }],
                }]
            if d.properties:
                item["properties"] = d.properties
            sarif_results.append(item)
    # The language each file was checked as (language = "en" detects en-GB or en-US per file): the
    # artifacts' properties say it per file, the run's how many files were checked as each.
    varieties: dict[str, int] = {}
    for result in results:
        variety = (result.properties.get("language") or {}).get("variety") if result.error is None else None
        if variety:
            varieties[variety] = varieties.get(variety, 0) + 1
    run: dict[str, Any] = {
        "tool": {"driver": {
            "name": "prose-lint",
            "version": __version__,
            "semanticVersion": __version__,
            "informationUri": INFORMATION_URI,
            "rules": [rule_descriptor(rule_id, registry) for rule_id in ids],
        }},
        "originalUriBaseIds": {"SRCROOT": {"uri": root.as_uri() + "/"}},
        "artifacts": artifacts,
        "results": sarif_results,
        "columnKind": "unicodeCodePoints",
        **({"properties": {"languages": dict(sorted(varieties.items()))}} if varieties else {}),
        "invocations": [{"executionSuccessful": not notifications,
                         **({"toolExecutionNotifications": notifications} if notifications else {})}],
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def _edit_region(lines: LineIndex, start: int, end: int) -> Region:
    line, column = lines.line_col(start)
    if end <= start:
        return Region(line, column, line, column)
    end_line, end_column = lines.end_line_col(start, end)
    return Region(line, column, end_line, end_column)


def write_sarif(results: list[FileResult], out: TextIO, *, registry=None, rule_ids: Iterable[str] = (), **_options) -> None:
    json.dump(sarif_log(results, registry, rule_ids=rule_ids), out, ensure_ascii=False, indent=2)
    out.write("\n")

"""GitHub Actions workflow commands: annotations on the pull request's files.

https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions
"""

from __future__ import annotations

from typing import TextIO

from prose_lint.diagnostic import Severity
from prose_lint.result import FileResult
from prose_lint.output.records import records_for

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def write_github(results: list[FileResult], out: TextIO, **_options) -> None:
    for result in results:
        for rec in records_for(result):
            d, r = rec.diagnostic, rec.region
            props = [f"file={_escape_property(rec.path)}", f"line={r.line}", f"col={r.column}",
                     f"endLine={r.end_line}"]
            if r.end_line == r.line:
                props.append(f"endColumn={r.end_column}")
            props.append(f"title={_escape_property('prose-lint ' + d.rule)}")
            out.write(f"::{_LEVEL[d.severity]} {','.join(props)}::{_escape_data(d.rule + ': ' + d.message)}\n")

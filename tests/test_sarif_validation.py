"""SARIF output validated by real validators: Microsoft's SARIF Multitool
(rule kinds Sarif and Gh: the 2.1.0 schema, SARIF's own rules and GitHub's
ingestion rules) and the 2.1.0 JSON schema with jsonschema.

Both come from tools/sarif (npm ci, run by scripts/bootstrap); a missing
validator fails the test with instructions instead of skipping it.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from output_fixture import fixture_results
from prose_lint.output.sarif import write_sarif
from prose_lint.registry import load_registry
from seedutil import SEEDS

ROOT = Path(__file__).resolve().parents[1]
TOOL_DIR = ROOT / "tools" / "sarif" / "node_modules" / "@microsoft" / "sarif-multitool-linux"
MULTITOOL = TOOL_DIR / "Sarif.Multitool"
SCHEMA = TOOL_DIR / "sarif-2.1.0.json"


def require_tools():
    if not MULTITOOL.exists() or not SCHEMA.exists():
        pytest.fail("SARIF Multitool missing: run scripts/bootstrap (npm ci in tools/sarif)")


def fixture_sarif(tmp_path: Path) -> Path:
    out = io.StringIO()
    write_sarif(fixture_results(), out, registry=load_registry())
    path = tmp_path / "fixture.sarif"
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def cli_sarif(tmp_path: Path) -> Path:
    path = tmp_path / "seeds.sarif"
    subprocess.run([sys.executable, "-m", "prose_lint", "check", "--no-grammar", "--statistics",
                    "--output-format", "sarif", "-o", str(path), str(SEEDS)], cwd=ROOT, check=False)
    assert path.exists()
    return path


def multitool_findings(sarif: Path, tmp_path: Path) -> list[tuple[str, str, str]]:
    require_tools()
    report = tmp_path / (sarif.stem + ".validation.sarif")
    proc = subprocess.run([str(MULTITOOL), "validate", str(sarif), "--rule-kind", "Gh;Sarif", "-o", str(report),
                           "--log", "ForceOverwrite"], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    log = json.loads(report.read_text(encoding="utf-8-sig"))
    findings = []
    for result in log["runs"][0].get("results", []):
        level = result.get("level", "warning")
        if level in ("error", "warning"):
            findings.append((level, result["ruleId"], json.dumps(result["message"])[:300]))
    return findings


@pytest.mark.slow
def test_multitool_accepts_fixture_output(tmp_path):
    assert multitool_findings(fixture_sarif(tmp_path), tmp_path) == []


@pytest.mark.slow
def test_multitool_accepts_real_run_on_the_seeds(tmp_path):
    sarif = cli_sarif(tmp_path)
    results = json.loads(sarif.read_text())["runs"][0]["results"]
    assert results, "the seeds have defects: the run must report some"
    assert multitool_findings(sarif, tmp_path) == []


def outside_sarif(tmp_path: Path) -> Path:
    """`prose-lint check --output-format sarif /abs/path/*.md` run from another folder, plus one file below
    the working directory: absolute file:// URIs for the first, SRCROOT-relative ones for the second."""
    docs = tmp_path / "manuscripts with space"
    docs.mkdir()
    (docs / "a.md").write_text("# Draft\n\nWe met in order to plan the the launch!!\n")
    (docs / "b.md").write_text("A clean sentence.\n")
    work = tmp_path / "elsewhere"
    work.mkdir()
    (work / "inside.md").write_text("We met in order to plan the the launch.\n")
    path = tmp_path / "outside.sarif"
    subprocess.run([sys.executable, "-m", "prose_lint", "check", "--isolated", "--no-grammar",
                    "--output-format", "sarif", "-o", str(path), str(docs / "a.md"), str(docs / "b.md"),
                    "inside.md"], cwd=work, check=False)
    assert path.exists()
    return path


def _artifact_locations(node):
    if isinstance(node, dict):
        if "uri" in node and ("uriBaseId" in node or "index" in node or str(node["uri"]).startswith("file:")):
            yield node
        for value in node.values():
            yield from _artifact_locations(value)
    elif isinstance(node, list):
        for value in node:
            yield from _artifact_locations(value)


@pytest.mark.slow
def test_multitool_accepts_files_outside_the_working_directory(tmp_path):
    """Issue item 13: absolute file:// URIs under uriBaseId SRCROOT were SARIF1004 errors."""
    sarif = outside_sarif(tmp_path)
    run = json.loads(sarif.read_text())["runs"][0]
    locations = list(_artifact_locations(run["results"])) + [a["location"] for a in run["artifacts"]]
    outside = [loc for loc in locations if loc["uri"].startswith("file:")]
    inside = [loc for loc in locations if loc["uri"] == "inside.md"]
    assert outside and inside
    assert all("uriBaseId" not in loc for loc in outside)
    assert all(loc["uriBaseId"] == "SRCROOT" for loc in inside)
    assert all(loc["uri"].endswith(("/manuscripts%20with%20space/a.md", "/manuscripts%20with%20space/b.md"))
               for loc in outside)
    assert multitool_findings(sarif, tmp_path) == []


def test_multitool_reports_a_broken_log(tmp_path):
    """The validator really validates: a log with a missing required property fails."""
    log = json.loads(fixture_sarif(tmp_path).read_text())
    del log["runs"][0]["tool"]["driver"]["name"]
    bad = tmp_path / "bad.sarif"
    bad.write_text(json.dumps(log))
    assert any(level == "error" for level, _, _ in multitool_findings(bad, tmp_path))


def test_json_schema_accepts_output(tmp_path):
    require_tools()
    schema = json.loads(SCHEMA.read_text(encoding="utf-8-sig"))
    for path in (fixture_sarif(tmp_path), cli_sarif(tmp_path), outside_sarif(tmp_path)):
        jsonschema.validate(json.loads(path.read_text()), schema)
    broken = json.loads(fixture_sarif(tmp_path).read_text())
    broken["runs"][0]["results"][0]["level"] = "catastrophic"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)

"""Every formatter, on the same fixture diagnostics (output_fixture.py)."""

from __future__ import annotations

import io
import json

from output_fixture import EXPECTED_POSITIONS, TEXT_A, fixture_results
from prose_lint.output import get_formatter
from prose_lint.output.text import source_excerpt
from prose_lint.registry import load_registry


def render(fmt: str, **options) -> str:
    out = io.StringIO()
    get_formatter(fmt)(fixture_results(), out, registry=load_registry(), **options)
    return out.getvalue()


def test_text_lines_and_summary():
    lines = render("text").splitlines()
    assert lines[0] == "docs/a.md:3:5: warning repeated-word [*] 'the' is repeated."
    assert "docs/a.md:3:20: error grammar/EN_TEST Odd greeting" in lines
    assert "  = suggestion: 'hi', 'hey'" in lines
    assert "  = related: docs/a.md:4:8: the earlier claim" in lines
    assert "docs/b.txt:2:9: info wordy [*] Use 'to' instead of 'in order to'." in lines
    assert lines[-1] == ("Found 4 problems (1 error, 2 warnings, 1 info) in 2 of 3 files; 1 file had an error (see below). "
                         "2 fixable with --fix.")  # docs/broken.txt counts: it was not "in 2 of 2 files"
    assert "\x1b[" not in "".join(lines)


def test_text_show_source_carets_under_the_region():
    out = render("text", show_source=True).splitlines()
    i = out.index("docs/a.md:3:20: error grammar/EN_TEST Odd greeting")
    source, carets = out[i + 2], out[i + 3]
    assert source.endswith("The the cat said 😀 hello.")
    # the emoji is two columns wide on a terminal: carets must still sit under "hello"
    assert carets.endswith("^^^^^")
    assert len(carets) - len(carets.lstrip(" |")) >= 0
    col_source = source.index("hello") + 1  # +1: emoji displays two cells wide
    assert carets.index("^") == col_source


def test_text_colour_only_when_asked():
    assert "\x1b[" in render("text", colour=True)


def test_source_excerpt_windows_long_lines():
    line = "x" * 500 + "TARGET" + "y" * 500
    shown, carets = source_excerpt(line, 501, 507)
    assert shown.startswith("…") and shown.endswith("…") and len(shown) < 200
    assert shown[carets.index("^"):carets.index("^") + 6] == "TARGET"


def test_json_is_a_stable_array():
    items = json.loads(render("json"))
    assert [(i["path"], i["line"], i["column"], i["end_line"], i["end_column"], i["rule"]) for i in items] == EXPECTED_POSITIONS
    first = items[0]
    assert set(first) >= {"path", "line", "column", "end_line", "end_column", "rule", "severity", "message",
                          "suggestions", "related", "fix", "fingerprint", "properties"}
    assert first["fix"] == {"safe": True, "edits": [{"line": 3, "column": 4, "end_line": 3, "end_column": 8, "replacement": ""}]}
    contradiction = items[2]
    assert contradiction["related"] == [{"line": 4, "column": 8, "end_line": 4, "end_column": 12, "message": "the earlier claim"}]
    assert contradiction["properties"] == {"confidence": 0.9}
    assert items[1]["suggestions"] == ["hi", "hey"] and items[1]["severity"] == "error"


def test_github_annotations():
    lines = render("github").splitlines()
    assert lines[0] == "::warning file=docs/a.md,line=3,col=5,endLine=3,endColumn=8,title=prose-lint repeated-word::repeated-word: 'the' is repeated."
    assert lines[1].startswith("::error file=docs/a.md,line=3,col=20,")
    assert lines[3].startswith("::notice file=docs/b.txt,line=2,col=9,")
    assert len(lines) == 4


def test_sarif_positions_related_and_fixes():
    log = json.loads(render("sarif"))
    run = log["runs"][0]
    assert log["version"] == "2.1.0" and run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert driver["name"] == "prose-lint" and driver["version"] and driver["informationUri"].startswith("https://")
    rules = {r["id"]: r for r in driver["rules"]}
    assert rules["repeated-word"]["shortDescription"]["text"].startswith("A word repeated by mistake")
    assert rules["repeated-word"]["defaultConfiguration"]["level"] == "warning"
    got = []
    for res in run["results"]:
        loc = res["locations"][0]["physicalLocation"]
        region = loc["region"]
        got.append((loc["artifactLocation"]["uri"], region["startLine"], region["startColumn"],
                    region["endLine"], region["endColumn"], res["ruleId"]))
        assert driver["rules"][res["ruleIndex"]]["id"] == res["ruleId"]
        assert res["partialFingerprints"]["proseLint/v1"]
    assert got == EXPECTED_POSITIONS
    contradiction = run["results"][2]
    assert contradiction["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 4
    assert contradiction["locations"][0]["physicalLocation"]["region"]["snippet"]["text"] == "not free"
    assert run["results"][3]["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] == "to"
    assert run["invocations"][0]["executionSuccessful"] is False
    assert "not valid UTF-8" in run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"]


def test_all_formats_agree_on_positions():
    json_positions = [(i["path"], i["line"], i["column"]) for i in json.loads(render("json"))]
    text_positions = []
    for line in render("text").splitlines():
        if line.startswith("docs/"):
            path, ln, col, _ = line.split(":", 3)
            text_positions.append((path, int(ln), int(col)))
    gh = [tuple(part.split("=")[1] for part in line.split(" ", 1)[1].split("::")[0].split(",")[:3])
          for line in render("github").splitlines()]
    assert json_positions == text_positions == [(p, int(l), int(c)) for p, l, c in gh]
    assert TEXT_A.count("\r\n") == 4

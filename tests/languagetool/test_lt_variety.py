"""language = "en" (the default) checks a British manuscript with en-GB and an American one with en-US
(issue item 17)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from prose_lint.cli import main
from prose_lint.config import Settings
from prose_lint.engine import Linter
from prose_lint.parse import parse_source
from prose_lint.source import Source
from prose_lint.variety import count, forms

pytestmark = pytest.mark.languagetool

FIXTURES = Path(__file__).parent.parent / "fixtures" / "variety"
BRITISH = FIXTURES / "british_manuscript.md"
AMERICAN = FIXTURES / "american_letter.md"
BRITISH_WORDS = {"ploughed", "behaviour", "metres", "metre", "grey", "neighbours", "colour", "travelled", "organised",
                 "centre", "favourite"}


def _lint(path, **settings):
    result = Linter(Settings(**settings)).lint_path(str(path))
    assert result.error is None, result.error
    return result


def _spelling(result):
    return {result.text[d.start:d.end].lower(): d.rule for d in result.diagnostics if d.rule.startswith("spelling/")}


def test_a_british_manuscript_is_checked_as_british_by_default(fresh):
    assert Settings().language == "en"
    assert 450 <= len(BRITISH.read_text(encoding="utf-8").split()) <= 650
    result = _lint(BRITISH, select=["spelling", "grammar"])
    flagged = _spelling(result)
    assert not BRITISH_WORDS & set(flagged), flagged
    assert result.properties["language"]["variety"] == "en-GB"
    assert result.properties["language"]["chosen"] == "detected"
    assert result.properties["language"]["british_spellings"] >= 8


def test_an_explicit_variety_wins(fresh):
    flagged = _spelling(_lint(BRITISH, select=["spelling"], language="en-US"))
    assert {"ploughed", "behaviour", "metres"} <= set(flagged), flagged
    assert flagged["behaviour"] == "spelling/MORFOLOGIK_RULE_EN_US"
    us = _lint(AMERICAN, select=["spelling"])
    assert us.properties["language"] == {"variety": "en-US", "chosen": "detected", "british_spellings": 0,
                                         "american_spellings": us.properties["language"]["american_spellings"]}
    assert not {"color", "neighbors", "center"} & set(_spelling(us))
    gb = _lint(AMERICAN, select=["spelling"], language="en-GB")
    assert gb.properties["language"] == {"variety": "en-GB", "chosen": "configured"}
    assert "color" in _spelling(gb), _spelling(gb)


def test_the_variety_is_in_statistics_and_sarif(fresh, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "book.md").write_text(BRITISH.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "letter.md").write_text(AMERICAN.read_text(encoding="utf-8"), encoding="utf-8")
    main(["check", "--isolated", "--jobs", "1", "--select", "spelling", "--statistics", "book.md", "letter.md"])
    out = capsys.readouterr().out
    book = out[out.index("\nbook.md:\n"):]
    assert "  language: variety en-GB, chosen detected, british_spellings" in book.split("\n\n")[0], out
    letter = out[out.index("\nletter.md:\n"):]
    assert "  language: variety en-US, chosen detected" in letter, out
    main(["check", "--isolated", "--jobs", "1", "--select", "spelling", "--output-format", "sarif", "book.md", "letter.md"])
    run = json.loads(capsys.readouterr().out)["runs"][0]
    assert run["properties"]["languages"] == {"en-GB": 1, "en-US": 1}
    by_uri = {a["location"]["uri"]: a["properties"]["language"]["variety"] for a in run["artifacts"]}
    assert by_uri == {"book.md": "en-GB", "letter.md": "en-US"}
    # A config file's explicit language wins over the detection.
    (tmp_path / ".prose-lint.toml").write_text('language = "en-US"\n', encoding="utf-8")
    main(["check", "--jobs", "1", "--select", "spelling", "--output-format", "sarif", "book.md"])
    run = json.loads(capsys.readouterr().out)["runs"][0]
    assert run["properties"]["languages"] == {"en-US": 1}
    assert any(r["ruleId"] == "spelling/MORFOLOGIK_RULE_EN_US" for r in run["results"])


def test_counting_variants():
    assert forms().british["colour"] == 1 and forms().american["color"] == 1
    assert forms().american["organize"] < 1  # Oxford spelling: -ize is British too
    assert "analyses" not in forms().british  # the plural of analysis
    wb, wa, nb, na = count("The colour of the centre was grey, he realised. Labour Party. color")
    assert (nb, na) == (4, 1) and wb == 4 and wa == 1  # "Labour" (capitalised) is a name
    doc = parse_source(Source("a.txt", "They ploughed the field and analysed the soil."), "text", "en")
    assert doc.language == "en-GB" and doc.memo("variety", None)["chosen"] == "detected"
    assert parse_source(Source("a.txt", "Nothing to tell."), "text", "en").language == "en-US"
    assert parse_source(Source("a.txt", "They ploughed."), "text", "en-US").language == "en-US"

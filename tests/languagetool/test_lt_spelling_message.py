"""Spelling messages name the flagged word and the first suggestions, in every output format (issue item 15)."""

from __future__ import annotations

import json

import pytest

from prose_lint.checks.grammar import spelling_message
from prose_lint.cli import main

pytestmark = pytest.mark.languagetool

TEXT = "We did not recieve the parcel that the shop had promised for Monday.\n"


def _run(tmp_path, capsys, fmt):
    path = tmp_path / "letter.txt"
    path.write_text(TEXT, encoding="utf-8")
    code = main(["check", "--isolated", "--select", "spelling", "--output-format", fmt, str(path)])
    out = capsys.readouterr().out
    assert code == 1, out
    return out


def test_spelling_message_names_the_word_and_suggestions_in_every_format(fresh, tmp_path, capsys):
    text_out = _run(tmp_path, capsys, "text")
    line = next(l for l in text_out.splitlines() if "spelling/MORFOLOGIK_RULE_EN_" in l)
    assert 'Possible spelling mistake: "recieve" (suggestions: receive' in line, line
    assert "found." not in line

    items = json.loads(_run(tmp_path, capsys, "json"))
    (item,) = [i for i in items if i["rule"].startswith("spelling/MORFOLOGIK")]
    assert item["message"].startswith('Possible spelling mistake: "recieve" (suggestions: receive'), item
    assert item["suggestions"][0] == "receive"

    sarif = json.loads(_run(tmp_path, capsys, "sarif"))
    (result,) = [r for r in sarif["runs"][0]["results"] if r["ruleId"].startswith("spelling/MORFOLOGIK")]
    assert result["message"]["text"].startswith('Possible spelling mistake: "recieve" (suggestions: receive'), result

    github = _run(tmp_path, capsys, "github")
    (annotation,) = [l for l in github.splitlines() if "MORFOLOGIK" in l]
    assert '::spelling/MORFOLOGIK_RULE_EN_US: Possible spelling mistake: "recieve" (suggestions: receive' in annotation


def test_spelling_message_rewrites():
    assert spelling_message("Possible spelling mistake found.", "recieve", ("receive", "relieve", "", "x", "y")) == \
        'Possible spelling mistake: "recieve" (suggestions: receive, relieve, x)'
    assert spelling_message("Possible spelling mistake found.", "Pakhtunkhwa", ()) == \
        'Possible spelling mistake: "Pakhtunkhwa"'
    # Messages that already name the word are kept as they are.
    kept = "Possible spelling mistake. ‘organisation’ is British English."
    assert spelling_message(kept, "organisation", ("organization",)) == kept
    assert spelling_message("If the term is a proper noun, use initial capitals.", "central asia", ("Central Asia",)) \
        == 'If the term is a proper noun, use initial capitals: "central asia" (suggestions: Central Asia)'

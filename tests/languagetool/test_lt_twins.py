"""One defect, one diagnostic: LanguageTool's twin of a prose-lint rule is merged into it (issue item 16)."""

from __future__ import annotations

import pytest

from prose_lint.config import Settings
from prose_lint.diagnostic import Diagnostic, Severity
from prose_lint.engine import Linter
from prose_lint.source import Source
from prose_lint.twins import merge_twins, twins
from seedutil import lint, seed_path

pytestmark = pytest.mark.languagetool

TEXT = ("We sent the the report to the board on Monday.\n\n"
        "The survey covered three regions (north, south and east. Results follow.\n\n"
        "The organisation was founded in 1990. The organization has grown since then.\n")


def _lint(text=TEXT, **settings):
    result = Linter(Settings(**settings)).lint_source(Source("doc.txt", text))
    assert result.error is None, result.error
    return result


def _at(result, needle, occurrence=1):
    at = -1
    for _ in range(occurrence):
        at = result.text.index(needle, at + 1)
    return [d for d in result.diagnostics if d.start < at + len(needle) and at < max(d.end, d.start + 1)]


def test_twins_are_one_diagnostic_naming_the_other(fresh):
    result = _lint()
    repeat = _at(result, "the the")
    assert [d.rule for d in repeat] == ["repeated-word"], [(d.rule, d.message) for d in repeat]
    assert repeat[0].message.endswith("(also: grammar/ENGLISH_WORD_REPEAT_RULE)")
    assert repeat[0].properties["also"] == ["grammar/ENGLISH_WORD_REPEAT_RULE"]
    bracket = _at(result, "(north")
    assert [d.rule for d in bracket] == ["stray-token/unpaired-bracket"], [(d.rule, d.message) for d in bracket]
    assert bracket[0].properties["also"] == ["grammar/EN_UNPAIRED_BRACKETS"]
    variant = [d for d in result.diagnostics if "organi" in result.text[d.start:d.end]]
    assert len({d.start for d in variant}) == len(variant), [(d.rule, d.message) for d in variant]
    assert any(d.rule == "spelling-consistency" and d.properties.get("also") for d in variant), variant


@pytest.mark.parametrize("ignore", [["repeated-word"], ["grammar/ENGLISH_WORD_REPEAT_RULE"]])
def test_ignoring_either_twin_ignores_both(fresh, ignore):
    result = _lint(ignore=ignore)
    assert _at(result, "the the") == []
    assert [d.rule for d in _at(result, "(north")] == ["stray-token/unpaired-bracket"]


def test_not_selecting_the_prose_lint_twin_keeps_the_languagetool_one(fresh):
    result = _lint(select=["grammar"])
    assert [d.rule for d in _at(result, "the the")] == ["grammar/ENGLISH_WORD_REPEAT_RULE"]


@pytest.mark.parametrize("named", ["repeated-word", "grammar/ENGLISH_WORD_REPEAT_RULE", "grammar"])
def test_a_suppression_comment_naming_either_twin_suppresses_both(fresh, named):
    text = f"<!-- prose-lint-disable-next-line {named} -->\nWe sent the the report to the board on Monday.\n"
    result = _lint(text, markup="markdown")
    assert _at(result, "the the") == [], [(d.rule, d.message) for d in result.diagnostics]


def test_seed_000_has_no_twins_left(fresh):
    result = lint(seed_path("000"), None)
    ids = {lt_id for twin in twins() for lt_id in twin.languagetool}
    merged = [d for d in result.diagnostics if d.properties.get("also")]
    assert len(merged) >= 5, [(d.rule, d.message) for d in merged]
    for d in result.diagnostics:
        if d.rule in ids:
            twinned = [o for o in result.diagnostics if o is not d and o.start < max(d.end, d.start + 1)
                       and d.start < max(o.end, o.start + 1) and any(o.rule == t.rule for t in twins()
                                                                     if d.rule in t.languagetool)]
            matching = [t for t in twins() if d.rule in t.languagetool
                        and (t.message is None or t.message.search(d.message))]
            assert not (twinned and matching), (d.rule, d.message, [(o.rule, o.message) for o in twinned])


def test_merge_keeps_the_prose_lint_rule_and_its_fix():
    from prose_lint.diagnostic import Edit, Fix

    ours = Diagnostic("repeated-word", Severity.WARNING, 8, 15, "'the' is repeated.",
                      fix=Fix((Edit(8, 12, ""),)))
    lt = Diagnostic("grammar/ENGLISH_WORD_REPEAT_RULE", Severity.ERROR, 8, 15, "Possible typo: you repeated a word.",
                    suggestions=("the",))
    other = Diagnostic("grammar/EN_UNPAIRED_BRACKETS", Severity.WARNING, 30, 31, "Unpaired symbol")
    out = merge_twins([(lt, "grammar"), (ours, "repeated-word"), (other, "grammar")])
    assert [(d.rule, tag) for d, tag in out] == [("repeated-word", "repeated-word"),
                                                 ("grammar/EN_UNPAIRED_BRACKETS", "grammar")]
    kept = out[0][0]
    assert kept.fix == ours.fix and kept.severity == Severity.ERROR and kept.suggestions == ("the",)
    assert kept.message == "'the' is repeated. (also: grammar/ENGLISH_WORD_REPEAT_RULE)"
    # A spelling match is a twin of spelling-consistency only when it says the word is a variant.
    typo = Diagnostic("spelling/MORFOLOGIK_RULE_EN_US", Severity.WARNING, 0, 6, 'Possible spelling mistake: "colour"')
    variant = Diagnostic("spelling/MORFOLOGIK_RULE_EN_US", Severity.WARNING, 0, 6,
                         "Possible spelling mistake. ‘colour’ is British English.")
    consistency = Diagnostic("spelling-consistency", Severity.WARNING, 0, 6, "'colour' and 'color' are both used")
    assert len(merge_twins([(typo, 0), (consistency, 1)])) == 2
    assert [d.rule for d, _ in merge_twins([(variant, 0), (consistency, 1)])] == ["spelling-consistency"]

"""Rule options and config values are validated when the Linter is built: a bad one is one line on
stderr naming the key and the problem, exit 2, and no file is linted."""

from __future__ import annotations

from pathlib import Path

import pytest

from prose_lint.config import RuleSettings, Settings
from prose_lint.diagnostic import Severity
from prose_lint.engine import Linter
from prose_lint.errors import ConfigError
from prose_lint.registry import Registry
from prose_lint.rule import Rule
from cliutil import run_cli


def run(*args: str, cwd: Path):
    return run_cli(*args, cwd=cwd)


@pytest.fixture
def project(tmp_path):
    (tmp_path / "bad.md").write_text("# Draft\n\nWe met to plan the the launch!!\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "bad.md").write_text("# Draft\n\nAnd the the end!!\n")
    return tmp_path


@pytest.mark.parametrize("config, key, problem", [
    ('[rules."readability/paragraph"]\nmax_grade = "high"\n', "rules.readability/paragraph",
     "option 'max_grade' of rule readability/paragraph must be a number, got str 'high'"),
    ('[rules."readability/paragraph"]\nmax_grad = 12\n', "rules.readability/paragraph",
     "unknown option 'max_grad' for rule readability/paragraph; did you mean 'max_grade'?"),
    ('[rules."readability/paragraph"]\nmetric = "vibes"\n', "rules.readability/paragraph",
     "option 'metric' of rule readability/paragraph must be one of consensus, "),
    ('[rules.repeated-word]\nseverity = "loud"\n', "rules.repeated-word.severity", "must be one of error"),
    ('jobs = -2\n', "'jobs'", "must be 0 or more, got -2"),
    ('[languagetool]\nconcurrency = 99\n', "languagetool.concurrency", "must be an integer from 1 to 16"),
])
def test_a_bad_value_is_one_line_exit_2_and_nothing_is_linted(project, config, key, problem):
    # The rule is not even selected: its options are still checked, whatever --select a run uses.
    (project / ".prose-lint.toml").write_text('select = ["repeated-word"]\n' + config)
    proc = run("check", ".", cwd=project)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert proc.stderr.count("\n") == 1, proc.stderr
    assert key in proc.stderr and problem in proc.stderr and ".prose-lint.toml" in proc.stderr
    assert proc.stdout == ""  # no diagnostics, no summary: nothing was linted


def test_a_bad_nested_config_stops_the_run_before_any_file(project):
    (project / "sub" / ".prose-lint.toml").write_text('[rules.repeated-word]\nwindow = 3\n')
    proc = run("check", ".", cwd=project)
    assert proc.returncode == 2 and proc.stdout == ""
    assert "unknown option 'window' for rule repeated-word" in proc.stderr and proc.stderr.count("\n") == 1


class Bounded(Rule):
    """A rule with a bounded option."""

    id = "bounded"
    severity = Severity.INFO
    options = {"similarity": 0.5, "min_words": 3, "mode": "quiet"}
    option_ranges = {"similarity": (0.0, 1.0)}
    option_choices = {"mode": ("quiet", "terse")}

    def check(self, doc, ctx):
        return []


@pytest.mark.parametrize("options, message", [
    ({"similarity": 1.5}, r"option 'similarity' of rule bounded must be from 0.0 to 1.0, got 1.5"),
    ({"similarity": "high"}, r"option 'similarity' of rule bounded must be a number"),
    ({"min_words": 2.5}, r"option 'min_words' of rule bounded must be an integer"),
    ({"mode": "loud"}, r"option 'mode' of rule bounded must be one of quiet, terse, got 'loud'"),
    ({"similarty": 0.2}, r"unknown option 'similarty' for rule bounded; did you mean 'similarity'\?"),
])
def test_rule_options_are_checked_against_the_declaration(options, message):
    settings = Settings(select=[], rules={"bounded": RuleSettings(None, options)})
    with pytest.raises(ConfigError, match=message):
        Linter(settings, Registry([Bounded()]))


def test_good_options_reach_the_rule():
    settings = Settings(rules={"bounded": RuleSettings(None, {"similarity": 1})})
    (rule, ctx), = Linter(settings, Registry([Bounded()])).active
    assert ctx.options == {"similarity": 1, "min_words": 3, "mode": "quiet"}

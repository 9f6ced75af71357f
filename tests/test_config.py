from __future__ import annotations

import pytest

from prose_lint.config import load_settings
from prose_lint.diagnostic import Severity
from prose_lint.engine import Linter
from prose_lint.errors import ConfigError


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_pyproject_table_is_found_from_a_subdirectory(tmp_path):
    write(tmp_path, "pyproject.toml", '[project]\nname = "x"\n[tool.prose-lint]\nfail-on = "error"\nlanguage = "en-GB"\n')
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    settings = load_settings(cwd=sub)
    assert settings.fail_on == Severity.ERROR and settings.language == "en-GB"
    assert settings.root == tmp_path.resolve()


def test_pyproject_without_table_is_skipped(tmp_path):
    write(tmp_path, "pyproject.toml", '[tool.prose-lint]\nfail-on = "info"\n')
    inner = tmp_path / "inner"
    inner.mkdir()
    write(inner, "pyproject.toml", '[project]\nname = "y"\n')
    assert load_settings(cwd=inner).fail_on == Severity.INFO


def test_dedicated_file_wins_in_the_same_directory(tmp_path):
    write(tmp_path, "pyproject.toml", '[tool.prose-lint]\nfail-on = "info"\n')
    write(tmp_path, ".prose-lint.toml", 'fail-on = "error"\n')
    assert load_settings(cwd=tmp_path).fail_on == Severity.ERROR


@pytest.mark.parametrize("body, message", [
    ('colour = "red"\n', r"\.prose-lint\.toml: unknown key 'colour' \(allowed: .*select"),
    ('fail-on = "fatal"\n', r"key 'fail-on' must be one of error, warning, info, got 'fatal'"),
    ('select = "grammar"\n', r"key 'select' must be a list of strings"),
    ('markup = "rst"\n', r"key 'markup' must be one of auto, markdown, text"),
    ('vocabulary = "missing.txt"\n', r"key 'vocabulary': .*missing.txt not found"),
    ('rule-packs = ["nope"]\n', r"key 'rule-packs': .*nope is not a directory"),
    ('jobs = -1\n', r"key 'jobs' must be 0 or more"),
    ('jobs = "4"\n', r"key 'jobs' must be an integer, got '4'"),
    ('show-source = "yes"\n', r"key 'show-source' must be true or false"),
    ('output-format = "xml"\n', r"key 'output-format' must be one of text, json, sarif, github"),
    ('extend-selct = ["wordy"]\n', r"unknown key 'extend-selct'; did you mean 'extend-select'\?"),
    ('[rules]\nwordy = 3\n', r"key 'rules.wordy' must be a table"),
    ('select = [\n', r"invalid TOML"),
    ('[languagetool]\nsever = "x"\n', r"unknown key 'languagetool.sever' \(allowed: "),
])
def test_bad_config_names_file_key_and_allowed(tmp_path, body, message):
    write(tmp_path, ".prose-lint.toml", body)
    with pytest.raises(ConfigError, match=message):
        load_settings(cwd=tmp_path)


@pytest.mark.parametrize("body, message", [
    ('select = ["no-such-rule"]\n', r"unknown rule or family 'no-such-rule'"),
    ('[rules.no-such-rule]\nseverity = "info"\n', r"key 'rules.no-such-rule': unknown rule"),
    ('[rules.repeated-word]\nwindow = 3\n', r"unknown option 'window' for rule repeated-word \(allowed: none\)"),
    ('[per-file-ignores]\n"*.md" = ["nope"]\n', r"per-file-ignores: unknown rule or family 'nope'"),
])
def test_unknown_rule_ids_are_errors(tmp_path, body, message):
    write(tmp_path, ".prose-lint.toml", body)
    with pytest.raises(ConfigError, match=message):
        Linter(load_settings(cwd=tmp_path))


def test_vocabulary_is_read(tmp_path):
    write(tmp_path, "words.txt", "# project words\nPakhtunkhwa\nMarwat  # a name\n\n")
    write(tmp_path, ".prose-lint.toml", 'vocabulary = "words.txt"\n')
    assert load_settings(cwd=tmp_path).vocabulary == frozenset({"Pakhtunkhwa", "Marwat"})


def test_rule_severity_and_per_file_ignores(tmp_path):
    write(tmp_path, ".prose-lint.toml",
          'select = ["repeated-word"]\n[rules.repeated-word]\nseverity = "error"\n'
          '[per-file-ignores]\n"drafts/*" = ["repeated-word"]\n')
    (tmp_path / "drafts").mkdir()
    write(tmp_path, "a.md", "the the\n")
    write(tmp_path / "drafts", "b.md", "the the\n")
    linter = Linter(load_settings(cwd=tmp_path))
    (d,) = linter.lint_path(str(tmp_path / "a.md")).diagnostics
    assert d.severity == Severity.ERROR
    assert linter.lint_path(str(tmp_path / "drafts" / "b.md")).diagnostics == []

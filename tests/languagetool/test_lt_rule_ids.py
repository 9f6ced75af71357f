"""Unknown rule ids are errors (options) or diagnostics (suppression comments), checked against the installed
LanguageTool's own rule list and the registry (issue item 18)."""

from __future__ import annotations

import json
import os

import pytest

from prose_lint.cli import main
from prose_lint.languagetool import ruleids

pytestmark = pytest.mark.languagetool


def _cli(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_rule_command_rejects_an_unknown_languagetool_id(fresh, capsys):
    code, out, err = _cli(capsys, "rule", "grammar/NOT_A_REAL_RULE")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "unknown LanguageTool rule 'grammar/NOT_A_REAL_RULE'" in err, err
    code, out, err = _cli(capsys, "rule", "grammar/EN_UNPAIRED_BRACKET")
    assert code == 2 and "did you mean 'grammar/EN_UNPAIRED_BRACKETS'?" in err, err
    code, out, _ = _cli(capsys, "rule", "grammar/EN_UNPAIRED_BRACKETS")
    assert code == 0 and out.startswith("grammar/EN_UNPAIRED_BRACKETS\n")
    code, out, err = _cli(capsys, "rule", "stray-tokn/orphan-token")
    assert code == 2 and "did you mean 'stray-token/orphan-token'?" in err, err


@pytest.mark.parametrize("flag,value,closest", [
    ("--ignore", "grammar/NOT_REAL", None),
    ("--ignore", "grammar/MORFOLOGIK_RULE_EN_US", "spelling/MORFOLOGIK_RULE_EN_US"),  # the wrong family
    ("--select", "spelling/MORFOLOGIK_RULE_EN_UK", "spelling/MORFOLOGIK_RULE_EN_US"),
    ("--extend-select", "grammar/ENGLISH_WORD_REPEAT", "grammar/ENGLISH_WORD_REPEAT_RULE"),
    ("--ignore", "repeated-wrd", "repeated-word"),
])
def test_unknown_ids_in_select_and_ignore_exit_2_with_the_closest_id(fresh, capsys, tmp_path, flag, value, closest):
    path = tmp_path / "a.txt"
    path.write_text("A short and correct sentence.\n", encoding="utf-8")
    code, out, err = _cli(capsys, "check", "--isolated", flag, value, str(path))
    assert code == 2, (out, err)
    assert err.count("\n") == 1 and repr(value) in err, err
    if closest:
        assert f"did you mean {closest!r}?" in err, err


def test_known_languagetool_ids_are_accepted(fresh, capsys, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("A short and correct sentence.\n", encoding="utf-8")
    code, out, err = _cli(capsys, "check", "--isolated", "--ignore", "grammar/EN_UNPAIRED_BRACKETS,spelling/MORFOLOGIK_RULE_EN_GB",
                          "--extend-select", "grammar/ENGLISH_WORD_REPEAT_RULE", str(path))
    assert code == 0, (out, err)


def test_unknown_ids_in_suppression_comments_are_reported(fresh, capsys, tmp_path):
    path = tmp_path / "a.md"
    path.write_text("<!-- prose-lint-disable-next-line grammar/NOT_REAL, repeated-word -->\n"
                    "We sent the the report.\n\n"
                    "<!-- prose-lint-disable-next-line grammar/ENGLISH_WORD_REPEAT_RULE -->\n"
                    "We sent the the letter.\n", encoding="utf-8")
    code, out, err = _cli(capsys, "check", "--isolated", "--output-format", "json", str(path))
    items = json.loads(out)
    unknown = [i for i in items if i["rule"] == "unknown-suppression-id"]
    assert [(i["line"], i["properties"]["id"]) for i in unknown] == [(1, "grammar/NOT_REAL")], items
    assert "unknown LanguageTool rule 'grammar/NOT_REAL'" in unknown[0]["message"]
    assert code == 1
    # Off like any rule.
    code, out, err = _cli(capsys, "check", "--isolated", "--ignore", "unknown-suppression-id", "--output-format", "json",
                          str(path))
    assert not [i for i in json.loads(out) if i["rule"] == "unknown-suppression-id"]


def _installation_in(tmp_path, monkeypatch):
    """The installed LanguageTool's jars, described by an installation record in a fresh home of its own."""
    from prose_lint.languagetool.install import find_installation

    inst = find_installation()
    home = tmp_path / "lt-home"
    home.mkdir(mode=0o700)
    (home / "installed.json").write_text(json.dumps({**inst.__dict__, "home": str(home)}), encoding="utf-8")
    os.chmod(home / "installed.json", 0o600)
    monkeypatch.setenv("PROSE_LINT_LANGUAGETOOL_HOME", str(home))
    return inst, home


def test_the_list_comes_from_the_installed_jars_and_is_cached_by_version(fresh, tmp_path, monkeypatch):
    inst, home = _installation_in(tmp_path, monkeypatch)
    ids = ruleids.RuleIds().known("en-GB")  # a real Java run over the installed jars
    cached = home / f"rule-ids-{inst.version}-en.json"
    assert cached.is_file() and (cached.stat().st_mode & 0o077) == 0
    assert {"grammar/EN_UNPAIRED_BRACKETS", "grammar/UPPERCASE_SENTENCE_START", "spelling/MORFOLOGIK_RULE_EN_US",
            "spelling/MORFOLOGIK_RULE_EN_GB"} <= ids
    assert len(ids) > 2000 and not any(i.startswith(("grammar/MORFOLOGIK", "spelling/UPPERCASE")) for i in ids)
    # Read from the file afterwards: no Java.
    monkeypatch.setattr(ruleids, "list_ids", lambda *a, **k: pytest.fail("listed again"))
    assert ruleids.RuleIds().known("en-US") == ids
    # Another LanguageTool version's list is not believed.
    data = json.loads(cached.read_text(encoding="utf-8"))
    cached.write_text(json.dumps({**data, "version": "0.1"}), encoding="utf-8")
    monkeypatch.setattr(ruleids, "list_ids", lambda inst, primary, **k: frozenset({"grammar/ONLY_ONE"}))
    assert ruleids.RuleIds().known("en") == frozenset({"grammar/ONLY_ONE"})
    assert json.loads(cached.read_text(encoding="utf-8"))["version"] == inst.version


def test_without_an_installed_languagetool_ids_cannot_be_checked_and_are_accepted(fresh, tmp_path, monkeypatch):
    from prose_lint.registry import load_registry

    monkeypatch.setenv("PROSE_LINT_LANGUAGETOOL_HOME", str(tmp_path / "nothing"))
    assert ruleids.RuleIds().known("en") is None
    registry = load_registry()
    assert registry.unknown_selector("grammar/NOT_REAL") is None
    assert "did you mean 'repeated-word'" in registry.unknown_selector("repeated-words")


def test_install_when_installed_lists_the_rule_ids_and_exits_0(fresh, capsys):
    # scripts/bootstrap runs this on every machine; it once crashed on a renamed function (internal error).
    code, out, err = _cli(capsys, "languagetool", "install")
    assert code == 0, err
    assert "already installed" in err and "listing LanguageTool's rule ids" in err, err
    assert "internal error" not in err


def test_a_failed_listing_is_not_retried_by_the_next_process_for_an_hour(fresh, tmp_path, monkeypatch):
    from prose_lint.errors import ToolError

    inst, home = _installation_in(tmp_path, monkeypatch)
    calls = []

    def failing(inst, primary, **kwargs):
        calls.append(primary)
        raise ToolError("cannot list LanguageTool's rules: timed out")

    monkeypatch.setattr(ruleids, "list_ids", failing)
    assert ruleids.RuleIds().known("en") is None
    marker = home / f"rule-ids-{inst.version}-en.failed"
    assert marker.is_file() and "timed out" in marker.read_text(encoding="utf-8")
    assert ruleids.RuleIds().known("en-GB") is None  # a new RuleIds stands for a new process
    assert calls == ["en"]
    old = marker.stat().st_mtime - ruleids.RETRY_AFTER - 1
    os.utime(marker, (old, old))  # an hour later it is tried again
    assert ruleids.RuleIds().known("en") is None and calls == ["en", "en"]

"""Issue item 24: what the README and the docs promise exists.

- every pre-commit ``rev:`` the README names is a tag of this repository, or is written as a placeholder
  (``<...>``, with the word "placeholder" on the line): ``v0.1.0`` was neither;
- nothing tells users to ``pip install prose-lint`` from PyPI, where it is not published;
- repeated-word's documentation and behaviour agree on "is is";
- the readability summary of a tiny file counts its words.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from prose_lint.config import Settings
from prose_lint.engine import Linter
from prose_lint.registry import load_registry
from prose_lint.source import Source

ROOT = Path(__file__).resolve().parents[1]
HAND_WRITTEN_DOCS = [ROOT / "README.md", *(p for p in sorted((ROOT / "docs").glob("*.md")) if p.name != "rules.md")]


def _tags() -> set[str] | None:
    proc = subprocess.run(["git", "-C", str(ROOT), "tag", "--list"], capture_output=True, text=True)
    return set(proc.stdout.split()) if proc.returncode == 0 else None


def test_pre_commit_revs_are_tags_or_placeholders():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    revs = re.findall(r"^\s*rev:\s*(.+)$", text, flags=re.M)
    assert revs, "the README shows a pre-commit configuration"
    tags = _tags()
    for line in revs:
        value = line.split("#", 1)[0].strip().strip("'\"")
        if value.startswith("<") and value.endswith(">"):
            assert "placeholder" in line, f"rev: {line!r} looks like a placeholder but does not say so"
            continue
        assert tags is not None, f"rev: {value!r} names a tag, and this is not a git checkout to check it in"
        assert value in tags, f"rev: {value!r} is not a tag of this repository (tags: {sorted(tags)})"


@pytest.mark.parametrize("doc", HAND_WRITTEN_DOCS, ids=lambda p: p.name)
def test_no_install_from_pypi(doc):
    text = doc.read_text(encoding="utf-8")
    from_pypi = re.findall(r"pip install\s+['\"]?prose-lint(?:\[[\w,]+\])?(?!\s*@)['\"]?(?=[\s`)]|$)", text)
    assert not from_pypi, f"{doc.name}: prose-lint is not on PyPI: {from_pypi}"
    if doc.name == "README.md":
        assert "pip install ." in text and "git+https://" in text


def _repeats(text: str) -> list[str]:
    settings = Settings()
    settings.select = ["repeated-word"]
    result = Linter(settings).lint_source(Source("t.txt", text, "utf-8", False))
    return [text[d.start:d.end] + "@" + str(d.start) for d in result.diagnostics if d.rule == "repeated-word"]


def test_is_is_is_reported_except_after_a_clause_that_ends_with_is():
    assert _repeats("This is is a test.\n") == ["is@8"]
    assert _repeats("The point is is that we left.\n") == ["is@13"]
    assert _repeats("What it is is a mess.\n") == []
    assert _repeats("All it is is noise, and this is is odd.\n") == ["is@32"]
    assert _repeats("We had had enough; that that was fine.\n") == []


def test_repeated_word_documentation_agrees_with_is_is():
    rule = load_registry().find("repeated-word")
    help_text = " ".join(rule.help.split())
    assert '"is is" is reported' in help_text and "What it is is" in help_text
    assert "is" not in rule.exceptions


def _summary(text: str, name: str = "t.md") -> dict:
    settings = Settings()
    settings.select = ["readability/summary"]
    settings.statistics = True
    result = Linter(settings).lint_source(Source(name, text, "utf-8", False))
    return result.properties["readability"]


def test_readability_summary_counts_the_words_of_a_tiny_file():
    summary = _summary("Short note.\n")
    assert (summary["words"], summary["sentences"], summary["paragraphs"]) == (2, 1, 1)
    summary = _summary("# Title\n\nOk.\n\nFine then.\n")
    assert (summary["words"], summary["paragraphs"]) == (3, 2)
    assert _summary("# Only a heading\n")["words"] == 0

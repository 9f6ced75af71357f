"""`exclude` and `per-file-ignores` share one gitignore-style matcher (prose_lint/patterns.py)."""

from __future__ import annotations

import pytest

from prose_lint.config import Settings
from prose_lint.engine import Linter
from prose_lint.registry import load_registry
from prose_lint.walk import is_excluded

PATHS = ["drafts/x.md", "a/drafts/x.md", "a/drafts/y/z.md", "docs/a.md", "docs/b/a.md", "CHANGELOG.md",
         "x/CHANGELOG.md", "notes.txt", "x/notes.txt", "drafts.md"]

# pattern -> the paths it matches: the same for both keys
EXPECTED = {
    "drafts": {"drafts/x.md", "a/drafts/x.md", "a/drafts/y/z.md"},
    "drafts/": {"drafts/x.md", "a/drafts/x.md", "a/drafts/y/z.md"},
    "a/drafts": {"a/drafts/x.md", "a/drafts/y/z.md"},
    "docs/*.md": {"docs/a.md"},
    "docs/**/*.md": {"docs/a.md", "docs/b/a.md"},
    "docs": {"docs/a.md", "docs/b/a.md"},
    "/CHANGELOG.md": {"CHANGELOG.md"},
    "CHANGELOG.md": {"CHANGELOG.md", "x/CHANGELOG.md"},
    "*.txt": {"notes.txt", "x/notes.txt"},
    "drafts*": {"drafts/x.md", "drafts.md", "a/drafts/x.md", "a/drafts/y/z.md"},
}


@pytest.fixture(scope="module")
def registry():
    return load_registry()


@pytest.mark.parametrize("pattern", sorted(EXPECTED))
def test_exclude_and_per_file_ignores_match_the_same_paths(pattern, registry, tmp_path):
    excluded = {p for p in PATHS if is_excluded(tmp_path / p, Settings(root=tmp_path, exclude=[pattern]))}
    linter = Linter(Settings(root=tmp_path, per_file_ignores=[(pattern, ["readability"])]), registry)
    ignored = {p for p in PATHS if linter._file_ignores(str(tmp_path / p)) == ["readability"]}
    assert excluded == EXPECTED[pattern]
    assert ignored == EXPECTED[pattern]


def test_a_directory_pattern_prunes_the_walk(tmp_path):
    from prose_lint.walk import iter_files

    for rel in ("a/drafts/x.md", "a/keep.md", "drafts.md"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("Text.\n", encoding="utf-8")
    found = list(iter_files([str(tmp_path)], Settings(root=tmp_path, exclude=["drafts/"])))
    assert sorted(p[len(str(tmp_path)) + 1:] for p in found) == ["a/keep.md", "drafts.md"]

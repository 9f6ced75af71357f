"""False positives on real, defect-free prose (tests/fixtures/clean, see its SOURCES.md).

Each document-defect family declares its bound in tests/fp_bounds/*.toml:

    [bounds]
    "stray-token" = 0.5     # diagnostics per 1,000 words, at most

The suite fails when a family's rate on the clean corpus rises above its bound.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from prose_lint.config import Settings
from prose_lint.engine import Linter
from prose_lint.parse import parse_source
from prose_lint.source import read_source
from prose_lint.tomlcompat import tomllib
from seedutil import clean_files

BOUNDS_DIR = Path(__file__).parent / "fp_bounds"


def load_bounds() -> dict[str, float]:
    bounds: dict[str, float] = {}
    for path in sorted(BOUNDS_DIR.glob("*.toml")):
        bounds.update(tomllib.loads(path.read_text(encoding="utf-8"))["bounds"])
    return bounds


BOUNDS = load_bounds()


@pytest.fixture(scope="module")
def clean_run():
    files = clean_files()
    linter = Linter(Settings(select=sorted(BOUNDS)))
    words = 0
    counts: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}
    for path in files:
        source = read_source(str(path))
        words += parse_source(source).word_count
        result = linter.lint_source(source)
        assert result.error is None, result.error
        for d in result.diagnostics:
            family = next((f for f in BOUNDS if d.rule == f or d.rule.startswith(f + "/")), d.rule)
            counts[family] += 1
            examples.setdefault(family, []).append(f"{path.name}: {d.rule}: {source.text[d.start:d.end][:50]!r}")
    return words, counts, examples


def test_clean_corpus_is_large_enough(clean_run):
    words, _, _ = clean_run
    assert words > 40_000


@pytest.mark.parametrize("family", sorted(BOUNDS))
def test_false_positives_per_1000_words(clean_run, family):
    words, counts, examples = clean_run
    rate = counts[family] * 1000 / words
    assert rate <= BOUNDS[family], f"{family}: {rate:.3f} per 1,000 words > {BOUNDS[family]}: {examples.get(family, [])[:10]}"

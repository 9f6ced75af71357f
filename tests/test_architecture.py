"""The seams between the parts: what imports what, which executor runs a check, which properties a
result carries. Nothing here lints a file."""

from __future__ import annotations

import subprocess
import sys


def _modules_after_import(*modules: str) -> set[str]:
    code = "import sys\n" + "".join(f"import {m}\n" for m in modules) + "print('\\n'.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    return set(out.stdout.split())


def test_formatters_and_the_baseline_do_not_import_the_engine():
    """They take FileResults (prose_lint.result), not the engine and every rule module behind it."""
    loaded = _modules_after_import(
        "prose_lint.output", "prose_lint.output.text", "prose_lint.output.json_format", "prose_lint.output.sarif",
        "prose_lint.output.github", "prose_lint.output.records", "prose_lint.baseline")
    assert "prose_lint.result" in loaded  # the import above did happen
    assert "prose_lint.engine" not in loaded
    assert not any(m.startswith("prose_lint.checks") for m in loaded)


def test_the_executor_registry_names_four_executors_that_satisfy_the_protocol():
    from prose_lint import executors

    assert set(executors.EXECUTORS) == {"inline", "pool", "server", "dask"}
    for name, executor in executors.EXECUTORS.items():
        assert isinstance(executor, executors.Executor), name
        assert callable(executor.lint), name


def test_the_choice_of_executor_is_a_function_of_the_settings(monkeypatch):
    """Decided without linting, starting or reaching anything."""
    from prose_lint.config import Settings
    from prose_lint.executors import SERVER_MAX_FILES, RunOptions, choose

    monkeypatch.delenv("PROSE_LINT_SERVER", raising=False)
    plain = RunOptions()
    assert choose(Settings(jobs=2), plain, 1) == ["inline"]
    assert choose(Settings(jobs=1), plain, 40) == ["inline"]
    assert choose(Settings(jobs=2), plain, 40) == ["pool"]
    warm = Settings(jobs=2, server=True)
    assert choose(warm, plain, 3) == ["server", "pool"]  # the pool takes over when no server answers
    assert choose(warm, plain, 1) == ["server", "inline"]
    assert choose(warm, plain, SERVER_MAX_FILES + 1) == ["pool"]  # many files: every core beats one process
    assert choose(warm, RunOptions(fixing=True), 3) == ["pool"]  # fixes are written from this process
    assert choose(warm, RunOptions(server=False), 3) == ["pool"]  # --no-server
    assert choose(Settings(jobs=2), RunOptions(server=True), 3) == ["server", "pool"]  # --server
    assert choose(warm, RunOptions(dask="local"), 3) == ["dask"]  # never quietly somewhere else
    assert choose(Settings(jobs=1), RunOptions(dask="tcp://scheduler:8786", fixing=True), 1) == ["dask"]
    monkeypatch.setenv("PROSE_LINT_SERVER", "1")
    assert choose(Settings(jobs=2), plain, 3) == ["server", "pool"]
    assert choose(Settings(jobs=2), RunOptions(server=False), 3) == ["pool"]  # the flag beats the variable


def test_executors_are_tried_in_order_until_one_answers(monkeypatch):
    from types import SimpleNamespace

    from prose_lint import executors
    from prose_lint.config import Settings
    from prose_lint.result import FileResult

    tried = []
    declining = SimpleNamespace(lint=lambda paths, *rest: tried.append("server"))
    answering = SimpleNamespace(lint=lambda paths, *rest: tried.append("pool") or [FileResult(p) for p in paths])
    monkeypatch.setitem(executors.EXECUTORS, "server", declining)
    monkeypatch.setitem(executors.EXECUTORS, "pool", answering)
    monkeypatch.delenv("PROSE_LINT_SERVER", raising=False)
    got = executors.lint(["a.md", "b.md"], Settings(jobs=2, server=True), None, executors.RunOptions())
    assert [r.path for r in got] == ["a.md", "b.md"] and tried == ["server", "pool"]


def test_one_linter_per_settings_value(tmp_path):
    """The command line, the warm server and each Dask worker share this cache: equal settings (even
    decoded anew, as the server does for each request) share a Linter; other settings do not."""
    from prose_lint import wire
    from prose_lint.config import Settings
    from prose_lint.linter_cache import LinterCache

    cache = LinterCache(limit=2)
    settings = Settings(root=tmp_path, no_grammar=True, select=["repeated-word"])
    first = cache.get(settings)
    assert cache.get(wire.loads(wire.dumps(settings))) is first and len(cache) == 1
    other = cache.get(Settings(root=tmp_path, no_grammar=True, select=["wordy"]))
    assert other is not first and len(cache) == 2
    cache.get(Settings(root=tmp_path, no_grammar=True, select=["hedging"]))
    assert len(cache) == 1  # the limit of a long-lived process: all dropped, then the new one built


def _repeated_the():
    from prose_lint.diagnostic import Diagnostic, Edit, Fix, Severity
    from prose_lint.result import FileResult

    fix = Fix((Edit(4, 8, ""),))
    return FileResult("a.md", "The the end.\n", [Diagnostic("repeated-word", Severity.WARNING, 4, 7,
                                                             "'the' is repeated", fix=fix)],
                      properties={"language": {"variety": "en-GB", "chosen": "configured"}})


def test_no_private_flag_rides_in_the_results_properties():
    """--diff used to mark its results with a "_diff" property (and the report had to pop it): the
    result of --diff is now what the step returns."""
    from pathlib import Path

    import prose_lint

    package = Path(prose_lint.__file__).parent
    flagged = [str(p) for p in package.rglob("*.py") if '"_diff"' in p.read_text(encoding="utf-8")
               or "'_diff'" in p.read_text(encoding="utf-8")]
    assert flagged == []


def test_diffs_and_baselines_are_steps_on_the_results(tmp_path, capsys):
    from prose_lint.baseline import apply_baseline
    from prose_lint.fix import show_diffs
    from prose_lint.result import FileResult

    result = _repeated_the()
    properties = {k: dict(v) for k, v in result.properties.items()}
    assert show_diffs([result]) is True
    assert "-The the end.\n+The end.\n" in capsys.readouterr().out
    assert result.properties == properties  # nothing added for the report to remove
    assert show_diffs([FileResult("b.md", "Fine.\n")]) is False

    baseline = tmp_path / "baseline.json"
    recorded = apply_baseline([_repeated_the()], baseline)  # the first run records and reports nothing
    assert recorded[0].diagnostics == [] and baseline.exists()
    assert apply_baseline([_repeated_the()], baseline)[0].diagnostics == []  # known: dropped
    new = _repeated_the()
    new.text = "The cat cat sat.\n"  # another defect: a new fingerprint
    assert len(apply_baseline([new], baseline)[0].diagnostics) == 1
    assert "wrote 1 diagnostic(s)" in capsys.readouterr().err

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

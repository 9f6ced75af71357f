"""Running the prose-lint command line as a user would, for the tests that check its output and exit code."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def run_cli(*args: str, cwd: Path, stdin: str | bytes | None = None, text: bool = True, timeout: float = 300):
    """``python -m prose_lint ARGS`` in ``cwd``, in-process (no warm server) and without forced colour; a run
    that does not finish within ``timeout`` seconds fails the test (a hang is a defect, not a slow test)."""
    env = {**os.environ, "PROSE_LINT_SERVER": "0"}
    env.pop("FORCE_COLOR", None)
    try:
        return subprocess.run([sys.executable, "-m", "prose_lint", *args], cwd=cwd, input=stdin, capture_output=True,
                              text=text, env=env, timeout=timeout)
    except subprocess.TimeoutExpired:
        pytest.fail(f"prose-lint {' '.join(args)} did not finish within {timeout} s")

"""The wheel ships what prose-lint finds at run time: rule packs, lexicons and the LanguageTool pom."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_contains_rule_packs_and_data(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                           "-w", str(tmp_path), str(ROOT)], capture_output=True, text=True, timeout=600)
    if proc.returncode != 0:  # no hatchling in this environment: build in isolation
        proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path),
                               str(ROOT)], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    (wheel,) = tmp_path.glob("prose_lint-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for pack in (ROOT / "rules").rglob("*.toml"):
        assert f"prose_lint/_rules/{pack.relative_to(ROOT / 'rules').as_posix()}" in names
    assert "prose_lint/languagetool/pom.xml" in names
    assert any(n.endswith("entry_points.txt") for n in names)

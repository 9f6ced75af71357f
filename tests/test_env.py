"""Environment variables are read in one module (prose_lint/env.py), which names and explains each."""

from __future__ import annotations

import re
from pathlib import Path

from prose_lint import env

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "prose_lint"

# path (relative to the package) -> why it may touch os.environ directly. Empty: env.py is the only one.
EXCEPTIONS: dict[str, str] = {}


def test_only_env_py_reads_the_environment():
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel == "env.py" or rel in EXCEPTIONS:
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"\bos\.(environ|getenv|putenv)\b|\bfrom os import .*\b(environ|getenv)\b", line):
                offenders.append(f"{rel}:{n}: {line.strip()}")
    assert not offenders, "read environment variables through prose_lint/env.py:\n" + "\n".join(offenders)


def test_every_prose_lint_variable_used_is_declared():
    used = set()
    for path in PACKAGE.rglob("*.py"):
        used |= set(re.findall(r"\bPROSE_LINT_[A-Z_]+[A-Z]\b", path.read_text(encoding="utf-8")))
    assert used <= set(env.VARIABLES), f"undeclared in env.VARIABLES: {sorted(used - set(env.VARIABLES))}"


def test_an_undeclared_name_is_a_bug():
    import pytest

    with pytest.raises(KeyError, match="not declared"):
        env.get("PROSE_LINT_NO_SUCH_THING")


def test_flags(monkeypatch):
    for value, expected in (("1", True), ("yes", True), ("0", False), ("off", False), ("", False)):
        monkeypatch.setenv("PROSE_LINT_SERVER", value)
        assert env.is_set("PROSE_LINT_SERVER") is expected

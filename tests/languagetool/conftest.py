"""One real LanguageTool server for the whole test session.

The fixture ``lt_server`` finds the installed LanguageTool (the one
``prose-lint languagetool install`` put in the user cache dir, or
``$PROSE_LINT_LANGUAGETOOL_HOME`` / ``$PROSE_LINT_CACHE_DIR``), then points
``PROSE_LINT_CACHE_DIR`` at a temporary directory (so the daemon state and
the result cache are the test session's own), starts the local daemon there
with ``prose_lint.languagetool.daemon.ensure`` and stops it at the end. If
LanguageTool or Java is missing the fixture FAILS (never skips) and says to
run ``prose-lint languagetool install``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest

ENV_KEYS = ("PROSE_LINT_CACHE_DIR", "PROSE_LINT_LANGUAGETOOL_HOME", "PROSE_LINT_LANGUAGETOOL_SERVER",
            "PROSE_LINT_LANGUAGETOOL_HEAP", "PROSE_LINT_LANGUAGETOOL_IDLE_TIMEOUT")


@dataclass
class Server:
    url: str  # http://127.0.0.1:PORT (no /v2)
    port: int
    pid: int
    cache_dir: Path
    home: Path
    version: str


@pytest.fixture(scope="session")
def lt_server(tmp_path_factory):
    from prose_lint.errors import ToolError
    from prose_lint.languagetool import daemon, install

    inst = install.find_installation()
    if inst is None:
        pytest.fail(f"LanguageTool is not installed in {install.lt_home()}: run `prose-lint languagetool install` "
                    "(needs Java 17+ and mvn) before the LanguageTool tests", pytrace=False)
    try:
        install.find_java()
    except ToolError as exc:
        pytest.fail(f"LanguageTool tests need Java: {exc}", pytrace=False)
    saved = {k: os.environ.get(k) for k in ENV_KEYS}
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    # Under xdist every worker is a session: they share one daemon through the shared base temp dir
    # (the daemon's file lock makes them start one), and its idle timeout stops it.
    base = (tmp_path_factory.getbasetemp().parent / "lt-cache") if worker else tmp_path_factory.mktemp("lt-cache")
    base.mkdir(exist_ok=True)
    os.environ["PROSE_LINT_LANGUAGETOOL_HOME"] = inst.home
    os.environ["PROSE_LINT_CACHE_DIR"] = str(base)
    for key in ENV_KEYS[2:]:
        os.environ.pop(key, None)
    if worker:
        os.environ["PROSE_LINT_LANGUAGETOOL_IDLE_TIMEOUT"] = "3"
    try:
        state, _ = daemon.ensure(idle_minutes=3 if worker else 15)
    except ToolError as exc:
        pytest.fail(f"could not start LanguageTool: {exc}", pytrace=False)
    yield Server(f"http://127.0.0.1:{state.port}", state.port, state.pid, base, Path(inst.home), state.version)
    if not worker:
        daemon.stop()
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.fixture
def fresh(lt_server):
    """The session's server, for a test that makes its own Linters (each has its own LanguageTool service,
    so there is nothing to forget between tests)."""
    return lt_server

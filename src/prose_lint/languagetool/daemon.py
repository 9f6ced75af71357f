"""The local LanguageTool daemon: one HTTP server per cache dir, shared by every run.

The first run that needs LanguageTool starts ``org.languagetool.server.HTTPServer``
on 127.0.0.1 (the server binds to localhost unless ``--public`` is given) on a
free port, under a supervisor process (``supervisor.py``) that stops it after
``idle-timeout`` minutes without use. Use is recorded by touching
``<run dir>/last-used``. The state (port, JVM pid, supervisor pid, version,
heap) is in ``<run dir>/state.json``; a file lock (``filelock``) makes
concurrent runs start one server. A state whose pid is dead, whose process is
not a LanguageTool server, whose port refuses connections, or whose version or
heap differ from what is wanted, is stale: it is stopped and replaced. A daemon
that is alive and accepts connections is never killed for being slow: other
runs are using it (``probe``).
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from prose_lint.errors import ToolError
from prose_lint.languagetool import install as _install

MAIN_CLASS = "org.languagetool.server.HTTPServer"
START_TIMEOUT = 120.0
# LanguageTool's thread pool; its own sentence cache stays off (cacheSize=0): prose-lint caches
# per paragraph, and benchmarks must not be flattered by LanguageTool remembering a sentence.
SERVER_PROPERTIES = "cacheSize=0\nmaxCheckThreads={threads}\n"


@dataclass
class DaemonState:
    port: int
    pid: int
    supervisor: int
    version: str
    heap: str
    java: str = ""
    java_source: str = ""
    classpath: str = ""
    started: float = 0.0
    idle_minutes: float = 0.0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v2/"


class RunDir:
    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path else _install.run_dir()

    @property
    def state(self) -> Path:
        return self.path / "state.json"

    @property
    def lock(self) -> Path:
        return self.path / "daemon.lock"

    @property
    def touch(self) -> Path:
        return self.path / "last-used"

    @property
    def log(self) -> Path:
        return self.path / "server.log"

    @property
    def properties(self) -> Path:
        return self.path / "server.properties"


def read_state(run: RunDir) -> DaemonState | None:
    from prose_lint.private import trusted_file

    if not trusted_file(run.state):  # names a port to send manuscripts to and pids to signal
        return None
    try:
        data = json.loads(run.state.read_text(encoding="utf-8"))
        return DaemonState(**{k: data[k] for k in DaemonState.__dataclass_fields__ if k in data})
    except (OSError, ValueError, TypeError, KeyError):
        return None


def pid_alive(pid: int, needle: str = "") -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    if needle:
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            return True  # no /proc (macOS): trust the pid
        if needle.encode() not in cmdline:
            return False
        try:  # a zombie is not alive
            if Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] == "Z":
                return False
        except (OSError, IndexError):
            pass
    return True


def port_open(port: int, timeout: float = 0.5) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout):
            return True
    except OSError:
        return False


# What a daemon is, seen from outside. Only GONE and REFUSED justify killing or replacing it: a daemon
# whose port does not accept at once is busy (a stalled JVM, a full accept queue on a loaded machine),
# and other runs and workers are using it; killing it made them fail and restart it in cascade.
ANSWERS, BUSY, REFUSED, GONE = "answers", "busy", "refused", "gone"


def probe(state: DaemonState | None, timeout: float = 2.0) -> str:
    if state is None or not pid_alive(state.pid, MAIN_CLASS):
        return GONE
    try:
        with socket.create_connection(("127.0.0.1", state.port), timeout=timeout):
            return ANSWERS
    except ConnectionRefusedError:
        return REFUSED
    except OSError:
        return BUSY


def alive(state: DaemonState | None, patience: int = 1) -> bool:
    """Not GONE and not REFUSED: a daemon to keep. ``patience`` > 1 asks again about a refusing port."""
    for attempt in range(patience):
        found = probe(state)
        if found in (ANSWERS, BUSY):
            return True
        if found == GONE:
            return False
        if attempt + 1 < patience:
            time.sleep(0.5)
    return False


def is_healthy(state: DaemonState | None, patience: int = 1) -> bool:
    """The JVM lives and its port answers; ``patience`` > 1 retries the port (a busy machine)."""
    if state is None or not pid_alive(state.pid, MAIN_CLASS):
        return False
    for attempt in range(patience):
        if port_open(state.port, 2.0):
            return True
        if attempt + 1 < patience:
            time.sleep(0.5)
    return False


def usable(state: DaemonState | None, version: str, heap: str, patience: int = 1) -> bool:
    """Alive, and the version and heap wanted (else the state is stale and gets replaced)."""
    return state is not None and state.version == version and state.heap == heap and alive(state, patience)


def touch(run: RunDir) -> None:
    from prose_lint.private import open_private

    try:
        os.utime(run.touch)
    except OSError:
        try:
            run.touch.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            os.close(open_private(run.touch))
        except OSError:
            pass


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ensure(heap: str = "768m", idle_minutes: float = 15, port: int = 0,
           run: RunDir | None = None) -> tuple[DaemonState, bool]:
    """A healthy daemon of the installed version: (state, True if this call started it)."""
    run = run or RunDir()
    inst = _install.require_installation()
    state = read_state(run)
    if usable(state, inst.version, heap):
        touch(run)
        return state, False
    from filelock import FileLock, Timeout

    run.path.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        with FileLock(str(run.lock), timeout=START_TIMEOUT + 30, mode=0o600):
            state = read_state(run)
            if usable(state, inst.version, heap, patience=3):  # sure before killing it
                touch(run)
                return state, False
            if state:
                _kill(state)
                try:
                    run.state.unlink()
                except OSError:
                    pass
            from prose_lint import progress

            progress.say(f"starting LanguageTool {inst.version} (a cold start takes ~10 s)...", key="lt-start")
            state = _start(inst, heap, idle_minutes, port, run)
            touch(run)  # the idle clock starts now, not when the JVM was launched
            return state, True
    except Timeout:
        raise ToolError(f"timed out waiting for another run to start LanguageTool (lock {run.lock})") from None


def _start(inst: "_install.Installation", heap: str, idle_minutes: float, port: int, run: RunDir) -> DaemonState:
    java = _install.find_java()
    port = port or _free_port()
    if port_open(port):
        raise ToolError(f"port {port} is already in use: set languagetool.port to another one, or 0")
    from prose_lint.private import open_private, write_private

    write_private(run.properties, SERVER_PROPERTIES.format(threads=max(2, os.cpu_count() or 2)))
    jvm = [java.path, f"-Xmx{heap}", "-Xss2m", "-XX:+UseSerialGC",
           "-Dfile.encoding=UTF-8", "-Djava.awt.headless=true",
           "-cp", inst.classpath, MAIN_CLASS, "--port", str(port), "--config", str(run.properties)]
    cmd = [sys.executable, "-m", "prose_lint.languagetool.supervisor", "--state", str(run.state),
           "--touch", str(run.touch), "--idle", str(idle_minutes), "--port", str(port), "--version", inst.version,
           "--heap", heap, "--java", java.path, "--java-source", java.source, "--classpath", inst.classpath,
           "--", *jvm]
    log = os.fdopen(open_private(run.log), "ab")
    try:
        sup = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                               start_new_session=True, close_fds=True)
    finally:
        log.close()
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if sup.poll() is not None:
            raise ToolError(f"LanguageTool server exited during start-up: {_log_tail(run)}")
        state = read_state(run)
        if state and state.supervisor == sup.pid:
            if not pid_alive(state.pid):
                break
            if port_open(state.port, 0.2):
                _warm_up(state)
                return state
        time.sleep(0.1)
    _kill_pid(sup.pid)
    raise ToolError(f"LanguageTool server did not start within {START_TIMEOUT:.0f} s: {_log_tail(run)}")


def _warm_up(state: DaemonState) -> None:
    """One small request: LanguageTool's first check is slow (class loading, JIT)."""
    from prose_lint.languagetool.client import post_check

    try:
        post_check(state.url, {"language": "en-US", "text": "This are a warm-up sentence with teh typo. It work."},
                   timeout=60)
    except ToolError:
        pass


def _log_tail(run: RunDir) -> str:
    try:
        lines = run.log.read_text(encoding="utf-8", errors="replace").strip().splitlines()
    except OSError:
        return "no log"
    interesting = [ln for ln in lines if "Exception" in ln or "Error" in ln] or lines
    return f"{interesting[-1].strip()[:300] if interesting else 'no output'} (log: {run.log})"


def _kill_pid(pid: int, sig: int = signal.SIGTERM) -> None:
    try:
        os.kill(pid, sig)
    except OSError:
        pass


def _kill(state: DaemonState, wait: float = 10.0) -> None:
    if pid_alive(state.supervisor, "prose_lint.languagetool.supervisor"):
        _kill_pid(state.supervisor)
    if pid_alive(state.pid, MAIN_CLASS):
        _kill_pid(state.pid)
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline and pid_alive(state.pid, MAIN_CLASS):
        time.sleep(0.05)
    if pid_alive(state.pid, MAIN_CLASS):
        _kill_pid(state.pid, signal.SIGKILL)


def stop(run: RunDir | None = None) -> DaemonState | None:
    """Stop the daemon if one runs; return the state it had."""
    run = run or RunDir()
    state = read_state(run)
    if state is None:
        return None
    _kill(state)
    try:
        run.state.unlink()
    except OSError:
        pass
    return state


def restart(bad: DaemonState, heap: str, idle_minutes: float, port: int, run: RunDir | None = None) -> DaemonState:
    """Replace a daemon that is gone or refuses connections (unless another run already did). A daemon
    that is alive and does not refuse is never killed, busy or not: it is returned as it is."""
    run = run or RunDir()
    from filelock import FileLock

    run.path.mkdir(parents=True, exist_ok=True, mode=0o700)
    with FileLock(str(run.lock), timeout=START_TIMEOUT + 30, mode=0o600):
        current = read_state(run)
        if current and alive(current, patience=3):
            return current
        if alive(bad, patience=3):
            return bad  # the state file was lost, the daemon was not
        _kill(bad)
        if current:
            _kill(current)
        try:
            run.state.unlink()
        except OSError:
            pass
        state = _start(_install.require_installation(), heap, idle_minutes, port, run)
        touch(run)
        return state


def status(run: RunDir | None = None) -> DaemonState | None:
    run = run or RunDir()
    state = read_state(run)
    return state if is_healthy(state) else None

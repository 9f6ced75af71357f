"""The LanguageTool supervisor stops its JVM on SIGTERM, whenever the signal arrives (issue 15, item 9).

The JVM is replaced by a sleeping Python process: what is tested is the supervisor's own signal handling,
not LanguageTool. The deadline is a liveness bound (the supervisor needs well under a second), not a speed goal.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time

CHILD = r"""
import os, signal, subprocess, sys
from pathlib import Path
from prose_lint.languagetool import supervisor

state, pidfile, port = sys.argv[1], sys.argv[2], sys.argv[3]
original = subprocess.Popen._try_wait
fired = []

def try_wait(self, flags):
    # Deliver SIGTERM while Popen.wait() holds its _waitpid_lock (the handler runs at the next bytecode,
    # inside this call): the moment a handler that waits for the JVM itself deadlocks.
    if not fired and Path(state).exists() and Path(pidfile).exists():
        fired.append(1)
        os.kill(os.getpid(), signal.SIGTERM)
        for _ in range(10):
            pass
    return original(self, flags)

subprocess.Popen._try_wait = try_wait
jvm = f"import os, time; open({pidfile!r} + '.tmp', 'w').write(str(os.getpid())); os.replace({pidfile!r} + '.tmp', {pidfile!r}); time.sleep(600)"
sys.exit(supervisor.main(["--state", state, "--touch", state + ".touch", "--idle", "10", "--port", port,
                          "--version", "test", "--heap", "64m", "--java", "java", "--classpath", "none",
                          "--", sys.executable, "-c", jvm]))
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return True


def test_sigterm_during_wait_stops_the_jvm_and_the_supervisor(tmp_path):
    state, pidfile = tmp_path / "state.json", tmp_path / "jvm.pid"
    sup = subprocess.Popen([sys.executable, "-c", CHILD, str(state), str(pidfile), str(_free_port())],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    jvm = None
    try:
        out, _ = sup.communicate(timeout=90)
        jvm = int(pidfile.read_text())
    except subprocess.TimeoutExpired:
        sup.kill()
        sup.communicate()
        raise AssertionError("the supervisor did not exit after SIGTERM (deadlocked in its signal handler)")
    finally:
        if jvm is None and pidfile.exists():
            jvm = int(pidfile.read_text())
        if jvm is not None and _alive(jvm):
            os.kill(jvm, signal.SIGKILL)
    assert sup.returncode == 0, out
    assert not state.exists()  # its state is removed
    deadline = time.monotonic() + 30
    while _alive(jvm) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(jvm)


LISTENER = r"""
import socket, sys, time
server = socket.socket()
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", int(sys.argv[1])))
server.listen(8)
held = []
while True:
    conn, _ = server.accept()
    held.append(conn)  # a request that takes its time
"""


def test_a_request_in_flight_is_not_idleness(tmp_path):
    """With a 3 s idle timeout, a connection held open for 9 s keeps the server up (a slow first check on a
    loaded machine must not see its JVM stopped under it); once it is closed, the idle stop follows."""
    state = tmp_path / "state.json"
    port = _free_port()
    sup = subprocess.Popen(
        [sys.executable, "-m", "prose_lint.languagetool.supervisor", "--state", str(state),
         "--touch", str(tmp_path / "touch"), "--idle", "0.05", "--port", str(port), "--version", "test",
         "--heap", "64m", "--java", "java", "--classpath", "none", "--", sys.executable, "-c", LISTENER, str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 90
        conn = None
        while conn is None and time.monotonic() < deadline:
            try:
                conn = socket.create_connection(("127.0.0.1", port), timeout=5)
            except OSError:
                time.sleep(0.1)
        assert conn is not None, "the fake server did not start"
        with conn:
            time.sleep(9)  # three idle timeouts with a request in flight
            assert sup.poll() is None, "the supervisor stopped the server while a request was in flight"
        sup.wait(timeout=90)  # then idle: it stops on its own
        assert not state.exists()
    finally:
        if sup.poll() is None:
            sup.terminate()
            sup.wait(timeout=30)

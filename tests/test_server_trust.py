"""The warm server's socket: data not code, private directories, the peer's uid, and no waiting on a
stopped server (issue 15, items 1, 2 and 7).

Commands run in child processes with deadlines that are liveness bounds (generous: a loaded 2-core
machine), never speed goals.
"""

from __future__ import annotations

import os
import pickle
import signal
import socket
import stat
import struct
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from prose_lint.server import socket_address

ROOT = Path(__file__).resolve().parents[1]
DOC = "The the end.\n"


@pytest.fixture
def env(tmp_path):
    environment = {**os.environ, "PROSE_LINT_CACHE_DIR": str(tmp_path / "cache"), "PROSE_LINT_SERVER_IDLE": "120"}
    environment.pop("PROSE_LINT_SERVER", None)
    environment.pop("FORCE_COLOR", None)
    yield environment
    subprocess.run([sys.executable, "-m", "prose_lint", "server", "stop"], env=environment, capture_output=True,
                   timeout=120)


def run(env, *args, cwd=ROOT, timeout=300):
    return subprocess.run([sys.executable, "-m", "prose_lint", *args], env=env, cwd=cwd,
                          capture_output=True, text=True, timeout=timeout)


def build_id(env) -> str:
    return subprocess.run([sys.executable, "-c", "from prose_lint.server import build_id; print(build_id())"],
                          env=env, capture_output=True, text=True, check=True).stdout.strip()


def wait_for_socket(env, timeout=90.0) -> Path:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = run(env, "server", "status").stdout
        if "(this build)" in status:
            return Path(status.split()[0])
        time.sleep(0.3)
    pytest.fail("the server did not start")


def check(env, doc, *extra, timeout=300):
    return run(env, "check", "--select", "repeated-word", str(doc), *extra, timeout=timeout)


def test_a_planted_socket_cannot_make_the_client_unpickle(env, tmp_path):
    """Item 1: a socket that answers with a pickle (code) is not believed; the file is linted in-process."""
    marker = tmp_path / "pwned"

    class Boom:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    payload = pickle.dumps({"results": Boom()})
    server_dir = Path(env["PROSE_LINT_CACHE_DIR"]) / "server"
    server_dir.mkdir(parents=True, mode=0o700)
    os.chmod(server_dir.parent, 0o700)
    path = server_dir / f"prose-lint-{build_id(env)}.sock"
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    with socket_address(path) as address:  # the tmp path may be longer than a socket address holds
        listener.bind(address)
    listener.listen(1)

    def answer():
        conn, _ = listener.accept()
        with conn:
            conn.settimeout(10)
            try:
                conn.recv(1 << 20)
                conn.sendall(struct.pack("!Q", len(payload)) + payload)
                time.sleep(1)
            except OSError:
                pass

    thread = threading.Thread(target=answer, daemon=True)
    thread.start()
    doc = tmp_path / "d.md"
    doc.write_text(DOC)
    try:
        proc = check(env, doc, "--server")
    finally:
        listener.close()
    assert not marker.exists(), "the client ran code sent by the socket"
    assert proc.returncode == 1 and "repeated-word" in proc.stdout, proc.stdout + proc.stderr


def test_a_directory_others_can_write_is_refused(env, tmp_path):
    """Item 1: a server directory writable by other users is not used (a one-line warning, in-process)."""
    server_dir = Path(env["PROSE_LINT_CACHE_DIR"]) / "server"
    server_dir.mkdir(parents=True)
    os.chmod(server_dir.parent, 0o700)
    os.chmod(server_dir, 0o777)
    doc = tmp_path / "d.md"
    doc.write_text(DOC)
    proc = check(env, doc, "--server")
    assert proc.returncode == 1 and "repeated-word" in proc.stdout
    assert "writable by other users" in proc.stderr and "refusing" in proc.stderr, proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert list(server_dir.iterdir()) == []  # no server was started there


def test_a_symlinked_cache_directory_is_refused(env, tmp_path):
    real = tmp_path / "elsewhere"
    real.mkdir(mode=0o700)
    os.symlink(real, env["PROSE_LINT_CACHE_DIR"])
    doc = tmp_path / "d.md"
    doc.write_text(DOC)
    proc = check(env, doc, "--server")
    assert proc.returncode == 1 and "is a symbolic link" in proc.stderr, proc.stderr
    assert list(real.iterdir()) == []


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0 or not hasattr(socket, "SO_PEERCRED"),
                    reason="needs root (to run a listener as another user) and Linux SO_PEERCRED")
def test_a_socket_served_by_another_user_is_not_used(env, tmp_path):
    """Item 1: SO_PEERCRED: the client does not talk to a server process of another uid."""
    server_dir = Path(env["PROSE_LINT_CACHE_DIR"]) / "server"
    server_dir.mkdir(parents=True, mode=0o700)
    os.chmod(server_dir.parent, 0o700)
    path = server_dir / f"prose-lint-{build_id(env)}.sock"
    got = tmp_path / "got-request"
    code = (f"import os, socket, time\nfrom pathlib import Path\nfrom prose_lint.server import socket_address\n"
            f"s = socket.socket(socket.AF_UNIX)\nwith socket_address(Path({str(path)!r})) as a: s.bind(a)\n"
            "os.setuid(65534)\ns.listen(1)\ns.settimeout(60)\n"
            f"c, _ = s.accept()\nc.settimeout(10)\ndata = c.recv(100)\n"
            f"open({str(got)!r}, 'wb').write(data) if data else None\ntime.sleep(1)\n")
    other = subprocess.Popen([sys.executable, "-c", code])
    try:
        deadline = time.monotonic() + 60
        while not path.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.5)  # listening as uid 65534
        doc = tmp_path / "d.md"
        doc.write_text(DOC)
        proc = check(env, doc, "--server")
    finally:
        other.kill()
        other.wait()
    assert proc.returncode == 1 and "repeated-word" in proc.stdout
    assert "another user's process" in proc.stderr, proc.stderr
    assert not got.exists(), "the request (paths, settings) was sent to another user's process"


def test_a_stopped_server_does_not_stall_the_client(env, tmp_path):
    """Item 7: a server that accepts connections but never answers (SIGSTOP) costs a few seconds, then the
    client lints in-process; before, it waited for the 600 s request timeout."""
    doc = tmp_path / "d.md"
    doc.write_text(DOC)
    local = check(env, doc, "--no-server")
    check(env, doc, "--server")  # starts the server
    path = wait_for_socket(env)
    assert check(env, doc, "--server").stdout == local.stdout  # served
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
        with socket_address(path) as address:
            probe.connect(address)
        pid = struct.unpack("3i", probe.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, 12))[0]
    os.kill(pid, signal.SIGSTOP)
    try:
        stalled = check(env, doc, "--server", timeout=240)
    except subprocess.TimeoutExpired:
        pytest.fail("the client waited on a stopped server")
    finally:
        os.kill(pid, signal.SIGCONT)
    assert stalled.returncode == 1 and stalled.stdout == local.stdout


def test_server_files_are_private(env, tmp_path):
    """Item 2: the server's directory is 0700, its socket and log readable by the user only."""
    doc = tmp_path / "d.md"
    doc.write_text(DOC)
    check(env, doc, "--server")
    path = wait_for_socket(env)
    cache = Path(env["PROSE_LINT_CACHE_DIR"])
    for directory in (cache, cache / "server"):
        assert stat.S_IMODE(os.lstat(directory).st_mode) == 0o700, directory
    for item in (cache / "server").iterdir():
        assert stat.S_IMODE(os.lstat(item).st_mode) & 0o077 == 0, item
    assert any(p.suffix == ".log" for p in (cache / "server").iterdir()) and path.exists()


def test_a_server_that_accepts_but_never_answers_costs_seconds_not_minutes(env, tmp_path):
    """Item 7, without a real server: a socket whose process accepts the connection and then says nothing."""
    server_dir = Path(env["PROSE_LINT_CACHE_DIR"]) / "server"
    server_dir.mkdir(parents=True, mode=0o700)
    os.chmod(server_dir.parent, 0o700)
    path = server_dir / f"prose-lint-{build_id(env)}.sock"
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    with socket_address(path) as address:  # the tmp path may be longer than a socket address holds
        listener.bind(address)
    listener.listen(8)
    held = []

    def accept_and_hold():
        try:
            while True:
                held.append(listener.accept()[0])
        except OSError:
            pass

    threading.Thread(target=accept_and_hold, daemon=True).start()
    doc = tmp_path / "d.md"
    doc.write_text(DOC)
    try:
        proc = check(env, doc, "--server", timeout=240)
    except subprocess.TimeoutExpired:
        pytest.fail("the client waited on a server that never answers")
    finally:
        listener.close()
        for conn in held:
            conn.close()
    assert proc.returncode == 1 and "repeated-word" in proc.stdout
    assert held, "the client did not even connect (the test proves nothing)"


def test_a_socket_address_longer_than_the_kernel_allows_still_binds_and_connects(tmp_path):
    """A deep cache directory (a CI workspace, a long PROSE_LINT_CACHE_DIR): the server's socket path is
    longer than a Unix socket address holds (108 bytes on Linux); it is bound and reached all the same."""
    deep = tmp_path / ("d" * 60) / ("e" * 60)
    deep.mkdir(parents=True)
    path = deep / "prose-lint-0123456789abcdef.sock"
    assert len(str(path)) > 108
    with pytest.raises(OSError):
        socket.socket(socket.AF_UNIX).bind(str(path))  # what the server did before
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        with socket_address(path) as address:
            server.bind(address)
        server.listen(1)
        assert path.exists()
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
            with socket_address(path) as address:
                client.connect(address)
            conn, _ = server.accept()
            client.sendall(b"ping")
            assert conn.recv(4) == b"ping"
            conn.close()

"""The tiny process that owns the local LanguageTool JVM (``python -m prose_lint.languagetool.supervisor``).

It starts the JVM, writes the state file (port, JVM pid, its own pid, version,
heap), and then watches: when nobody has touched the idle file for
``--idle`` minutes it stops the JVM, removes the state file and exits; when the
JVM dies it removes the state file and exits; on SIGTERM it stops the JVM.
A connection open to the server (a request still running) counts as use.
Kept free of third-party imports so it starts fast and stays small.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path


def _write_state(path: Path, state: dict) -> None:
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    # 0600: only a state file of the user's own, writable by no one else, is trusted (daemon.read_state)
    with os.fdopen(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="utf-8") as out:
        out.write(json.dumps(state))
    os.replace(tmp, path)


def _touch(path: Path) -> None:
    try:
        os.utime(path)
    except FileNotFoundError:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))


def _remove_state_if_ours(path: Path, pid: int) -> None:
    try:
        if json.loads(path.read_text(encoding="utf-8")).get("supervisor") == pid:
            path.unlink()
    except (OSError, ValueError):
        pass


def _port_open(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def _in_use(port: int) -> bool:
    """A connection to the server is open (a request in flight), as the kernel sees it (Linux's
    /proc/net/tcp*; elsewhere never). A check that takes longer than the idle timeout (a JVM's first
    requests on a loaded machine) is use, not idleness: stopping the JVM under it made the next run find
    it dying and start another one."""
    wanted = f":{port:04X}"
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(table, encoding="ascii") as handle:
                next(handle, None)
                for line in handle:
                    fields = line.split()
                    if len(fields) > 3 and fields[3] == "01" and fields[1].endswith(wanted):
                        return True  # ESTABLISHED on the server's port
        except OSError:
            continue
    return False


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--state", required=True)
    ap.add_argument("--touch", required=True)
    ap.add_argument("--idle", type=float, required=True, help="minutes")
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--version", required=True)
    ap.add_argument("--heap", required=True)
    ap.add_argument("--java", required=True)
    ap.add_argument("--java-source", default="")
    ap.add_argument("--classpath", required=True)
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    args = ap.parse_args(argv)
    cmd = args.cmd[1:] if args.cmd[:1] == ["--"] else args.cmd
    state_path, touch = Path(args.state), Path(args.touch)
    _touch(touch)
    stopping: list[int] = []

    def on_signal(signum, frame):  # noqa: ARG001
        # Only a flag: the handler runs between two bytecodes of the main loop, possibly inside
        # proc.wait() holding Popen's non-reentrant _waitpid_lock, where a wait() of its own would
        # deadlock (a zombie JVM and a supervisor that never exits). The main loop does the stopping.
        stopping.append(signum)

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL)
    me = os.getpid()
    _write_state(state_path, {
        "port": args.port, "pid": proc.pid, "supervisor": me, "version": args.version, "heap": args.heap,
        "java": args.java, "java_source": args.java_source, "classpath": args.classpath,
        "started": time.time(), "idle_minutes": args.idle,
    })
    idle = args.idle * 60
    poll = max(0.2, min(10.0, idle / 6))
    ready = False
    next_idle_check = 0.0
    while not stopping:
        try:
            # short steps, so that a signal is acted on within half a second
            proc.wait(0.1 if not ready else min(poll, 0.5))
            break  # the JVM is gone
        except subprocess.TimeoutExpired:
            pass
        if stopping:
            break
        if not ready:
            # The idle clock starts when the server answers: a slow start on a busy machine is not idleness.
            ready = _port_open(args.port)
            if ready:
                _touch(touch)
            continue
        if time.monotonic() < next_idle_check:
            continue
        next_idle_check = time.monotonic() + poll
        try:
            last = touch.stat().st_mtime
        except OSError:
            last = 0.0
        if time.time() - last > idle:
            if _in_use(args.port):
                _touch(touch)
                continue
            break
    _stop(proc)
    _remove_state_if_ours(state_path, me)
    return 0


if __name__ == "__main__":
    sys.exit(main())

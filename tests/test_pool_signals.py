"""What the forked workers do when the run is stopped: Ctrl-C gives one line, not a traceback per worker,
and a parent killed with SIGTERM leaves no worker behind (each worker holds the parent's end of its own
pipe, so it would not see the pipe close)."""

import os
import signal
import subprocess
import sys
import time

import pytest

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the forked workers are Linux's")


def _children(pid: int) -> list[int]:
    kids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    if int(stat.read().rsplit(")", 1)[1].split()[1]) == pid:
                        kids.append(int(entry))
            except (OSError, ValueError, IndexError):
                pass
    return kids


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _start(tmp_path):
    for n in range(300):
        (tmp_path / f"f{n:03}.md").write_text("A sentence about the harbour and its boats. " * 400)
    proc = subprocess.Popen([sys.executable, "-m", "prose_lint", "check", "--isolated", "--no-server",
                             "--no-grammar", "--jobs", "2", str(tmp_path)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, start_new_session=True,
                            # as from a terminal: a shell without job control starts background commands with
                            # SIGINT ignored, and Python keeps an inherited SIG_IGN (no KeyboardInterrupt)
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 120
    while len(_children(proc.pid)) < 2:  # both workers forked: the run is under way
        assert proc.poll() is None and time.monotonic() < deadline, "the run ended before its workers started"
        time.sleep(0.05)
    return proc, _children(proc.pid)


def _gone(pids: list[int]) -> bool:
    deadline = time.monotonic() + 10
    while any(_alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    return not any(_alive(p) for p in pids)


def test_ctrl_c_gives_one_line(tmp_path):
    proc, workers = _start(tmp_path)
    os.killpg(proc.pid, signal.SIGINT)  # as a terminal does: the whole process group
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert err.strip().splitlines() == ["prose-lint: interrupted"], err
    assert _gone(workers)


def test_workers_end_with_a_killed_parent(tmp_path):
    proc, workers = _start(tmp_path)
    proc.send_signal(signal.SIGTERM)
    try:
        # workers left running would also hold the parent's stderr open: communicate() would time out
        proc.communicate(timeout=60)
        assert _gone(workers), "workers left running after their parent was killed"
    finally:
        for pid in workers:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass

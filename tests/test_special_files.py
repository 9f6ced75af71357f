"""Files that are not manuscripts: FIFOs, devices, files larger than max-file-size (issue 15, item 5).

Each must be one clear line naming the file, exit code 2, and never a hang: the commands run in a child
process with a deadline that is a liveness bound (they take well under a second), not a speed goal.
"""

from __future__ import annotations

import os
from pathlib import Path

from cliutil import run_cli

DEADLINE = 120  # generous: a loaded 2-core machine; the hang these guard against lasts for ever


def run(*args: str, cwd: Path, stdin: bytes | None = None):
    return run_cli("check", "--select", "repeated-word", *args, cwd=cwd, stdin=stdin, text=False, timeout=DEADLINE)


def one_error_line(proc) -> str:
    err = proc.stderr.decode()
    lines = [line for line in err.splitlines() if line.strip()]
    assert proc.returncode == 2, err
    assert len(lines) == 1 and lines[0].startswith("prose-lint: error: ") and "Traceback" not in err, err
    return lines[0]


def test_a_named_fifo_is_an_error_not_a_hang(tmp_path):
    os.mkfifo(tmp_path / "pipe.md")
    line = one_error_line(run("pipe.md", cwd=tmp_path))
    assert "pipe.md: not a regular file (a named pipe (FIFO))" in line


def test_a_fifo_in_a_walked_folder_is_an_error_not_a_hang(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("The the end.\n")
    os.mkfifo(tmp_path / "docs" / "b.md")
    proc = run("docs", cwd=tmp_path)
    assert proc.returncode == 2
    assert "repeated-word" in proc.stdout.decode()  # the other file is still checked
    assert "b.md: not a regular file (a named pipe (FIFO))" in proc.stderr.decode()


def test_dev_zero_is_an_error_not_an_endless_read(tmp_path):
    line = one_error_line(run("/dev/zero", cwd=tmp_path))
    assert "/dev/zero: not a regular file (a character device)" in line


def test_files_above_max_file_size(tmp_path):
    (tmp_path / "big.md").write_text("A sentence of prose. " * 100)  # 2,100 bytes
    line = one_error_line(run("--max-file-size", "1kB", "big.md", cwd=tmp_path))
    assert "big.md: is 2.1 kB, more than max-file-size (1 kB)" in line
    assert run("--max-file-size", "1MB", "big.md", cwd=tmp_path).returncode == 0
    (tmp_path / ".prose-lint.toml").write_text('max-file-size = 2000\n')
    assert "more than max-file-size (2 kB)" in one_error_line(run("big.md", cwd=tmp_path))
    (tmp_path / ".prose-lint.toml").write_text('max-file-size = "lots"\n')
    assert "key 'max-file-size' must be a size" in one_error_line(run("big.md", cwd=tmp_path))


def test_stdin_above_max_file_size(tmp_path):
    line = one_error_line(run("--max-file-size", "100", "-", "--stdin-filename", "in.md", cwd=tmp_path,
                              stdin=b"word " * 1000))
    assert "in.md: is more than max-file-size (100 bytes)" in line

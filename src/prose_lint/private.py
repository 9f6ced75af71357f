"""Directories and files of the cache that only their user may read, write or have planted.

Why: the cache directory holds the warm server's socket, the LanguageTool daemon's state (which names
the port to send manuscripts to and the processes to signal) and ``installed.json`` (which names the
jars ``java`` runs). When ``PROSE_LINT_CACHE_DIR`` is on a shared disk or in a CI cache, another local
user who could write there could read manuscripts or run code as this user. So every such directory is
created 0700 and refused when it is a symbolic link, not owned by the user, or writable by others (all
checked with ``lstat``); one that is only readable by others (an older prose-lint made it 0755) is ours
and cannot hold anything planted, so it is tightened to 0700. Files are created 0600.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from prose_lint.errors import ToolError


class UnsafePath(ToolError):
    """A cache directory or file that another user could have written: not used."""


def _uid() -> int:
    return os.getuid() if hasattr(os, "getuid") else -1


def private_dir(path: Path) -> Path:
    """``path`` as a directory only this user can use: created 0700, or checked (UnsafePath if not)."""
    path = Path(path)
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.mkdir(path, 0o700)
        except FileExistsError:
            pass  # another run made it at the same moment: checked below
        info = os.lstat(path)
    if stat.S_ISLNK(info.st_mode):
        raise UnsafePath(f"{path}: is a symbolic link; prose-lint keeps its sockets and state only in a real "
                         "directory of yours (set PROSE_LINT_CACHE_DIR to a private directory)")
    if not stat.S_ISDIR(info.st_mode):
        raise UnsafePath(f"{path}: is not a directory")
    if _uid() >= 0 and info.st_uid != _uid():
        raise UnsafePath(f"{path}: owned by uid {info.st_uid}, not by you (uid {_uid()}): refusing to use it "
                         "(set PROSE_LINT_CACHE_DIR to a private directory)")
    if info.st_mode & 0o022:
        raise UnsafePath(f"{path}: writable by other users (mode {stat.S_IMODE(info.st_mode):o}): refusing to use "
                         f"it; `chmod 700 {path}` if you trust what is in it")
    if info.st_mode & 0o077:
        os.chmod(path, 0o700)
    return path


def _trusted(path: Path, is_kind, owners: tuple[int, ...]) -> bool:
    """``path`` itself (lstat: a link is not followed) is of the kind ``is_kind`` tests, owned by this user
    (or one of ``owners``) and writable by no one else."""
    try:
        info = os.lstat(path)
    except OSError:
        return False
    if not is_kind(info.st_mode) or info.st_mode & 0o022:
        return False
    return _uid() < 0 or info.st_uid in (_uid(), *owners)


def trusted_file(path: Path, owners: tuple[int, ...] = ()) -> bool:
    """A regular file (not a link) owned by this user (or one of ``owners``) and writable by no one else."""
    return _trusted(path, stat.S_ISREG, owners)


def trusted_dir(path: Path, owners: tuple[int, ...] = ()) -> bool:
    """A directory (not a link) owned by this user (or one of ``owners``) and writable by no one else."""
    return _trusted(path, stat.S_ISDIR, owners)


def open_private(path: Path, flags: int = os.O_WRONLY | os.O_CREAT | os.O_APPEND) -> int:
    """``os.open`` creating the file 0600 (and narrowing an older, wider one), never through a link."""
    fd = os.open(path, flags | getattr(os, "O_NOFOLLOW", 0), 0o600)
    try:
        if stat.S_IMODE(os.fstat(fd).st_mode) & 0o077:
            os.fchmod(fd, 0o600)
    except OSError:
        pass
    return fd


def write_private(path: Path, data: str) -> None:
    """Replace ``path`` atomically with a 0600 file holding ``data``."""
    tmp = Path(f"{path}.tmp{os.getpid()}")
    fd = open_private(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(data)
    os.replace(tmp, path)

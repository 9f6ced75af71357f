"""Reading manuscripts: bytes in, text out, or a clear error naming the file.

The text keeps its line endings (CRLF, CR, LF) so that offsets, fixes and
line numbers all refer to the file as it is on disk; only a BOM is removed
(and restored when a fix writes the file back).
"""

from __future__ import annotations

import codecs
import errno
import os
import stat
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from prose_lint.errors import SourceError

# Magic numbers of formats that are sometimes named like text (a .txt that is really a PDF).
_BINARY_MAGIC = (
    b"%PDF-", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x7fELF",
    b"\xd0\xcf\x11\xe0", b"{\\rtf", b"\x1f\x8b", b"BZh", b"\xfd7zXZ",
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True)
class Source:
    path: str  # as given by the user (or --stdin-filename), used in every message
    text: str
    encoding: str = "utf-8"
    bom: bytes = b""

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.encoding)


def decode(data: bytes, path: str) -> Source:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Source(path, data[len(bom):].decode(encoding), encoding, bom)
            except UnicodeDecodeError as exc:
                raise SourceError(f"{path}: not valid {encoding} text (byte {exc.start + len(bom)})") from None
    if data.startswith(_BINARY_MAGIC):
        raise SourceError(f"{path}: binary file, not text")
    head = data[:8192]
    # A stray NUL in a text file is tolerated; a file made of them is not text.
    if head and head.count(0) > max(1, len(head) // 100):
        raise SourceError(f"{path}: binary file, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(
            f"{path}: not valid UTF-8 (invalid byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it to UTF-8"
        ) from None
    return Source(path, text)


# Largest file checked unless `max-file-size` says otherwise: a manuscript of a million words is ~6 MB.
DEFAULT_MAX_FILE_SIZE = 50_000_000
_KINDS = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def _too_large(path: str, size: int | None, limit: int) -> SourceError:
    what = f"is {format_size(size)}, more" if size is not None else "is more"
    return SourceError(f"{path}: {what} than max-file-size ({format_size(limit)}); "
                       "raise max-file-size (or --max-file-size) to check it")


def format_size(size: int) -> str:
    for unit, factor in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if size >= factor:
            return f"{size / factor:.3g} {unit}"
    return f"{size} bytes"


def read_source(path: str, max_size: int = DEFAULT_MAX_FILE_SIZE) -> Source:
    """Only regular files, and at most ``max_size`` bytes: a FIFO would block for ever and /dev/zero
    never ends. The open does not block (O_NONBLOCK: a FIFO without a writer), and the kind of file is
    taken from the open descriptor (fstat), so what is checked is what is read."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except IsADirectoryError:
        raise SourceError(f"{path}: is a directory") from None
    except FileNotFoundError:
        raise SourceError(f"{path}: no such file") from None
    except PermissionError:
        raise SourceError(f"{path}: permission denied") from None
    except OSError as exc:
        if exc.errno == errno.ENXIO:  # a Unix socket
            raise SourceError(f"{path}: not a regular file (a socket); only regular files are checked") from None
        raise SourceError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise SourceError(f"{path}: is a directory")
        if not stat.S_ISREG(info.st_mode):
            kind = next((name for test, name in _KINDS if test(info.st_mode)), "a special file")
            raise SourceError(f"{path}: not a regular file ({kind}); only regular files are checked")
        if info.st_size > max_size:
            raise _too_large(path, info.st_size, max_size)
        data = _read_at_most(fd, max_size + 1)  # the file may grow while it is read
    except OSError as exc:
        raise SourceError(f"{path}: cannot read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
    if len(data) > max_size:
        raise _too_large(path, None, max_size)
    return decode(data, path)


def _read_at_most(fd: int, limit: int) -> bytes:
    chunks, size = [], 0
    while size < limit:
        chunk = os.read(fd, min(limit - size, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def read_stdin(display_name: str, max_size: int = DEFAULT_MAX_FILE_SIZE) -> Source:
    data = sys.stdin.buffer.read(max_size + 1)  # `cat /dev/zero | prose-lint check -` ends too
    if len(data) > max_size:
        raise _too_large(display_name, None, max_size)
    return decode(data, display_name)


class WriteRefused(SourceError):
    """A file prose-lint will not rewrite unless told to (``--force-write``): read-only, or several hard links.

    ``reason`` says why ("is read-only", "has 2 hard links"); the caller names the file and what was not done.
    """

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def write_atomically(path: str, data: bytes, force: bool = False) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves the old or the new file, never half of one.

    A symbolic link is written through: its resolved target gets the new text (the temporary file is made
    in the target's directory, then ``os.replace``), and the link stays a link. The file's mode, owner and
    group are kept (the owner where the OS permits it). A file that is read-only (no write bit at all, or not
    writable by us) or that has several hard links raises ``WriteRefused`` unless ``force``: a read-only one
    is then replaced and stays read-only; one with hard links is rewritten in place (not atomically) so that
    every link sees the new text instead of the link being split.
    """
    target = Path(os.path.realpath(path))
    try:
        info = os.stat(target)
    except FileNotFoundError:
        info = None
    if info is not None and stat.S_ISREG(info.st_mode):
        read_only = not info.st_mode & 0o222 or not os.access(target, os.W_OK)
        if not force:
            if read_only:
                raise WriteRefused(path, "is read-only")
            if info.st_nlink > 1:
                raise WriteRefused(path, f"has {info.st_nlink} hard links")
        elif info.st_nlink > 1:
            with open(target, "r+b") as handle:
                handle.write(data)
                handle.truncate()
                handle.flush()
                os.fsync(handle.fileno())
            return
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".prose-lint.tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if info is not None:
            _keep_owner(tmp, info)
            os.chmod(tmp, info.st_mode & 0o7777)  # after chown, which clears set-id bits
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _keep_owner(tmp: str, info: os.stat_result) -> None:
    """Give ``tmp`` the owner and group of the file it replaces, as far as we may (root may set both; the
    owner may set a group they belong to)."""
    if not hasattr(os, "chown"):
        return
    try:
        current = os.stat(tmp)
        if (current.st_uid, current.st_gid) == (info.st_uid, info.st_gid):
            return
        os.chown(tmp, info.st_uid, info.st_gid)
    except PermissionError:
        try:
            os.chown(tmp, -1, info.st_gid)
        except OSError:
            pass

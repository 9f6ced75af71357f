"""A warm prose-lint process that the CLI hands its files to.

Why: the document-level rules need textstat, scikit-learn, lingua and
wordfreq, whose imports and models cost seconds; a pre-commit hook that pays
that on every commit gets uninstalled. With ``server = true`` in the config
(or ``--server``, or ``PROSE_LINT_SERVER=1``), ``prose-lint check`` sends the
paths to a long-running process that keeps its Linters and models loaded, as
the LanguageTool daemon keeps its JVM. The first such run starts the server in
the background and lints in-process itself; later runs are warm. The server
stops after ``PROSE_LINT_SERVER_IDLE`` seconds without a request (default 600).

Protocol: one request per connection on a Unix socket in the user cache dir
(private to the user: directory 0700, socket 0600), length-prefixed pickles
of ``{"build", "cwd", "settings", "paths"}`` and back ``{"results"}`` or
``{"error"}``. The socket's name carries a build id (version plus the sizes
and modification times of the package and rule files), so a server never
answers for other code than the client's: after an upgrade or an edit the
old one is simply not used and dies of idleness.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import socket
import struct
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from prose_lint import __version__

IDLE_SECONDS = float(os.environ.get("PROSE_LINT_SERVER_IDLE", "600"))
CONNECT_TIMEOUT = 2.0
REQUEST_TIMEOUT = 600.0
_HEADER = struct.Struct("!Q")


def enabled(config_value: bool, flag: bool | None) -> bool:
    env = os.environ.get("PROSE_LINT_SERVER")
    if flag is not None:
        return flag
    if env is not None:
        return env.strip().lower() not in ("", "0", "false", "no", "off")
    return config_value


def build_id() -> str:
    package = Path(__file__).resolve().parent
    from prose_lint.registry import builtin_pack_dir

    # sys.prefix, not sys.executable: python, python3 and the console script of one venv share a server
    digest = hashlib.sha256(f"{__version__}\0{package}\0{sys.prefix}\0{sys.version}".encode())
    for root in (package, builtin_pack_dir()):
        for path in sorted(root.rglob("*")):
            if path.suffix in (".py", ".toml", ".xml"):
                stat = path.stat()
                digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def run_dir() -> Path:
    from prose_lint.languagetool.install import cache_dir

    path = cache_dir() / "server"
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def socket_path(build: str) -> Path:
    return run_dir() / f"prose-lint-{build}.sock"


# -- framing -----------------------------------------------------------
def _send(sock: socket.socket, payload: Any) -> None:
    data = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
    sock.sendall(_HEADER.pack(len(data)) + data)


def _recv(sock: socket.socket) -> Any:
    header = _read_exactly(sock, _HEADER.size)
    return pickle.loads(_read_exactly(sock, _HEADER.unpack(header)[0]))


def _read_exactly(sock: socket.socket, size: int) -> bytes:
    chunks = []
    while size:
        chunk = sock.recv(min(size, 1 << 20))
        if not chunk:
            raise ConnectionError("connection closed")
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


# -- client ------------------------------------------------------------
def lint_via_server(settings, paths: list[str]):
    """FileResults from a warm server, or None when none answers (then lint in-process)."""
    build = build_id()
    path = socket_path(build)
    if not path.exists():
        start_background(build)
        return None
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(CONNECT_TIMEOUT)
            sock.connect(str(path))
            sock.settimeout(REQUEST_TIMEOUT)
            _send(sock, {"build": build, "cwd": os.getcwd(), "settings": settings, "paths": paths})
            reply = _recv(sock)
    except (OSError, ConnectionError, pickle.UnpicklingError, EOFError):
        # A dead server left its socket behind: clear it and start a new one for next time.
        try:
            path.unlink()
        except FileNotFoundError:
            pass
        start_background(build)
        return None
    if "error" in reply:
        return None
    return reply["results"]


def start_background(build: str) -> None:
    log = run_dir() / f"prose-lint-{build}.log"
    with open(log, "ab") as out:
        subprocess.Popen(
            [sys.executable, "-m", "prose_lint.server", build],
            stdin=subprocess.DEVNULL, stdout=out, stderr=out, start_new_session=True, close_fds=True,
        )


def stop_all() -> int:
    """Ask every server of this user to stop; returns how many answered."""
    stopped = 0
    for path in run_dir().glob("prose-lint-*.sock"):
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
                sock.settimeout(CONNECT_TIMEOUT)
                sock.connect(str(path))
                _send(sock, {"stop": True})
                _recv(sock)
                stopped += 1
        except (OSError, ConnectionError, EOFError, pickle.UnpicklingError):
            path.unlink(missing_ok=True)
    return stopped


def running() -> list[Path]:
    return sorted(run_dir().glob("prose-lint-*.sock"))


# -- server ------------------------------------------------------------
def serve(build: str) -> None:
    from prose_lint.engine import Linter

    path = socket_path(build)
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        old_umask = os.umask(0o177)
        try:
            server.bind(str(path))
        finally:
            os.umask(old_umask)
    except OSError:
        return  # another server for this build won the race
    server.listen(8)
    _warm_up()  # requests wait in the backlog meanwhile; the first one is then answered warm
    server.settimeout(5.0)
    linters: dict[bytes, Linter] = {}
    last_used = time.monotonic()
    try:
        while time.monotonic() - last_used < IDLE_SECONDS:
            if not path.exists():
                return  # removed by `prose-lint server stop` or a client that found it dead
            try:
                conn, _ = server.accept()
            except socket.timeout:
                continue
            last_used = time.monotonic()
            with conn:
                conn.settimeout(REQUEST_TIMEOUT)
                try:
                    request = _recv(conn)
                    if request.get("stop"):
                        _send(conn, {"stopped": True})
                        return
                    if request.get("build") != build:
                        _send(conn, {"error": "build mismatch"})
                        continue
                    _send(conn, {"results": _lint(linters, request)})
                except Exception as exc:  # one bad request must not end the server
                    try:
                        _send(conn, {"error": f"{type(exc).__name__}: {exc}"})
                    except OSError:
                        pass
    finally:
        server.close()
        path.unlink(missing_ok=True)


def _warm_up() -> None:
    """Load the document-level rules' models now, not on the first request: the server is started by a
    commit that lints in-process, so the next commit is the first request and should find it warm."""
    from prose_lint.config import Settings
    from prose_lint.engine import Linter
    from prose_lint.warmup import warm_up

    try:
        warm_up(Linter(Settings()))
    except Exception:  # noqa: BLE001 - a rule that fails here fails again, visibly, on a request
        pass


class _Results:
    """Results of earlier requests, by (linter key, cwd, path, digest of the text), least recently used
    out first once the texts they hold pass ``max_chars``."""

    def __init__(self, max_chars: int = 64_000_000) -> None:
        from collections import OrderedDict

        self.entries: OrderedDict[tuple, Any] = OrderedDict()
        self.chars = 0
        self.max_chars = max_chars

    def get(self, key: tuple):
        result = self.entries.get(key)
        if result is not None:
            self.entries.move_to_end(key)
        return result

    def put(self, key: tuple, result) -> None:
        self.entries[key] = result
        self.chars += len(result.text)
        while self.chars > self.max_chars and self.entries:
            self.chars -= len(self.entries.popitem(last=False)[1].text)


_RESULTS = _Results()


def _environment(settings) -> tuple:
    """What a result depends on besides the settings and the file: the user's rule-pack files and the
    LanguageTool installation (a new pack rule or LanguageTool version must not be served stale)."""
    packs = []
    for directory in settings.pack_dirs:
        for path in sorted(Path(directory).glob("*.toml")):
            try:
                stat = path.stat()
            except OSError:
                continue
            packs.append((str(path), stat.st_size, stat.st_mtime_ns))
    from prose_lint.languagetool.install import lt_home

    try:
        lt = (lt_home() / "installed.json").stat().st_mtime_ns
    except OSError:
        lt = 0
    return tuple(packs), lt


def _lint(linters: dict, request: dict):
    """Lint the request's files; a file whose text, settings and environment are unchanged since an
    earlier request gets that result again without running any rule (the pre-commit case: most
    files of a commit were checked by the previous one)."""
    from prose_lint.engine import FileResult, Linter
    from prose_lint.errors import ProseLintError
    from prose_lint.source import read_source

    settings = request["settings"]
    key = (pickle.dumps(settings), _environment(settings))
    linter = linters.get(key)
    if linter is None:
        if len(linters) >= 8:
            linters.clear()
        linter = linters[key] = Linter(settings)
    os.chdir(request["cwd"])  # paths are reported as the client gave them
    results = []
    for path in request["paths"]:
        try:
            source = read_source(path, settings.max_file_size)
        except ProseLintError as exc:
            results.append(FileResult(path, error=str(exc)))
            continue
        entry = (key, request["cwd"], path, hashlib.sha256(source.text.encode("utf-8", "surrogatepass")).digest())
        result = _RESULTS.get(entry)
        if result is None:
            result = linter.lint_source(source)
            if result.error is None:  # LanguageTool down: try again next time
                _RESULTS.put(entry, result)
        results.append(result)
    return results


if __name__ == "__main__":
    serve(sys.argv[1])

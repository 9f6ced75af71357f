"""A warm prose-lint process that the CLI hands its files to.

Why: the document-level rules need textstat, scikit-learn, lingua and
wordfreq, whose imports and models cost seconds; a pre-commit hook that pays
that on every commit gets uninstalled. With ``server = true`` in the config
(or ``--server``, or ``PROSE_LINT_SERVER=1``), ``prose-lint check`` sends the
paths to a long-running process that keeps its Linters and models loaded, as
the LanguageTool daemon keeps its JVM. The first such run starts the server in
the background and lints in-process itself; later runs are warm. The server
stops after ``PROSE_LINT_SERVER_IDLE`` seconds without a request (default 600).

Protocol: one request per connection on a Unix socket in the user cache dir,
length-prefixed JSON (``wire.py``; never pickle: a reply is data, not code) of
``{"build", "cwd", "settings", "paths"}``; the server answers at once
``{"accepted": true}`` (the handshake: a client that gets no answer within
``HANDSHAKE_TIMEOUT`` seconds, e.g. from a stopped server, lints in-process),
then ``{"results"}`` or ``{"error"}``. Trust: the directory must be the user's
own, not a link, mode 0700 (``private.py``); both ends check the other's uid
(``SO_PEERCRED``). The socket's name carries a build id (version plus the sizes
and modification times of the package and rule files), so a server never
answers for other code than the client's: after an upgrade or an edit the
old one is simply not used and dies of idleness.
"""

from __future__ import annotations

import hashlib
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from contextlib import contextmanager
from typing import Any, Iterator

from prose_lint import __version__
from prose_lint import env as environment

IDLE_SECONDS = float(environment.get("PROSE_LINT_SERVER_IDLE", "600"))
CONNECT_TIMEOUT = 2.0
# A live server acknowledges a request at once, even while it lints another client's files; a stopped
# (SIGSTOP) or wedged one does not, and the client then lints in-process instead of waiting.
HANDSHAKE_TIMEOUT = 5.0
REQUEST_TIMEOUT = 600.0


def enabled(config_value: bool, flag: bool | None) -> bool:
    if flag is not None:
        return flag
    if environment.get("PROSE_LINT_SERVER") is not None:
        return environment.is_set("PROSE_LINT_SERVER")
    return config_value


def build_id() -> str:
    package = Path(__file__).resolve().parent
    from prose_lint.registry import builtin_pack_dir

    # sys.prefix, not sys.executable: python, python3 and the console script of one venv share a server
    digest = hashlib.sha256(f"{__version__}\0{package}\0{sys.prefix}\0{sys.version}".encode())
    digest.update(environment.server_state().encode())  # another PATH or JAVA_HOME: another warm process
    for root in (package, builtin_pack_dir()):
        for path in sorted(root.rglob("*")):
            if path.suffix in (".py", ".toml", ".xml"):
                stat = path.stat()
                digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def run_dir() -> Path:
    """The sockets' directory: the user's own, 0700 (UnsafePath otherwise; see private.py)."""
    from prose_lint.languagetool.install import cache_dir
    from prose_lint.private import private_dir

    return private_dir(cache_dir() / "server")


def socket_path(build: str) -> Path:
    return run_dir() / f"prose-lint-{build}.sock"


SUN_PATH_MAX = 100  # bytes a Unix socket address holds, with room to spare (sun_path: 108 on Linux, 104 on macOS)


@contextmanager
def socket_address(path: Path) -> Iterator[str]:
    """The name to ``bind`` or ``connect`` for the socket at ``path``: the path itself, or, when it is too
    long for a Unix socket address (a deep cache directory: a CI workspace, a long PROSE_LINT_CACHE_DIR),
    the same file reached through an open descriptor of its directory (``/proc/self/fd/N/name``, Linux),
    so the socket stays in the checked, private run directory whatever its depth."""
    if len(os.fsencode(str(path))) <= SUN_PATH_MAX or not os.path.isdir("/proc/self/fd"):
        yield str(path)
        return
    fd = os.open(path.parent, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        yield f"/proc/self/fd/{fd}/{path.name}"
    finally:
        os.close(fd)


# -- framing and trust -------------------------------------------------------
def _send(sock: socket.socket, payload: Any) -> None:
    from prose_lint import wire

    wire.send(sock, payload)


def _recv(sock: socket.socket) -> Any:
    from prose_lint import wire

    return wire.recv(sock)


def _peer_uid(sock: socket.socket) -> int | None:
    """The uid of the process at the other end (Linux SO_PEERCRED; None where it cannot be asked)."""
    option = getattr(socket, "SO_PEERCRED", None)
    if option is None:
        return None
    import struct

    creds = sock.getsockopt(socket.SOL_SOCKET, option, struct.calcsize("3i"))
    return struct.unpack("3i", creds)[1]


def _same_user(sock: socket.socket) -> bool:
    uid = _peer_uid(sock)
    return uid is None or uid == os.getuid()


def _warn(message: str) -> None:
    print(f"prose-lint: warning: {message}; checking in this process", file=sys.stderr)


# -- client ------------------------------------------------------------
def lint_via_server(settings, paths: list[str]):
    """FileResults from a warm server, or None when none answers (then lint in-process)."""
    from prose_lint.private import UnsafePath

    build = build_id()
    try:
        path = socket_path(build)
    except UnsafePath as exc:
        _warn(f"not using the warm server: {exc}")
        return None
    if not path.exists():
        start_background(build)
        return None
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(CONNECT_TIMEOUT)
            with socket_address(path) as address:
                sock.connect(address)
            if not _same_user(sock):
                _warn(f"not using the warm server: {path} is served by another user's process")
                return None
            sock.settimeout(HANDSHAKE_TIMEOUT)
            _send(sock, {"build": build, "cwd": os.getcwd(), "settings": settings, "paths": paths})
            try:
                ack = _recv(sock)
            except (socket.timeout, TimeoutError):
                return None  # alive but not answering (stopped, wedged): never wait for it
            if not isinstance(ack, dict) or not ack.get("accepted"):
                return None
            sock.settimeout(REQUEST_TIMEOUT)
            reply = _recv(sock)
    except (socket.timeout, TimeoutError):
        return None
    except (OSError, ConnectionError, ValueError):
        # A dead server left its socket behind (or it spoke something else): clear it, start a new one.
        try:
            path.unlink()
        except FileNotFoundError:
            pass
        start_background(build)
        return None
    if not isinstance(reply, dict) or "error" in reply or not isinstance(reply.get("results"), list):
        return None
    return reply["results"]


def start_background(build: str) -> None:
    from prose_lint.private import open_private

    log = run_dir() / f"prose-lint-{build}.log"
    with os.fdopen(open_private(log), "ab") as out:
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
                with socket_address(path) as address:
                    sock.connect(address)
                if not _same_user(sock):
                    continue
                sock.settimeout(HANDSHAKE_TIMEOUT)
                _send(sock, {"stop": True})
                _recv(sock)
                stopped += 1
        except (OSError, ConnectionError, ValueError):
            path.unlink(missing_ok=True)
    return stopped


def running() -> list[Path]:
    return sorted(run_dir().glob("prose-lint-*.sock"))


# -- server ------------------------------------------------------------
def serve(build: str) -> None:
    from prose_lint.linter_cache import LinterCache

    os.umask(0o077)  # whatever this process creates is the user's alone
    path = socket_path(build)
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        with socket_address(path) as address:
            server.bind(address)
    except OSError:
        return  # another server for this build won the race
    server.listen(8)
    # The models load in the background: a request is acknowledged at once and then waits for them, so
    # the first one is answered warm and a client never mistakes a warming server for a stopped one.
    warm = threading.Thread(target=_warm_up, daemon=True)
    warm.start()
    server.settimeout(5.0)
    state = {"linters": LinterCache(limit=8), "last_used": time.monotonic(), "stop": threading.Event(),
             "lock": threading.Lock(), "warm": warm, "build": build, "path": path}
    try:
        while time.monotonic() - state["last_used"] < IDLE_SECONDS and not state["stop"].is_set():
            if not path.exists():
                return  # removed by `prose-lint server stop` or a client that found it dead
            try:
                conn, _ = server.accept()
            except socket.timeout:
                continue
            state["last_used"] = time.monotonic()
            threading.Thread(target=_handle, args=(conn, state), daemon=True).start()
    finally:
        server.close()
        path.unlink(missing_ok=True)


def _handle(conn: socket.socket, state: dict) -> None:
    """One connection: the request, the acknowledgement at once, then the results (one lint at a time:
    a Linter is not thread-safe, and the working directory is the process's)."""
    with conn:
        try:
            if not _same_user(conn):
                return  # the socket is 0600 in a 0700 directory; this is the belt to those braces
            conn.settimeout(30.0)
            request = _recv(conn)
            if not isinstance(request, dict):
                return
            if request.get("stop"):
                state["stop"].set()
                state["path"].unlink(missing_ok=True)  # gone for clients now, not at the next accept timeout
                _send(conn, {"stopped": True})
                return
            if request.get("build") != state["build"]:
                _send(conn, {"error": "build mismatch"})
                return
            _send(conn, {"accepted": True})
            conn.settimeout(REQUEST_TIMEOUT)
            state["warm"].join()
            with state["lock"]:
                from prose_lint.server_cache import lint_request

                results = lint_request(state["linters"], request)
                state["last_used"] = time.monotonic()
            _send(conn, {"results": results})
        except Exception as exc:  # one bad request must not end the server
            try:
                _send(conn, {"error": f"{type(exc).__name__}: {exc}"})
            except Exception:  # noqa: BLE001 - the client is gone
                pass


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


if __name__ == "__main__":
    serve(sys.argv[1])

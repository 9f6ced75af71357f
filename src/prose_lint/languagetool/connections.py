"""HTTP to LanguageTool servers with the standard library's ``http.client``, over keep-alive connections.

A check sends a few requests per file, and a run many files: opening a TCP connection (and for
``https://`` a TLS session) per request is wasted work, so each :class:`Connections` keeps the
connections it opened and reuses them, one per request in flight. A :class:`Connections` belongs to
one process: its sockets must not be shared with a forked child (both would read the same answers), so
the owner (``service.LanguageToolService``) makes a new one in a child.

Failures become :class:`RequestFailed` with one line that says what happened (refused, no answer in
time, dropped, not HTTP), naming the server without credentials. ``http.client`` (~20 ms to import) is
imported when a request is sent, not before: a pre-commit run whose paragraphs are all cached sends none.
"""

from __future__ import annotations

import base64
import socket
import threading
import urllib.parse
from typing import TYPE_CHECKING

from prose_lint.errors import ToolError

if TYPE_CHECKING:  # imported when a request is sent (see above)
    import http.client

MAX_IDLE_PER_SERVER = 16  # at most `concurrency` (1-16) requests are in flight per check
HEADERS = (("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"), ("Accept", "application/json"))


class RequestFailed(ToolError):
    """One request failed (refused, timed out, HTTP error, not LanguageTool's JSON)."""


def redact(url: str) -> str:
    """``url`` without the user name and password it may carry, for messages."""
    parts = urllib.parse.urlsplit(url)
    if parts.username or parts.password:
        return urllib.parse.urlunsplit(parts._replace(netloc=parts.hostname + (f":{parts.port}" if parts.port else "")))
    return url.rstrip("/")


class CertificateRejected(RequestFailed):
    """The server's TLS certificate does not verify: the same on every attempt."""


class _Stale(Exception):
    """A reused connection turned out to be closed by the server before it answered: try a new one."""


class Connections:
    """Idle keep-alive connections by server, taken for a request and given back after its answer."""

    def __init__(self) -> None:
        self._idle: dict[tuple[str, str, int], list[http.client.HTTPConnection]] = {}
        self._lock = threading.Lock()
        self.opened = 0  # connections opened so far (keep-alive keeps this low)

    def post(self, url: str, body: bytes, timeout: float, where: str) -> tuple[int, bytes]:
        """POST ``body`` to ``url``: (HTTP status, answer body); RequestFailed when there is no answer."""
        parts = urllib.parse.urlsplit(url)
        server = (parts.scheme, parts.hostname or "127.0.0.1", parts.port or (443 if parts.scheme == "https" else 80))
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        headers = dict(HEADERS)
        if parts.username:  # http://user:password@host/ in the configured URL
            token = f"{urllib.parse.unquote(parts.username)}:{urllib.parse.unquote(parts.password or '')}"
            headers["Authorization"] = "Basic " + base64.b64encode(token.encode("utf-8")).decode("ascii")
        conn = self._take(server)
        if conn is not None:
            try:
                return self._exchange(server, conn, path, body, headers, timeout, where, reused=True)
            except _Stale:
                pass  # the server closed the idle connection (its keep-alive timeout): not a failure
        conn = self._open(server, timeout, where)
        return self._exchange(server, conn, path, body, headers, timeout, where, reused=False)

    def _exchange(self, server, conn, path, body, headers, timeout, where, reused) -> tuple[int, bytes]:
        """One request and its answer on ``conn``, which is kept for the next one unless either side
        closes it."""
        import http.client

        try:
            if conn.sock is not None:
                conn.sock.settimeout(timeout)
            conn.request("POST", path, body, headers)
            response = conn.getresponse()
            data = response.read()
        except BaseException as exc:
            conn.close()
            if reused and isinstance(exc, (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError)):
                raise _Stale from None
            if isinstance(exc, (OSError, http.client.HTTPException)):
                raise _failure(exc, where, timeout) from None
            raise
        if response.will_close:
            conn.close()
        else:
            self._give(server, conn)
        return response.status, data

    def _open(self, server: tuple[str, str, int], timeout: float, where: str) -> http.client.HTTPConnection:
        import http.client

        scheme, host, port = server
        if scheme == "https":
            import ssl

            conn: http.client.HTTPConnection = http.client.HTTPSConnection(
                host, port, timeout=timeout, context=ssl.create_default_context())
        else:
            conn = http.client.HTTPConnection(host, port, timeout=timeout)
        try:
            conn.connect()
        except ConnectionRefusedError:
            raise RequestFailed(f"LanguageTool server {where} refused the connection") from None
        except (socket.timeout, TimeoutError):
            raise RequestFailed(f"LanguageTool server {where} did not answer within {timeout:g} s") from None
        except OSError as exc:
            import ssl

            if isinstance(exc, ssl.SSLCertVerificationError):
                # Retrying cannot help; say how a team trusts its own certificate authority.
                raise CertificateRejected(
                    f"LanguageTool server {where}: TLS certificate not trusted ({exc.verify_message}); for a "
                    "private certificate authority set SSL_CERT_FILE to a PEM bundle that holds it") from None
            raise RequestFailed(f"cannot reach LanguageTool server {where}: {exc}") from None
        with self._lock:
            self.opened += 1
        return conn

    def _take(self, server: tuple[str, str, int]) -> http.client.HTTPConnection | None:
        with self._lock:
            idle = self._idle.get(server)
            return idle.pop() if idle else None

    def _give(self, server: tuple[str, str, int], conn: http.client.HTTPConnection) -> None:
        with self._lock:
            idle = self._idle.setdefault(server, [])
            if len(idle) < MAX_IDLE_PER_SERVER:
                idle.append(conn)
                return
        conn.close()

    def local_addresses(self) -> list[tuple[str, int]]:
        """Where the idle connections come from (host, port): tests tell connections apart by them."""
        with self._lock:
            return [conn.sock.getsockname()[:2] for idle in self._idle.values() for conn in idle if conn.sock]

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, {}
        for conns in idle.values():
            for conn in conns:
                conn.close()


def _failure(exc: BaseException, where: str, timeout: float) -> RequestFailed:
    import http.client

    if isinstance(exc, (socket.timeout, TimeoutError)):
        return RequestFailed(f"LanguageTool server {where} did not answer within {timeout:g} s")
    if isinstance(exc, http.client.IncompleteRead):
        return RequestFailed(f"LanguageTool server {where} dropped the connection mid-answer")
    if isinstance(exc, http.client.RemoteDisconnected):
        return RequestFailed(f"LanguageTool server {where} closed the connection without answering")
    if isinstance(exc, http.client.BadStatusLine):
        return RequestFailed(f"LanguageTool server {where} closed the connection without a valid HTTP answer")
    return RequestFailed(f"LanguageTool server {where} dropped the connection: {exc}")

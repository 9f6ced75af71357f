"""A fake LanguageTool HTTP server for fault injection: slow, HTTP 500, malformed JSON, dropped connections."""

from __future__ import annotations

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class FakeLT:
    def __init__(self, mode: str, delay: float = 3.0) -> None:
        self.mode = mode
        self.delay = delay
        self.requests = 0
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def do_POST(self):  # noqa: N802
                outer.requests += 1
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(length)
                mode = outer.mode
                if mode == "slow":
                    time.sleep(outer.delay)
                    return self._send(200, json.dumps({"matches": []}).encode())
                if mode == "500":
                    return self._send(500, b"Error: java.lang.OutOfMemoryError: Java heap space")
                if mode == "garbage":
                    return self._send(200, b"<html>this is not LanguageTool</html>")
                if mode == "nomatches":
                    return self._send(200, b'{"software": {"version": "6.8"}}')
                if mode == "incomplete":
                    return self._send(200, b'{"matches": [], "warnings": {"incompleteResults": true}}')
                if mode == "drop":
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return None
                return self._send(200, json.dumps({"software": {"version": "6.8"}, "matches": []}).encode())

            def _send(self, code, body):
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> "FakeLT":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

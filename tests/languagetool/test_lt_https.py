"""A team's LanguageTool behind TLS or behind a proxy with Basic auth: the client against real servers.

The TLS server is LanguageTool's own ``org.languagetool.server.HTTPSServer`` with a self-signed certificate
made by the JDK's ``keytool``; the Basic-auth case puts a small authenticating proxy (the only stand-in here,
as a team's nginx would be) in front of the session's real LanguageTool daemon.
"""

from __future__ import annotations

import base64
import http.client
import os
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from prose_lint.languagetool import install

TEXT = "This are a test of the team server.\n"
PASSWORD = "s3cret"


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def https_server(tmp_path_factory, lt_server):
    """LanguageTool's HTTPS server on a free port; yields (url, PEM file of its self-signed certificate)."""
    home = tmp_path_factory.mktemp("lt-https")
    keystore, pem = home / "ks.p12", home / "cert.pem"
    keytool = str(Path(install.find_java().path).resolve().parent / "keytool")
    subprocess.run([keytool, "-genkeypair", "-alias", "lt", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                    "-keystore", str(keystore), "-storepass", "changeit1", "-keypass", "changeit1"],
                   check=True, capture_output=True)
    subprocess.run([keytool, "-exportcert", "-rfc", "-alias", "lt", "-keystore", str(keystore),
                    "-storepass", "changeit1", "-file", str(pem)], check=True, capture_output=True)
    config = home / "https.properties"
    config.write_text(f"keystore={keystore}\npassword=changeit1\n", encoding="utf-8")
    port = _free_port()
    log = (home / "server.log").open("wb")
    inst = install.find_installation()
    proc = subprocess.Popen([install.find_java().path, "-Xmx512m", "-cp", inst.classpath,
                             "org.languagetool.server.HTTPSServer", "--port", str(port), "--config", str(config)],
                            stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 120
        while b"Server started" not in (home / "server.log").read_bytes():
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail("LanguageTool's HTTPSServer did not start: "
                            + (home / "server.log").read_text(errors="replace")[-800:], pytrace=False)
            time.sleep(0.3)
        yield f"https://127.0.0.1:{port}", pem
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()


def _lint(tmp_path: Path, server: str, **extra_env: str) -> subprocess.CompletedProcess:
    doc = tmp_path / "t.md"
    doc.write_text(TEXT, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PROSE_LINT_", "SSL_CERT"))}
    env.update(PROSE_LINT_CACHE_DIR=str(tmp_path / "cache"), PROSE_LINT_LANGUAGETOOL_SERVER=server, **extra_env)
    return subprocess.run([sys.executable, "-m", "prose_lint", "check", "--isolated", "--select", "grammar", "t.md"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)


def _one_error_line(done: subprocess.CompletedProcess) -> str:
    assert done.returncode == 2, done.stdout + done.stderr
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    return lines[0]


def test_a_server_whose_certificate_is_trusted_through_ssl_cert_file_checks_over_tls(https_server, tmp_path):
    url, pem = https_server
    done = _lint(tmp_path, url, SSL_CERT_FILE=str(pem))
    assert done.returncode == 1, done.stderr
    assert "t.md:1:1:" in done.stdout and "grammar/" in done.stdout


def test_an_untrusted_certificate_is_one_line_that_says_how_to_trust_it_and_is_not_retried(https_server, tmp_path):
    url, _ = https_server
    line = _one_error_line(_lint(tmp_path, url))
    assert "t.md" in line and "TLS certificate not trusted" in line and "SSL_CERT_FILE" in line
    assert "attempts" not in line


def test_plus_credentials_sent_to_a_self_hosted_server_get_a_hint_to_unset_them(https_server, tmp_path):
    url, pem = https_server
    line = _one_error_line(_lint(tmp_path, url.replace("127.0.0.1", "localhost"), SSL_CERT_FILE=str(pem),
                                 PROSE_LINT_LANGUAGETOOL_USERNAME="me@example.org",
                                 PROSE_LINT_LANGUAGETOOL_API_KEY="not-a-real-key"))
    assert "has no user accounts" in line and "not-a-real-key" not in line


@pytest.fixture
def basic_auth_proxy(lt_server):
    """A proxy that demands Basic auth (user 'team', PASSWORD) and forwards /v2/check to the real daemon."""
    seen: list[str] = []
    expected = "Basic " + base64.b64encode(f"team:{PASSWORD}".encode()).decode()

    class Proxy(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 (http.server's naming)
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            seen.append(self.headers.get("Authorization", ""))
            if self.headers.get("Authorization") != expected:
                self.send_response(401)
                self.send_header("WWW-Authenticate", 'Basic realm="languagetool"')
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            upstream = http.client.HTTPConnection("127.0.0.1", lt_server.port, timeout=60)
            upstream.request("POST", self.path, body, {"Content-Type": self.headers["Content-Type"]})
            answer = upstream.getresponse()
            data = answer.read()
            upstream.close()
            self.send_response(answer.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Proxy)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1], seen
    server.shutdown()
    server.server_close()


def test_basic_auth_in_the_server_url_reaches_languagetool_through_the_proxy(basic_auth_proxy, tmp_path):
    port, seen = basic_auth_proxy
    done = _lint(tmp_path, f"http://team:{PASSWORD}@127.0.0.1:{port}")
    assert done.returncode == 1, done.stderr
    assert "grammar/" in done.stdout
    assert seen and all(header.startswith("Basic ") for header in seen)


def test_a_wrong_basic_auth_password_is_one_line_that_never_prints_the_password(basic_auth_proxy, tmp_path):
    port, _ = basic_auth_proxy
    line = _one_error_line(_lint(tmp_path, f"http://team:wrong-pass@127.0.0.1:{port}"))
    assert "HTTP 401" in line and "wrong-pass" not in line and "t.md" in line

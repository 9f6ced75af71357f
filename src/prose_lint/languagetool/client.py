"""Talking to LanguageTool's HTTP API (``POST /v2/check``), locally or remotely.

Why not language-tool-python's client: its ``LanguageTool.check(text)`` sends
plain ``text=`` only, while we need the annotated-text ``data=`` parameter (so
that markup is skipped and offsets stay source offsets), several requests in
flight at once, round-robin over a team's servers, and our own daemon's
lifecycle. So requests go straight to the HTTP API with the standard library
(fast to import). language-tool-python is still what downloads LanguageTool
when ``mvn`` is missing (``install.py``).

An :class:`Engine` answers ``check(params)`` with LanguageTool's JSON, or
raises :class:`~prose_lint.errors.ToolError` after one retry: against the
local daemon a failed request restarts the daemon before the retry; against
remote servers the retry goes to the next server in the list.
"""

from __future__ import annotations

import itertools
import json
import socket
import threading
import urllib.error
import urllib.parse
import urllib.request
from typing import Any, Protocol

from prose_lint.errors import ToolError
from prose_lint.languagetool.settings import LTSettings


class RequestFailed(ToolError):
    """One request failed (refused, timed out, HTTP error, not LanguageTool's JSON)."""


def post_check(base_url: str, params: dict[str, str], timeout: float, auth: tuple[str, str] | None = None) -> dict:
    data = dict(params)
    if auth:
        data["username"], data["apiKey"] = auth
    body = urllib.parse.urlencode(data).encode("utf-8")
    url = base_url.rstrip("/") + "/check"
    req = urllib.request.Request(url, data=body, method="POST",
                                 headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
                                          "Accept": "application/json"})
    where = _redact(base_url)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            raw = resp.read()
    except urllib.error.HTTPError as exc:
        detail = ""
        try:
            detail = exc.read(200).decode("utf-8", "replace").strip().splitlines()[0]
        except Exception:
            pass
        raise RequestFailed(f"LanguageTool server {where} answered HTTP {exc.code}"
                            + (f": {detail[:160]}" if detail else "")) from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, (socket.timeout, TimeoutError)):
            raise RequestFailed(f"LanguageTool server {where} did not answer within {timeout:g} s") from None
        if isinstance(reason, ConnectionRefusedError):
            raise RequestFailed(f"LanguageTool server {where} refused the connection") from None
        raise RequestFailed(f"cannot reach LanguageTool server {where}: {reason}") from None
    except (socket.timeout, TimeoutError):
        raise RequestFailed(f"LanguageTool server {where} did not answer within {timeout:g} s") from None
    except (ConnectionError, OSError) as exc:
        raise RequestFailed(f"LanguageTool server {where} dropped the connection: {exc}") from None
    try:
        answer = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise RequestFailed(f"LanguageTool server {where} answered something that is not JSON: "
                            f"{raw[:60]!r}") from None
    if not isinstance(answer, dict) or not isinstance(answer.get("matches"), list):
        raise RequestFailed(f"LanguageTool server {where} answered JSON without 'matches'")
    if (answer.get("warnings") or {}).get("incompleteResults"):
        raise RequestFailed(f"LanguageTool server {where} gave incomplete results (internal timeout)")
    return answer


def _redact(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    if parts.username or parts.password:
        return urllib.parse.urlunsplit(parts._replace(netloc=parts.hostname + (f":{parts.port}" if parts.port else "")))
    return url.rstrip("/")


class Engine(Protocol):
    """Where checks go (cf. pre-commit's Language): the local daemon or remote servers."""

    name: str

    def cache_tag(self) -> str:
        """Identifies the LanguageTool that answers (version), for the content cache."""

    def check(self, params: dict[str, str]) -> dict:
        """LanguageTool's JSON answer for one request; ToolError after one retry."""

    def describe(self) -> str: ...


class RemoteEngine:
    name = "remote"

    def __init__(self, settings: LTSettings) -> None:
        self.settings = settings
        self.servers = [s if s.rstrip("/").endswith("/v2") else s.rstrip("/") + "/v2" for s in settings.servers]
        self._next = itertools.count()
        self._lock = threading.Lock()
        self.version = ""
        self.auth = (settings.username, settings.api_key) if settings.api_key else None

    def cache_tag(self) -> str:
        return "remote:" + ",".join(self.settings.servers) + ":" + (self.version or _remembered_version(self.servers))

    def check(self, params: dict[str, str]) -> dict:
        with self._lock:
            first = next(self._next)
        attempts = max(2, len(self.servers))
        errors = []
        for i in range(attempts):
            url = self.servers[(first + i) % len(self.servers)]
            try:
                answer = post_check(url, params, self.settings.timeout, self.auth)
            except RequestFailed as exc:
                errors.append(str(exc))
                continue
            version = str((answer.get("software") or {}).get("version", ""))
            if version and version != self.version:
                self.version = version
                _remember_version(self.servers, version)
            return answer
        raise ToolError(errors[-1] + (f" (after {attempts} attempts)" if attempts > 1 else ""))

    def describe(self) -> str:
        return "remote LanguageTool " + ", ".join(_redact(s) for s in self.settings.servers)


def _version_file():
    from prose_lint.languagetool.install import cache_dir

    return cache_dir() / "languagetool-remote-versions.json"


def _remembered_version(servers: list[str]) -> str:
    try:
        return json.loads(_version_file().read_text(encoding="utf-8")).get(",".join(servers), "")
    except (OSError, ValueError):
        return ""


def _remember_version(servers: list[str], version: str) -> None:
    path = _version_file()
    try:
        data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        data[",".join(servers)] = version
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data), encoding="utf-8")
    except (OSError, ValueError):
        pass


class LocalEngine:
    name = "local"

    def __init__(self, settings: LTSettings, run=None) -> None:
        from prose_lint.languagetool import daemon
        from prose_lint.languagetool.install import require_installation

        self.settings = settings
        self.daemon = daemon
        self.run = run or daemon.RunDir()
        self.installation = require_installation()
        self.state = None
        self.started = False
        self.restarts = 0
        self._lock = threading.Lock()

    def cache_tag(self) -> str:
        return "local:" + self.installation.version

    def _ensure(self):
        with self._lock:
            if self.state is None:
                self.state, self.started = self.daemon.ensure(
                    self.settings.heap, self.settings.idle_timeout, self.settings.port, self.run)
            return self.state

    def check(self, params: dict[str, str]) -> dict:
        state = self._ensure()
        try:
            answer = post_check(state.url, params, self.settings.timeout)
        except RequestFailed as first:
            with self._lock:
                if self.state is state:  # not restarted by another thread yet
                    self.restarts += 1
                    self.state = self.daemon.restart(state, self.settings.heap, self.settings.idle_timeout,
                                                     self.settings.port, self.run)
                state = self.state
            try:
                answer = post_check(state.url, params, self.settings.timeout)
            except RequestFailed as second:
                raise ToolError(f"{second} (retried after restarting the local daemon; first: {first})") from None
        self.daemon.touch(self.run)
        return answer

    def describe(self) -> str:
        s = self.state
        return f"local LanguageTool {self.installation.version}" + (f" on port {s.port} (pid {s.pid})" if s else "")


def make_engine(settings: LTSettings) -> Engine:
    return RemoteEngine(settings) if settings.remote else LocalEngine(settings)

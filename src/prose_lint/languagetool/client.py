"""Talking to LanguageTool's HTTP API (``POST /v2/check``), locally or remotely.

Why not language-tool-python's client: its ``LanguageTool.check(text)`` sends
plain ``text=`` only, while we need the annotated-text ``data=`` parameter (so
that markup is skipped and offsets stay source offsets), several requests in
flight at once, round-robin over a team's servers, and our own daemon's
lifecycle. So requests go straight to the HTTP API with the standard library's
``http.client``, over keep-alive connections (``connections.py``) that the
engine gets from its owner, the Linter's ``LanguageToolService``.
language-tool-python is still what downloads LanguageTool when ``mvn`` is
missing (``install.py``).

An :class:`Engine` answers ``check(params)`` with LanguageTool's JSON, or
raises :class:`~prose_lint.errors.ToolError` after one retry: against the
local daemon a failed request restarts the daemon before the retry only when
the daemon is gone or refuses connections (a busy one is shared by other runs
and is never killed); against
remote servers the retry goes to the next server in the list.
"""

from __future__ import annotations

import itertools
import json
import os
import tempfile
import threading
import urllib.parse
from pathlib import Path
from typing import Protocol

from prose_lint.errors import ToolError
from prose_lint.languagetool.connections import CertificateRejected, Connections, RequestFailed, redact
from prose_lint.languagetool.settings import LTSettings


def post_check(base_url: str, params: dict[str, str], timeout: float, auth: tuple[str, str] | None = None,
               connections: Connections | None = None) -> dict:
    """LanguageTool's JSON answer to one ``/check`` request; RequestFailed otherwise. Without
    ``connections`` the request goes over a connection of its own, closed afterwards."""
    data = dict(params)
    if auth:
        data["username"], data["apiKey"] = auth
    body = urllib.parse.urlencode(data).encode("utf-8")
    where = redact(base_url)
    own = connections is None
    pool = Connections() if own else connections
    try:
        code, raw = pool.post(base_url.rstrip("/") + "/check", body, timeout, where)
    finally:
        if own:
            pool.close()
    if code != 200:
        detail = raw[:200].decode("utf-8", "replace").strip().splitlines()
        hint = ""
        if auth and code == 500 and detail and "DatabaseAccess" in detail[0]:
            # LanguageTool's open-source server has no user database: it fails on any apiKey.
            hint = ("; this server has no user accounts: unset PROSE_LINT_LANGUAGETOOL_USERNAME and "
                    "PROSE_LINT_LANGUAGETOOL_API_KEY (they are for LanguageTool Plus)")
        raise RequestFailed(f"LanguageTool server {where} answered HTTP {code}"
                            + (f": {detail[0][:160]}" if detail else "") + hint)
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

    def __init__(self, settings: LTSettings, connections: Connections | None = None) -> None:
        self.settings = settings
        self.connections = connections or Connections()
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
                answer = post_check(url, params, self.settings.timeout, self.auth, self.connections)
            except CertificateRejected as exc:
                if len(self.servers) == 1:
                    raise ToolError(str(exc)) from None
                errors.append(str(exc))
                continue
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
        return "remote LanguageTool " + ", ".join(redact(s) for s in self.settings.servers)


def _version_file():
    from prose_lint.languagetool.install import cache_dir

    return cache_dir() / "languagetool-remote-versions.json"


def _remembered_version(servers: list[str]) -> str:
    try:
        return json.loads(_version_file().read_text(encoding="utf-8")).get(",".join(servers), "")
    except (OSError, ValueError):
        return ""


def _remember_version(servers: list[str], version: str) -> None:
    try:
        path = _version_file()
        data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        data[",".join(servers)] = version
        from prose_lint.private import write_private

        write_private(path, json.dumps(data))
    except (OSError, ValueError):
        pass


def fallback_run_dir(exc: OSError) -> Path:
    """Where the local daemon keeps its state when the cache directory cannot (read-only, full, not a
    directory): ``<temp dir>/prose-lint-<uid>/languagetool-run``, private like the cache (``private_dir``
    refuses one another user made), so that later runs still share one daemon. Said once."""
    from prose_lint.languagetool.cache import describe_os_error
    from prose_lint.private import private_dir
    from prose_lint.progress import warn_once

    uid = os.getuid() if hasattr(os, "getuid") else "user"
    path = private_dir(private_dir(Path(tempfile.gettempdir()) / f"prose-lint-{uid}") / "languagetool-run")
    warn_once("run-dir", f"cannot keep LanguageTool's state in the cache directory ({describe_os_error(exc)}); "
              f"using {path}")
    return path


class LocalEngine:
    name = "local"

    def __init__(self, settings: LTSettings, run=None, connections: Connections | None = None) -> None:
        from prose_lint.languagetool import daemon
        from prose_lint.languagetool.install import require_installation

        self.settings = settings
        self.connections = connections or Connections()
        self.daemon = daemon
        try:
            self.run = run or daemon.RunDir()
        except OSError as exc:
            self.run = daemon.RunDir(fallback_run_dir(exc))
        try:
            self.installation = require_installation()
        except OSError as exc:  # the cache directory, where LanguageTool is installed, cannot be used
            from prose_lint.languagetool.cache import describe_os_error

            raise ToolError(f"cannot look for LanguageTool in the cache directory: {describe_os_error(exc)}") from None
        self.state = None
        self.started = False
        self.restarts = 0
        self._lock = threading.Lock()

    def cache_tag(self) -> str:
        return "local:" + self.installation.version

    def _ensure(self):
        with self._lock:
            if self.state is None:
                try:
                    self.state, self.started = self.daemon.ensure(
                        self.settings.heap, self.settings.idle_timeout, self.settings.port, self.run)
                except OSError as exc:  # the run directory is read-only or full
                    fallback = fallback_run_dir(exc)
                    if self.run.path == fallback:
                        raise ToolError(f"cannot keep LanguageTool's state in {fallback}: "
                                        f"{exc.strerror or exc}") from None
                    self.run = self.daemon.RunDir(fallback)
                    self.state, self.started = self.daemon.ensure(
                        self.settings.heap, self.settings.idle_timeout, self.settings.port, self.run)
            return self.state

    def check(self, params: dict[str, str]) -> dict:
        state = self._ensure()
        try:
            answer = post_check(state.url, params, self.settings.timeout, connections=self.connections)
        except RequestFailed as first:
            restarted = False
            with self._lock:
                # Restart only a daemon that is gone or refuses connections. One that is alive and
                # accepts (a timeout: busy with other runs' requests; an HTTP error) is shared by other
                # runs and workers: killing it failed their requests too and they restarted it in turn.
                if self.state is state and not self.daemon.alive(state):
                    self.restarts += 1
                    restarted = True
                    self.state = self.daemon.restart(state, self.settings.heap, self.settings.idle_timeout,
                                                     self.settings.port, self.run)
                state = self.state
            try:
                answer = post_check(state.url, params, self.settings.timeout, connections=self.connections)
            except RequestFailed as second:
                how = ("retried after restarting the local daemon" if restarted else
                       "retried once; the local daemon is running and was not restarted (busy? raise "
                       "languagetool.timeout)")
                raise ToolError(f"{second} ({how}; first: {first})") from None
        self.daemon.touch(self.run)
        return answer

    def describe(self) -> str:
        s = self.state
        return f"local LanguageTool {self.installation.version}" + (f" on port {s.port} (pid {s.pid})" if s else "")


def make_engine(settings: LTSettings, connections: Connections | None = None) -> Engine:
    if settings.remote:
        return RemoteEngine(settings, connections)
    return LocalEngine(settings, connections=connections)

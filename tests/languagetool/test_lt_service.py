"""LanguageTool as a service object owned by the Linter (issue item 27): no module-level state in the
languagetool package, one service per Linter sharing nothing with another, keep-alive connections made
anew in a forked child."""

from __future__ import annotations

import ast
import importlib
import json
import os
import pkgutil
import threading
from pathlib import Path

import pytest

from prose_lint.config import Settings
from prose_lint.engine import Linter
from prose_lint.source import Source

PACKAGE = "prose_lint.languagetool"
# Module-level tables that are constants: read, never written.
CONSTANT_TABLES = {("prose_lint.languagetool.settings", "KEYS")}
_LOCK_TYPES = (type(threading.Lock()), type(threading.RLock()))


def _package_modules():
    package = importlib.import_module(PACKAGE)
    return [importlib.import_module(f"{PACKAGE}.{info.name}") for info in pkgutil.iter_modules(package.__path__)]


def _is_state(value) -> bool:
    if isinstance(value, type) or callable(value) and not isinstance(value, threading.local):
        return False
    return (isinstance(value, (dict, list, set, bytearray, threading.local, *_LOCK_TYPES))
            or type(value).__module__.startswith(PACKAGE))  # an instance of one of the package's classes


def test_the_languagetool_package_has_no_module_level_mutable_state():
    """Globals, thread-locals, locks, memo dicts and class-level containers would be shared by every Linter
    in the process (and inherited by forked children): state belongs to the Linter's service."""
    found = []
    for module in _package_modules():
        for name, value in vars(module).items():
            if name.startswith("__") or (module.__name__, name) in CONSTANT_TABLES:
                continue
            if _is_state(value):
                found.append(f"{module.__name__}.{name}: {type(value).__name__}")
            if isinstance(value, type) and value.__module__ == module.__name__:
                for attr, inner in vars(value).items():
                    if not attr.startswith("__") and isinstance(inner, (dict, list, set, threading.local)):
                        found.append(f"{module.__name__}.{name}.{attr}: {type(inner).__name__}")
    assert not found, found


def test_the_languagetool_package_uses_no_fork_hooks_thread_locals_or_globals():
    """Fork safety is explicit (the service remembers its pid), not os.register_at_fork."""
    source_dir = Path(importlib.import_module(PACKAGE).__path__[0])
    found = []
    for path in sorted(source_dir.glob("*.py")):
        text = path.read_text(encoding="utf-8")
        for needle in ("register_at_fork", "threading.local", "urllib.request", "import requests"):
            if needle in text:
                found.append(f"{path.name}: {needle}")
        found += [f"{path.name}:{node.lineno}: global" for node in ast.walk(ast.parse(text))
                  if isinstance(node, ast.Global)]
    assert not found, found


def _rules(result):
    return {d.rule for d in result.diagnostics}


@pytest.mark.languagetool
def test_two_linters_with_different_settings_have_services_that_share_nothing(fresh):
    text = "this sentence starts in lower case. He go to school.\n"
    local = Linter(Settings(select=["grammar"], markup="text", languagetool={"cache": False}))
    remote = Linter(Settings(select=["grammar"], markup="text", languagetool={
        "server": fresh.url, "extend-disabled-rules": ["UPPERCASE_SENTENCE_START"], "cache": False}))
    for _ in range(2):  # interleaved: neither sees the other's settings or last document
        a = local.lint_source(Source("a.txt", text))
        b = remote.lint_source(Source("a.txt", text))
        assert a.error is None and b.error is None, (a.error, b.error)
        assert {"grammar/UPPERCASE_SENTENCE_START", "grammar/HE_VERB_AGR"} <= _rules(a), _rules(a)
        assert "grammar/HE_VERB_AGR" in _rules(b) and "grammar/UPPERCASE_SENTENCE_START" not in _rules(b)
    sa, sb = local.languagetool, remote.languagetool
    assert sa is not None and sb is not None and sa is not sb
    assert sa.settings.servers == () and sb.settings.servers == (fresh.url,)
    assert sa.checker() is not sb.checker()
    assert (sa.checker().engine.name, sb.checker().engine.name) == ("local", "remote")
    assert sa.checker().engine.connections is sa.connections
    assert sb.checker().engine.connections is sb.connections
    assert sa.connections is not sb.connections and sa.connections.opened == sb.connections.opened == 1
    assert not set(sa.connections.local_addresses()) & set(sb.connections.local_addresses())
    # Each rule's context holds its own Linter's service.
    assert {id(ctx.languagetool) for _, ctx in local.active} == {id(sa)}
    assert {id(ctx.languagetool) for _, ctx in remote.active} == {id(sb)}


@pytest.mark.languagetool
def test_a_forked_child_opens_its_own_connection_and_the_parent_keeps_its_own(fresh):
    linter = Linter(Settings(select=["grammar", "spelling"], markup="text",
                             languagetool={"cache": False, "concurrency": 1}))
    service = linter.languagetool
    first = linter.lint_source(Source("a.txt", "He go to school.\n"))
    assert first.error is None and "grammar/HE_VERB_AGR" in _rules(first), first
    parent = service.connections
    before = parent.local_addresses()
    assert len(before) == 1 and parent.opened == 1
    linter.lint_source(Source("b.txt", "She go to work.\n"))
    assert parent.local_addresses() == before and parent.opened == 1  # keep-alive: the same connection

    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(read)
            result = linter.lint_source(Source("c.txt", "He go to the market.\n"))
            child = service.connections
            report = {"error": result.error, "rules": sorted(_rules(result)), "new": child is not parent,
                      "opened": child.opened, "addresses": child.local_addresses()}
        except BaseException as exc:  # noqa: BLE001
            report = {"exception": repr(exc)}
        os.write(write, json.dumps(report).encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read, encoding="utf-8") as pipe:
        report = json.loads(pipe.read())
    os.waitpid(pid, 0)
    assert "exception" not in report, report
    assert report["error"] is None and "grammar/HE_VERB_AGR" in report["rules"], report
    assert report["new"] and report["opened"] == 1, report
    child_addresses = {tuple(a) for a in report["addresses"]}
    assert child_addresses and not child_addresses & set(before), (report, before)

    # The child never wrote on the parent's socket: the parent's connection still works, and is reused.
    again = linter.lint_source(Source("d.txt", "He go to the park.\n"))
    assert again.error is None and "grammar/HE_VERB_AGR" in _rules(again)
    assert service.connections is parent and parent.local_addresses() == before and parent.opened == 1


def test_a_connection_the_server_closed_while_idle_is_replaced_unnoticed():
    """A keep-alive connection the server closed while it was idle (LanguageTool does after 30-40 s) is
    not a failed request: the request goes over a new connection, once."""
    import socket

    from prose_lint.languagetool.client import post_check
    from prose_lint.languagetool.connections import Connections

    body = b'{"software": {"version": "6.8"}, "matches": []}'
    answer = (b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(body)) + body
    requests = []

    def serve(listener):
        for _ in range(2):  # each connection answers one request, then is closed as if idle too long
            conn, _ = listener.accept()
            with conn:
                data = b""
                while b"\r\n\r\n" not in data:
                    data += conn.recv(65536)
                head, _, rest = data.partition(b"\r\n\r\n")
                length = int(next(line.split(b":")[1] for line in head.split(b"\r\n")
                                  if line.lower().startswith(b"content-length")))
                while len(rest) < length:
                    rest += conn.recv(65536)
                requests.append(head.split(b"\r\n")[0])
                conn.sendall(answer)

    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        server = threading.Thread(target=serve, args=(listener,), daemon=True)
        server.start()
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/v2"
        connections = Connections()
        for _ in range(2):
            assert post_check(url, {"language": "en-US", "text": "x"}, 5.0, connections=connections)["matches"] == []
        server.join(10)
    assert len(requests) == 2 and connections.opened == 2, (requests, connections.opened)

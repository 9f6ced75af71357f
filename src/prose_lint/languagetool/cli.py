"""``prose-lint languagetool install|status|start|stop|clear-cache``."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from prose_lint.constants import EXIT_ERROR, EXIT_OK


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="lt_command", metavar="ACTION")
    inst = sub.add_parser("install", help="fetch the pinned LanguageTool from Maven Central (mvn) into the cache dir")
    inst.add_argument("--force", action="store_true", help="install again even if already installed")
    inst.add_argument("--method", choices=("auto", "maven", "download"), default="auto",
                      help="maven: mvn and Maven Central; download: language-tool-python's download "
                           "(languagetool.org); auto: maven when mvn is on PATH")
    status = sub.add_parser("status", help="version, Java, jars, and whether the local server runs")
    status.add_argument("--json", action="store_true", help="machine-readable output")
    start = sub.add_parser("start", help="start the local LanguageTool daemon now (or show the running one)")
    start.add_argument("--heap", help="JVM heap, e.g. 1g (default: languagetool.heap)")
    start.add_argument("--idle-timeout", type=int, metavar="MINUTES", help="stop after this many idle minutes")
    sub.add_parser("stop", help="stop the local LanguageTool daemon")
    sub.add_parser("clear-cache", help="forget the cached per-paragraph results")


def _settings(settings: Any):
    from prose_lint.languagetool.settings import parse_settings

    return parse_settings(getattr(settings, "languagetool", {}) or {}, getattr(settings, "where", "config"))


def run(args: argparse.Namespace, settings: Any) -> int:
    from prose_lint.errors import ToolError
    from prose_lint.languagetool import daemon, install

    action = getattr(args, "lt_command", None)
    if action is None:
        print("usage: prose-lint languagetool {install,status,start,stop,clear-cache}", file=sys.stderr)
        return EXIT_ERROR
    lt = _settings(settings)
    try:
        if action == "install":
            install.install(force=args.force, method=args.method, log=lambda s: print(s, file=sys.stderr))
            from prose_lint.languagetool.ruleids import RuleIds

            # The list that rule ids in --select/--ignore and suppression comments are checked against
            # (once per LanguageTool version; later runs read it).
            print("listing LanguageTool's rule ids (once)...", file=sys.stderr)
            RuleIds().known(settings.language)
            return EXIT_OK
        if action == "status":
            return _status(lt, args.json)
        if action == "start":
            heap = args.heap or lt.heap
            if args.heap:
                from prose_lint.languagetool.settings import parse_settings

                heap = parse_settings({"heap": args.heap}, "--heap", {}).heap
            idle = args.idle_timeout or lt.idle_timeout
            state, started = daemon.ensure(heap, idle, lt.port)
            verb = "started" if started else "already running"
            print(f"LanguageTool {state.version} {verb} on http://127.0.0.1:{state.port} (pid {state.pid}, "
                  f"heap {state.heap}, stops after {state.idle_minutes:g} idle minutes)")
            return EXIT_OK
        if action == "stop":
            state = daemon.stop()
            print(f"stopped LanguageTool (pid {state.pid}, port {state.port})" if state
                  else "no LanguageTool daemon is running")
            return EXIT_OK
        if action == "clear-cache":
            from prose_lint.languagetool.cache import ResultCache

            ResultCache(install.cache_dir() / "languagetool-results.sqlite").clear()
            print("cleared the LanguageTool result cache")
            return EXIT_OK
    except ToolError as exc:
        print(f"prose-lint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    print(f"prose-lint: unknown languagetool action {action!r}", file=sys.stderr)
    return EXIT_ERROR


def _status(lt, as_json: bool) -> int:
    from prose_lint.errors import ToolError
    from prose_lint.languagetool import daemon, install

    inst = install.find_installation()
    try:
        java = install.find_java()
        java_text = java.describe()
    except ToolError as exc:
        java, java_text = None, f"not usable: {exc}"
    state = daemon.status()
    info = {
        "version": inst.version if inst else None,
        "pinned_version": install.LT_VERSION,
        "installed": bool(inst),
        "method": inst.method if inst else None,
        "jars": inst.classpath if inst else None,
        "java": java.path if java else None,
        "java_source": java.source if java else None,
        "java_version": java.version if java else None,
        "mode": "remote" if lt.remote else "local",
        "servers": list(lt.servers),
        "daemon": ({"port": state.port, "pid": state.pid, "supervisor": state.supervisor, "heap": state.heap,
                    "idle_minutes": state.idle_minutes, "url": f"http://127.0.0.1:{state.port}"} if state else None),
        "cache_dir": str(install.cache_dir()),
    }
    if as_json:
        print(json.dumps(info, indent=2))
    else:
        print(f"LanguageTool: {inst.version + ' (' + inst.method + ')' if inst else 'not installed'}"
              f"{'' if inst else '  -> run `prose-lint languagetool install`'}")
        print(f"jars:         {inst.classpath if inst else install.lt_home()}")
        print(f"Java:         {java_text}")
        if lt.remote:
            print(f"mode:         remote ({', '.join(lt.servers)})")
        else:
            print("mode:         local daemon")
        print(f"server:       {'running on http://127.0.0.1:%d (pid %d, heap %s)' % (state.port, state.pid, state.heap) if state else 'not running'}")
        print(f"cache dir:    {install.cache_dir()}")
    return EXIT_OK if inst and java else EXIT_ERROR

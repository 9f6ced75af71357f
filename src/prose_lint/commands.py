"""What the subcommands do (cli.py only parses)."""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from prose_lint import env as environment
from prose_lint import executors
from prose_lint.config import Settings, load_settings
from prose_lint.constants import EXIT_ERROR, EXIT_FOUND, EXIT_OK
from prose_lint.diagnostic import Severity
from prose_lint.errors import ConfigError, ProseLintError
from prose_lint.linter_cache import LinterCache
from prose_lint.options import OPTIONS, check_value
from prose_lint.result import FileResult

if TYPE_CHECKING:  # pragma: no cover
    from prose_lint.engine import Linter


def settings_from_args(args) -> Settings:
    """The working directory's settings with the command-line flags applied."""
    return resolver_from_args(args).primary


def resolver_from_args(args):
    """Each path's settings: its nearest config file (or ``--config``, or none with ``--isolated``),
    with the command-line flags applied."""
    from prose_lint.config import ConfigResolver

    return ConfigResolver(Path.cwd(), getattr(args, "config", None), getattr(args, "isolated", False),
                          lambda settings: apply_args(settings, args))


def apply_args(settings: Settings, args) -> Settings:
    """Command-line flags override the config file's settings."""
    if getattr(args, "select", None) is not None:
        settings.select = args.select
    settings.extend_select = settings.extend_select + (getattr(args, "extend_select", None) or [])
    settings.ignore = settings.ignore + (getattr(args, "ignore", None) or [])
    if getattr(args, "no_grammar", False):
        settings.no_grammar = True
    if getattr(args, "fail_on", None):
        settings.fail_on = Severity.parse(args.fail_on)
    if getattr(args, "output_format", None):
        settings.output_format = args.output_format
    if getattr(args, "show_source", None):
        settings.show_source = True
    if getattr(args, "markup", None):
        settings.markup = args.markup
    if getattr(args, "language", None):
        settings.language = args.language
    # Flags that set a config key are checked against the key's declaration (options.py).
    if getattr(args, "jobs", None) is not None:
        settings.jobs = check_value("", OPTIONS["jobs"], args.jobs, name="--jobs")
    if getattr(args, "max_file_size", None) is not None:
        settings.max_file_size = check_value("", OPTIONS["max-file-size"], args.max_file_size, name="--max-file-size")
    if getattr(args, "include", None):
        settings.include = list(args.include)
    settings.include = settings.include + (getattr(args, "extend_include", None) or [])
    settings.statistics = bool(getattr(args, "statistics", False))
    return settings


def _colour(mode: str, stream) -> bool:
    if mode == "never" or environment.get("NO_COLOR"):
        return False
    if mode == "always" or environment.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


def run_check(args) -> int:
    from prose_lint.source import read_stdin
    from prose_lint.walk import iter_files

    if args.stdin_filename and "-" not in args.paths:
        raise ConfigError("--stdin-filename needs '-' among the paths")
    if args.update_baseline and not args.baseline:
        raise ConfigError("--update-baseline needs --baseline FILE")
    if args.fix and args.diff:
        raise ConfigError("--fix and --diff exclude each other")
    if getattr(args, "unsafe_fixes", False) and not (args.fix or args.diff):
        raise ConfigError("--unsafe-fixes needs --fix or --diff")
    if getattr(args, "force_write", False) and not (args.fix or args.baseline):
        raise ConfigError("--force-write needs --fix or --baseline")
    from prose_lint import progress
    from prose_lint.walk import WalkReport

    progress.QUIET = bool(args.quiet)
    resolver = resolver_from_args(args)
    settings = resolver.primary  # run-wide: output format, colour, statistics
    linters = LinterCache()

    def linter_for(group: Settings) -> Linter:
        # Built on first use: a run served by the warm process (--server) never needs one here.
        return linters.get(group)

    def linter() -> Linter:
        return linter_for(settings)

    walked = WalkReport()
    paths = list(iter_files(args.paths or ["."], resolver.for_directory, walked))
    if getattr(args, "verbose", False):
        for skipped in walked.skipped:
            print(f"prose-lint: skipped {skipped}: no 'include' pattern matches it", file=sys.stderr)

    # Files are grouped by the config file that applies to them; each group is linted with its settings.
    settings_of: dict[str, Settings] = {}
    groups: dict[int, tuple[Settings, list[str]]] = {}
    for path in paths:
        if path == "-":
            continue
        own = resolver.for_path(path)
        settings_of[path] = own
        groups.setdefault(id(own), (own, []))[1].append(path)
    stdin_settings = resolver.for_path(args.stdin_filename) if args.stdin_filename else settings
    notes = _prepare_languagetool([own for own, _ in groups.values()] + ([stdin_settings] if "-" in paths else []),
                                  bool(getattr(args, "install_languagetool", False)))

    # Each group goes to the executor its settings choose (the warm server, a Dask cluster, worker
    # processes or this one: executors/__init__.py); standard input is linted here.
    options = executors.RunOptions(server=args.server, dask=args.dask, fixing=bool(args.fix or args.diff),
                                   progress=sys.stderr.isatty())
    # Each configuration is validated (its Linter built: selectors, rule options) before any file is
    # linted, so that a bad value in any of them is exit 2 with nothing linted. A group bound for the
    # warm server is validated there, and this process need not load the rules for it.
    for own, group in groups.values():
        if executors.choose(own, options, len(group))[0] != "server":
            linter_for(own)
    if "-" in paths:
        linter_for(stdin_settings)
    by_path: dict[str, FileResult] = {}
    for own, group in groups.values():
        by_path.update((r.path, r) for r in executors.lint(group, own, linters, options))
    results: list[FileResult] = []
    stdin_source = None
    for path in paths:
        if path == "-":
            try:
                stdin_source = read_stdin(args.stdin_filename or "-", stdin_settings.max_file_size)
            except ProseLintError as exc:
                results.append(FileResult(args.stdin_filename or "-", error=str(exc)))
                continue
            settings_of[stdin_source.path] = stdin_settings
            results.append(linter_for(stdin_settings).lint_source(stdin_source))
        else:
            results.append(by_path[path])

    # Steps on the results, in order: fixes (or their diffs), then the baseline.
    unsafe, force = bool(getattr(args, "unsafe_fixes", False)), bool(getattr(args, "force_write", False))
    if args.diff:
        from prose_lint.fix import show_diffs

        return EXIT_FOUND if show_diffs(results, unsafe) else EXIT_OK
    if args.fix:
        from prose_lint.fix import apply_fixes

        results = apply_fixes(results, lambda path: linter_for(settings_of.get(path, settings)),
                              stdin_source.path if stdin_source is not None else None, unsafe=unsafe, force=force)
    if args.baseline:
        from prose_lint.baseline import apply_baseline

        results = apply_baseline(results, Path(args.baseline), update=args.update_baseline, force=force)

    # With --fix on stdin, stdout carries the fixed text: the report goes to stderr (as ruff does).
    report_stream = sys.stderr if (args.fix and stdin_source is not None) else sys.stdout
    _report(results, settings, args, linter, report_stream, skipped=walked.kinds(),
            notes=["Grammar and spelling were not checked (see below)."] if notes else [])

    errors = [r for r in results if r.error]
    for r in errors:
        print(f"prose-lint: error: {r.error}", file=sys.stderr)
    for note in notes:
        print(f"prose-lint: error: {note}", file=sys.stderr)
    if errors or notes:
        return EXIT_ERROR
    if args.exit_zero:
        return EXIT_OK
    failing = any(d.severity >= settings_of.get(r.path, settings).fail_on for r in results for d in r.diagnostics)
    return EXIT_FOUND if failing else EXIT_OK


def _prepare_languagetool(groups: list[Settings], allow_install: bool) -> list[str]:
    """Before linting: when grammar or spelling would run on a local LanguageTool that is not installed,
    install it (``--install-languagetool``, the pre-commit hook) or turn grammar off for this run, so that
    the other rules still run and report; returns the note saying what was not checked and what to do."""
    wanted = [group for group in groups if _grammar_wanted(group)]
    if not wanted:
        return []
    from prose_lint.languagetool import install

    problem = install.ready_for_check(allow_install, log=lambda line: print(line, file=sys.stderr, flush=True))
    if problem is None:
        return []
    for group in wanted:
        group.no_grammar = True
    return [problem[0].upper() + problem[1:] + "."]


def _grammar_wanted(group: Settings) -> bool:
    from prose_lint.languagetool.install import grammar_wanted

    return grammar_wanted(group)


def _report(results: list[FileResult], settings: Settings, args, linter, stream, skipped=None,
            notes: list[str] = ()) -> None:
    """``linter`` is a callable: only SARIF output needs the rules' metadata."""
    from prose_lint.output import get_formatter

    formatter = get_formatter(settings.output_format)
    try:
        target = open(args.output_file, "w", encoding="utf-8", newline="\n") if args.output_file else stream
    except OSError as exc:
        raise ConfigError(f"{args.output_file}: cannot write the report: {exc.strerror or exc}") from None
    try:
        formatter(
            results, target,
            colour=settings.output_format == "text" and not args.output_file and _colour(args.color, stream),
            show_source=settings.show_source,
            statistics=settings.statistics,
            summary=not args.quiet,
            skipped=skipped,
            notes=notes,
            registry=linter().registry if settings.output_format == "sarif" else None,
            rule_ids=[rule.id for rule, _ in linter().active if not rule.dynamic_details]
            if settings.output_format == "sarif" else (),
        )
    finally:
        if args.output_file:
            target.close()


def run_rules(args) -> int:
    from prose_lint.registry import load_registry

    settings = load_settings(args.config)
    registry = load_registry(settings.pack_dirs)
    if args.output_format == "json":
        import json

        json.dump([{"id": r.id, "severity": str(r.severity), "scope": r.scope, "default": r.default_enabled,
                    "fixable": r.fixable, "options": r.options, "summary": r.summary, "origin": r.origin or "built-in"}
                   for r in registry], sys.stdout, indent=2, default=str)
        sys.stdout.write("\n")
        return EXIT_OK
    width = max((len(r.id) for r in registry), default=10)
    for r in registry:
        flags = ("" if r.default_enabled else " (off by default)") + (" [fix]" if r.fixable else "")
        print(f"{r.id:<{width}}  {str(r.severity):<7}  {r.summary}{flags}")
    return EXIT_OK


def run_rule(args) -> int:
    from prose_lint.registry import load_registry

    settings = load_settings(args.config)
    registry = load_registry(settings.pack_dirs)
    rule = registry.find(args.rule_id)
    if rule is None:  # a family prefix alone has no documentation either
        problem = (registry.unknown_selector(args.rule_id) or f"unknown rule {args.rule_id!r} (see `prose-lint rules`)")
        raise ConfigError(problem.replace("unknown rule or family", "unknown rule", 1))
    problem = registry.unknown_selector(args.rule_id, settings.language)
    if problem is not None:
        raise ConfigError(problem)
    buf = io.StringIO()
    buf.write(f"{args.rule_id}\n{'=' * len(args.rule_id)}\n\n")
    if rule.id != args.rule_id:
        buf.write(f"A detail of the {rule.id} rule.\n\n")
    buf.write(f"Default severity: {rule.severity}\nScope: {rule.scope}\n")
    buf.write(f"Enabled by default: {'yes' if rule.default_enabled else 'no'}\n")
    if rule.fixable:
        buf.write("Fixable: yes (--fix)\n")
    if rule.origin:
        buf.write(f"Declared in: {rule.origin}\n")
    if rule.options:
        buf.write("Options:\n")
        for key, value in rule.options.items():
            buf.write(f"  {key} = {value!r}\n")
    buf.write("\n" + rule.help + "\n")
    sys.stdout.write(buf.getvalue())
    return EXIT_OK


def run_server(args) -> int:
    from prose_lint import server

    if args.action == "stop":
        print(f"stopped {server.stop_all()} prose-lint server(s)")
        return EXIT_OK
    sockets = server.running()
    current = server.socket_path(server.build_id())
    if not sockets:
        print("no prose-lint server is running")
    for path in sockets:
        print(f"{path}{'  (this build)' if path == current else '  (another build; stops when idle)'}")
    return EXIT_OK

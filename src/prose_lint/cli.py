"""The prose-lint command line."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Sequence

from prose_lint import __version__
from prose_lint import env as environment
from prose_lint.constants import (COLOUR_MODES, DEFAULT_INCLUDE, EXIT_ERROR, EXIT_FOUND, EXIT_INTERRUPTED, EXIT_OK,
                                  MARKUPS, SEVERITIES)
from prose_lint.errors import ProseLintError
from prose_lint.output import FORMATS

EPILOG = """\
examples:
  prose-lint check                         check Markdown and text files below the current directory
  prose-lint check chapter1.md notes/      check a file and a directory
  prose-lint check --select stray-token,boilerplate --show-source manuscript.txt
  prose-lint check --output-format sarif -o results.sarif docs/
  cat draft.md | prose-lint check - --stdin-filename draft.md
  prose-lint check --fix book/             apply safe fixes (--diff to preview them)
  prose-lint check --fix --unsafe-fixes --select boilerplate scraped/   also delete page chrome
  prose-lint check --baseline .prose-lint-baseline.json   report only new problems
  prose-lint rules                         list every rule
  prose-lint rule stray-token/foreign-word show a rule's documentation
  prose-lint languagetool install          fetch LanguageTool (needs Java 17+)

exit codes: {EXIT_OK} no problems at or above --fail-on, {EXIT_FOUND} problems found, {EXIT_ERROR} usage, config or file error.
""".format(EXIT_OK=EXIT_OK, EXIT_FOUND=EXIT_FOUND, EXIT_ERROR=EXIT_ERROR)


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def build_parser(argv: Sequence[str] = ()) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="prose-lint",
        description="A text-quality linter for manuscripts: grammar and spelling (LanguageTool), readability, "
                    "and document-level defects, with line- and column-exact diagnostics.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"prose-lint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="check manuscripts (the main command)", epilog=EPILOG,
                           formatter_class=argparse.RawDescriptionHelpFormatter)
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or directories ('-' for stdin); default: .")
    check.add_argument("--config", metavar="FILE", help="config file (pyproject.toml or .prose-lint.toml)")
    check.add_argument("--isolated", action="store_true", help="ignore all config files")
    check.add_argument("--select", type=_csv, metavar="IDS", help="only these rules or families (comma-separated)")
    check.add_argument("--extend-select", type=_csv, metavar="IDS", default=[], help="rules or families to add")
    check.add_argument("--ignore", type=_csv, metavar="IDS", default=[], help="rules or families to skip")
    check.add_argument("--no-grammar", action="store_true", help="skip LanguageTool (grammar and spelling)")
    check.add_argument("--fail-on", choices=SEVERITIES, help="lowest severity that fails (default warning)")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when problems are found")
    check.add_argument("--output-format", "--format", dest="output_format", choices=FORMATS)
    check.add_argument("-o", "--output-file", metavar="FILE", help="write the report to FILE")
    check.add_argument("--show-source", action="store_true", default=None, help="show the source line under each diagnostic")
    check.add_argument("--statistics", action="store_true", help="per-rule counts and document summaries (readability)")
    check.add_argument("--color", choices=COLOUR_MODES, default="auto", help="colour text output")
    check.add_argument("--markup", choices=MARKUPS, help="how to read files (default: by extension, sniffing .txt)")
    check.add_argument("--language", help="language of the manuscripts, e.g. en-US")
    check.add_argument("--stdin-filename", metavar="NAME", help="name to report for '-' (and to choose its markup)")
    check.add_argument("--fix", action="store_true", help="apply safe fixes to the files (atomically)")
    check.add_argument("--diff", action="store_true", help="show the safe fixes as a diff instead of applying them")
    check.add_argument("--unsafe-fixes", action="store_true",
                       help="with --fix or --diff, also apply fixes that may change meaning (e.g. deleting a boilerplate block)")
    check.add_argument("--force-write", action="store_true",
                       help="with --fix or --update-baseline, also write files that are read-only (they stay so) or "
                            "have several hard links (rewritten in place: every link sees the fix)")
    check.add_argument("--baseline", metavar="FILE", help="report only diagnostics not in FILE (created if missing)")
    check.add_argument("--update-baseline", action="store_true", help="rewrite the --baseline file with today's diagnostics")
    check.add_argument("--jobs", "-j", type=int, metavar="N", help="worker processes (0: one per core)")
    check.add_argument("--quiet", "-q", action="store_true", help="no summary line, no progress messages")
    check.add_argument("--verbose", "-v", action="store_true",
                       help="list on stderr the files a directory walk skipped (no 'include' pattern matches them)")
    check.add_argument("--include", type=_csv, metavar="GLOBS",
                       help="files a directory walk checks (replaces the 'include' config key; default: "
                            f"{','.join(DEFAULT_INCLUDE)})")
    check.add_argument("--extend-include", type=_csv, metavar="GLOBS", default=[],
                       help="more files a directory walk checks, e.g. '*.rst'")
    check.add_argument("--install-languagetool", action="store_true",
                       help="when LanguageTool is not installed, install it from Maven Central first (needs Java 17+ "
                            "and mvn; the pre-commit hook passes this); without it grammar is not checked")
    check.add_argument("--max-file-size", metavar="SIZE",
                       help="largest file checked (bytes, or e.g. 50MB); default: the config's, or 50MB")
    check.add_argument("--dask", metavar="SCHEDULER",
                       help="batch mode: run the files on a Dask cluster ('local' for a LocalCluster, or the "
                            "scheduler's address); needs prose-lint[dask]")
    check.add_argument("--server", action=argparse.BooleanOptionalAction, default=None,
                       help="use (and start) a warm prose-lint process; default: the 'server' config key")

    server = sub.add_parser("server", help="the warm prose-lint process used with --server")
    server.add_argument("action", choices=("status", "stop"))

    rules = sub.add_parser("rules", help="list every rule")
    rules.add_argument("--config", metavar="FILE")
    rules.add_argument("--output-format", "--format", dest="output_format", choices=("text", "json"), default="text")

    rule = sub.add_parser("rule", help="show one rule's documentation")
    rule.add_argument("rule_id", metavar="ID")
    rule.add_argument("--config", metavar="FILE")

    lt = sub.add_parser("languagetool", help="install, start, stop or inspect the LanguageTool server")
    lt.add_argument("--config", metavar="FILE")
    if "languagetool" in argv:
        # Only then: the other commands need not import the LanguageTool package.
        from prose_lint.languagetool.cli import add_arguments

        add_arguments(lt)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        argv = list(sys.argv[1:] if argv is None else argv)
        parser = build_parser(argv)
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help()
            return EXIT_ERROR
        if args.command == "check":
            from prose_lint.commands import run_check

            return run_check(args)
        if args.command == "rules":
            from prose_lint.commands import run_rules

            return run_rules(args)
        if args.command == "rule":
            from prose_lint.commands import run_rule

            return run_rule(args)
        if args.command == "server":
            from prose_lint.commands import run_server

            return run_server(args)
        if args.command == "languagetool":
            from prose_lint.config import load_settings
            from prose_lint.languagetool.cli import run

            return run(args, load_settings(args.config))
        parser.error(f"unknown command {args.command}")
    except ProseLintError as exc:
        print(f"prose-lint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("prose-lint: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (| head): not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FOUND
    except Exception as exc:  # a bug of ours: one line, and the traceback only on request
        if environment.get("PROSE_LINT_DEBUG"):
            raise
        print(f"prose-lint: internal error: {type(exc).__name__}: {exc} "
              "(set PROSE_LINT_DEBUG=1 for the traceback, and please report it)", file=sys.stderr)
        return EXIT_ERROR
    except SystemExit:
        raise
    except BaseException:  # pragma: no cover
        raise
    return EXIT_OK

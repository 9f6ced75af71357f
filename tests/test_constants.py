"""Output formats, markups, exit codes and suffixes are defined once (constants.py, output.FORMATTERS)."""

from __future__ import annotations

import argparse

from prose_lint import constants
from prose_lint.cli import build_parser
from prose_lint.output import FORMATTERS, get_formatter


def _choices(parser: argparse.ArgumentParser, command: str, dest: str):
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices[command]
    return tuple(next(a for a in sub._actions if a.dest == dest).choices)


def test_output_format_choices_are_the_formatter_registry():
    assert _choices(build_parser(), "check", "output_format") == tuple(FORMATTERS)
    for name in FORMATTERS:
        assert callable(get_formatter(name))


def test_markup_and_severity_choices_are_the_constants():
    parser = build_parser()
    assert _choices(parser, "check", "markup") == constants.MARKUPS
    assert _choices(parser, "check", "fail_on") == constants.SEVERITIES


def test_default_include_is_the_suffixes():
    assert constants.DEFAULT_INCLUDE == ("*.md", "*.markdown", "*.mdown", "*.mkd", "*.txt", "*.text")


def test_help_states_the_exit_codes():
    epilog = build_parser().epilog
    assert f"{constants.EXIT_FOUND} problems found" in epilog and f"{constants.EXIT_ERROR} usage" in epilog

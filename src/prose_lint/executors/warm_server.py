"""The warm server executor (``--server``, ``server = true``): a long-running prose-lint process that keeps
its Linters and models loaded lints the files (server.py). It declines, and the files are linted here,
when no server answers in time; the first such run starts one for the next."""

from __future__ import annotations


def lint(paths, settings, linters, options):
    from prose_lint import server

    _announce_cold_languagetool(settings)
    return server.lint_via_server(settings, paths)


def _announce_cold_languagetool(settings) -> None:
    """The warm process starts LanguageTool in its own process, whose stderr is a log: say it here, on a
    terminal, when the daemon is not running (in-process runs say it in ``daemon.ensure``)."""
    from prose_lint import progress
    from prose_lint.errors import ProseLintError
    from prose_lint.languagetool.install import grammar_wanted

    if not progress.enabled() or not grammar_wanted(settings):
        return
    from prose_lint.languagetool import daemon

    try:
        state = daemon.read_state(daemon.RunDir())
    except ProseLintError:
        return
    if state is None or not daemon.pid_alive(state.pid, daemon.MAIN_CLASS):
        progress.say("LanguageTool is not running: starting it if a file needs it (a cold start takes ~10 s)...",
                     key="lt-start")

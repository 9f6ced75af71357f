"""One Linter's LanguageTool: its settings, engine, HTTP connections, result cache, and the document in flight.

The Linter makes one :class:`LanguageToolService` when grammar or spelling runs and hands it to both
rules (``RuleContext.languagetool``), so that a document is sent to LanguageTool once for the two of
them. Two Linters (two configurations in one run, a warm server's several projects) have two services
that share nothing: not the settings, not the connections, not the memo of the last document.

The grammar rule starts the check in the background (:meth:`prefetch`, from ``Rule.prepare``) on a
thread of the service's own, while the other rules run; :meth:`matches` collects it.

Fork safety is explicit: everything that must not cross a fork (the keep-alive sockets, the background
thread, which a child does not have, and the SQLite connection of the result cache) lives in a
:class:`_PerProcess` that remembers the pid it was made in. Used in another process (a worker forked
from a warm parent, ``os.fork()``), the service makes a new one, with new connections.
"""

from __future__ import annotations

import os
import threading
from typing import Any, Iterable

from prose_lint.document import Document
from prose_lint.errors import ToolError

DEFAULT_WHERE = "[tool.prose-lint.languagetool]"


class _PerProcess:
    """What a service has in one process only."""

    def __init__(self) -> None:
        from prose_lint.languagetool.connections import Connections

        self.pid = os.getpid()
        self.connections = Connections()
        self.checker = None  # check.Checker, made on first use (it reads the installation, opens the cache)
        self.checker_lock = threading.Lock()
        self.executor = None  # one thread for prefetch()
        self.last: tuple = (None, None, None)  # document, vocabulary, matches or ToolError
        self.pending: tuple = (None, None, None)  # document, vocabulary, future of the prefetch


class LanguageToolService:
    def __init__(self, table: dict[str, Any] | None, where: str = DEFAULT_WHERE) -> None:
        self.table = dict(table or {})
        self.where = where
        self._settings = None
        self._process = _PerProcess()
        # A forked child keeps its parent's per-process objects referenced and unused: closing the
        # parent's SQLite connection here could checkpoint or unlock the database under the parent.
        self._left_by_parent: list[_PerProcess] = []

    @property
    def settings(self):
        """The validated ``[tool.prose-lint.languagetool]`` table and environment (on first use, as before:
        a bad environment variable fails the check that needs it, not the Linter)."""
        if self._settings is None:
            from prose_lint.languagetool.settings import parse_settings

            self._settings = parse_settings(self.table, self.where)
        return self._settings

    def _here(self) -> _PerProcess:
        if self._process.pid != os.getpid():
            self._left_by_parent.append(self._process)
            self._process = _PerProcess()
        return self._process

    @property
    def connections(self):
        """This process's keep-alive connections to LanguageTool."""
        return self._here().connections

    def checker(self):
        """This process's :class:`~prose_lint.languagetool.check.Checker`, made on first use."""
        here = self._here()
        with here.checker_lock:
            if here.checker is None:
                from prose_lint.languagetool.check import Checker
                from prose_lint.languagetool.client import make_engine

                settings = self.settings
                here.checker = Checker(settings, make_engine(settings, here.connections))
            return here.checker

    def _compute(self, doc: Document, vocabulary: frozenset[str]) -> Any:
        try:
            return self.checker().check(doc, vocabulary)
        except ToolError as exc:
            return exc

    def prefetch(self, doc: Document, vocabulary: Iterable[str] = ()) -> None:
        """Start checking ``doc`` on the service's background thread; :meth:`matches` collects the result.
        The thread mostly waits for LanguageTool's answers, so the other rules run meanwhile."""
        here = self._here()
        vocab = frozenset(vocabulary)
        if (here.pending[0] is doc and here.pending[1] == vocab) or (here.last[0] is doc and here.last[1] == vocab):
            return
        if here.executor is None:
            from concurrent.futures import ThreadPoolExecutor

            here.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="prose-lint-languagetool")
        here.pending = (doc, vocab, here.executor.submit(self._compute, doc, vocab))

    def pending_document(self) -> Document | None:
        """The document whose prefetch is in flight (tests)."""
        return self._here().pending[0]

    def matches(self, doc: Document, vocabulary: Iterable[str] = ()) -> list:
        """LanguageTool's matches (``check.LTMatch``) for ``doc``, computed once for the grammar and the
        spelling rule; ToolError when LanguageTool could not check it."""
        here = self._here()
        vocab = frozenset(vocabulary)
        if not (here.last[0] is doc and here.last[1] == vocab):
            pending_doc, pending_vocab, future = here.pending
            if pending_doc is doc and pending_vocab == vocab:
                result = future.result()
            else:
                result = self._compute(doc, vocab)
            here.pending = (None, None, None)
            here.last = (doc, vocab, result)
        result = here.last[2]
        if isinstance(result, BaseException):
            raise result
        return result

    def close(self) -> None:
        """Wait for the background check, stop its thread, close the connections and the result cache."""
        here = self._here()
        future = here.pending[2]
        if future is not None:
            future.exception()
        if here.executor is not None:
            here.executor.shutdown(wait=True)
        here.connections.close()
        if here.checker is not None and here.checker.cache is not None:
            here.checker.cache.close()
        self._process = _PerProcess()

"""LanguageTool integration: install, local daemon, remote servers, cache, exact positions.

Modules: ``settings`` (the config table), ``install`` (Maven Central / Java),
``daemon`` + ``supervisor`` (the local server), ``client`` (engines), ``connections``
(keep-alive HTTP with ``http.client``), ``annotate`` (markup -> annotated text), ``cache``
(per-paragraph results), ``check`` (a document -> matches at source offsets), ``service``
(one Linter's LanguageTool: all the state, per Linter and per process), ``ruleids`` (the
installed rule ids), ``cli`` (``prose-lint languagetool``). No module keeps state of its own.
Nothing here is imported unless grammar or spelling runs.
"""

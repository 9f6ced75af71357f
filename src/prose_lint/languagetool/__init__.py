"""LanguageTool integration: install, local daemon, remote servers, cache, exact positions.

Modules: ``settings`` (the config table), ``install`` (Maven Central / Java),
``daemon`` + ``supervisor`` (the local server), ``client`` (engines and HTTP),
``annotate`` (markup -> annotated text), ``cache`` (per-paragraph results),
``check`` (a document -> matches at source offsets), ``cli`` (``prose-lint languagetool``).
Nothing here is imported unless grammar or spelling runs.
"""

"""Load every lazily loaded model and word list before worker processes are forked.

The document-level rules load their data on first use: wordfreq's frequency lists of 19 languages and
the CMU dictionary's syllable counts (~25 MB as flat arrays, prose_lint/wordtables.py; ~150 MB as the
dicts they replaced), lingua's language models (~30 MB), the embedding model's tokenizer (~16 MB), scipy,
and a few hundred compiled regular expressions. Loaded once in the parent before the fork, the workers
share those pages (copy-on-write: a flat array or a Rust model is only read; a Python object's page is
copied when its reference count is written), and ``gc.freeze()`` keeps the collector from touching
them. Measured on the 1M-word corpus with two workers: see benchmarks/README.md, "Memory".

The sample below is written to reach every lazy load: a French sentence (foreign words, language
identification), a paragraph long enough for readability, and a second article after a dateline, so
that off-topic-content builds its TF-IDF matrices; the sentence-embedding model is loaded explicitly.
"""

from __future__ import annotations

SAMPLE = """# The harbour reopens

The old harbour reopened on Monday after two years of repairs, and the fishermen who had moored their
boats further down the coast came back with their families to see the new quays and the market hall.
The council said the work had cost less than planned and that the market would open every morning.

Les enfants mangent des pommes dans le jardin avec leurs parents.

The harbour master explained that the new cranes could lift twice the weight of the old ones, and that
the channel had been dredged so that larger boats could reach the fish market at any tide of the year.
Fishermen welcomed the change, though some worried about the rents of the new stalls in the hall.

WASHINGTON (Reuters) - The central bank raised interest rates again on Wednesday, its third increase this
year, as inflation stayed well above its target and the labour market showed few signs of cooling down.
Economists had expected the move, and markets barely reacted to the announcement in the afternoon.
"""


def warm_up(linter) -> None:
    """Run every rule that needs no outside work on the sample; errors are ignored (a rule that fails
    here fails again, visibly, on the user's files)."""
    import gc

    from prose_lint.parse import parse_source
    from prose_lint.rule import Rule
    from prose_lint.source import Source

    doc = parse_source(Source("warm-up.md", SAMPLE), "markdown", linter.settings.language)
    # Loaded only when a selected rule will use it: duplicate-text without ``paraphrase`` and
    # duplicated-conclusion without ``by_meaning`` do not.
    if any(rule.id in {"off-topic-content", "self-contradiction"}
           or getattr(rule, "needs_embeddings", lambda _options: False)(ctx.options) for rule, ctx in linter.active):
        # The sentence-embedding model (prose_lint/embeddings.py): its table is mapped from the file (page
        # cache shared by every worker); the tokenizer (~16 MB) is loaded here, before the fork.
        try:
            from prose_lint import embeddings

            embeddings.embed(["warm-up"])
        except Exception:  # noqa: BLE001
            pass
    for rule, ctx in linter.active:
        if type(rule).prepare is not Rule.prepare:
            continue  # starts outside work (LanguageTool): nothing to share
        try:
            ctx.document_properties = {}
            for _ in rule.check(doc, ctx):
                pass
        except Exception:  # noqa: BLE001
            pass
    gc.collect()
    gc.freeze()

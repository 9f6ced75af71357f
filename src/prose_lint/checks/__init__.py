"""Rules written in code. Each module lists its rule classes in ``RULES``.

Modules must stay cheap to import: heavy libraries are imported inside
``check()`` so that runs which do not need them never pay for them.
"""

RULE_MODULES: tuple[str, ...] = (
    "prose_lint.checks.internal",
)

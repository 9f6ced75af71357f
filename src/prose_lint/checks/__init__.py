"""Rules written in code. Each module lists its rule classes in ``RULES``.

Modules must stay cheap to import: heavy libraries are imported inside
``check()`` so that runs which do not need them never pay for them.
"""

RULE_MODULES: tuple[str, ...] = (
    "prose_lint.checks.internal",
    "prose_lint.checks.grammar",
    "prose_lint.checks.stray_token",
    "prose_lint.checks.boilerplate",
    "prose_lint.checks.duplicated_conclusion",
    "prose_lint.checks.duplicate_text",
    "prose_lint.checks.readability",
    "prose_lint.checks.off_topic",
    "prose_lint.checks.contradiction",
)

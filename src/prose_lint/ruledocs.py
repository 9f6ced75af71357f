"""docs/rules.md, generated from the registry: the same text `prose-lint rule ID` prints.

Regenerate with `scripts/gen-rule-docs`; a test fails when the file is stale.
"""

from __future__ import annotations

import re

from prose_lint.registry import Registry

RULES_DOC_URL = "https://github.com/prose-lint/prose-lint/blob/main/docs/rules.md"


def github_anchor(heading: str) -> str:
    """The anchor GitHub gives a Markdown heading (github-slugger, without the -1, -2 of repeated headings):
    lower case, punctuation other than ``-`` and ``_`` removed, spaces become ``-``."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def rule_anchor(rule_id: str, registry: Registry | None) -> str:
    """The docs/rules.md anchor documenting ``rule_id``: its rule's section; for a detail of a dynamic family
    (``grammar/ENGLISH_WORD_REPEAT_RULE``, ``boilerplate/forum``) the family's section; for an id no rule
    declares, the top of the page."""
    rule = registry.find(rule_id) if registry is not None else None
    return github_anchor(rule.id) if rule is not None else github_anchor("Rules")


def rule_help_uri(rule_id: str, registry: Registry | None) -> str:
    return f"{RULES_DOC_URL}#{rule_anchor(rule_id, registry)}"


def render_rules_markdown(registry: Registry) -> str:
    out = [
        "# Rules",
        "",
        "Generated from the rules' own documentation by `scripts/gen-rule-docs`; `prose-lint rule ID` prints the same.",
        "",
        "| rule | severity | on by default | summary |",
        "|---|---|---|---|",
    ]
    rules = list(registry)
    for rule in rules:
        anchor = github_anchor(rule.id)
        out.append(f"| [`{rule.id}`](#{anchor}) | {rule.severity} | {'yes' if rule.default_enabled else 'no'} | "
                   f"{rule.summary.replace('|', '/')} |")
    for rule in rules:
        out += ["", f"## {rule.id}", ""]
        facts = [f"Severity: {rule.severity}", f"scope: {rule.scope}",
                 f"on by default: {'yes' if rule.default_enabled else 'no'}"]
        if rule.fixable:
            facts.append("fixable with `--fix`")
        if rule.dynamic_details:
            facts.append(f"reports ids `{rule.id}/<detail>`")
        out.append("; ".join(facts) + ".")
        if rule.options:
            out += ["", "Options:", ""]
            out += [f"- `{key}` = `{value!r}`" for key, value in rule.options.items()]
        out += ["", "```text", rule.help, "```"]
    return "\n".join(out) + "\n"

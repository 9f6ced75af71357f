"""docs/rules.md, generated from the registry: the same text `prose-lint rule ID` prints.

Regenerate with `scripts/gen-rule-docs`; a test fails when the file is stale.
"""

from __future__ import annotations

from prose_lint.registry import Registry


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
        anchor = rule.id.replace("/", "").lower()
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

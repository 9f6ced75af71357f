from __future__ import annotations

from prose_lint.options import Option
from prose_lint.rule_types.base import PackRule


class Existence(PackRule):
    """Phrases or regexes that should not appear in prose."""

    scope = "paragraph"
    type_options = (
        Option("tokens", "strings", (), "literal phrases, matched on word boundaries"),
        Option("patterns", "strings", (), "regular expressions (Python syntax)"),
        Option("exceptions", "strings", (), "matches to let through (compared case-insensitively)"),
    )

    def __init__(self, spec, where):
        super().__init__(spec, where)
        self.regex = self._matcher(spec)
        if self.regex is None:
            from prose_lint.errors import ConfigError

            raise ConfigError(f"{self.where}: an existence rule needs 'tokens' or 'patterns'")
        self.exceptions = {e.lower() for e in self.values["exceptions"]}

    def check_block(self, doc, block, ctx):
        for m in self.regex.finditer(doc.prose, block.start, block.end):
            if m.end() > m.start() and m.group(0).lower() not in self.exceptions:
                yield ctx.diagnostic(m.start(), m.end(), self.format(match=m.group(0)))

from __future__ import annotations

from prose_lint.errors import ConfigError
from prose_lint.options import Option
from prose_lint.rule_types.base import PackRule


class Occurrence(PackRule):
    """Too many (``max``) or too few (``min``) matches per sentence, paragraph or document."""

    scope = "document"
    type_options = (
        Option("tokens", "strings", (), "literal phrases"),
        Option("patterns", "strings", (), "regular expressions"),
        Option("max", "int", -1, "report when there are more matches than this (-1: no maximum)"),
        Option("min", "int", -1, "report when there are fewer matches than this (-1: no minimum)"),
        Option("per", "string", "paragraph", "the unit counted in", choices=("sentence", "paragraph", "document")),
    )

    def __init__(self, spec, where):
        super().__init__(spec, where)
        self.regex = self._matcher(spec)
        if self.regex is None:
            raise ConfigError(f"{self.where}: an occurrence rule needs 'tokens' or 'patterns'")
        self.max = self.values["max"]
        self.min = self.values["min"]
        if self.max < 0 and self.min < 0:
            raise ConfigError(f"{self.where}: an occurrence rule needs 'max' or 'min'")
        self.per = self.values["per"]

    def _units(self, doc):
        if self.per == "document":
            blocks = doc.paragraphs
            if blocks:
                yield blocks[0].start, blocks[-1].end
        elif self.per == "paragraph":
            for block in doc.paragraphs:
                yield block.start, block.end
        else:
            for block in doc.paragraphs:
                yield from doc.sentences(block)

    def check(self, doc, ctx):
        for start, end in self._units(doc):
            matches = list(self.regex.finditer(doc.prose, start, end))
            count = len(matches)
            if self.max >= 0 and count > self.max:
                first = matches[0]
                yield ctx.diagnostic(
                    first.start(), matches[-1].end(),
                    self.format(count=count, max=self.max, min=self.min, match=first.group(0), per=self.per),
                )
            elif self.min >= 0 and count < self.min:
                yield ctx.diagnostic(start, end, self.format(count=count, max=self.max, min=self.min, per=self.per))

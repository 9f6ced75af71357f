from __future__ import annotations

from prose_lint.errors import ConfigError
from prose_lint.rule_types.base import PackRule


class Occurrence(PackRule):
    """Too many (``max``) or too few (``min``) matches per sentence, paragraph or document."""

    scope = "document"
    type_keys = {
        "tokens": "literal phrases",
        "patterns": "regular expressions",
        "max": "report when there are more matches than this",
        "min": "report when there are fewer matches than this",
        "per": "sentence, paragraph or document (default paragraph)",
    }

    def __init__(self, spec, where):
        super().__init__(spec, where)
        self.regex = self._matcher(spec)
        if self.regex is None:
            raise ConfigError(f"{self.where}: an occurrence rule needs 'tokens' or 'patterns'")
        self.max = self._get(spec, "max", int, -1)
        self.min = self._get(spec, "min", int, -1)
        if self.max < 0 and self.min < 0:
            raise ConfigError(f"{self.where}: an occurrence rule needs 'max' or 'min'")
        self.per = self._get(spec, "per", str, "paragraph")
        if self.per not in ("sentence", "paragraph", "document"):
            raise ConfigError(f"{self.where}: key 'per' must be sentence, paragraph or document, got {self.per!r}")

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

from __future__ import annotations

from prose_lint.diagnostic import Edit, Fix
from prose_lint.errors import ConfigError
from prose_lint.options import Option
from prose_lint.rule_types.base import PackRule, phrase_regex, phrases_regex


class Substitution(PackRule):
    """Use one phrase instead of another; fixable when the pack says the swap is safe."""

    scope = "paragraph"
    required = ("swap",)
    type_options = (
        Option("swap", "table", None, "table: phrase (or regex with regex = true) -> replacement",
               default_text="required"),
        Option("regex", "bool", False, "treat the swap keys as regular expressions"),
        Option("fix", "bool", False, "offer the replacement as a safe fix for --fix"),
    )

    def __init__(self, spec, where):
        super().__init__(spec, where)
        swap = spec["swap"]
        if not isinstance(swap, dict) or not swap or not all(isinstance(v, str) for v in swap.values()):
            raise ConfigError(f"{self.where}: key 'swap' must be a table of strings")
        self.is_regex = self.values["regex"]
        self.fixable = self.values["fix"]
        self.pairs = []
        for key, replacement in swap.items():
            pattern = key if self.is_regex else phrase_regex(key)
            self.pairs.append((self._compile(pattern, f"swap.{key}", literal=not self.is_regex), replacement))
        combined = "|".join(f"(?:{p.pattern})" for p, _ in self.pairs) if self.is_regex else phrases_regex(list(swap))
        self.regex = self._compile(combined, "swap", literal=not self.is_regex,
                                   shown=" | ".join(swap) if self.is_regex else None)

    def check_block(self, doc, block, ctx):
        for m in self.regex.finditer(doc.prose, block.start, block.end):
            found = m.group(0)
            match = next(((p, r) for p, r in self.pairs if p.fullmatch(found)), None)
            if match is None:
                continue
            pattern, replacement = match
            if self.is_regex:
                replacement = pattern.sub(replacement, found)
            replacement = _match_case(found, replacement)
            if replacement == found:
                continue
            fix = Fix((Edit(m.start(), m.end(), replacement),), safe=True) if self.fixable else None
            yield ctx.diagnostic(
                m.start(), m.end(), self.format(match=found, replacement=replacement),
                suggestions=[replacement], fix=fix,
            )


def _match_case(found: str, replacement: str) -> str:
    if found[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


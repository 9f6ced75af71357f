from __future__ import annotations

import re
from collections import defaultdict

from prose_lint.diagnostic import Related
from prose_lint.errors import ConfigError
from prose_lint.rule_types.base import PackRule


class Consistency(PackRule):
    """Two spellings of one word in the same document: the minority spelling is reported.

    Each entry of ``either`` is a pair of regexes with one capture group, the
    shared stem: ``["(\\w+)isation", "(\\w+)ization"]``. Occurrences are grouped
    by stem, so "organisation" is compared with "organization", never with
    "realization".
    """

    scope = "document"
    required = ("either",)
    type_keys = {
        "either": "list of [regex, regex] pairs, each with one capture group (the stem)",
        "min-stem": "shortest stem that counts (default 3)",
        "exceptions": "words never compared",
        "include-names": "also compare capitalised words inside a sentence (default false: they are names)",
    }

    def __init__(self, spec, where):
        super().__init__(spec, where)
        pairs = spec["either"]
        if not isinstance(pairs, list) or not all(
            isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p) for p in pairs
        ):
            raise ConfigError(f"{self.where}: key 'either' must be a list of [regex, regex] pairs")
        self.pairs = []
        for a, b in pairs:
            ra, rb = self._compile(rf"\b{a}\b", "either"), self._compile(rf"\b{b}\b", "either")
            if ra.groups != 1 or rb.groups != 1:
                raise ConfigError(f"{self.where}: key 'either': {a!r} and {b!r} need exactly one capture group")
            self.pairs.append((ra, rb))
        self.min_stem = self._get(spec, "min-stem", int, 3)
        self.exceptions = {e.lower() for e in self._strings(spec, "exceptions")}
        self.include_names = self._get(spec, "include-names", bool, False)

    def _is_name(self, doc, m: re.Match) -> bool:
        if self.include_names or not m.group(0)[:1].isupper():
            return False
        before = doc.prose[max(0, m.start() - 80) : m.start()].rstrip()
        return bool(before) and before[-1] not in ".!?:;\"“‘(\n" and not before[-1].isdigit()

    def check(self, doc, ctx):
        for ra, rb in self.pairs:
            seen: dict[str, list[list[re.Match]]] = defaultdict(lambda: [[], []])
            for side, regex in enumerate((ra, rb)):
                for m in regex.finditer(doc.prose):
                    stem = m.group(1).lower()
                    if len(stem) >= self.min_stem and m.group(0).lower() not in self.exceptions \
                            and not self._is_name(doc, m):
                        seen[stem][side].append(m)
            for left, right in seen.values():
                if not left or not right:
                    continue
                # The majority spelling is the document's choice; ties go to the first one used.
                if len(left) > len(right) or (len(left) == len(right) and left[0].start() < right[0].start()):
                    major, minor = left, right
                else:
                    major, minor = right, left
                first = major[0]
                for m in minor:
                    yield ctx.diagnostic(
                        m.start(), m.end(),
                        self.format(match=m.group(0), other=first.group(0)),
                        related=[Related(first.start(), first.end(), f"'{first.group(0)}' is used here")],
                    )

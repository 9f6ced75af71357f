from __future__ import annotations

import re
from collections import defaultdict
from typing import NamedTuple

from prose_lint.diagnostic import Related
from prose_lint.errors import ConfigError
from prose_lint.options import Option
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
    type_options = (
        Option("either", "pairs", None, "list of [regex, regex] pairs, each with one capture group (the stem)",
               default_text="required"),
        Option("min-stem", "int", 3, "shortest stem that counts"),
        Option("exceptions", "strings", (), "words never compared"),
        Option("include-names", "bool", False, "also compare capitalised words inside a sentence (default: they "
                                               "are names)"),
    )

    def __init__(self, spec, where):
        super().__init__(spec, where)
        pairs = spec["either"]
        if not isinstance(pairs, list) or not all(
            isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p) for p in pairs
        ):
            raise ConfigError(f"{self.where}: key 'either' must be a list of [regex, regex] pairs")
        self.pairs = []
        for a, b in pairs:
            sides = []
            for side in (a, b):
                scan = self._compile(rf"\b{side}\b", "either")
                if scan.groups != 1:
                    raise ConfigError(f"{self.where}: key 'either': {a!r} and {b!r} need exactly one capture group")
                # A pattern that can only match a run of word characters is looked up once per distinct
                # word of the document instead of being run over the whole text (12 scans -> 1).
                sides.append((scan, self._compile(side, "either") if _word_only(side, scan.flags) else None))
            self.pairs.append(tuple(sides))
        self.min_stem = self.values["min-stem"]
        self.exceptions = {e.lower() for e in self.values["exceptions"]}
        self.include_names = self.values["include-names"]
        self._memo: dict[str, tuple[tuple[int, int, str], ...]] = {}  # words that match a word-only pattern
        self._plain: set[str] = set()  # words that match none
        # Most words match none of the word-only patterns: one fullmatch of their alternation rules
        # them out instead of one per pattern (12 for the spelling pack). Only plain patterns are
        # joined (no inline flags, backreferences or named groups, whose meaning would change).
        words_only = [side for (a, b), sides in zip(pairs, self.pairs)
                      for side, (_, whole) in zip((a, b), sides) if whole is not None]
        self._any_word = None
        if len(words_only) > 1 and not any(_UNJOINABLE.search(side) for side in words_only):
            self._any_word = self._compile("|".join(f"(?:{side})" for side in words_only), "either")

    def _is_name(self, doc, hit: _Hit) -> bool:
        if self.include_names or not hit.text[:1].isupper():
            return False
        before = doc.prose[max(0, hit.start - 80) : hit.start].rstrip()
        return bool(before) and before[-1] not in ".!?:;\"“‘(\n" and not before[-1].isdigit()

    def _word_matches(self, word: str) -> tuple[tuple[int, int, str], ...]:
        """(pair, side, stem) for every word-only pattern that ``word`` matches whole; remembered per
        process (a corpus reuses its vocabulary from document to document)."""
        found = self._memo.get(word)
        if found is None and self._any_word is not None and self._any_word.fullmatch(word) is None:
            found = ()
        if found is None:
            found = tuple((n, side, m.group(1)) for n, sides in enumerate(self.pairs)
                          for side, (_, whole) in enumerate(sides)
                          if whole is not None and (m := whole.fullmatch(word)))
        if len(self._memo) + len(self._plain) < 500_000:
            if found:
                self._memo[word] = found
            else:
                self._plain.add(word)
        return found

    def check(self, doc, ctx):
        by_side: dict[tuple[int, int], list[_Hit]] = defaultdict(list)
        if any(whole is not None for sides in self.pairs for _, whole in sides):
            # The document's distinct words, less those known to match no word-only pattern (set
            # operations, at C speed); only the few words that match are then found in the text.
            words = set(_WORD_RUN.findall(doc.prose)).difference(self._plain)
            matched = {word: found for word in words if (found := self._word_matches(word))}
            if matched:
                for m in _WORD_RUN.finditer(doc.prose):
                    word = m.group()
                    if word in matched:
                        for n, side, stem in matched[word]:
                            by_side[n, side].append(_Hit(m.start(), m.end(), word, stem))
        for n, sides in enumerate(self.pairs):
            seen: dict[str, list[list[_Hit]]] = defaultdict(lambda: [[], []])
            for side, (scan, whole) in enumerate(sides):
                if whole is None:
                    hits = [_Hit(m.start(), m.end(), m.group(0), m.group(1)) for m in scan.finditer(doc.prose)]
                else:
                    hits = sorted(by_side.get((n, side), ()))
                for hit in hits:
                    stem = hit.stem.lower()
                    if len(stem) >= self.min_stem and hit.text.lower() not in self.exceptions \
                            and not self._is_name(doc, hit):
                        seen[stem][side].append(hit)
            for left, right in seen.values():
                if not left or not right:
                    continue
                # The majority spelling is the document's choice; ties go to the first one used.
                if len(left) > len(right) or (len(left) == len(right) and left[0].start < right[0].start):
                    major, minor = left, right
                else:
                    major, minor = right, left
                first = major[0]
                for hit in minor:
                    yield ctx.diagnostic(
                        hit.start, hit.end,
                        self.format(match=hit.text, other=first.text),
                        related=[Related(first.start, first.end, f"'{first.text}' is used here")],
                    )


class _Hit(NamedTuple):
    start: int
    end: int
    text: str
    stem: str


_WORD_RUN = re.compile(r"\w+")
_UNJOINABLE = re.compile(r"\(\?(?![:=!]|<[=!])|\\[1-9gkP]")
_WORD_CHAR = re.compile(r"\w")


def _word_only(pattern: str, flags: int) -> bool:
    """True when every match of ``pattern`` is a non-empty run of word characters: then ``\\bP\\b``
    matches exactly the maximal ``\\w+`` runs that ``P`` matches whole. Decided on the parsed pattern
    (``re._parser``, the standard library's own parser); anything it does not recognise is "no"."""
    try:
        from re import _parser

        tree = _parser.parse(pattern, flags)
        return tree.getwidth()[0] >= 1 and _all_word(tree)
    except Exception:  # noqa: BLE001 - another Python's parser: use the scan
        return False


def _all_word(items) -> bool:
    from re import _constants as c

    for op, av in items:
        if op is c.LITERAL:
            if not _WORD_CHAR.fullmatch(chr(av)):
                return False
        elif op is c.IN:
            for kind, value in av:
                if kind is c.LITERAL and _WORD_CHAR.fullmatch(chr(value)):
                    continue
                if kind is c.CATEGORY and value is c.CATEGORY_WORD:
                    continue
                if kind is c.RANGE and value[1] - value[0] < 0x3000 and all(
                        _WORD_CHAR.fullmatch(chr(x)) for x in range(value[0], value[1] + 1)):
                    continue
                return False
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            if not _all_word(av[2]):
                return False
        elif op is c.SUBPATTERN:
            if not _all_word(av[3]):
                return False
        elif op is c.ATOMIC_GROUP:
            if not _all_word(av):
                return False
        elif op is c.BRANCH:
            if not all(_all_word(branch) for branch in av[1]):
                return False
        else:
            return False
    return True

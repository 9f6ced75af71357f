"""Which English a document is written in: ``language = "en"`` (the default) checks each document with
LanguageTool's en-GB or en-US according to its spelling (issue item 17).

The British and American forms of ``rules/lexicons/english_variants.toml`` (colour/color, -ise/-ize,
-tre/-ter, ploughed/plowed...) are counted in the document's prose (markup masked; capitalised words
are names and do not count), each with its weight: more British weight than American picks en-GB,
anything else en-US (also a document with no evidence either way). An explicit ``language`` (en-US,
en-GB, en-AU, de...) is used as it is. The choice is published as the file's ``language`` property:
``--statistics`` prints it and SARIF shows it (artifact properties, and the run's).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

AUTO = "en"
DEFAULT_VARIETY = "en-US"
_WORD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True)
class Forms:
    british: dict[str, float]  # word -> weight
    american: dict[str, float]


@lru_cache(maxsize=1)
def forms() -> Forms:
    from prose_lint.errors import ConfigError
    from prose_lint.lexicon import load_lexicon

    british: dict[str, float] = {}
    american: dict[str, float] = {}
    for group in load_lexicon("english_variants").get("group", []):
        wb = float(group.get("british-weight", 1))
        wa = float(group.get("american-weight", 1))
        pairs: list[tuple[str, str]] = []
        for pair in group.get("pairs", []):
            if not (isinstance(pair, list) and len(pair) == 2):
                raise ConfigError(f"rules/lexicons/english_variants.toml: group {group.get('name')!r}: bad pair {pair!r}")
            pairs.append((pair[0], pair[1]))
        for stem in group.get("stems", []):
            for ending in group.get("endings", [""]):
                eb, ea = (ending, ending) if isinstance(ending, str) else ending
                pairs.append((stem + group["british"] + eb, stem + group["american"] + ea))
        excluded = set(group.get("exclude", []))
        for b, a in pairs:
            if b in excluded or a in excluded:
                b, a = ("" if b in excluded else b), ("" if a in excluded else a)
            if b and b != a:
                british[b.lower()] = wb
            if a and a != b:
                american[a.lower()] = wa
    for word in set(british) & set(american):  # a form that is both says nothing
        del british[word], american[word]
    return Forms(british, american)


def count(prose: str) -> tuple[float, float, int, int]:
    """(British weight, American weight, British forms, American forms) in ``prose``."""
    from collections import Counter

    f = forms()
    wb = wa = 0.0
    nb = na = 0
    # Counted per distinct word in C rather than word by word in Python (~1% of a document-level run). The
    # forms are lower case, so a capitalised word (a name) is never one of them. The weights (1, 0.25) are
    # exact in binary, so count x weight sums to what adding them one by one gave.
    counts = Counter(_WORD.findall(prose))
    for word in counts.keys() & f.british.keys():
        nb += counts[word]
        wb += counts[word] * f.british[word]
    for word in counts.keys() & f.american.keys():
        if word not in f.british:
            na += counts[word]
            wa += counts[word] * f.american[word]
    return wb, wa, nb, na


def resolve(doc: Any, configured: str) -> dict[str, Any]:
    """Set ``doc.language`` from the configured language, detecting the variety for ``"en"``; the
    choice as the file's ``language`` property."""
    if configured.strip().lower() != AUTO:
        info: dict[str, Any] = {"variety": configured, "chosen": "configured"}
    else:
        wb, wa, nb, na = count(doc.prose)
        variety = "en-GB" if wb > wa else DEFAULT_VARIETY
        info = {"variety": variety, "chosen": "detected", "british_spellings": nb, "american_spellings": na}
    doc.language = info["variety"]
    return info

"""What the context says about a rare token: a label on a line of its own, an abbreviation spelled out after
it, an older English inflection or derivation, leetspeak, a version number (nonsense-word and ocr-garbage spare
these)."""

from __future__ import annotations

import re

from prose_lint.checks.stray_token.common import _lex, _zipf

_LABEL_EDGE = " \t-–—*#>{}[]()<>:.,;|"


def _label_line(text: str, a: int, b: int) -> bool:
    """The token text[a:b] stands on a line of its own, alone or among capitalised words only: a headword, a
    user name over a post, a signature, an author's name ("xyzzy", "jsmith77", "Jarn Leffer"), not a word
    slipped into a sentence."""
    if text[a:b].isupper():
        return False
    ls = text.rfind("\n", 0, a) + 1
    le = text.find("\n", b)
    le = len(text) if le < 0 else le
    # splitting at most four times tells "more than three words" from the rest of a long line
    rest = (text[ls:a] + " " + text[b:le]).strip(_LABEL_EDGE).split(None, 4)
    return len(rest) <= 3 and all(w[0].isupper() and w.strip(_LABEL_EDGE)[1:].islower() for w in rest)


# leetspeak: a digit no scanner reads for a letter (4 for a, 3 for e, 7 for t) between letters (b4s3, h4x0r;
# a scanner's digits are 0, 1 and 5), and a version number after a name
_LEET = re.compile(r"[a-zA-Z0-9]*[a-zA-Z][2346789][a-zA-Z][a-zA-Z0-9]*")
_VERSION = re.compile(r"\s+v?\d+(?:\.\d+)+")


def _defined_after(text: str, b: int, token: str) -> bool:
    """The parenthesis right after the token spells it out: its letters are, in order, the initials of the
    words inside ("qotc (quote of the con)")."""
    if "(" not in text[b : b + 2]:
        return False  # the pattern below opens with a bracket right after the token or one space after it
    m = re.match(r"\s?\(([^()\n]{3,80})\)", text[b : b + 90])
    if not m:
        return False
    initials = "".join(w[0] for w in re.findall(r"[^\W\d_]+", m.group(1))).lower()
    letters = [c for c in token.lower() if c.isalpha()]
    i = 0
    for c in initials:
        if i < len(letters) and c == letters[i]:
            i += 1
    return len(letters) >= 2 and i == len(letters) and initials[:1] == letters[0]


def _archaic(word: str) -> bool:
    """The second or third person of an English verb as older English wrote them (-est, -eth, -edst): the
    rest, or the rest with "e", is a frequent English word ("satest", "knoweth", "lovedst")."""
    for suffix in ("edst", "est", "eth"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            if max(_zipf(stem, "en"), _zipf(stem + "e", "en")) >= 4.0:
                return True
    return False


# Productive English suffixes: a rare token made of a known English stem and one of these is a derivation
# the frequency lists miss ("dicts", "agues", "crufty", "tactual", "scats"), not a misreading of the page.
_SUFFIXES = ("s", "es", "ed", "ing", "er", "ers", "y", "ly", "ling", "ual", "ion", "ish", "ness", "less", "ful")
# A stem of at least four letters known to wordfreq at Zipf 1.5 (a word of the language, however rare; shorter
# stems are too often an OCR token themselves: "tbe", "vcr"). Calibrated on the Debian-genres ground: OCR
# confusions of the benchmark's kinds planted one per document (three seeds, 282 plantings) are found 264 times
# without this test and 261 with it ("cliffers", "reacly"), while it spares ten of the eighteen ocr-garbage
# findings there and ten of twenty-three on the technical docs ("dicts"); no tune-split planting is affected.
_STEM_LETTERS = 4
_STEM_ZIPF = 1.5


def _derived(word: str, misread) -> bool:
    """``word`` (lowercase) is a known English stem plus a productive suffix (with a dropped "e" restored
    before a vowel: "plumed" is plume + ed; not before -y, which would read "casy" as case + y; -es only after a
    sibilant or an o), where the stem is no misreading itself
    (``misread(stem, zipf)`` is None): a rare derivation, not an OCR error."""
    for suffix in _SUFFIXES:
        if not word.endswith(suffix):
            continue
        stem = word[: -len(suffix)]
        if suffix == "es" and not stem.endswith(("s", "x", "z", "ch", "sh", "o")):
            continue  # English adds -es after a sibilant or an o only: "hornes" is no plural of horn
        for s in (stem, stem + "e") if suffix[0] in "aeiou" else (stem,):
            if len(s) < _STEM_LETTERS:
                continue
            z = _zipf(s, "en")
            if z >= _STEM_ZIPF and misread(s, z) is None:
                return True
    return False


def _byline_handle(text: str, a: int) -> bool:
    """The token at ``a`` follows a byline's words: the handle of a forum user, not a word of the prose."""
    return _lex()["byline_re"].search(text, max(0, a - 40), a) is not None  # lexicon byline_phrases


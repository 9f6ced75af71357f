"""Unicode scripts of letters outside Latin, for the stray-token language rules."""

from __future__ import annotations

import bisect
import re

_SCRIPT_RANGES = [
    (0x0370, 0x03FF, "Greek"), (0x1F00, 0x1FFF, "Greek"), (0x0400, 0x052F, "Cyrillic"),
    (0x0530, 0x058F, "Armenian"), (0x0590, 0x05FF, "Hebrew"), (0x0600, 0x06FF, "Arabic"),
    (0x0750, 0x077F, "Arabic"), (0x08A0, 0x08FF, "Arabic"), (0xFB50, 0xFDFF, "Arabic"), (0xFE70, 0xFEFF, "Arabic"),
    (0x0900, 0x097F, "Devanagari"), (0x0980, 0x09FF, "Bengali"), (0x0B80, 0x0BFF, "Tamil"),
    (0x0E00, 0x0E7F, "Thai"), (0x10A0, 0x10FF, "Georgian"), (0x1100, 0x11FF, "Hangul"),
    (0x3040, 0x309F, "Kana"), (0x30A0, 0x30FF, "Kana"), (0x3400, 0x4DBF, "Han"), (0x4E00, 0x9FFF, "Han"),
    (0xF900, 0xFAFF, "Han"), (0x20000, 0x2FFFF, "Han"), (0xAC00, 0xD7AF, "Hangul"), (0x3130, 0x318F, "Hangul"),
]
_RANGE_STARTS = [r[0] for r in _SCRIPT_RANGES]
_SCRIPT_DEFAULT_LANG = {"Greek": "el", "Hebrew": "he", "Thai": "th", "Hangul": "ko", "Kana": "ja", "Han": "zh",
                        "Devanagari": "hi", "Bengali": "bn", "Tamil": "ta", "Armenian": "hy", "Georgian": "ka",
                        "Cyrillic": "ru", "Arabic": "ar"}
_CJK = frozenset({"Han", "Kana", "Hangul"})
_SORTED_RANGES = sorted(_SCRIPT_RANGES)
_SORTED_STARTS = [r[0] for r in _SORTED_RANGES]
# Any character of those scripts: a block without one has no run to look at.
_ANY_SCRIPT = re.compile("[" + "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi, _ in _SCRIPT_RANGES) + "]")


def _script(ch: str) -> str | None:
    """The script of a letter outside Latin, or None (Latin, digits, punctuation, spaces)."""
    cp = ord(ch)
    if cp < 0x0370:
        return None
    i = bisect.bisect_right(_SORTED_STARTS, cp) - 1
    if i >= 0 and cp <= _SORTED_RANGES[i][1]:
        return _SORTED_RANGES[i][2] if ch.isalpha() else None
    return None


# a paragraph with at least this many letters of one other script, making at least this share of its
# letters, is written in that script (not a stray run inside English)
_PARAGRAPH_SCRIPT_LETTERS = 20
_PARAGRAPH_SCRIPT_SHARE = 0.8


def _paragraph_script(seg: str) -> bool:
    """The paragraph is written in another script (a section of a bilingual text), not English with a run."""
    counts: dict[str, int] = {}
    letters = 0
    for c in seg:
        if not c.isalpha():
            continue
        letters += 1
        sc = _script(c)
        if sc is not None:
            group = "CJK" if sc in _CJK else sc
            counts[group] = counts.get(group, 0) + 1
    return any(k >= _PARAGRAPH_SCRIPT_LETTERS and k >= _PARAGRAPH_SCRIPT_SHARE * letters for k in counts.values())

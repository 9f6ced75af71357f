"""stray-token helpers that look along a paragraph for each marker: a paragraph of 20,000 markers must give, marker
by marker, what a paragraph of a few gives (the helpers find positions once per paragraph, in linear time; their
earlier per-marker searches were quadratic: minutes on such a line)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from prose_lint.checks.stray_token.markup_residue import _spaced_pair


def _spaced(text: str) -> list[bool]:
    block = SimpleNamespace(start=0, end=len(text))
    cache: dict = {}
    out = []
    for s, ch in enumerate(text):
        if ch == "_" and (s + 1 < len(text) and text[s + 1].isalnum()):
            out.append(_spaced_pair(text, block, s, s + 1, "_", True, cache))
    return out


@pytest.mark.parametrize("tail,expected", [(" _", True), ("", False)])
def test_spaced_pair_many_markers(tail, expected):
    small = _spaced(" ".join(["_word"] * 3) + tail)
    big = _spaced(" ".join(["_word"] * 20_000) + tail)
    assert small == [expected] * 3
    assert big == [expected] * 20_000


def test_spaced_pair_closer_before_opener():
    # a closer after a space pairs with a spaced opener before it ("_ Ann Lee_"); with none, it does not
    text = "_ Ann Lee_ and more"
    block = SimpleNamespace(start=0, end=len(text))
    assert _spaced_pair(text, block, 9, 10, "_", False, {})
    text = "Ann Lee_ and more"
    block = SimpleNamespace(start=0, end=len(text))
    assert not _spaced_pair(text, block, 7, 8, "_", False, {})

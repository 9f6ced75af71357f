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


def _mouths(text: str) -> list[bool]:
    from prose_lint.checks.stray_token.brackets import _emoticon_mouth
    run_start: dict[int, int] = {}
    return [_emoticon_mouth(text, i, run_start) for i, ch in enumerate(text) if ch in "()"]


@pytest.mark.parametrize("head,expected", [("fits :-", True), ("fits", False)])
def test_emoticon_mouth_many_brackets(head, expected):
    # a repeated mouth after eyes is one smile, however long; a run after a word is no emoticon
    assert _mouths(head + ")" * 3) == [expected] * 3
    assert _mouths(head + ")" * 20_000) == [expected] * 20_000


def test_emoticon_mouth_runs_apart():
    # two runs: the memory of the first does not leak into the second
    assert _mouths("well :)) and then)) done") == [True, True, False, False]

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


def _pair_mixed_by_rescan(seg, straight, open_at, stray_close):
    """The earlier, quadratic reading of _pair_mixed (a rescan of the straight quotes per curly quote): the
    reference the bisecting one must agree with."""
    from prose_lint.checks.stray_token.quote_marks import _closing_position, _opening_position

    straight = list(straight)
    for o in list(open_at):
        later = [k for k in straight if k > o]
        if len(later) % 2 == 1 and _closing_position(seg, later[0]):
            open_at.remove(o)
            straight.remove(later[0])
    for c in list(stray_close):
        earlier = [k for k in straight if k < c]
        if len(earlier) % 2 == 1 and _opening_position(seg, earlier[-1]):
            stray_close.remove(c)
            straight.remove(earlier[-1])
    return straight


def _mixed_case(seg):
    from prose_lint.checks.stray_token.quote_marks import _pair_mixed

    straight = [i for i, ch in enumerate(seg) if ch == '"']
    opens = [i for i, ch in enumerate(seg) if ch == "“"]
    closes = [i for i, ch in enumerate(seg) if ch == "”"]
    got = (_pair_mixed(seg, straight, opens, closes), opens, closes)
    o2, c2 = [i for i, ch in enumerate(seg) if ch == "“"], [i for i, ch in enumerate(seg) if ch == "”"]
    return got, (_pair_mixed_by_rescan(seg, straight, o2, c2), o2, c2)


def test_pair_mixed_agrees_with_the_rescan():
    import random

    rng = random.Random(7)
    pieces = ['“Here', 'tonight,"', '"Paris,”', 'and', '"so"', '”', '“', 'it', '" ', ' "word']
    for _ in range(400):
        seg = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 14)))
        got, want = _mixed_case(seg)
        assert got == want, seg


def test_pair_mixed_many_quotes():
    # openers each followed by a straight quote: the k-th pairs when an odd number of straight quotes stands
    # after it, i.e. every other one; the bisecting reading agrees with the rescan at 1,000 and gives the same
    # pattern at 20,000 (the rescan took seconds at 8,000)
    got, want = _mixed_case(" ".join(['“Here at home,"'] * 1_000))
    assert got == want and len(got[1]) == 500 and len(got[0]) == 500
    from prose_lint.checks.stray_token.quote_marks import _pair_mixed

    seg = " ".join(['“Here at home,"'] * 20_000)
    opens = [i for i, ch in enumerate(seg) if ch == "“"]
    left = _pair_mixed(seg, [i for i, ch in enumerate(seg) if ch == '"'], opens, [])
    assert len(opens) == 10_000 and len(left) == 10_000 and opens[0] == 0 and left[0] > opens[0]

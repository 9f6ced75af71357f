"""How blocks become LanguageTool requests: even rounds of ``concurrency`` requests (no server needed)."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given
from hypothesis import strategies as st

from prose_lint.languagetool.check import Checker
from prose_lint.languagetool.settings import LTSettings


@dataclass
class _Item:
    source: str


def _batches(sizes: list[int], batch_size: int, concurrency: int):
    checker = Checker(LTSettings(batch_size=batch_size, concurrency=concurrency, cache=False), engine=object())
    items = [_Item("x" * n) for n in sizes]
    return items, checker._batches(items)


@given(st.lists(st.integers(1, 3000), max_size=60), st.integers(500, 20_000), st.integers(1, 4))
def test_every_block_once_in_document_order(sizes, batch_size, concurrency):
    items, batches = _batches(sizes, batch_size, concurrency)
    flat = [id(item) for batch in batches for item in batch]
    assert sorted(flat) == sorted(id(item) for item in items)
    order = {id(item): i for i, item in enumerate(items)}
    assert all([order[id(x)] for x in b] == sorted(order[id(x)] for x in b) for b in batches)


def test_one_round_of_even_requests():
    # 35 paragraphs of 1,000 characters, 12,000 per request, 2 at a time: 4 requests of ~9,000
    _, batches = _batches([1000] * 35, 12_000, 2)
    sizes = [sum(len(i.source) for i in b) for b in batches]
    assert len(batches) == 4 and max(sizes) - min(sizes) <= 1000 and max(sizes) <= 12_000
    # small documents: one request per block at most, never empty requests
    _, batches = _batches([300, 200], 12_000, 2)
    assert [len(b) for b in batches] == [1, 1]
    assert _batches([], 12_000, 2)[1] == []

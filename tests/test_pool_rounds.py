"""How the pool executor cuts the files into rounds (a fresh pool of workers for each)."""

from prose_lint.executors import pool


def test_rounds_end_at_a_number_of_files_or_of_bytes_per_worker(monkeypatch):
    monkeypatch.setattr(pool, "FILES_PER_WORKER", 3)
    monkeypatch.setattr(pool, "BYTES_PER_WORKER", 100)
    sizes = [150, 90, 60, 40, 30, 10, 10, 10, 10, 10, 10, 5, 5]
    order = list(range(len(sizes)))  # largest first, as lint_paths orders them
    rounds = pool._rounds(order, sizes, workers=2)
    # bytes end the first round, the number of files the second; a round has a file for each worker
    # even when the first one is over the budget (else the other worker would wait for it, idle)
    assert rounds == [[0, 1], [2, 3, 4, 5, 6, 7], [8, 9, 10, 11, 12]]
    assert sorted(i for r in rounds for i in r) == order


def test_one_round_when_everything_fits():
    assert pool._rounds([2, 0, 1], [5, 3, 9], workers=2) == [[2, 0, 1]]

"""The per-article text work on every core: the same results, in the same order, as on one."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from sitegen.commands.cli import main
from sitegen.core.workers import fork_map

from .conftest import benchmark_module, tree


def _square_and_pid(n: int) -> tuple[int, int]:
    return n * n, os.getpid()


@pytest.mark.parametrize(
    ("count", "jobs", "min_items", "processes"),
    [
        (10, 2, 300, 1),  # too few to pay for processes: all here
        (400, 1, 300, 1),  # one job: all here
        (400, 2, 300, 3),  # the first here (it loads what the rest share), the rest in 2
        (8, 2, 4, 3),
    ],
)
def test_fork_map_keeps_the_order_and_uses_processes_when_it_pays(
    count: int, jobs: int, min_items: int, processes: int
) -> None:
    found = fork_map(_square_and_pid, list(range(count)), jobs, min_items)
    assert [square for square, _ in found] == [n * n for n in range(count)]
    pids = {pid for _, pid in found}
    assert found[0][1] == os.getpid()
    assert len(pids) <= processes and (processes == 1) == (pids == {os.getpid()})


def test_workers_end_quietly_under_a_sigterm_handler(capfd: pytest.CaptureFixture[str]) -> None:
    """`sitegen serve` turns SIGTERM into KeyboardInterrupt; the pool ends its workers
    with SIGTERM, and a worker that inherited the handler printed a traceback."""

    def interrupt(*_args: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        for _ in range(5):
            fork_map(_square_and_pid, list(range(8)), 2, 4)
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert "Traceback" not in capfd.readouterr().err


@pytest.mark.slow
def test_a_build_on_two_cores_equals_one_on_one(tmp_path: Path) -> None:
    """1,200 articles: enough for every parallel step (reading, names, ranking tags,
    related articles) to run in processes."""
    site = tmp_path / "site"
    benchmark_module("corpus").write_collection(site / "seeds", 1200, seed=5)
    common = ["build", "--site", str(site), "--no-search", "--quiet", "--no-cache"]
    assert main([*common, "--jobs", "1", "--out", str(tmp_path / "one")]) == 0
    assert main([*common, "--jobs", "2", "--out", str(tmp_path / "two")]) == 0
    assert tree(tmp_path / "one") == tree(tmp_path / "two")
    cached = ["build", "--site", str(site), "--no-search", "--quiet", "--jobs", "2"]
    assert main([*cached, "--out", str(tmp_path / "cached")]) == 0  # the cache's path
    assert tree(tmp_path / "one") == tree(tmp_path / "cached")

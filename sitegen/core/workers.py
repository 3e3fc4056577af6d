"""One function over many inputs in forked processes, the results in input order: the
per-article text work (headlines, names) on every core."""

from __future__ import annotations

import gc
import multiprocessing
import signal
from collections.abc import Callable, Sequence
from typing import Any

PARALLEL_MIN_ITEMS = 300  # below this, starting processes costs more than it saves


def _quiet_worker() -> None:
    """Ctrl-C reaches every process of the terminal; the main one stops the workers.
    SIGTERM ends a worker plainly (the pool ends its workers so; `sitegen serve`'s own
    handler, which a fork inherits, would print a traceback in each)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def fork_map(
    function: Callable[[Any], Any],
    items: Sequence[Any],
    jobs: int,
    min_items: int = PARALLEL_MIN_ITEMS,
) -> list[Any]:
    """[function(item) for item in items], in `jobs` forked processes when there are
    min_items or more. The function must be a module-level one, and items and results
    picklable (the workers see the memory of the caller as it was when they started)."""
    can_fork = "fork" in multiprocessing.get_all_start_methods()
    if jobs <= 1 or len(items) < max(2, min_items) or not can_fork:
        return [function(item) for item in items]
    # The first item here: what the function loads on first use (word lists, compiled
    # patterns) is then loaded once, before the fork, instead of once in every worker.
    first = function(items[0])
    context = multiprocessing.get_context("fork")
    chunk = max(1, len(items) // (jobs * 8))
    gc.freeze()  # the processes share what exists now; their collector leaves it alone
    try:
        with context.Pool(jobs, initializer=_quiet_worker) as pool:
            return [first, *pool.map(function, items[1:], chunksize=chunk)]
    finally:
        gc.unfreeze()

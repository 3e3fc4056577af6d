"""A progress bar for long builds in a terminal (rich); nothing in CI, pipes or --quiet."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

STAGES = {"read": "reading", "render": "rendering", "write": "writing", "search": "indexing"}


def wanted(quiet: bool) -> bool:
    """Only for a person at a terminal."""
    return not quiet and sys.stderr.isatty() and not os.environ.get("CI")


@contextmanager
def progress_bar(enabled: bool) -> Iterator[Callable[[str, int, int], None] | None]:
    """Yields a progress(stage, done, total) callback, or None when not enabled."""
    if not enabled:
        yield None
        return
    # imported here: a build without a terminal (CI, serve's rebuilds) never needs rich
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    bar = Progress(
        TextColumn("{task.description:<10}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    task = bar.add_task("reading", total=None)

    def update(stage: str, done: int, total: int) -> None:
        bar.update(task, description=STAGES.get(stage, stage), completed=done, total=total or None)

    with bar:
        yield update

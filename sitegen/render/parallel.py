"""Rendering a page plan, in forked processes when it pays; the writers of the pages
made without a template (feeds, sitemaps, robots.txt, drawn images)."""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import signal
from collections.abc import Callable, Iterable
from typing import Any

import jinja2

from sitegen.render import images
from sitegen.render.feeds import WRITERS as FEED_WRITERS
from sitegen.render.sitemap import news_sitemap, robots, sitemap
from sitegen.render.templates import Renderer

# Files made by code rather than by templates, by the name a PlannedPage gives as writer
WRITERS = {**FEED_WRITERS, "sitemap": sitemap, "news": news_sitemap, "robots": robots}
WRITERS |= {"card": images.card, "share": images.share}


# Set in each worker process by fork; never pickled.
_WORKER: tuple[Renderer, list[Any], Callable[[int, bytes], Any] | None] | None = None


PARALLEL_MIN_PAGES = 500  # below this, starting processes costs more than it saves


def _init_worker(
    renderer: Renderer, plan: list[Any], store: Callable[[int, bytes], Any] | None
) -> None:
    global _WORKER
    _WORKER = (renderer, plan, store)


def _start_worker(
    renderer: Renderer, plan: list[Any], store: Callable[[int, bytes], Any] | None
) -> None:
    """A worker process: Ctrl-C reaches every process of the terminal, and the main one
    stops the workers, so they ignore it (quietly, without a traceback each)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not serve's handler: no traceback
    _init_worker(renderer, plan, store)


def _render_one(index: int) -> Any:
    assert _WORKER is not None
    renderer, plan, store = _WORKER
    page = plan[index]
    if page.writer:
        data = WRITERS[page.writer](page.data())
    else:
        data = renderer.render(page.template, page.data(), page.source)
    return data if store is None else store(index, data)


def render_plan(
    renderer: Renderer,
    plan: list[Any],
    jobs: int,
    sink: Callable[[int, Any], None],
    progress: Callable[[int, int], None] | None = None,
    only: list[int] | None = None,
    store: Callable[[int, bytes], Any] | None = None,
) -> None:
    """Render every templated page of the plan (or those of `only`, by index), in `jobs`
    forked processes when it pays, handing each page to sink(index in plan, bytes) in
    plan order; progress(done, total) is called as pages are done.

    With `store`, each process that renders a page also stores it (writes it to disk),
    and sink gets what store(index, bytes) returns instead of the bytes: pages then
    never travel between processes."""
    indexes = range(len(plan)) if only is None else only
    todo = [i for i in indexes if plan[i].template or plan[i].writer]
    for name in sorted({plan[i].template for i in todo if plan[i].template}):
        with contextlib.suppress(jinja2.TemplateError):  # errors are reported at render
            renderer.env.get_template(name)  # compiled once here, not in every process
    can_fork = "fork" in multiprocessing.get_all_start_methods()
    if jobs <= 1 or len(todo) < PARALLEL_MIN_PAGES or not can_fork:
        _init_worker(renderer, plan, store)
        _collect((_render_one(i) for i in todo), todo, sink, progress)
    else:
        context = multiprocessing.get_context("fork")
        chunk = max(1, len(todo) // (jobs * 8))
        start = (renderer, plan, store)
        gc.freeze()  # the processes share what exists now; their collector leaves it alone
        try:
            with context.Pool(jobs, initializer=_start_worker, initargs=start) as pool:
                _collect(pool.imap(_render_one, todo, chunksize=chunk), todo, sink, progress)
        finally:
            gc.unfreeze()


def _collect(
    results: Iterable[Any],
    todo: list[int],
    sink: Callable[[int, Any], None],
    progress: Callable[[int, int], None] | None,
) -> None:
    for done, (index, data) in enumerate(zip(todo, results, strict=True), start=1):
        sink(index, data)
        if progress and (done % 200 == 0 or done == len(todo)):
            progress(done, len(todo))

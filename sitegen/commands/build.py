"""The build pipeline: config -> sources -> model -> page plan -> render -> write -> search."""

from __future__ import annotations

import gc
import os
import resource
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

import jinja2

from sitegen.collection.site import Site, build_site
from sitegen.collection.tagging import add_automatic_tags
from sitegen.core.config import Config, load_config
from sitegen.core.errors import Problem, Problems, SitegenError, fault_error
from sitegen.core.keys import digest
from sitegen.core.urls import Urls
from sitegen.incremental.cache import CACHE_DIR, BuildCache, CompiledTemplates, Manifest
from sitegen.incremental.stale import REBUILD_SHARE, has_links, on_disk, site_key, stale
from sitegen.output.staging import check_output_dir, check_owned, check_site_dir, output_lock
from sitegen.output.writing import write_fresh, write_in_place
from sitegen.plan.pages import plan_site, static_files, stylesheet
from sitegen.plan.planned import PlannedPage
from sitegen.render.templates import (
    Renderer,
    load_strings,
    make_environment,
    render_plan,
    site_globals,
    theme_dirs,
)
from sitegen.sources.gazetteer import GAZETTEER, load_gazetteer
from sitegen.sources.reading import read_sources


@dataclass
class BuildOptions:
    site: Path = Path(".")
    out: Path | None = None
    base_url: str | None = None
    search: bool = True
    drafts: bool = False
    future: bool = False
    encoding: str = "utf-8"
    jobs: int = 1
    keep_going: bool = False  # build the good articles, report the bad ones (exit 1 still)
    strict: bool = False  # warnings are errors
    progress: Callable[[str, int, int], None] | None = None  # (stage, done, total), for a bar
    cache: bool = True  # read and save the build cache in SITE/.sitegen-cache
    keep_index: bool = False  # leave the output's search index as it is (serve's rebuilds)
    memory: dict[str, Any] | None = None  # keeps the cache and templates between builds (serve)
    on_written: Callable[[int], None] | None = None  # called with the changed count once the
    # output is complete, before the cache is saved (serve reloads pages then)
    force: bool = False  # replace an output folder that sitegen did not make
    lock_wait: float = 30.0  # seconds to wait for another build into the same output


@dataclass
class BuildResult:
    out: Path
    pages: int
    articles: int
    changed: int
    warnings: list[Problem] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    search: str = "off"  # the search index: "indexed", "unchanged" (carried over) or "off"
    errors: list[Problem] = field(default_factory=list)  # left out under --keep-going
    cpu: dict[str, float] = field(default_factory=dict)  # CPU seconds per stage
    peak_mib: dict[str, float] = field(default_factory=dict)  # peak memory after each stage
    rendered: int = 0  # files made this time; the others were kept from the last build


class Stopwatch:
    """Wall seconds, CPU seconds (with child processes) and peak memory per stage."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.cpu: dict[str, float] = {}
        self.peak_mib: dict[str, float] = {}
        self._clock = time.perf_counter()
        self._cpu = self._cpu_now()

    @staticmethod
    def _cpu_now() -> float:
        times = os.times()
        return times.user + times.system + times.children_user + times.children_system

    def lap(self, stage: str) -> None:
        now, cpu = time.perf_counter(), self._cpu_now()
        self.seconds[stage] = now - self._clock
        self.cpu[stage] = cpu - self._cpu
        self.peak_mib[stage] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        self._clock, self._cpu = now, cpu


@dataclass
class Prepared:
    """Everything gathered before anything is written."""

    config: Config
    site: Site
    plan: list[PlannedPage]
    renderer: Renderer
    problems: Problems
    site_key: bytes


def _settle(problems: Problems, options: BuildOptions) -> None:
    """Apply --strict, then stop on errors unless --keep-going."""
    if options.strict:
        problems.items = [replace(p, warning=False) for p in problems.items]
    if not options.keep_going:
        problems.raise_if_any()


def open_cache(options: BuildOptions, config: Config) -> BuildCache:
    """The build cache for these options: in memory (serve), in the site folder, or none
    (a cache that is never loaded nor saved)."""
    stamp = digest(options.encoding, config.markdown_raw_html)
    folder = options.site / CACHE_DIR if options.cache else None
    kept = options.memory.get("cache") if options.memory is not None else None
    if kept is not None and kept.folder == folder and kept.stamp[2] == stamp:
        return kept
    cache = BuildCache(folder, stamp)
    if options.memory is not None:
        options.memory["cache"] = cache
    return cache


def load(
    options: BuildOptions, cache: BuildCache | None = None, config: Config | None = None
) -> tuple[Config, Site, Problems]:
    """Read and check every source; raise SitegenError with all content problems."""
    config = config or load_config(options.site, options.base_url)
    problems = Problems()
    raw_html = config.markdown_raw_html
    items = read_sources(options.site, problems, options.encoding, raw_html, cache)
    gazetteer = load_gazetteer(options.site / GAZETTEER, GAZETTEER, problems)
    _settle(problems, options)
    items = add_automatic_tags(items, gazetteer, config.max_tags, cache)
    today = build_time(config).date()
    site = build_site(config, items, options.drafts, options.future, today, cache)
    return config, site, problems


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection during a build. A build makes many objects that all
    stay alive (sources, cache, plan), and Python would scan the whole, growing heap
    again and again: a third of a rebuild's time. The pipeline and the default theme's
    rendering make no reference cycles (2,000 rendered pages leave none to collect)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def build_time(config: Config) -> datetime:
    """Now in the site's zone; SOURCE_DATE_EPOCH fixes it for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=config.zone)
    return datetime.now(tz=config.zone)


def prepare(
    options: BuildOptions,
    watch: Stopwatch,
    config: Config,
    cache: BuildCache | None,
    compiled: CompiledTemplates | None = None,
) -> Prepared:
    """config -> sources -> model -> page plan, and the renderer: nothing written."""
    if options.progress:
        options.progress("read", 0, 0)
    config, site, problems = load(options, cache, config)
    watch.lap("read")
    dirs = theme_dirs(options.site, config)
    statics = static_files([d / "static" for d in dirs])
    strings = load_strings(dirs, config.language)
    plan = plan_site(site, statics, problems, strings)
    _settle(problems, options)
    urls = Urls(config.base_url)
    globals_ = site_globals(site, strings, urls, stylesheet(statics))
    renderer = Renderer(_environment(options, dirs, compiled), globals_)
    key = site_key(config, globals_, dirs)
    watch.lap("plan")
    return Prepared(config, site, plan, renderer, problems, key)


def _environment(
    options: BuildOptions, dirs: list[Path], compiled: CompiledTemplates | None
) -> jinja2.Environment:
    """The templates' environment. Serve keeps it while the set of template files stays
    the same (a new file may override one already loaded); Jinja2 reloads edited ones."""
    if options.memory is None:
        return make_environment(dirs, compiled)
    files = sorted(str(p) for d in dirs for p in (d / "templates").rglob("*"))
    kept = options.memory.get("templates")
    if kept is None or kept[0] != files:
        kept = options.memory["templates"] = (files, make_environment(dirs, compiled))
    return kept[1]


def check(options: BuildOptions) -> BuildResult:
    """Every check of a build, templates rendered included, without writing anything."""
    with paused_gc():
        try:
            return _check(options)
        except OSError as exc:
            raise fault_error(exc, options.site) from None


def _check(options: BuildOptions) -> BuildResult:
    watch = Stopwatch()
    config = load_config(options.site, options.base_url)
    ready = prepare(options, watch, config, open_cache(options, config))  # never saved
    render_plan(ready.renderer, ready.plan, options.jobs, lambda _index, _data: None)
    watch.lap("render")
    problems = ready.problems
    out = options.out or options.site / "dist"
    return BuildResult(
        out, len(ready.plan), len(ready.site.articles), 0, problems.warnings,
        watch.seconds, "off", problems.errors, watch.cpu, watch.peak_mib, len(ready.plan),
    )  # fmt: skip


def build(options: BuildOptions) -> BuildResult:
    """Build the whole site into options.out (default SITE/dist), all or nothing.

    With the cache of the last build, only the files whose inputs changed are made,
    in place; without it (or when most files changed), the site is built afresh in a
    staging folder that replaces the output at the end. Both leave the same bytes."""
    with paused_gc():
        try:
            return _build(options)
        except OSError as exc:  # the staging folder is gone, or the in-place change undone
            raise fault_error(exc, options.out or options.site / "dist") from None


def _build(options: BuildOptions) -> BuildResult:
    out = options.out or options.site / "dist"
    check_site_dir(options.site)
    check_output_dir(out, options.site)
    with output_lock(out, options.lock_wait):
        return _build_locked(options, out)


def _build_locked(options: BuildOptions, out: Path) -> BuildResult:
    watch = Stopwatch()
    config = load_config(options.site, options.base_url)
    cache = open_cache(options, config)
    remembered = cache.manifest is not None and cache.manifest.out == str(out.resolve())
    check_owned(out, remembered, options.force)
    compiled = CompiledTemplates(cache.folder / "templates") if cache.folder else None
    ready = prepare(options, watch, config, cache, compiled)
    cache.report_ignored(ready.problems)
    manifest = cache.manifest
    usable = (
        manifest is not None
        and manifest.out == str(out.resolve())
        and manifest.site_key == ready.site_key
        and out.is_dir()
    )
    todo: list[int] | None = None
    found: dict[str, tuple[int, int]] = {}
    if usable:
        assert manifest is not None
        found = on_disk(out, manifest)
        todo = stale(ready.plan, manifest, found)
        if len(todo) > REBUILD_SHARE * len(ready.plan) or has_links(out, manifest):
            todo = None
    if todo is None:
        files, search, changed = write_fresh(options, ready, out, watch)
    else:
        assert manifest is not None
        files, search, changed = write_in_place(options, ready, out, watch, cache, todo, found)
    if options.on_written:
        options.on_written(changed)
    try:
        cache.save(Manifest(str(out.resolve()), ready.site_key, files))
        if compiled:
            compiled.save()
    except OSError as exc:  # a read-only site folder: the output is built all the same
        where = str(options.site / CACHE_DIR)
        hint = "the next build will be a full one; use --no-cache for a read-only site folder"
        ready.problems.add(where, f"could not save the build cache ({exc})", None, hint, True)
    watch.lap("cache")
    problems = ready.problems
    rendered = len(ready.plan) if todo is None else len(todo)
    return BuildResult(
        out, len(ready.plan), len(ready.site.articles), changed, problems.warnings,
        watch.seconds, search, problems.errors, watch.cpu, watch.peak_mib, rendered,
    )  # fmt: skip


__all__ = ["BuildOptions", "BuildResult", "build", "check", "load", "SitegenError"]

"""The build pipeline: config -> sources -> model -> page plan -> render -> write -> search."""

from __future__ import annotations

import functools
import hashlib
import os
import resource
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from sitegen.config import Config, load_config
from sitegen.errors import Problem, Problems, SitegenError
from sitegen.gazetteer import GAZETTEER, load_gazetteer
from sitegen.output import Staging, check_output_dir
from sitegen.pages import plan_site, static_files, stylesheet
from sitegen.plan import PlannedPage
from sitegen.render import (
    Renderer,
    load_strings,
    make_environment,
    render_plan,
    site_globals,
    theme_dirs,
)
from sitegen.search import build_index, fingerprint, reuse_index
from sitegen.site import Site, build_site
from sitegen.sources import read_sources
from sitegen.tagging import add_automatic_tags
from sitegen.urls import Urls


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


def _settle(problems: Problems, options: BuildOptions) -> None:
    """Apply --strict, then stop on errors unless --keep-going."""
    if options.strict:
        problems.items = [replace(p, warning=False) for p in problems.items]
    if not options.keep_going:
        problems.raise_if_any()


def load(options: BuildOptions) -> tuple[Config, Site, Problems]:
    """Read and check every source; raise SitegenError with all content problems."""
    config = load_config(options.site, options.base_url)
    problems = Problems()
    items = read_sources(options.site, problems, options.encoding, config.markdown_raw_html)
    gazetteer = load_gazetteer(options.site / GAZETTEER, GAZETTEER, problems)
    _settle(problems, options)
    items = add_automatic_tags(items, gazetteer, config.max_tags)
    today = build_time(config).date()
    site = build_site(config, items, drafts=options.drafts, future=options.future, today=today)
    return config, site, problems


def build_time(config: Config) -> datetime:
    """Now in the site's zone; SOURCE_DATE_EPOCH fixes it for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=config.zone)
    return datetime.now(tz=config.zone)


def prepare(options: BuildOptions, watch: Stopwatch) -> Prepared:
    """config -> sources -> model -> page plan, and the renderer: nothing written."""
    if options.progress:
        options.progress("read", 0, 0)
    config, site, problems = load(options)
    watch.lap("read")
    dirs = theme_dirs(options.site, config)
    statics = static_files([d / "static" for d in dirs])
    strings = load_strings(dirs, config.language)
    plan = plan_site(site, statics, problems, strings)
    _settle(problems, options)
    urls = Urls(config.base_url)
    globals_ = site_globals(site, strings, urls, stylesheet(statics))
    renderer = Renderer(make_environment(dirs), globals_)
    watch.lap("plan")
    return Prepared(config, site, plan, renderer, problems)


def check(options: BuildOptions) -> BuildResult:
    """Every check of a build, templates rendered included, without writing anything."""
    watch = Stopwatch()
    ready = prepare(options, watch)
    render_plan(ready.renderer, ready.plan, options.jobs, lambda _index, _data: None)
    watch.lap("render")
    problems = ready.problems
    out = options.out or options.site / "dist"
    return BuildResult(
        out, len(ready.plan), len(ready.site.articles), 0, problems.warnings,
        watch.seconds, "off", problems.errors, watch.cpu, watch.peak_mib,
    )  # fmt: skip


def build(options: BuildOptions) -> BuildResult:
    """Build the whole site into options.out (default SITE/dist), all or nothing."""
    watch = Stopwatch()
    out = options.out or options.site / "dist"
    check_output_dir(out, options.site)
    ready = prepare(options, watch)
    plan = ready.plan
    progress = options.progress
    if progress:
        progress("render", 0, len(plan))
    report = functools.partial(progress, "render") if progress else None

    with Staging(out) as staging:
        indexed: list[tuple[str, bytes]] = []  # (path, digest) of the pages Pagefind reads

        def write(index: int, data: bytes) -> None:
            """Each page goes to disk as it is rendered, so memory holds one at a time."""
            page = plan[index]
            staging.write(page.output, data)
            if page.output.endswith(".html") and b"data-pagefind-body" in data:
                indexed.append((page.output, hashlib.sha256(data).digest()))

        render_plan(ready.renderer, plan, options.jobs, write, report)
        for page in plan:
            if page.copy_from is not None:
                staging.copy(page.output, page.copy_from)
            elif page.template is None and page.writer is None:
                staging.write(page.output, b"")
        watch.lap("render+write")
        search = "off"
        if options.search:
            if progress:
                progress("search", 0, 1)
            print_ = fingerprint(indexed)
            search = "unchanged" if reuse_index(out, staging.path, print_) else "indexed"
            if search == "indexed":
                build_index(staging.path, print_)
            watch.lap("search")
        changed = staging.commit()
        watch.lap("swap")
    problems = ready.problems
    return BuildResult(
        out, len(plan), len(ready.site.articles), changed, problems.warnings,
        watch.seconds, search, problems.errors, watch.cpu, watch.peak_mib,
    )  # fmt: skip


__all__ = ["BuildOptions", "BuildResult", "build", "check", "load", "SitegenError"]

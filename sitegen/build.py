"""The build pipeline: config -> sources -> model -> page plan -> render -> write -> search."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sitegen.config import Config, load_config
from sitegen.errors import Problem, Problems, SitegenError
from sitegen.gazetteer import GAZETTEER, load_gazetteer
from sitegen.output import Staging, check_output_dir
from sitegen.pages import plan_site, static_files, stylesheet
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


@dataclass
class BuildResult:
    out: Path
    pages: int
    articles: int
    changed: int
    warnings: list[Problem] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    search: str = "off"  # the search index: "indexed", "unchanged" (carried over) or "off"


def load(options: BuildOptions) -> tuple[Config, Site, Problems]:
    """Read and check everything; raise SitegenError with all content problems."""
    config = load_config(options.site, options.base_url)
    problems = Problems()
    items = read_sources(options.site, problems, options.encoding)
    gazetteer = load_gazetteer(options.site / GAZETTEER, GAZETTEER, problems)
    problems.raise_if_any()
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


def build(options: BuildOptions) -> BuildResult:
    """Build the whole site into options.out (default SITE/dist), all or nothing."""
    timings: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[stage] = now - clock
        clock = now

    site_dir = options.site
    out = options.out or site_dir / "dist"
    check_output_dir(out, site_dir)
    config, site, problems = load(options)
    lap("read")

    dirs = theme_dirs(site_dir, config)
    statics = static_files([d / "static" for d in dirs])
    strings = load_strings(dirs, config.language)
    plan = plan_site(site, statics, problems, strings)
    problems.raise_if_any()
    urls = Urls(config.base_url)
    renderer = Renderer(
        make_environment(dirs), site_globals(site, strings, urls, stylesheet(statics))
    )
    lap("plan")

    rendered = render_plan(renderer, plan, options.jobs)
    lap("render")

    with Staging(out) as staging:
        for page, data in zip(plan, rendered, strict=True):
            if page.copy_from is not None:
                staging.copy(page.output, page.copy_from)
            else:
                staging.write(page.output, data or b"")
        lap("write")
        search = "off"
        if options.search:
            indexed = [
                (page.output, data)
                for page, data in zip(plan, rendered, strict=True)
                if data and page.output.endswith(".html") and b"data-pagefind-body" in data
            ]
            print_ = fingerprint(indexed)
            search = "unchanged" if reuse_index(out, staging.path, print_) else "indexed"
            if search == "indexed":
                build_index(staging.path, print_)
            lap("search")
        changed = staging.commit()
        lap("swap")
    return BuildResult(
        out, len(plan), len(site.articles), changed, problems.warnings, timings, search
    )


__all__ = ["BuildOptions", "BuildResult", "build", "load", "SitegenError"]

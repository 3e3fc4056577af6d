"""Everything gathered before anything is written: config -> sources -> model -> page
plan, and the renderer."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import jinja2

from sitegen.collection.site import Site, build_site
from sitegen.collection.tagging import add_automatic_tags
from sitegen.commands.options import BuildOptions
from sitegen.commands.stopwatch import Stopwatch
from sitegen.core.clock import build_time
from sitegen.core.config import Config, load_config
from sitegen.core.errors import Problems
from sitegen.core.keys import digest
from sitegen.core.urls import Urls
from sitegen.incremental import (
    CACHE_DIR,
    BuildCache,
    CompiledTemplates,
    site_key,
)
from sitegen.output.search import pagefind_version
from sitegen.plan.images import Drawing, default_image
from sitegen.plan.pages import plan_site
from sitegen.plan.planned import PlannedPage
from sitegen.plan.statics import static_files, stylesheet
from sitegen.render.cards import load_style, share_key, style_key
from sitegen.render.images import CARDS_DIR
from sitegen.render.templates import Renderer, make_environment, site_globals
from sitegen.render.theme import load_strings, theme_dirs
from sitegen.sources.gazetteer import GAZETTEER, load_gazetteer
from sitegen.sources.reading import read_sources


@dataclass
class Prepared:
    """Everything gathered before anything is written."""

    config: Config
    site: Site
    plan: list[PlannedPage]
    renderer: Renderer
    problems: Problems
    site_key: bytes


def _stop_on_errors(problems: Problems, options: BuildOptions) -> None:
    """Apply --strict, then stop on errors unless --keep-going."""
    if options.strict:
        problems.items = [replace(p, warning=False) for p in problems.items]
    if not options.keep_going:
        problems.raise_if_any()


def open_cache(options: BuildOptions, config: Config) -> BuildCache:
    """The build cache for these options: in memory (serve), in the site folder, or none
    (a cache that is never loaded nor saved)."""
    settings = digest(options.encoding, config.markdown_raw_html)
    folder = options.site / CACHE_DIR if options.cache else None
    kept = options.memory.cache if options.memory is not None else None
    if kept is not None and kept.folder == folder and kept.settings == settings:
        return kept
    cache = BuildCache(folder, settings)
    if options.memory is not None:
        options.memory.cache = cache
    return cache


def load(
    options: BuildOptions, cache: BuildCache | None = None, config: Config | None = None
) -> tuple[Config, Site, Problems]:
    """Read and check every source; raise SitegenError with all content problems."""
    config = config or load_config(options.site, options.base_url)
    problems = Problems()
    raw_html = config.markdown_raw_html
    items = read_sources(options.site, problems, options.encoding, raw_html, cache, options.jobs)
    gazetteer = load_gazetteer(options.site / GAZETTEER, GAZETTEER, problems)
    _stop_on_errors(problems, options)
    items = add_automatic_tags(items, gazetteer, config.max_tags, cache, options.jobs)
    now = build_time(config)
    site = build_site(config, items, options.drafts, options.future, now, cache, options.jobs)
    return config, site, problems


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
    drawing = _drawing(options, dirs, statics)
    plan = plan_site(site, statics, problems, strings, drawing)
    _stop_on_errors(problems, options)
    urls = Urls(config.base_url)
    searchable = options.search or options.keep_index  # (serve keeps the first index)
    search = pagefind_version() if searchable else None
    share = default_image(site, urls, statics, drawing)
    globals_ = site_globals(site, strings, urls, stylesheet(statics), search, share)
    renderer = Renderer(_environment(options, dirs, compiled), globals_)
    key = site_key(config, globals_, dirs)
    watch.lap("plan")
    return Prepared(config, site, plan, renderer, problems, key)


def _drawing(options: BuildOptions, dirs: list[Path], statics: dict[str, Path]) -> Drawing:
    """How the theme draws share images, and where drawn cards are kept between builds."""
    style = load_style(dirs)
    key = style_key(style)
    share = share_key(key, statics.get(Urls.static("logo.png")))
    cards = options.site / CACHE_DIR / CARDS_DIR if options.cache else None
    return Drawing(style, key, share, cards)


def _environment(
    options: BuildOptions, dirs: list[Path], compiled: CompiledTemplates | None
) -> jinja2.Environment:
    """The templates' environment. Serve keeps it while the set of template files stays
    the same (a new file may override one already loaded); Jinja2 reloads edited ones."""
    if options.memory is None:
        return make_environment(dirs, compiled)
    files = sorted(str(p) for d in dirs for p in (d / "templates").rglob("*"))
    kept = options.memory.templates
    if kept is None or kept[0] != files:
        kept = options.memory.templates = (files, make_environment(dirs, compiled))
    return kept[1]

"""The build pipeline: config -> sources -> model -> page plan -> render -> write -> search."""

from __future__ import annotations

from pathlib import Path

from sitegen.commands.options import BuildOptions, BuildResult
from sitegen.commands.prepare import open_cache, prepare
from sitegen.commands.stopwatch import Stopwatch, paused_gc
from sitegen.core.config import load_config
from sitegen.core.errors import SitegenError, fault_error
from sitegen.incremental import (
    CACHE_DIR,
    REBUILD_SHARE,
    CompiledTemplates,
    Manifest,
    has_links,
    on_disk,
    stale,
)
from sitegen.output.folders import check_output_dir, check_owned, check_site_dir, output_lock
from sitegen.output.writing import Job, LastOutput, write_fresh, write_in_place
from sitegen.render.images import CARDS_DIR, DRAWN, prune_cards
from sitegen.render.parallel import render_plan


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
    checked = [i for i, page in enumerate(ready.plan) if page.writer not in DRAWN]
    render_plan(ready.renderer, ready.plan, options.jobs, lambda _i, _data: None, only=checked)
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
    job = Job(ready.plan, ready.renderer, options.jobs, options.search, options.keep_index,
              options.progress, watch.lap)  # fmt: skip
    if todo is None:
        files, search, changed = write_fresh(job, out)
    else:
        assert manifest is not None
        last = LastOutput(manifest.files, cache.drop_manifest, cache.restore_manifest)
        files, search, changed = write_in_place(job, out, last, todo, found)
    if options.on_written:
        options.on_written(changed)
    try:
        cache.save(Manifest(str(out.resolve()), ready.site_key, files))
        if compiled:
            compiled.save()
        if cache.folder:
            cards = {page.context["key"] for page in ready.plan if page.writer == "card"}
            prune_cards(cache.folder / CARDS_DIR, cards)
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


__all__ = ["BuildOptions", "BuildResult", "build", "check", "SitegenError"]

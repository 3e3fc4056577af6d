"""Writing a build's output: afresh in a staging folder, or in place, file by file."""

from __future__ import annotations

import functools
import hashlib
import shutil
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from sitegen.incremental.cache import BuildCache, FileRecord
from sitegen.output.inplace import InPlace
from sitegen.output.search import BUNDLE_DIR, build_index, fingerprint, is_current, reuse_index
from sitegen.output.staging import Staging, replace_folder
from sitegen.plan.planned import PlannedPage
from sitegen.render.templates import render_plan

if TYPE_CHECKING:
    from sitegen.commands.build import BuildOptions, Prepared, Stopwatch


def _indexed(page: PlannedPage, data: bytes) -> bytes | None:
    """The digest of a page Pagefind indexes, else None."""
    if page.output.endswith(".html") and b"data-pagefind-body" in data:
        return hashlib.sha256(data).digest()
    return None


def write_fresh(
    options: BuildOptions, ready: Prepared, out: Path, watch: Stopwatch
) -> tuple[dict[str, FileRecord], str, int]:
    """Every file made again in a staging folder, swapped in as the output at the end."""
    plan = ready.plan
    progress = options.progress
    if progress:
        progress("render", 0, len(plan))
    report = functools.partial(progress, "render") if progress else None
    files: dict[str, FileRecord] = {}
    with Staging(out) as staging:

        def store(index: int, data: bytes) -> tuple[int, int, bool, bytes | None]:
            """Each page goes to disk from the process that rendered it, as it is
            rendered, so memory holds one page at a time and pages never travel."""
            page = plan[index]
            return (*staging.write(page.output, data), _indexed(page, data))

        def collect(index: int, stored: tuple[int, int, bool, bytes | None]) -> None:
            size, mtime, changed, indexed = stored
            staging.count(changed)
            files[plan[index].output] = FileRecord(plan[index].key, size, mtime, indexed)

        render_plan(ready.renderer, plan, options.jobs, collect, report, store=store)
        for page in plan:
            if page.copy_from is not None:
                size, mtime, changed = staging.copy(page.output, page.copy_from)
            elif page.template is None and page.writer is None:
                size, mtime, changed = staging.write(page.output, b"")
            else:
                continue
            staging.count(changed)
            files[page.output] = FileRecord(page.key, size, mtime)
        watch.lap("render+write")
        search = "off"
        if options.keep_index:
            search = "kept" if staging.keep(BUNDLE_DIR) else "off"
        elif options.search:
            if progress:
                progress("search", 0, 1)
            print_ = fingerprint((p, r.indexed) for p, r in files.items() if r.indexed)
            search = "unchanged" if reuse_index(out, staging.path, print_) else "indexed"
            if search == "indexed":
                build_index(staging.path, print_)
            watch.lap("search")
        changed = staging.commit()
        watch.lap("swap")
    return files, search, changed


def write_in_place(
    options: BuildOptions,
    ready: Prepared,
    out: Path,
    watch: Stopwatch,
    cache: BuildCache,
    todo: list[int],
    found: dict[str, tuple[int, int]],
) -> tuple[dict[str, FileRecord], str, int]:
    """Only the stale files made again, all in memory first, then written in place."""
    assert cache.manifest is not None
    plan = ready.plan
    made: dict[int, bytes] = {}
    render_plan(ready.renderer, plan, options.jobs, made.__setitem__, only=todo)
    for index in todo:
        page = plan[index]
        if page.copy_from is not None:
            made[index] = page.copy_from.read_bytes()
        elif index not in made:
            made[index] = b""
    watch.lap("render")
    files = dict(cache.manifest.files)
    writer = InPlace(out)
    try:
        for index, data in made.items():
            page = plan[index]
            record = writer.write(page.output, data)
            files[page.output] = replace(record, key=page.key, indexed=_indexed(page, data))
        planned = {page.output for page in plan}
        writer.remove(sorted(set(found) - planned))
        for path in set(files) - planned:
            del files[path]
        cache.drop_manifest()  # until saved, the output is not what any manifest says
        writer.commit()
        watch.lap("write")
        search = _search_in_place(options, out, files)
    except BaseException:  # a full disk, a read-only folder, Ctrl-C: the last output stays
        writer.undo()
        cache.restore_manifest()
        raise
    writer.finish()
    if search != "off":
        watch.lap("search")
    return files, search, writer.changed


def _search_in_place(options: BuildOptions, out: Path, files: dict[str, FileRecord]) -> str:
    """Index again only if the indexed pages changed; no index when search is off."""
    bundle = out / BUNDLE_DIR
    if bundle.is_symlink():
        bundle.unlink()  # a link where the index goes is replaced, never followed
    if options.keep_index:
        return "kept" if bundle.is_dir() else "off"
    if not options.search:
        if bundle.exists():
            shutil.rmtree(bundle)
        return "off"
    print_ = fingerprint((p, r.indexed) for p, r in files.items() if r.indexed)
    if is_current(bundle, print_):
        return "unchanged"
    if options.progress:
        options.progress("search", 0, 1)
    fresh, old = out / f".{BUNDLE_DIR}.new", out / f".{BUNDLE_DIR}.old"
    for leftover in (fresh, old):
        if leftover.exists():
            shutil.rmtree(leftover)
    build_index(out, print_, fresh)
    replace_folder(fresh, bundle, old)
    return "indexed"

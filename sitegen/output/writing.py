"""Writing a build's output: afresh in a staging folder, or in place, file by file."""

from __future__ import annotations

import functools
import hashlib
import shutil
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from sitegen.output.inplace import InPlace
from sitegen.output.records import FileRecord
from sitegen.output.search import BUNDLE_DIR, index_fresh, index_in_place
from sitegen.output.staging import Staging
from sitegen.plan.planned import PlannedPage
from sitegen.render.parallel import render_plan
from sitegen.render.templates import Renderer


@dataclass(frozen=True)
class Job:
    """What writing needs of a build: the plan and its renderer, and how to go about it."""

    plan: list[PlannedPage]
    renderer: Renderer
    jobs: int  # processes
    search: bool  # make the Pagefind index
    keep_index: bool  # keep the output's index as it is (serve's rebuilds)
    progress: Callable[[str, int, int], None] | None  # (stage, done, total)
    lap: Callable[[str], None]  # the end of a timed stage


@dataclass(frozen=True)
class LastOutput:
    """The last build's files, as its manifest says, and that manifest's keeper: it is set
    aside while the output changes, and taken back if the change is undone."""

    files: dict[str, FileRecord]
    set_aside: Callable[[], None]
    take_back: Callable[[], None]


def _indexed(page: PlannedPage, data: bytes) -> bytes | None:
    """The digest of a page Pagefind indexes, else None."""
    if page.output.endswith(".html") and b"data-pagefind-body" in data:
        return hashlib.sha256(data).digest()
    return None


def write_fresh(job: Job, out: Path) -> tuple[dict[str, FileRecord], str, int]:
    """Every file made again in a staging folder, swapped in as the output at the end."""
    plan = job.plan
    progress = job.progress
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

        render_plan(job.renderer, plan, job.jobs, collect, report, store=store)
        for page in plan:
            if page.copy_from is not None:
                size, mtime, changed = staging.copy(page.output, page.copy_from)
            elif page.template is None and page.writer is None:
                size, mtime, changed = staging.write(page.output, b"")
            else:
                continue
            staging.count(changed)
            files[page.output] = FileRecord(page.key, size, mtime)
        job.lap("render+write")
        search = "off"
        if job.keep_index:
            search = "kept" if staging.keep(BUNDLE_DIR) else "off"
        elif job.search:
            if progress:
                progress("search", 0, 1)
            search = index_fresh(staging.path, files, out, job.jobs)
            job.lap("search")
        changed = staging.commit()
        job.lap("swap")
    return files, search, changed


def write_in_place(
    job: Job, out: Path, last: LastOutput, todo: list[int], found: dict[str, tuple[int, int]]
) -> tuple[dict[str, FileRecord], str, int]:
    """Only the stale files made again, all in memory first, then written in place."""
    plan = job.plan
    made: dict[int, bytes] = {}
    render_plan(job.renderer, plan, job.jobs, made.__setitem__, only=todo)
    for index in todo:
        page = plan[index]
        if page.copy_from is not None:
            made[index] = page.copy_from.read_bytes()
        elif index not in made:
            made[index] = b""
    job.lap("render")
    files = dict(last.files)
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
        last.set_aside()  # until saved, the output is not what any manifest says
        writer.commit()
        job.lap("write")
        search = _search_in_place(job, out, files)
    except BaseException:  # a full disk, a read-only folder, Ctrl-C: the last output stays
        writer.undo()
        last.take_back()
        raise
    writer.finish()
    if search != "off":
        job.lap("search")
    return files, search, writer.changed


def _search_in_place(job: Job, out: Path, files: dict[str, FileRecord]) -> str:
    """Index again only if the indexed pages changed; no index when search is off."""
    bundle = out / BUNDLE_DIR
    if bundle.is_symlink():
        bundle.unlink()  # a link where the index goes is replaced, never followed
    if job.keep_index:
        return "kept" if bundle.is_dir() else "off"
    if not job.search:
        if bundle.exists():
            shutil.rmtree(bundle)
        return "off"
    if job.progress:
        job.progress("search", 0, 1)
    return index_in_place(out, files, job.jobs)

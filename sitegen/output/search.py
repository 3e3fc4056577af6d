"""The Pagefind search index, in parts: one bundle per year of articles.

Pagefind's memory and time grow faster than the pages it indexes (10,000 articles:
1.7 GB and 28 s in one bundle; 250 MB and 3 s for each year's), so every year gets a
bundle of its own, `pagefind/<year>/`, and the search page queries the ones it needs.
Each part keeps a fingerprint of the pages it was made from (and of Pagefind's
version); a part whose pages did not change is carried over as it was, so an edit
indexes one year again, not the site.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from importlib.metadata import version
from pathlib import Path

from pagefind_bin import get_executable

from sitegen.core.errors import content_error
from sitegen.output.records import FileRecord
from sitegen.output.staging import remove_leftovers, replace_folder

BUNDLE_DIR = "pagefind"
FINGERPRINT = ".sitegen-fingerprint"
# Pagefind's own search interfaces: the search page uses its JavaScript API only.
_UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)
# Parts are indexed two at a time only while they are small: a large part takes
# gigabytes, and the search step must stay within a few.
PARALLEL_MAX_PAGES = 5000


def pagefind_version() -> str:
    return version("pagefind_bin")


def part_of(path: str) -> str:
    """The part of the index a page belongs to: its year (articles are YYYY/MM/DD/…)."""
    return path.split("/", 1)[0]


def _parts(files: Mapping[str, FileRecord]) -> dict[str, list[tuple[str, bytes]]]:
    """The indexed pages of each part: (output path, sha256 of the page), in path order."""
    parts: dict[str, list[tuple[str, bytes]]] = {}
    for path, record in sorted(files.items()):
        if record.indexed:
            parts.setdefault(part_of(path), []).append((path, record.indexed))
    return parts


def fingerprint(pages: list[tuple[str, bytes]]) -> str:
    """A digest of a part's pages (output path and sha256 of each) and of Pagefind's
    version: what the part's index is made from."""
    digest = hashlib.sha256(f"pagefind {pagefind_version()}\n".encode())
    for path, page_digest in pages:
        digest.update(path.encode() + b"\0" + page_digest)
    return digest.hexdigest()


def is_current(part: Path, pages_print: str) -> bool:
    """The index in this part's folder was made from the pages with this fingerprint."""
    try:
        return (part / FINGERPRINT).read_text(encoding="utf-8").strip() == pages_print
    except OSError:
        return False


def _index(site: Path, part: str, pages_print: str, into: Path) -> None:
    """Index the pages of one part (data-pagefind-body, under site/<part>/) into `into`."""
    command = [
        str(get_executable()), "--site", str(site), "--glob", f"{part}/**/*.html",
        "--output-path", str(into), "--silent",
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        reason = detail[-1] if detail else f"exit code {result.returncode}"
        hint = "run again with --no-search to build without search"
        raise content_error("pagefind", f"the search index failed: {reason}", hint=hint)
    for name in _UNUSED:
        (into / name).unlink(missing_ok=True)
    (into / FINGERPRINT).write_text(pages_print + "\n", encoding="utf-8")


def _index_all(
    site: Path, todo: dict[str, Path], parts: dict[str, list], prints: dict[str, str], jobs: int
) -> None:
    """Index the parts of todo ({part: folder to index it into}), in parallel while small."""
    small = max(len(parts[part]) for part in todo) <= PARALLEL_MAX_PAGES
    workers = min(jobs, len(todo)) if small else 1
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        running = [
            pool.submit(_index, site, part, prints[part], into) for part, into in todo.items()
        ]
        for done in running:
            done.result()


def _copy(old: Path, new: Path) -> None:
    """A part carried over from the last output (hard links: no bytes copied)."""
    shutil.copytree(old, new, copy_function=os.link)


def index_fresh(site: Path, files: Mapping[str, FileRecord], previous: Path, jobs: int) -> str:
    """The whole index into site/pagefind/ of a fresh build; the parts of the previous
    output's index whose pages are unchanged are carried over. Returns "indexed" or
    "unchanged" (every part carried over)."""
    parts = _parts(files)
    prints = {part: fingerprint(pages) for part, pages in parts.items()}
    bundle = site / BUNDLE_DIR
    bundle.mkdir(parents=True, exist_ok=True)
    todo = {}
    for part, pages_print in prints.items():
        old = previous / BUNDLE_DIR / part
        if is_current(old, pages_print) and not old.is_symlink():
            _copy(old, bundle / part)
        else:
            todo[part] = bundle / part
    if todo:
        _index_all(site, todo, parts, prints, jobs)
    return "indexed" if todo else "unchanged"


def index_in_place(out: Path, files: Mapping[str, FileRecord], jobs: int) -> str:
    """Index again, in out/pagefind/, the parts whose pages changed, and remove the
    parts (and anything else) no page needs. The new parts are made beside the old
    ones and swapped in only when all are ready."""
    parts = _parts(files)
    prints = {part: fingerprint(pages) for part, pages in parts.items()}
    bundle = out / BUNDLE_DIR
    bundle.mkdir(exist_ok=True)
    todo = {p: bundle / f".{p}.new" for p, f in prints.items() if not is_current(bundle / p, f)}
    if todo:
        remove_leftovers(*todo.values(), *(bundle / f".{p}.old" for p in todo))
        try:
            _index_all(out, todo, parts, prints, jobs)
        except BaseException:
            remove_leftovers(*todo.values())
            raise
        for part, fresh in todo.items():
            replace_folder(fresh, bundle / part, bundle / f".{part}.old")
    for entry in sorted(bundle.iterdir()):
        if entry.name not in parts:  # a year with no articles left, or an older layout
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
    return "indexed" if todo else "unchanged"

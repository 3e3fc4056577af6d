"""Updating the last output in place: only the files whose inputs changed are made again.

The build cache's manifest says, for each file of the last output, the key of what it
was made from and the size and mtime it was written with. A file is made again when
its key changed, or when the file on disk is not the one sitegen wrote (edited, deleted
or replaced by hand); a file no page makes any more is deleted. So the folder ends up
as a clean build would leave it.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sitegen.core.config import Config
from sitegen.core.keys import bytes_digest, code_version, digest
from sitegen.incremental.cache import Manifest
from sitegen.plan.planned import PlannedPage

REBUILD_SHARE = 0.25  # above this share of stale files, a fresh build in staging is faster


def site_key(config: Config, globals_: dict[str, Any], theme_dirs: Iterable[Path]) -> bytes:
    """A digest of what every page shares: sitegen's code, the settings, the site-wide
    template data and the theme's templates and words. When it changes, every file is
    made again. (Static files and drawn images have keys of their own; the style sheet's
    fingerprinted name is in the template data.)"""
    files = []
    for folder in theme_dirs:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            name = path.relative_to(folder).as_posix()
            if not name.startswith(("static/", "cards/")):  # (cards: keys of their own)
                files.append((name, bytes_digest(path.read_bytes())))
    return digest(code_version(), dataclasses.astuple(config), globals_, files)


def on_disk(out: Path, manifest: Manifest) -> dict[str, tuple[int, int]]:
    """The files of the manifest that are still in out: (size, mtime_ns) by output path.

    Only the manifest's files are looked at: a file added to the output by hand stays
    until the next fresh build (made when the settings, the templates or sitegen change)."""
    found: dict[str, tuple[int, int]] = {}
    root = str(out)
    for name in manifest.files:
        try:
            stat = os.stat(f"{root}/{name}")
        except OSError:
            continue
        found[name] = (stat.st_size, stat.st_mtime_ns)
    return found


def has_links(out: Path, manifest: Manifest) -> bool:
    """Is any folder or file of the last build now a symbolic link? Then the output is
    made afresh, which replaces the links: sitegen never writes or deletes through one."""
    root = str(out)
    checked: set[str] = set()
    for name in manifest.files:
        if os.path.islink(f"{root}/{name}"):
            return True
        parent = name.rpartition("/")[0]
        while parent and parent not in checked:
            checked.add(parent)
            if os.path.islink(f"{root}/{parent}"):
                return True
            parent = parent.rpartition("/")[0]
    return False


def stale(
    plan: list[PlannedPage], manifest: Manifest, found: dict[str, tuple[int, int]]
) -> list[int]:
    """Indexes of the planned files that must be made again."""
    todo = []
    files = manifest.files
    for index, page in enumerate(plan):
        record = files.get(page.output)
        if (
            record is None
            or record.key != page.key
            or found.get(page.output) != (record.size, record.mtime_ns)
        ):
            todo.append(index)
    return todo

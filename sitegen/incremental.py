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
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sitegen.cache import FileRecord, Manifest
from sitegen.config import Config
from sitegen.keys import bytes_digest, code_version, digest
from sitegen.output import safe_relative, through_link
from sitegen.plan import PlannedPage

REBUILD_SHARE = 0.25  # above this share of stale files, a fresh build in staging is faster


def site_key(config: Config, globals_: dict[str, Any], theme_dirs: Iterable[Path]) -> bytes:
    """A digest of what every page shares: sitegen's code, the settings, the site-wide
    template data and the theme's templates and words. When it changes, every file is
    made again. (Static files have keys of their own; the style sheet's fingerprinted
    name is in the template data.)"""
    files = []
    for folder in theme_dirs:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            name = path.relative_to(folder).as_posix()
            if not name.startswith("static/"):
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


def _file_mode() -> int:
    """The mode a plain new file gets (mkstemp's files are private)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


class InPlace:
    """Writes files into the output folder one by one, each atomically, and removes the
    files no page makes any more; a file whose bytes are unchanged is left alone."""

    def __init__(self, out: Path):
        self.out = out
        self.changed = 0

    def write(self, relative: str, data: bytes) -> FileRecord:
        target = self.out / safe_relative(relative)
        link = through_link(self.out, target)
        if link is not None:  # (a page new since the last build, where a link stands)
            link.unlink()  # the link is replaced, never written through
        try:
            same = target.stat().st_size == len(data) and target.read_bytes() == data
        except OSError:
            same = False
        if not same:
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".sitegen-")
            try:
                with os.fdopen(handle, "wb") as file:
                    file.write(data)
                os.chmod(temporary, _file_mode())
                os.replace(temporary, target)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
            self.changed += 1
        stat = target.stat()
        return FileRecord(b"", stat.st_size, stat.st_mtime_ns)

    def remove(self, relatives: Iterable[str]) -> None:
        """Delete these files, and the folders they leave empty."""
        folders = set()
        for relative in relatives:
            target = self.out / safe_relative(relative)
            if through_link(self.out, target.parent):
                continue  # never deleted through a link (has_links makes such builds fresh)
            target.unlink(missing_ok=True)
            folders.add(target.parent)
            self.changed += 1
        for folder in sorted(folders, key=lambda f: len(f.parts), reverse=True):
            while folder != self.out and folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
                folder = folder.parent

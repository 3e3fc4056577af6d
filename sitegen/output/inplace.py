"""Updating the last output in place as one change: all of it, or none of it.

Every new file is first written beside its target under a temporary name. Only when
all of them are on disk are they renamed into place, the old files kept (hard links,
no space used) until the build has finished. A failure on the way (a full disk, a
read-only folder, Ctrl-C, a failed search index) undoes the change, so the output is
the last build's, byte for byte.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from sitegen.core.files import file_mode
from sitegen.output.records import FileRecord
from sitegen.output.staging import safe_relative, through_link

_PREFIX = ".sitegen-"  # temporary and kept files: hidden, and never a page's name


class InPlace:
    """Writes and removes files of the output folder: ``write`` and ``remove`` prepare,
    ``commit`` puts everything in place, then ``finish`` drops the old files or ``undo``
    puts them back. A file whose bytes are unchanged is left alone."""

    def __init__(self, out: Path):
        self.out = out
        self.changed = 0
        self._ready: list[tuple[Path, Path]] = []  # (temporary file, target)
        self._gone: list[Path] = []  # files to remove
        self._done: list[tuple[Path, Path | None]] = []  # (target, its old file or None)
        self._made: list[Path] = []  # folders this update created

    def write(self, relative: str, data: bytes) -> FileRecord:
        """Write a file under a temporary name next to its target; its record (size and
        mtime) is the one the file will have once in place."""
        target = self.out / safe_relative(relative)
        link = through_link(self.out, target)
        if link is not None:  # (a page new since the last build, where a link stands)
            link.unlink()  # the link is replaced, never written through
        try:
            same = target.stat().st_size == len(data) and target.read_bytes() == data
        except OSError:
            same = False
        if same:
            stat = target.stat()
            return FileRecord(b"", stat.st_size, stat.st_mtime_ns)
        try:
            self._make_folder(target.parent)
            handle, name = tempfile.mkstemp(dir=target.parent, prefix=_PREFIX)
            temporary = Path(name)
            self._ready.append((temporary, target))
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            os.chmod(temporary, file_mode())
        except OSError as exc:  # named after the page, not the temporary file
            raise OSError(exc.errno, exc.strerror, str(target)) from exc
        self.changed += 1
        stat = temporary.stat()
        return FileRecord(b"", stat.st_size, stat.st_mtime_ns)

    def _make_folder(self, folder: Path) -> None:
        missing = []
        while not folder.is_dir():
            missing.append(folder)
            folder = folder.parent
        for path in reversed(missing):
            path.mkdir()
            self._made.append(path)

    def remove(self, relatives: Iterable[str]) -> None:
        """Mark these files for removal (at ``commit``)."""
        for relative in relatives:
            target = self.out / safe_relative(relative)
            if through_link(self.out, target.parent):
                continue  # never deleted through a link (has_links makes such builds fresh)
            if target.exists() or target.is_symlink():
                self._gone.append(target)
                self.changed += 1

    def commit(self) -> None:
        """Put every written file in place and take the removed ones away, keeping the
        old files until ``finish``."""
        for temporary, target in self._ready:
            kept = None
            if target.exists() and not target.is_symlink():
                kept = temporary.with_name(temporary.name + ".old")
                try:
                    os.link(target, kept)  # the target is replaced at once, never missing
                except OSError:  # a file system without hard links
                    os.replace(target, kept)
            self._done.append((target, kept))
            os.replace(temporary, target)
        self._ready = []
        for target in self._gone:
            kept = target.with_name(f"{_PREFIX}{target.name}.gone")
            os.replace(target, kept)
            self._done.append((target, kept))

    def finish(self) -> None:
        """Delete the old files, and the folders that removals left empty."""
        for _target, kept in self._done:
            if kept is not None:
                kept.unlink(missing_ok=True)
        for folder in sorted({t.parent for t in self._gone}, key=lambda f: -len(f.parts)):
            while folder != self.out and folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
                folder = folder.parent
        self._done, self._gone = [], []

    def undo(self) -> None:
        """Put the output back as it was before this update (best effort: it runs while
        another error is on its way to the user)."""
        for temporary, _target in self._ready:
            temporary.unlink(missing_ok=True)
        for target, kept in reversed(self._done):
            try:
                if kept is None:
                    target.unlink(missing_ok=True)
                elif target.exists() and os.path.samefile(kept, target):
                    kept.unlink()  # never replaced (renaming a hard link onto its twin
                    # does nothing at all)
                else:
                    os.replace(kept, target)
            except OSError:
                continue
        for folder in reversed(self._made):
            try:
                folder.rmdir()
            except OSError:
                continue
        self._ready, self._done, self._gone, self._made = [], [], [], []

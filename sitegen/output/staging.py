"""Writing the output: into a staging folder, swapped in only when the build succeeded.

Files whose bytes did not change keep the mtime they had in the old output, so that
rsync and deploys move only what changed.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path, PurePosixPath


def safe_relative(path: str) -> PurePosixPath:
    """An output path that cannot leave the output folder, or ValueError."""
    pure = PurePosixPath(path)
    if not path or "\\" in path or pure.is_absolute() or ".." in pure.parts or "\x00" in path:
        raise ValueError(f"unsafe output path {path!r}")
    return pure


# sitegen's own folders next to the output, named so that no user's folder is taken
STAGING_SUFFIX = ".sitegen-staging"
OLD_SUFFIX = ".sitegen-old"


def through_link(root: Path, path: Path) -> Path | None:
    """The first folder between root and path (or path itself) that is a symbolic link:
    sitegen never writes or deletes through one."""
    current = root
    for part in path.relative_to(root).parts:
        current = current / part
        if current.is_symlink():
            return current
    return None


class Staging:
    """A fresh folder next to the output; ``commit`` swaps it in, leaving it removes it.

    A file whose bytes equal the old output's is hard-linked from it rather than written:
    it keeps its mtime (rsync and deploys skip it) and costs no write.
    """

    def __init__(self, out: Path):
        self.out = out
        self.path = out.parent / f".{out.name}{STAGING_SUFFIX}"
        self._old = out.parent / f".{out.name}{OLD_SUFFIX}"
        self._had_output = False
        self._made: set[Path] = set()
        self.changed = 0

    def __enter__(self) -> Staging:
        remove_leftovers(self.path, self._old)
        self.path.mkdir(parents=True)
        self._had_output = self.out.is_dir()
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self.path.exists():
            shutil.rmtree(self.path, ignore_errors=True)

    def _target(self, relative: str) -> tuple[Path, Path]:
        pure = safe_relative(relative)
        target = self.path / pure
        if target.parent not in self._made:
            target.parent.mkdir(parents=True, exist_ok=True)
            self._made.add(target.parent)
        return target, self.out / pure

    def _reuse(self, old: Path, target: Path, new: bytes | Path) -> bool:
        """Link the old file in when its bytes are the new ones (never a link's target)."""
        if not self._had_output or through_link(self.out, old):
            return False
        try:
            size = old.stat().st_size
            same = size == (len(new) if isinstance(new, bytes) else new.stat().st_size)
            if same:
                data = new if isinstance(new, bytes) else new.read_bytes()
                same = old.read_bytes() == data
            if same:
                os.link(old, target)
        except OSError:
            return False
        return same

    def write(self, relative: str, data: bytes) -> tuple[int, int, bool]:
        """Write (or link) a file; return its size, its mtime in nanoseconds and whether
        it changed. Safe to call from several processes at once; they count changes."""
        target, old = self._target(relative)
        changed = not self._reuse(old, target, data)
        if changed:
            try:
                target.write_bytes(data)
            except OSError as exc:  # named after the page, not the staging folder
                raise OSError(exc.errno, exc.strerror, str(old)) from exc
        stat = target.stat()
        return stat.st_size, stat.st_mtime_ns, changed

    def copy(self, relative: str, source: Path) -> tuple[int, int, bool]:
        target, old = self._target(relative)
        changed = not self._reuse(old, target, source)
        if changed:
            shutil.copyfile(source, target)
        stat = target.stat()
        return stat.st_size, stat.st_mtime_ns, changed

    def count(self, changed: bool) -> None:
        self.changed += changed

    def keep(self, folder: str) -> bool:
        """Carry a folder of the old output over as it is (hard links); False if none."""
        old = self.out / safe_relative(folder)
        if not (self._had_output and old.is_dir()):
            return False
        if through_link(self.out, old):
            return False
        shutil.copytree(
            old, self.path / safe_relative(folder), copy_function=os.link, ignore=_links
        )
        return True

    def commit(self) -> int:
        """Swap the staging folder in as the output; return the number of changed files
        (-1 when there was no output before)."""
        replace_folder(self.path, self.out, self._old)
        return self.changed if self._had_output else -1


def _links(folder: str, names: list[str]) -> list[str]:
    """copytree's ignore: the symbolic links of a folder (never followed nor copied)."""
    return [name for name in names if os.path.islink(os.path.join(folder, name))]


def remove_leftovers(*folders: Path) -> None:
    """Remove sitegen's own folders that a stopped build left behind."""
    for folder in folders:
        if folder.exists():
            shutil.rmtree(folder)


def replace_folder(new: Path, target: Path, old: Path) -> None:
    """Put folder new in target's place: two renames, then the old one is deleted."""
    if target.exists():
        os.replace(target, old)
    os.replace(new, target)
    if old.exists():
        shutil.rmtree(old)

"""Writing the output: into a staging folder, swapped in only when the build succeeded.

Files whose bytes did not change keep the mtime they had in the old output, so that
rsync and deploys move only what changed.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import IO

from sitegen.core.errors import UsageError


def safe_relative(path: str) -> PurePosixPath:
    """An output path that cannot leave the output folder, or ValueError."""
    pure = PurePosixPath(path)
    if not path or "\\" in path or pure.is_absolute() or ".." in pure.parts or "\x00" in path:
        raise ValueError(f"unsafe output path {path!r}")
    return pure


# Folders of the sources: an output inside one of them would replace them.
_SOURCES = ("seeds", "content", "themes", ".sitegen-cache", ".git")
# sitegen's own folders next to the output, named so that no user's folder is taken
STAGING_SUFFIX = ".sitegen-staging"
OLD_SUFFIX = ".sitegen-old"
LOCK_SUFFIX = ".sitegen-lock"
# Every page of the default theme says who made it; an output whose home page says so
# is sitegen's own, even when the build cache that remembers it is gone.
GENERATOR = b'<meta name="generator" content="sitegen">'


def check_site_dir(site: Path) -> None:
    """Refuse a site folder that is not one (a typo would build an empty site over a
    real output)."""
    if not site.is_dir():
        raise UsageError(f"--site {site} is not a folder: give the folder that holds seeds/")
    if not any((site / name).exists() for name in ("seeds", "content", "sitegen.toml")):
        raise UsageError(
            f"no seeds/ or content/ in {site}: give the site folder with --site "
            "(or create seeds/ for raw articles, content/ for Markdown)"
        )


def check_output_dir(out: Path, site: Path) -> None:
    """Refuse an output folder whose replacement would destroy the sources, or that is
    not a folder at all."""
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        kind = "a link" if out.is_symlink() else "a file"
        raise UsageError(f"--out {out} is {kind}, not a folder: name a folder for the site")
    out_r, site_r = out.resolve(), site.resolve()
    if out_r == site_r or out_r in site_r.parents:
        raise UsageError(
            f"--out {out} would replace the site folder {site}: choose e.g. {site / 'dist'}"
        )
    for name in _SOURCES:
        source = site_r / name
        if out_r == source or source in out_r.parents:
            raise UsageError(
                f"--out {out} is inside the sources ({site / name}), which the build would "
                f"replace: choose a folder of its own, e.g. {site / 'dist'}"
            )
    for name in ("seeds", "content", "themes", "sitegen.toml", "pyproject.toml"):
        if (out_r / name).exists():
            raise UsageError(
                f"--out {out} holds {name}: it looks like a source folder, not an output folder"
            )


def check_owned(out: Path, remembered: bool, force: bool) -> None:
    """Refuse to replace a folder that holds files sitegen did not make: it writes into an
    empty folder, or one it made before (the build cache remembers it, or its home page
    names sitegen as its generator), unless forced."""
    if force or remembered or not out.is_dir():
        return
    try:
        if not any(out.iterdir()) or _made_by_sitegen(out):
            return
    except OSError as exc:
        raise UsageError(f"--out {out} cannot be read ({exc.strerror})") from None
    raise UsageError(
        f"--out {out} is not empty and sitegen did not make it; building would replace "
        "everything in it. Choose an empty or new folder, or add --force if you mean to "
        "replace it"
    )


def _made_by_sitegen(out: Path) -> bool:
    """Does the home page (or, in outputs of older versions, the feed) name sitegen as
    its generator?"""
    for name, mark in (("index.html", GENERATOR), ("feed.xml", b"<generator>sitegen<")):
        try:
            with (out / name).open("rb") as file:
                if mark in file.read(4096):
                    return True
        except OSError:
            continue
    return False


@contextmanager
def output_lock(out: Path, wait: float) -> Iterator[None]:
    """One build at a time into one output folder: a lock file next to it (outside what
    is published), held while the build runs and removed after. A second build waits up
    to `wait` seconds, then gives up naming the process that holds it."""
    path = out.parent / f".{out.name}{LOCK_SUFFIX}"
    out.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait
    while True:
        handle = path.open("a+")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            handle.close()
            if time.monotonic() >= deadline:
                raise UsageError(
                    f"another sitegen build ({holder}) is writing {out}; waited {wait:g} s. "
                    "Let it finish (or stop it) and build again"
                ) from None
            time.sleep(0.1)
            continue
        if _same_file(handle, path):
            break
        handle.close()  # the holder removed the file as we opened it: take the new one
    try:
        handle.seek(0)
        handle.truncate()
        handle.write(f"process {os.getpid()}")
        handle.flush()
        yield
    finally:
        path.unlink(missing_ok=True)
        handle.close()


def _same_file(handle: IO[str], path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(handle.fileno()), os.stat(path))
    except OSError:
        return False


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
        for leftover in (self.path, self._old):
            if leftover.exists():
                shutil.rmtree(leftover)
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


def replace_folder(new: Path, target: Path, old: Path) -> None:
    """Put folder new in target's place: two renames, then the old one is deleted."""
    if target.exists():
        os.replace(target, old)
    os.replace(new, target)
    if old.exists():
        shutil.rmtree(old)

"""Which folders a build may use: a real site folder, an output that is not the sources
and that sitegen made (or an empty one), and one build at a time into it."""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from sitegen.core.errors import UsageError

# Folders of the sources: an output inside one of them would replace them.
_SOURCES = ("seeds", "content", "themes", ".sitegen-cache", ".git")


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

"""Writing the output: into a staging folder, swapped in only when the build succeeded.

Files whose bytes did not change keep the mtime they had in the old output, so that
rsync and deploys move only what changed.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path, PurePosixPath

from sitegen.errors import UsageError


def safe_relative(path: str) -> PurePosixPath:
    """An output path that cannot leave the output folder, or ValueError."""
    pure = PurePosixPath(path)
    if not path or "\\" in path or pure.is_absolute() or ".." in pure.parts or "\x00" in path:
        raise ValueError(f"unsafe output path {path!r}")
    return pure


def check_output_dir(out: Path, site: Path) -> None:
    """Refuse an output folder whose replacement would destroy the sources."""
    out_r, site_r = out.resolve(), site.resolve()
    if out_r == site_r or out_r in site_r.parents:
        raise UsageError(
            f"--out {out} would replace the site folder {site}: choose e.g. {site / 'dist'}"
        )
    for name in ("seeds", "content", "themes", "sitegen.toml", "pyproject.toml"):
        if (out_r / name).exists():
            raise UsageError(
                f"--out {out} holds {name}: it looks like a source folder, not an output folder"
            )


class Staging:
    """A fresh folder next to the output; ``commit`` swaps it in, leaving it removes it."""

    def __init__(self, out: Path):
        self.out = out
        self.path = out.parent / f".{out.name}.staging"
        self._old = out.parent / f".{out.name}.old"

    def __enter__(self) -> Staging:
        for leftover in (self.path, self._old):
            if leftover.exists():
                shutil.rmtree(leftover)
        self.path.mkdir(parents=True)
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self.path.exists():
            shutil.rmtree(self.path, ignore_errors=True)

    def write(self, relative: str, data: bytes) -> None:
        target = self.path / safe_relative(relative)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)

    def copy(self, relative: str, source: Path) -> None:
        target = self.path / safe_relative(relative)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)

    def _keep_unchanged_mtimes(self) -> int:
        """Give files identical to the old output the old mtime; return how many changed."""
        changed = 0
        for root, _dirs, files in os.walk(self.path):
            for name in files:
                new = Path(root) / name
                old = self.out / new.relative_to(self.path)
                try:
                    old_stat = old.stat()
                    same = (
                        old_stat.st_size == new.stat().st_size
                        and old.read_bytes() == new.read_bytes()
                    )
                except OSError:
                    same = False
                if same:
                    os.utime(new, ns=(old_stat.st_atime_ns, old_stat.st_mtime_ns))
                else:
                    changed += 1
        return changed

    def commit(self) -> int:
        """Swap the staging folder in as the output; return the number of changed files."""
        changed = self._keep_unchanged_mtimes() if self.out.is_dir() else -1
        if self.out.exists():
            os.replace(self.out, self._old)
        os.replace(self.path, self.out)
        if self._old.exists():
            shutil.rmtree(self._old)
        return changed

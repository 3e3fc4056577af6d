"""The theme's static files, and the fingerprinted name of its style sheet."""

from __future__ import annotations

import hashlib
from pathlib import Path

from sitegen.core.urls import Urls

FINGERPRINTED = frozenset({"style.css"})  # cached forever, so the name changes with the bytes


def static_files(folders: list[Path]) -> dict[str, Path]:
    """Static files by output path; a later folder (the site's) overrides an earlier one."""
    found: dict[str, Path] = {}
    for folder in folders:
        if folder.is_dir():
            for path in sorted(p for p in folder.rglob("*") if p.is_file()):
                found[path.relative_to(folder).as_posix()] = path
    files: dict[str, Path] = {}
    for name, path in found.items():
        if name in FINGERPRINTED:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()[:10]
            stem, _, suffix = name.rpartition(".")
            name = f"{stem}.{digest}.{suffix}"
        files[Urls.static(name)] = path
    return files


def stylesheet(files: dict[str, Path]) -> str:
    """The output path of the theme's fingerprinted style sheet."""
    return next(
        (out for out in files if out.startswith("static/style.") and out.endswith(".css")), ""
    )

"""The Pagefind search index, built by the Pagefind CLI over the written pages.

The index is made again only when what it indexes changed: a fingerprint of the
indexed pages (and of Pagefind's version) is kept inside the bundle folder, and an
unchanged index is carried over from the previous output as it was.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from collections.abc import Mapping
from importlib.metadata import version
from pathlib import Path

from pagefind_bin import get_executable

from sitegen.core.errors import content_error
from sitegen.output.records import FileRecord

BUNDLE_DIR = "pagefind"
FINGERPRINT = ".sitegen-fingerprint"


def fingerprint(files: Mapping[str, FileRecord]) -> str:
    """A digest of the pages Pagefind reads (output path and sha256 of each page the
    records mark as indexed) and of Pagefind's version."""
    digest = hashlib.sha256(f"pagefind {version('pagefind_bin')}\n".encode())
    for path, record in sorted(files.items()):
        if record.indexed:
            digest.update(path.encode() + b"\0" + record.indexed)
    return digest.hexdigest()


def reuse_index(previous: Path, staging: Path, pages_print: str) -> bool:
    """Copy the previous output's index into staging if it was made from the same pages."""
    old = previous / BUNDLE_DIR
    same = is_current(old, pages_print)
    if same:
        shutil.copytree(old, staging / BUNDLE_DIR)
    return same


def is_current(bundle: Path, pages_print: str) -> bool:
    """The index in bundle was made from the pages with this fingerprint."""
    try:
        return (bundle / FINGERPRINT).read_text(encoding="utf-8").strip() == pages_print
    except OSError:
        return False


def build_index(folder: Path, pages_print: str, bundle: Path | None = None) -> None:
    """Index every page with data-pagefind-body under folder into bundle (by default
    folder/pagefind/)."""
    bundle = bundle or folder / BUNDLE_DIR
    command = [str(get_executable()), "--site", str(folder), "--output-path", str(bundle)]
    result = subprocess.run([*command, "--silent"], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        reason = detail[-1] if detail else f"exit code {result.returncode}"
        hint = "run again with --no-search to build without search"
        raise content_error("pagefind", f"the search index failed: {reason}", hint=hint)
    (bundle / FINGERPRINT).write_text(pages_print + "\n", encoding="utf-8")

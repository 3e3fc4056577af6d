"""The Pagefind search index, built by the Pagefind CLI over the written pages."""

from __future__ import annotations

import subprocess
from pathlib import Path

from pagefind_bin import get_executable

from sitegen.errors import content_error

BUNDLE_DIR = "pagefind"


def build_index(folder: Path) -> None:
    """Index every page with data-pagefind-body under folder into folder/pagefind/."""
    command = [
        str(get_executable()),
        "--site",
        str(folder),
        "--output-subdir",
        BUNDLE_DIR,
        "--silent",
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        reason = detail[-1] if detail else f"exit code {result.returncode}"
        hint = "run again with --no-search to build without search"
        raise content_error("pagefind", f"the search index failed: {reason}", hint=hint)

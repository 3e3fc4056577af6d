"""The record of a file a build wrote: what it was made from, and its size and mtime
to spot edits."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class FileRecord:
    """One file of the last output: its key, and its size and mtime to spot edits."""

    key: bytes
    size: int
    mtime_ns: int
    indexed: bytes | None = None  # digest of the page, when Pagefind indexes it

"""Fingerprints of what an output file or a derived value is made from.

A key is a short digest of plain values (strings, numbers, tuples, bytes). Equal keys
mean equal inputs, so the incremental build may keep the file made from them last time.
"""

from __future__ import annotations

import hashlib
import pickle
import sys
from functools import lru_cache
from importlib import metadata, resources
from typing import Any

import sitegen

KEY_SIZE = 16


def digest(*parts: Any) -> bytes:
    """A stable digest of plain values (pickle protocol 4 is deterministic for them)."""
    return hashlib.blake2b(pickle.dumps(parts, protocol=4), digest_size=KEY_SIZE).digest()


def bytes_digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=KEY_SIZE).digest()


@lru_cache(maxsize=1)
def code_version() -> str:
    """sitegen's version, Python's, the versions of the word data that tagging reads
    (wordfreq, Babel), and a digest of the files of the sitegen package (its code; in an
    installed wheel, the default theme too): any change makes every cached value stale,
    also between releases. (Theme files are in the site key too.)"""
    hasher = hashlib.blake2b(digest_size=KEY_SIZE)
    data = " ".join(metadata.version(name) for name in ("wordfreq", "babel"))
    hasher.update(f"{sitegen.__version__} {sys.version} {data}".encode())
    root = resources.files("sitegen")
    stack = [root]
    files = []
    while stack:
        for entry in stack.pop().iterdir():
            if entry.is_dir():
                if entry.name != "__pycache__":
                    stack.append(entry)
            elif not entry.name.endswith(".pyc"):
                files.append(entry)
    base = str(root)
    for entry in sorted(files, key=str):
        hasher.update(str(entry)[len(base) :].encode() + b"\0" + entry.read_bytes())
    return f"{sitegen.__version__}+{hasher.hexdigest()}"

"""Jinja2's compiled templates, kept (sealed) in a folder of the build cache."""

from __future__ import annotations

import io
from pathlib import Path

import jinja2

from sitegen.core.files import write_atomic
from sitegen.incremental.sealing import seal, unseal


class CompiledTemplates(jinja2.BytecodeCache):
    """Jinja2's compiled templates, kept in a folder of the build cache. New ones are
    held in memory and written by save(), so a failed build writes nothing."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._new: dict[str, bytes] = {}

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}.cache"

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            data = unseal(self._path(bucket.key).read_bytes())
        except OSError:  # missing: compiled again
            return
        if data is not None:  # compiled code runs: only what sitegen wrote here is loaded
            bucket.load_bytecode(io.BytesIO(data))  # (Jinja2 itself resets a damaged one)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._new[bucket.key] = bucket.bytecode_to_string()

    def save(self) -> None:
        if self._new:
            self.folder.mkdir(parents=True, exist_ok=True)
        for key, data in self._new.items():
            write_atomic(self._path(key), seal(data))
        self._new = {}

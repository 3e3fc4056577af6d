"""The build cache: what earlier builds read, derived and wrote, kept in the site folder.

It holds the parsed sources (by path, checked by size, mtime and content digest),
values derived from the whole collection (by a key of their inputs), and the manifest
of the last output. Everything is versioned by sitegen's code and the settings; a
cache that cannot be read, or was written by another version or other settings, is
ignored and rebuilt, never trusted. It only ever saves time: a build without it
makes the same bytes.
"""

from __future__ import annotations

import os
import pickle
import tempfile
import zlib
from dataclasses import dataclass, field, fields
from functools import cache
from pathlib import Path
from typing import Any

from sitegen.keys import bytes_digest, code_version

CACHE_DIR = ".sitegen-cache"
FORMAT = 1
SHARDS = 32  # sources are saved in shards, so that one edit rewrites one small file
_DERIVED = "derived.pickle"
_MANIFEST = "manifest.pickle"
_BULKY = "bulky.pickle"  # big derived values, loaded only when one is looked up
_BULKY_LOG = "bulky.log"  # values added since, appended without loading the rest
BULKY_KINDS = frozenset({"mentions"})


@cache
def _names(kind: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(kind))


def _flat(value: Any) -> tuple:
    """A dataclass as (class, field values): pickle loads tuples twice as fast."""
    return (type(value), *map(value.__dict__.__getitem__, _names(type(value))))


def _unflat(flat: tuple) -> Any:
    return flat[0](*flat[1:])


def _shard(where: str) -> int:
    return zlib.crc32(where.encode()) % SHARDS


def _shard_file(number: int) -> str:
    return f"sources-{number:02d}.pickle"


@dataclass
class SourceEntry:
    size: int
    mtime_ns: int
    digest: bytes
    value: Any  # what the reader made of the file


@dataclass
class FileRecord:
    """One file of the last output: its key, and its size and mtime to spot edits."""

    key: bytes
    size: int
    mtime_ns: int
    indexed: bytes | None = None  # digest of the page, when Pagefind indexes it


@dataclass
class Manifest:
    """What the last build wrote into `out`, and under which site-wide key."""

    out: str
    site_key: bytes
    files: dict[str, FileRecord] = field(default_factory=dict)


class BuildCache:
    """Load once, look up and record during the build, save after a successful build."""

    def __init__(self, folder: Path | None, settings: bytes):
        self.folder = folder
        self.stamp = (FORMAT, code_version(), settings)
        self.sources: dict[str, SourceEntry] = {}
        self.derived: dict[tuple[str, bytes], Any] = {}  # (kind, key of inputs) -> value
        self.manifest: Manifest | None = None
        self._used_sources: set[str] = set()
        self._used_derived: set[tuple[str, bytes]] = set()
        self._bulky: dict[tuple[str, bytes], Any] | None = None  # None: not loaded yet
        self._bulky_new: dict[tuple[str, bytes], Any] = {}
        self._used_bulky: set[tuple[str, bytes]] = set()
        self._looked_up = False  # this build looked big values up (so used all it needs)
        self._dirty = set(range(SHARDS))  # shards to save
        self._derived_changed = True
        if folder is not None:
            for number in range(SHARDS):
                shard = self._load(_shard_file(number))
                if shard is not None:
                    self._dirty.discard(number)
                    for where, (size, mtime, found, value) in shard.items():
                        self.sources[where] = SourceEntry(size, mtime, found, _unflat(value))
            derived = self._load(_DERIVED)
            if derived is not None:
                self.derived, self._derived_changed = derived, False
            self.manifest = self._load(_MANIFEST)

    def _load(self, name: str) -> Any:
        assert self.folder is not None
        try:
            with open(self.folder / name, "rb") as handle:
                stamp, payload = pickle.load(handle)
        except Exception:  # noqa: BLE001 - missing, truncated or foreign: start afresh
            return None
        return payload if stamp == self.stamp else None

    def read(self, path: str, where: str) -> tuple[bytes | None, SourceEntry | None, bytes]:
        """(raw bytes or None, cached entry or None, content digest) of a source file.

        Bytes are None when the cached entry still holds; the entry is None when the
        file must be parsed again."""
        self._used_sources.add(where)
        stat = os.stat(path)
        entry = self.sources.get(where)
        if entry and (entry.size, entry.mtime_ns) == (stat.st_size, stat.st_mtime_ns):
            return None, entry, entry.digest
        with open(path, "rb") as file:
            raw = file.read()
        digest = bytes_digest(raw)
        self._dirty.add(_shard(where))
        if entry and entry.digest == digest:  # touched, not changed
            entry.size, entry.mtime_ns = stat.st_size, stat.st_mtime_ns
            return None, entry, digest
        return raw, None, digest

    def keep(self, path: str, where: str, digest: bytes, value: Any) -> None:
        """Remember a source file that was read without problems."""
        stat = os.stat(path)
        self.sources[where] = SourceEntry(stat.st_size, stat.st_mtime_ns, digest, value)
        self._dirty.add(_shard(where))

    def derive(self, kind: str, key: bytes, make: Any) -> Any:
        """The value made from inputs with this key: cached, or made now by make()."""
        if kind in BULKY_KINDS:
            return self._derive_bulky((kind, key), make)
        self._used_derived.add((kind, key))
        if (kind, key) not in self.derived:
            self.derived[(kind, key)] = make()
            self._derived_changed = True
        return self.derived[(kind, key)]

    def _derive_bulky(self, name: tuple[str, bytes], make: Any) -> Any:
        self._used_bulky.add(name)
        self._looked_up = True
        if name in self._bulky_new:
            return self._bulky_new[name]
        if self._bulky is None:
            self._bulky = self._load_bulky() | self._bulky_new
        if name not in self._bulky:
            self._bulky_new[name] = self._bulky[name] = make()
        return self._bulky[name]

    def add_bulky(self, kind: str, key: bytes, value: Any) -> None:
        """Remember a big derived value without loading the others."""
        self._used_bulky.add((kind, key))
        self._bulky_new[(kind, key)] = value
        if self._bulky is not None:
            self._bulky[(kind, key)] = value

    def _load_bulky(self) -> dict[tuple[str, bytes], Any]:
        if self.folder is None:
            return {}
        found = self._load(_BULKY) or {}
        try:
            with open(self.folder / _BULKY_LOG, "rb") as log:
                while True:
                    stamp, name, value = pickle.load(log)
                    if stamp == self.stamp:
                        found[name] = value
        except Exception:  # noqa: BLE001 - the end of the log, or a torn last record
            pass
        return found

    def drop_manifest(self) -> None:
        """Forget the output's manifest before changing the output in place: if the
        build stops half-way, the next one does not trust a half-written folder."""
        self.manifest = None
        if self.folder is not None:
            (self.folder / _MANIFEST).unlink(missing_ok=True)

    def save(self, manifest: Manifest | None) -> None:
        """Write what this build used (nothing else), each file atomically."""
        self.manifest = manifest
        for where in set(self.sources) - self._used_sources:
            del self.sources[where]
            self._dirty.add(_shard(where))
        if set(self.derived) != self._used_derived:
            self.derived = {k: v for k, v in self.derived.items() if k in self._used_derived}
            self._derived_changed = True
        self._used_sources, self._used_derived = set(), set()
        if self.folder is None:
            return
        self.folder.mkdir(exist_ok=True)
        ignore = self.folder / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# made by sitegen: the build cache is never committed\n*\n")
        shards: dict[int, dict[str, tuple]] = {number: {} for number in self._dirty}
        for where, e in self.sources.items():
            shard = shards.get(_shard(where))
            if shard is not None:
                shard[where] = (e.size, e.mtime_ns, e.digest, _flat(e.value))
        for number, shard in sorted(shards.items()):
            self._dump(_shard_file(number), shard)
        self._dirty = set()
        if self._derived_changed:
            self._dump(_DERIVED, self.derived)
            self._derived_changed = False
        self._save_bulky()
        if manifest is not None:
            self._dump(_MANIFEST, manifest)

    def _save_bulky(self) -> None:
        """Rewrite the big values when this build looked them all up (then the unused
        ones are dropped) or made many; else append the new ones to the log."""
        assert self.folder is not None
        rewrite = False
        if self._bulky is None and len(self._bulky_new) > 100:  # one file beats a long log
            self._bulky = self._load_bulky() | self._bulky_new
            rewrite = True
        elif self._looked_up and self._bulky is not None:
            rewrite = bool(self._bulky_new) or set(self._bulky) != self._used_bulky
            self._bulky = {k: v for k, v in self._bulky.items() if k in self._used_bulky}
        if rewrite:
            self._dump(_BULKY, self._bulky)
            (self.folder / _BULKY_LOG).unlink(missing_ok=True)
        elif self._bulky_new:
            with open(self.folder / _BULKY_LOG, "ab") as log:
                for name, value in self._bulky_new.items():
                    pickle.dump((self.stamp, name, value), log, protocol=pickle.HIGHEST_PROTOCOL)
        self._bulky_new, self._used_bulky, self._looked_up = {}, set(), False

    def _dump(self, name: str, payload: Any) -> None:
        assert self.folder is not None
        handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=f".{name}.")
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump((self.stamp, payload), out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self.folder / name)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

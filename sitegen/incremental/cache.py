"""The build cache: what earlier builds read, derived and wrote, kept in the site folder.

It holds the parsed sources (by path, checked by size, mtime and content digest),
values derived from the whole collection (by a key of their inputs), and the manifest
of the last output. Everything is versioned by sitegen's code and the settings; a
cache that cannot be read, or was written by another version or other settings, is
ignored and rebuilt, never trusted. It only ever saves time: a build without it
makes the same bytes.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import time
import zlib
from dataclasses import dataclass, field, fields
from functools import cache
from pathlib import Path
from typing import Any

from sitegen.core.errors import Problems
from sitegen.core.files import write_atomic
from sitegen.core.keys import bytes_digest, code_version
from sitegen.incremental.sealing import KEY_VARIABLE, seal, unseal
from sitegen.output.records import FileRecord

CACHE_DIR = ".sitegen-cache"
FORMAT = 2
SHARDS = 32  # sources are saved in shards, so that one edit rewrites one small file
_DERIVED = "derived.pickle"
_MANIFEST = "manifest.pickle"
_DROPPED = ".manifest.pickle.dropped"  # set aside while the output changes in place
# states of whole-collection steps (automatic tags, related articles), kept to update
# them after an edit; each is loaded only when its step has to run
_STATES = ("tags", "related")


@cache
def _names(kind: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(kind))


def _as_tuple(value: Any) -> tuple:
    """A dataclass as (class, field values): pickle loads tuples twice as fast."""
    return (type(value), *map(value.__dict__.__getitem__, _names(type(value))))


def _from_tuple(flat: tuple) -> Any:
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
    checked_ns: int = 0  # when size and mtime were taken


# A file changed this close to when it was checked may change again within the same
# mtime tick and keep its size (as git's "racy clean" files): such files are hashed
# again rather than trusted on size and mtime.
RACY_NS = 2_000_000_000


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
        self.settings = settings  # a digest of the settings that change what is read
        self.stamp = (FORMAT, code_version(), settings)  # every file carries it
        self.sources: dict[str, SourceEntry] = {}
        self.derived: dict[tuple[str, bytes], Any] = {}  # (kind, key of inputs) -> value
        self.manifest: Manifest | None = None
        self._dropped: Manifest | None = None
        self.ignored: list[str] = []  # files whose seal is not this machine's (unread)
        self._used_sources: set[str] = set()
        self._used_derived: set[tuple[str, bytes]] = set()
        self.fresh_mentions: dict[bytes, Any] = {}  # names found this build, by digest
        self._states: dict[str, Any] = {}  # loaded on first use
        self._states_changed: set[str] = set()
        self._dirty = set(range(SHARDS))  # shards to save
        self._derived_changed = True
        if folder is not None:
            for number in range(SHARDS):
                shard = self._load(_shard_file(number))
                if shard is not None:
                    self._dirty.discard(number)
                    for where, (size, mtime, found, value, checked) in shard.items():
                        entry = SourceEntry(size, mtime, found, _from_tuple(value), checked)
                        self.sources[where] = entry
            derived = self._load(_DERIVED)
            if derived is not None:
                self.derived, self._derived_changed = derived, False
            self.manifest = self._load(_MANIFEST)

    def _load(self, name: str) -> Any:
        assert self.folder is not None
        try:
            sealed = (self.folder / name).read_bytes()
        except OSError:  # missing: start afresh
            return None
        data = unseal(sealed)
        if data is None:  # not written here: never unpickled, since that could run code
            self.ignored.append(name)
            return None
        try:
            stamp, payload = pickle.loads(data)
        except Exception:  # noqa: BLE001 - truncated or of another version: start afresh
            return None
        return payload if stamp == self.stamp else None

    def report_ignored(self, problems: Problems) -> None:
        """Warn of the cache files that were not loaded because their seal is not ours."""
        assert not self.ignored or self.folder is not None
        for name in self.ignored:
            problems.add(
                str(self.folder / name),
                "ignored: this build cache file has no seal of this machine (an older "
                "sitegen, another machine or someone else wrote it), and loading it could "
                "run code",
                None,
                f"delete {CACHE_DIR}/ if you did not put it there; to share a cache between "
                f"machines, set {KEY_VARIABLE} to the same secret on each",
                True,
            )
        self.ignored = []

    def read(
        self, path: str, where: str, stat: os.stat_result, limit: int = -1
    ) -> tuple[bytes | None, SourceEntry | None, bytes]:
        """(raw bytes or None, cached entry or None, content digest) of a source file,
        given its stat (the caller's, already taken).

        Bytes are None when the cached entry still holds; the entry is None when the
        file must be parsed again."""
        self._used_sources.add(where)
        entry = self.sources.get(where)
        if (
            entry
            and (entry.size, entry.mtime_ns) == (stat.st_size, stat.st_mtime_ns)
            and entry.checked_ns - stat.st_mtime_ns > RACY_NS
        ):
            return None, entry, entry.digest
        with open(path, "rb") as file:
            raw = file.read(limit)  # at most limit bytes (-1: all)
        digest = bytes_digest(raw)
        self._dirty.add(_shard(where))
        if entry and entry.digest == digest:  # touched (or racy), not changed
            entry.size, entry.mtime_ns = stat.st_size, stat.st_mtime_ns
            entry.checked_ns = time.time_ns()
            return None, entry, digest
        return raw, None, digest

    def keep(self, path: str, where: str, digest: bytes, value: Any) -> None:
        """Remember a source file that was read without problems."""
        stat = os.stat(path)
        entry = SourceEntry(stat.st_size, stat.st_mtime_ns, digest, value, time.time_ns())
        self.sources[where] = entry
        self._dirty.add(_shard(where))

    def knows(self, kind: str, key: bytes) -> bool:
        """Whether derive(kind, key, …) would find its value without making it."""
        return (kind, key) in self.derived

    def derive(self, kind: str, key: bytes, make: Any) -> Any:
        """The value made from inputs with this key: cached, or made now by make()."""
        self._used_derived.add((kind, key))
        if (kind, key) not in self.derived:
            self.derived[(kind, key)] = make()
            self._derived_changed = True
        return self.derived[(kind, key)]

    def state(self, name: str) -> Any:
        """The state a whole-collection step (one of _STATES) left last time, or None."""
        assert name in _STATES
        if name not in self._states:
            folder = self.folder
            self._states[name] = self._load(f"{name}.pickle") if folder is not None else None
        return self._states[name]

    def keep_state(self, name: str, state: Any) -> None:
        self._states[name] = state
        self._states_changed.add(name)

    def drop_manifest(self) -> None:
        """Forget the output's manifest before changing the output in place: if the
        build stops half-way, the next one does not trust a half-written folder. It is
        set aside, not deleted, so that an undone change can take it back."""
        self._dropped = self.manifest
        self.manifest = None
        if self.folder is not None:
            with contextlib.suppress(FileNotFoundError):
                os.replace(self.folder / _MANIFEST, self.folder / _DROPPED)

    def restore_manifest(self) -> None:
        """Take back the manifest set aside: the change of the output was undone."""
        if self._dropped is None:
            return  # (not set aside)
        self.manifest, self._dropped = self._dropped, None
        if self.folder is not None:
            try:
                os.replace(self.folder / _DROPPED, self.folder / _MANIFEST)
            except OSError:
                self.manifest = None

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
        self._remove_unknown()
        shards: dict[int, dict[str, tuple]] = {number: {} for number in self._dirty}
        for where, e in self.sources.items():
            shard = shards.get(_shard(where))
            if shard is not None:
                shard[where] = (e.size, e.mtime_ns, e.digest, _as_tuple(e.value), e.checked_ns)
        for number, shard in sorted(shards.items()):
            self._dump(_shard_file(number), shard)
        self._dirty = set()
        if self._derived_changed:
            self._dump(_DERIVED, self.derived)
            self._derived_changed = False
        for name in sorted(self._states_changed):
            self._dump(f"{name}.pickle", self._states[name])
        self._states_changed = set()
        self.fresh_mentions = {}
        if manifest is not None:
            self._dump(_MANIFEST, manifest)

    def _remove_unknown(self) -> None:
        """Files of other cache versions, and temporary files of a stopped save."""
        assert self.folder is not None
        known = {".gitignore", _DERIVED, _MANIFEST, *(f"{n}.pickle" for n in _STATES)}
        known |= {_shard_file(number) for number in range(SHARDS)}
        for path in self.folder.iterdir():
            if path.is_file() and path.name not in known:
                path.unlink(missing_ok=True)

    def _dump(self, name: str, payload: Any) -> None:
        assert self.folder is not None
        data = pickle.dumps((self.stamp, payload), pickle.HIGHEST_PROTOCOL)
        write_atomic(self.folder / name, seal(data))

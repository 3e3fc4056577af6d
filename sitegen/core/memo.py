"""What the early stages may ask of the build cache. They receive it and never import it
(incremental.cache implements it): sources read a file again only when it changed, and
tagging and the site model reuse what they derived from unchanged inputs."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, Protocol


class Remembered(Protocol):
    """A source file as the last build read it."""

    value: Any  # what its reader made of it


class Memo(Protocol):
    fresh_mentions: dict[bytes, Any]  # names found in this build, by article digest

    def read(
        self, path: str, where: str, stat: os.stat_result, limit: int = -1
    ) -> tuple[bytes | None, Remembered | None, bytes]:
        """(raw bytes or None, remembered entry or None, content digest) of a file."""
        ...

    def keep(self, path: str, where: str, digest: bytes, value: Any) -> None:
        """Remember a source file that was read without problems."""
        ...

    def knows(self, kind: str, key: bytes) -> bool:
        """Whether a value of this kind and key is remembered (derive would not make it)."""
        ...

    def derive(self, kind: str, key: bytes, make: Callable[[], Any]) -> Any:
        """The value made from inputs with this key: remembered, or made now."""
        ...

    def state(self, name: str) -> Any:
        """The state a whole-collection step left last time, or None."""
        ...

    def keep_state(self, name: str, state: Any) -> None: ...

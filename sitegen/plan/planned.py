"""One entry of the page plan: an output file, how to make it, and what it is made from."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from sitegen.core.urls import Urls


@dataclass(frozen=True)
class PlannedPage:
    """One output file: rendered from a template with plain data, or copied from a file.

    The data is given as `context`, or made on demand by `make` (in the process that
    renders the page, and only if it must be rendered). `key` is a digest of everything
    the file is made from, besides what the whole site shares: a page whose key did not
    change since the last build need not be made again.
    """

    path: str  # URL path relative to the site root
    template: str | None
    context: dict[str, Any] = field(default_factory=dict)
    source: str = ""  # what made it, for messages
    copy_from: Path | None = None
    writer: str | None = None  # a feed format of sitegen.render.feeds.WRITERS instead of a template
    make: Callable[[], dict[str, Any]] | None = None
    key: bytes = b""
    lastmod: str | None = None  # ISO date of the newest article shown, for the sitemap

    @cached_property
    def output(self) -> str:
        """The file it is written to, under the output folder."""
        return Urls.output_file(self.path)

    def data(self) -> dict[str, Any]:
        """The plain data the template or writer gets."""
        return self.make() if self.make is not None else self.context

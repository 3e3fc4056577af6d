"""One entry of the page plan: an output file and how to make it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitegen.urls import Urls


@dataclass(frozen=True)
class PlannedPage:
    """One output file: rendered from a template with plain data, or copied from a file."""

    path: str  # URL path relative to the site root
    template: str | None
    context: dict[str, Any] = field(default_factory=dict)
    source: str = ""  # what made it, for messages
    copy_from: Path | None = None
    writer: str | None = None  # a feed format of sitegen.feeds.WRITERS instead of a template

    @property
    def output(self) -> str:
        return Urls.output_file(self.path)

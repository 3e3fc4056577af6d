"""The values the pipeline passes along: articles and standalone pages."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Article:
    """One dated article, or a standalone page when ``date`` is None."""

    id: str
    source: str  # path relative to the site folder, for messages
    date: date | None
    title: str
    summary: str
    body_html: str
    text: str  # plain text of the body, for reading time and search
    slug: str
    tags: tuple[str, ...] = ()
    draft: bool = False
    tags_given: bool = False  # the source set its tags (even to none): derive none
    digest: bytes = b""  # of its source file(s): equal digests, equal text and body

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.text.split("\n\n") if p.strip()]

    @property
    def is_page(self) -> bool:
        return self.date is None


def with_changes(article: Article, **changes: Any) -> Article:
    """dataclasses.replace for the pipeline's hot loops: an Article is plain frozen data,
    so copying its fields is the same and ten times faster than running __init__."""
    new = object.__new__(Article)
    new.__dict__.update(article.__dict__, **changes)
    return new

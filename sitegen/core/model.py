"""The values the pipeline passes along: articles and standalone pages."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Author:
    """Who wrote an article: a name, and a page about them when one is given."""

    name: str
    url: str = ""


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
    updated: date | None = None  # the day of its last correction, when one is given
    image: str = ""  # the share image as written: a URL, or a path (see image_in_body)
    image_alt: str = ""
    image_in_body: bool = False  # the body's first image: relative to the article's URL
    authors: tuple[Author, ...] = ()

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

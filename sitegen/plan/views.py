"""Plain data for templates: articles, tags and pagination as dicts of strings."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sitegen.collection.site import Site
from sitegen.core.keys import digest
from sitegen.core.model import Article, Author
from sitegen.core.urls import Urls
from sitegen.greek import dates
from sitegen.greek import text as greek


def published_iso(article: Article, site: Site) -> str:
    """When the article counts as published, ISO 8601 with the site's offset."""
    assert article.date is not None
    return dates.publication_time(article.date, site.config.zone).isoformat()


def authors_of(article: Article, site: Site) -> tuple[Author, ...]:
    """Who wrote it: as its file says, else the site's author (if the settings name one)."""
    config = site.config
    if article.authors or article.is_page:
        return article.authors
    return (Author(config.author, config.author_url),) if config.author else ()


def corrected(article: Article, site: Site) -> datetime | None:
    """When it was last corrected, on a day after its date (None when it never was)."""
    if article.updated is None or article.date is None or article.updated <= article.date:
        return None
    return dates.publication_time(article.updated, site.config.zone)


def tag_links(article: Article, site: Site, urls: Urls) -> list[dict[str, str]]:
    return [
        {"name": name, "href": urls.href(urls.tag(site.tag_slug(name)))} for name in article.tags
    ]


def article_view(article: Article, site: Site, urls: Urls, full: bool = False) -> dict[str, Any]:
    """What a template may know of an article: in a listing, or (full) on its own page."""
    path = urls.article(article)
    view: dict[str, Any] = {
        "id": article.id,
        "title": article.title,
        "summary": article.summary,
        "href": urls.href(path),
        "url": urls.absolute(path),
        "tags": [],
    }
    if full:
        view["body_html"] = article.body_html
        view["reading_minutes"] = greek.reading_minutes(article.text, site.config.words_per_minute)
        view["authors"] = [{"name": a.name, "url": a.url} for a in authors_of(article, site)]
        correction = corrected(article, site)
        view["updated_iso"] = correction.isoformat() if correction else None
        if correction:
            view["updated_text"] = dates.long_date(correction.date(), site.config.language)
    if article.date is not None:
        view |= {
            "date_iso": article.date.isoformat(),
            "datetime_iso": published_iso(article, site),
            "date_text": dates.long_date(article.date, site.config.language),
            "tags": tag_links(article, site, urls),
        }
    return view


def page_window(number: int, total: int, width: int = 2) -> list[int | None]:
    """Page numbers to show: the first, the last and width around the current; None is a gap."""
    shown = sorted({1, total, *range(max(1, number - width), min(total, number + width) + 1)})
    out: list[int | None] = []
    previous = 0
    for n in shown:
        if previous and n - previous > 1:
            out.append(None)
        out.append(n)
        previous = n
    return out


class ArticleViews:
    """Each article's listing view, made once and shared by every page that shows it
    (home, tags, year, month, related and neighbour links), and the keys of what its
    views are made from."""

    def __init__(self, site: Site, urls: Urls):
        self.site, self.urls = site, urls
        self._made: dict[str, dict[str, Any]] = {}
        self.keys: dict[str, bytes] = {a.id: self._key(a) for a in site.articles}

    def __call__(self, article: Article) -> dict[str, Any]:
        view = self._made.get(article.id)
        if view is None:
            view = self._made[article.id] = article_view(article, self.site, self.urls)
        return view

    def key(self, article: Article | None) -> bytes | None:
        """A digest of what the listing view is made from (the URLs aside, which come
        from the base URL that the whole site shares)."""
        if article is None:
            return None
        return self.keys.get(article.id) or self._key(article)

    def _key(self, a: Article) -> bytes:
        slugs = tuple(self.site.tag_slug(t) for t in a.tags) if a.date else ()
        day = a.date.isoformat() if a.date else None
        return digest(a.id, a.title, a.summary, day, a.slug, "\0".join(a.tags), "\0".join(slugs))

    def full_key(self, article: Article) -> bytes:
        """key() and the body: what the article's own page shows of it."""
        body = article.digest or digest(article.body_html, article.text)
        return digest(self.key(article), body)


def pagination(path: str, number: int, total: int, urls: Urls) -> dict[str, Any] | None:
    """Links between the pages of a listing; None when it has a single page."""
    if total <= 1:
        return None

    def href(n: int) -> str:
        return urls.href(urls.paged(path, n))

    return {
        "number": number,
        "total": total,
        "prev_href": href(number - 1) if number > 1 else None,
        "next_href": href(number + 1) if number < total else None,
        "pages": [
            {"number": n, "href": href(n), "current": n == number, "gap": False}
            if n
            else {"gap": True}
            for n in page_window(number, total)
        ],
    }

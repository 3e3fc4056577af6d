"""Which feeds the site has, and the plain data each is written from."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import partial
from typing import Any

from sitegen.collection.site import Site
from sitegen.core.keys import digest
from sitegen.core.model import Article
from sitegen.core.urls import Urls, absolute_html
from sitegen.greek import dates
from sitegen.plan.planned import PlannedPage
from sitegen.plan.views import ArticleViews

_NO_ITEMS = datetime(2000, 1, 1, tzinfo=UTC)


def item_id(article: Article, urls: Urls) -> str:
    """A stable id from the article's id, never from its title or slug (RFC 4151 tag URI)."""
    return urls.tag_uri(article.id)


def _item(article: Article, site: Site, urls: Urls) -> dict[str, Any]:
    assert article.date is not None
    url = urls.absolute(urls.article(article))
    return {
        "id": item_id(article, urls),
        "title": article.title,
        "url": url,
        "published": dates.publication_time(article.date, site.config.zone),
        "summary": article.summary,
        "content_html": absolute_html(article.body_html, url) if site.config.feed_full_text else "",
        "tags": article.tags,
    }


def _feed(
    site: Site, urls: Urls, title: str, home: str, path: str, articles: tuple[Article, ...]
) -> dict[str, Any]:
    items = [_item(a, site, urls) for a in articles]
    return {
        "id": urls.tag_uri(path),
        "title": title,
        "description": site.config.description,
        "language": site.config.language,
        "author": site.config.title,
        "home_url": urls.absolute(home),
        "self_url": urls.absolute(path),
        "updated": max((i["published"] for i in items), default=_NO_ITEMS),
        "items": items,
    }


def _feed_page(
    site: Site, urls: Urls, views: ArticleViews, spec: tuple[str, str, str, str],
    articles: tuple[Article, ...], source: str,
) -> PlannedPage:  # fmt: skip
    """A feed, made when rendered; spec is (writer, title, home path, feed path)."""
    writer, title, home, path = spec
    shown = articles[: site.config.feed_items]
    key = digest(digest(spec), b"".join([views.full_key(a) for a in shown]))
    make = partial(_feed, site, urls, title, home, path, shown)
    return PlannedPage(path, None, source=source, writer=writer, make=make, key=key)


def feed_pages(site: Site, urls: Urls, views: ArticleViews) -> list[PlannedPage]:
    """Site-wide RSS, Atom and JSON Feed; an RSS feed per tag."""
    title = site.config.title
    plan = [
        _feed_page(site, urls, views, (writer, title, urls.home(), path), site.articles, "feeds")
        for path, writer in (
            (urls.feed_rss(), "rss"),
            (urls.feed_atom(), "atom"),
            (urls.feed_json(), "json"),
        )
    ]
    for tag in site.tags:
        spec = ("rss", f"{tag.name} · {title}", urls.tag(tag.slug), urls.tag_feed(tag.slug))
        plan.append(_feed_page(site, urls, views, spec, tag.articles, f"feed of tag {tag.name}"))
    return plan

"""Which feeds the site has, and the plain data each is written from."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import partial
from typing import Any

from sitegen.collection.site import Site
from sitegen.core.keys import digest
from sitegen.core.model import Article
from sitegen.core.urls import Urls, absolute_html, feed_id
from sitegen.greek import dates
from sitegen.plan.images import ShareImages
from sitegen.plan.planned import PlannedPage
from sitegen.plan.views import ArticleViews, authors_of, corrected

_NO_ITEMS = datetime(2000, 1, 1, tzinfo=UTC)


def item_id(article: Article) -> str:
    """A stable id from the article's id alone: never from its title, slug or host."""
    return feed_id("article", article.id)


def _item(article: Article, site: Site, urls: Urls, image: dict | None) -> dict[str, Any]:
    assert article.date is not None
    url = urls.absolute(urls.article(article))
    published = dates.publication_time(article.date, site.config.zone)
    return {
        "id": item_id(article),
        "title": article.title,
        "url": url,
        "published": published,
        "updated": corrected(article, site) or published,
        "authors": [{"name": a.name, "url": a.url} for a in authors_of(article, site)],
        "image": image,
        "summary": article.summary,
        "content_html": absolute_html(article.body_html, url) if site.config.feed_full_text else "",
        "tags": article.tags,
    }


def _feed(
    site: Site, urls: Urls, title: str, home: str, path: str, articles: tuple[Article, ...],
    images: tuple[dict | None, ...],
) -> dict[str, Any]:  # fmt: skip
    items = [_item(a, site, urls, image) for a, image in zip(articles, images, strict=True)]
    return {
        "id": feed_id("feed", path),
        "title": title,
        "description": site.config.description,
        "language": site.config.language,
        "author": site.config.title,
        "home_url": urls.absolute(home),
        "self_url": urls.absolute(path),
        "updated": max((i["updated"] for i in items), default=_NO_ITEMS),
        "items": items,
    }


def _feed_page(
    site: Site, urls: Urls, views: ArticleViews, spec: tuple[str, str, str, str],
    articles: tuple[Article, ...], source: str, share: ShareImages,
) -> PlannedPage:  # fmt: skip
    """A feed, made when rendered; spec is (writer, title, home path, feed path)."""
    writer, title, home, path = spec
    shown = articles[: site.config.feed_items]
    images = tuple(share.of(a) for a in shown)
    key = digest(digest(spec, images), b"".join([views.full_key(a) for a in shown]))
    make = partial(_feed, site, urls, title, home, path, shown, images)
    return PlannedPage(path, None, source=source, writer=writer, make=make, key=key)


def feed_pages(
    site: Site, urls: Urls, views: ArticleViews, share: ShareImages
) -> list[PlannedPage]:
    """Site-wide RSS, Atom and JSON Feed; an RSS feed per tag."""
    title = site.config.title
    plan = [
        _feed_page(
            site, urls, views, (writer, title, urls.home(), path), site.articles, "feeds", share
        )
        for path, writer in (
            (urls.feed_rss(), "rss"),
            (urls.feed_atom(), "atom"),
            (urls.feed_json(), "json"),
        )
    ]
    for tag in site.tags:
        spec = ("rss", f"{tag.name} · {title}", urls.tag(tag.slug), urls.tag_feed(tag.slug))
        source = f"feed of tag {tag.name}"
        plan.append(_feed_page(site, urls, views, spec, tag.articles, source, share))
    return plan

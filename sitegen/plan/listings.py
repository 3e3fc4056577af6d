"""Listing pages: home, tags, years, months and the archive index, paginated."""

from __future__ import annotations

from functools import partial
from typing import Any

from sitegen.collection.site import Month, Site, Year
from sitegen.core.keys import bytes_digest, digest
from sitegen.core.model import Article
from sitegen.core.urls import Urls
from sitegen.greek import dates
from sitegen.plan.planned import PlannedPage
from sitegen.plan.structured import breadcrumbs, date_trail, website
from sitegen.plan.views import ArticleViews, pagination

POPULAR_TAGS = 20


def _chunks(items: tuple[Article, ...], size: int) -> list[tuple[Article, ...]]:
    return [items[i : i + size] for i in range(0, len(items), size)] or [()]


def _listing_context(
    urls: Urls,
    views: ArticleViews,
    base: str,
    number: int,
    total: int,
    chunk: tuple[Article, ...],
    count: int,
    extra: dict[str, Any],
) -> dict[str, Any]:
    return {
        "articles": [views(a) for a in chunk],
        "pagination": pagination(base, number, total, urls),
        "canonical": urls.absolute(urls.paged(base, number)),
        "count": count,
        **extra,
    }


def listing(
    site: Site,
    urls: Urls,
    views: ArticleViews,
    base: str,
    articles: tuple[Article, ...],
    template: str,
    extra: dict[str, Any] | None = None,
    first: dict[str, Any] | None = None,
) -> list[PlannedPage]:
    """A list of articles at base, base/page/2/, ...: page 1 is the bare URL.

    Every page gets the data in `extra`; the first page also gets `first`."""
    chunks = _chunks(articles, site.config.per_page)
    extra = extra or {}
    keys = views.keys
    extra_key = digest(template, extra, base, len(chunks), len(articles))  # count shown
    plan = []
    first_key = digest(extra_key, first) if first else extra_key
    for number, chunk in enumerate(chunks, start=1):
        data = {**extra, **first} if first and number == 1 else extra
        count = len(articles)
        make = partial(_listing_context, urls, views, base, number, len(chunks), chunk, count, data)
        head = (first_key if number == 1 else extra_key) + number.to_bytes(4, "little")
        key = bytes_digest(b"".join([head, *[keys[a.id] for a in chunk]]))  # fixed widths
        newest = max((a.updated or a.date for a in chunk if a.date), default=None)
        plan.append(
            PlannedPage(
                urls.paged(base, number),
                template,
                source=f"listing /{base}",
                make=make,
                key=key,
                lastmod=newest.isoformat() if newest else None,
            )  # fmt: skip
        )
    return plan


def home_pages(site: Site, urls: Urls, views: ArticleViews) -> list[PlannedPage]:
    first = {"jsonld": [website(site, urls)]}
    return listing(site, urls, views, urls.home(), site.articles, "index.html", first=first)


def tag_pages(site: Site, urls: Urls, views: ArticleViews) -> list[PlannedPage]:
    """The tag index (alphabetical, and the most used first) and each tag's pages."""
    index = [
        {"name": t.name, "href": urls.href(urls.tag(t.slug)), "count": len(t.articles)}
        for t in site.tags
    ]
    popular = sorted(index, key=lambda t: -t["count"])[:POPULAR_TAGS]  # stable: ties stay A-Z
    context = {"tags": index, "popular": popular, "canonical": urls.absolute(urls.tags())}
    plan = [PlannedPage(urls.tags(), "tags.html", context, "tag index", key=digest(context))]
    for tag in site.tags:
        extra = {
            "tag": {
                "name": tag.name,
                "count": len(tag.articles),
                "feed_href": urls.href(urls.tag_feed(tag.slug)),
            }
        }
        base = urls.tag(tag.slug)
        plan += listing(site, urls, views, base, tag.articles, "tag.html", extra)
    return plan


def _month_link(month: Month | None, site: Site, urls: Urls) -> dict[str, str] | None:
    if month is None:
        return None
    label = dates.month_heading(month.year, month.month, site.config.language)
    return {"label": label, "href": urls.href(urls.month(month.year, month.month))}


def _year_link(year: Year | None, urls: Urls) -> dict[str, str] | None:
    return {"label": str(year.year), "href": urls.href(urls.year(year.year))} if year else None


def _month_entry(month: Month, site: Site, urls: Urls) -> dict[str, Any]:
    """A month within its year: its name, link and count."""
    return {
        "label": dates.month_name(month.month, site.config.language),
        "href": urls.href(urls.month(month.year, month.month)),
        "count": len(month.articles),
    }


def archive_pages(
    site: Site, urls: Urls, views: ArticleViews, archive_name: str
) -> list[PlannedPage]:
    """Year and month archives with links to their neighbours, and the archive index."""
    language = site.config.language
    months = [m for y in site.years for m in y.months]  # newest first
    years_by_number = {y.year: y for y in site.years}
    plan: list[PlannedPage] = []
    for i, year in enumerate(site.years):
        extra = {
            "year": year.year,
            "months": [_month_entry(m, site, urls) for m in year.months],
            "newer": _year_link(site.years[i - 1] if i > 0 else None, urls),
            "older": _year_link(site.years[i + 1] if i + 1 < len(site.years) else None, urls),
        }
        extra["jsonld"] = [breadcrumbs(date_trail(site, urls, year.year, None))]
        base = urls.year(year.year)
        plan += listing(site, urls, views, base, year.articles, "year.html", extra)
    for i, month in enumerate(months):
        extra = {
            "heading": dates.month_heading(month.year, month.month, language),
            "year_link": _year_link(years_by_number[month.year], urls),
            "newer": _month_link(months[i - 1] if i > 0 else None, site, urls),
            "older": _month_link(months[i + 1] if i + 1 < len(months) else None, site, urls),
        }
        extra["jsonld"] = [breadcrumbs(date_trail(site, urls, month.year, month.month))]
        base = urls.month(month.year, month.month)
        plan += listing(site, urls, views, base, month.articles, "month.html", extra)
    years = [
        {
            "label": str(y.year),
            "href": urls.href(urls.year(y.year)),
            "count": len(y.articles),
            "months": [_month_entry(m, site, urls) for m in y.months],
        }
        for y in site.years
    ]
    canonical = urls.absolute(urls.archive())
    trail = [(site.config.title, urls.absolute(urls.home())), (archive_name, canonical)]
    context = {
        "years": years,
        "total": len(site.articles),
        "canonical": canonical,
        "jsonld": [breadcrumbs(trail)],
    }
    plan.append(
        PlannedPage(urls.archive(), "archive.html", context, "archive index", key=digest(context))
    )
    return plan

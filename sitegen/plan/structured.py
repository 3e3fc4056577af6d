"""schema.org JSON-LD and OpenGraph data for pages: plain dicts for the templates."""

from __future__ import annotations

from typing import Any

from sitegen.collection.site import Site
from sitegen.core.model import Article
from sitegen.core.urls import Urls
from sitegen.greek import dates

SCHEMA = "https://schema.org"


def publisher(site: Site, urls: Urls) -> dict[str, Any]:
    return {
        "@type": "Organization",
        "name": site.config.title,
        "url": urls.absolute(urls.home()),
        "logo": {"@type": "ImageObject", "url": urls.absolute(urls.static("logo.png"))},
    }


def image_object(image: dict[str, Any]) -> dict[str, Any]:
    found = {"@type": "ImageObject", "url": image["url"]}
    if image["width"]:
        found |= {"width": image["width"], "height": image["height"]}
    return found


def news_article(
    article: Article, view: dict[str, Any], site: Site, urls: Urls, image: dict | None
) -> dict:
    """NewsArticle for an article page."""
    found = {
        "@context": SCHEMA,
        "@type": "NewsArticle",
        "headline": article.title,
        "description": article.summary,
        "datePublished": view["datetime_iso"],
        "dateModified": view["updated_iso"] or view["datetime_iso"],
        "keywords": list(article.tags),
        "url": view["url"],
        "mainEntityOfPage": {"@type": "WebPage", "@id": view["url"]},
        "inLanguage": site.config.language,
        "identifier": article.id,
        "publisher": publisher(site, urls),
    }
    if image:
        found["image"] = [image_object(image)]
    if view["authors"]:
        found["author"] = [
            {"@type": "Person", "name": a["name"], **({"url": a["url"]} if a["url"] else {})}
            for a in view["authors"]
        ]
    return found


def website(site: Site, urls: Urls) -> dict[str, Any]:
    """WebSite with a SearchAction, for the home page."""
    return {
        "@context": SCHEMA,
        "@type": "WebSite",
        "name": site.config.title,
        "url": urls.absolute(urls.home()),
        "inLanguage": site.config.language,
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": urls.absolute(urls.search()) + "?q={search_term_string}",
            },
            "query-input": "required name=search_term_string",
        },
    }


def breadcrumbs(trail: list[tuple[str, str]]) -> dict[str, Any]:
    """BreadcrumbList from (name, absolute URL) pairs, the home page first."""
    return {
        "@context": SCHEMA,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": i, "name": name, "item": url}
            for i, (name, url) in enumerate(trail, start=1)
        ],
    }


def date_trail(site: Site, urls: Urls, year: int, month: int | None) -> list[tuple[str, str]]:
    """Home › 2025 › Σεπτέμβριος 2025."""
    trail = [(site.config.title, urls.absolute(urls.home()))]
    trail.append((str(year), urls.absolute(urls.year(year))))
    if month is not None:
        heading = dates.month_heading(year, month, site.config.language)
        trail.append((heading, urls.absolute(urls.month(year, month))))
    return trail


def article_graph(
    article: Article, view: dict[str, Any], site: Site, urls: Urls, image: dict | None
) -> list[dict]:
    """NewsArticle and its breadcrumbs: home › year › month › article."""
    assert article.date is not None
    trail = date_trail(site, urls, article.date.year, article.date.month)
    trail.append((article.title, view["url"]))
    return [news_article(article, view, site, urls, image), breadcrumbs(trail)]


def open_graph(article: Article, view: dict[str, Any]) -> dict[str, Any]:
    """OpenGraph for an article (other pages are og:type website)."""
    return {
        "type": "article",
        "title": article.title,
        "published_time": view["datetime_iso"],
        "modified_time": view["updated_iso"] or "",
        "authors": [a["name"] for a in view["authors"]],
        "tags": list(article.tags),
    }

"""sitemap.xml (every article and listing page, lastmod from the content) and robots.txt."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from typing import Any

from sitegen.plan import PlannedPage
from sitegen.site import Site
from sitegen.urls import Urls

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def sitemap(data: dict[str, Any]) -> bytes:
    """A sitemaps.org urlset; data["urls"] holds (absolute URL, lastmod or None) pairs."""
    root = ET.Element("urlset", {"xmlns": SITEMAP_NS})
    for loc, lastmod in data["urls"]:
        url = ET.SubElement(root, "url")
        ET.SubElement(url, "loc").text = loc
        if lastmod:
            ET.SubElement(url, "lastmod").text = lastmod
    ET.indent(root)
    body = ET.tostring(root, "unicode")
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + body + "\n").encode("utf-8")


def robots(data: dict[str, Any]) -> bytes:
    return f"User-agent: *\nAllow: /\n\nSitemap: {data['sitemap']}\n".encode()


def sitemap_pages(site: Site, urls: Urls, plan: list[PlannedPage]) -> list[PlannedPage]:
    """The sitemap of every HTML page in the plan (but 404 and search), and robots.txt."""
    lastmod: dict[str, date] = {}
    for article in site.articles:
        assert article.date is not None
        lastmod[urls.article(article)] = article.date
    newest = site.articles[0].date.isoformat() if site.articles else None
    entries = []
    for page in plan:
        if page.template is None or page.path in (urls.not_found(), urls.search()):
            continue
        if not page.path.endswith("/") and page.path:
            continue
        day = lastmod.get(page.path)
        if day is None and page.context.get("articles"):
            day = max((a for a in page.context["articles"]), key=lambda a: a["date_iso"])
            day = date.fromisoformat(day["date_iso"])
        entries.append((urls.absolute(page.path), day.isoformat() if day else newest))
    sitemap_path = "sitemap.xml"
    return [
        PlannedPage(sitemap_path, None, {"urls": entries}, "sitemap", writer="sitemap"),
        PlannedPage(
            "robots.txt", None, {"sitemap": urls.absolute(sitemap_path)}, "robots", writer="robots"
        ),
    ]

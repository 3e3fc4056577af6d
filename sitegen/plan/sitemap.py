"""sitemap.xml (every article and listing page, lastmod from the content) and robots.txt."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from sitegen.collection.site import Site
from sitegen.core.keys import digest
from sitegen.core.urls import Urls
from sitegen.plan.planned import PlannedPage

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
    newest = site.articles[0].date.isoformat() if site.articles and site.articles[0].date else None
    entries = [
        (urls.absolute(page.path), page.lastmod or newest)
        for page in plan
        if page.template is not None
        and page.path not in (urls.not_found(), urls.search())
        and (page.path.endswith("/") or not page.path)
    ]
    sitemap_path = "sitemap.xml"
    data = {"urls": entries}
    robots_data = {"sitemap": urls.absolute(sitemap_path)}
    return [
        PlannedPage(sitemap_path, None, data, "sitemap", writer="sitemap", key=digest(entries)),
        PlannedPage(
            "robots.txt", None, robots_data, "robots", writer="robots", key=digest(robots_data)
        ),
    ]

"""Writing sitemap.xml (a sitemaps.org urlset), news-sitemap.xml (with Google News
elements) and robots.txt from their planned data."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from sitegen.render.xml import xml_document

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
ET.register_namespace("news", NEWS_NS)


def sitemap(data: dict[str, Any]) -> bytes:
    """A sitemaps.org urlset; data["urls"] holds (absolute URL, lastmod or None) pairs."""
    root = ET.Element("urlset", {"xmlns": SITEMAP_NS})
    for loc, lastmod in data["urls"]:
        url = ET.SubElement(root, "url")
        ET.SubElement(url, "loc").text = loc
        if lastmod:
            ET.SubElement(url, "lastmod").text = lastmod
    return xml_document(root)


def news_sitemap(data: dict[str, Any]) -> bytes:
    """A Google News sitemap: each article's address, publication, date and title."""
    root = ET.Element("urlset", {"xmlns": SITEMAP_NS})
    for article in data["articles"]:
        url = ET.SubElement(root, "url")
        ET.SubElement(url, "loc").text = article["loc"]
        news = ET.SubElement(url, f"{{{NEWS_NS}}}news")
        publication = ET.SubElement(news, f"{{{NEWS_NS}}}publication")
        ET.SubElement(publication, f"{{{NEWS_NS}}}name").text = article["name"]
        ET.SubElement(publication, f"{{{NEWS_NS}}}language").text = article["language"]
        ET.SubElement(news, f"{{{NEWS_NS}}}publication_date").text = article["date"]
        ET.SubElement(news, f"{{{NEWS_NS}}}title").text = article["title"]
    return xml_document(root)


def robots(data: dict[str, Any]) -> bytes:
    lines = "".join(f"Sitemap: {url}\n" for url in data["sitemaps"])
    return f"User-agent: *\nAllow: /\n\n{lines}".encode()

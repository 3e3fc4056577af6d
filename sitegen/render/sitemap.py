"""Writing sitemap.xml (a sitemaps.org urlset) and robots.txt from their planned data."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from sitegen.render.xml import xml_document

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def sitemap(data: dict[str, Any]) -> bytes:
    """A sitemaps.org urlset; data["urls"] holds (absolute URL, lastmod or None) pairs."""
    root = ET.Element("urlset", {"xmlns": SITEMAP_NS})
    for loc, lastmod in data["urls"]:
        url = ET.SubElement(root, "url")
        ET.SubElement(url, "loc").text = loc
        if lastmod:
            ET.SubElement(url, "lastmod").text = lastmod
    return xml_document(root)


def robots(data: dict[str, Any]) -> bytes:
    return f"User-agent: *\nAllow: /\n\nSitemap: {data['sitemap']}\n".encode()

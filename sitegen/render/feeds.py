"""RSS 2.0, Atom 1.0 and JSON Feed 1.1, written with the standard library.

ElementTree escapes text and declares namespaces correctly and keeps elements in the
order they are added (RSS readers and the W3C validator want description before
content:encoded); JSON Feed is plain json. Dates come from the items, never the clock.
"""

from __future__ import annotations

import html
import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from email.utils import format_datetime
from typing import Any

from sitegen.render.xml import xml_document

ATOM = "http://www.w3.org/2005/Atom"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
DC = "http://purl.org/dc/elements/1.1/"
MEDIA = "http://search.yahoo.com/mrss/"
ET.register_namespace("atom", ATOM)
ET.register_namespace("content", CONTENT)
ET.register_namespace("dc", DC)
ET.register_namespace("media", MEDIA)


def _text(parent: ET.Element, tag: str, text: str, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    element.text = text
    return element


def rss(feed: dict[str, Any]) -> bytes:
    """An RSS 2.0 document with atom:link self and content:encoded."""
    root = ET.Element("rss", {"version": "2.0"})
    channel = ET.SubElement(root, "channel")
    _text(channel, "title", feed["title"])
    _text(channel, "link", feed["home_url"])
    _text(channel, "description", feed["description"] or feed["title"])
    _text(channel, "language", feed["language"])
    if feed["items"]:
        _text(channel, "lastBuildDate", format_datetime(feed["updated"]))
    _text(channel, "generator", "sitegen")
    ET.SubElement(
        channel,
        f"{{{ATOM}}}link",
        {"href": feed["self_url"], "rel": "self", "type": "application/rss+xml"},
    )
    for item in feed["items"]:
        entry = ET.SubElement(channel, "item")
        _text(entry, "title", item["title"])
        _text(entry, "link", item["url"])
        _text(entry, "guid", item["id"], isPermaLink="false")
        _text(entry, "pubDate", format_datetime(item["published"]))
        for author in item["authors"]:
            _text(entry, f"{{{DC}}}creator", author["name"])
        for tag in item["tags"]:
            _text(entry, "category", tag)
        # RSS description is HTML: the plain-text summary is escaped as HTML first (and as
        # XML by the writer), so '<script>' in an article is read as text, never as code
        _text(entry, "description", html.escape(item["summary"], quote=False))
        if item["content_html"]:
            _text(entry, f"{{{CONTENT}}}encoded", item["content_html"])
        if image := item["image"]:
            _media(entry, image)
    return xml_document(root)


def _media(entry: ET.Element, image: dict[str, Any]) -> None:
    """The share image as Media RSS (an enclosure would need its length in bytes)."""
    attributes = {"url": image["url"], "medium": "image"}
    if image["type"]:
        attributes["type"] = image["type"]
    if image["width"]:
        attributes |= {"width": str(image["width"]), "height": str(image["height"])}
    # no media:description for the alt text: feedparser would read it as the item's content
    ET.SubElement(entry, f"{{{MEDIA}}}content", attributes)


def atom(feed: dict[str, Any]) -> bytes:
    """An Atom 1.0 document."""
    root = ET.Element("feed", {"xmlns": ATOM, "xml:lang": feed["language"]})
    _text(root, "id", feed["id"])
    _text(root, "title", feed["title"])
    if feed["description"]:
        _text(root, "subtitle", feed["description"])
    _text(root, "updated", feed["updated"].isoformat())
    author = ET.SubElement(root, "author")
    _text(author, "name", feed["author"])
    ET.SubElement(root, "link", {"href": feed["home_url"], "rel": "alternate"})
    ET.SubElement(
        root,
        "link",
        {"href": feed["self_url"], "rel": "self", "type": "application/atom+xml"},
    )
    _text(root, "generator", "sitegen")
    for item in feed["items"]:
        entry = ET.SubElement(root, "entry")
        _text(entry, "id", item["id"])
        _text(entry, "title", item["title"])
        ET.SubElement(entry, "link", {"href": item["url"], "rel": "alternate"})
        if image := item["image"]:
            link = {"href": image["url"], "rel": "enclosure"}
            ET.SubElement(entry, "link", link | ({"type": image["type"]} if image["type"] else {}))
        _text(entry, "published", item["published"].isoformat())
        _text(entry, "updated", item["updated"].isoformat())
        for person in item["authors"]:
            author = ET.SubElement(entry, "author")
            _text(author, "name", person["name"])
            if person["url"]:
                _text(author, "uri", person["url"])
        for tag in item["tags"]:
            ET.SubElement(entry, "category", {"term": tag})
        _text(entry, "summary", item["summary"], type="text")
        if item["content_html"]:
            _text(entry, "content", item["content_html"], type="html")
    return xml_document(root)


def json_feed(feed: dict[str, Any]) -> bytes:
    """A JSON Feed 1.1 document."""
    data: dict[str, Any] = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": feed["title"],
        "home_page_url": feed["home_url"],
        "feed_url": feed["self_url"],
        "language": feed["language"],
        "authors": [{"name": feed["author"]}],
        "items": [],
    }
    if feed["description"]:
        data["description"] = feed["description"]
    for item in feed["items"]:
        entry = {
            "id": item["id"],
            "url": item["url"],
            "title": item["title"],
            "summary": item["summary"],
            "date_published": item["published"].isoformat(),
            "tags": list(item["tags"]),
        }
        if item["updated"] != item["published"]:
            entry["date_modified"] = item["updated"].isoformat()
        if item["authors"]:
            entry["authors"] = [{k: v for k, v in a.items() if v} for a in item["authors"]]
        if item["image"]:
            entry["image"] = item["image"]["url"]
        if item["content_html"]:
            entry["content_html"] = item["content_html"]
        else:
            entry["content_text"] = item["summary"]
        data["items"].append(entry)
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


WRITERS: dict[str, Callable[[dict[str, Any]], bytes]] = {
    "rss": rss,
    "atom": atom,
    "json": json_feed,
}

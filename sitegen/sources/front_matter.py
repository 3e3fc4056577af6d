"""The keys of a Markdown file's front matter, each checked and turned into plain values;
every problem is collected with its line, never raised."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from sitegen.core.errors import Problems
from sitegen.core.model import Author
from sitegen.core.urls import is_shareable, is_web_address
from sitegen.greek import text as greek
from sitegen.sources.dates import parse_date

KNOWN_KEYS = frozenset(
    {"title", "date", "updated", "tags", "summary", "slug", "draft", "id"}
    | {"author", "image", "image_alt"}
)
_IMAGE = re.compile(r"""<img\b[^>]*?\ssrc\s*=\s*(["'])(.*?)\1[^>]*>""", re.IGNORECASE)
_ALT = re.compile(r"""\salt\s*=\s*(["'])(.*?)\1""", re.IGNORECASE)


@dataclass(frozen=True)
class Image:
    """A share image: as written, its alt text, and whether it came from the body."""

    src: str
    alt: str = ""
    in_body: bool = False


def key_lines(text: str) -> dict[str, int]:
    """The line of each top-level key of the front matter at the start of text."""
    lines = {}
    for number, line in enumerate(text.splitlines()[1:], start=2):
        if line.strip() in ("---", "..."):
            break
        if m := re.match(r"([A-Za-z_][\w-]*)\s*:", line):
            lines.setdefault(m.group(1), number)
    return lines


def tags(value: Any, where: str, line: int | None, problems: Problems) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list) or not all(isinstance(t, str | int) for t in value):
        problems.add(where, "'tags' must be a list of names", line, "write tags: [Ρωσία, Κίνα]")
        return ()
    seen: dict[str, str] = {}
    for tag in (" ".join(str(t).split()) for t in value):
        if tag and greek.fold(tag) not in seen:
            seen[greek.fold(tag)] = tag
    return tuple(seen.values())


def day(value: Any, where: str, line: int | None, problems: Problems) -> date | None:
    text = str(value).strip()
    if re.match(r"\d{4}-\d{2}-\d{2}[ T]\d", text):
        text = text[:10]  # a time of day is allowed and not used
    return parse_date(text, where, line or 1, problems)


def _author(value: Any) -> Author | None:
    if isinstance(value, str | int) and str(value).strip():
        return Author(" ".join(str(value).split()))
    if isinstance(value, dict) and set(value) <= {"name", "url"}:
        name, url = value.get("name"), value.get("url", "")
        named = isinstance(name, str) and name.strip() and isinstance(url, str)
        if named and (not url or is_web_address(url.strip())):
            return Author(" ".join(name.split()), url.strip())
    return None


def authors(value: Any, where: str, line: int | None, problems: Problems) -> tuple[Author, ...]:
    """One author or a list; each a name, or a name and the URL of a page about them."""
    found = [_author(v) for v in (value if isinstance(value, list) else [value])]
    if not found or None in found:
        problems.add(
            where,
            "'author' must be a name, a list of names, or name and url",
            line,
            "write author: Μαρία Παππά, or author: {name: Μαρία Παππά, url: https://…}",
        )
        return ()
    return tuple(dict.fromkeys(a for a in found if a is not None))


def image(
    meta: dict[str, Any], body_html: str, where: str, lines: dict[str, int], problems: Problems
) -> Image:
    """The share image given by `image` (a full URL, or a path from the site's root),
    else the body's first; `image_alt` gives or replaces its alt text."""
    value, alt = meta.get("image"), str(meta.get("image_alt", ""))
    if value is None:
        found = first_image(body_html)
        return Image(found.src, " ".join(alt.split()) or found.alt, True) if found.src else found
    src = value.strip() if isinstance(value, str) else ""
    if not is_shareable(src):
        problems.add(
            where,
            f"'image' must be a web address or a path in the site, not {value!r}",
            lines.get("image"),
            "write image: static/photos/x.jpg, or image: https://…/x.jpg",
        )
        return Image("")
    if ".." in src.split("/"):
        problems.add(where, f"'image' {src!r} leaves the site", lines.get("image"))
        return Image("")
    return Image(src, " ".join(alt.split()))


def first_image(body_html: str) -> Image:
    """The first image of a rendered body (its src is relative to the page)."""
    match = _IMAGE.search(body_html)
    if match is None:
        return Image("")
    import html

    src = html.unescape(match.group(2)).strip()
    if not is_shareable(src):
        return Image("")  # data:, javascript: and the like are never shared
    alt = _ALT.search(match.group(0))
    text = html.unescape(alt.group(2)) if alt else ""
    return Image(src, " ".join(text.split()), in_body=True)

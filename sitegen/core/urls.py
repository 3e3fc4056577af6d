"""Every URL of the site is made here, from one base URL.

Paths are relative to the site root ("2025/09/03/slug/"); ``href`` turns them into
links from the server root ("/repo/2025/09/03/slug/") and ``absolute`` into full URLs.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from sitegen.core.model import Article

ID_YEAR = 2025  # the date part of tag URIs: it never changes


class Urls:
    def __init__(self, base_url: str):
        self.base = base_url.rstrip("/") + "/"
        self.root = urlsplit(self.base).path or "/"

    def tag_uri(self, specific: str) -> str:
        """An RFC 4151 tag URI, the id of a feed or a feed item: stable, never a link."""
        parts = urlsplit(self.base)
        return f"tag:{parts.hostname},{ID_YEAR}:{parts.path}{specific}"

    # paths, relative to the site root
    @staticmethod
    def paged(path: str, number: int) -> str:
        return path if number <= 1 else f"{path}page/{number}/"

    def home(self, number: int = 1) -> str:
        return self.paged("", number)

    @staticmethod
    def article(article: Article) -> str:
        if article.date is None:
            return f"{article.slug}/"
        return f"{article.date:%Y/%m/%d}/{article.slug}/"

    def tag(self, slug: str, number: int = 1) -> str:
        return self.paged(f"tags/{slug}/", number)

    def year(self, year: int, number: int = 1) -> str:
        return self.paged(f"{year:04d}/", number)

    def month(self, year: int, month: int, number: int = 1) -> str:
        return self.paged(f"{year:04d}/{month:02d}/", number)

    @staticmethod
    def archive() -> str:
        return "archive/"

    @staticmethod
    def tags() -> str:
        return "tags/"

    @staticmethod
    def feed_rss() -> str:
        return "feed.xml"

    @staticmethod
    def feed_atom() -> str:
        return "atom.xml"

    @staticmethod
    def feed_json() -> str:
        return "feed.json"

    def tag_feed(self, slug: str) -> str:
        return f"{self.tag(slug)}feed.xml"

    @staticmethod
    def search() -> str:
        return "search/"

    @staticmethod
    def static(name: str) -> str:
        return f"static/{name}"

    @staticmethod
    def not_found() -> str:
        return "404.html"

    # the forms a page uses
    def href(self, path: str) -> str:
        return self.root + path

    def absolute(self, path: str) -> str:
        return self.base + path

    @staticmethod
    def output_file(path: str) -> str:
        """The file under dist/ that serves a path: directories get index.html."""
        return f"{path}index.html" if path == "" or path.endswith("/") else path


_URL_ATTRIBUTE = re.compile(r"""(\s(?:href|src|poster)\s*=\s*)(["'])(.*?)\2""", re.IGNORECASE)


def absolute_html(html: str, base: str) -> str:
    """Every href and src in html made absolute against base (feed readers need that)."""

    def fix(match: re.Match[str]) -> str:
        prefix, quote, url = match.groups()
        if url.startswith(("#", "mailto:", "tel:", "data:")):
            return match.group(0)
        return f"{prefix}{quote}{urljoin(base, url)}{quote}"

    return _URL_ATTRIBUTE.sub(fix, html)

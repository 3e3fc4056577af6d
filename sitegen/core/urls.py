"""Every URL of the site is made here, from one base URL.

Paths are relative to the site root ("2025/09/03/slug/"); ``href`` turns them into
links from the server root ("/repo/2025/09/03/slug/") and ``absolute`` into full URLs.
"""

from __future__ import annotations

import re
import uuid
from urllib.parse import urljoin, urlsplit

from sitegen.core.model import Article

_WEB_ADDRESS = re.compile(r"https?://[^\s\"'<>/]+(?:/[^\s\"'<>]*)?", re.IGNORECASE)
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


def is_web_address(text: str) -> bool:
    """A whole http(s) address, with nothing that could end an attribute in it."""
    return _WEB_ADDRESS.fullmatch(text) is not None


def is_shareable(src: str) -> bool:
    """A web address or a path (relative, or from the root): no data:, javascript: …"""
    return bool(src) and (not _SCHEME.match(src) or src.lower().startswith(("http:", "https:")))


def feed_id(kind: str, name: str) -> str:
    """The id of a feed ("feed", its path) or a feed item ("article", its id): a name-based
    UUID URN (RFC 9562 version 5) of sitegen's name for it alone, so that it stays the
    same when the site moves to another host or sub-path. Never a link."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"sitegen:{kind}:{name}").urn


class Urls:
    def __init__(self, base_url: str):
        self.base = base_url.rstrip("/") + "/"
        self.root = urlsplit(self.base).path or "/"

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

    def card(self, article: Article) -> str:
        """An article's social card, beside its page."""
        return f"{self.article(article)}card.png"

    @staticmethod
    def share_image() -> str:
        """The site's share image, for pages that have none of their own."""
        return "static/share.png"

    @staticmethod
    def news_sitemap() -> str:
        return "news-sitemap.xml"

    @staticmethod
    def sitemap() -> str:
        return "sitemap.xml"

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


_URL_ATTRIBUTE = re.compile(
    r"""(\s(?:href|src|poster|cite|srcset)\s*=\s*)(["'])(.*?)\2""", re.IGNORECASE
)
_KEPT_SCHEMES = ("mailto:", "tel:", "data:")


def _absolute(url: str, base: str) -> str:
    return url if url.lower().startswith(_KEPT_SCHEMES) else urljoin(base, url)


_CANDIDATE = re.compile(r"[\s,]*(\S+)([^,]*)")


def _srcset(value: str) -> list[tuple[str, list[str]]]:
    """The candidates of a srcset as the HTML standard reads them: a URL runs to white
    space (it may hold commas, as w_400,h_300 does); commas at its end separate."""
    found = []
    position = 0
    while match := _CANDIDATE.match(value, position):
        url, descriptors = match.group(1), match.group(2)
        if url.endswith(","):
            url, descriptors = url.rstrip(","), ""
            end = match.start(2)
        else:
            end = match.end() + 1  # past the comma after the descriptors
        found.append((url, descriptors.split()))
        position = end
        if position >= len(value):
            break
    return found


def absolute_html(html: str, base: str) -> str:
    """Every URL in html's attributes made absolute against base, fragments (#fn:1) and
    each candidate of a srcset included: a feed reader shows the HTML on another site."""

    def fix(match: re.Match[str]) -> str:
        prefix, quote, value = match.groups()
        if prefix.strip().lower().startswith("srcset"):
            value = ", ".join(
                " ".join([_absolute(url, base), *descriptors])
                for url, descriptors in _srcset(value)
            )
        else:
            value = _absolute(value.strip(), base)
        return f"{prefix}{quote}{value}{quote}"

    return _URL_ATTRIBUTE.sub(fix, html)

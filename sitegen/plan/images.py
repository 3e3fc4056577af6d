"""Share images (og:image, JSON-LD, feeds): an article's own, else its social card, else
the site's default one; each with its address, size, type and alt text."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urljoin, urlsplit

from sitegen.collection.site import Site
from sitegen.core.errors import Problems
from sitegen.core.keys import digest
from sitegen.core.model import Article
from sitegen.core.urls import Urls
from sitegen.greek import dates
from sitegen.plan.planned import PlannedPage

CARD_SIZE = (1200, 630)  # what social networks show whole (1.91:1)
# Types by file name for images on other hosts: a fixed table, not the machine's own
# (mimetypes reads /etc/mime.types, so the same input could give other bytes elsewhere)
_TYPES = {
    "jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "gif": "image/gif",
    "webp": "image/webp", "avif": "image/avif", "svg": "image/svg+xml",
}  # fmt: skip


@dataclass(frozen=True)
class Drawing:
    """How the render stage draws images, opaque to the plan but for its key."""

    style: Any  # the theme's card style (sitegen.render.cards.CardStyle)
    key: str  # a digest of everything that changes a card's pixels but its text
    share_key: str  # the same for the site's share image (the logo too)
    cache: Path | None = None  # where drawn cards are kept between builds


@cache
def _size_and_type(path: str, mtime_ns: int, size: int) -> tuple[int, int, str] | None:
    from PIL import Image, UnidentifiedImageError

    limit, Image.MAX_IMAGE_PIXELS = Image.MAX_IMAGE_PIXELS, None  # only the header
    try:  # is read, so a huge image is no "decompression bomb" here
        with Image.open(path) as image:
            return image.width, image.height, Image.MIME.get(image.format or "", "")
    except (OSError, UnidentifiedImageError):
        return None
    finally:
        Image.MAX_IMAGE_PIXELS = limit


def local_image(path: Path) -> tuple[int, int, str] | None:
    """Width, height and type of an image file; None when it is not one."""
    info = os.stat(path)
    return _size_and_type(str(path), info.st_mtime_ns, info.st_size)


def _image(url: str, alt: str, found: tuple[int, int, str] | None) -> dict[str, Any]:
    suffix = urlsplit(url).path.rpartition(".")[2].lower()
    kind = found[2] if found else _TYPES.get(suffix)
    return {
        "url": url,
        "alt": alt,
        "width": found[0] if found else None,
        "height": found[1] if found else None,
        "type": kind or "",
    }


def default_image(
    site: Site, urls: Urls, statics: dict[str, Path], drawing: Drawing | None
) -> dict[str, Any] | None:
    """The site's share image: the theme's static/share.png, else one drawn from the
    site's title and logo (None when there is neither, e.g. without a drawing)."""
    given = statics.get(urls.share_image())
    if given is None and drawing is None:
        return None
    size = local_image(given) if given else (*CARD_SIZE, "image/png")
    return _image(urls.absolute(urls.share_image()), site.config.title, size)


class ShareImages:
    """The share image of every page, found once: see the module's docstring."""

    def __init__(
        self,
        site: Site,
        urls: Urls,
        statics: dict[str, Path],
        problems: Problems,
        drawing: Drawing | None,
    ):
        self.site, self.urls, self.statics, self.drawing = site, urls, statics, drawing
        self.problems = problems
        self.default = default_image(site, urls, statics, drawing)
        self.made_default = urls.share_image() not in statics and drawing is not None
        self._found: dict[str, dict[str, Any] | None] = {}  # by source file

    def of(self, article: Article) -> dict[str, Any] | None:
        """The share image of an article or page (found once: feeds ask again)."""
        if article.source not in self._found:  # (pages and articles may share ids)
            self._found[article.source] = self._find(article)
        return self._found[article.source]

    def _find(self, article: Article) -> dict[str, Any] | None:
        if article.image:  # its own, or (a mistake, reported) the site's: never a card
            return self._own(article) or self.default
        if self.drawing is not None and self.site.config.social_cards and article.date:
            card = self.urls.absolute(self.urls.card(article))
            return _image(card, article.title, (*CARD_SIZE, "image/png"))
        return self.default

    def _own(self, article: Article) -> dict[str, Any] | None:
        urls, src = self.urls, article.image
        given = bool(re.match(r"https?://", src, re.IGNORECASE))
        if article.image_in_body:
            url = urljoin(urls.absolute(urls.article(article)), src)
        elif given:
            url = src
        else:
            url = urls.absolute(quote(unquote(src.lstrip("/")), safe="/!$&'()*+,;=:@-._~"))
        alt = article.image_alt or article.title
        if not url.startswith(urls.base):
            return _image(url, alt, None)  # on another host: its size is not known here
        path = self.statics.get(unquote(urlsplit(url).path)[len(urls.root) :])
        found = local_image(path) if path else None
        if found is None and not article.image_in_body and not given:
            self.problems.add(
                article.source,
                f"the image {src!r} is not an image file of the site",
                hint="put it in themes/default/static/ (it is then static/<name>) "
                "or give its full https:// address",
            )
            return None
        return _image(url, alt, found)

    def pages(self) -> list[PlannedPage]:
        """The images to draw: the default share image, and a card per article."""
        if self.drawing is None:
            return []
        config, drawing = self.site.config, self.drawing
        logo = self.statics.get(self.urls.static("logo.png"))
        plan = []
        if self.made_default:
            data = {"site_name": config.title, "description": config.description}
            data |= {"logo": logo, "style": drawing.style, "cache": None}
            key = digest(drawing.share_key, data["site_name"], data["description"])
            path = self.urls.share_image()
            plan.append(PlannedPage(path, None, data, "share image", writer="share", key=key))
        if not config.social_cards:
            return plan
        for article in self.site.articles:
            if article.image:
                continue
            assert article.date is not None
            data = {
                "headline": article.title,
                "date_text": dates.long_date(article.date, config.language),
                "site_name": config.title,
                "style": drawing.style,
                "cache": drawing.cache,
            }
            key = digest(drawing.key, data["headline"], data["date_text"], data["site_name"])
            data["key"] = key.hex()
            source = f"card of {article.source}"
            path = self.urls.card(article)
            plan.append(PlannedPage(path, None, data, source, writer="card", key=key))
        return plan

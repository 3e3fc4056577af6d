"""Every URL from one base: with and without a sub-path."""

from datetime import date

import pytest

from sitegen.core.model import Article
from sitegen.core.urls import Urls
from sitegen.plan.views import page_window

ARTICLE = Article("id1", "seeds/x.txt", date(2025, 9, 3), "T", "S", "", "", "my-slug")
PAGE = Article("about", "content/about.md", None, "T", "S", "", "", "about")


@pytest.mark.parametrize(
    ("base", "root", "href", "absolute"),
    [
        (
            "https://example.org/",
            "/",
            "/2025/09/03/my-slug/",
            "https://example.org/2025/09/03/my-slug/",
        ),
        (
            "https://user.github.io/repo/",
            "/repo/",
            "/repo/2025/09/03/my-slug/",
            "https://user.github.io/repo/2025/09/03/my-slug/",
        ),
        ("https://user.github.io/repo", "/repo/", "/repo/2025/09/03/my-slug/", None),
    ],
)
def test_article_urls(base: str, root: str, href: str, absolute: str | None) -> None:
    urls = Urls(base)
    assert urls.root == root
    assert urls.href(urls.article(ARTICLE)) == href
    if absolute:
        assert urls.absolute(urls.article(ARTICLE)) == absolute


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (Urls("https://x.org/r/").home(), "/r/"),
        (Urls("https://x.org/r/").home(2), "/r/page/2/"),
        (Urls("https://x.org/r/").tag("rosia"), "/r/tags/rosia/"),
        (Urls("https://x.org/r/").tag("rosia", 3), "/r/tags/rosia/page/3/"),
        (Urls("https://x.org/r/").article(PAGE), "/r/about/"),
        (Urls("https://x.org/r/").search(), "/r/search/"),
    ],
)
def test_paths(path: str, expected: str) -> None:
    assert Urls("https://x.org/r/").href(path) == expected


@pytest.mark.parametrize(
    ("path", "file"),
    [("", "index.html"), ("page/2/", "page/2/index.html"), ("404.html", "404.html")],
)
def test_output_file(path: str, file: str) -> None:
    assert Urls.output_file(path) == file


@pytest.mark.parametrize(
    ("number", "total", "window"),
    [
        (1, 1, [1]),
        (1, 3, [1, 2, 3]),
        (1, 10, [1, 2, 3, None, 10]),
        (5, 10, [1, None, 3, 4, 5, 6, 7, None, 10]),
        (10, 10, [1, None, 8, 9, 10]),
        (4, 10, [1, 2, 3, 4, 5, 6, None, 10]),
    ],
)
def test_page_window(number: int, total: int, window: list[int | None]) -> None:
    assert page_window(number, total) == window

"""Shared, cited and republished: share images and cards, authors, corrections, feed ids
that survive a move, descriptions, icons and the news sitemap, read from built output."""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest
from bs4 import BeautifulSoup
from PIL import Image

from sitegen.commands.cli import main

from .conftest import soup, tree, write_site

BASE = "https://example.org/news/"
NOW = "1764489600"  # 2025-11-30 10:00 in Athens (08:00 UTC)
NEWS = "http://www.google.com/schemas/sitemap-news/0.9"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
CONFIG = (
    'title = "Ειδήσεις"\n'
    f'base_url = "{BASE}"\n'
    'author = "Σύνταξη Ειδήσεων"\n'
    "social_cards = true\n"
    "per_page = 2\n"
)


def png(width: int, height: int) -> bytes:
    data = io.BytesIO()
    Image.new("RGB", (width, height), "#336699").save(data, "PNG")
    return data.getvalue()


FILES: dict[str, str | bytes] = {
    "themes/default/static/photos/limani.png": png(800, 400),
    "content/articles/2025-11-28-limani.md": (
        "---\ntitle: Νέα προβλήτα στο λιμάνι\ndate: 2025-11-28\nupdated: 2025-11-29\n"
        "image: static/photos/limani.png\nimage_alt: Το λιμάνι του Πειραιά\n"
        "author:\n  - {name: Μαρία Παππά, url: 'https://example.org/maria'}\n"
        "  - Γιώργος Ιωάννου\n---\n"
        "Η νέα προβλήτα ανοίγει τον Δεκέμβριο[^1]. Δείτε [το τέλος](#telos).\n\n"
        '<img src="a.jpg" srcset="a.jpg 1x, /news/b.jpg 2x" alt="Σχέδιο">\n\n'
        "[^1]: Σύμφωνα με τον οργανισμό λιμένος.\n"
    ),
    "content/articles/2025-11-29-stathmos.md": (
        "---\ntitle: Ο σταθμός ανοίγει ξανά\ndate: 2025-11-29\n---\n"
        "![Ο σταθμός Σύνταγμα](https://cdn.example.com/stathmos.jpg)\n\n"
        "Ο σταθμός ανοίγει ξανά μετά από εργασίες.\n"
    ),
    "content/articles/2025-11-30-simera.md": (
        "---\ntitle: Σήμερα στη Βουλή\ndate: 2025-11-30\n---\nΗ Βουλή συνεδριάζει σήμερα.\n"
    ),
    "content/articles/2025-11-20-plain.md": (
        "---\ntitle: Βροχές στην Κρήτη\ndate: 2025-11-20\n---\nΒρέχει στην Κρήτη από το πρωί.\n"
    ),
    "content/articles/2025-09-03-old.md": (
        "---\ntitle: Το φεστιβάλ της πόλης\ndate: 2025-09-03\n---\nΤο φεστιβάλ ξεκινά.\n"
    ),
}


def build(site: Path, *args: str) -> int:
    return main(["build", "--site", str(site), "--no-search", "--quiet", *args])


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = write_site(tmp_path_factory.mktemp("sharing") / "site", FILES, CONFIG)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", NOW)
        assert build(site) == 0
    return site / "dist"


def pages(out: Path) -> dict[str, BeautifulSoup]:
    """Every article page by its headline."""
    found = {}
    for path in out.glob("20[0-9][0-9]/*/*/*/index.html"):
        page = soup(path)
        found[page.h1.get_text()] = page
    return found


def meta(page: BeautifulSoup, name: str) -> str | None:
    tag = page.find("meta", attrs={"property": name}) or page.find("meta", attrs={"name": name})
    return tag["content"] if tag else None


def news_article(page: BeautifulSoup) -> dict:
    for script in page.find_all("script", type="application/ld+json"):
        data = json.loads(script.string)
        if data["@type"] == "NewsArticle":
            return data
    raise AssertionError("no NewsArticle")


def test_an_own_image_has_its_address_size_type_and_alt(out: Path) -> None:
    page = pages(out)["Νέα προβλήτα στο λιμάνι"]
    assert meta(page, "og:image") == "https://example.org/news/static/photos/limani.png"
    assert meta(page, "og:image:width") == "800"
    assert meta(page, "og:image:height") == "400"
    assert meta(page, "og:image:type") == "image/png"
    assert meta(page, "og:image:alt") == "Το λιμάνι του Πειραιά"
    assert meta(page, "twitter:card") == "summary_large_image"
    assert meta(page, "twitter:image") == "https://example.org/news/static/photos/limani.png"
    assert news_article(page)["image"] == [
        {
            "@type": "ImageObject",
            "url": "https://example.org/news/static/photos/limani.png",
            "width": 800,
            "height": 400,
        }
    ]


def test_the_first_image_of_the_body_is_the_share_image(out: Path) -> None:
    page = pages(out)["Ο σταθμός ανοίγει ξανά"]
    assert meta(page, "og:image") == "https://cdn.example.com/stathmos.jpg"
    assert meta(page, "og:image:alt") == "Ο σταθμός Σύνταγμα"
    assert meta(page, "og:image:type") == "image/jpeg"
    assert meta(page, "og:image:width") is None  # on another host: not measured


def test_an_article_without_an_image_gets_its_card(out: Path) -> None:
    page = pages(out)["Βροχές στην Κρήτη"]
    card = meta(page, "og:image")
    assert card == page.find("link", rel="canonical")["href"] + "card.png"
    assert (meta(page, "og:image:width"), meta(page, "og:image:height")) == ("1200", "630")
    assert meta(page, "og:image:alt") == "Βροχές στην Κρήτη"
    with Image.open(out / urlsplit(card).path.removeprefix("/news/")) as image:
        assert (image.format, image.size) == ("PNG", (1200, 630))
    assert not list(out.glob("2025/11/28/*/card.png"))  # it has an image of its own


def test_every_page_has_a_share_image_with_alt(out: Path) -> None:
    for path in out.rglob("*.html"):
        page = soup(path)
        assert meta(page, "og:image"), path
        assert meta(page, "og:image:alt"), path
    home = soup(out / "index.html")
    assert meta(home, "og:image") == "https://example.org/news/static/share.png"
    assert meta(home, "og:image:alt") == "Ειδήσεις"
    with Image.open(out / "static/share.png") as image:
        assert image.size == (1200, 630)


def test_authors_in_the_byline_and_the_structured_data(out: Path) -> None:
    page = pages(out)["Νέα προβλήτα στο λιμάνι"]
    byline = page.find(class_="byline")
    assert byline.get_text() == "Συντάκτες: Μαρία Παππά, Γιώργος Ιωάννου"
    assert byline.find("a", rel="author")["href"] == "https://example.org/maria"
    assert news_article(page)["author"] == [
        {"@type": "Person", "name": "Μαρία Παππά", "url": "https://example.org/maria"},
        {"@type": "Person", "name": "Γιώργος Ιωάννου"},
    ]
    plain = pages(out)["Βροχές στην Κρήτη"]  # the site's author
    assert plain.find(class_="byline").get_text() == "Συντάκτης: Σύνταξη Ειδήσεων"
    assert news_article(plain)["author"] == [{"@type": "Person", "name": "Σύνταξη Ειδήσεων"}]


def test_a_correction_is_dated_and_shown(out: Path) -> None:
    page = pages(out)["Νέα προβλήτα στο λιμάνι"]
    data = news_article(page)
    assert data["datePublished"] == "2025-11-28T12:00:00+02:00"
    assert data["dateModified"] == "2025-11-29T12:00:00+02:00"
    assert meta(page, "article:modified_time") == "2025-11-29T12:00:00+02:00"
    assert " ".join(page.find(class_="updated").get_text().split()) == (
        "Ενημερώθηκε 29 Νοεμβρίου 2025"
    )
    plain = news_article(pages(out)["Βροχές στην Κρήτη"])
    assert plain["dateModified"] == plain["datePublished"] == "2025-11-20T12:00:00+02:00"
    assert pages(out)["Βροχές στην Κρήτη"].find(class_="updated") is None
    sitemap = (out / "sitemap.xml").read_text()
    assert re.search(r"2025/11/28/[^<]+/</loc>\s*<lastmod>2025-11-29</lastmod>", sitemap)


def test_feeds_carry_authors_images_and_corrections(out: Path) -> None:
    rss = feedparser.parse((out / "feed.xml").read_bytes())
    assert rss.bozo == 0
    item = next(e for e in rss.entries if e.title == "Νέα προβλήτα στο λιμάνι")
    assert [a["name"] for a in item.authors] == ["Μαρία Παππά", "Γιώργος Ιωάννου"]
    assert item.media_content == [
        {
            "url": "https://example.org/news/static/photos/limani.png",
            "medium": "image",
            "type": "image/png",
            "width": "800",
            "height": "400",
        }
    ]
    atom = feedparser.parse((out / "atom.xml").read_bytes())
    entry = next(e for e in atom.entries if e.title == "Νέα προβλήτα στο λιμάνι")
    assert entry.updated == "2025-11-29T12:00:00+02:00"
    assert entry.published == "2025-11-28T12:00:00+02:00"
    assert entry.authors[0] == {"name": "Μαρία Παππά", "href": "https://example.org/maria"}
    enclosures = [link.href for link in entry.links if link.rel == "enclosure"]
    assert enclosures == ["https://example.org/news/static/photos/limani.png"]
    items = json.loads((out / "feed.json").read_text())["items"]
    first = next(i for i in items if i["title"] == "Νέα προβλήτα στο λιμάνι")
    assert first["date_modified"] == "2025-11-29T12:00:00+02:00"
    assert first["image"] == "https://example.org/news/static/photos/limani.png"
    assert first["authors"] == [
        {"name": "Μαρία Παππά", "url": "https://example.org/maria"},
        {"name": "Γιώργος Ιωάννου"},
    ]
    plain = next(i for i in items if i["title"] == "Βροχές στην Κρήτη")
    assert "date_modified" not in plain
    assert plain["image"].endswith("/card.png")


def _urls_in(html: str) -> list[str]:
    page = BeautifulSoup(html, "lxml")
    found = []
    for tag in page.find_all(True):
        found += [tag[a] for a in ("href", "src") if tag.has_attr(a)]
        if tag.has_attr("srcset"):
            found += [c.split()[0] for c in tag["srcset"].split(",")]
    return found


def test_feed_html_has_no_relative_address(out: Path) -> None:
    # read without feedparser, whose sanitiser drops srcset
    content = "{http://purl.org/rss/1.0/modules/content/}encoded"
    items = {
        item.findtext("title"): (item.findtext("link"), _urls_in(item.findtext(content)))
        for item in ET.parse(out / "feed.xml").getroot().iter("item")
    }
    urls = [u for _link, found in items.values() for u in found]
    assert urls and all(urlsplit(u).scheme in ("https", "mailto") for u in urls), urls
    page, found = items["Νέα προβλήτα στο λιμάνι"]
    assert page + "#telos" in found
    assert page + "#fn:1" in found
    assert page + "a.jpg" in found
    assert "https://example.org/news/b.jpg" in found


def test_feed_ids_do_not_change_when_the_site_moves(out: Path, tmp_path: Path) -> None:
    site = out.parent
    moved = tmp_path / "moved"
    assert build(site, "--base-url", "https://news.example.com/", "--out", str(moved)) == 0

    def ids(folder: Path) -> dict[str, str]:
        parsed = feedparser.parse((folder / "atom.xml").read_bytes())
        return {e.title: e.id for e in parsed.entries} | {"": parsed.feed.id}

    assert ids(moved) == ids(out)
    found = ids(out)
    assert found["Νέα προβλήτα στο λιμάνι"] == "urn:uuid:305fae5d-eeb8-59ec-8467-f1f8a626221e"
    assert found["Βροχές στην Κρήτη"] == "urn:uuid:e95de0ab-3a63-5240-b00d-92b9ddaed54b"
    rss = feedparser.parse((moved / "feed.xml").read_bytes())
    guid = next(e.id for e in rss.entries if e.title == "Βροχές στην Κρήτη")
    assert guid == "urn:uuid:e95de0ab-3a63-5240-b00d-92b9ddaed54b"


def test_titles_and_descriptions_of_listings(out: Path) -> None:
    home = soup(out / "index.html")
    assert home.title.get_text() == "Ειδήσεις"
    assert meta(home, "description") == "«Ειδήσεις»: τα νεότερα άρθρα. Στο αρχείο: 5 άρθρα."
    second = soup(out / "page/2/index.html")
    assert second.title.get_text() == "Ειδήσεις · Σελίδα 2 από 3"
    assert meta(second, "description") == (
        "«Ειδήσεις»: τα νεότερα άρθρα. Στο αρχείο: 5 άρθρα. (Σελίδα 2 από 3)"
    )
    month = soup(out / "2025/11/index.html")
    assert meta(month, "description") == (
        "Νοέμβριος 2025: 4 άρθρα, από το νεότερο στο παλαιότερο, με την περίληψη του καθενός."
    )
    assert meta(soup(out / "2025/09/index.html"), "description").startswith(
        "Σεπτέμβριος 2025: 1 άρθρο, "
    )
    descriptions: dict[str, str] = {}
    for path in sorted(out.rglob("*.html")):
        text = meta(soup(path), "description")
        assert text, path
        assert text not in descriptions, (path, descriptions.get(text))
        descriptions[text] = str(path)


def test_png_icons_next_to_the_svg(out: Path) -> None:
    home = soup(out / "index.html")
    icon = home.find("link", rel="icon", type="image/png")
    touch = home.find("link", rel="apple-touch-icon")
    assert (icon["href"], icon["sizes"]) == ("/news/static/favicon-32.png", "32x32")
    assert touch["href"] == "/news/static/apple-touch-icon.png"
    for name, size in (("favicon-32.png", (32, 32)), ("apple-touch-icon.png", (180, 180))):
        with Image.open(out / "static" / name) as image:
            assert (image.format, image.size) == ("PNG", size)


def test_the_news_sitemap_lists_the_articles_of_the_last_two_days(out: Path) -> None:
    root = ET.parse(out / "news-sitemap.xml").getroot()
    assert root.tag == f"{{{SITEMAP}}}urlset"
    found = []
    for url in root:
        assert [c.tag for c in url] == [f"{{{SITEMAP}}}loc", f"{{{NEWS}}}news"]
        news = url.find(f"{{{NEWS}}}news")
        assert [c.tag.split("}")[1] for c in news] == ["publication", "publication_date", "title"]
        publication = news.find(f"{{{NEWS}}}publication")
        assert [c.tag.split("}")[1] for c in publication] == ["name", "language"]
        assert publication.findtext(f"{{{NEWS}}}name") == "Ειδήσεις"
        assert publication.findtext(f"{{{NEWS}}}language") == "el"
        assert url.findtext(f"{{{SITEMAP}}}loc").startswith(BASE)
        found.append(
            (news.findtext(f"{{{NEWS}}}title"), news.findtext(f"{{{NEWS}}}publication_date"))
        )
    assert found == [
        ("Σήμερα στη Βουλή", "2025-11-30T12:00:00+02:00"),
        ("Ο σταθμός ανοίγει ξανά", "2025-11-29T12:00:00+02:00"),
        ("Νέα προβλήτα στο λιμάνι", "2025-11-28T12:00:00+02:00"),
    ]
    robots = (out / "robots.txt").read_text()
    assert "Sitemap: https://example.org/news/sitemap.xml\n" in robots
    assert "Sitemap: https://example.org/news/news-sitemap.xml\n" in robots


def test_a_later_build_drops_articles_older_than_two_days(out: Path, tmp_path: Path) -> None:
    later = str(int(NOW) + 2 * 3600)  # 12:00 in Athens: 2025-11-28 noon is now 48 h ago
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", later)
        assert build(out.parent, "--out", str(tmp_path / "later")) == 0
        patch.setenv("SOURCE_DATE_EPOCH", str(int(later) + 1))
        assert build(out.parent, "--out", str(tmp_path / "after")) == 0
    assert (tmp_path / "later/news-sitemap.xml").read_text().count("<url>") == 3
    assert (tmp_path / "after/news-sitemap.xml").read_text().count("<url>") == 2


@pytest.mark.parametrize(
    ("front", "message"),
    [
        (
            "date: 2025-11-28\nupdated: 2025-11-01\n",
            "a.md:3: 'updated' 2025-11-01 is before the article's date 2025-11-28",
        ),
        (
            "date: 2025-11-28\nimage: static/nowhere.jpg\n",
            "a.md: the image 'static/nowhere.jpg' is not an image file of the site",
        ),
        (
            "date: 2025-11-28\nimage: 'javascript:alert(1)'\n",
            "a.md:3: 'image' must be a web address or a path in the site",
        ),
        (
            "date: 2025-11-28\nauthor: {name: Α, mail: a@b}\n",
            "a.md:3: 'author' must be a name, a list of names, or name and url",
        ),
    ],
)
def test_mistakes_in_the_new_keys_name_the_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], front: str, message: str
) -> None:
    site = write_site(tmp_path / "site", {"content/a.md": f"---\n{front}---\nΚείμενο.\n"})
    assert build(site) == 1
    err = capsys.readouterr().err
    assert err.count(message) == 1, err  # once, though the feeds show the article too
    assert not (site / "dist").exists()


def test_cards_are_drawn_once_and_kept_between_builds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sitegen.render import images

    drawn: list[str] = []
    real = images.draw_card
    monkeypatch.setattr(images, "draw_card", lambda *a: drawn.append(a[0]) or real(*a))
    site = write_site(tmp_path / "site", FILES, CONFIG)
    assert build(site, "--jobs", "1") == 0
    assert set(drawn) == {"Βροχές στην Κρήτη", "Σήμερα στη Βουλή", "Το φεστιβάλ της πόλης"}
    drawn.clear()
    assert build(site, "--jobs", "1", "--out", str(tmp_path / "fresh")) == 0  # a fresh build
    assert drawn == []
    edited = site / "content/articles/2025-11-20-plain.md"
    edited.write_text(edited.read_text().replace("Βροχές στην", "Χιόνια στην"))
    assert build(site, "--jobs", "1") == 0
    assert drawn == ["Χιόνια στην Κρήτη"]
    assert len(list((site / ".sitegen-cache/cards").glob("*.png"))) == 3  # the old one went
    clean = tmp_path / "clean"
    assert build(site, "--jobs", "1", "--no-cache", "--out", str(clean)) == 0
    assert tree(site / "dist") == tree(clean)  # the incremental build made the same bytes


def test_an_override_corrects_a_seed_and_names_its_author(tmp_path: Path) -> None:
    files = {
        "seeds/001_0123456789abcdef.txt": "date 2025-03-01 Ο δήμος ανακοίνωσε νέα έργα. Κείμενο.",
        "content/0123456789abcdef.md": "---\nupdated: 2025-03-04\nauthor: Ελένη Κ.\n---\n",
    }
    site = write_site(tmp_path / "site", files, f'base_url = "{BASE}"\n')
    assert build(site) == 0
    [page] = pages(site / "dist").values()
    data = news_article(page)
    assert data["dateModified"] == "2025-03-04T12:00:00+02:00"
    assert data["author"] == [{"@type": "Person", "name": "Ελένη Κ."}]
    assert page.find(class_="byline").get_text() == "Συντάκτης: Ελένη Κ."
    assert meta(page, "og:image") == "https://example.org/news/static/share.png"


def test_shared_images_are_checked_and_encoded(tmp_path: Path) -> None:
    big = io.BytesIO()
    Image.new("1", (14000, 14000)).save(big, "PNG")  # past Pillow's "bomb" size: 24 KB
    files = {
        "themes/default/static/photos/big.png": big.getvalue(),
        "themes/default/static/photos/το λιμάνι.png": png(600, 300),
        "content/a/index.md": "---\nslug: a\nimage: static/photos/το λιμάνι.png\n---\nΑ.\n",
        "content/b/index.md": "---\nslug: b\n---\nΣελίδα χωρίς εικόνα.\n",
        "content/2025-01-02-x.md": (
            "---\ntitle: Επικίνδυνη εικόνα\ndate: 2025-01-02\n---\n"
            '<img src="javascript:alert(1)" alt="x">\n\nΚείμενο.\n'
        ),
        "content/2025-01-03-y.md": (
            "---\ntitle: Εικόνα του ίδιου ιστότοπου\ndate: 2025-01-03\n"
            "image: https://example.org/news/uploads/y.jpg\n---\nΚείμενο.\n"
        ),
        "content/2025-01-04-z.md": (
            "---\ntitle: Πολύ μεγάλη εικόνα\ndate: 2025-01-04\n"
            "image: static/photos/big.png\n---\nΚείμενο.\n"
        ),
    }
    site = write_site(tmp_path / "site", files, f'base_url = "{BASE}"\n')
    assert build(site) == 0
    out = site / "dist"
    a, b = soup(out / "a/index.html"), soup(out / "b/index.html")
    assert meta(a, "og:image") == (
        "https://example.org/news/static/photos/%CF%84%CE%BF%20%CE%BB%CE%B9%CE%BC%CE%AC%CE%BD%CE%B9.png"
    )
    assert (meta(a, "og:image:width"), meta(a, "og:image:height")) == ("600", "300")
    assert meta(b, "og:image") == "https://example.org/news/static/share.png"  # not a's
    found = pages(out)
    assert meta(found["Επικίνδυνη εικόνα"], "og:image") == BASE + "static/share.png"
    own = found["Εικόνα του ίδιου ιστότοπου"]
    assert meta(own, "og:image") == "https://example.org/news/uploads/y.jpg"
    assert meta(own, "og:image:type") == "image/jpeg"
    assert meta(own, "og:image:width") is None
    assert meta(found["Πολύ μεγάλη εικόνα"], "og:image") == BASE + "static/photos/big.png"


def test_an_author_address_must_be_a_plain_web_address(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    front = "date: 2025-01-02\nauthor: {name: Α, url: 'https://x.org/a\" onmouseover=b'}\n"
    site = write_site(tmp_path / "site", {"content/a.md": f"---\n{front}---\nΚείμενο.\n"})
    assert build(site) == 1
    assert "a.md:3: 'author' must be a name" in capsys.readouterr().err


def test_a_future_build_keeps_tomorrow_out_of_the_news_sitemap(out: Path, tmp_path: Path) -> None:
    site = out.parent
    (site / "content/articles/2025-12-01-avrio.md").write_text(
        "---\ntitle: Αύριο\ndate: 2025-12-01\n---\nΑύριο.\n", "utf-8"
    )
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("SOURCE_DATE_EPOCH", NOW)
            assert build(site, "--future", "--out", str(tmp_path / "f")) == 0
        assert (tmp_path / "f/2025/12/01").is_dir()  # on the site, but not news yet
        assert "Αύριο" not in (tmp_path / "f/news-sitemap.xml").read_text()
    finally:
        (site / "content/articles/2025-12-01-avrio.md").unlink()

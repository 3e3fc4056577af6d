"""RSS, Atom and JSON Feed: valid, stable ids, absolute links, right under a sub-path."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup

from sitegen.commands.cli import main
from sitegen.core.urls import absolute_html

from .conftest import FIXTURES, benchmark_module, soup, write_site

BASE = "https://user.github.io/repo/"
# Feed ids: name-based UUIDs of the article ids, whatever the host (written out by hand
# from Python's uuid.uuid5(NAMESPACE_URL, "sitegen:article:<id>"))
IDS = {
    "festival": "urn:uuid:cb9ec99f-fb6d-54a6-9434-69032ced2ba4",
    "7ec5fab1d3816db2": "urn:uuid:0756c63e-0646-5465-82c6-5d4a4facc8ad",
    "cccccccccccccccc": "urn:uuid:5f631e57-2ec8-57fc-b46e-a2cb4d1e4539",
}
NS = {"atom": "http://www.w3.org/2005/Atom", "content": "http://purl.org/rss/1.0/modules/content/"}
# RFC 822 as RSS 2.0 wants it (with a four-digit year and a numeric zone): "Sun, 02 Nov 2025
# 12:00:00 +0200", with English day and month names whatever the site's language.
RFC_822 = re.compile(
    r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [0-3]\d "
    r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} [0-2]\d:[0-5]\d:[0-5]\d [+-]\d{4}"
)


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("feeds")
    corpus = benchmark_module("corpus")
    corpus.write_collection(site / "seeds", 1000)
    (site / "content").mkdir()
    (site / "content/link.md").write_text(
        "---\ntitle: Με συνδέσμους\ndate: 2025-06-01\ntags: [Κρήτη]\n---\n"
        "Δες [το αρχείο](../../../../archive/) και [την αρχή](/repo/) και "
        "![εικόνα](photo.jpg) και [κάτι](#here).\n",
        "utf-8",
    )
    (site / "sitegen.toml").write_text(f'base_url = "{BASE}"\ntitle = "Ειδήσεις"\n', "utf-8")
    assert main(["build", "--site", str(site), "--no-search", "--quiet"]) == 0
    return site / "dist"


def all_rss(out: Path) -> list[Path]:
    return [out / "feed.xml", *sorted(out.glob("tags/*/feed.xml"))]


def test_every_feed_is_well_formed_and_read_by_feedparser(out: Path) -> None:
    for path in [*all_rss(out), out / "atom.xml"]:
        ET.parse(path)  # well-formed XML
        parsed = feedparser.parse(path.read_bytes())
        assert parsed.bozo == 0, (path, parsed.get("bozo_exception"))
        assert parsed.entries
        assert parsed.feed.language == "el"


def test_rss_details(out: Path) -> None:
    for path in all_rss(out):
        channel = ET.parse(path).getroot().find("channel")
        self_link = channel.find("atom:link", NS)
        assert self_link.get("rel") == "self" and self_link.get("type") == "application/rss+xml"
        assert self_link.get("href") == BASE + path.relative_to(out).as_posix()
        items = channel.findall("item")
        assert 0 < len(items) <= 50
        dates = [parsedate_to_datetime(i.findtext("pubDate")) for i in items]
        assert dates == sorted(dates, reverse=True)  # newest first
        for item, date in zip(items, dates, strict=True):
            assert RFC_822.fullmatch(item.findtext("pubDate")), item.findtext("pubDate")
            assert date.utcoffset() is not None
            names = [child.tag for child in item]
            assert names.index("description") < names.index(f"{{{NS['content']}}}encoded")
        assert channel.findtext("lastBuildDate") == items[0].findtext("pubDate")  # not the clock


@pytest.fixture(scope="module")
def basic_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/fixtures/basic built: no time zone set, so Europe/Athens (EET/EEST)."""
    site = tmp_path_factory.mktemp("basic-feeds") / "site"
    shutil.copytree(FIXTURES / "basic", site)
    assert main(["build", "--site", str(site), "--no-search", "--quiet"]) == 0
    return site / "dist"


def test_dates_are_rfc_3339_in_atom_and_json_and_rfc_822_in_rss(basic_out: Path) -> None:
    """Written out by hand for the fixture's articles: 2025-11-02 (winter time, +02:00),
    2025-09-03 (summer time, +03:00) and 2024-12-31, each published at noon in Athens."""
    atom = ET.parse(basic_out / "atom.xml").getroot()
    assert atom.findtext("atom:updated", namespaces=NS) == "2025-11-02T12:00:00+02:00"
    entries = {e.findtext("atom:id", namespaces=NS): e for e in atom.findall("atom:entry", NS)}
    for source, stamp in [
        ("festival", "2025-11-02T12:00:00+02:00"),
        ("7ec5fab1d3816db2", "2025-09-03T12:00:00+03:00"),
        ("cccccccccccccccc", "2024-12-31T12:00:00+02:00"),
    ]:
        entry = entries[IDS[source]]
        assert entry.findtext("atom:published", namespaces=NS) == stamp, source
        assert entry.findtext("atom:updated", namespaces=NS) == stamp, source

    channel = ET.parse(basic_out / "feed.xml").getroot().find("channel")
    assert channel.findtext("lastBuildDate") == "Sun, 02 Nov 2025 12:00:00 +0200"
    items = {i.findtext("guid"): i.findtext("pubDate") for i in channel.findall("item")}
    assert (
        items["urn:uuid:cb9ec99f-fb6d-54a6-9434-69032ced2ba4"] == "Sun, 02 Nov 2025 12:00:00 +0200"
    )
    assert (
        items["urn:uuid:0756c63e-0646-5465-82c6-5d4a4facc8ad"] == "Wed, 03 Sep 2025 12:00:00 +0300"
    )
    assert (
        items["urn:uuid:5f631e57-2ec8-57fc-b46e-a2cb4d1e4539"] == "Tue, 31 Dec 2024 12:00:00 +0200"
    )

    data = json.loads((basic_out / "feed.json").read_text("utf-8"))
    published = {item["id"]: item["date_published"] for item in data["items"]}
    assert published["urn:uuid:cb9ec99f-fb6d-54a6-9434-69032ced2ba4"] == "2025-11-02T12:00:00+02:00"
    assert published["urn:uuid:0756c63e-0646-5465-82c6-5d4a4facc8ad"] == "2025-09-03T12:00:00+03:00"


def test_site_feed_has_the_newest_fifty(out: Path) -> None:
    home = soup(out / "index.html")
    newest = [a["href"] for a in home.select(".article-list h2 a")]
    parsed = feedparser.parse((out / "feed.xml").read_bytes())
    assert len(parsed.entries) == 50
    assert [e.link.removeprefix("https://user.github.io") for e in parsed.entries[:10]] == newest


def test_ids_are_unique_stable_uuid_urns(out: Path) -> None:
    parsed = feedparser.parse((out / "atom.xml").read_bytes())
    ids = [e.id for e in parsed.entries]
    assert len(ids) == len(set(ids))
    assert all(
        re.fullmatch(
            r"urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", i
        )
        for i in ids
    )
    rss = ET.parse(out / "feed.xml").getroot()
    assert all(g.get("isPermaLink") == "false" for g in rss.iter("guid"))


def test_titles_dates_and_tags_match_the_pages(out: Path) -> None:
    parsed = feedparser.parse((out / "feed.xml").read_bytes())
    for entry in parsed.entries[:20]:
        page = soup(out / entry.link.removeprefix(BASE) / "index.html")
        assert entry.title == page.h1.get_text()
        assert [t.term for t in entry.tags] == [a.get_text() for a in page.select('a[rel~="tag"]')]
        year, month, day = entry.published_parsed[:3]
        assert page.time["datetime"][:10] == f"{year:04d}-{month:02d}-{day:02d}"


def test_links_inside_items_are_absolute(out: Path) -> None:
    for path in all_rss(out):
        for encoded in ET.parse(path).getroot().iter(f"{{{NS['content']}}}encoded"):
            for element in BeautifulSoup(encoded.text, "lxml").find_all(True):
                for attribute in ("href", "src"):
                    value = element.get(attribute)
                    assert value is None or value.startswith((BASE, "#")), value
    entry = next(
        e
        for e in feedparser.parse((out / "feed.xml").read_bytes()).entries
        if e.title == "Με συνδέσμους"
    )
    html = entry.content[0].value
    assert f'href="{BASE}archive/"' in html and f'href="{BASE}"' in html
    assert f'src="{BASE}2025/06/01/me-syndesmous/photo.jpg"' in html


def test_json_feed(out: Path) -> None:
    data = json.loads((out / "feed.json").read_text("utf-8"))
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert data["title"] == "Ειδήσεις" and data["feed_url"] == BASE + "feed.json"
    assert data["home_page_url"] == BASE
    assert len(data["items"]) == 50
    for item in data["items"]:
        assert item["id"] and item["url"].startswith(BASE) and item["content_html"]
        assert item["date_published"][10] == "T"


def test_autodiscovery_and_visible_links(out: Path) -> None:
    home = soup(out / "index.html")
    types = {link["type"]: link["href"] for link in home.find_all("link", rel="alternate")}
    assert types == {
        "application/rss+xml": "/repo/feed.xml",
        "application/atom+xml": "/repo/atom.xml",
        "application/feed+json": "/repo/feed.json",
    }
    tag = soup(out / "tags/kriti/index.html")
    hrefs = [link["href"] for link in tag.find_all("link", rel="alternate")]
    assert "/repo/tags/kriti/feed.xml" in hrefs
    assert tag.find("a", href="/repo/tags/kriti/feed.xml")


def test_a_corrected_headline_keeps_the_feed_id(tmp_path: Path) -> None:
    seed = {"seeds/001_0123456789abcdef.txt": "date 2025-03-01 Αρχικός τίτλος με λάθος. Κείμενο."}
    site = write_site(tmp_path, seed, f'base_url = "{BASE}"\n')

    def first_entry():
        assert main(["build", "--site", str(site), "--no-search", "--quiet"]) == 0
        return feedparser.parse((site / "dist/feed.xml").read_bytes()).entries[0]

    before = first_entry()
    (site / "content").mkdir()
    (site / "content/0123456789abcdef.md").write_text("---\ntitle: Σωστός τίτλος\n---\n", "utf-8")
    after = first_entry()
    assert before.title == "Αρχικός τίτλος με λάθος" and after.title == "Σωστός τίτλος"
    assert before.link != after.link  # the slug follows the title ...
    assert (
        before.id == after.id == "urn:uuid:75ae52de-27e3-5814-a108-f3af9a48dbc8"
    )  # ... the id not


def test_summary_only_and_item_limit(tmp_path: Path) -> None:
    seeds = {
        f"seeds/{i:03d}_{i:016x}.txt": f"date 2025-01-{i + 1:02d} Είδηση {i}." for i in range(5)
    }
    site = write_site(tmp_path, seeds, "feed_items = 3\nfeed_full_text = false\n")
    assert main(["build", "--site", str(site), "--no-search", "--quiet"]) == 0
    parsed = feedparser.parse((site / "dist/feed.xml").read_bytes())
    assert [e.title for e in parsed.entries] == ["Είδηση 4", "Είδηση 3", "Είδηση 2"]
    assert "content" not in parsed.entries[0]
    data = json.loads((site / "dist/feed.json").read_text("utf-8"))
    assert "content_html" not in data["items"][0] and data["items"][0]["content_text"]


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<a href="../x/">x</a>', '<a href="https://s.org/r/2025/x/">x</a>'),
        ('<a href="/r/">x</a>', '<a href="https://s.org/r/">x</a>'),
        ("<img src='a.png'>", "<img src='https://s.org/r/2025/01/a.png'>"),
        ('<a href="#top">x</a>', '<a href="https://s.org/r/2025/01/#top">x</a>'),
        (  # a URL may hold commas (an image service's options)
            '<img srcset="/u/w_400,h_300/a.jpg 1x, b.jpg 2x">',
            '<img srcset="https://s.org/u/w_400,h_300/a.jpg 1x, https://s.org/r/2025/01/b.jpg 2x">',
        ),
        (
            '<img src="a.jpg" srcset="a.jpg 1x, /b.jpg 2x">',
            '<img src="https://s.org/r/2025/01/a.jpg" '
            'srcset="https://s.org/r/2025/01/a.jpg 1x, https://s.org/b.jpg 2x">',
        ),
        ('<a href="mailto:a@b.c">x</a>', '<a href="mailto:a@b.c">x</a>'),
        ('<a href="https://other.org/">x</a>', '<a href="https://other.org/">x</a>'),
    ],
)
def test_absolute_html(html: str, expected: str) -> None:
    assert absolute_html(html, "https://s.org/r/2025/01/") == expected


def test_markup_in_titles_is_escaped_in_every_format(tmp_path: Path) -> None:
    seed = {"seeds/001_0123456789abcdef.txt": 'date 2025-03-01 Α & Β <script>x</script> «Γ» "Δ".'}
    site = write_site(tmp_path, seed)
    assert main(["build", "--site", str(site), "--no-search", "--quiet"]) == 0
    title = 'Α & Β <script>x</script> «Γ» "Δ"'
    for name in ("feed.xml", "atom.xml"):
        parsed = feedparser.parse((site / "dist" / name).read_bytes())
        assert parsed.bozo == 0 and parsed.entries[0].title == title
    assert json.loads((site / "dist/feed.json").read_text("utf-8"))["items"][0]["title"] == title
    assert "<script>" not in (site / "dist/feed.xml").read_text("utf-8")


def test_control_characters_never_reach_a_feed(tmp_path: Path, capsys) -> None:
    """ESC, BEL, BS, a vertical tab and U+FFFE in an article: every feed is still
    well-formed XML, and the author is told the file and line."""
    site = write_site(
        tmp_path / "site",
        {
            "seeds/001_aaaaaaaaaaaaaaaa.txt": (
                "date 2025-09-03 Ο δήμαρχος \x1b[31mεγκαινίασε\x07 τη νέα\x08 βιβλιοθήκη "
                "\ufffe της Αθήνας.\n"
            ),
            "content/page.md": (
                "---\ntitle: Σελίδα\x0b με έλεγχο\ndate: 2025-09-04\n---\nΚείμενο.\n"
            ),
        },
    )
    assert main(["build", "--site", str(site), "--no-search"]) == 0
    err = capsys.readouterr().err
    assert "seeds/001_aaaaaaaaaaaaaaaa.txt:1: warning: holds control characters" in err
    assert "content/page.md:2: warning: holds control characters (the first is U+000B)" in err
    feeds = list((site / "dist").rglob("*.xml"))
    assert len(feeds) >= 3  # feed, atom, sitemap (and the feeds of tags)
    for feed in feeds:
        ET.parse(feed)  # well-formed
        text = feed.read_text(encoding="utf-8")
        assert not any(c in text for c in "\x1b\x07\x08\x0b\ufffe")


def test_an_rss_summary_is_html_escaped(tmp_path: Path) -> None:
    """RSS <description> is HTML: a summary with '<script>' must read as text once the
    XML is decoded (content:encoded is escaped already)."""
    seed = "date 2025-09-03 Ο κώδικας <script>x</script> & άλλα.\n"
    site = write_site(tmp_path / "site", {"seeds/001_aaaaaaaaaaaaaaaa.txt": seed})
    assert main(["build", "--site", str(site), "--no-search", "--quiet"]) == 0
    item = ET.parse(site / "dist/feed.xml").getroot().find("channel/item")
    assert item.findtext("description") == "Ο κώδικας &lt;script&gt;x&lt;/script&gt; &amp; άλλα."

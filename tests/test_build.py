"""End to end: build the fixture site under a sub-path and check the output by parsing it."""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from sitegen.commands.cli import main

from .conftest import FIXTURES, soup, tree

BASE = "https://example.org/news/"
ROOT = "/news/"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture site built once, with the search index."""
    site = tmp_path_factory.mktemp("built") / "site"
    shutil.copytree(FIXTURES / "basic", site)
    assert main(["build", "--site", str(site), "--quiet"]) == 0
    return site / "dist"


def article_pages(out: Path) -> list[Path]:
    return sorted(out.glob("[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9]/*/index.html"))


def test_one_page_per_published_article(built: Path) -> None:
    slugs = [p.parent.relative_to(built).as_posix() for p in article_pages(built)]
    assert slugs == [
        "2024/12/31/o-olympiakos-kerdise-ton-panathinaiko-me-2-1-sto-ntermpi-tis-kyriakis",
        "2025/09/03/o-proedros-tis-rosias-synantithike-me-ton-voreiokoreati-igeti-sto-pekino",
        "2025/10/01/psifistike-o-proypologismos-tou-2026",
        "2025/10/01/pyrkagia-xespase-to-apogevma-se-dasiki-ektasi-konta-stin-korintho",
        "2025/11/02/xekina-to-festival-kinimatografou",
    ]  # the draft is left out


def test_article_page_contract(built: Path) -> None:
    for path in article_pages(built):
        page = soup(path)
        assert page.html["lang"] == "el"
        [h1] = page.find_all("h1")
        time = page.find("time")
        published = datetime.fromisoformat(time["datetime"])
        assert published.utcoffset() is not None
        graph = [json.loads(s.string) for s in page.find_all("script", type="application/ld+json")]
        [data] = [d for d in graph if d["@type"] == "NewsArticle"]
        [crumbs] = [d for d in graph if d["@type"] == "BreadcrumbList"]
        assert [i["position"] for i in crumbs["itemListElement"]] == [1, 2, 3, 4]
        assert crumbs["itemListElement"][-1]["item"] == data["url"]
        assert data["publisher"]["logo"]["url"] == BASE + "static/logo.png"
        og = {m["property"]: m["content"] for m in page.find_all("meta", property=True)}
        assert og["og:type"] == "article" and og["og:title"] == h1.get_text()
        assert og["og:url"] == data["url"] and og["og:locale"] == "el_GR"
        assert og["article:published_time"] == data["datePublished"]
        tags_og = [m["content"] for m in page.find_all("meta", property="article:tag")]
        assert tags_og == data["keywords"]
        assert page.find("meta", attrs={"name": "twitter:card"})["content"] == "summary_large_image"
        assert og["og:image"] == BASE + "static/share.png"  # the site's: no image, no cards
        assert (og["og:image:width"], og["og:image:height"]) == ("1200", "630")
        assert page.find("link", rel="icon")["href"] == ROOT + "static/favicon.svg"
        url = BASE + path.parent.relative_to(built).as_posix() + "/"
        assert [(d["@context"], d["@type"]) for d in graph] == [
            ("https://schema.org", "NewsArticle"),
            ("https://schema.org", "BreadcrumbList"),
        ]
        assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": url}
        assert data["publisher"]["@type"] == "Organization"
        assert data["publisher"]["logo"]["@type"] == "ImageObject"
        assert [i["@type"] for i in crumbs["itemListElement"]] == ["ListItem"] * 4
        assert data["headline"] == h1.get_text()
        assert datetime.fromisoformat(data["datePublished"]) == published
        assert data["url"] == url == page.find("link", rel="canonical")["href"]
        assert data["inLanguage"] == "el"
        tags = [a.get_text() for a in page.select('a[rel~="tag"]')]
        assert data["keywords"] == tags
        for link in page.select('a[rel~="tag"]'):
            assert link["href"].startswith(ROOT + "tags/") and link["href"].endswith("/")


def test_seed_article_in_full(built: Path) -> None:
    [path] = built.glob("2025/09/03/*/index.html")
    page = soup(path)
    assert page.h1.get_text() == (
        "Ο πρόεδρος της Ρωσίας συναντήθηκε με τον Βορειοκορεάτη ηγέτη στο Πεκίνο"
    )
    assert page.time.get_text() == "3 Σεπτεμβρίου 2025"
    assert page.time["datetime"] == "2025-09-03T12:00:00+03:00"
    paragraphs = page.select("article .body p")
    raw = (FIXTURES / "basic/seeds/000_7ec5fab1d3816db2.txt").read_text("utf-8")
    assert len(paragraphs) == 9
    assert paragraphs[1].get_text() in raw and paragraphs[1].get_text().startswith("«Με δική σας")
    assert json.loads(page.find("script", type="application/ld+json").string)["identifier"] == (
        "7ec5fab1d3816db2"
    )


def test_raw_text_is_escaped(built: Path) -> None:
    [path] = built.glob("2024/12/31/*/index.html")
    html = path.read_text("utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    ld = soup(path).find("script", type="application/ld+json").string
    assert "</script" not in ld and "\\u003cscript\\u003e" in ld


def test_override_and_tags(built: Path) -> None:
    page = soup(built / "2025/10/01/psifistike-o-proypologismos-tou-2026/index.html")
    assert page.h1.get_text() == "Ψηφίστηκε ο προϋπολογισμός του 2026"
    assert [a.get_text() for a in page.select('a[rel~="tag"]')] == ["Βουλή", "Οικονομία"]
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["identifier"] == "aaaaaaaaaaaaaaaa" and data["keywords"] == ["Βουλή", "Οικονομία"]


def test_home_pages_walk_every_article_once_newest_first(built: Path) -> None:
    seen, dates, href = [], [], ROOT
    while href:
        page = soup(built / urlsplit(href).path.removeprefix(ROOT) / "index.html")
        seen += [a["href"] for a in page.select(".article-list h2 a")]
        dates += [t["datetime"] for t in page.select(".article-list time")]
        nxt = page.find("a", rel="next")
        href = nxt["href"] if nxt else None
    assert len(seen) == len(set(seen)) == 5
    assert dates == sorted(dates, reverse=True)
    assert not (built / "page/1").exists() and (built / "page/3/index.html").exists()
    assert not (built / "page/4").exists()


def test_standalone_page_and_tag_pages(built: Path) -> None:
    about = soup(built / "about/index.html")
    assert about.h1.get_text() == "Σχετικά με εμάς"
    assert about.find(attrs={"data-pagefind-body": True}) is None  # pages are not searched
    tag = soup(built / "tags/thessaloniki/index.html")
    assert [a.get_text() for a in tag.select(".article-list h2 a")] == [
        "Ξεκινά το φεστιβάλ κινηματογράφου"
    ]
    index = [a.get_text() for a in soup(built / "tags/index.html").select(".tag-index a")]
    assert index == [
        "Βόρεια Κορέα",
        "Βουλή",
        "Θεσσαλονίκη",
        "Κιμ",
        "Κινηματογράφος",
        "Κόρινθος",
        "Κουρσκ",
        "Οικονομία",
        "Ολυμπιακός",
        "Ουκρανία",
        "Παναθηναϊκός",
        "Πολιτισμός",
        "Πούτιν",
        "Ρωσία",
    ]  # Greek alphabetical order, accents and case folded


def test_seed_gets_automatic_tags(built: Path) -> None:
    [path] = built.glob("2025/09/03/*/index.html")
    tags = [a.get_text() for a in soup(path).select('a[rel~="tag"]')]
    assert tags == ["Ρωσία", "Βόρεια Κορέα", "Πούτιν", "Κιμ", "Ουκρανία", "Κουρσκ"]
    page = soup(built / "tags/voreia-korea/index.html")
    assert page.h1.get_text() == "Θέμα: Βόρεια Κορέα"


def test_every_local_link_and_asset_resolves_under_the_sub_path(built: Path) -> None:
    for path in built.rglob("*.html"):
        if "pagefind" in path.parts:
            continue
        page = soup(path)
        for tag in page.find_all(["a", "link", "script"]):
            ref = tag.get("href") or tag.get("src")
            if not ref or ref.startswith("#"):
                continue
            parts = urlsplit(ref)
            if parts.netloc:
                assert ref.startswith(BASE), (path, ref)
                continue
            target = (path.parent / parts.path) if not parts.path.startswith("/") else None
            if target is None:
                assert parts.path.startswith(ROOT), (path, ref)
                target = built / parts.path.removeprefix(ROOT)
            if target.is_dir():
                target = target / "index.html"
            assert target.is_file(), (path, ref)


def test_stylesheet_is_fingerprinted(built: Path) -> None:
    [css] = built.glob("static/style.*.css")
    assert len(css.name.split(".")[1]) == 10
    assert (
        soup(built / "index.html").find("link", rel="stylesheet")["href"]
        == f"{ROOT}static/{css.name}"
    )


def test_search_index_holds_the_articles(built: Path) -> None:
    parts = sorted(p.name for p in (built / "pagefind").iterdir())
    counts = [
        json.loads((built / "pagefind" / p / "pagefind-entry.json").read_text())["languages"]["el"][
            "page_count"
        ]
        for p in parts
    ]
    assert sum(counts) == 5 and len(parts) > 1  # the articles, in one part a year
    assert not (built / "pagefind" / parts[0] / "pagefind-ui.js").exists()  # (unused)
    search = soup(built / "search/index.html")
    assert search.find("script", src=f"{ROOT}static/search.js")
    assert search.find(attrs={"data-sitegen-search": True})["data-bundle"] == f"{ROOT}pagefind/"
    assert (built / ".nojekyll").is_file() and (built / "404.html").is_file()


def test_content_errors_are_all_reported_and_leave_dist_as_it_was(
    basic_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build", "--site", str(basic_site), "--no-search", "--quiet"]) == 0
    before = tree(basic_site / "dist")
    (basic_site / "seeds/010_dddddddddddddddd.txt").write_text(
        "\n\ndate 2025-02-30 Κείμενο.", "utf-8"
    )
    (basic_site / "seeds/011_eeeeeeeeeeeeeeee.txt").write_text("Χωρίς ημερομηνία.", "utf-8")
    (basic_site / "content/bad.md").write_text("---\ntitle: [x\n---\n", "utf-8")
    assert main(["build", "--site", str(basic_site), "--no-search"]) == 1
    err = capsys.readouterr().err
    assert 'seeds/010_dddddddddddddddd.txt:3: the date "2025-02-30" is not a real day' in err
    assert "seeds/011_eeeeeeeeeeeeeeee.txt:1: does not start with a date" in err
    assert "content/bad.md:3: the front matter is not valid YAML" in err
    assert tree(basic_site / "dist") == before
    assert sorted(p.name for p in basic_site.iterdir() if p.name.startswith(".dist")) == []


def test_usage_errors_exit_2(basic_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["build", "--site", str(basic_site), "--base-url", "not a url"])
    assert caught.value.code == 2
    assert main(["build", "--site", str(basic_site), "--out", str(basic_site)]) == 2
    assert "would replace the site folder" in capsys.readouterr().err


def test_an_empty_seeds_folder_builds_a_site(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()  # (a folder with no seeds/ nor content/ is refused)
    assert main(["build", "--site", str(tmp_path), "--no-search", "--quiet"]) == 0
    home = soup(tmp_path / "dist/index.html")
    assert home.html["lang"] == "el" and home.h1 is not None


def test_sitemap_and_robots(built: Path) -> None:
    import xml.etree.ElementTree as ET

    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ET.parse(built / "sitemap.xml").getroot()
    locs = [u.findtext("s:loc", namespaces=ns) for u in root.findall("s:url", ns)]
    assert len(locs) == len(set(locs)) and all(loc.startswith(BASE) for loc in locs)
    pages = {
        BASE + p.parent.relative_to(built).as_posix() + "/"
        for p in built.rglob("index.html")
        if "pagefind" not in p.parts and p.parent.name != "search"
    }
    assert set(locs) == {loc.replace(BASE + "./", BASE) for loc in pages}
    for url in root.findall("s:url", ns):
        assert len(url.findtext("s:lastmod", namespaces=ns)) == 10  # YYYY-MM-DD
    assert (built / "robots.txt").read_text() == (
        f"User-agent: *\nAllow: /\n\nSitemap: {BASE}sitemap.xml\nSitemap: {BASE}news-sitemap.xml\n"
    )


def test_home_has_website_search_action_and_archives_have_breadcrumbs(built: Path) -> None:
    [site] = [json.loads(s.string) for s in soup(built / "index.html").select("script[type]")]
    assert site["@type"] == "WebSite"
    target = site["potentialAction"]["target"]["urlTemplate"]
    assert target == BASE + "search/?q={search_term_string}"
    for path in ("2025/index.html", "2025/09/index.html", "archive/index.html"):
        data = [json.loads(s.string) for s in soup(built / path).select("script[type]")]
        assert [d["@type"] for d in data] == ["BreadcrumbList"]
        assert data[0]["itemListElement"][0]["item"] == BASE

"""Archives and the ways a reader moves through a 1,000-article collection, checked by
parsing the built pages."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from sitegen.commands.cli import main

from .conftest import benchmark_module, soup, write_site

ROOT = "/news/"
# A month on its own is in the nominative (Σεπτέμβριος 2025), never the genitive of a
# date (3 Σεπτεμβρίου 2025).
NOMINATIVE = {
    "01": "Ιανουάριος",
    "02": "Φεβρουάριος",
    "03": "Μάρτιος",
    "04": "Απρίλιος",
    "05": "Μάιος",
    "06": "Ιούνιος",
    "07": "Ιούλιος",
    "08": "Αύγουστος",
    "09": "Σεπτέμβριος",
    "10": "Οκτώβριος",
    "11": "Νοέμβριος",
    "12": "Δεκέμβριος",
}


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("big")
    benchmark_module("corpus").write_collection(site / "seeds", 1000)
    (site / "sitegen.toml").write_text('base_url = "https://example.org/news/"\n', "utf-8")
    assert main(["build", "--site", str(site), "--no-search", "--quiet"]) == 0
    return site / "dist"


def local(href: str) -> str:
    path = urlsplit(href).path
    assert path.startswith(ROOT), href
    return path.removeprefix(ROOT)


def walk(out: Path, start: str, selector: str = ".article-list h2 a") -> list[str]:
    """Follow rel=next from a listing's first page; the article links in order."""
    found, path = [], start
    while path is not None:
        page = soup(out / path / "index.html")
        found += [local(a["href"]) for a in page.select(selector)]
        nxt = page.find("a", rel="next")
        path = local(nxt["href"]) if nxt else None
    return found


def article_paths(out: Path) -> set[str]:
    return {
        p.parent.relative_to(out).as_posix() + "/"
        for p in out.glob("[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9]/*/index.html")
    }


@pytest.mark.slow  # the 1,000-article site
def test_home_reaches_every_article_once_newest_first(big: Path) -> None:
    walked = walk(big, "")
    assert len(walked) == len(set(walked)) == 1000
    assert set(walked) == article_paths(big)
    dates = [w[:10] for w in walked]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.slow  # the 1,000-article site
def test_month_archives_list_each_article_once(big: Path) -> None:
    index = soup(big / "archive/index.html")
    months = [local(a["href"]) for a in index.select(".archive-year li a")]
    assert len(months) > 12
    seen: Counter = Counter()
    for month in months:
        year, number = month.rstrip("/").split("/")
        link = index.find("a", href=ROOT + month)
        assert link.get_text() == NOMINATIVE[number], month
        listed = walk(big, month)
        assert all(item.startswith(month) for item in listed)
        page = soup(big / month / "index.html")
        count = re.search(r"\d+", link.parent.select_one(".count").text)
        assert len(listed) == int(count.group()), month  # the index counts match
        assert page.h1.get_text() == f"{NOMINATIVE[number]} {year}", month
        seen.update(listed)
    assert set(seen) == article_paths(big) and set(seen.values()) == {1}


@pytest.mark.slow  # the 1,000-article site
def test_year_archives_and_neighbours(big: Path) -> None:
    years = sorted(p.name for p in big.iterdir() if re.fullmatch(r"\d{4}", p.name))
    total = 0
    for i, year in enumerate(years):
        listed = walk(big, f"{year}/")
        assert all(item.startswith(f"{year}/") for item in listed)
        total += len(listed)
        page = soup(big / year / "index.html")
        links = {a.get_text().strip("←→ ") for a in page.select(".period-nav a")}
        expected = {
            y
            for y in (years[i - 1] if i else None, years[i + 1] if i + 1 < len(years) else None)
            if y
        }
        assert links == expected
    assert total == 1000
    month = soup(big / "2023/05/index.html")
    assert {a.get_text().strip("←→ ") for a in month.select(".period-nav a")} == {
        "Απρίλιος 2023",
        "Ιούνιος 2023",
    }


@pytest.mark.slow  # the 1,000-article site
def test_every_article_is_on_all_its_tag_pages(big: Path) -> None:
    members: dict[str, set[str]] = {}
    for path in sorted(article_paths(big)):
        page = soup(big / path / "index.html")
        for link in page.select('a[rel~="tag"]'):
            tag = local(link["href"])
            if tag not in members:
                members[tag] = set(walk(big, tag))
            assert path in members[tag], (path, tag)


@pytest.mark.slow  # the 1,000-article site
def test_tag_index_is_alphabetical_and_counts_match(big: Path) -> None:
    page = soup(big / "tags/index.html")
    links = page.select(".tag-index a")
    names = [a.get_text() for a in links]
    assert names == [  # accents and case folded: Ανδρέας before Άννα, Ήπειρος after Γ
        "Αίγυπτος",
        "Ανδρέας Λοβέρδος",
        "Άννα Διαμαντοπούλου",
        "Γιάννης Στουρνάρας",
        "Ήπειρος",
        "Ισπανία",
        "Ιταλία",
        "Κρήτη",
        "Νίκος Δένδιας",
        "Ντόρα Μπακογιάννη",
        "Όλαφ Σολτς",
        "Πάτρα",
        "Ρόδος",
    ]
    for link in links:
        count = int(re.search(r"\d+", link.parent.select_one(".count").text).group())
        assert len(walk(big, local(link["href"]))) == count
    popular = [int(re.search(r"\d+", li.select_one(".count").text).group())
               for li in page.select(".popular-tags li")]  # fmt: skip
    assert popular == sorted(popular, reverse=True) and popular


@pytest.mark.slow  # the 1,000-article site
def test_articles_link_neighbours_and_related(big: Path) -> None:
    walked = walk(big, "")
    for i, path in enumerate(walked[:200]):
        page = soup(big / path / "index.html")
        links = {
            a.find_previous("span").get_text(): local(a["href"])
            for a in page.select(".neighbours a")
        }
        if i > 0:
            assert links["Νεότερο άρθρο"] == walked[i - 1]
        if i + 1 < len(walked):
            assert links["Παλαιότερο άρθρο"] == walked[i + 1]
        related = [local(a["href"]) for a in page.select(".related a")]
        assert 3 <= len(related) <= 5 and path not in related
        own = {a.get_text() for a in page.select('a[rel~="tag"]')}
        for other in related:
            theirs = {
                a.get_text() for a in soup(big / other / "index.html").select('a[rel~="tag"]')
            }
            assert own & theirs  # related means sharing a tag
    data = json.loads(
        soup(big / walked[0] / "index.html").find("script", type="application/ld+json").string
    )
    assert data["@type"] == "NewsArticle"


def seeds(*days: str) -> dict[str, str]:
    return {
        f"seeds/{i:03d}_{i:016x}.txt": f"date {d} Είδηση {i} για την Κρήτη. Η Κρήτη."
        for i, d in enumerate(days)
    }


@pytest.mark.parametrize("count", [1, 3, 4])
def test_small_collections_paginate_exactly(tmp_path: Path, count: int) -> None:
    site = write_site(
        tmp_path,
        seeds(*[f"2025-01-{d:02d}" for d in range(1, count + 1)]),
        'per_page = 3\nbase_url = "https://example.org/news/"\n',
    )
    assert main(["build", "--site", str(site), "--no-search", "--quiet"]) == 0
    out = site / "dist"
    assert (out / "page/2/index.html").exists() == (count > 3)  # exactly per_page: one page
    assert not (out / "page/3").exists() and not (out / "page/1").exists()
    assert len(walk(out, "")) == count
    month = soup(out / "2025/01/index.html")
    assert month.h1.get_text() == "Ιανουάριος 2025"
    tag = soup(out / "tags/kriti/index.html")
    assert len(tag.select(".article-list > li")) == min(count, 3)


def test_one_article_site(tmp_path: Path) -> None:
    site = write_site(tmp_path, seeds("2025-02-03"))
    assert main(["build", "--site", str(site), "--no-search", "--quiet"]) == 0
    page = soup(next((site / "dist").glob("2025/02/03/*/index.html")))
    assert page.select(".neighbours") == [] and page.select(".related") == []
    archive = soup(site / "dist/archive/index.html")
    assert [a.get_text() for a in archive.select(".archive-year li a")] == ["Φεβρουάριος"]


def test_future_and_draft_articles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = seeds("2025-01-01", "2025-06-01") | {
        "content/draft.md": "---\ntitle: Πρόχειρο\ndate: 2025-01-02\ndraft: true\n---\nΚείμενο."
    }
    site = write_site(tmp_path, files)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1740000000")  # 2025-02-19

    def built(*flags: str) -> set[str]:
        assert main(["build", "--site", str(site), "--no-search", "--quiet", *flags]) == 0
        return {p.parts[-5] + "-" + p.parts[-4] for p in (site / "dist").glob("*/*/*/*/index.html")}

    assert built() == {"2025-01"}
    assert built("--future") == {"2025-01", "2025-06"}
    assert (
        built("--drafts", "--future") == {"2025-01", "2025-06"}
        and len(list((site / "dist").glob("2025/01/02/*"))) == 1
    )

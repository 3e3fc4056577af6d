"""Search that never strands a reader: an index in parts (one per year) that an edit
updates part by part, a page that says what went wrong (no index, a failed download, an
index from another build) and offers the way on, and results that do not move the page.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from urllib.parse import quote

import pytest

from sitegen.commands.cli import main

from .conftest import FIXTURES, soup
from .test_search import ROSIA, SEED, crete_site, results

FAILED = "Η αναζήτηση δεν φόρτωσε (πρόβλημα σύνδεσης)."
STALE = "Ο ιστότοπος ενημερώθηκε από τότε που ανοίξατε τη σελίδα."
UNUSED = {"pagefind-ui.js", "pagefind-component-ui.js", "pagefind-highlight.js"}


def _built(tmp_path: Path, *options: str) -> Path:
    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "search", site)
    assert main(["build", "--site", str(site), "--quiet", *options]) == 0
    return site


def test_the_index_has_one_part_per_year(tmp_path: Path) -> None:
    site = _built(tmp_path)
    bundle = site / "dist/pagefind"
    assert sorted(p.name for p in bundle.iterdir()) == ["2024", "2025"]
    for year in ("2024", "2025"):
        names = {p.name for p in (bundle / year).iterdir()}
        assert {"pagefind.js", "pagefind-entry.json", ".sitegen-fingerprint"} <= names
        assert not names & UNUSED  # Pagefind's own interfaces are not published
    page = soup(site / "dist/search/index.html").select_one("[data-sitegen-search]")
    assert page["data-parts"] == "2025 2024"
    options = [
        o.get_text() for o in soup(site / "dist/search/index.html").select("#search-year option")
    ]
    assert options == ["Όλα", "2025", "2024"]  # in the page itself: nothing to fill in later


def test_an_edit_indexes_only_the_year_it_touches(tmp_path: Path) -> None:
    site = _built(tmp_path)
    bundle = site / "dist/pagefind"
    before = {p: p.stat().st_mtime_ns for p in (bundle / "2024").rglob("*")}
    old_2025 = (bundle / "2025/.sitegen-fingerprint").read_text()
    seed = next(p for p in (site / "seeds").iterdir() if "date 2025" in p.read_text()[:40])
    with seed.open("a", encoding="utf-8") as file:
        file.write("\nΜια νέα παράγραφος για την Κρήτη.\n")
    assert main(["build", "--site", str(site), "--quiet"]) == 0
    assert (bundle / "2025/.sitegen-fingerprint").read_text() != old_2025
    assert {p: p.stat().st_mtime_ns for p in (bundle / "2024").rglob("*")} == before
    assert sorted(p.name for p in bundle.iterdir()) == ["2024", "2025"]  # no leftovers


def test_a_site_without_search_does_not_offer_it(tmp_path: Path) -> None:
    site = _built(tmp_path, "--no-search")
    dist = site / "dist"
    assert not (dist / "pagefind").exists()
    for page in ("index.html", "404.html", "archive/index.html"):
        links = [a["href"] for a in soup(dist / page).select("a[href]")]
        assert not [href for href in links if href.rstrip("/").endswith("search")], page
    search = soup(dist / "search/index.html")
    assert "Η αναζήτηση δεν είναι διαθέσιμη σε αυτόν τον ιστότοπο." in search.get_text()
    assert not search.select("script[src$='search.js']")


def _open(browser, url: str, routes: dict[str, object]):
    page = browser.new_page()
    for pattern, handler in routes.items():
        page.route(pattern, handler)
    page.goto(url)
    page.wait_for_function(
        "() => { const s = document.querySelector('#search-status').textContent;"
        " return s && !s.endsWith('…'); }",
        timeout=15000,
    )
    return page


@pytest.mark.parametrize(
    ("pattern", "answer", "message", "button"),
    [
        pytest.param("**/pagefind/2024/**", "abort", FAILED, "#search-retry", id="blocked part"),
        pytest.param("**/fragment/**", "abort", FAILED, "#search-retry", id="blocked fragment"),
        pytest.param(
            "**/pagefind/2025/pagefind-entry.json",
            {"status": 200, "body": json.dumps({"version": "0.0.1", "languages": {}})},
            STALE,
            "#search-reload",
            id="index of another build",
        ),
        pytest.param(
            "**/pagefind/2024/pagefind-entry.json",
            {"status": 404},
            STALE,
            "#search-reload",
            id="part gone",
        ),
    ],
)
def test_a_failure_is_a_message_with_a_way_on(
    browser,
    site_url: str,
    pattern: str,
    answer,
    message: str,
    button: str,
) -> None:
    def handler(route):
        if answer == "abort":
            route.abort()
        else:
            route.fulfill(**answer)

    page = _open(browser, site_url + "search/?q=" + quote("Ρωσία"), {pattern: handler})
    try:
        assert page.inner_text("#search-status") == message
        assert page.locator(button).is_visible()
        assert page.locator("#search-results > li").count() == 0
        if button == "#search-retry":  # the connection is back: try again
            page.unroute(pattern)
            page.click(button)
            page.wait_for_function("() => document.querySelectorAll('#search-results li').length")
            page.wait_for_function(
                "() => document.querySelector('#search-status').textContent === '2 άρθρα'"
            )
            links = page.eval_on_selector_all("#search-results h2 a", "e => e.map(a => a.pathname)")
            assert sorted(links) == sorted([SEED, ROSIA])
            assert page.locator("#search-retry").is_hidden()
    finally:
        page.close()


def test_a_query_across_years_finds_each_and_sorts_by_date(browser, site_url: str) -> None:
    assert results(browser, site_url, "Ρωσία", sort="newest")[0] == [SEED, ROSIA]
    assert results(browser, site_url, "Ρωσία", year="2024")[0] == [ROSIA]


def test_more_results_run_once_at_a_time(browser, tmp_path: Path) -> None:
    with crete_site(tmp_path) as url:
        page = browser.new_page()
        try:
            page.goto(url + "search/?q=" + quote("Κρήτης"))
            page.wait_for_selector("#search-results h2 a")
            # two clicks before the first one's results arrive (a double click)
            page.locator("#search-more").evaluate("b => { b.click(); b.click(); }")
            page.wait_for_function("() => !document.querySelector('#search-more').disabled")
            page.click("#search-more")
            page.wait_for_function(
                "() => document.querySelector('#search-status').textContent === '25 άρθρα'"
            )
            links = page.eval_on_selector_all("#search-results h2 a", "e => e.map(a => a.pathname)")
            assert len(links) == 25 and len(set(links)) == 25
        finally:
            page.close()


def test_results_do_not_move_the_page(browser, site_url: str) -> None:
    """Cumulative layout shift of a search with results, on a phone-sized screen."""
    context = browser.new_context(viewport={"width": 412, "height": 823}, device_scale_factor=2)
    page = context.new_page()
    try:
        page.add_init_script(
            "window.__shift = 0; new PerformanceObserver(list => { for (const e of"
            " list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value; })"
            ".observe({type: 'layout-shift', buffered: true});"
        )
        page.goto(site_url + "search/?q=" + quote("Ρωσία"))
        page.wait_for_selector("#search-results h2 a")
        page.wait_for_timeout(300)
        assert page.evaluate("window.__shift") <= 0.05
    finally:
        context.close()

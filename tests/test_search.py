"""Search in a real browser: Pagefind's index of the built pages and sitegen's search page."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest

from sitegen.commands.cli import main

from .browser import axe_violations, free_port, serving
from .conftest import write_site

SEED = "/demo/2025/09/03/o-proedros-tis-rosias-synantithike-me-ton-voreiokoreati-igeti-sto-pekino/"
ROSIA = "/demo/2024/05/10/anakoinosi-gia-tis-exagoges-sitiron/"
VOULI = "/demo/2025/02/11/synedriasi-gia-ton-proypologismo/"
VOULEFTES = "/demo/2025/03/02/oi-vouleftes-tis-perifereias-synantithikan-me-agrotes/"
DYNAMEIS = "/demo/2025/04/20/askisi-ton-eidikon-dynameon-sto-aigaio/"


def results(browser, site_url: str, query: str = "", **params: str) -> tuple[list[str], str]:
    """The result links, in order, and the status line for a search opened by URL."""
    page = browser.new_page()
    try:
        args = [f"q={quote(query)}"] + [f"{k}={quote(v)}" for k, v in params.items()]
        page.goto(f"{site_url}search/?{'&'.join(args)}")
        page.wait_for_function(
            "() => { const s = document.querySelector('#search-status').textContent;"
            " return s && !s.endsWith('…'); }",
            timeout=15000,
        )
        links = page.eval_on_selector_all("#search-results h2 a", "els => els.map(e => e.pathname)")
        return links, page.inner_text("#search-status")
    finally:
        page.close()


@pytest.mark.parametrize(
    ("query", "expected", "status"),
    [
        ("Πούτιν", {SEED}, "1 άρθρο"),
        ("πουτιν", {SEED}, "1 άρθρο"),  # without accents
        ("ΠΟΥΤΙΝ", {SEED}, "1 άρθρο"),  # in capitals
        ("Ρωσίας", {SEED, ROSIA}, "2 άρθρα"),  # the genitive finds a page that only says Ρωσία
        ("Ρωσία", {SEED, ROSIA}, "2 άρθρα"),
        ("ρωσια", {SEED, ROSIA}, "2 άρθρα"),
        ("Βουλής", {VOULI}, "1 άρθρο"),  # and not the page about βουλευτές
        ("βουλη", {VOULI}, "1 άρθρο"),
        ('"ειδικές σας δυνάμεις"', {SEED}, "1 άρθρο"),  # the phrase, in order
        ('"ΕΙΔΙΚΕΣ ΣΑΣ ΔΥΝΑΜΕΙΣ"', {SEED}, "1 άρθρο"),
        ("ειδικές σας δυνάμεις", {SEED, DYNAMEIS}, "2 άρθρα"),  # the words, anywhere
        ('"σας δυνάμεις" Πούτιν', {SEED}, "1 άρθρο"),
        ("βουλευτές", {VOULEFTES}, "1 άρθρο"),
    ],
)
def test_query_results_are_exact(
    browser, site_url: str, query: str, expected: set[str], status: str
) -> None:
    links, shown = results(browser, site_url, query)
    assert set(links) == expected and len(links) == len(expected)
    assert shown == status


def test_no_result_says_so(browser, site_url: str) -> None:
    links, status = results(browser, site_url, "ανύπαρκτηλέξη")
    assert links == []
    assert status == "Δεν βρέθηκαν άρθρα. Δοκιμάστε άλλες λέξεις ή αφαιρέστε ένα φίλτρο."


def test_tag_filter(browser, site_url: str) -> None:
    assert set(results(browser, site_url, tag="Οικονομία")[0]) == {ROSIA, VOULI}
    assert results(browser, site_url, "Ρωσία", tag="Οικονομία")[0] == [ROSIA]


def test_year_filter(browser, site_url: str) -> None:
    assert results(browser, site_url, year="2024")[0] == [ROSIA]
    assert results(browser, site_url, "Ρωσία", year="2025")[0] == [SEED]


def test_sort_newest_first(browser, site_url: str) -> None:
    assert results(browser, site_url, tag="Οικονομία", sort="newest")[0] == [VOULI, ROSIA]


def test_typing_keeps_the_query_in_the_url_and_results_show_details(browser, site_url: str) -> None:
    page = browser.new_page()
    try:
        page.goto(site_url + "search/")
        page.get_by_label("Λέξεις ή «φράση» για αναζήτηση").fill("Κουρσκ")
        page.keyboard.press("Enter")
        page.wait_for_selector("#search-results h2 a")
        assert "q=%CE%9A%CE%BF%CF%85%CF%81%CF%83%CE%BA" in page.url
        item = page.locator("#search-results li").first
        assert item.locator("h2").inner_text().startswith("Ο πρόεδρος της Ρωσίας")
        assert item.locator(".meta").inner_text() == "3 Σεπτεμβρίου 2025"
        assert item.locator("mark").first.inner_text().startswith("Κουρσκ")
        assert "Πούτιν" in item.locator(".tags").inner_text()
        page.select_option("#search-year", "2025")
        page.wait_for_function("() => location.search.includes('year=2025')")
    finally:
        page.close()


def test_search_page_with_results_has_no_axe_violations(browser, site_url: str) -> None:
    page = browser.new_page()
    try:
        page.goto(site_url + "search/?q=" + quote("Ρωσία"))
        page.wait_for_selector("#search-results h2 a")
        assert axe_violations(page) == []
    finally:
        page.close()


@contextmanager
def crete_site(folder: Path) -> Iterator[str]:
    """25 articles that all mention Κρήτη, built and served under /x/: its URL."""
    seeds = {
        f"seeds/{i:03d}_{i:016x}.txt": f"date 2025-01-{i + 1:02d} Είδηση {i} για την Κρήτη."
        for i in range(25)
    }
    port = free_port()
    site = write_site(folder, seeds, f'base_url = "http://127.0.0.1:{port}/x/"\n')
    assert main(["build", "--site", str(site), "--quiet"]) == 0
    with serving(site / "dist", "/x/", port) as url:
        yield url


def test_many_results_load_page_by_page(browser, tmp_path: Path) -> None:
    with crete_site(tmp_path) as url:
        page = browser.new_page()
        page.goto(url + "search/?q=" + quote("Κρήτης"))
        page.wait_for_selector("#search-results h2 a")
        assert page.locator("#search-results > li").count() == 10
        assert page.inner_text("#search-status") == "Έως 25 άρθρα· ελέγχονται καθώς προχωράτε"
        page.click("#search-more")
        page.wait_for_function(
            "() => document.querySelectorAll('#search-results > li').length == 20"
        )
        page.click("#search-more")
        page.wait_for_function(
            "() => document.querySelectorAll('#search-results > li').length == 25"
        )
        assert page.inner_text("#search-status") == "25 άρθρα"
        assert page.locator("#search-more").is_hidden()
        page.close()

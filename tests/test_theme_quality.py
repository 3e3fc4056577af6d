"""The default theme as professionals check it: the Nu Html Checker over a whole built
site, axe-core in Debian's chromium on every kind of page, page weight, layout shift."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import quote

import pytest

from sitegen.commands.cli import main

from .browser import axe_violations, free_port, serving
from .conftest import FIXTURES, REPO, benchmark_module

VNU = REPO / "node_modules/vnu-jar/build/dist/vnu.jar"

pytestmark = pytest.mark.browser  # chromium with axe-core, and the Nu Html Checker


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory):
    """The basic fixture (seed, Markdown articles and pages) plus 30 generated articles,
    built with search under a sub-path and served."""
    root = tmp_path_factory.mktemp("theme") / "site"
    shutil.copytree(FIXTURES / "basic", root)
    corpus = benchmark_module("corpus")
    corpus.write_collection(root / "seeds", 30, seed=3)
    # the article the axe test opens gets authors and a correction; every article a card
    (root / "content/7ec5fab1d3816db2.md").write_text(
        "---\nupdated: 2025-09-05\n"
        "author: [{name: Μαρία Παππά, url: 'https://example.org/maria'}, Γιώργος Ιωάννου]\n---\n",
        "utf-8",
    )
    with (root / "sitegen.toml").open("a", encoding="utf-8") as settings:
        settings.write('social_cards = true\nauthor = "Σύνταξη"\n')
    port = free_port()
    base = f"http://127.0.0.1:{port}/news/"
    assert main(["build", "--site", str(root), "--base-url", base, "--quiet"]) == 0
    with serving(root / "dist", "/news/", port) as url:
        yield root / "dist", url


def nu_html_checker(pages: list[str]) -> list[dict]:
    """The Nu Html Checker's messages on the pages. vnu exits 0 when it finds no error and
    1 when it finds some; any other exit, no JSON report, a page it did not list as checked
    or no java at all means it did not run, and fails the test (never a silent pass)."""
    try:
        result = subprocess.run(
            ["java", "-jar", str(VNU), "--errors-only", "--format", "json", "--verbose", *pages],
            capture_output=True,
            text=True,
            check=False,
            timeout=600,
        )
    except FileNotFoundError:
        pytest.fail("java is missing: apt-get install default-jre-headless")
    ran = f"vnu exited {result.returncode}; stderr: {result.stderr[-2000:]!r}"
    assert result.returncode in (0, 1), f"the Nu Html Checker did not run: {ran}"
    try:
        report = json.loads(result.stderr)
    except json.JSONDecodeError:
        pytest.fail(f"the Nu Html Checker wrote no JSON report: {ran}")
    assert isinstance(report, dict) and isinstance(report.get("messages"), list), ran
    assert result.stdout.splitlines() == pages, f"vnu did not check every page: {ran}"
    errors = [m for m in report["messages"] if m.get("type") == "error"]
    assert bool(errors) == (result.returncode == 1), ran  # exit 1 means errors, and only then
    return report["messages"]


@pytest.mark.slow
def test_nu_html_checker_finds_no_error(site) -> None:
    out, _ = site
    if not VNU.exists():
        pytest.fail("vnu-jar is missing: run npm ci (make test does)")
    pages = [str(p) for p in sorted(out.rglob("*.html")) if "pagefind" not in p.parts]
    assert len(pages) > 60
    errors = [
        f"{m.get('url', '').split('/dist/')[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in nu_html_checker(pages)
        if m["type"] == "error"
    ]
    assert errors == []


def first(out: Path, pattern: str) -> str:
    return next(out.glob(pattern)).relative_to(out).as_posix().removesuffix("index.html")


@pytest.mark.parametrize(
    "kind",
    ["home", "article", "page", "tag", "tags", "month", "year", "archive", "search", "404"],
)
def test_axe_finds_no_violation(browser, site, kind: str) -> None:
    out, url = site
    path = {
        "home": "",
        "article": first(out, "2025/09/03/*/index.html"),
        "page": "about/",
        "tag": "tags/rosia/",
        "tags": "tags/",
        "month": "2025/09/",
        "year": "2025/",
        "archive": "archive/",
        "search": "search/?q=" + quote("Ρωσία"),
        "404": "no/such/page/",
    }[kind]
    page = browser.new_page()
    try:
        page.goto(url + path)
        if kind == "article":  # the one with authors and a correction
            assert page.locator(".byline a[rel=author]").count() == 1
            assert page.locator(".updated time").count() == 1
        if kind == "search":
            page.wait_for_selector("#search-results h2 a")
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            assert axe_violations(page) == [], scheme
    finally:
        page.close()


def test_article_weight_scripts_and_layout_shift(browser, site) -> None:
    out, url = site
    page = browser.new_page(viewport={"width": 360, "height": 740})
    sizes: dict[str, int] = {}
    page.on("response", lambda r: sizes.__setitem__(r.url, len(r.body())))
    page.add_init_script(
        "window.__shift = 0; new PerformanceObserver(l => l.getEntries().forEach("
        "e => { if (!e.hadRecentInput) window.__shift += e.value; }))"
        ".observe({type: 'layout-shift', buffered: true});"
    )
    try:
        page.goto(url + first(out, "2025/09/03/*/index.html"))
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(300)
        assert sum(sizes.values()) < 20_000, sizes  # HTML and CSS, uncompressed
        assert all(not u.endswith(".js") for u in sizes)  # no JavaScript but on search
        assert page.evaluate("window.__shift") == 0
        overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
        assert not overflow  # nothing wider than a phone
    finally:
        page.close()
    for html in out.rglob("*.html"):
        if "pagefind" not in html.parts and html.parent.name != "search":
            assert "<script src" not in html.read_text("utf-8"), html

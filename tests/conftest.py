"""Shared helpers: fixture sites copied to a temporary folder, and HTML parsing."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent

# Slow tests of modules another change owns, marked here by function name: each takes
# more than about 2 s (measured with pytest --durations=40), or, for the 24 damaged
# caches, 0.5 to 3 s a case and 12 to 20 s together.
SLOW_ELSEWHERE = {
    "test_incremental.py": {
        "test_the_build_benchmark_runs_every_scenario",
        "test_a_damaged_cache_is_ignored",
    },
    "test_faults.py": {
        "test_a_read_only_output_after_an_edit",
        "test_ctrl_c_while_rendering_stops_every_process_quietly",
        "test_a_full_disk_keeps_the_last_output_and_the_next_build_stays_incremental",
    },
    "test_incremental_edits.py": {
        "test_incremental_builds_equal_clean_builds_after_random_edits",
    },
}


def pytest_configure(config: pytest.Config) -> None:
    """Two layers: `pytest -m "not browser and not slow"` is the fast one (well under a
    minute); plain `pytest` (make test, CI) runs everything."""
    config.addinivalue_line(
        "markers",
        "browser: drives Debian's chromium (the browser fixture: Playwright, axe-core) or "
        "runs the Nu Html Checker on a built site",
    )
    config.addinivalue_line(
        "markers",
        "slow: takes more than about 2 s (a 1,000-article site, a wheel install, a link "
        "check, random edits)",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Every user of the browser fixture is a browser test; SLOW_ELSEWHERE are slow."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
        name = getattr(item, "originalname", item.name)
        if name in SLOW_ELSEWHERE.get(item.path.name, ()):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def browser():
    """One headless Debian chromium for the whole test session."""
    from playwright.sync_api import sync_playwright

    from .browser import launch

    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture
def basic_site(tmp_path: Path) -> Path:
    """A writable copy of tests/fixtures/basic."""
    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "basic", site)
    return site


def benchmark_module(name: str):
    """A module of benchmarks/ (corpus, tag_quality), loaded by path."""
    spec = importlib.util.spec_from_file_location(name, REPO / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def write_site(root: Path, files: dict[str, str | bytes], config: str = "") -> Path:
    """Make a site folder from {relative path: text or bytes}."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "sitegen.toml").write_text(config, encoding="utf-8")
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return root


def tree(folder: Path) -> dict[str, bytes]:
    """Every file below folder with its bytes, for before/after comparisons."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory):
    """The search fixture site, built and served under /demo/ (one per test module)."""
    from sitegen.commands.cli import main

    from .browser import free_port, serving

    site = tmp_path_factory.mktemp("search") / "site"
    shutil.copytree(FIXTURES / "search", site)
    port = free_port()
    base = f"http://127.0.0.1:{port}/demo/"
    assert main(["build", "--site", str(site), "--base-url", base, "--quiet"]) == 0
    with serving(site / "dist", "/demo/", port) as url:
        yield url

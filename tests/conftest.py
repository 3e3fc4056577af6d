"""Shared helpers: fixture sites copied to a temporary folder, and HTML parsing."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent


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

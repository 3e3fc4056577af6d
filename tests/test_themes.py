"""Theme lookup, overrides, theme errors, and parallel rendering."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pytest

from sitegen.commands.cli import main
from sitegen.core.errors import Problem, SitegenError
from sitegen.render import parallel

from .conftest import REPO, soup, tree, write_site

SEED = {"seeds/001_0123456789abcdef.txt": "date 2025-09-03 Μια είδηση. Και άλλη πρόταση."}


def build(site: Path, *extra: str) -> int:
    return main(["build", "--site", str(site), "--no-search", "--quiet", *extra])


def test_site_template_overrides_and_extends_the_default(tmp_path: Path) -> None:
    site = write_site(
        tmp_path,
        {
            **SEED,
            "themes/default/templates/article.html": (
                '{% extends "default/article.html" %}'
                '{% block main %}<p class="mine">πριν</p>{{ super() }}{% endblock %}'
            ),
            "themes/default/static/extra.txt": "δικό μου",
        },
    )
    assert build(site) == 0
    [page] = (site / "dist").glob("2025/09/03/*/index.html")
    html = soup(page)
    assert html.select_one("p.mine").get_text() == "πριν"
    assert html.h1.get_text() == "Μια είδηση"  # the default's block is still there
    assert (site / "dist/static/extra.txt").read_text("utf-8") == "δικό μου"


def test_a_listing_item_macro_of_the_site_is_used_and_rendered_once(tmp_path: Path) -> None:
    """article_item is the theme's (the site's own macros.html here); a site's
    macros.html made before article_item and paged existed still builds."""
    default = (REPO / "themes/default/templates/macros.html").read_text("utf-8")
    mine = default.replace('<p class="summary">', '<p class="summary mine">')
    site = write_site(tmp_path / "a", {**SEED, "themes/default/templates/macros.html": mine})
    assert build(site) == 0
    assert soup(site / "dist/index.html").select("li p.summary.mine")
    # a macros.html from before article_item and paged: the item written in the list
    default = re.sub(r"\{#.*?#\}\n?", "", default, flags=re.DOTALL)
    start = default.index("{% macro article_item")
    end = default.index("{% endmacro %}", start) + len("{% endmacro %}")
    item = default[default.index("%}", start) + 2 : default.index("{% endmacro %}", start)]
    older = default[:start] + default[end:]
    older = older.replace("{{ listed(article, t) -}}", item)
    start = older.index("{% macro paged")
    older = older[:start] + older[older.index("{% endmacro %}", start) + 14 :]
    assert "article_item" not in older and "paged" not in older and "listed" not in older
    site = write_site(tmp_path / "b", {**SEED, "themes/default/templates/macros.html": older})
    assert build(site) == 0
    assert soup(site / "dist/index.html").select("ol.article-list li h2 a")


def test_site_strings_override_the_theme_words(tmp_path: Path) -> None:
    site = write_site(tmp_path, {**SEED, "themes/default/i18n/el.toml": 'search = "Ψάξε"\n'})
    assert build(site) == 0
    nav = [a.get_text() for a in soup(site / "dist/index.html").select("nav a")]
    assert soup(site / "dist/search/index.html").title.get_text().startswith("Ψάξε · ")
    assert "Θέματα" in nav  # other words still come from the default


def test_english_site_gets_english_words(tmp_path: Path) -> None:
    site = write_site(tmp_path, SEED, 'language = "en"\n')
    assert build(site) == 0
    home = soup(site / "dist/index.html")
    assert home.html["lang"] == "en" and "Topics" in [a.get_text() for a in home.select("nav a")]
    assert soup(site / "dist/search/index.html").h1.get_text() == "Search the archive"


def test_a_missing_theme_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = write_site(tmp_path, SEED, 'theme = "fancy"\n')
    assert build(site) == 1
    assert "theme 'fancy' not found" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("template", "message", "line"),
    [
        ("{% extends 'base.html' %}\n{% block main %}\n{% if %}\n{% endblock %}", "Expected", 3),
        ("{% extends 'base.html' %}\n{% block main %}\n{{ nothing.here }}\n{% endblock %}", "", 3),
    ],
)
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_broken_template_names_file_and_line(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    template: str,
    message: str,
    line: int,
    jobs: str,
) -> None:
    monkeypatch.setattr(parallel, "PARALLEL_MIN_PAGES", 0)
    site = write_site(tmp_path, {**SEED, "themes/default/templates/article.html": template})
    assert build(site, "--jobs", jobs) == 1
    err = capsys.readouterr().err
    assert f"themes/default/templates/article.html:{line}:" in err
    assert message in err
    assert not (site / "dist").exists()


def test_parallel_rendering_gives_the_same_bytes(
    basic_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "PARALLEL_MIN_PAGES", 0)
    assert build(basic_site, "--jobs", "1", "--out", str(tmp_path / "one")) == 0
    assert build(basic_site, "--jobs", "2", "--out", str(tmp_path / "two")) == 0
    assert tree(tmp_path / "one") == tree(tmp_path / "two")


def test_errors_survive_pickling() -> None:
    error = SitegenError([Problem("a.txt", "bad", 3, "fix it")])
    again = pickle.loads(pickle.dumps(error))
    assert again.problems == error.problems

"""Markdown with front matter, standalone pages and editorial overrides of seeds."""

from datetime import date
from pathlib import Path

import pytest

from sitegen.core.errors import Problems
from sitegen.sources.content import read_markdown, to_html
from sitegen.sources.reading import read_sources

from .conftest import write_site


def read(tmp_path: Path, text: str):
    path = tmp_path / "post.md"
    path.write_text(text, encoding="utf-8")
    problems = Problems()
    return read_markdown(path, "content/post.md", problems), problems


def test_front_matter_fields(tmp_path: Path) -> None:
    doc, problems = read(
        tmp_path,
        "---\ntitle: Τίτλος\ndate: 2025-09-03\ntags: [Ρωσία, ρωσία, Κίνα]\nsummary: Σύνοψη\n"
        "slug: my-slug\ndraft: true\n---\n# Επικεφαλίδα\n\nΚείμενο «εδώ».\n",
    )
    assert not problems.items
    assert doc.meta["title"] == "Τίτλος"
    assert doc.day == date(2025, 9, 3)
    assert doc.tags == ("Ρωσία", "Κίνα")  # the same tag twice, by folded form, is kept once
    assert '<h1 id="' in doc.body_html and "«εδώ»" in doc.body_html  # toc ids, no smart quotes
    assert doc.text.startswith("Επικεφαλίδα\n\nΚείμενο")  # paragraphs kept


def test_tags_as_comma_separated_text(tmp_path: Path) -> None:
    doc, _ = read(tmp_path, "---\ntags: Ρωσία, Βόρεια Κορέα\n---\nx")
    assert doc.tags == ("Ρωσία", "Βόρεια Κορέα")


def test_no_front_matter_is_a_page(tmp_path: Path) -> None:
    doc, problems = read(tmp_path, "Just text.\n")
    assert doc.day is None and doc.meta == {} and not problems.items


@pytest.mark.parametrize(
    ("text", "line", "message", "warning"),
    [
        ("---\ntitle: [unclosed\n---\nx", 3, "not valid YAML", False),
        ("---\ntitle: a\n  bad: indent\n---\nx", 3, "not valid YAML", False),
        ("---\n- a\n- b\n---\nx", 2, "not a set of 'key: value' lines", False),
        ("---\ntitle: a\ndate: 2025-13-01\n---\nx", 3, "not a real day", False),
        ("---\ntitle: a\ndate: 3/9/2025\n---\nx", 3, "not written as YYYY-MM-DD", False),
        ("---\ntitle: a\ndate: 2025-02-30\n---\nx", 3, "not a real day", False),
        ("---\ntitle: a\nwriter: me\n---\nx", 3, "unknown front-matter key 'writer'", True),
        ("---\ntitle: a\nslug: ../../etc\n---\nx", 3, "not a single safe path segment", False),
        ("---\ndraft: maybe\n---\nx", 2, "'draft' must be true or false", False),
        ("---\ntags: {a: 1}\n---\nx", 2, "'tags' must be a list", False),
    ],
)
def test_bad_front_matter(
    tmp_path: Path, text: str, line: int, message: str, warning: bool
) -> None:
    _, problems = read(tmp_path, text)
    [problem] = problems.items
    assert problem.path == "content/post.md"
    assert problem.line == line
    assert message in problem.message
    assert problem.warning is warning


def test_override_corrects_a_seed_without_touching_it(tmp_path: Path) -> None:
    raw = b"date 2025-09-03 Derived title here. More text.\n"
    site = write_site(
        tmp_path,
        {
            "seeds/001_abcdef0123456789.txt": raw,
            "content/abcdef0123456789.md": "---\ntitle: Διορθωμένος τίτλος\ntags: [Ρωσία]\n---\n",
        },
    )
    problems = Problems()
    [article] = read_sources(site, problems)
    assert not problems.items
    assert article.id == "abcdef0123456789"
    assert article.title == "Διορθωμένος τίτλος"
    assert article.slug == "diorthomenos-titlos"
    assert article.tags == ("Ρωσία",)
    assert "Derived title here" in article.body_html  # the raw text stays the body
    assert (site / "seeds/001_abcdef0123456789.txt").read_bytes() == raw


def test_standalone_page_keeps_its_file_name(tmp_path: Path) -> None:
    site = write_site(tmp_path, {"content/about.md": "---\ntitle: Σχετικά\n---\nΚείμενο."})
    [page] = read_sources(site, Problems())
    assert page.is_page and page.slug == "about" and page.title == "Σχετικά"


def test_markdown_title_is_derived_when_missing(tmp_path: Path) -> None:
    site = write_site(
        tmp_path, {"content/x.md": "---\ndate: 2025-01-02\n---\nΠρώτη πρόταση. Άλλη."}
    )
    [article] = read_sources(site, Problems())
    assert article.title == "Πρώτη πρόταση" and article.slug == "proti-protasi"


def test_duplicate_ids_name_both_files(tmp_path: Path) -> None:
    site = write_site(
        tmp_path,
        {"seeds/001_same.txt": "date 2025-01-01 Α.", "seeds/002_same.txt": "date 2025-01-02 Β."},
    )
    problems = Problems()
    read_sources(site, problems)
    [problem] = problems.errors
    assert problem.path == "seeds/002_same.txt" and "seeds/001_same.txt" in problem.message


@pytest.mark.parametrize(
    ("markdown", "html"),
    [
        ("[x](javascript:alert(1))", '<a href="#">x</a>'),
        ("[x](JaVaScRiPt:alert(1))", '<a href="#">x</a>'),
        ("[x](vbscript:msgbox)", '<a href="#">x</a>'),
        ("[x](data:text/html,hi)", '<a href="#">x</a>'),
        ("![x](data:image/png;base64,AAAA)", '<img alt="x" src="data:image/png;base64,AAAA">'),
        ("[x](https://example.org/)", '<a href="https://example.org/">x</a>'),
    ],
)
def test_without_raw_html_no_link_runs_code(markdown: str, html: str) -> None:
    """With markdown_raw_html = false, no link or image URL can run a script."""
    assert to_html(markdown, raw_html=False) == f"<p>{html}</p>"

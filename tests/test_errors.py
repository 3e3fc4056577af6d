"""Bad input: every problem reported with its file and line, exit 1, output untouched,
nothing written outside the output folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from sitegen.commands.cli import main
from sitegen.core.errors import Problems
from sitegen.greek.slugs import slugify
from sitegen.sources.content import read_markdown
from sitegen.sources.seeds import read_seed

from .conftest import FIXTURES, tree, write_site

GREEK_CP1253 = "date 2025-01-01 Ελληνικό κείμενο σε παλιά κωδικοποίηση.".encode("cp1253")

CASES = [
    ("seeds/010_x.txt", "Κείμενο χωρίς ημερομηνία.", "seeds/010_x.txt:1: does not start with a date"),
    ("seeds/010_x.txt", "\n\ndate 2025-02-30 Κείμενο.", 'seeds/010_x.txt:3: the date "2025-02-30" is not a real day'),
    ("seeds/010_x.txt", "date 30/01/2025 Κείμενο.", 'the date "30/01/2025" is not written as YYYY-MM-DD'),
    ("seeds/010_x.txt", "", "seeds/010_x.txt:1: is empty"),
    ("seeds/010_x.txt", "  \n \n\t\n", "seeds/010_x.txt:1: is empty"),
    ("seeds/010_x.txt", GREEK_CP1253, "seeds/010_x.txt:1: is not utf-8 text"),
    ("seeds/010_x.txt", GREEK_CP1253, "--encoding cp1253"),
    ("seeds/010_x.txt", b"date 2025-01-01 \x00\x01\x02\xff", "seeds/010_x.txt: is a binary file"),
    ("seeds/010_x.txt", "date 2025-01-01 " + "λέξη " * 1_200_000, "seeds/010_x.txt: is 10.3 MB"),
    ("content/x.md", "---\ntitle: [α\n---\nΚείμενο.", "content/x.md:3: the front matter is not valid YAML"),
    ("content/x.md", "---\ntitle: Α\nslug: ../../etc\n---\nΚ.", "content/x.md:3: the slug '../../etc'"),
    ("content/x.md", "---\ntitle: Α\nslug: /etc/x\n---\nΚ.", "not a single safe path segment"),
    ("content/x.md", "---\ntitle: Α\nslug: a\\\\b\n---\nΚ.", "not a single safe path segment"),
    ("seeds/010_aaaaaaaaaaaaaaaa.txt", "date 2025-01-01 Α.", "has the same id 'aaaaaaaaaaaaaaaa' as seeds/001"),
    ("content/tags.md", "---\ntitle: Θέματα\n---\nΣελίδα.", "content/tags.md: would write tags/index.html, which tag index writes too"),
    ("themes/default/templates/article.html", "{% extends 'nothere.html' %}", "template nothere.html not found"),
    ("themes/default/templates/article.html", "{% extends 'base.html' %}\n{% block main %}\n{% if %}{% endblock %}", "article.html:3:"),
    ("content/tags.toml", "stop = [\n1 2]\n", "content/tags.toml:2: is not valid TOML"),
    ("sitegen.toml", 'titel = "Λάθος"\n', "sitegen.toml:1: unknown setting 'titel'"),
    ("sitegen.toml", 'title = "Α"\n\nper_page = 0\n', "sitegen.toml:3: setting 'per_page' = 0 must be 1 or more"),
    ("sitegen.toml", 'title = "Α"\nlanguage = 5\n', "sitegen.toml:2: setting 'language' must be str, not int"),
    ("sitegen.toml", '# my site\ntheme = "nope"\n', "sitegen.toml:2: theme 'nope' not found: create"),
    ("content/x.md", "---\ntitle: Α\nΚείμενο χωρίς τέλος.", "content/x.md:1: the front matter opened with '---' on line 1 is never closed"),
    ("seeds/010_x.txt", "date 0001-01-01 Κείμενο.", 'seeds/010_x.txt:1: the date "0001-01-01" is before the year 1000'),
    ("content/x.md", "---\ntitle: Α\ndate: 0999-12-31\n---\nΚ.", 'content/x.md:3: the date "0999-12-31" is before the year 1000'),
    ("content/pagefind.md", "---\ntitle: Α\n---\nΚ.", "content/pagefind.md: would write pagefind/index.html, in pagefind/, which holds the search index"),
    ("content/static.md", "---\ntitle: Α\n---\nΚ.", "would write static/index.html, in static/, which holds the theme's files"),
    ("sitegen.toml", 'base_url = "https://exa mple.org/"\n', "has a host name that cannot be ('exa mple.org')"),
    ("sitegen.toml", 'base_url = "https://example.org:70000/"\n', "has a port that is not a number from 1 to 65535"),
    ("sitegen.toml", 'base_url = "https://user:pass@example.org/"\n', "must not hold a user name or password"),
    ("sitegen.toml", 'base_url = "https://example.org/my news/"\n', "must not hold spaces: write them as %20"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "data", "message"), CASES)
def test_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, data: str | bytes, message: str
) -> None:
    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "basic", site)
    assert main(["build", "--site", str(site), "--no-search", "--quiet"]) == 0
    capsys.readouterr()
    write_site(site, {name: data}, (site / "sitegen.toml").read_text("utf-8"))
    before = tree(tmp_path)
    assert main(["build", "--site", str(site), "--no-search"]) == 1
    err = capsys.readouterr().err
    assert message in err, err
    assert "the output was not changed" in err
    assert tree(tmp_path) == before  # dist/ as it was, no staging left, nothing else written


def test_all_problems_are_reported_together(tmp_path: Path, capsys) -> None:
    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "basic", site)
    for i, (name, data, _) in enumerate(CASES[:5]):
        path = site / name.replace("010_x", f"01{i}_x")
        path.write_text(data, encoding="utf-8")
    assert main(["build", "--site", str(site), "--no-search"]) == 1
    err = capsys.readouterr().err
    assert err.count("error: seeds/01") == 5 and "build failed with 5 error(s)" in err


def test_warnings_and_strict(tmp_path: Path, capsys) -> None:
    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "basic", site)
    (site / "content/x.md").write_text("---\ntitle: Α\nwriter: Β\n---\nΚείμενο.", "utf-8")
    assert main(["build", "--site", str(site), "--no-search", "--quiet"]) == 0
    assert "content/x.md:3: warning: unknown front-matter key 'writer'" in capsys.readouterr().err
    assert main(["build", "--site", str(site), "--no-search", "--strict"]) == 1
    assert "error: content/x.md:3: unknown front-matter key" in capsys.readouterr().err


def test_keep_going_builds_the_good_articles(tmp_path: Path, capsys) -> None:
    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "basic", site)
    (site / "seeds/010_x.txt").write_text("date 2025-02-30 Κακό.", "utf-8")
    assert main(["build", "--site", str(site), "--no-search", "--keep-going"]) == 1
    err = capsys.readouterr().err
    assert 'seeds/010_x.txt:1: the date "2025-02-30" is not a real day' in err
    assert len(list((site / "dist").glob("*/*/*/*/index.html"))) == 5  # the good ones


def test_check_writes_nothing(tmp_path: Path, capsys) -> None:
    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "basic", site)
    before = tree(tmp_path)
    assert main(["check", "--site", str(site)]) == 0
    assert "no problems" in capsys.readouterr().err
    (site / "seeds/010_x.txt").write_text("Χωρίς ημερομηνία.", "utf-8")
    assert main(["check", "--site", str(site)]) == 1
    assert "seeds/010_x.txt:1: does not start with a date" in capsys.readouterr().err
    (site / "seeds/010_x.txt").unlink()
    assert tree(tmp_path) == before and not (site / "dist").exists()


def test_two_clean_builds_are_identical_outside_the_index(tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "basic", site)
    for out in ("a", "b"):
        assert main(["build", "--site", str(site), "--out", str(tmp_path / out), "--quiet"]) == 0
    a = {k: v for k, v in tree(tmp_path / "a").items() if not k.startswith("pagefind/")}
    b = {k: v for k, v in tree(tmp_path / "b").items() if not k.startswith("pagefind/")}
    assert a == b and len(a) > 40


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000) | st.text(max_size=2000).map(lambda t: t.encode("utf-8")))
def test_reading_any_bytes_never_crashes(tmp_path_factory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("h") / "001_x.txt"
    path.write_bytes(data)
    problems = Problems()
    article = read_seed(path, "seeds/001_x.txt", problems)
    assert (article is None) == bool(problems.errors)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=500))
@example("")
@example("title: Α\n---\nΚείμενο.")
def test_reading_any_markdown_never_crashes(tmp_path_factory, text: str) -> None:
    """Any text after an opening '---' is read or reported, never raised; with no '-'
    nor '.' in it, nothing can close the front matter, and exactly that is reported."""
    path = tmp_path_factory.mktemp("h") / "x.md"
    path.write_text("---\n" + text, encoding="utf-8", errors="surrogatepass")
    problems = Problems()
    document = read_markdown(path, "content/x.md", problems)
    assert {p.path for p in problems.items} <= {"content/x.md"}
    assert document is not None or problems.errors  # nothing is dropped without a word
    messages = [p.message for p in problems.errors]
    if "\x00" in text:
        assert document is None and messages == ["is a binary file, not text"]
    elif "-" not in text and "." not in text:
        assert document is None
        assert messages == ["the front matter opened with '---' on line 1 is never closed"]
        assert [p.line for p in problems.errors] == [1]
    if text == "title: Α\n---\nΚείμενο.":
        assert document.meta == {"title": "Α"} and document.text == "Κείμενο."


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_slugs_are_always_safe(text: str) -> None:
    slug = slugify(text)
    assert len(slug) <= 80
    assert slug == "" or all(part.isascii() and part.isalnum() for part in slug.split("-"))
    assert slug == slug.lower() and ".." not in slug and "/" not in slug


def test_settings_in_pyproject_are_reported_against_it(tmp_path: Path, capsys) -> None:
    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "basic", site)
    (site / "sitegen.toml").unlink()
    settings = '[project]\nname = "news"\ntheme = "not this"\n\n[tool.sitegen]\n'
    (site / "pyproject.toml").write_text(settings + 'title = "Α"\ntheme = "nope"\n', "utf-8")
    assert main(["build", "--site", str(site), "--no-search"]) == 1
    err = capsys.readouterr().err
    assert "pyproject.toml:7: theme 'nope' not found" in err, err
    assert "sitegen.toml" not in err


def test_broken_theme_words_name_the_file(tmp_path: Path, capsys) -> None:
    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "basic", site)
    words = site / "themes/default/i18n/el.toml"
    words.parent.mkdir(parents=True)
    words.write_text('search = "Ψάξε"\nhome = \n', "utf-8")
    assert main(["build", "--site", str(site), "--no-search"]) == 1
    assert "themes/default/i18n/el.toml:2: is not valid TOML" in capsys.readouterr().err


def test_ctrl_c_while_writing_leaves_the_output_as_it_was(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sitegen.output import staging as output

    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "basic", site)
    assert main(["build", "--site", str(site), "--no-search", "--quiet"]) == 0
    before = tree(tmp_path)
    calls = []

    def interrupted(self, relative: str, data: bytes) -> tuple[int, int, bool]:
        calls.append(relative)
        if len(calls) == 10:
            raise KeyboardInterrupt
        return original(self, relative, data)

    original = output.Staging.write
    monkeypatch.setattr(output.Staging, "write", interrupted)
    # a fresh build writes through staging; incremental builds are tested in test_incremental
    assert main(["build", "--site", str(site), "--no-search", "--no-cache"]) == 130
    assert "interrupted; the output was not changed" in capsys.readouterr().err
    assert tree(tmp_path) == before  # no staging folder left, dist/ untouched

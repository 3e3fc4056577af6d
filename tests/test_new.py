"""`sitegen new`: a draft article dated today in the site's time zone, never overwriting."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from sitegen.commands.cli import main
from sitegen.core.errors import Problems
from sitegen.sources.content import read_markdown

from .conftest import write_site

# 2025-09-10 22:30 UTC is already 2025-09-11 in Athens.
LATE_EVENING_UTC = int(datetime.fromisoformat("2025-09-10T22:30:00+00:00").timestamp())


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(LATE_EVENING_UTC))
    return write_site(tmp_path / "site", {}, 'title = "Δοκιμή"\ntimezone = "Europe/Athens"\n')


def test_new_creates_a_draft_dated_today_in_the_site_zone(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "Νέα γραμμή: «Μετρό» στην Καλαμαριά", "--site", str(site)]) == 0
    path = site / "content/2025/2025-09-11-nea-grammi-metro-stin-kalamaria.md"
    out, err = capsys.readouterr()
    assert out.strip() == str(path) and "draft" in err
    problems = Problems()
    doc = read_markdown(path, "new.md", problems)
    assert doc is not None and not problems.items  # no errors, no warnings
    assert doc.meta == {
        "title": "Νέα γραμμή: «Μετρό» στην Καλαμαριά",
        "date": "2025-09-11",
        "tags": [],
        "draft": True,
    }
    assert doc.day == date(2025, 9, 11) and doc.tags == ()
    assert doc.prose  # a placeholder paragraph to write over


def test_the_zone_comes_from_the_settings(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(LATE_EVENING_UTC))
    site = write_site(tmp_path / "ny", {}, 'timezone = "America/New_York"\nlanguage = "en"\n')
    assert main(["new", "City council votes", "--site", str(site)]) == 0
    path = site / "content/2025/2025-09-10-city-council-votes.md"
    assert "delete this line to publish" in path.read_text("utf-8")


def test_a_draft_is_built_only_with_drafts(site: Path) -> None:
    assert main(["new", "Πρόχειρο άρθρο", "--site", str(site)]) == 0
    out = site / "dist"
    article = out / "2025/09/11/procheiro-arthro/index.html"
    assert main(["build", "--site", str(site), "--no-search", "--quiet"]) == 0
    assert not article.exists()
    args = ["build", "--site", str(site), "--no-search", "--quiet", "--drafts"]
    assert main(args) == 0
    assert "Πρόχειρο άρθρο" in article.read_text("utf-8")


def test_an_existing_file_is_never_overwritten(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "Ίδιος τίτλος", "--site", str(site)]) == 0
    path = site / "content/2025/2025-09-11-idios-titlos.md"
    path.write_text("ήδη γραμμένο", "utf-8")
    capsys.readouterr()
    assert main(["new", "Ίδιος τίτλος", "--site", str(site)]) == 1
    _, err = capsys.readouterr()
    assert f"error: {path}: already exists" in err
    assert path.read_text("utf-8") == "ήδη γραμμένο"


@pytest.mark.parametrize("title", ["", "!!!", "  "])
def test_a_title_needs_words(site: Path, title: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", title, "--site", str(site)]) == 2
    assert "give a title with words" in capsys.readouterr().err
    assert not (site / "content").exists()


def test_broken_settings_and_missing_site_are_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = write_site(tmp_path / "broken", {}, 'timezone = "Mars/Olympus"\n')
    assert main(["new", "Τίτλος", "--site", str(site)]) == 1
    assert "timezone" in capsys.readouterr().err
    assert main(["new", "Τίτλος", "--site", str(tmp_path / "nowhere")]) == 2
    assert "is not a folder" in capsys.readouterr().err

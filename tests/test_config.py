"""Settings: where they come from, defaults and validation."""

from pathlib import Path

import pytest

from sitegen.core.config import Config, load_config
from sitegen.core.errors import SitegenError


def test_defaults_when_there_is_no_config(tmp_path: Path) -> None:
    config = load_config(tmp_path)
    assert config == Config()
    assert config.language == "el" and config.timezone == "Europe/Athens"


def test_pyproject_tool_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.sitegen]\ntitle = "Από pyproject"\n', "utf-8")
    assert load_config(tmp_path).title == "Από pyproject"


def test_sitegen_toml_wins_over_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.sitegen]\ntitle = "pyproject"\n', "utf-8")
    (tmp_path / "sitegen.toml").write_text('title = "sitegen.toml"\n', "utf-8")
    assert load_config(tmp_path).title == "sitegen.toml"


def test_pyproject_without_table_gives_defaults(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', "utf-8")
    assert load_config(tmp_path) == Config()


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("https://user.github.io/repo", "https://user.github.io/repo/"),
        ("https://example.org", "https://example.org/"),
        ("https://example.org///", "https://example.org/"),
    ],
)
def test_base_url_gets_one_trailing_slash(tmp_path: Path, given: str, expected: str) -> None:
    (tmp_path / "sitegen.toml").write_text(f'base_url = "{given}"\n', "utf-8")
    assert load_config(tmp_path).base_url == expected


def test_command_line_base_url_wins(tmp_path: Path) -> None:
    (tmp_path / "sitegen.toml").write_text('base_url = "https://a.org/"\n', "utf-8")
    assert load_config(tmp_path, "https://b.org/sub").base_url == "https://b.org/sub/"


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('titel = "x"', "unknown setting 'titel'"),
        ("per_page = 0", "must be 1 or more"),
        ('per_page = "10"', "must be int, not str"),
        ("title = 3", "must be str, not int"),
        ('base_url = "example.org"', "absolute http(s) URL"),
        ('timezone = "Mars/Olympus"', "not an IANA time zone"),
        ('language = "xx-nonsense"', "not a language code"),
        ('theme = "../x"', "theme folder name"),
    ],
)
def test_invalid_settings(tmp_path: Path, toml: str, message: str) -> None:
    (tmp_path / "sitegen.toml").write_text(toml + "\n", "utf-8")
    with pytest.raises(SitegenError) as caught:
        load_config(tmp_path)
    [problem] = caught.value.problems
    assert problem.path.endswith("sitegen.toml") and message in problem.message


def test_every_wrong_key_is_reported_at_once(tmp_path: Path) -> None:
    (tmp_path / "sitegen.toml").write_text("a = 1\nb = 2\nper_page = -1\n", "utf-8")
    with pytest.raises(SitegenError) as caught:
        load_config(tmp_path)
    assert len(caught.value.problems) == 3


def test_broken_toml_names_the_line(tmp_path: Path) -> None:
    (tmp_path / "sitegen.toml").write_text('title = "ok"\nper_page = = 3\n', "utf-8")
    with pytest.raises(SitegenError) as caught:
        load_config(tmp_path)
    assert caught.value.problems[0].line == 2

"""Site settings: defaults, loading from sitegen.toml or pyproject.toml, validation."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel import Locale, UnknownLocaleError

from sitegen.core.base_url import check_base_url, normalize_base_url
from sitegen.core.errors import Problem, SitegenError
from sitegen.core.language import babel_locale
from sitegen.core.toml_files import read_toml
from sitegen.core.urls import is_web_address


@dataclass(frozen=True)
class Config:
    """Every setting of a site, each with a default so that an empty config builds."""

    title: str = "sitegen"
    description: str = ""
    base_url: str = "http://localhost:8000/"
    language: str = "el"
    timezone: str = "Europe/Athens"
    per_page: int = 10
    theme: str = "default"
    words_per_minute: int = 200
    max_tags: int = 6
    feed_items: int = 50
    feed_full_text: bool = True
    markdown_raw_html: bool = True  # HTML inside content/*.md (trusted authors); seeds never
    author: str = ""  # who wrote the articles that name no author
    author_url: str = ""  # a page about that author
    social_cards: bool = False  # a share image per article, with its headline

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


def _check_language(value: str) -> str | None:
    try:
        Locale.parse(babel_locale(value))
    except (ValueError, UnknownLocaleError):
        return "is not a language code Babel knows; use e.g. el or en"
    return None


def _check_timezone(value: str) -> str | None:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        return "is not an IANA time zone; use e.g. Europe/Athens or UTC"
    return None


def _check_author_url(value: str) -> str | None:
    if value and not is_web_address(value):
        return "must be a web address (https://…) or empty"
    return None


def _check_theme(value: str) -> str | None:
    if not re.fullmatch(r"[A-Za-z0-9_-]+", value):
        return "must be a theme folder name (letters, digits, - and _)"
    return None


_CHECKS = {
    "base_url": check_base_url,
    "language": _check_language,
    "timezone": _check_timezone,
    "theme": _check_theme,
    "author_url": _check_author_url,
}


def config_source(site: Path) -> tuple[Path | None, dict[str, Any]]:
    """Find the settings of a site: sitegen.toml, else [tool.sitegen] in pyproject.toml."""
    for name, table in (("sitegen.toml", None), ("pyproject.toml", ("tool", "sitegen"))):
        path = site / name
        if not path.is_file():
            continue
        data = read_toml(path, str(path))
        if table is None:
            return path, data
        if "tool" in data and "sitegen" in data["tool"]:
            return path, data["tool"]["sitegen"]
    return None, {}


def setting_line(path: Path | None, key: str) -> int | None:
    """The line of `key = ...` in the settings file (in its [tool.sitegen] table for
    pyproject.toml): tomllib gives lines for syntax errors only."""
    if path is None or not path.is_file():
        return None
    table = path.name != "pyproject.toml"
    pattern = re.compile(rf"""\s*(?:{re.escape(key)}|"{re.escape(key)}"|'{re.escape(key)}')\s*=""")
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.lstrip().startswith("["):
            table = line.strip().replace(" ", "") in ("[tool.sitegen]", '["tool"."sitegen"]')
        elif table and pattern.match(line):
            return number
    return None


def settings_file(site: Path) -> Path:
    """The file that holds the site's settings (sitegen.toml when there is none)."""
    return config_source(site)[0] or site / "sitegen.toml"


def validate(raw: dict[str, Any], where: str, path: Path | None = None) -> Config:
    """Turn a table of settings (from the file at path) into a Config, reporting every
    wrong key at once, each with its line."""
    problems: list[Problem] = []
    known = {f.name: f for f in fields(Config)}
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in known:
            names = ", ".join(sorted(known))
            message = f"unknown setting '{key}'"
            problems.append(Problem(where, message, setting_line(path, key), f"known: {names}"))
            continue
        expected = type(getattr(Config(), key))
        if type(value) is not expected:
            problems.append(
                Problem(
                    where,
                    f"setting '{key}' must be {expected.__name__}, not {type(value).__name__}",
                    setting_line(path, key),
                    hint=f"e.g. {key} = {getattr(Config(), key)!r}".replace("'", '"'),
                )
            )
            continue
        message = _CHECKS[key](value) if key in _CHECKS else None
        if key in ("per_page", "words_per_minute", "feed_items") and value < 1:
            message = "must be 1 or more"
        if key == "max_tags" and value < 0:
            message = "must be 0 (no automatic tags) or more"
        if message:
            line = setting_line(path, key)
            problems.append(Problem(where, f"setting '{key}' = {value!r} {message}", line))
            continue
        values[key] = value
    if problems:
        raise SitegenError(problems)
    config = Config(**values)
    return replace(config, base_url=normalize_base_url(config.base_url))


def load_config(site: Path, base_url: str | None = None) -> Config:
    """Load and validate a site's settings; a --base-url given on the command line wins."""
    path, raw = config_source(site)
    where = str(path) if path else str(site / "sitegen.toml")
    if base_url is not None:
        raw = {**raw, "base_url": base_url}
    return validate(raw, where, path)

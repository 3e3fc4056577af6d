"""The theme: its folders (the default theme, then the site's own) and its words in
the site's language."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from sitegen.core.config import Config, setting_line, settings_file
from sitegen.core.errors import content_error
from sitegen.core.language import primary
from sitegen.core.toml_files import read_toml


def default_theme_dir() -> Path:
    """The default theme shipped inside the package."""
    return Path(str(resources.files("sitegen.themes") / "default"))


def theme_dirs(site: Path, config: Config) -> list[Path]:
    """Theme folders from most general to most specific: the default, then the site's own."""
    dirs = [default_theme_dir()]
    own = site / "themes" / config.theme
    if own.is_dir() and own.resolve() != dirs[0].resolve():
        dirs.append(own)
    elif config.theme != "default" and not own.is_dir():
        hint = f'create {own} or set theme = "default"'
        where = settings_file(site)
        line = setting_line(where, "theme")
        raise content_error(str(where), f"theme '{config.theme}' not found", line, hint)
    return dirs


def load_strings(dirs: list[Path], language: str) -> dict[str, str]:
    """The theme's words in the site's language (English where a word is missing)."""
    strings: dict[str, str] = {}
    primary_language = primary(language)
    for name in ("en", primary_language):
        for folder in dirs:
            path = folder / "i18n" / f"{name}.toml"
            if path.is_file():
                strings.update(read_toml(path, str(path), 'write one word a line: key = "text"'))
    return strings

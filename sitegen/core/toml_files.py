"""Reading TOML files (settings, theme words, the gazetteer) with errors that name the
file and line."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from sitegen.core.errors import content_error


def read_toml(path: Path, where: str, hint: str = "fix the syntax; see https://toml.io") -> dict:
    """A TOML file as a dict; a SitegenError naming the file and line if it is not TOML."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        line = re.search(r"line (\d+)", str(exc))
        number = int(line.group(1)) if line else None
        raise content_error(where, f"is not valid TOML ({exc})", number, hint) from None

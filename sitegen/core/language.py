"""Language codes as the settings give them (el, el-GR, el_GR), in the forms each
library wants."""

from __future__ import annotations


def primary(language: str) -> str:
    """The language without its region: el-GR and el_GR -> el."""
    return language.replace("_", "-").split("-")[0]


def babel_locale(language: str) -> str:
    """The name Babel knows a language by: el-GR -> el_GR."""
    return language.replace("-", "_")

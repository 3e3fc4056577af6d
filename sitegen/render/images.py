"""The writers of drawn images: social cards, kept between builds by the key of what
they show, and the site's default share image."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from sitegen.core.files import write_atomic
from sitegen.render.cards import draw_card, draw_default

CARDS_DIR = "cards"  # in the build cache's folder
DRAWN = frozenset({"card", "share"})  # writers that draw (slow): `sitegen check` skips them


def card(data: dict[str, Any]) -> bytes:
    """An article's card: from the card folder when it was drawn before, else drawn now
    and kept there (a fresh build then draws only new or changed cards)."""
    folder: Path | None = data["cache"]
    kept = folder / f"{data['key']}.png" if folder else None
    if kept is not None:
        with contextlib.suppress(OSError):
            return kept.read_bytes()
    png = draw_card(data["headline"], data["date_text"], data["site_name"], data["style"])
    if kept is not None:
        with contextlib.suppress(OSError):  # a read-only cache only costs time
            kept.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(kept, png)
    return png


def share(data: dict[str, Any]) -> bytes:
    """The site's share image: its logo, title and description."""
    return draw_default(data["site_name"], data["description"], data["logo"], data["style"])


def prune_cards(folder: Path, keys: set[str]) -> None:
    """Remove the kept cards that no article shows any more."""
    if not folder.is_dir():
        return
    for path in folder.iterdir():
        if path.suffix == ".png" and path.stem not in keys:
            path.unlink(missing_ok=True)

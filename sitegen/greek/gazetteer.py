"""A gazetteer: canonical tags, their aliases and a stop list, matched against the names
the extractor finds (any inflection of an alias means its tag). It refines names; it is
not how names are found. sources.gazetteer reads one from ``content/tags.toml``."""

from __future__ import annotations

from dataclasses import dataclass, field

from sitegen.core.keys import digest
from sitegen.greek.entities import is_acronym, name_key
from sitegen.greek.text import fold


def _key(text: str) -> tuple[str, ...]:
    return name_key(text.split())


@dataclass
class Gazetteer:
    aliases: dict[tuple[str, ...], str] = field(default_factory=dict)  # key -> canonical
    prefixes: list[tuple[str, str]] = field(default_factory=list)  # folded prefix -> canonical
    stopped: set[tuple[str, ...]] = field(default_factory=set)

    def key(self) -> bytes:
        """A digest of the whole gazetteer, for the build cache."""
        return digest(sorted(self.aliases.items()), self.prefixes, sorted(self.stopped))

    def add(self, canonical: str, alias: str) -> None:
        self.aliases[_key(alias)] = canonical
        if " " not in alias.strip() and not is_acronym(alias):
            self.prefixes.append((fold(alias), canonical))

    def canonical(self, words: tuple[str, ...]) -> str | None:
        """The canonical tag these words stand for, if the gazetteer knows them."""
        if not self.aliases:
            return None
        found = self.aliases.get(_key(" ".join(words)))
        if found or len(words) != 1:
            return found
        folded = fold(words[0])
        return next((c for prefix, c in self.prefixes if folded.startswith(prefix)), None)

    def is_stopped(self, label: str) -> bool:
        return bool(self.stopped) and _key(label) in self.stopped

    def stop(self, label: str) -> None:
        """Never make this name a tag."""
        self.stopped.add(_key(label))

"""The optional gazetteer, ``content/tags.toml``: canonical tags, their aliases, a stop list.

    stop = ["Κρεμλίνο"]                     # never a tag
    [aliases]
    "Βλαντίμιρ Πούτιν" = ["Πούτιν"]         # any inflection of an alias means the tag
    "Βόρεια Κορέα" = ["Βορειοκορεάτ", "ΛΔΚ"]  # a single word may be a prefix

The list refines names the extractor finds; it is not how names are found.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sitegen.core.config import read_toml
from sitegen.core.errors import Problems, SitegenError
from sitegen.core.keys import digest
from sitegen.greek.entities import is_acronym, name_key
from sitegen.greek.text import fold
from sitegen.sources.unicode import normalize_text


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


GAZETTEER = "content/tags.toml"


def load_gazetteer(path: Path, where: str, problems: Problems) -> Gazetteer:
    """Read tags.toml if it exists; report problems with the file and line."""
    gazetteer = Gazetteer()
    if not path.is_file():
        return gazetteer
    try:
        data = read_toml(path, where)
    except SitegenError as exc:
        problems.items.extend(exc.problems)
        return gazetteer
    for key in sorted(set(data) - {"stop", "aliases"}):
        problems.add(
            where, f"unknown key '{key}'", hint="use 'stop = [...]' and an [aliases] table"
        )
    stop = data.get("stop", [])
    if not isinstance(stop, list) or not all(isinstance(s, str) for s in stop):
        problems.add(where, "'stop' must be a list of names", hint='stop = ["Κρεμλίνο"]')
        stop = []
    gazetteer.stopped = {_key(normalize_text(s)) for s in stop if s.strip()}
    aliases = data.get("aliases", {})
    if not isinstance(aliases, dict):
        problems.add(where, "'aliases' must be a table", hint='[aliases]\n"Βόρεια Κορέα" = ["ΛΔΚ"]')
        aliases = {}
    for canonical, forms in aliases.items():
        if not isinstance(forms, list) or not all(isinstance(f, str) and f.strip() for f in forms):
            problems.add(where, f"the aliases of '{canonical}' must be a list of names",
                         hint=f'"{canonical}" = ["..."]')  # fmt: skip
            continue
        canonical = normalize_text(canonical)  # the same Unicode form as the articles'
        gazetteer.add(canonical, canonical)
        for form in forms:
            gazetteer.add(canonical, normalize_text(form))
    return gazetteer

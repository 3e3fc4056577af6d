"""The optional gazetteer, ``content/tags.toml``: canonical tags, their aliases, a stop list.

    stop = ["Κρεμλίνο"]                     # never a tag
    [aliases]
    "Βλαντίμιρ Πούτιν" = ["Πούτιν"]         # any inflection of an alias means the tag
    "Βόρεια Κορέα" = ["Βορειοκορεάτ", "ΛΔΚ"]  # a single word may be a prefix

The list refines names the extractor finds; it is not how names are found.
"""

from __future__ import annotations

from pathlib import Path

from sitegen.core.errors import Problems, SitegenError
from sitegen.core.toml_files import read_toml
from sitegen.greek.gazetteer import Gazetteer
from sitegen.sources.unicode import normalize_text

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
    for name in stop:
        if name.strip():
            gazetteer.stop(normalize_text(name))
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

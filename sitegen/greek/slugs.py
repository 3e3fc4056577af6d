"""ASCII slugs by ELOT 743 (ISO 843) transliteration of Greek.

No library transliterates the digraphs right (αυ/ευ before voiced or voiceless
sounds, initial μπ, γγ, diaeresis), so the rules are here, table-tested.
"""

from __future__ import annotations

import re
import unicodedata

from sitegen.greek.text import LETTER

_SINGLE = {
    "α": "a",
    "β": "v",
    "γ": "g",
    "δ": "d",
    "ε": "e",
    "ζ": "z",
    "η": "i",
    "θ": "th",
    "ι": "i",
    "κ": "k",
    "λ": "l",
    "μ": "m",
    "ν": "n",
    "ξ": "x",
    "ο": "o",
    "π": "p",
    "ρ": "r",
    "σ": "s",
    "ς": "s",
    "τ": "t",
    "υ": "y",
    "φ": "f",
    "χ": "ch",
    "ψ": "ps",
    "ω": "o",
}
_GAMMA_PAIRS = {"γ": "ng", "κ": "gk", "ξ": "nx", "χ": "nch"}

# Words a slug must not end on: articles, prepositions and conjunctions, transliterated.
STOP_ENDINGS = frozenset(
    "o i to ta oi ti ton tin tis tou tous sto sti stin ston stis stous sta se me kai "
    "apo gia pros os eos kata meta para ypo epi dia an na tha ki ke a e oti pou".split()
)

MAX_SLUG = 80


_VOICELESS_NEXT = r"(?=[θκξπστφχψ]|[^\w]|\d|_|$)"
_DIGRAPHS = re.compile(
    rf"(?P<f>[αεη])[υύ]{_VOICELESS_NEXT}"  # αυ ευ ηυ before a voiceless sound or the end: af
    r"|(?P<v>[αεη])[υύ]"  # otherwise: av (an accent on α/ε/η or a diaeresis on υ breaks it)
    r"|ο[υύ]"
    r"|γ[γκξχ]"
    rf"|(?<!{LETTER})μπ|μπ(?!{LETTER})"  # μπ at a word's start or end: b
)
_FIRST = {"α": "a", "ε": "e", "η": "i"}
_ACCENTED = "άέήίόύώϊϋΐΰ"
_SINGLE_TABLE = str.maketrans({**_SINGLE, **dict(zip(_ACCENTED, "aeiioyoiyiy", strict=True))})


def _digraph(match: re.Match[str]) -> str:
    text = match.group()
    if match.group("f"):
        return _FIRST[match.group("f")] + "f"
    if match.group("v"):
        return _FIRST[match.group("v")] + "v"
    if text[0] == "ο":
        return "ou"
    if text[0] == "γ":
        return _GAMMA_PAIRS[text[1]]
    return "b"  # μπ at a word's edge; inside a word it stays mp


def transliterate(text: str) -> str:
    """Transliterate Greek to lower-case Latin by ELOT 743; other letters lose accents."""
    lower = unicodedata.normalize("NFC", text.lower())
    latin = _DIGRAPHS.sub(_digraph, lower).translate(_SINGLE_TABLE)
    if latin.isascii():
        return latin
    out = []
    for ch in latin:
        if ch.isascii():
            out.append(ch)
        else:
            folded = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode()
            out.append(folded or ("" if ch.isalnum() else " "))
    return "".join(out)


def slugify(text: str, max_length: int = MAX_SLUG) -> str:
    """An ASCII slug: a-z, 0-9 and single hyphens, cut at a word, not ending on a stop word."""
    words = re.findall(r"[a-z0-9]+", transliterate(text).lower())
    kept: list[str] = []
    for word in words:
        if len("-".join([*kept, word])) > max_length:
            break
        kept.append(word)
    if not kept and words:
        kept = [words[0][:max_length]]
    while len(kept) > 1 and kept[-1] in STOP_ENDINGS:
        kept.pop()
    return "-".join(kept)


def unique_slugs(slugs: list[str]) -> list[str]:
    """Make slugs unique in list order: the second 'x' becomes 'x-2', the third 'x-3'."""
    seen: dict[str, int] = {}
    taken = set(slugs)
    out: list[str] = []
    for slug in slugs:
        count = seen.get(slug, 0) + 1
        seen[slug] = count
        candidate = slug
        while count > 1 and (candidate := f"{slug}-{count}") in taken:
            count += 1
        if count > 1:
            seen[slug] = count
            taken.add(candidate)
        out.append(candidate)
    return out

"""ASCII slugs by ELOT 743 (ISO 843) transliteration of Greek.

No library transliterates the digraphs right (αυ/ευ before voiced or voiceless
sounds, initial μπ, γγ, diaeresis), so the rules are here, table-tested.
"""

from __future__ import annotations

import re
import unicodedata

_ACUTE = "\u0301"
_DIAERESIS = "\u0308"

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
_VOICELESS = set("θκξπστφχψ")
_VOWELS = set("αεηιουω")

# Words a slug must not end on: articles, prepositions and conjunctions, transliterated.
STOP_ENDINGS = frozenset(
    "o i to ta oi ti ton tin tis tou tous sto sti stin ston stis stous sta se me kai "
    "apo gia pros os eos kata meta para ypo epi dia an na tha ki ke a e oti pou".split()
)

MAX_SLUG = 80


def _letters(text: str) -> list[tuple[str, bool, bool]]:
    """Lower-case base letters with flags (had acute accent, had diaeresis)."""
    out: list[tuple[str, bool, bool]] = []
    for ch in unicodedata.normalize("NFD", text.lower()):
        if unicodedata.combining(ch):
            if out and ch in (_ACUTE, "\u0342", "\u0300"):
                out[-1] = (out[-1][0], True, out[-1][2])
            elif out and ch == _DIAERESIS:
                out[-1] = (out[-1][0], out[-1][1], True)
            continue
        out.append((ch, False, False))
    return out


def transliterate(text: str) -> str:
    """Transliterate Greek to lower-case Latin by ELOT 743; other letters lose accents."""
    letters = _letters(text)
    result: list[str] = []
    i, n = 0, len(letters)
    while i < n:
        ch, accented, _ = letters[i]
        nxt, _, nxt_dia = letters[i + 1] if i + 1 < n else ("", False, False)
        prev = letters[i - 1][0] if i else ""
        at_word_start = not prev.isalpha()
        if ch in "αεη" and nxt == "υ" and not nxt_dia and not accented:
            after = letters[i + 2][0] if i + 2 < n else ""
            voiceless = after in _VOICELESS or not after.isalpha()
            result.append({"α": "a", "ε": "e", "η": "i"}[ch] + ("f" if voiceless else "v"))
            i += 2
            continue
        if ch == "ο" and nxt == "υ" and not nxt_dia and not accented:
            result.append("ou")
            i += 2
            continue
        if ch == "γ" and nxt in _GAMMA_PAIRS:
            result.append(_GAMMA_PAIRS[nxt])
            i += 2
            continue
        if ch == "μ" and nxt == "π":
            after = letters[i + 2][0] if i + 2 < n else ""
            at_word_end = not after.isalpha()
            result.append("b" if at_word_start or at_word_end else "mp")
            i += 2
            continue
        if ch in _SINGLE:
            result.append(_SINGLE[ch])
        elif ch.isascii():
            result.append(ch)
        else:
            folded = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode()
            result.append(folded or (" " if not ch.isalnum() else ""))
        i += 1
    return "".join(result)


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

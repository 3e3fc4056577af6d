"""Greek text: folding, sentences, function words, reading time."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# A sentence ends at . ! ; (the Greek question mark) or … followed by space and a capital
# or an opening quote; quotes are handled by not splitting inside «...».
_END = re.compile(r"[.!;…]+[»\"”’)]*\s+(?=[«\"“(]?[A-ZΑ-ΩΆ-Ώ0-9])")
_ABBREVIATIONS = re.compile(
    r"(?:^|[\s(«])(?:\w|κκ|βλ|σελ|αρ|π\.χ|κ\.λπ|κ\.ά|εκατ|δισ|Α\.Ε|τ\.μ|χλμ)\.$", re.IGNORECASE
)


# Function words (folded): articles, prepositions, conjunctions, particles, pronouns.
# A headline never ends on one; a capitalised one at a sentence start is not a name.
FUNCTION_WORDS = frozenset(
    "ο η το οι τα του τησ των τον την τη τουσ τισ στο στη στην στον στα στουσ στισ στου "
    "σε με απο για προσ κατα μετα παρα υπο επι δια χωρισ μεχρι εωσ ωσ αντι οτι πωσ που "
    "και κι ουτε ουδε αλλα ομωσ ενω αν να θα δεν μην μη ειτε οταν οπου καθωσ αφου ωστε "
    "εναν ενα μια μιασ ενοσ ενασ σασ μασ εκ εμεισ εσεισ αυτοσ αυτη αυτο αυτοι αυτα αυτεσ "
    "αυτου αυτησ αυτων αυτον αυτην αυτουσ τι ποιοσ ποια ποιο ποιοι ποιεσ ποιου μου σου "
    "ολοι ολεσ ολα οσοι οσεσ οσα καθε κανεισ καμια κανενα".split()
)


@lru_cache(maxsize=1 << 17)
def fold(text: str) -> str:
    """Accent- and case-insensitive form, for sorting and matching (ς folds to σ)."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ς", "σ")


def sentences(text: str) -> list[str]:
    """Split a paragraph into sentences, never inside «...» nor after a short abbreviation."""
    out: list[str] = []
    start = 0
    for match in _END.finditer(text):
        candidate = text[start : match.start() + len(match.group().rstrip())]
        if candidate.count("«") > candidate.count("»"):
            continue
        if _ABBREVIATIONS.search(candidate.rstrip('»"”’)')) and not candidate.endswith(";"):
            continue
        out.append(candidate.strip())
        start = match.end()
    rest = text[start:].strip()
    if rest:
        out.append(rest)
    return out


def reading_minutes(text: str, words_per_minute: int = 200) -> int:
    """Whole minutes to read a text, at least one."""
    return max(1, round(len(text.split()) / words_per_minute))


LETTER = r"[^\W\d_]"  # (regular expression) a letter of any script
VOWELS = "αεηιουω"  # the Greek vowels, as fold() writes them


def without_vowels(folded: str) -> str:
    """A folded word without its final vowels: the bare stem that endings attach to."""
    return folded.rstrip(VOWELS)


def upper_first(text: str) -> str:
    """The text with its first letter capitalised (the rest as it is)."""
    return text[:1].upper() + text[1:]

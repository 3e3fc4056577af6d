"""Greek text: folding, sentences, headline and summary, dates in the site's language."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel.dates import format_date

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


def _locale(language: str) -> str:
    return language.replace("-", "_")


@lru_cache(maxsize=1 << 14)
def long_date(day: date, language: str) -> str:
    """A date in running text, the locale's long form: in Greek d MMMM y, 3 Σεπτεμβρίου 2025."""
    return format_date(day, "long", locale=_locale(language))


@lru_cache(maxsize=1 << 14)
def month_heading(year: int, month: int, language: str) -> str:
    """A month on its own, as a heading: Σεπτέμβριος 2025 (stand-alone nominative)."""
    text = format_date(date(year, month, 1), "LLLL y", locale=_locale(language))
    return text[:1].upper() + text[1:]


@lru_cache(maxsize=1 << 14)
def month_name(month: int, language: str) -> str:
    """A month's name on its own, in the nominative: Σεπτέμβριος."""
    text = format_date(date(2000, month, 1), "LLLL", locale=_locale(language))
    return text[:1].upper() + text[1:]


@lru_cache(maxsize=1 << 14)
def publication_time(day: date, zone: ZoneInfo) -> datetime:
    """Noon of the day in the site's zone: the same calendar date in every time zone."""
    return datetime.combine(day, time(12), tzinfo=zone)


def reading_minutes(text: str, words_per_minute: int = 200) -> int:
    """Whole minutes to read a text, at least one."""
    return max(1, round(len(text.split()) / words_per_minute))

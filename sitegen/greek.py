"""Greek text: folding, sentences, headline and summary, dates in the site's language."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from babel.dates import format_date

HEADLINE_MAX = 90
SUMMARY_MAX = 160

# A sentence ends at . ! ; (the Greek question mark) or … followed by space and a capital
# or an opening quote; quotes are handled by not splitting inside «...».
_END = re.compile(r"[.!;…]+[»\"”’)]*\s+(?=[«\"“(]?[A-ZΑ-ΩΆ-Ώ0-9])")
_ABBREVIATIONS = re.compile(
    r"(?:^|[\s(«])(?:\w|κκ|βλ|σελ|αρ|π\.χ|κ\.λπ|κ\.ά|εκατ|δισ|Α\.Ε|τ\.μ|χλμ)\.$", re.IGNORECASE
)


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


def cut_at_word(text: str, limit: int) -> str:
    """Cut text to at most limit characters at a word boundary, with an ellipsis if cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:·-– ")
    return cut + "…"


def headline(first_paragraph: str, limit: int = HEADLINE_MAX) -> str:
    """A title from the lead: its first sentence, cut at a clause comma or a word if long."""
    first = sentences(first_paragraph)[0] if first_paragraph.strip() else ""
    first = first.rstrip(".")
    if len(first) <= limit:
        return first
    depth = 0
    best = -1
    for i, ch in enumerate(first[:limit]):
        depth += ch == "«"
        depth -= ch == "»"
        if ch == "," and depth == 0 and i >= 30 and not first[i + 1 : i + 2].isdigit():
            best = i
    if best > 0:
        return first[:best]
    return cut_at_word(first, limit)


def summary(paragraphs: list[str], limit: int = SUMMARY_MAX) -> str:
    """Whole sentences from the start, up to limit characters (the first one cut if longer)."""
    chosen: list[str] = []
    for paragraph in paragraphs:
        for sentence in sentences(paragraph):
            if len(" ".join([*chosen, sentence])) > limit:
                return " ".join(chosen) if chosen else cut_at_word(sentence, limit)
            chosen.append(sentence)
    return " ".join(chosen)


def long_date(day: date, language: str) -> str:
    """A date as readers of the language write it: 3 Σεπτεμβρίου 2025."""
    return format_date(day, format="long", locale=language.replace("-", "_"))


def reading_minutes(text: str, words_per_minute: int = 200) -> int:
    """Whole minutes to read a text, at least one."""
    return max(1, round(len(text.split()) / words_per_minute))

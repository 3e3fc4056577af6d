"""Dates in the site's language (Babel), and the moment an article counts as published."""

from __future__ import annotations

from datetime import date, datetime, time
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel.dates import format_date

from sitegen.core.language import babel_locale
from sitegen.greek.text import upper_first


@lru_cache(maxsize=1 << 14)
def long_date(day: date, language: str) -> str:
    """A date in running text, the locale's long form: in Greek d MMMM y, 3 Σεπτεμβρίου 2025."""
    return format_date(day, "long", locale=babel_locale(language))


@lru_cache(maxsize=1 << 14)
def month_heading(year: int, month: int, language: str) -> str:
    """A month on its own, as a heading: Σεπτέμβριος 2025 (stand-alone nominative)."""
    text = format_date(date(year, month, 1), "LLLL y", locale=babel_locale(language))
    return upper_first(text)


@lru_cache(maxsize=1 << 14)
def month_name(month: int, language: str) -> str:
    """A month's name on its own, in the nominative: Σεπτέμβριος."""
    text = format_date(date(2000, month, 1), "LLLL", locale=babel_locale(language))
    return upper_first(text)


@lru_cache(maxsize=1 << 14)
def publication_time(day: date, zone: ZoneInfo) -> datetime:
    """Noon of the day in the site's zone. Readers whose clocks are less than 12 hours
    from the site's see the same calendar date: for Athens, from UTC-9 (UTC-10 in
    winter) to UTC+14. Further west (Hawaii in summer, American Samoa) a reader's app
    shows the day before: no single moment has one date in all zones."""
    return datetime.combine(day, time(12), tzinfo=zone)

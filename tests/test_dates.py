"""The moment an article counts as published, and the date readers elsewhere see."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

import pytest

from sitegen.greek.dates import publication_time

ATHENS = ZoneInfo("Europe/Athens")


@pytest.mark.parametrize(
    ("day", "reader", "seen"),
    [
        (date(2025, 9, 3), "Pacific/Kiritimati", "2025-09-03T23:00:00+14:00"),  # UTC+14
        (date(2025, 9, 3), "Pacific/Auckland", "2025-09-03T21:00:00+12:00"),
        (date(2025, 9, 3), "America/Anchorage", "2025-09-03T01:00:00-08:00"),  # UTC-9 + DST
        (date(2025, 1, 15), "Pacific/Honolulu", "2025-01-15T00:00:00-10:00"),  # winter: same day
        # The limit the README states: further west, the day before.
        (date(2025, 9, 3), "Pacific/Honolulu", "2025-09-02T23:00:00-10:00"),
        (date(2025, 1, 15), "Pacific/Pago_Pago", "2025-01-14T23:00:00-11:00"),
    ],
)
def test_the_date_readers_elsewhere_see(day: date, reader: str, seen: str) -> None:
    published = publication_time(day, ATHENS)
    assert published.astimezone(ZoneInfo(reader)).isoformat() == seen


def test_an_article_is_published_at_noon_in_the_sites_zone() -> None:
    assert publication_time(date(2025, 9, 3), ATHENS).isoformat() == "2025-09-03T12:00:00+03:00"
    assert publication_time(date(2025, 1, 15), ATHENS).isoformat() == "2025-01-15T12:00:00+02:00"

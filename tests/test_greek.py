"""Sentences, headline, summary, folding and dates."""

from datetime import date
from zoneinfo import ZoneInfo

import pytest

from sitegen.greek import dates
from sitegen.greek import text as greek


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Πρώτη πρόταση. Δεύτερη πρόταση.", ["Πρώτη πρόταση.", "Δεύτερη πρόταση."]),
        ("Τι έγινε; Τίποτα.", ["Τι έγινε;", "Τίποτα."]),  # ; is the Greek question mark
        ("Είπε «Όχι. Ποτέ.» και έφυγε. Τέλος.", ["Είπε «Όχι. Ποτέ.» και έφυγε.", "Τέλος."]),
        ("Ο κ. Παπαδόπουλος ήρθε. Μετά έφυγε.", ["Ο κ. Παπαδόπουλος ήρθε.", "Μετά έφυγε."]),
        ("Τον συνάντησε ο Β. Πούτιν χθες.", ["Τον συνάντησε ο Β. Πούτιν χθες."]),
        ("Κόστισε 1.000 ευρώ. Ακριβό.", ["Κόστισε 1.000 ευρώ.", "Ακριβό."]),
        ("Χώρες όπως π.χ. Γαλλία. Τέλος.", ["Χώρες όπως π.χ. Γαλλία.", "Τέλος."]),
        ("στις χώρες μας. Νέα πρόταση", ["στις χώρες μας.", "Νέα πρόταση"]),
        ("χωρίς τελεία", ["χωρίς τελεία"]),
        ("Η Α.Ε. ανακοίνωσε κέρδη. Τέλος.", ["Η Α.Ε. ανακοίνωσε κέρδη.", "Τέλος."]),
        ("Είπε ότι κ.λπ. είναι. Άλλο.", ["Είπε ότι κ.λπ. είναι.", "Άλλο."]),
        ("Ζημιές 3 εκατ. ευρώ. Και άλλα.", ["Ζημιές 3 εκατ. ευρώ.", "Και άλλα."]),
        ("Αύξηση 2,5 μονάδων. Το 80ό. Τέλος.", ["Αύξηση 2,5 μονάδων.", "Το 80ό.", "Τέλος."]),
        ("Ήρθε. και μετά έφυγε.", ["Ήρθε. και μετά έφυγε."]),  # not before a lower-case word
        ("Τι; Πού; Πότε!", ["Τι;", "Πού;", "Πότε!"]),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert greek.sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Πούτιν", "πουτιν"),
        ("ΡΩΣΊΑΣ", "ρωσιασ"),  # capitals and a final Σ
        ("Ρωσίας", "ρωσιασ"),  # ς folds to σ
        ("Ευρωπαϊκή", "ευρωπαικη"),  # diaeresis and accent
        ("ΐ", "ι"),  # both on one letter
        ("Άγκυρα", "αγκυρα"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert greek.fold(text) == folded


@pytest.mark.parametrize(
    ("language", "text"),
    [("el", "3 Σεπτεμβρίου 2025"), ("en", "September 3, 2025"), ("el", "1 Μαΐου 2025")],
)
def test_long_date(language: str, text: str) -> None:
    day = date(2025, 5, 1) if "Μαΐου" in text else date(2025, 9, 3)
    assert dates.long_date(day, language) == text


@pytest.mark.parametrize(
    ("month", "language", "text"),
    [(9, "el", "Σεπτέμβριος 2025"), (5, "el", "Μάιος 2025"), (9, "en", "September 2025")],
)
def test_month_heading_is_nominative(month: int, language: str, text: str) -> None:
    assert dates.month_heading(2025, month, language) == text


@pytest.mark.parametrize(
    "reader", ["UTC", "America/Los_Angeles", "America/New_York", "Asia/Tokyo", "Australia/Sydney"]
)
def test_publication_time_keeps_the_date_for_readers_elsewhere(reader: str) -> None:
    published = dates.publication_time(date(2025, 9, 3), ZoneInfo("Europe/Athens"))
    assert published.isoformat() == "2025-09-03T12:00:00+03:00"
    assert published.astimezone(ZoneInfo(reader)).date() == date(2025, 9, 3)


@pytest.mark.parametrize(("month", "name"), [(1, "Ιανουάριος"), (5, "Μάιος"), (8, "Αύγουστος")])
def test_month_name(month: int, name: str) -> None:
    assert dates.month_name(month, "el") == name

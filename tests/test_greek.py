"""Sentences, headline, summary, folding and dates."""

from datetime import date

import pytest

from sitegen import greek

SEED_LEAD = (
    "Ο πρόεδρος της Ρωσίας συναντήθηκε σήμερα με τον Βορειοκορεάτη ηγέτη στο Πεκίνο, όπου οι "
    "δύο ηγέτες παρακολούθησαν τους εορτασμούς για τα 80 χρόνια από τη νίκη επί της Ιαπωνίας "
    "και τον τερματισμό του Δευτέρου Παγκοσμίου Πολέμου, ανακοίνωσε το Κρεμλίνο."
)


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
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert greek.sentences(text) == expected


@pytest.mark.parametrize(
    ("lead", "title"),
    [
        (
            SEED_LEAD,
            "Ο πρόεδρος της Ρωσίας συναντήθηκε σήμερα με τον Βορειοκορεάτη ηγέτη στο Πεκίνο",
        ),
        ("Σύντομη είδηση. Και άλλο κείμενο.", "Σύντομη είδηση"),
        ("Τι θα γίνει με τις συντάξεις; Απαντά ο υπουργός.", "Τι θα γίνει με τις συντάξεις;"),
    ],
)
def test_headline(lead: str, title: str) -> None:
    assert greek.headline(lead) == title


def test_headline_without_a_comma_is_cut_at_a_word() -> None:
    lead = " ".join(["λέξη"] * 40) + "."
    title = greek.headline(lead)
    assert len(title) <= greek.HEADLINE_MAX
    assert title.endswith("λέξη…")


def test_summary_keeps_whole_sentences() -> None:
    paragraphs = ["Πρώτη πρόταση εδώ. Δεύτερη πρόταση εδώ.", "Τρίτη. " * 40]
    assert greek.summary(paragraphs, 59) == "Πρώτη πρόταση εδώ. Δεύτερη πρόταση εδώ. Τρίτη. Τρίτη."


def test_summary_cuts_a_long_first_sentence_at_a_word() -> None:
    text = greek.summary([SEED_LEAD])
    assert len(text) <= greek.SUMMARY_MAX
    assert text.endswith("…") and SEED_LEAD.startswith(text[:-1])


@pytest.mark.parametrize(
    ("a", "b"),
    [("Πούτιν", "πουτιν"), ("ΡΩΣΊΑΣ", "ρωσιας"), ("Ρωσίας", "ρωσιασ"), ("Ευρωπαϊκή", "ευρωπαικη")],
)
def test_fold(a: str, b: str) -> None:
    assert greek.fold(a) == greek.fold(b)


@pytest.mark.parametrize(
    ("language", "text"),
    [("el", "3 Σεπτεμβρίου 2025"), ("en", "September 3, 2025")],
)
def test_long_date(language: str, text: str) -> None:
    assert greek.long_date(date(2025, 9, 3), language) == text


@pytest.mark.parametrize(("words", "minutes"), [(0, 1), (200, 1), (500, 2), (1000, 5)])
def test_reading_minutes(words: int, minutes: int) -> None:
    assert greek.reading_minutes("λέξη " * words) == minutes

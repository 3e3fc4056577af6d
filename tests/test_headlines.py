"""Headlines and summaries from Greek news leads, one rule per case."""

import pytest

from sitegen.headlines import HEADLINE_MAX, SUMMARY_MAX, headline, summary

SEED_LEAD = (
    "Ο πρόεδρος της Ρωσίας συναντήθηκε σήμερα με τον Βορειοκορεάτη ηγέτη στο Πεκίνο, όπου οι "
    "δύο ηγέτες παρακολούθησαν τους εορτασμούς για τα 80 χρόνια από τη νίκη επί της Ιαπωνίας "
    "και τον τερματισμό του Δευτέρου Παγκοσμίου Πολέμου, ανακοίνωσε το Κρεμλίνο."
)


@pytest.mark.parametrize(
    ("lead", "title"),
    [
        # the seed: time word dropped, cut at the clause comma
        (SEED_LEAD, "Ο πρόεδρος της Ρωσίας συναντήθηκε με τον Βορειοκορεάτη ηγέτη στο Πεκίνο"),
        # a short first sentence is the headline, without its full stop
        ("Σύντομη είδηση. Και άλλο κείμενο.", "Σύντομη είδηση"),
        # ; is a question mark and stays
        ("Τι θα γίνει με τις συντάξεις; Απαντά ο υπουργός.", "Τι θα γίνει με τις συντάξεις;"),
        # a leading aside is dropped up to its comma
        (
            "Σύμφωνα με ανακοίνωση της ΕΛΑΣ, τρεις άνθρωποι συνελήφθησαν στη Λάρισα.",
            "Τρεις άνθρωποι συνελήφθησαν στη Λάρισα",
        ),
        (
            "Νωρίτερα, η κυβέρνηση είχε ανακοινώσει νέα μέτρα.",
            "Η κυβέρνηση είχε ανακοινώσει νέα μέτρα",
        ),
        # time words, with the part of the day that follows them
        ("Χθες το απόγευμα ξέσπασε πυρκαγιά στην Κόρινθο.", "Ξέσπασε πυρκαγιά στην Κόρινθο"),
        ("Ο υπουργός μίλησε σήμερα στη Βουλή.", "Ο υπουργός μίλησε στη Βουλή"),
        # cut before a linking word when there is no comma
        (
            "Η κυβέρνηση ανακοίνωσε νέα μέτρα στήριξης για τα νοικοκυριά και τις επιχειρήσεις "
            "ενώ η αντιπολίτευση τα χαρακτήρισε ανεπαρκή.",
            "Η κυβέρνηση ανακοίνωσε νέα μέτρα στήριξης για τα νοικοκυριά και τις επιχειρήσεις",
        ),
        # a comma inside a number or in ό,τι is not a clause boundary
        (
            "Ο πληθωρισμός έφτασε στο 2,5% τον Σεπτέμβριο και η κυβέρνηση υποσχέθηκε ό,τι μπορεί, "
            "σύμφωνα με την ΕΛΣΤΑΤ.",
            "Ο πληθωρισμός έφτασε στο 2,5% τον Σεπτέμβριο και η κυβέρνηση υποσχέθηκε ό,τι μπορεί",
        ),
        # «quote», said X -> X: «quote»
        (
            "«Οι στρατιώτες σας πολέμησαν θαρραλέα», τόνισε ο Ρώσος πρόεδρος.",
            "Ρώσος πρόεδρος: «Οι στρατιώτες σας πολέμησαν θαρραλέα»",
        ),
        (
            "«Θα στηρίξουμε τους αγρότες», δήλωσε ο Μητσοτάκης στη Λάρισα.",
            "Μητσοτάκης: «Θα στηρίξουμε τους αγρότες»",
        ),
        (
            "«Είμαστε έτοιμοι», υπογράμμισε εξάλλου η υπουργός απευθυνόμενη στους βουλευτές.",
            "Υπουργός: «Είμαστε έτοιμοι»",
        ),
    ],
)
def test_headline(lead: str, title: str) -> None:
    assert headline(lead) == title


@pytest.mark.parametrize(
    "lead",
    [
        SEED_LEAD,
        "«Με δική σας πρωτοβουλία, όπως είναι καλά γνωστό, οι ειδικές σας δυνάμεις συμμετείχαν "
        "στην απελευθέρωση της περιφέρειας του Κουρσκ», δήλωσε ο Πούτιν στον Κιμ.",
        " ".join(["λέξη"] * 40) + ".",
        "Η επιτροπή για την ανάπτυξη της περιφέρειας της Δυτικής Μακεδονίας και των νησιών του "
        "Αιγαίου συνεδρίασε για την κατανομή των κονδυλίων.",
        "Ο δήμαρχος είπε «θα φτιάξουμε νέους δρόμους και πάρκα σε όλες τις γειτονιές της πόλης "
        "μέσα στα επόμενα δύο χρόνια» στη συνέντευξη.",
    ],
)
def test_headline_invariants(lead: str) -> None:
    title = headline(lead)
    assert 0 < len(title) <= HEADLINE_MAX
    assert title.count("«") == title.count("»")  # balanced quotes
    last = title.rstrip("…»;").split()[-1].lower()
    assert last not in {"της", "του", "των", "τον", "την", "και", "σε", "με", "για", "στο", "στη"}
    words = set(lead.replace("«", " ").replace("»", " ").replace(",", " ").split())
    for word in title.replace("«", " ").replace("»", " ").replace("…", " ").split():
        assert word.rstrip(",:.;") in words or word.rstrip(":") in words or word[0].isupper()


def test_summary_keeps_whole_sentences() -> None:
    paragraphs = ["Πρώτη πρόταση εδώ. Δεύτερη πρόταση εδώ.", "Τρίτη. " * 40]
    assert summary(paragraphs, 59) == "Πρώτη πρόταση εδώ. Δεύτερη πρόταση εδώ. Τρίτη. Τρίτη."


def test_summary_cuts_a_long_first_sentence_at_a_word() -> None:
    text = summary([SEED_LEAD])
    assert len(text) <= SUMMARY_MAX
    assert text.endswith("…") and SEED_LEAD.startswith(text[:-1])

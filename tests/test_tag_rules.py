"""Rules that keep automatic tags to people, places and organisations on real newswire:
words capitalised by position, generic words and titles, nationalities, acronyms that are
common nouns or shouting, names glued together, and things that are no entity at all.

The texts are written for these tests in the style of Greek news agencies."""

from __future__ import annotations

import pytest

from sitegen.greek.entities import find_mentions
from sitegen.greek.lexicon import (
    CONCEPTS,
    DOCUMENTS,
    INSTITUTIONS,
    NOT_NAME_STEMS,
    TITLES,
    Lexicon,
    is_listed,
    territories,
)
from sitegen.greek.naming import is_demonym, nominative
from sitegen.greek.text import fold

from .test_tagging import tags_of

LISTS = (INSTITUTIONS, TITLES, NOT_NAME_STEMS, CONCEPTS, DOCUMENTS)

# Padding: a collection in which common words start sentences, as they do in real news.
USUAL = [
    "Σύμφωνα με την ανακοίνωση, η σύσκεψη κράτησε ώρες. Σύμφωνα με πηγές, θα συνεχιστεί.",
    "Επίσης, η Περιφέρεια ενέκρινε το σχέδιο. Σύμφωνα με το σχέδιο, τα έργα ξεκινούν.",
    "Όπως ανέφερε, η Επιτροπή θα συνεδριάσει. Επίσης ζήτησε στοιχεία.",
    "Όπως είπε, τα μέτρα ισχύουν. Επίσης, τα στοιχεία δημοσιεύονται αύριο.",
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a common word that starts sentences, capitalised once mid-sentence after a dash
        (
            "Η Ρωσία απάντησε στην Ουκρανία. Η συζήτηση -Σύμφωνα με όλους- κράτησε.",
            ("Ρωσία", "Ουκρανία"),
        ),
        # ... and it is not glued to the name after it at a sentence start
        (
            "Η Μόσχα απάντησε -Επίσης με σιωπή. Επίσης Κουτσολιάκος δεν μίλησε.",
            ("Μόσχα", "Κουτσολιάκος"),
        ),
        # a name at a sentence start is still a name when it is capitalised elsewhere too
        ("Ο Τσίπρας μίλησε στη Λάρισα. Τσίπρας και Λάρισα ήταν τα θέματα.", ("Τσίπρας", "Λάρισα")),
        # a generic institution word alone is no tag; the whole name is
        (
            "Η Επιτροπή συνεδρίασε. Η Ευρωπαϊκή Επιτροπή ενέκρινε το σχέδιο.",
            ("Ευρωπαϊκή Επιτροπή",),
        ),
        ("Το Νοσοκομείο ανακοίνωσε ότι ο Μητσοτάκης θα μιλήσει.", ("Μητσοτάκης",)),
        # a title and its portfolio before a name are not part of it
        (
            "Ο Επίτροπος Οικονομικών Υποθέσεων Πιερ Μοσκοβισί έφτασε στην Αθήνα.",
            ("Πιερ Μοσκοβισί", "Αθήνα"),
        ),
        (
            "Ο Αναπληρωτής Υπουργός Προστασίας του Πολίτη Νίκος Τόσκας επισκέφθηκε τη Λάρισα.",
            ("Νίκος Τόσκας", "Λάρισα"),
        ),
        (
            "Την ανακοίνωση υπέγραψε ο Πρόεδρος της Δημοκρατίας Προκόπης Παυλόπουλος.",
            ("Προκόπης Παυλόπουλος",),
        ),
        # after a title in lower case: the portfolio goes, the name takes the title's case
        (
            "Ο υπουργός Κοινωνικής Αλληλεγγύης Θεανώ Φωτίου και ο υπουργός Νίκος Δένδιας.",
            ("Θεανώ Φωτίου", "Νίκος Δένδιας"),
        ),
        ("Ο υπουργός Δένδιας μίλησε, ο υπουργός Υγείας σιώπησε.", ("Δένδιας",)),
        # a genitive, then a person: two names (the title before them is lower case)
        (
            "Μίλησε ο πρόεδρος της Βουλής Νίκος Βούτσης. Η Βουλή ψήφισε.",
            ("Βουλή", "Νίκος Βούτσης"),
        ),
        # nationality words are no tags; they count for their country when it is named
        ("Ο Έλληνας πρωταθλητής νίκησε τους Ρουμάνους στη Ρώμη.", ("Ρώμη",)),
        ("Οι Σέρβοι ψήφισαν. Η Σερβία περιμένει.", ("Σερβία",)),
        # acronyms of common nouns and words shouted in capitals are no tags
        ("Τα ΜΜΕ και το ΔΣ του ΝΑΤΟ συνεδρίασαν.", ("ΝΑΤΟ",)),
        ("Η ΠΑΕ Ολυμπιακός δημοσίευσε το ΦΕΚ για το DNA.", ("Ολυμπιακός",)),
        ("ΑΚΟΥΣΑΜΕ ΟΤΙ η ΕΝΩΣΗ ΣΥΝΤΑΚΤΩΝ διαμαρτυρήθηκε στο ΠΑΣΟΚ.", ("ΠΑΣΟΚ",)),
        # an acronym written with full stops is one acronym; Roman numerals are none
        ("Η ΕΛ.ΑΣ. ερευνά. Ο Κάρολος ΙΙ δεν απάντησε.", ("ΕΛΑΣ", "Κάρολος")),
        # a place in a place is two places; an institution of a country is one name
        ("Η φωτιά στη Λίνδο της Ρόδου έσβησε. Η Ρόδος ανάσανε.", ("Ρόδος", "Λίνδος")),
        ("Η Τράπεζα της Ελλάδος ανακοίνωσε.", ("Τράπεζα της Ελλάδος",)),
        # a title in the genitive before a name is not part of it either
        (
            "Δήλωση του Αναπληρωτή Υπουργού Υγείας Παύλου Πολάκη για την Κρήτη.",
            ("Κρήτη", "Παύλος Πολάκης"),
        ),
        ("Το τρίμηνο Ιανουαρίου-Μαρτίου η Κρήτη είχε ρεκόρ.", ("Κρήτη",)),
        # concepts written with a capital name nothing alone
        ("Το Δημόσιο και η Δικαιοσύνη στη Δύση, είπε ο Ανατόλιος.", ("Ανατόλιος",)),
        # feasts, units and colloquial months are no entities
        ("Τα Χριστούγεννα στη Θεσσαλονίκη είχε 5 βαθμούς Κελσίου τον Γενάρη.", ("Θεσσαλονίκη",)),
        ("Ο δήμαρχος της Πάτρας έγραψε στο Twitter και στο Instagram.", ("Πάτρα",)),
        # a word in Latin script named once, never with a Greek article, is no tag;
        # one used as a Greek noun is (η Google)
        ("Η έρευνα Research Report δημοσιεύθηκε. Η Google αντέδρασε.", ("Google",)),
        # a ministry named after a lower-case 'υπουργείο' is one
        (
            "Το υπουργείο Εξωτερικών ανακοίνωσε ότι το υπουργείο Υγείας συμφωνεί.",
            ("Υπουργείο Εξωτερικών", "Υπουργείο Υγείας"),
        ),
        (
            "Το υπουργείο Εσωτερικών του Σλέσβιχ-Χόλσταϊν ανακοίνωσε.",
            ("Σλέσβιχ-Χόλσταϊν", "Υπουργείο Εσωτερικών"),
        ),
        # a participle or a verb after a name does not make it a nationality word
        ("Ο Τσίπρας μίλησε. Ο Τσίπρας συναντώντας τον Ζάεφ χαμογέλασε.", ("Τσίπρας", "Ζάεφ")),
        ("Τον Ορμπάν στήριξαν. Ο Ορμπάν ευχαρίστησε τη Βουδαπέστη.", ("Ορμπάν", "Βουδαπέστη")),
        # a hyphenated name is one name; two countries or a team and an acronym are two
        (
            "Το κρατίδιο Σλέσβιχ-Χόλσταϊν ψήφισε. Το ΑΠΕ-ΜΠΕ μετέδωσε.",
            ("ΑΠΕ-ΜΠΕ", "Σλέσβιχ-Χόλσταϊν"),
        ),
        (
            "Οι σχέσεις Ελλάδας-Τουρκίας βελτιώνονται. Η Ελλάδα και η Τουρκία συμφώνησαν.",
            ("Ελλάδα", "Τουρκία"),
        ),
        ("Ο αγώνας Ολυμπιακός-ΠΑΟΚ έληξε. Ο Ολυμπιακός νίκησε.", ("Ολυμπιακός", "ΠΑΟΚ")),
        # a region is not its country, a person is their surname
        (
            "Η Νότια Αφρική κέρδισε, η Αφρική πανηγύρισε και η Αφρική γιόρτασε."
            " Ο Κέντρικ Ναν σκόραρε, ο Ναν νίκησε.",
            ("Αφρική", "Ναν", "Νότια Αφρική"),
        ),
        # a country before a person is a name of its own; so is a place before a country
        ("Ο πρόεδρος της Ρωσία Βλαντίμιρ Πούτιν μίλησε.", ("Ρωσία", "Βλαντίμιρ Πούτιν")),
        ("Η φωτιά στο Κεμπέκ του Καναδά έσβησε.", ("Καναδάς", "Κεμπέκ")),
        # genitives of common words with no noun of their own are no name; a person is
        (
            "Το ταμείο Κοινωνικής Ασφάλισης πλήρωσε τη σύνταξη του Νίκου Μπαρμπαρούση.",
            ("Νίκου Μπαρμπαρούση",),  # a surname Greek text does not show: not guessed
        ),
        # 'και' inside an institution's name, between two names otherwise
        (
            "Το Φεστιβάλ Αθηνών και Επιδαύρου ξεκινά. Η Ελλάδα και Κύπρος συμφώνησαν.",
            ("Ελλάδα", "Φεστιβάλ Αθηνών και Επιδαύρου", "Κύπρος"),
        ),
        (
            "Τα κονδύλια του Ταμείου Ανάκαμψης και της Ευρωπαϊκής Ένωσης φτάνουν.\n\n"
            "Το Ταμείο Ανάκαμψης και Ανθεκτικότητας πληρώνει.",
            ("Ταμείο Ανάκαμψης", "Ευρωπαϊκή Ένωση"),
        ),
        # an institution of an institution is two names
        (
            "Το Τμήμα Οικονομικών Ερευνών της Ένωσης Ελληνικών Τραπεζών ενέκρινε.",
            ("Ένωση Ελληνικών Τραπεζών", "Τμήμα Οικονομικών Ερευνών"),
        ),
        # a brand in Latin letters, then a person; one Greek word stays with the brand
        ("Μίλησε το στέλεχος της Vodafone Κώστας Τσαλίκης.", ("Vodafone", "Κώστας Τσαλίκης")),
        ("Η Vodafone Ελλάς ανακοίνωσε.", ("Vodafone Ελλάς",)),
        # a country is not the surname of a longer name that ends like it
        (
            "Ο Περικλής Λιβάς μίλησε για τη Λιβύη. Η Λιβύη απάντησε.",
            ("Λιβύη", "Περικλής Λιβάς"),
        ),
        # a plural of people alone is no organisation; nor a city's people
        ("Οι Γιαννιώτες γιόρτασαν στα Γιάννενα.", ("Γιάννενα",)),
        ("Οι Χριστιανοί γιόρτασαν στη Βηθλεέμ.", ("Βηθλεέμ",)),
    ],
)
def test_real_news_shapes(text: str, expected: tuple[str, ...]) -> None:
    assert tags_of(text, *USUAL)[0] == expected


def test_common_word_at_starts_is_not_a_tag_anywhere() -> None:
    """'Σύμφωνα' capitalised once mid-sentence does not make it a name in other articles."""
    found = tags_of("-Σύμφωνα με τον Πούτιν, η Μόσχα απαντά.", *USUAL)
    assert all("Σύμφωνα" not in tags for tags in found)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Έλληνας", True),
        ("Ελληνίδα", True),
        ("Σέρβος", True),
        ("Ρουμάνους", True),
        ("Γεωργιανού", True),
        ("Γερμανίδα", True),
        ("Μεξικανός", True),
        ("Ελληνική", False),  # an adjective, part of names such as Ελληνική Στατιστική Αρχή
        ("Ρωσίας", False),  # the country itself
        ("Κύπρου", False),
        ("Γεωργίου", False),  # a person's genitive, not a Georgian
        ("Βουλή", False),  # not a Bulgarian
        ("Παπαδόπουλος", False),
    ],
)
def test_demonyms(word: str, expected: bool) -> None:
    assert is_demonym(word) is expected


@pytest.mark.parametrize(
    ("words", "before", "label"),
    [
        (("ΕΠΟ",), "τον", "ΕΠΟ"),  # acronyms do not inflect
        (("ΕΛΑΣ",), "τησ", "ΕΛΑΣ"),  # not ΕΛΑ: its Σ is no genitive ending
        (("Google",), "την", "Google"),
        (("Τσίπρα",), "τον", "Τσίπρας"),
        # an institution noun in the genitive, its adjectives agreeing with it
        (("Ευρωπαϊκού", "Συμβουλίου", "Αρχαιολόγων"), "του", "Ευρωπαϊκό Συμβούλιο Αρχαιολόγων"),
        (("Πανελλήνιου", "Ιατρικού", "Συλλόγου"), "", "Πανελλήνιος Ιατρικός Σύλλογος"),
        (("Εθνικής", "Τράπεζας"), "", "Εθνική Τράπεζα"),
        (("Νοσοκομείου", "Σερρών"), "του", "Νοσοκομείο Σερρών"),
        (("Δήμου", "Βόλου"), "", "Δήμος Βόλου"),
        (("Ελληνικού",), "", "Ελληνικού"),  # no article tells the case: not guessed
        # after 'του', the nominative Greek text uses (wordfreq), -ος before -ο
        (("Δουβλίνου",), "του", "Δουβλίνο"),
        (("Κρυονερίου",), "του", "Κρυονέρι"),
        (("Παύλου", "Πολάκη"), "του", "Παύλος Πολάκης"),
        (("Ρουβίκωνα",), "του", "Ρουβίκωνας"),
        (("Νοτίου", "Αιγαίου"), "του", "Νότιο Αιγαίο"),  # the adjective agrees with the noun
        (("Ομπάμα",), "του", "Ομπάμα"),  # a foreign name: no Ομπάμας in Greek text
    ],
)
def test_labels(words: tuple[str, ...], before: str, label: str) -> None:
    assert nominative(words, before, Lexicon())[1] == label


def test_no_country_is_a_generic_word() -> None:
    """The closed word lists never swallow a country's name (Πολωνία is no Πόλη)."""
    listed = [
        name
        for name in territories().values()
        if " " not in name and any(is_listed(fold(name), words) for words in LISTS)
    ]
    assert listed == []


@pytest.mark.parametrize(
    "name",
    ["Βασίλης", "Δήμος", "Στράτος", "Κυριάκος", "Μαρτίνος", "Πολάκης", "Ανατόλιος", "Νότης"],
)
def test_first_names_and_surnames_are_not_generic_words(name: str) -> None:
    assert not any(is_listed(fold(name), words) for words in (INSTITUTIONS, TITLES, NOT_NAME_STEMS))


@pytest.mark.parametrize(
    ("word", "title", "institution"),
    [
        ("Υπουργός", True, False),
        ("Υπουργείο", False, True),
        ("Βουλευτής", True, False),
        ("Επιτροπής", False, True),
        ("Προέδρου", True, False),
    ],
)
def test_titles_and_institutions(word: str, title: bool, institution: bool) -> None:
    assert is_listed(fold(word), TITLES) is title
    assert is_listed(fold(word), INSTITUTIONS) is institution


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Μίλησε ο Βασ. Παπαδόπουλος.", [("Μίλησε",), ("Παπαδόπουλος",)]),
        ("Έφτασε στην Ίος. Ο δήμαρχος μίλησε.", [("Έφτασε",), ("Ίος",)]),  # a sentence end
        ("Πήγε στο Ιράν. Η Τεχεράνη απάντησε.", [("Πήγε",), ("Ιράν",), ("Τεχεράνη",)]),
    ],
)
def test_abbreviated_first_names(text: str, names: list[tuple[str, ...]]) -> None:
    assert [m.words for m, _ in find_mentions([text])] == names


def test_dotted_acronyms_are_read_as_one() -> None:
    text = "Η ΕΛ.ΑΣ. και η Ε.Ε. συνεργάζονται με την ΕΛ.ΑΣ και τον Γ. Παπαδόπουλο."
    mentions = [m.words for m, _ in find_mentions([text])]
    assert mentions == [("ΕΛΑΣ",), ("ΕΕ",), ("ΕΛΑΣ",), ("Παπαδόπουλο",)]


@pytest.mark.parametrize(
    ("word", "shouted"),
    [
        ("ΕΝΩΣΗ", True),
        ("ΟΧΙ", True),
        ("ΑΚΟΥΣΑΜΕ", True),
        ("ΝΑΤΟ", False),
        ("ΠΑΣΟΚ", False),
        ("ΕΛΑΣ", False),
    ],
)
def test_shouted_words(word: str, shouted: bool) -> None:
    assert Lexicon().is_shouted(word) is shouted


def test_lexicon_keeps_what_it_looked_up() -> None:
    lexicon = Lexicon()
    assert lexicon.frequency("σύμφωνα") > 5.0 > lexicon.frequency("Μοσκοβισί")
    assert set(lexicon.memo) == {"σύμφωνα", "μοσκοβισί"}

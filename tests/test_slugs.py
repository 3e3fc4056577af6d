"""ELOT 743 transliteration and slugs, table-driven."""

import pytest

from sitegen.greek.slugs import slugify, transliterate, unique_slugs


@pytest.mark.parametrize(
    ("greek", "latin"),
    [
        ("αβγδεζηθικλμνξοπρστυφχψω", "avgdezithiklmnxoprstyfchpso"),
        ("Θεσσαλονίκη", "thessaloniki"),
        ("ψυχή", "psychi"),
        ("ου", "ou"),
        ("αυτοκίνητο", "aftokinito"),  # αυ before voiceless -> af
        ("αύριο", "avrio"),  # αυ before voiced -> av
        ("Ευρώπη", "evropi"),
        ("ευχαριστώ", "efcharisto"),
        ("Παύλος", "pavlos"),
        ("Ναύπλιο", "nafplio"),
        ("ηύρα", "ivra"),
        ("ταυ", "taf"),  # αυ at the end of a word -> af
        ("Ζευ", "zef"),  # ευ at the end of a word -> ef
        ("ΤΑΥ", "taf"),
        ("Ζευ!", "zef!"),  # before punctuation, as at the end
        ("το ταυ και το Ζευ", "to taf kai to zef"),  # before a space
        ("άγγελος", "angelos"),  # γγ -> ng
        ("Σι Τζινπίνγκ", "si tzinpingk"),  # γκ -> gk
        ("σφίγξ", "sfinx"),  # γξ -> nx
        ("μελαγχολία", "melancholia"),  # γχ -> nch
        ("μπαμπάς", "bampas"),  # initial μπ -> b, inside -> mp
        ("λαϊκός", "laikos"),  # diaeresis
        ("ταΰγετος", "taygetos"),  # diaeresis breaks αυ
        ("προϋπολογισμός", "proypologismos"),
        ("άυλος", "aylos"),  # accent on the first vowel breaks αυ
        ("Café", "cafe"),
        ("ΑΥΓΟ", "avgo"),
    ],
)
def test_transliterate(greek: str, latin: str) -> None:
    assert transliterate(greek) == latin


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Βόρεια Κορέα", "voreia-korea"),
        ("Ευρωπαϊκή Ένωση", "evropaiki-enosi"),
        ("  «Ό,τι μπορεί»!  ", "o-ti-borei"),
        ("2-1 στο ντέρμπι", "2-1-sto-ntermpi"),
        ("Ο δρόμος προς τη", "o-dromos"),  # never ends on an article or preposition
        ("../../etc/passwd", "etc-passwd"),
        ("", ""),
        ("!!!", ""),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_slug_is_cut_at_a_word_within_80_characters() -> None:
    text = (
        "Ο πρόεδρος της Ρωσίας συναντήθηκε σήμερα με τον Βορειοκορεάτη ηγέτη στο Πεκίνο "
        "για συνομιλίες"
    )
    slug = slugify(text)
    assert slug == "o-proedros-tis-rosias-synantithike-simera-me-ton-voreiokoreati-igeti-sto-pekino"
    assert len(slug) == 79  # with "-gia" it would be 83


def test_a_single_long_word_is_cut_hard() -> None:
    assert slugify("α" * 200) == "a" * 80


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (["a", "b"], ["a", "b"]),
        (["a", "a", "a"], ["a", "a-2", "a-3"]),
        (["a", "a", "a-2"], ["a", "a-3", "a-2"]),  # a real a-2 keeps its name
    ],
)
def test_unique_slugs(given: list[str], expected: list[str]) -> None:
    assert unique_slugs(given) == expected

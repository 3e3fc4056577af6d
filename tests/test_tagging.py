"""Automatic tags: names found, grouped across inflections, labelled in the nominative."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from pathlib import Path

import pytest

from sitegen.collection.tagging import derive_tags
from sitegen.core.errors import Problems
from sitegen.greek.entities import find_mentions
from sitegen.greek.naming import nominative
from sitegen.sources.gazetteer import load_gazetteer
from sitegen.sources.seeds import paragraphs

from .conftest import FIXTURES, REPO, benchmark_module


def tags_of(*texts: str, limit: int = 6, gazetteer=None) -> list[tuple[str, ...]]:
    """Tags of each text, derived together as one collection."""
    bodies = {str(i): paragraphs(re.sub(r"^\s*date \S+ ", "", t)) for i, t in enumerate(texts)}
    found = derive_tags(bodies, gazetteer, limit)
    return [found[str(i)] for i in range(len(texts))]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Ο Πούτιν συνάντησε τον Κιμ.", [("Πούτιν",), ("Κιμ",)]),
        (
            "Είπε η φον ντερ Λάιεν στις Βρυξέλλες.",
            [("Είπε",), ("φον", "ντερ", "Λάιεν"), ("Βρυξέλλες",)],
        ),
        ("Ο λαός της Λαϊκής Δημοκρατίας της Κορέας.", [("Λαϊκής", "Δημοκρατίας", "της", "Κορέας")]),
        ("Η ΕΕ και οι ΗΠΑ συμφώνησαν.", [("ΕΕ",), ("ΗΠΑ",)]),
        ("Τον είδε ο Β. Πούτιν.", [("Πούτιν",)]),
        ("Η Ρωσία απάντησε.", [("Ρωσία",)]),  # the capitalised article is not part of it
        ("Το είπε ο κ. Στουρνάρας.", [("Στουρνάρας",)]),
    ],
)
def test_mentions(text: str, names: list[tuple[str, ...]]) -> None:
    assert [m.words for m, _ in find_mentions([text])] == names


def test_mention_context() -> None:
    [(first, _), (second, _), (third, _)] = find_mentions(["Νωρίτερα μίλησε η Ρωσία. «Αύριο»"])
    assert first.words == ("Νωρίτερα",) and first.initial  # may be capitalised by position
    assert second.words == ("Ρωσία",) and second.before == "η" and not second.initial
    assert third.words == ("Αύριο",) and third.initial  # a quote starts a sentence
    [(honorific, _)] = find_mentions(["Κατά τον κ. Στουρνάρα, όλα καλά."])
    assert honorific.before == "τον" and not honorific.initial


@pytest.mark.parametrize(
    ("words", "before", "label"),
    [
        (("Ρωσία",), "η", "Ρωσία"),
        (("Ρωσία",), "στη", "Ρωσία"),  # feminine accusative = nominative
        (("Ρωσίας",), "τησ", "Ρωσία"),  # feminine genitive -ας -> -α
        (("Ευρωπαϊκής", "Ένωσης"), "τησ", "Ευρωπαϊκή Ένωση"),
        (("Λαϊκής", "Δημοκρατίας", "της", "Κορέας"), "τησ", "Λαϊκή Δημοκρατία της Κορέας"),
        (("Μητσοτάκη",), "τον", "Μητσοτάκης"),  # masculine accusative -> add ς
        (("Μητσοτάκη",), "του", "Μητσοτάκης"),
        (("Ολυμπιακό",), "τον", "Ολυμπιακός"),
        (("Κύπρο",), "την", "Κύπρος"),  # feminine in -ος
        (("Πεκίνο",), "στο", "Πεκίνο"),  # neuter
        (("Κιμ",), "τον", "Κιμ"),  # indeclinable
        (("Ζελένσκι",), "του", "Ζελένσκι"),
        (("Σι", "Τζινπίνγκ"), "τον", "Σι Τζινπίνγκ"),
        (("Ηνωμένες", "Πολιτείες"), "τισ", "Ηνωμένες Πολιτείες"),
    ],
)
def test_nominative_labels(words: tuple[str, ...], before: str, label: str) -> None:
    assert nominative(words, before)[1] == label


def test_unsafe_cases_stay_unknown() -> None:
    assert nominative(("Πεκίνου",), "του")[0] == 2  # Πεκίνο or Πεκίνος? not guessed
    assert nominative(("Ηνωμένων", "Πολιτειών"), "των")[0] == 2


def test_inflections_are_one_tag_in_thenominative() -> None:
    [tags] = tags_of(
        "date 2025-01-01 Ο πρόεδρος της Ρωσίας μίλησε για την Ευρωπαϊκή Ένωση.\n\n"
        "Η Ρωσία, είπε, θα συνεχίσει. Στη Ρωσία όλοι συμφωνούν με την ηγεσία της Ευρωπαϊκής Ένωσης."
    )
    assert tags == ("Ρωσία", "Ευρωπαϊκή Ένωση")


def test_label_comes_from_the_whole_collection() -> None:
    only_genitive = "date 2025-01-01 Η στάση του Μητσοτάκη άλλαξε. Η πρόταση του Μητσοτάκη."
    nominative = "date 2025-01-02 Ο Μητσοτάκης μίλησε στη Βουλή."
    assert tags_of(only_genitive, nominative)[0] == ("Μητσοτάκης",)


def test_what_is_never_a_tag() -> None:
    [tags] = tags_of(
        "date 2025-01-01 Νωρίτερα τη Δευτέρα ο υπουργός Οικονομικών μίλησε σε συνέντευξη Τύπου "
        "για τον Σεπτέμβριο. Σύμφωνα με τον ίδιο, οι Βορειοκορεάτες στρατιώτες έφυγαν.\n\n"
        "Ο Ρώσος πρόεδρος και ο Ρώσος υπουργός συμφώνησαν. Τον Σεπτέμβριο, τη Δευτέρα."
    )
    assert tags == ()


def test_nationality_words_count_for_their_country() -> None:
    [tags] = tags_of(
        "date 2025-01-01 Ο Βορειοκορεάτης ηγέτης μίλησε για τη Βόρεια Κορέα.\n\n"
        "Βορειοκορεάτες στρατιώτες πολέμησαν. Η Κίνα σιώπησε."
    )
    assert tags == ("Βόρεια Κορέα",)


def test_full_name_counts_for_the_usual_surname() -> None:
    [tags] = tags_of(
        "date 2025-01-01 Ο Πούτιν μίλησε. Ο Βλαντίμιρ Πούτιν είπε ότι ο Πούτιν δεν φεύγει."
    )
    assert tags == ("Πούτιν",)


def test_acronyms_are_names() -> None:
    [tags] = tags_of("date 2025-01-01 Οι ΗΠΑ και η ΕΕ συμφώνησαν. Οι ΗΠΑ θα πληρώσουν.")
    assert tags == ("ΗΠΑ", "ΕΕ")


def test_a_lone_mention_outside_the_lead_is_dropped_and_the_limit_holds() -> None:
    text = (
        "date 2025-01-01 Η Αθήνα, η Πάτρα, η Λάρισα, ο Βόλος, τα Χανιά, η Καβάλα και η Σπάρτη.\n\n"
        "Στη Ρόδο πήγε μόνο ένας."
    )
    assert tags_of(text, limit=3)[0] == ("Αθήνα", "Βόλος", "Καβάλα")
    assert tags_of(text, limit=0)[0] == ()
    assert "Ρόδος" not in tags_of(text, limit=20)[0]


def test_gazetteer_aliases_and_stop_list(tmp_path: Path) -> None:
    path = tmp_path / "tags.toml"
    path.write_text(
        'stop = ["Κρεμλίνο"]\n[aliases]\n"Βλαντίμιρ Πούτιν" = ["Πούτιν"]\n'
        '"Βόρεια Κορέα" = ["Βορειοκορεάτ", "ΛΔΚ"]\n',
        "utf-8",
    )
    problems = Problems()
    gazetteer = load_gazetteer(path, "content/tags.toml", problems)
    assert not problems.items
    [tags] = tags_of(
        "date 2025-01-01 Ο Πούτιν μίλησε στο Κρεμλίνο για τη ΛΔΚ. Το Κρεμλίνο και ο Πούτιν.\n\n"
        "Οι Βορειοκορεάτες άκουσαν.",
        gazetteer=gazetteer,
    )
    assert tags == ("Βλαντίμιρ Πούτιν", "Βόρεια Κορέα")


def test_gazetteer_in_another_unicode_form(tmp_path: Path) -> None:
    """A tags.toml typed with decomposed accents and a zero-width space still matches."""
    path = tmp_path / "tags.toml"
    nfd = unicodedata.normalize("NFD", "Βλαντίμιρ Πούτιν")
    path.write_text(f'stop = ["Κρεμ\u200bλίνο"]\n[aliases]\n"{nfd}" = ["Πούτιν"]\n', "utf-8")
    gazetteer = load_gazetteer(path, "content/tags.toml", Problems())
    [tags] = tags_of("Ο Πούτιν μίλησε στο Κρεμλίνο. Το Κρεμλίνο και ο Πούτιν.", gazetteer=gazetteer)
    assert tags == ("Βλαντίμιρ Πούτιν",)


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("stop = [1]\n", "'stop' must be a list of names", None),
        ('[aliases]\n"Χ" = "Ψ"\n', "the aliases of 'Χ' must be a list", None),
        ('stop = [\n"α" "β"]\n', "is not valid TOML", 2),
        ("other = 1\n", "unknown key 'other'", None),
    ],
)
def test_gazetteer_errors(tmp_path: Path, text: str, message: str, line: int | None) -> None:
    path = tmp_path / "tags.toml"
    path.write_text(text, "utf-8")
    problems = Problems()
    load_gazetteer(path, "content/tags.toml", problems)
    [problem] = problems.items
    assert problem.path == "content/tags.toml" and message in problem.message
    if line:
        assert problem.line == line


def test_the_seed_article() -> None:
    text = (REPO / "seeds/000_7ec5fab1d3816db2.txt").read_text("utf-8")
    [tags] = tags_of(text)
    assert tags == ("Ρωσία", "Βόρεια Κορέα", "Πούτιν", "Κιμ", "Ουκρανία", "Κουρσκ")


def test_hand_tagged_articles_precision_and_recall() -> None:
    """The hand-made set in tests/fixtures/tagging (see its README); a regression guard."""
    quality = benchmark_module("tag_quality")
    folder = FIXTURES / "tagging"
    expected = tomllib.loads((folder / "expected.toml").read_text("utf-8"))
    acceptable = expected.pop("acceptable")
    result = quality.score(derive_tags(quality.read_texts(folder)), expected, acceptable)
    assert result["precision"] >= 0.85 and result["recall"] >= 0.8, result


def test_generated_collection_gets_nominative_and_consistent_tags(tmp_path: Path) -> None:
    """On benchmarks/corpus.py's collection every tag is a name it used, in the nominative,
    and each person has one tag everywhere."""
    corpus = benchmark_module("corpus")
    paths = corpus.write_collection(tmp_path, 200)
    found = derive_tags({p.stem: paragraphs(p.read_text("utf-8").strip()[16:]) for p in paths})
    names = {forms[0].split(" ", 1)[1] for forms in corpus.PEOPLE + corpus.PLACES}
    used = {tag for tags in found.values() for tag in tags}
    assert used == names, used ^ names

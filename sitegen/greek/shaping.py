"""Where one name ends and the next begins, in a run of capitalised words: a title and
its portfolio before a name, a genitive that is a name of its own, two names joined by a
hyphen. Used by sitegen.greek.cleaning on each mention."""

from __future__ import annotations

from sitegen.greek.entities import FOLDED_GENITIVES, GENITIVES
from sitegen.greek.lexicon import INSTITUTIONS, PORTFOLIOS, TITLES, Lexicon, is_listed, territories
from sitegen.greek.naming import is_country, is_demonym
from sitegen.greek.text import fold

# A name in apposition to a title takes its case: υπουργός (ο), υπουργού (του), ...
_CASE_OF_TITLE = {"οσ": "ο", "ου": "του", "οι": "οι", "ων": "των", "ουσ": "τουσ"}


def person_after(words: list[str]) -> bool:
    """Does a nominative (-ος) follow the first word of a run that a genitive article opens?
    A genitive chain has none: της Ευρωπαϊκής Κεντρικής Τράπεζας."""
    if len(words) < 3 or fold(words[0]).endswith("οσ"):
        return False
    rest = [fold(w) for w in words[1:]]
    return not any(w in FOLDED_GENITIVES for w in rest) and any(
        w.endswith("οσ") and not w.endswith(("ματοσ", "τητοσ", "εωσ")) for w in rest
    )


def latin_then_greek(words: list[str]) -> int | None:
    """Where a run of Latin-script words gives way to two or more Greek ones (Samsung Λι
    Τζάε-Γιονγκ): a brand and then a person. One Greek word stays with the brand
    (WWF Ελλάς, Vodafone Ελλάδας)."""
    latin = 0
    while latin < len(words) and words[latin].isascii():
        latin += 1
    greek = words[latin:]
    if latin and len(greek) > 1 and not any(w.isascii() or w in GENITIVES for w in greek):
        return latin
    return None


def names_alone(words: list[str], after: list[str], lexicon: Lexicon) -> bool:
    """Does a name stand before this genitive on its own? A country, a people or a rare
    word does, and so does any word before a country or an institution (Λίνδος της
    Ρόδου, Κεμπέκ του Καναδά, Διοίκηση του Νοσοκομείου Συγγρού); other common words and
    institutions head one longer name (Γλυπτά του Παρθενώνα, Τράπεζα της Ελλάδος)."""
    if len(words) != 1:
        return len(words) > 1 and _institution_follows(after)
    folded = fold(words[0])
    if is_listed(folded, INSTITUTIONS):
        return False
    return (
        folded in territories()
        or is_demonym(words[0])
        or lexicon.frequency(words[0]) < 3.0
        or (len(after) == 1 and is_country(after[0]))
        or any(is_listed(fold(word), INSTITUTIONS) for word in after)
    )


def _institution_follows(after: list[str]) -> bool:
    """Is the genitive after a longer name an institution of its own (Διοικητική Επιτροπή
    του Μουσείου Μπενάκη, Τμήμα Δίωξης Ναρκωτικών της Υποδιεύθυνσης Ασφάλειας)?"""
    head = []
    for word in after:
        if word in GENITIVES:
            break
        head.append(word)
    return len(head) > 1 and any(is_listed(fold(word), INSTITUTIONS) for word in head)


def is_pairing(word: str) -> bool:
    """Is a hyphenated word two names side by side: two countries, or a word and an
    acronym (Ελλάδας-Τουρκίας, Ολυμπιακός-ΠΑΟΚ)? Σλέσβιχ-Χόλσταϊν is one name."""
    parts = word.split("-")
    if len(parts) < 2 or any(len(part) < 2 for part in parts):
        return False
    capitals = [part.isupper() for part in parts]
    return all(map(is_country, parts)) or (any(capitals) and not all(capitals))


def is_portfolio(word: str) -> bool:
    """Υγείας, Εξωτερικών, Εθνικής (Άμυνας): what a ministry is of."""
    folded = fold(word)
    return is_listed(folded, PORTFOLIOS) or folded.endswith(("ων", "ησ", "ασ"))


def without_title(words: list[str], before: str) -> tuple[list[str], str]:
    """'Επίτροπος Οικονομικών Υποθέσεων Πιερ Μοσκοβισί' -> 'Πιερ Μοσκοβισί': a leading
    title and its portfolio are not part of the name after them. The name stands in
    apposition to the title, so the article before the title tells its case."""
    article = before
    titled = False
    while len(words) > 1 and is_listed(fold(words[0]), TITLES):
        words.pop(0)
        titled = True
    if not titled:
        return words, before
    return without_portfolio(words), article


def case_of_title(title: str) -> str:
    """The article a folded title's ending stands for: υπουργόσ -> ο, υπουργό -> τον."""
    for ending, article in _CASE_OF_TITLE.items():
        if title.endswith(ending):
            return article
    return "τον" if title.endswith("ο") else ""


def without_portfolio(words: list[str]) -> list[str]:
    """The name after a title's portfolio: 'Οικονομικών Υποθέσεων Πιερ Μοσκοβισί'."""
    while words and (
        words[0] in GENITIVES
        or is_listed(fold(words[0]), PORTFOLIOS)
        or fold(words[0]).endswith("ων")
    ):
        words = words[1:]
    # 'της Δημοκρατίας Προκόπης Παυλόπουλος': the name is the last two words
    if len(words) >= 3 and not any(w in GENITIVES for w in words[-3:]):
        words = words[-2:]
    return words

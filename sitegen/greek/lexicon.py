"""What Greek words usually are, from well-kept sources and a few closed lists.

- ``Lexicon.frequency``: how common a word is in Greek (wordfreq's Zipf scale: 6 is one
  word in a thousand, 3 one in a million), so that a capitalised word at a sentence start
  can be told from a name. wordfreq is loaded on first use only, and every answer is kept,
  so a rebuild that meets no new word never loads it.
- ``territories``: the nominative Greek names of countries and regions (Babel, CLDR).
- Closed lists written by hand: generic institution words and titles that are no name
  alone (Επιτροπή, Υπουργείο, Πρόεδρος), and acronyms of common nouns (ΜΜΕ, ΔΣ).

Everything here is folded (sitegen.greek.text.fold); the word lists hold prefixes that match
with a noun's endings (see is_listed), so that every inflection of a word is covered.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from sitegen.greek.text import fold


@dataclass
class Lexicon:
    """Word frequencies, looked up once per word and kept (the memo travels in the cache)."""

    memo: dict[str, float] = field(default_factory=dict)
    forms: dict[str, str] = field(default_factory=dict)  # nominative_of, kept likewise

    def frequency(self, word: str) -> float:
        """Zipf frequency of a word as written in lower case (0 for an unknown word)."""
        key = word.casefold()  # wordfreq's own form: lower case, final ς as σ
        found = self.memo.get(key)
        if found is None:
            table = _frequencies()
            found = table.get(key) or table.get(unicodedata.normalize("NFD", key), 0.0)
            self.memo[key] = found
        return found

    def nominative_of(self, genitive: str) -> str | None:
        """The nominative that Greek text uses for a masculine or neuter genitive, as
        wordfreq spells it (του Δουβλίνου -> Δουβλίνο), or None when it knows none."""
        key = "\u2192" + genitive
        found = self.forms.get(key)
        if found is None:
            folded, table = fold(genitive), _by_folded()
            found = ""
            for ending, tails in _GENITIVE_ENDINGS:
                if folded.endswith(ending):
                    stem = folded[: -len(ending)]
                    known = [table[stem + t] for t in tails if table.get(stem + t, (0,))[0] >= 2.0]
                    if known:
                        found = known[0][1]
                        found = found[:-1] + "ς" if found.endswith("σ") else found
                    break
            self.forms[key] = found
        return (genitive[0] + found[1:]) if found and found[0] == genitive[0].lower() else None

    def is_shouted(self, word: str) -> bool:
        """Is an ALL-CAPS word a common word written in capitals (ΕΝΩΣΗ, ΟΧΙ), rather than
        an acronym (ΝΑΤΟ, ΠΑΣΟΚ)? Written in lower case, a word has accents; an acronym
        has none, so the unaccented form is the usual one only for an acronym."""
        key = "^" + word
        found = self.memo.get(key)
        if found is None:
            bare = self.frequency(word)
            accented = _by_folded().get(fold(word), (0.0, ""))[0]
            # short acronyms often spell a rare word too (ΕΛΑΣ, έλας): only a common one counts
            least = 4.5 if len(word) <= 4 else 3.0
            found = self.memo[key] = float(accented >= least and accented >= bare + 0.5)
        return found > 0


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    import math

    from wordfreq import get_frequency_dict

    return {w: round(math.log10(f) + 9, 2) for w, f in get_frequency_dict("el").items()}


@lru_cache(maxsize=1)
def _by_folded() -> dict[str, tuple[float, str]]:
    """The commonest way of writing each folded word, with its frequency."""
    best: dict[str, tuple[float, str]] = {}
    for word, frequency in sorted(_frequencies().items()):
        folded = fold(word)
        if frequency > best.get(folded, (0.0, ""))[0]:
            best[folded] = (frequency, word)
    return best


# A masculine or neuter genitive singular and the nominatives it may come from:
# του Δουβλίνου (Δουβλίνο), του Ασπροπύργου (Ασπρόπυργος), του Κρυονερίου (Κρυονέρι),
# του Περικλή (Περικλής), του Ρουβίκωνα (Ρουβίκωνας).
# The masculine -ος comes first: κόσμο is the accusative of κόσμος, not a neuter.
_GENITIVE_ENDINGS = (
    ("ιου", ("ιοσ", "ιο", "ι")),
    ("ου", ("οσ", "ο")),
    ("η", ("ησ",)),
    ("α", ("ασ",)),
)


@lru_cache(maxsize=1)
def territories() -> dict[str, str]:
    """Folded name -> nominative name of every country and region Babel knows in Greek."""
    from babel import Locale

    names = Locale("el").territories
    return {fold(name): name for code, name in names.items() if code not in ("ZZ", "001")}


# The closed word lists below hold folded prefixes; a word is on a list when the rest of
# it is one of the list's endings (Επιτροπ-ής, Νήσ-οι), so every inflection is covered
# and nothing else: Πολωνία is no Πόλη.
_ENDINGS = frozenset(
    "α ασ ε εσ η ησ ο οσ ου ουσ οι ων ι ια ιο ιου ιων ιεσ ιοσ ιοι ιουσ εισ εων εωσ ωσ "
    "ατα ατοσ ατων".split()
) | {""}
# A title names a person, so takes a person's endings: Υπουργ-ός, not Υπουργ-είο.
_PERSON_ENDINGS = frozenset("α ασ ε εσ η ησ ο οσ ου ουσ οι ων σ ι".split()) | {""}


class WordList(NamedTuple):
    """Folded prefixes, and the endings that may follow them."""

    prefixes: tuple[str, ...]
    endings: frozenset[str] = _ENDINGS


def _words(text: str, endings: frozenset[str] = _ENDINGS) -> WordList:
    return WordList(tuple(text.split()), endings)


def is_listed(folded: str, words: WordList) -> bool:
    """Is this folded word on the list: a prefix plus one of the list's endings?"""
    return any(
        folded.startswith(prefix) and folded[len(prefix) :] in words.endings
        for prefix in words.prefixes
    )


# Institution words: alone they name nothing in particular (Επιτροπή, Υπουργείο). Words
# that are also first names or surnames (Δήμος, Βασίλης, Στράτος, Παπάς) are left out.
INSTITUTIONS = _words(
    """
    επιτροπ υπουργει ταμει οργανισμ οργαν κεντρ περιφερει συμβουλι ενωσ ομοσπονδι συλλογ
    νοσοκομει πανεπιστημι μουσει τραπεζ αστυνομ κυβερνησ εταιρει εταιρι ομιλ ιδρυμ
    ινστιτουτ δικαστηρι υπηρεσι διευθυνσ τμημ αρχ σχολ επιμελητηρι κομμ συνοδ συμφωνι
    πολιτει ολομελει γερουσι εισαγγελι εφετει πρωτοδικει σωματει γραφει φορε συνεδρι
    διασκεψ πρεσβει προξενει σταθμ λιμεν λιμαν αεροδρομι νομ επαρχι κοινοτητ μητροπολ
    εκκλησι μον κρατ δημοκρατι πρωτευουσ πολ χωρ νησ βιβλιοθηκ παρατηρητηρι λιμεναρχει
    θεατρ σκην φεστιβαλ βραβει κυπελλ πρωταθλημ
    """
)
# Titles: alone no name, and before a name not part of it (Πρόεδρος, Επίτροπος).
TITLES = _words(
    """
    προεδρ αντιπροεδρ πρωθυπουργ υπουργ αναπληρωτ υφυπουργ επιτροπο επιτροπε επιτροπου
    επιτροπων τομεαρχ αρχηγ βουλευτ ευρωβουλευτ δημαρχ αντιδημαρχ περιφερειαρχ διευθυντ
    εκπροσωπ γραμματε καγκελαρ κυβερνητ πρεσβ προξεν διοικητ υποδιοικητ συμβουλ στρατηγ
    ταξιαρχ αντιστρατηγ υποστρατηγ ναυαρχ πτεραρχ συνταγματαρχ ταγματαρχ λοχαγ υπολοχαγ
    σμηναγ επισμηναγ υποψηφι προπονητ ηγετ ηγουμεν βασιλια βασιλισσ πριγκιπ πατριαρχ
    αρχιεπισκοπ μητροπολιτ επισκοπ καθηγητ
    """,
    _PERSON_ENDINGS,
)
# Ministry portfolios (υπουργός Υγείας, Επίτροπος Ανταγωνισμού): after a title, no name.
PORTFOLIOS = _words(
    """
    υγει παιδει αμυν δικαιοσυν εργασι αναπτυξ πολιτισμ τουρισμ ναυτιλι μεταφορ υποδομ
    περιβαλλοντ ενεργει οικονομ οικονομικ εξωτερικ εσωτερικ θρησκευματ αθλητισμ
    ανταγωνισμ μεταναστευσ ασφαλει ασφαλισ προστασι πολιτ ψηφιακ διακυβερνησ αγροτικ
    επικρατει εμπορι βιομηχανι ερευν καινοτομι αλληλεγγυ
    """
)
# Capitalised words that name no person, place or organisation: feasts and events, units,
# colloquial months, common nouns written with a capital (Διαδίκτυο), and the platforms
# and products people post on or play (Twitter, Android, Pokemon).
NOT_NAME_STEMS = _words(
    """
    χριστουγενν πασχ πρωτοχρονι πρωτομαγι αποκρι θεοφανει δεκαπενταυγουστ ραμαζαν
    μουντιαλ σαββατοκυριακ νομπελ οσκαρ κελσι φαρεναιτ ριχτερ γεναρ φλεβαρ μαρτ απριλ
    μαη ιουν ιουλ αυγουστ διαδικτυ ιντερνετ internet brexit twitter instagram youtube
    tiktok snapchat whatsapp viber android iphone ipad playstation pokemon
    """
)
# A name that ends in one of these is a document, a concept or a day (Κοινή Δήλωση,
# Ευρωπαϊκή Οδηγία, Παγκόσμια Ημέρα), not a person, place or organisation.
DOCUMENTS = _words(
    """
    δηλωσ οδηγι διαταξ κωδικ στρατηγικ ημερ νομοσχεδι αποφασ εγκυκλι τροπολογι εκθεσ
    μελετ εκστρατει νοημοσυν νοσ ρυπ
    """
)
# Abstract nouns and concepts Greek writes with a capital, naming no person, place or
# organisation alone (το Δημόσιο, η Δικαιοσύνη, η Δύση, ο Μεσαίωνας), and diseases.
CONCEPTS = _words(
    """
    δημοσι συνταγμ δικαιοσυν υγει παιδει οικονομι ανατολη ανατολησ δυσ βορρ παραδεισ
    κολασ ιστορι γραμματ τεχν επιστημ μεσαιων αναγεννησ κανονισμ καταστατικ κτηματολογι
    προυπολογισμ μνημονι χριστιανισμ ισλαμ ορθοδοξι αλλαγ ανεξαρτησι κατοχ σφαγ ραδιοφων
    εμπορι σπιτ ατζεντ ηπατιτιδ καρκιν διαβητ απελευθερωσ δεκεμβριαν
    """
)
# Words that make another place of a place: Βόρεια Κορέα is not Κορέα, Μέση Ανατολή not
# Ανατολή, Νέα Υόρκη not Υόρκη (adjectives, so with an ending: Κέντρικ Ναν is a person).
_QUALIFIERS = _words(
    """
    βορει νοτι ανατολικ δυτικ κεντρικ μεσ μεγαλ μικρ νε παλαι νοτιοανατολικ νοτιοδυτικ
    βορειοανατολικ βορειοδυτικ
    """,
    _ENDINGS - {""},
)


def is_qualifier(folded: str) -> bool:
    """Βόρεια, Μέση, Νέα, Άνω: the first word of a place that is another place."""
    return folded in ("ανω", "κατω") or is_listed(folded, _QUALIFIERS)


# Institution nouns whose genitive is unmistakable, with their nominative and gender:
# 'του Ευρωπαϊκού Συμβουλίου' names the Ευρωπαϊκό Συμβούλιο (see naming.institution).
_INSTITUTION_GENITIVES = """
Συμβουλίου Συμβούλιο n|Νοσοκομείου Νοσοκομείο n|Πανεπιστημίου Πανεπιστήμιο n
Επιμελητηρίου Επιμελητήριο n|Κέντρου Κέντρο n|Υπουργείου Υπουργείο n|Ταμείου Ταμείο n
Μουσείου Μουσείο n|Ινστιτούτου Ινστιτούτο n|Ιδρύματος Ίδρυμα n|Σωματείου Σωματείο n
Γηροκομείου Γηροκομείο n|Θεάτρου Θέατρο n|Λυκείου Λύκειο n|Γυμνασίου Γυμνάσιο n
Κοινοβουλίου Κοινοβούλιο n|Δικαστηρίου Δικαστήριο n|Γραφείου Γραφείο n|Τμήματος Τμήμα n
Πρακτορείου Πρακτορείο n|Κόμματος Κόμμα n|Φεστιβάλ Φεστιβάλ n
Συλλόγου Σύλλογος m|Οργανισμού Οργανισμός m|Ομίλου Όμιλος m|Δήμου Δήμος m
Σταθμού Σταθμός m|Μηχανισμού Μηχανισμός m|Συνασπισμού Συνασπισμός m|Φορέα Φορέας m
Επιτροπής Επιτροπή f|Ένωσης Ένωση f|Τράπεζας Τράπεζα f
Περιφέρειας Περιφέρεια f|Αρχής Αρχή f|Υπηρεσίας Υπηρεσία f|Εταιρείας Εταιρεία f
Εταιρίας Εταιρία f|Ομοσπονδίας Ομοσπονδία f|Σχολής Σχολή f|Διεύθυνσης Διεύθυνση f
Αστυνομίας Αστυνομία f|Συνομοσπονδίας Συνομοσπονδία f|Ακαδημίας Ακαδημία f
Βιβλιοθήκης Βιβλιοθήκη f|Πινακοθήκης Πινακοθήκη f|Κοινότητας Κοινότητα f
Δημοκρατίας Δημοκρατία f|Συμμαχίας Συμμαχία f|Κυβέρνησης Κυβέρνηση f
"""
INSTITUTION_GENITIVES = {
    fold(genitive): (nominative, gender)
    for genitive, nominative, gender in (
        entry.split()
        for line in _INSTITUTION_GENITIVES.split("\n")
        for entry in line.split("|")
        if entry.strip()
    )
}

# Acronyms of common nouns, not of anything named (folded).
COMMON_ACRONYMS = frozenset(
    """μμε δσ γσ αε αεπ φπα μκο ττ τμ κκ λπ πχ αμεα υγ χυτα μεθ φεκ εφκα αδτ αφμ ακ
    παε καε επε οε ικε αεβε dna aids hiv ceo cfo pc tv usd eur gdp""".split()
)  # company forms (ΠΑΕ, ΚΑΕ, ΕΠΕ), documents (ΦΕΚ), places (ΜΕΘ, ΧΥΤΑ), units, terms

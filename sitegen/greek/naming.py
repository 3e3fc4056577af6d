"""Naming a tag: the nominative label of a name, and the country of a nationality word.

Greek names inflect (Ρωσία, της Ρωσίας; ο Μητσοτάκης, τον Μητσοτάκη). A tag is named in
the nominative: the form seen after a nominative article, or one derived by a rule that
is safe for the article before it; never a guess.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from sitegen.greek.entities import FOLDED_GENITIVES, Mention, raw_stem
from sitegen.greek.lexicon import INSTITUTION_GENITIVES, Lexicon, territories
from sitegen.greek.text import FUNCTION_WORDS, fold, without_vowels

# Articles after which a form is the nominative (feminine and neuter accusatives are alike).
_NOMINATIVE_AFTER = frozenset("ο η οι το τα στο στα τισ στισ".split())
_FEMININE_ACCUSATIVE = frozenset("την τη στην στη".split())
_MASCULINE_ACCUSATIVE = frozenset("τον στον".split())
_GENITIVE_SINGULAR = frozenset("του στου".split())
_FEMININE_GENITIVE = frozenset(["τησ"])
_ADJECTIVE = re.compile("ικ(?:οσ|η|ο|ου|ησ|οι|εσ|α|ων|ουσ)$")  # Ελληνική, Ρωσικό: not people
# Endings a nationality adjective shares with its noun (ο Ρώσος πρόεδρος, των Ρώσων
# στρατιωτών), folded; verbs end otherwise (-αν, -ει, -ουν).
_AGREEING = frozenset("οσ ου οι ων ουσ ησ εσ ασ".split())
_DEMONYM_SUFFIXES = ("ατ", "ιατ", "ιτ", "εζ", "αν", "ιν", "ιδ")


def nominative(
    words: tuple[str, ...], before: str, lexicon: Lexicon | None = None
) -> tuple[int, str]:
    """(confidence class, label) for a name as written after the word `before`.

    Class 0: the form is the nominative; 1: derived by a safe rule, or (after του) the
    nominative Greek text uses for the genitive, as the lexicon knows it; 2: unknown case.
    An acronym keeps its class but never changes form (της ΕΛΑΣ is not ΕΛΑ).
    """
    if len(words) == 1 and words[0].isupper():
        return _nominative(words, before, lexicon)[0], words[0]
    return _nominative(words, before, lexicon)


def _nominative(words: tuple[str, ...], before: str, lexicon: Lexicon | None) -> tuple[int, str]:
    if before in _NOMINATIVE_AFTER:
        return 0, " ".join(words)
    if before in _FEMININE_ACCUSATIVE:
        if fold(words[-1]).endswith("ο") and _inflects(words[-1]):  # την Κύπρο -> η Κύπρος
            return 1, " ".join(words) + "ς"
        return 0, " ".join(words)
    head: list[str] = []
    rest = list(words)
    while rest and fold(rest[0]) not in FOLDED_GENITIVES:
        head.append(rest.pop(0))  # only the words before an inner genitive change case
    if before in _MASCULINE_ACCUSATIVE:
        changed = [w + "ς" if fold(w)[-1:] in ("α", "η", "ο") and _inflects(w) else w for w in head]
        return 1, " ".join(changed + rest)
    if before in _GENITIVE_SINGULAR and all(fold(w)[-1:] not in ("υ", "ο", "α") for w in head):
        changed = [w + "ς" if fold(w).endswith("η") else w for w in head]
        return 1, " ".join(changed + rest)
    found = institution(words)
    if found:
        return found
    if before in _GENITIVE_SINGULAR and lexicon is not None and all(map(_inflects, head)):
        # του Δουβλίνου -> Δουβλίνο, του Παύλου Πολάκη -> Παύλος Πολάκης
        known = _agreeing([lexicon.nominative_of(w) for w in head])
        if known:
            return 1, " ".join(known + rest)
    if before in _FEMININE_GENITIVE and all(
        fold(w)[-2:] in ("ασ", "ησ") or fold(w)[-1] not in "συ" for w in head
    ):  # της Ρωσίας -> Ρωσία, της Λάιεν -> Λάιεν; της Αιγύπτου is not guessed
        changed = ["-".join(_genitive_stripped(p) for p in w.split("-")) for w in head]
        return 1, " ".join(changed + rest)
    return 2, " ".join(words)


# Endings of adjectives in the genitive and in the nominative, by the noun's gender.
_ADJECTIVE_ENDINGS = {
    "m": (("ού", "ός"), ("ου", "ος")),
    "n": (("ού", "ό"), ("ου", "ο")),
    "f": (("ής", "ή"), ("ης", "η"), ("ας", "α")),
}


def institution(words: tuple[str, ...]) -> tuple[int, str] | None:
    """'Ευρωπαϊκού Συμβουλίου Αρχαιολόγων' -> 'Ευρωπαϊκό Συμβούλιο Αρχαιολόγων': an
    institution noun in the genitive, the adjectives before it agreeing with it (the
    words after it are genitives in the nominative too)."""
    for index, word in enumerate(words):
        if fold(word) in FOLDED_GENITIVES:
            return None  # only the first noun phrase: 'Αλληλεγγύης της Νέας Δημοκρατίας'
        found = INSTITUTION_GENITIVES.get(fold(word))
        if found is None:
            continue
        head, gender = found
        adjectives = []
        for adjective in words[:index]:
            if adjective == "και":  # 'Ελληνικής Γεροντολογικής και Γηριατρικής Εταιρείας'
                adjectives.append(adjective)
                continue
            ending = next((e for e in _ADJECTIVE_ENDINGS[gender] if adjective.endswith(e[0])), None)
            if ending is None:
                return None
            adjectives.append(adjective[: -len(ending[0])] + ending[1])
        return 1, " ".join([*adjectives, head, *words[index + 1 :]])
    return None


def _agreeing(words: list[str | None]) -> list[str] | None:
    """Nominatives of one gender, that of the last word (the noun): 'Νοτίου Αιγαίου' gives
    Νότιος and Αιγαίο, and the adjective follows the neuter noun: Νότιο Αιγαίο. None if
    a word is unknown or cannot agree (a man's name of -ος and -ης agrees: Νίκος Τόσκας)."""
    if not words or not all(words):
        return None
    known = [w for w in words if w]
    noun = fold(known[-1])
    if noun.endswith(("οσ", "ησ", "ασ")):
        return known if all(fold(w).endswith(("οσ", "ησ", "ασ")) for w in known) else None
    if noun.endswith(("ο", "ι")):
        out = [w[:-1] if fold(w).endswith("οσ") else w for w in known[:-1]]
        return [*out, known[-1]] if all(fold(w).endswith(("ο", "ι")) for w in out) else None
    return None


def _genitive_stripped(word: str) -> str:
    """Ρωσίας -> Ρωσία (a feminine genitive in -ας, -ης); other words as they are."""
    return word[:-1] if fold(word)[-2:] in ("ασ", "ησ") else word


def _inflects(word: str) -> bool:
    """Greek words inflect; acronyms (ΕΠΟ) and words in Latin script do not."""
    return not word.isupper() and any("α" <= c <= "ω" for c in fold(word))


def is_adjectival(mention: Mention) -> bool:
    """'ο Ρώσος πρόεδρος', 'Βορειοκορεάτες στρατιώτες': a nationality used as an adjective."""
    if len(mention.words) != 1 or not mention.after or mention.acronym:
        return False
    after = fold(mention.after)
    word = fold(mention.words[0])
    return (
        len(after) >= 4
        and not mention.after[0].isupper()
        and after not in FUNCTION_WORDS
        and word[-2:] == after[-2:]
        and word[-2:] in _AGREEING  # 'ο Ορμπάν δήλωσαν': a verb, no noun
        and not after.endswith("ντασ")  # 'ο Τσίπρας συναντώντας': a participle, no noun
    )


@lru_cache(maxsize=1 << 16)
def is_demonym(word: str) -> bool:
    """Σέρβος, Ρουμάνους, Γεωργιανού, Έλληνας: a nationality word (its stem starts the name
    of a country Babel knows in Greek, and it is not an inflection of that name)."""
    folded = fold(word)
    if len(folded) < 5 or not word[0].isupper() or word.isupper() or _ADJECTIVE.search(folded):
        return False
    if is_country(word):
        return False  # the country itself: Ρωσίας, Κύπρου
    names = _country_words()
    if folded.startswith("ελλην"):
        return True  # Έλληνας, Ελληνίδα: the one irregular pair (Ελλάδα)
    whole = without_vowels(raw_stem(folded))
    if folded.endswith(("ιου", "ιοσ", "ιο")) and (whole + "α" in names or whole + "ια" in names):
        return False  # Γεωργίου is a name's genitive, not a Georgian
    # the country's name is the stem and an ending: Σερβ-ία, Κύπρ-ος (not Βουλ-γαρία)
    return any(
        len(base) >= 4 and name.startswith(base) and len(name) - len(base) <= 3
        for base in {whole, demonym_base(word)}
        for name in names
    )


def is_country(word: str) -> bool:
    """Is this word, in any case, the name of a country Babel knows (της Συρίας)?"""
    names = _country_words()
    return any(form in names for form in _nominatives(fold(word)))


def _nominatives(folded: str) -> tuple[str, ...]:
    """The nominatives a folded country name in any case may come from."""
    forms = [folded]
    if folded.endswith("σ"):
        forms.append(folded[:-1])  # Ρωσίας
    if folded.endswith("ου"):
        forms += [folded[:-2] + "οσ", folded[:-2] + "ο"]  # Κύπρου, Μεξικού
    if folded.endswith(("ο", "α", "η")):
        forms.append(folded + "σ")  # την Κύπρο, του Καναδά
    return tuple(forms)


@lru_cache(maxsize=1)
def _country_words() -> frozenset[str]:
    return frozenset(name for name in territories() if " " not in name)


def demonym_base(word: str) -> str:
    base = raw_stem(fold(word))
    for suffix in _DEMONYM_SUFFIXES:
        if base.endswith(suffix) and len(base) - len(suffix) >= 3:
            return without_vowels(base[: -len(suffix)])
    return without_vowels(base)


def country_base(words: tuple[str, ...]) -> str:
    return without_vowels("ο".join(raw_stem(fold(w)) for w in words))


def best_label(forms: Counter) -> tuple[int, str]:
    """The surest label of a name, (class, label): the most frequent of the best class."""
    best_class = min(cls for cls, _ in forms)
    candidates = [(count, label) for (cls, label), count in forms.items() if cls == best_class]
    return best_class, min(candidates, key=lambda c: (-c[0], fold(c[1]), c[1]))[1]

"""Naming a tag: the nominative label of a name, and the country of a nationality word.

Greek names inflect (Ρωσία, της Ρωσίας; ο Μητσοτάκης, τον Μητσοτάκη). A tag is named in
the nominative: the form seen after a nominative article, or one derived by a rule that
is safe for the article before it; never a guess.
"""

from __future__ import annotations

from collections import Counter

from sitegen.entities import FOLDED_GENITIVES, Mention, raw_stem
from sitegen.greek import FUNCTION_WORDS, fold

# Articles after which a form is the nominative (feminine and neuter accusatives are alike).
_NOMINATIVE_AFTER = frozenset("ο η οι το τα στο στα τισ στισ".split())
_FEMININE_ACCUSATIVE = frozenset("την τη στην στη".split())
_MASCULINE_ACCUSATIVE = frozenset("τον στον".split())
_GENITIVE_SINGULAR = frozenset("του στου".split())
_FEMININE_GENITIVE = frozenset(["τησ"])
_DEMONYM_SUFFIXES = ("ατ", "ιατ", "ιτ", "εζ", "αν", "ιν")


def nominative(words: tuple[str, ...], before: str) -> tuple[int, str]:
    """(confidence class, label) for a name as written after the word `before`.

    Class 0: the form is the nominative; 1: derived by a safe rule; 2: unknown case.
    """
    if before in _NOMINATIVE_AFTER:
        return 0, " ".join(words)
    if before in _FEMININE_ACCUSATIVE:
        if fold(words[-1]).endswith("ο"):  # την Κύπρο -> η Κύπρος
            return 1, " ".join(words) + "ς"
        return 0, " ".join(words)
    head: list[str] = []
    rest = list(words)
    while rest and fold(rest[0]) not in FOLDED_GENITIVES:
        head.append(rest.pop(0))  # only the words before an inner genitive change case
    if before in _MASCULINE_ACCUSATIVE:
        changed = [w + "ς" if fold(w)[-1:] in ("α", "η", "ο") else w for w in head]
        return 1, " ".join(changed + rest)
    if before in _GENITIVE_SINGULAR and all(fold(w)[-1:] not in ("υ", "ο", "α") for w in head):
        changed = [w + "ς" if fold(w).endswith("η") else w for w in head]
        return 1, " ".join(changed + rest)
    if before in _FEMININE_GENITIVE and all(
        fold(w)[-2:] in ("ασ", "ησ") or fold(w)[-1] not in "συ" for w in head
    ):  # της Ρωσίας -> Ρωσία, της Λάιεν -> Λάιεν; της Αιγύπτου is not guessed
        changed = [w[:-1] if fold(w)[-2:] in ("ασ", "ησ") else w for w in head]
        return 1, " ".join(changed + rest)
    return 2, " ".join(words)


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
    )


def demonym_base(word: str) -> str:
    base = raw_stem(fold(word))
    for suffix in _DEMONYM_SUFFIXES:
        if base.endswith(suffix) and len(base) - len(suffix) >= 3:
            return base[: -len(suffix)].rstrip("αεηιουω")
    return base.rstrip("αεηιουω")


def country_base(words: tuple[str, ...]) -> str:
    return "ο".join(raw_stem(fold(w)) for w in words).rstrip("αεηιουω")


def best_label(forms: Counter) -> tuple[int, str]:
    """The surest label of a name, (class, label): the most frequent of the best class."""
    best_class = min(cls for cls, _ in forms)
    candidates = [(count, label) for (cls, label), count in forms.items() if cls == best_class]
    return best_class, min(candidates, key=lambda c: (-c[0], fold(c[1]), c[1]))[1]

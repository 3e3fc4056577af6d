"""Finding candidate names in Greek news text: runs of capitalised words and acronyms.

This module only reads text; deciding which candidates become tags, and under which
label, is the job of ``sitegen.collection.tagging``, which sees the whole collection.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

import Stemmer

from sitegen.greek.lexicon import COMMON_ACRONYMS, INSTITUTIONS, is_listed
from sitegen.greek.text import FUNCTION_WORDS, LETTER, fold, without_vowels

_OPENERS = frozenset('«"“(:[')
# Lower-case words allowed inside a name: particles (η φον ντερ Λάιεν) ...
PARTICLES = frozenset("φον ντερ ντε βαν λα ντι ντα ελ αλ μπιν ντου ντος".split())
# ... and the genitive article between capitalised words (Τράπεζα της Ελλάδος).
GENITIVES = frozenset("της του των".split())
FOLDED_GENITIVES = frozenset("τησ του των".split())  # the same, as fold() writes them

_stemmer = Stemmer.Stemmer("greek")

Key = tuple[str, ...]


class Mention(NamedTuple):
    """One candidate name as it stands in the text."""

    words: tuple[str, ...]
    initial: bool  # its first word starts a sentence (or a quote), so may just be capitalised
    before: str  # the folded word before it, e.g. an article: "της"
    after: str  # the word after it, as written
    acronym: bool = False


class Name(NamedTuple):
    """A cleaned mention: a name, or a nationality word that may point to a country."""

    key: Key
    words: tuple[str, ...]
    before: str
    demonym: bool = False
    canonical: str | None = None


def is_acronym(word: str) -> bool:
    """ΝΑΤΟ, ΑΠΕ-ΜΠΕ: capitals only."""
    return len(word) >= 2 and word.isupper() and word.replace("-", "").isalpha()


def is_roman_numeral(word: str) -> bool:
    """ΙΙ, ΙΙΙ, IV, XIV (Latin or Greek letters): a number after a name, not an acronym."""
    return all(c in "IVXΙΧ" for c in word)


_ENDINGS = ("ων", "ου", "οι", "ισ", "σ", "α", "η", "ο", "ε", "ι")  # folded: σ, never ς


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The stem of a folded word, without trailing vowels (Ρωσία and Ρωσίας -> ρωσ)."""
    base = _stemmer.stemWord(word)
    trimmed = without_vowels(base)
    if len(trimmed) >= 3 or len(word) <= 3:
        return trimmed if len(trimmed) >= 2 else base
    # Snowball over-strips some short names (Νίκου -> ν, Νίκος -> νικ): cut the ending only
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return without_vowels(word[: -len(ending)]) or word
    return word


@lru_cache(maxsize=200_000)
def raw_stem(word: str) -> str:
    """The stemmer's own stem of a folded word."""
    return _stemmer.stemWord(word)


def word_key(word: str) -> str:
    folded = fold(word)
    if is_acronym(word):
        return "#" + folded
    if folded in FUNCTION_WORDS:
        return folded
    return stem(folded)


def name_key(words: Iterable[str]) -> Key:
    return tuple(word_key(w) for w in words)


_CAPITAL = "[A-ZÀ-ÖØ-ÞΆΈ-ΏΑ-Ϋ]"
# a capitalised word, hyphenated names whole (Σλέσβιχ-Χόλσταϊν, ΑΠΕ-ΜΠΕ)
_NAME_WORD = rf"{_CAPITAL}{LETTER}+(?:['’]{LETTER}+)?(?:-{_CAPITAL}{LETTER}+)*"
_LINKS = "|".join(sorted(PARTICLES | GENITIVES | {"και"}))
# A run of names, and the word right after it (for 'Ρώσος πρόεδρος', an adjective use).
_RUN = re.compile(rf"\b({_NAME_WORD}(?:\s+(?:(?:{_LINKS})\s+)*{_NAME_WORD})*)(?:\s+({LETTER}+))?")
_ENDS = frozenset(".!;…?")
_HONORIFICS = frozenset("κ. κκ. Κ. δρ. Δρ. καθ. στρ.".split())
_CLOSERS = '»"”’)'


def _starts_sentence(head: str) -> bool:
    """Does a word after this text (right-stripped) start a sentence or a quote?"""
    if not head:
        return True
    if head[-1] in _OPENERS:
        return True
    stripped = head.rstrip(_CLOSERS)
    if not stripped or stripped[-1] not in _ENDS:
        return False
    # 'ο Β. Πούτιν': a single capital before the full stop is an initial, not a sentence end
    return not (
        stripped[-1] == "."
        and len(stripped) >= 2
        and stripped[-2].isupper()
        and (len(stripped) == 2 or not stripped[-3].isalpha())
    )


# An acronym written with full stops: ΕΛ.ΑΣ., Ε.Ε., Α.Π.Θ. (read as ΕΛΑΣ, ΕΕ, ΑΠΘ)
_DOTTED = re.compile(rf"(?<!{LETTER})[A-ZΑ-Ω]{{1,3}}(?:\.[A-ZΑ-Ω]{{1,3}})+\.?(?!{LETTER})")
_DOTTED_HINT = re.compile(r"\.[A-ZΑ-Ω]")  # a quick test first: the full pattern is slow


# An abbreviated first name before a surname: Βασ. Παπαδόπουλος, Σπ. Λημνιός. It ends in
# a consonant and keeps a medial σ, while a word that ends a sentence ends in ς or a vowel
# ('στην Ίος. Ο'); ν is left out for Ιράν, Ομάν.
_ABBREVIATION_END = frozenset("βγδζθκλμξπρστφχψ")


def _is_abbreviation(word: str) -> bool:
    """'Βασ.', 'Σπ.': an abbreviated first name (with its full stop)."""
    return (
        3 <= len(word) <= 6
        and word[-1] == "."
        and word[0].isupper()
        and word[-2] in _ABBREVIATION_END
        and word[:-1].isalpha()
    )


def _abbreviates(paragraph: str, start: int, text: str) -> bool:
    """Is this run ('Βασ') an abbreviated first name, before a surname ('Βασ. Ρήγας')?"""
    end = start + len(text)
    return (
        paragraph.startswith(". ", end)
        and _is_abbreviation(paragraph[start : end + 1])
        and paragraph[end + 2 : end + 3].isupper()
    )


def _undotted(match: re.Match) -> str:
    return match.group().replace(".", "") + ("." if match.group().endswith(".") else "")


def find_mentions(paragraphs: list[str]) -> list[tuple[Mention, int]]:
    """Every run of capitalised words (with particles) and every acronym, with its paragraph."""
    found: list[tuple[Mention, int]] = []
    for number, paragraph in enumerate(paragraphs):
        if _DOTTED_HINT.search(paragraph):
            paragraph = _DOTTED.sub(_undotted, paragraph)
        for match in _RUN.finditer(paragraph):
            start = match.start()
            text, after = match.groups("")
            if text[-1] in _ABBREVIATION_END and _abbreviates(paragraph, start, text):
                continue  # 'Βασ. Παπαδόπουλος': the surname's run reads past it
            i = start - 1
            while i >= 0 and paragraph[i] == " ":
                i -= 1
            if i >= 0 and paragraph[i].isalpha():  # the usual case: a word before the name
                last = paragraph[paragraph.rfind(" ", 0, i) + 1 : i + 1]
                if last not in PARTICLES:
                    mentions = _after_word(text, last, after)
                    if len(mentions) == 1:
                        found.append((mentions[0], number))
                    else:
                        found.extend((mention, number) for mention in mentions)
                    continue
            head = paragraph[max(0, start - 24) : start].rstrip()
            last = head[head.rfind(" ") + 1 :]
            while last in PARTICLES and last:  # η φον ντερ Λάιεν
                text = last + " " + text
                head = head[: -len(last)].rstrip()
                last = head[head.rfind(" ") + 1 :]
            initial = _starts_sentence(head)
            if last in _HONORIFICS or (last[-1:] == "." and _is_abbreviation(last)):
                head = head[: -len(last)].rstrip()
                last = head[head.rfind(" ") + 1 :]
                initial = False
            mentions = split_run(text, initial, fold(last) if last.isalpha() else "", after)
            if len(mentions) == 1:
                found.append((mentions[0], number))
            else:
                found.extend((mention, number) for mention in mentions)
    return found


@lru_cache(maxsize=1 << 16)
def _after_word(text: str, word: str, after: str) -> tuple[Mention, ...]:
    """split_run for the usual case, a name right after a word (one cache look-up)."""
    return split_run(text, False, fold(word), after)


@lru_cache(maxsize=1 << 16)
def split_run(text: str, initial: bool, before: str, after: str) -> tuple[Mention, ...]:
    """Turn one run into mentions: acronyms alone, no leading function word (cached: names
    recur, so most runs have been seen before)."""
    found: list[Mention] = []
    words = text.split()
    run: list[str] = []
    for i, word in enumerate(words):
        if word == "και" and not _one_name(run, words[i + 1 :]):
            _close(found, run, initial, before, word)  # 'Ρωσία και Ουκρανία': two names
            run, initial, before = [], False, "και"
        elif is_acronym(word):
            _close(found, run, initial, before, word)
            following = words[i + 1] if i + 1 < len(words) else after
            previous = fold(run[-1]) if run else before
            found.append(Mention((word,), initial and not run, previous, following, True))
            if fold(word) not in COMMON_ACRONYMS:  # 'η ΠΑΕ Ολυμπιακός': the article tells
                before = fold(word)
            run, initial = [], False
        elif not run and (fold(word) in FUNCTION_WORDS or len(word) == 1):
            initial, before = False, fold(word)  # 'Η Ρωσία': the article is not the name
        elif word in GENITIVES and (not run or run[-1] in GENITIVES):
            _close(found, run, initial, before, word)
            run, initial, before = [], False, fold(word)
        else:
            run.append(word)
    _close(found, run, initial, before, after)
    return tuple(found)


def _one_name(run: list[str], rest: list[str]) -> bool:
    """Is 'και' inside one institution's name? 'Φεστιβάλ Αθηνών και Επιδαύρου', 'Ελληνική
    Γεροντολογική και Γηριατρική Εταιρεία' (an institution word at either end)."""
    return (
        bool(run)
        and rest[0] not in GENITIVES  # 'Βόρεια Κορέα και της Ευρωπαϊκής Ένωσης': two
        and (is_listed(fold(run[0]), INSTITUTIONS) or is_listed(fold(rest[-1]), INSTITUTIONS))
    )


def _close(found: list[Mention], run: list[str], initial: bool, before: str, after: str) -> None:
    while run and (run[-1] in PARTICLES or run[-1] in GENITIVES):
        after = run.pop()
    if run:
        found.append(Mention(tuple(run), initial, before, after))

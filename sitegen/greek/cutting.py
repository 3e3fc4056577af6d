"""Where a headline may be cut and how it ends: the clause and phrase ends of a sentence,
the best cut that fits, and a clean end (no article, preposition or comma last, quotes
and brackets balanced). Used by sitegen.greek.headlines.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import NamedTuple

from sitegen.greek.clauses import (
    PREPOSITION_HEADS,
    PREPOSITIONS,
    RELATIVE,
    Word,
    is_finite_verb,
    opens_clause,
)
from sitegen.greek.pruning import MIN_CLAUSE, top_level_commas
from sitegen.greek.text import FUNCTION_WORDS, fold, upper_first

_WORD = re.compile(r"\S+")

# Prepositions without an article, which begin compound ones: σε σχέση με, σε αντίθεση με.
_BARE_PREPOSITIONS = frozenset("σε με για απο κατα ωσ προσ μετα".split())
# Linking words that open a new clause: the best places to cut.
LINKING_WORDS = frozenset(
    "οπου ενω μετα καθωσ αφου οταν ωστε προκειμενου επειδη διοτι γιατι ομωσ αλλα "
    "ωστοσο ενωπιον παρα που".split()
)
_NO_END = FUNCTION_WORDS | PREPOSITIONS
_PAIRS = {"«": "»", "(": ")", "“": "”"}
_CLOSERS = frozenset(_PAIRS.values())
_ANY_MARK = re.compile('[«»()“”"]')
_PAIR_MARK = re.compile("[«»()“”]")


class Cuts(NamedTuple):
    """Where a sentence may be cut, best first: after a clause, after a phrase, and as a
    last resort before a genitive (ανατίμηση | της συναλλαγματικής ισοτιμίας)."""

    clauses: list[int]
    phrases: list[int]
    genitives: list[int]


def cut_points(text: str, words: Sequence[Word], after: int, until: int) -> Cuts:
    """Where text may be cut after word `after`, up to position `until`. A clause ends
    at a comma, a dash or before a linking word; a phrase before a preposition, before
    ότι/πως or before 'και' between lower-case words. Inside «» every end is only a
    phrase end (the quote is closed); inside () there is none; none splits a name or a
    subordinate clause before its verb."""
    cuts = Cuts([], [], [])
    brackets = "(" in text
    waiting = False  # a subordinate clause has opened and its verb has not come yet
    for i in range(after + 1, len(words)):
        word, previous = words[i], words[i - 1]
        if previous.end > until + 1:  # (a comma cut is one before the end)
            break
        if i - 1 > after and not previous.depth:
            if opens_clause(previous.bare):
                waiting = True
            elif is_finite_verb(previous.bare):
                waiting = False
        if waiting:
            continue  # not 'ανέφερε ότι ο εισαγγελέας | στο facebook': its verb is missing
        if brackets and (_in_brackets(text, previous) or _in_brackets(text, word)):
            continue
        quoted = word.depth or previous.depth
        gap = text[previous.end : word.start]
        raw_end = text[previous.start : previous.end]
        following = words[i + 1] if i + 1 < len(words) else None
        if raw_end.endswith(",") or gap.strip() in ("-", "–"):
            end = previous.end - (1 if raw_end.endswith(",") else 0)
            (cuts.phrases if quoted else cuts.clauses).append(end)
        elif (
            word.bare in LINKING_WORDS
            or RELATIVE.match(word.bare)
            or word.bare.endswith(("οντασ", "ωντασ"))  # 'διαδήλωσαν, ζητώντας ...'
        ):
            (cuts.phrases if quoted else cuts.clauses).append(previous.end)
        elif word.bare in PREPOSITIONS:
            if previous.bare in PREPOSITION_HEADS and i >= 2:
                cuts.phrases.append(words[i - 2].end)  # '| μέσα στον Ιούνιο', 'κάτω από'
            elif (
                i < 2 or words[i - 2].bare not in _BARE_PREPOSITIONS or not previous.bare.isalpha()
            ):
                cuts.phrases.append(previous.end)  # not 'σε σχέση | με': one preposition
        elif word.bare in ("οτι", "πωσ", "να") and not is_finite_verb(previous.bare):
            cuts.phrases.append(previous.end)  # not 'και δήλωσε | ότι': a verb needs it
        elif following is None:
            continue
        elif word.bare in ("και", "κι", "&"):
            if not (previous.capital and following.capital):  # not 'ΥΓΕΙΑ και ΜΗΤΕΡΑ'
                cuts.phrases.append(previous.end)
        elif (
            word.bare in ("του", "τησ", "των")
            and not quoted
            and not (previous.capital or following.capital)  # not 'Τράπεζα της Ελλάδος'
        ):
            cuts.genitives.append(previous.end)
    return cuts


def _in_brackets(text: str, word: Word) -> bool:
    """Is the word inside round brackets (an aside that a cut must not open)?"""
    return text.count("(", 0, word.start) > text.count(")", 0, word.start)


def _clause_cuts(text: str) -> list[int]:
    """Positions where a clause ends: top-level commas, and before linking words."""
    cuts = set(top_level_commas(text))
    depth = 0
    for match in _WORD.finditer(text):
        word = match.group()
        if depth == 0 and fold(word.strip("«»,.")) in LINKING_WORDS and match.start() > 0:
            cuts.add(match.start() - 1)
        depth += word.count("«") - word.count("»")
    return sorted(cuts)


def strip_end(text: str) -> str:
    """Drop trailing function words and punctuation: never end on 'της' or a comma (and
    'στο γήπεδό της' becomes 'στο γήπεδο')."""
    words = text.rstrip(" ,:·-–").split(" ")
    while len(words) > 1 and fold(words[-1].strip("«»,")) in _NO_END:
        words.pop()
        words[-1] = _without_enclitic_accent(words[-1])
    return " ".join(words).rstrip(" ,:·-–")


def _without_enclitic_accent(word: str) -> str:
    """'απελευθέρωσή' -> 'απελευθέρωση': the second accent stood only before a pronoun
    (απελευθέρωσή του) that the headline has dropped."""
    decomposed = unicodedata.normalize("NFD", word)
    if decomposed.count("\u0301") != 2:
        return word
    last = decomposed.rfind("\u0301")
    return unicodedata.normalize("NFC", decomposed[:last] + decomposed[last + 1 :])


def trim_end(text: str) -> str:
    """Strip the end and close an open «."""
    text = strip_end(text)
    return text + "»" if text.count("«") > text.count("»") else text


def shorten(text: str, limit: int) -> str:
    """Fit text in limit: at the last clause boundary that fits, else at a word with '…'."""
    if len(text) <= limit:
        return trim_end(text)
    cuts = [c for c in _clause_cuts(text) if MIN_CLAUSE <= c <= limit - 1]
    if cuts:
        return trim_end(text[: cuts[-1]])
    return cut_at_word(text, limit)


def balanced(text: str) -> str:
    """Every «, ( and “ closed and no closing mark without its opening one (a lead that
    starts inside a quote: 'Never Ending Stories» αναδεικνύει ...')."""
    if not _ANY_MARK.search(text):
        return upper_first(" ".join(text.split()))
    stray: set[int] = set()
    open_marks: list[tuple[str, int]] = []
    for match in _PAIR_MARK.finditer(text):
        mark, at = match.group(), match.start()
        if mark in _PAIRS:
            open_marks.append((mark, at))
        elif open_marks and _PAIRS[open_marks[-1][0]] == mark:
            open_marks.pop()
        else:
            stray.add(at)  # a closing mark with no opening one
    made = text
    brackets = [at for mark, at in open_marks if mark == "("]
    if brackets:  # an aside cut short: the headline ends before it
        made = strip_end(text[: brackets[0]]) + ("…" if text.endswith("…") else "")
        open_marks = [(mark, at) for mark, at in open_marks if at < brackets[0]]
    if stray:
        made = "".join(ch for i, ch in enumerate(made) if i not in stray)
    if made.count('"') % 2:
        made = made.replace('"', "", 1) if made.startswith('"') else made + '"'
    made += "".join(_PAIRS[mark] for mark, _ in reversed(open_marks))
    return upper_first(" ".join(made.split()))


def best_cut(text: str, words: Sequence[Word], verb: int, limit: int) -> int:
    """The longest cut that fits, at a clause end unless that loses much more than a
    phrase end would; never one that leaves the verb alone after a one-word subject, nor a
    dangling phrase after a comma (', με συναντήσεις') or a second verb ('και
    αρθρώνονται')."""
    room = limit - 1  # a cut inside «» closes it
    cuts = cut_points(text, words, verb, room)
    best_clause = max((c for c in cuts.clauses if c <= room), default=0)
    best_phrase = max((c for c in cuts.phrases if c <= room), default=0)
    cut = best_clause if best_clause >= 0.7 * best_phrase else best_phrase
    best_genitive = max((c for c in cuts.genitives if c <= room), default=0)
    if len(strip_end(text[:cut])) < 0.7 * best_genitive:
        cut = best_genitive  # a genitive only when it keeps much more: 'ανέλαβε' alone says little
    if (
        cut
        and verb < 2
        and not any(
            w.bare not in _NO_END and w.bare != "δε" for w in words[verb + 1 :] if w.end <= cut
        )
    ):
        return 0  # 'Είχε ανακοινωθεί', 'Προσέθεσε δε': too little is left
    while cut:  # not '..., με συναντήσεις', not '... η Αθήνα, η πόλη'
        comma = text.rfind(",", words[verb].end, cut)
        dangling = text[comma + 1 : cut].split() if comma in cuts.clauses else []
        if not dangling or (fold(dangling[0]) not in PREPOSITIONS and len(dangling) > 2):
            break
        cut = comma
    last = text[:cut].split()[-2:] if cut else []
    if len(last) == 2 and fold(last[0]) in ("και", "κι") and is_finite_verb(fold(last[1])):
        # '... του μουσείου και αρθρώνονται': a second verb without what it needs
        return text.rfind(" ", 0, cut - len(last[1]) - 1)
    return cut


def cut_at_word(text: str, limit: int) -> str:
    """Cut text to at most limit characters at a word, with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    head = strip_end(text[: limit - 2].rsplit(" ", 1)[0])
    return head + ("…»" if head.count("«") > head.count("»") else "…")

"""From mentions to names: what the whole collection teaches about capitalised words,
each mention cleaned into names, and the nominative label of each name.

The evidence is spread over the collection: a word that is capitalised in mid-sentence
somewhere is a name even at a sentence start elsewhere; the nominative of a name is
the form seen after a nominative article anywhere.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from sitegen.entities import PARTICLES, Key, Mention, Name, name_key, word_key
from sitegen.gazetteer import Gazetteer
from sitegen.greek import fold
from sitegen.naming import best_label, is_adjectival, nominative

# Capitalised words that are not names (folded): months, weekdays, common nouns in set phrases.
NOT_NAMES = frozenset(
    (
        "ιανουαριοσ ιανουαριου ιανουαριο φεβρουαριοσ φεβρουαριου φεβρουαριο μαρτιοσ μαρτιου "
        "μαρτιο απριλιοσ απριλιου απριλιο μαιοσ μαιου μαιο μαη ιουνιοσ ιουνιου ιουνιο ιουλιοσ "
        "ιουλιου ιουλιο αυγουστοσ αυγουστου αυγουστο σεπτεμβριοσ σεπτεμβριου σεπτεμβριο "
        "οκτωβριοσ οκτωβριου οκτωβριο νοεμβριοσ νοεμβριου νοεμβριο δεκεμβριοσ δεκεμβριου "
        "δεκεμβριο δευτερα δευτερασ τριτη τριτησ τεταρτη τεταρτησ πεμπτη πεμπτησ παρασκευη "
        "παρασκευησ σαββατο σαββατου σαββατα κυριακη κυριακησ κυριακεσ τυποσ τυπου τυπο "
        "κυριε κυριοσ κυρια κυριου θεοσ θεου θεε"
    ).split()
)
# A capitalised word right after these is a portfolio (υπουργός Οικονομικών), not a name.
_TITLES = frozenset(
    "υπουργοσ υπουργου υπουργο υπουργε υπουργοι υπουργων υπουργειο υπουργειου υπουργεια "
    "υφυπουργοσ υφυπουργου υφυπουργο υφυπουργοι υπουργουσ".split()
)
_PLURAL_GENITIVE_ARTICLES = frozenset(["των", "στων"])


@dataclass
class Found:
    """What the first pass learns about the whole collection."""

    mid_caps: set[str] = field(default_factory=set)  # folded forms and stems
    adjectival: set[str] = field(default_factory=set)  # folded nationality words


def clean(mention: Mention, found: Found, gazetteer: Gazetteer) -> tuple[Name, ...]:
    """Drop what is capitalised only by position, split at non-names, spot nationalities."""
    words = list(mention.words)
    before = mention.before
    if mention.acronym:
        return (_named(mention.words, before, found, gazetteer),)
    only_by_position = mention.initial and not _seen_mid_sentence(words[0], found)
    if only_by_position or before in _TITLES:  # 'υπουργός Πολιτισμού Λίνα Μενδώνη'
        before = fold(words.pop(0))
    if before not in _PLURAL_GENITIVE_ARTICLES:
        # 'υπουργός Οικονομικών', 'δημάρχου Αθηναίων': a bare plural genitive is no name
        while words and fold(words[0]).endswith("ων"):
            before = fold(words.pop(0))
    segments: list[list[str]] = [[]]
    for word in words:
        if fold(word) in NOT_NAMES:
            segments.append([])
        else:
            segments[-1].append(word)
    names = []
    for number, segment in enumerate(segments):
        while segment and not segment[0][0].isupper() and segment[0] not in PARTICLES:
            segment.pop(0)
        while segment and not segment[-1][0].isupper():
            segment.pop()
        if not segment:
            continue
        names.append(_named(tuple(segment), before if number == 0 else "", found, gazetteer))
    return tuple(names)


def _named(words: tuple[str, ...], before: str, found: Found, gazetteer: Gazetteer) -> Name:
    """A name under the gazetteer's canonical tag if it knows one; else as found."""
    canonical = gazetteer.canonical(words)
    if canonical:
        return Name(name_key(canonical.split()), words, before, False, canonical)
    demonym = len(words) == 1 and fold(words[0]) in found.adjectival
    return Name(name_key(words), words, before, demonym)


def _seen_mid_sentence(word: str, found: Found) -> bool:
    """Capitalised mid-sentence somewhere: this form, or (for long stems) another inflection."""
    key = word_key(word)
    return fold(word) in found.mid_caps or (len(key) >= 4 and key in found.mid_caps)


def learn(mentions: Iterable[Mention]) -> Found:
    found = Found()
    for mention in mentions:
        if is_adjectival(mention):
            found.adjectival.add(fold(mention.words[0]))
            continue
        for j, word in enumerate(mention.words):
            if j or not mention.initial:
                found.mid_caps.add(fold(word))
                found.mid_caps.add(word_key(word))
    return found


def best_labels(
    seen: Counter, cleaned: dict[Mention, tuple[Name, ...]]
) -> dict[Key, tuple[int, str]]:
    """(certainty class, label) of every name: its surest form over all its mentions."""
    forms: dict[Key, Counter] = defaultdict(Counter)
    for mention, times in seen.items():
        for name in cleaned[mention]:
            if name.canonical:
                forms[name.key][(-1, name.canonical)] += times
            elif not name.demonym:
                forms[name.key][nominative(name.words, name.before)] += times
    return {key: best_label(counter) for key, counter in forms.items()}

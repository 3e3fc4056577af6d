"""From mentions to names: what the whole collection teaches about capitalised words,
each mention cleaned into names, and the nominative label of each name.

The evidence is spread over the collection: a word that is capitalised in mid-sentence
somewhere is a name even at a sentence start elsewhere; the nominative of a name is
the form seen after a nominative article anywhere.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from sitegen.greek.entities import (
    FOLDED_GENITIVES,
    GENITIVES,
    PARTICLES,
    Key,
    Mention,
    Name,
    is_roman_numeral,
    name_key,
    word_key,
)
from sitegen.greek.gazetteer import Gazetteer
from sitegen.greek.lexicon import (
    COMMON_ACRONYMS,
    CONCEPTS,
    DOCUMENTS,
    INSTITUTIONS,
    NOT_NAME_STEMS,
    TITLES,
    Lexicon,
    is_listed,
)
from sitegen.greek.naming import best_label, is_adjectival, is_country, is_demonym, nominative
from sitegen.greek.shaping import (
    case_of_title,
    is_pairing,
    is_portfolio,
    latin_then_greek,
    names_alone,
    person_after,
    without_portfolio,
    without_title,
)
from sitegen.greek.text import fold

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
# Endings of a plural of people: Κούρδοι, Γιαννιώτες, Πειραιωτών, Χριστιανοκοινωνιστές
_GROUPS = ("οι", "ωτεσ", "ωτισσεσ", "ωτων", "ιστεσ", "ιστων")
_MINISTRY = frozenset(["υπουργειο", "υπουργειου"])


@dataclass
class Evidence:
    """What the first pass learns about the whole collection."""

    mid_caps: set[str] = field(default_factory=set)  # folded forms and stems
    adjectival: set[str] = field(default_factory=set)  # folded nationality words
    # folded words capitalised mostly where a sentence starts: common words, not names
    positional: set[str] = field(default_factory=set)
    shouted: set[str] = field(default_factory=set)  # ALL-CAPS common words (ΑΚΟΥΣΑΜΕ)


def clean(
    mention: Mention, found: Evidence, gazetteer: Gazetteer, lexicon: Lexicon
) -> tuple[Name, ...]:
    """Drop what is capitalised only by position, titles and generic words; split at
    non-names; spot nationalities."""
    words = list(mention.words)
    before = mention.before
    if len(words) == 1 and is_pairing(words[0]):
        # 'οι σχέσεις Ελλάδας-Τουρκίας', 'Ολυμπιακός-ΠΑΟΚ': two names, not one
        parts = words[0].split("-")
        return tuple(_named((part,), before, found, gazetteer) for part in parts)
    if mention.acronym:
        folded = fold(words[0])
        if folded in COMMON_ACRONYMS or folded in found.shouted or is_roman_numeral(words[0]):
            return ()
        return (_named(mention.words, before, found, gazetteer),)
    if before in _MINISTRY and is_portfolio(words[0]):
        # 'το υπουργείο Εξωτερικών' names the Υπουργείο Εξωτερικών; a genitive after the
        # portfolio is another name: 'υπουργείο Εσωτερικών του Σλέσβιχ-Χόλσταϊν'
        cut = next((i for i, w in enumerate(words) if w in GENITIVES), len(words))
        if cut <= 3:
            ministry = _named(("Υπουργείο", *words[:cut]), "το", found, gazetteer)
            rest = tuple(words[cut + 1 :])
            if not rest:
                return (ministry,)
            return (ministry, _named(rest, fold(words[cut]), found, gazetteer))
    only_by_position = mention.initial and (
        _evidence_key(words[0]) in found.positional or not _seen_mid_sentence(words[0], found)
    )
    if before in _TITLES:  # 'υπουργός Κοινωνικής Αλληλεγγύης Θεανώ Φωτίου'
        words = without_portfolio(words)
        before = case_of_title(before)
    elif only_by_position:
        before = fold(words.pop(0))
        while words and words[0] in GENITIVES:  # 'Παρουσία του Προέδρου ...'
            before = fold(words.pop(0))
    if before not in _PLURAL_GENITIVE_ARTICLES:
        # 'υπουργός Οικονομικών', 'δημάρχου Αθηναίων': a bare plural genitive is no name
        while words and fold(words[0]).endswith("ων"):
            before = fold(words.pop(0))
    words, before = without_title(words, before)
    if len(words) > 2 and is_demonym(words[0]):  # 'Ιταλός Στέφανο Πιραΐνο'
        before = fold(words.pop(0))
    segments: list[tuple[str, list[str]]] = [(before, [])]
    if (before in FOLDED_GENITIVES and person_after(words)) or (
        len(words) > 2 and words[1] not in GENITIVES and is_country(words[0])
    ):
        # 'της Βουλής Νίκος Βούτσης', 'Ρωσία Βλαντίμιρ Πούτιν': a name, then a person
        segments = [(before, [words[0]]), ("", [])]
        words = words[1:]
    elif (cut := latin_then_greek(words)) is not None:
        # 'της Vodafone Κώστα Τσαλικίδη': a brand in Latin letters, then a person
        segments = [(before, words[:cut]), ("", [])]
        words = words[cut:]
    for i, word in enumerate(words):
        folded = fold(word)
        if any(p in NOT_NAMES or is_listed(p, NOT_NAME_STEMS) for p in folded.split("-")):
            segments.append(("", []))
        elif word in GENITIVES and names_alone(segments[-1][1], words[i + 1 :], lexicon):
            # 'Λίνδος της Ρόδου' is two places; 'Τράπεζα της Ελλάδος' is one bank
            segments.append((folded, []))
        else:
            segments[-1][1].append(word)
    names = []
    for before, segment in segments:
        while segment and not segment[0][0].isupper() and segment[0] not in PARTICLES:
            segment.pop(0)
        while segment and not segment[-1][0].isupper():
            segment.pop()
        if not segment or (len(segment) == 1 and _is_common(segment[0], found)):
            continue
        if len(segment) > 1 and is_listed(fold(segment[-1]), DOCUMENTS):
            continue  # 'Κοινή Δήλωση', 'Ευρωπαϊκή Οδηγία': a document, not a name
        names.append(_named(tuple(segment), before, found, gazetteer))
    return tuple(names)


def _is_common(word: str, found: Evidence) -> bool:
    """A capitalised word that alone names nothing: Επιτροπή, Πρόεδρος, Δημόσιο, an odd
    capital."""
    folded = fold(word)
    return (
        _evidence_key(word) in found.positional
        or (folded.endswith(_GROUPS) and len(folded) > 5)  # Χριστιανοί, Γιαννιώτες
        or is_listed(folded, INSTITUTIONS)
        or is_listed(folded, TITLES)
        or is_listed(folded, CONCEPTS)
    )


def _named(words: tuple[str, ...], before: str, found: Evidence, gazetteer: Gazetteer) -> Name:
    """A name under the gazetteer's canonical tag if it knows one; else as found."""
    canonical = gazetteer.canonical(words)
    if canonical:
        return Name(name_key(canonical.split()), words, before, False, canonical)
    demonym = len(words) == 1 and fold(words[0]) in found.adjectival
    return Name(name_key(words), words, before, demonym)


def _seen_mid_sentence(word: str, found: Evidence) -> bool:
    """Capitalised mid-sentence somewhere: this form, or (for long stems) another inflection."""
    key = word_key(word)
    return fold(word) in found.mid_caps or (len(key) >= 4 and key in found.mid_caps)


def learn(seen: Counter, lexicon: Lexicon) -> Evidence:
    """What the collection's mentions (with their counts) teach about capitalised words."""
    found = Evidence()
    starts: Counter = Counter()  # first words of mentions that start a sentence, by key
    inside: Counter = Counter()  # words capitalised inside a sentence, by key
    forms: defaultdict[str, set[str]] = defaultdict(set)  # how each key is written
    alone: Counter = Counter()  # mentions of one word, by folded word
    adjectival: Counter = Counter()  # of which used as a nationality (ο Ρώσος πρόεδρος)
    for mention, times in seen.items():
        if mention.acronym:
            word = mention.words[0]
            if len(word) >= 3 and fold(word) not in COMMON_ACRONYMS and lexicon.is_shouted(word):
                found.shouted.add(fold(word))
        if len(mention.words) == 1:
            alone[fold(mention.words[0])] += times
            if is_adjectival(mention) or is_demonym(mention.words[0]):
                adjectival[fold(mention.words[0])] += times
                continue
        for j, word in enumerate(mention.words):
            key = _evidence_key(word)
            if j or not mention.initial:
                found.mid_caps.add(fold(word))
                found.mid_caps.add(word_key(word))
                inside[key] += times
            else:
                starts[key] += times
                forms[key].add(word)
    # one odd use (ο Τσίπρας συναντώντας) does not make a name a nationality word
    found.adjectival = {w for w, times in adjectival.items() if 2 * times >= alone[w]}
    for key, times in starts.items():
        frequency = max(lexicon.frequency(word) for word in forms[key])
        if _mostly_at_starts(times, inside[key], frequency):
            found.positional.add(key)
    return found


def _evidence_key(word: str) -> str:
    """Counts of capitals are kept by stem, over inflections, when the stem is long enough."""
    key = word_key(word)
    return key if len(key) >= 4 else fold(word)


def _mostly_at_starts(starts: int, inside: int, frequency: float) -> bool:
    """Is a word capitalised mainly because sentences start with it? The commoner the
    word in Greek, the more capitals inside sentences it takes to count as a name."""
    if frequency >= 5.0:
        return inside < 3 * starts
    if frequency >= 4.0:
        return inside < starts
    return inside * 3 < starts


def best_labels(
    seen: Counter, cleaned: dict[Mention, tuple[Name, ...]], lexicon: Lexicon
) -> dict[Key, tuple[int, str]]:
    """(certainty class, label) of every name: its surest form over all its mentions."""
    forms: dict[Key, Counter] = defaultdict(Counter)
    for mention, times in seen.items():
        for name in cleaned[mention]:
            if name.canonical:
                forms[name.key][(-1, name.canonical)] += times
            elif not name.demonym:
                forms[name.key][nominative(name.words, name.before, lexicon)] += times
    return {key: best_label(counter) for key, counter in forms.items()}

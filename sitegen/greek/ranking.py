"""Choosing an article's tags from its names: mentions, the lead, the subject, spread;
and naming one person the same way across the collection."""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import lru_cache

from sitegen.greek.entities import FOLDED_GENITIVES, Key, Name
from sitegen.greek.gazetteer import Gazetteer
from sitegen.greek.lexicon import INSTITUTIONS, Lexicon, is_listed, is_qualifier, territories
from sitegen.greek.naming import country_base, demonym_base
from sitegen.greek.text import fold

_SUBJECT_ARTICLES = frozenset(["ο", "η", "οι"])


def rank(
    names: list[tuple[Name, int]],
    labels: dict[Key, str],
    certainty: dict[Key, int],
    spread: Counter,
    gazetteer: Gazetteer,
    lexicon: Lexicon,
) -> list[Key]:
    """The strongest names of one article: mentions, then the lead, then spread."""
    counts: Counter = Counter()
    lead: set[Key] = set()
    subjects: set[Key] = set()  # named after ο/η/οι in the lead: what the story is about
    present = {n.key for n, _ in names if not n.demonym}
    bases: dict[Key, str] | None = None
    for name, paragraph in names:
        key: Key | None = name.key
        if name.demonym:
            if bases is None:
                bases = {k: country_base(tuple(labels[k].split())) for k in sorted(present)}
            base = demonym_base(name.words[0])
            key = next((k for k, b in bases.items() if len(base) >= 3 and b.startswith(base)), None)
            if key is None:
                continue
        counts[key] += 1
        tail = _genitive_tail(key)
        if tail in present:  # 'Ολομέλεια της Βουλής' is also a mention of the Βουλή
            counts[tail] += 1
        if paragraph == 0:
            lead.add(key)
            if name.before in _SUBJECT_ARTICLES:
                subjects.add(key)
    _merge_short_forms(counts, lead, labels, certainty)
    subjects &= set(counts)
    chosen = [
        k
        for k in counts
        if (counts[k] >= 2 or k in lead)
        and not gazetteer.is_stopped(labels[k])
        and not _is_weak(labels[k], certainty[k], counts[k] + spread[k], lexicon)
    ]
    chosen.sort(
        key=lambda k: (
            -(counts[k] + 0.5 * (k in lead) + 0.5 * (k in subjects) - 0.5 * (certainty[k] == 2)),
            -spread[k],
            fold(labels[k]),
        )
    )
    return chosen


def _is_weak(label: str, certainty: int, seen: int, lexicon: Lexicon) -> bool:
    """Too little evidence that this is a name: a word in Latin script that one article
    names once (seen: its mentions here plus the articles naming it), never after a
    Greek article (Bank, Research, HD); common Greek words all in the genitive, never
    seen with an article (Κοινωνικής Ασφάλισης); or a common Greek word alone, no
    country, that seldom or never stands where its case shows (Σώμα, Κελσίου)."""
    if certainty <= 0 or (certainty == 1 and " " in label):
        return False  # the gazetteer's, or seen in its case
    shape = _shape(label)
    if shape == "latin":
        return certainty == 2 and seen <= 2
    if shape == "genitives":  # 'Κοινωνικής Ασφάλισης': the complement of an unnamed noun
        return certainty == 2 and all(lexicon.frequency(w) >= 3.5 for w in label.split())
    if shape != "word":
        return False
    frequency = lexicon.frequency(label)
    return frequency >= 5.0 or (certainty == 2 and frequency >= 4.0)


@lru_cache(maxsize=1 << 16)
def _shape(label: str) -> str:
    """'latin' (no Greek letter), 'word' (one Greek word, no acronym, no country),
    'genitives' (Greek words all in a genitive form) or ''."""
    folded = fold(label)
    if not any("α" <= c <= "ω" for c in folded):
        return "latin"
    if " " in label:
        words = folded.split()
        return "genitives" if all(w.endswith(_GENITIVE_FORMS) for w in words) else ""
    if label.isupper() or folded in territories():
        return ""
    return "word"


_GENITIVE_FORMS = ("ασ", "ησ", "ου", "ων", "εωσ")


@lru_cache(maxsize=1 << 16)
def _genitive_tail(key: Key) -> Key | None:
    for i, part in enumerate(key[:-1]):
        if part in FOLDED_GENITIVES and i > 0:
            return key[i + 1 :]
    return None


def _merge_short_forms(
    counts: Counter, lead: set[Key], labels: dict[Key, str], certainty: dict[Key, int]
) -> None:
    """Count a person's surname and full name as one, a name and its longer form with
    'και' as one (the usual form wins), and a lone first word of a name for the name
    (Πυροσβεστική for Πυροσβεστική Υπηρεσία)."""

    def move(source: Key, target: Key) -> None:
        counts[target] += counts.pop(source)
        if source in lead:
            lead.add(target)

    for key in sorted(k for k in counts if len(k) > 1):
        last = (key[-1],)
        if (
            last not in counts
            or key not in counts
            or _genitive_tail(key)
            or _qualified(labels[key])
            or _nobodys_surname(labels[last])
        ):
            continue  # 'Ζαγορά του Πηλίου' is not a kind of Πήλιο, 'Μέση Ανατολή' no Ανατολή
        words = [fold(w) for w in labels[key].split()]
        # 'Εθνική Ελλάδας' is not a kind of 'Ελλάδα': a genitive after a feminine or neuter
        # nominative; 'Κυριάκος Μητσοτάκης' (both in -ς) is a first name and a surname
        genitive_tail = words[-1][-2:] in ("ασ", "ησ", "ου", "ων") and not words[0].endswith("σ")
        if genitive_tail and labels[key].split()[-1] != labels[last]:
            continue
        if certainty[last] == 2 and certainty[key] < 2:
            move(last, key)  # 'του Δένδια' counts for 'Νίκος Δένδιας', whose nominative is known
        elif counts[last] >= counts[key]:
            move(key, last)  # the surname is the usual form: 'Βλαντίμιρ Πούτιν' for 'Πούτιν'

    for key in sorted(k for k in counts if "και" in k):
        short = key[: key.index("και")]  # 'Ταμείο Ανάκαμψης (και Ανθεκτικότητας)'
        if short in counts and key in counts:
            if counts[short] >= counts[key]:
                move(key, short)
            else:
                move(short, key)

    for key in sorted(k for k in counts if len(k) == 1):
        longer = [
            k for k in counts if len(k) > 1 and k[0] == key[0] and k[-1] not in FOLDED_GENITIVES
        ]
        if len(longer) == 1 and labels[longer[0]].split()[0] == labels[key]:
            move(key, longer[0])


@lru_cache(maxsize=1 << 16)
def _qualified(label: str) -> bool:
    """Not a person whose surname its last word is: a place made another by its first
    word (Βόρεια Κορέα, Μέση Ανατολή), a country, or an institution (Φεστιβάλ Αθηνών και
    Επιδαύρου is not Επίδαυρος)."""
    words = fold(label).split()
    return (
        is_qualifier(words[0])
        or " ".join(words) in territories()
        or "και" in words
        or is_listed(words[0], INSTITUTIONS)
    )


def _nobodys_surname(label: str) -> bool:
    """A country is not the surname of the longer name ending like it (Χονγκ Κονγκ is
    not Κονγκό)."""
    return fold(label) in territories()


def name_consistently(
    chosen: dict[str, list[Key]], labels: dict[Key, str], limit: int
) -> dict[str, tuple[str, ...]]:
    """The same person gets the same tag everywhere: where some articles chose the full
    name and others the surname alone, the more common choice wins for all."""
    used = Counter(key for keys in chosen.values() for key in keys)
    fulls: dict[Key, set[Key]] = defaultdict(set)
    for key in used:
        if (
            len(key) > 1
            and (key[-1],) in used
            and not _genitive_tail(key)
            and not _qualified(labels[key])
            and not _nobodys_surname(labels[(key[-1],)])
        ):
            fulls[(key[-1],)].add(key)
    alias: dict[Key, Key] = {}
    for surname, names in fulls.items():
        if len(names) == 1:  # two people with one surname stay apart
            [full] = names
            if used[surname] >= used[full]:
                alias[full] = surname
            else:
                alias[surname] = full
    tags = {}
    for aid, keys in chosen.items():
        out: dict[str, str] = {}
        for key in keys:
            label = labels[alias.get(key, key)]
            out.setdefault(fold(label), label)
            if len(out) == limit:
                break
        tags[aid] = tuple(out.values())
    return tags

"""Automatic tags: the names an article is about, grouped across inflections, in the nominative.

Works on the whole collection at once, because the evidence is spread over it: a word
that is capitalised in mid-sentence somewhere is a name even at a sentence start
elsewhere; the nominative of a name is the form seen after a nominative article anywhere.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache, partial
from typing import NamedTuple

from sitegen.cache import BuildCache
from sitegen.entities import (
    FOLDED_GENITIVES,
    PARTICLES,
    Key,
    Mention,
    find_mentions,
    name_key,
    word_key,
)
from sitegen.gazetteer import Gazetteer
from sitegen.greek import fold
from sitegen.keys import digest
from sitegen.model import Article, evolve
from sitegen.naming import best_label, country_base, demonym_base, is_adjectival, nominative

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
_SUBJECT_ARTICLES = frozenset(["ο", "η", "οι"])


@dataclass
class _Found:
    """What the first pass learns about the whole collection."""

    mid_caps: set[str] = field(default_factory=set)  # folded forms and stems
    adjectival: set[str] = field(default_factory=set)  # folded nationality words


class _Name(NamedTuple):
    """A cleaned mention: a name, or a nationality word that may point to a country."""

    key: Key
    words: tuple[str, ...]
    before: str
    demonym: bool = False
    canonical: str | None = None


def _clean(mention: Mention, found: _Found, gazetteer: Gazetteer) -> tuple[_Name, ...]:
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


def _named(words: tuple[str, ...], before: str, found: _Found, gazetteer: Gazetteer) -> _Name:
    """A name under the gazetteer's canonical tag if it knows one; else as found."""
    canonical = gazetteer.canonical(words)
    if canonical:
        return _Name(name_key(canonical.split()), words, before, False, canonical)
    demonym = len(words) == 1 and fold(words[0]) in found.adjectival
    return _Name(name_key(words), words, before, demonym)


def _seen_mid_sentence(word: str, found: _Found) -> bool:
    """Capitalised mid-sentence somewhere: this form, or (for long stems) another inflection."""
    key = word_key(word)
    return fold(word) in found.mid_caps or (len(key) >= 4 and key in found.mid_caps)


def _learn(mentions: Iterable[Mention]) -> _Found:
    found = _Found()
    for mention in mentions:
        if is_adjectival(mention):
            found.adjectival.add(fold(mention.words[0]))
            continue
        for j, word in enumerate(mention.words):
            if j or not mention.initial:
                found.mid_caps.add(fold(word))
                found.mid_caps.add(word_key(word))
    return found


def _rank(
    names: list[tuple[_Name, int]],
    labels: dict[Key, str],
    certainty: dict[Key, int],
    spread: Counter,
    gazetteer: Gazetteer,
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
        k for k in counts if (counts[k] >= 2 or k in lead) and not gazetteer.is_stopped(labels[k])
    ]
    chosen.sort(
        key=lambda k: (
            -(counts[k] + 0.5 * (k in lead) + 0.5 * (k in subjects)),
            -spread[k],
            fold(labels[k]),
        )
    )
    return chosen


@lru_cache(maxsize=1 << 16)
def _genitive_tail(key: Key) -> Key | None:
    for i, part in enumerate(key[:-1]):
        if part in FOLDED_GENITIVES and i > 0:
            return key[i + 1 :]
    return None


def _merge_short_forms(
    counts: Counter, lead: set[Key], labels: dict[Key, str], certainty: dict[Key, int]
) -> None:
    """Count a person's surname and full name as one, and a lone first word of a name
    for the name (Πυροσβεστική for Πυροσβεστική Υπηρεσία)."""

    def move(source: Key, target: Key) -> None:
        counts[target] += counts.pop(source)
        if source in lead:
            lead.add(target)

    for key in sorted(k for k in counts if len(k) > 1):
        last = (key[-1],)
        if last not in counts or key not in counts or _genitive_tail(key):
            continue  # 'Ζαγορά του Πηλίου' is not a kind of Πήλιο
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

    for key in sorted(k for k in counts if len(k) == 1):
        longer = [
            k for k in counts if len(k) > 1 and k[0] == key[0] and k[-1] not in FOLDED_GENITIVES
        ]
        if len(longer) == 1 and labels[longer[0]].split()[0] == labels[key]:
            move(key, longer[0])


def _name_consistently(
    chosen: dict[str, list[Key]], labels: dict[Key, str], limit: int
) -> dict[str, tuple[str, ...]]:
    """The same person gets the same tag everywhere: where some articles chose the full
    name and others the surname alone, the more common choice wins for all."""
    used = Counter(key for keys in chosen.values() for key in keys)
    fulls: dict[Key, set[Key]] = defaultdict(set)
    for key in used:
        if len(key) > 1 and (key[-1],) in used and not _genitive_tail(key):
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


def derive_tags(
    texts: dict[str, list[str]], gazetteer: Gazetteer | None = None, limit: int = 6
) -> dict[str, tuple[str, ...]]:
    """Tags for each article (by id) from its paragraphs, learning from all of them."""
    mentions = {aid: find_mentions(paragraphs) for aid, paragraphs in texts.items()}
    return tags_from_mentions(mentions, gazetteer, limit)


def tags_from_mentions(
    mentions: dict[str, list[tuple[Mention, int]]], gazetteer: Gazetteer | None, limit: int
) -> dict[str, tuple[str, ...]]:
    """derive_tags from each article's find_mentions."""
    gazetteer = gazetteer or Gazetteer()
    if limit <= 0:
        return {article_id: () for article_id in mentions}
    seen = Counter(m for found in mentions.values() for m, _ in found)
    found = _learn(seen)
    cleaned = {mention: _clean(mention, found, gazetteer) for mention in seen}
    forms: dict[Key, Counter] = defaultdict(Counter)
    for mention, times in seen.items():
        for name in cleaned[mention]:
            if name.canonical:
                forms[name.key][(-1, name.canonical)] += times
            elif not name.demonym:
                forms[name.key][nominative(name.words, name.before)] += times
    best = {key: best_label(counter) for key, counter in forms.items()}
    labels = {key: label for key, (_, label) in best.items()}
    certainty = {key: cls for key, (cls, _) in best.items()}
    per_article = {
        aid: [(name, paragraph) for m, paragraph in found_here for name in cleaned[m]]
        for aid, found_here in mentions.items()
    }
    spread: Counter = Counter()
    for names in per_article.values():
        spread.update({name.key for name, _ in names})
    chosen = {
        aid: _rank(names, labels, certainty, spread, gazetteer)
        for aid, names in per_article.items()
    }
    return _name_consistently(chosen, labels, limit)


def _mentions_key(cache: BuildCache, article: Article) -> bytes:
    """Find an article's names, keep them in the cache, and return their digest."""
    found = find_mentions(article.paragraphs)
    cache.add_bulky("mentions", article.digest, found)
    return digest(found)


def add_automatic_tags(
    items: list[Article], gazetteer: Gazetteer | None, limit: int, cache: BuildCache | None = None
) -> list[Article]:
    """Articles whose source named no tags get tags derived from the whole collection.

    With a cache, an article's names are found again only when its text changed, and
    the tags of all are derived again only when some article's names changed."""
    todo = [a for a in items if not a.is_page and not a.tags_given]
    if not todo:
        return items
    if cache is None:
        found = derive_tags({a.id: a.paragraphs for a in todo}, gazetteer, limit)
    else:
        keys = [(a.id, cache.derive("mention-key", a.digest, partial(_mentions_key, cache, a)))
                for a in todo]  # fmt: skip
        key = digest(limit, gazetteer.key() if gazetteer else b"", keys)

        def make() -> dict[str, tuple[str, ...]]:
            mentions = {
                a.id: cache.derive("mentions", a.digest, partial(find_mentions, a.paragraphs))
                for a in todo
            }
            return tags_from_mentions(mentions, gazetteer, limit)

        found = cache.derive("tags", key, make)
    return [
        evolve(a, tags=found[a.id]) if a.id in found and a.tags != found[a.id] else a for a in items
    ]

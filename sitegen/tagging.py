"""Automatic tags: the names an article is about, grouped across inflections, in the nominative.

Works on the whole collection at once, because the evidence is spread over it: a word
that is capitalised in mid-sentence somewhere is a name even at a sentence start
elsewhere; the nominative of a name is the form seen after a nominative article anywhere.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial

from sitegen.cache import BuildCache
from sitegen.entities import PARTICLES, Key, Mention, Name, find_mentions, name_key, word_key
from sitegen.gazetteer import Gazetteer
from sitegen.greek import fold
from sitegen.keys import digest
from sitegen.model import Article, evolve
from sitegen.naming import best_label, is_adjectival, nominative
from sitegen.ranking import name_consistently, rank

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
class _Found:
    """What the first pass learns about the whole collection."""

    mid_caps: set[str] = field(default_factory=set)  # folded forms and stems
    adjectival: set[str] = field(default_factory=set)  # folded nationality words


def _clean(mention: Mention, found: _Found, gazetteer: Gazetteer) -> tuple[Name, ...]:
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


def _named(words: tuple[str, ...], before: str, found: _Found, gazetteer: Gazetteer) -> Name:
    """A name under the gazetteer's canonical tag if it knows one; else as found."""
    canonical = gazetteer.canonical(words)
    if canonical:
        return Name(name_key(canonical.split()), words, before, False, canonical)
    demonym = len(words) == 1 and fold(words[0]) in found.adjectival
    return Name(name_key(words), words, before, demonym)


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
        aid: rank(names, labels, certainty, spread, gazetteer) for aid, names in per_article.items()
    }
    return name_consistently(chosen, labels, limit)


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

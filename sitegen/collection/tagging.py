"""Automatic tags: the names an article is about, grouped across inflections, in the nominative.

Works on the whole collection at once, because the evidence is spread over it (see
sitegen.greek.cleaning). A TagState keeps that evidence between builds: after an edit it is
updated by what changed, and only the articles whose names or whose names' labels,
certainty or spread changed are ranked again; the tags are those of a fresh derivation.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import partial

from sitegen.core.keys import digest
from sitegen.core.memo import Memo
from sitegen.core.model import Article, with_changes
from sitegen.core.workers import fork_map
from sitegen.greek.cleaning import Evidence, best_labels, clean, learn
from sitegen.greek.entities import Key, Mention, Name, find_mentions
from sitegen.greek.gazetteer import Gazetteer
from sitegen.greek.lexicon import Lexicon
from sitegen.greek.ranking import name_consistently, rank

Mentions = list[tuple[Mention, int]]  # find_mentions of an article: (mention, paragraph)


def _names(mentions: Mentions, cleaned: dict[Mention, tuple[Name, ...]]) -> list[tuple[Name, int]]:
    return [(name, paragraph) for m, paragraph in mentions for name in cleaned[m]]


_SHARED: tuple[TagState, dict, dict, dict] | None = None
_CHUNK = 250  # articles ranked in one go by a worker
_PARALLEL_MIN = 1000  # articles to rank again before it pays to start processes


def _rank_chunk(ids: list[str]) -> list[list[Key]]:
    """The ranked names of each article of a chunk (in a worker, on _SHARED)."""
    assert _SHARED is not None
    state, names, labels, certainty = _SHARED
    found = []
    for aid in ids:
        here = names.get(aid)
        if here is None:
            here = _names(state.mentions[aid][1], state.cleaned)
        found.append(rank(here, labels, certainty, state.spread, state.gazetteer, state.lexicon))
    return found


@dataclass
class TagState:
    """The collection's evidence and each article's ranked names, for one gazetteer."""

    gazetteer: Gazetteer
    lexicon: Lexicon = field(default_factory=Lexicon)
    mentions: dict[str, tuple[bytes, Mentions]] = field(default_factory=dict)  # by id, keyed
    seen: Counter = field(default_factory=Counter)  # every mention, with its count
    found: Evidence = field(default_factory=Evidence)
    cleaned: dict[Mention, tuple[Name, ...]] = field(default_factory=dict)
    best: dict[Key, tuple[int, str]] = field(default_factory=dict)  # (certainty, label)
    spread: Counter = field(default_factory=Counter)  # articles naming each key
    keys: dict[str, frozenset[Key]] = field(default_factory=dict)  # each article's names
    chosen: dict[str, list[Key]] = field(default_factory=dict)  # ranked, by id
    # one object for each distinct mention, shared by every article that has it
    interned: dict[Mention, Mention] = field(default_factory=dict, repr=False)

    def update(self, mentions: dict[str, tuple[bytes, Mentions]], jobs: int = 1) -> None:
        """Take in the collection's mentions now (by id: (key of the mentions, mentions));
        the articles to rank again are ranked in `jobs` processes."""
        old = self.mentions
        changed = [
            aid for aid, (key, _) in mentions.items() if aid not in old or old[aid][0] != key
        ]
        removed = [aid for aid in old if aid not in mentions]
        for aid in changed + removed:
            if aid in old:
                self.seen.subtract(m for m, _ in old[aid][1])
        interned = self.interned
        for aid in changed:
            key, found_here = mentions[aid]
            found_here = [(interned.setdefault(m, m), p) for m, p in found_here]
            mentions[aid] = (key, found_here)
            self.seen.update(m for m, _ in found_here)
        self.seen = +self.seen  # drop mentions no article has any more
        if len(interned) > 2 * len(self.seen):
            self.interned = {m: interned[m] for m in self.seen}
        self.mentions = mentions

        found = learn(self.seen, self.lexicon)
        touched: set[Mention] = set()
        if found != self.found:  # the evidence changed: every mention is cleaned again
            cleaned = {m: clean(m, found, self.gazetteer, self.lexicon) for m in self.seen}
            touched = {m for m, names in cleaned.items() if self.cleaned.get(m) != names}
        else:
            cleaned = {
                m: self.cleaned[m]
                if m in self.cleaned
                else clean(m, found, self.gazetteer, self.lexicon)
                for m in self.seen
            }
        self.found, self.cleaned = found, cleaned
        best = best_labels(self.seen, cleaned, self.lexicon)

        redo = set(changed)  # articles whose names are made again
        if touched:
            redo |= {aid for aid, (_, ms) in mentions.items() if any(m in touched for m, _ in ms)}
        names = {aid: _names(mentions[aid][1], cleaned) for aid in redo}
        spread = self.spread.copy()
        for aid in redo | set(removed):
            if aid in self.keys:
                spread.subtract(self.keys.pop(aid))
        for aid in redo:
            self.keys[aid] = frozenset(name.key for name, _ in names[aid])
            spread.update(self.keys[aid])
        spread = +spread
        shifted = {k for k in best.keys() | self.best.keys() if best.get(k) != self.best.get(k)}
        shifted |= {k for k in spread.keys() | self.spread.keys() if spread[k] != self.spread[k]}
        self.best, self.spread = best, spread

        labels = {key: label for key, (_, label) in best.items()}
        certainty = {key: cls for key, (cls, _) in best.items()}
        todo = [a for a in mentions if a in redo or not self.keys[a].isdisjoint(shifted)]
        global _SHARED
        _SHARED = (self, names, labels, certainty)  # read by the forked workers
        try:
            chunks = [todo[i : i + _CHUNK] for i in range(0, len(todo), _CHUNK)]
            ranked = fork_map(_rank_chunk, chunks, jobs, _PARALLEL_MIN // _CHUNK)
        finally:
            _SHARED = None
        fresh = {aid: found for chunk, r in zip(chunks, ranked, strict=True)
                 for aid, found in zip(chunk, r, strict=True)}  # fmt: skip
        self.chosen = {aid: fresh[aid] if aid in fresh else self.chosen[aid] for aid in mentions}

    def __getstate__(self) -> dict:
        """Each article's mentions as numbers into one table of distinct mentions: the
        saved state loads several times faster than with a tuple object per mention.
        (Mentions are shared objects, see interned, so their ids tell them apart.)"""
        number: dict[int, int] = {}
        table: list[Mention] = []

        def index(mention: Mention) -> int:
            found = number.get(id(mention))
            if found is None:
                found = number[id(mention)] = len(table)
                table.append(mention)
            return found

        compact = {
            aid: (key, [(index(m), p) for m, p in found])
            for aid, (key, found) in self.mentions.items()
        }
        return self.__dict__ | {"mentions": (table, compact), "interned": None}

    def __setstate__(self, state: dict) -> None:
        table, compact = state["mentions"]
        mentions = {
            aid: (key, [(table[i], p) for i, p in found]) for aid, (key, found) in compact.items()
        }
        interned = {m: m for m in table}
        self.__dict__.update(state | {"mentions": mentions, "interned": interned})

    def tags(self, limit: int) -> dict[str, tuple[str, ...]]:
        labels = {key: label for key, (_, label) in self.best.items()}
        return name_consistently(self.chosen, labels, limit)


def derive_tags(
    texts: dict[str, list[str]], gazetteer: Gazetteer | None = None, limit: int = 6, jobs: int = 1
) -> dict[str, tuple[str, ...]]:
    """Tags for each article (by id) from its paragraphs, learning from all of them."""
    found = fork_map(find_mentions, list(texts.values()), jobs)
    return tags_from_mentions(dict(zip(texts, found, strict=True)), gazetteer, limit, jobs)


def tags_from_mentions(
    mentions: dict[str, Mentions], gazetteer: Gazetteer | None, limit: int, jobs: int = 1
) -> dict[str, tuple[str, ...]]:
    """derive_tags from each article's find_mentions."""
    if limit <= 0:
        return {article_id: () for article_id in mentions}
    state = TagState(gazetteer or Gazetteer())
    state.update({aid: (b"", found) for aid, found in mentions.items()}, jobs)
    return state.tags(limit)


def _mentions_key(cache: Memo, article: Article) -> bytes:
    """Find an article's names (unless found already), keep them for this build, and
    return their digest."""
    found = cache.fresh_mentions.get(article.digest)
    if found is None:
        found = cache.fresh_mentions[article.digest] = find_mentions(article.paragraphs)
    return digest(found)


def _updated_tags(
    cache: Memo,
    todo: list[Article],
    keys: list[tuple[str, bytes]],
    gazetteer: Gazetteer | None,
    limit: int,
    jobs: int = 1,
) -> dict[str, tuple[str, ...]]:
    """The cached TagState brought up to date (or a new one), and its tags."""
    gazetteer = gazetteer or Gazetteer()
    state = cache.state("tags")
    if not isinstance(state, TagState) or state.gazetteer.key() != gazetteer.key():
        state = TagState(gazetteer)
    mentions = {}
    for article, (aid, key) in zip(todo, keys, strict=True):
        kept = state.mentions.get(aid)
        if kept is not None and kept[0] == key:
            mentions[aid] = kept
        else:
            found = cache.fresh_mentions.get(article.digest)
            mentions[aid] = (key, find_mentions(article.paragraphs) if found is None else found)
    state.update(mentions, jobs)
    cache.keep_state("tags", state)
    return state.tags(limit) if limit > 0 else {aid: () for aid, _ in keys}


def add_automatic_tags(
    items: list[Article],
    gazetteer: Gazetteer | None,
    limit: int,
    cache: Memo | None = None,
    jobs: int = 1,
) -> list[Article]:
    """Articles whose source named no tags get tags derived from the whole collection.

    With a cache, an article's names are found again only when its text changed, the
    tags are derived again only when some article's names changed, and then only the
    articles that the change touches are ranked again."""
    todo = [a for a in items if not a.is_page and not a.tags_given]
    if not todo:
        return items
    if cache is None:
        found = derive_tags({a.id: a.paragraphs for a in todo}, gazetteer, limit, jobs)
    else:
        new = [a for a in todo if not cache.knows("mention-key", a.digest)]
        for article, names in zip(
            new, fork_map(find_mentions, [a.paragraphs for a in new], jobs), strict=True
        ):
            cache.fresh_mentions[article.digest] = names
        keys = [(a.id, cache.derive("mention-key", a.digest, partial(_mentions_key, cache, a)))
                for a in todo]  # fmt: skip
        key = digest(limit, gazetteer.key() if gazetteer else b"", keys)
        make = partial(_updated_tags, cache, todo, keys, gazetteer, limit, jobs)
        found = cache.derive("tags", key, make)
    return [
        with_changes(a, tags=found[a.id]) if a.id in found and a.tags != found[a.id] else a
        for a in items
    ]

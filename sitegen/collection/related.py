"""Related articles: shared tags weighted by rarity, then closeness in date.

Linear in the collection: an article is compared only with its neighbours in date on
each of its tags, so a tag on half the collection costs no more than a rare one.
After an edit, only the articles on a tag whose members or weight changed are looked
at again (RelatedState), with the same result as a fresh computation.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from dataclasses import dataclass, field

from sitegen.core.model import Article
from sitegen.core.workers import fork_map
from sitegen.greek.text import fold

RELATED_MAX = 5
WINDOW = 30  # neighbours in date, each side, considered on each tag


@dataclass
class RelatedState:
    """The inputs and results of the last computation, by article id and folded tag."""

    members: dict[str, tuple[tuple[str, int], ...]] = field(default_factory=dict)  # (id, day)
    weights: dict[str, int] = field(default_factory=dict)
    tags: dict[str, frozenset[str]] = field(default_factory=dict)
    related: dict[str, tuple[str, ...]] = field(default_factory=dict)


_SHARED: tuple[RelatedState, dict[str, dict[str, int]], dict[str, int], int] | None = None
_CHUNK = 250  # articles ranked in one go by a worker
_PARALLEL_MIN = 1000  # articles to rank again before it pays to start processes


def _rank_chunk(ids: list[str]) -> list[tuple[str, ...]]:
    """The related ids of each article of a chunk (in a worker, on _SHARED)."""
    assert _SHARED is not None
    new, positions, day, limit = _SHARED
    found = []
    for me in ids:
        scores: dict[str, int] = defaultdict(int)
        for tag in new.tags[me]:
            members = new.members[tag]
            i = positions[tag][me]
            w = new.weights[tag]
            for other, _ in members[max(0, i - WINDOW) : i + WINDOW + 1]:
                scores[other] += w
        scores.pop(me, None)
        mine = day[me]  # tuples compare in C: no key function called per candidate
        ranked = [(-score, abs(day[o] - mine), o) for o, score in scores.items()]
        found.append(tuple(o for _, _, o in heapq.nsmallest(limit, ranked)))
    return found


def update_related(
    articles: tuple[Article, ...],
    members: dict[str, list[Article]],
    state: RelatedState | None = None,
    limit: int = RELATED_MAX,
    jobs: int = 1,
) -> RelatedState:
    """Up to `limit` related article ids for each article id (deterministic), working
    again only where `state` (the last result) no longer holds.

    members maps each folded tag name to its articles, newest first, as in `articles`.
    """
    old = state or RelatedState()
    total = max(1, len(articles))
    day = {a.id: a.date.toordinal() if a.date else 0 for a in articles}
    # integer weights keep sums exact, so ties (and the order) never depend on float error
    new = RelatedState(
        {key: tuple((a.id, day[a.id]) for a in found) for key, found in members.items()},
        {key: round(1000 * math.log(1 + total / len(found))) for key, found in members.items()},
        {a.id: frozenset(fold(t) for t in a.tags) for a in articles},
    )
    moved = {
        key
        for key in new.members.keys() | old.members.keys()
        if new.members.get(key) != old.members.get(key)
        or new.weights.get(key) != old.weights.get(key)
    }
    todo = []
    for article in articles:
        me, tags = article.id, new.tags[article.id]
        if me in old.related and old.tags.get(me) == tags and tags.isdisjoint(moved):
            new.related[me] = old.related[me]
        else:
            todo.append(me)
    tags = {tag for me in todo for tag in new.tags[me]}
    positions = {tag: {n: i for i, (n, _) in enumerate(new.members[tag])} for tag in tags}
    global _SHARED
    _SHARED = (new, positions, day, limit)  # read by the forked workers, never pickled
    try:
        chunks = [todo[i : i + _CHUNK] for i in range(0, len(todo), _CHUNK)]
        ranked = fork_map(_rank_chunk, chunks, jobs, _PARALLEL_MIN // _CHUNK)
        for chunk, found in zip(chunks, ranked, strict=True):
            new.related.update(zip(chunk, found, strict=True))
    finally:
        _SHARED = None
    new.related = {a.id: new.related[a.id] for a in articles}  # in the collection's order
    return new


def related_articles(
    articles: tuple[Article, ...],
    members: dict[str, list[Article]],
    limit: int = RELATED_MAX,
    jobs: int = 1,
) -> dict[str, tuple[Article, ...]]:
    """Up to `limit` related articles for each article id (deterministic)."""
    by_id = {a.id: a for a in articles}
    found = update_related(articles, members, None, limit, jobs).related
    return {aid: tuple(by_id[o] for o in others) for aid, others in found.items()}

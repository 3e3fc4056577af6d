"""Related articles: shared tags weighted by rarity, then closeness in date.

Linear in the collection: an article is compared only with its neighbours in date on
each of its tags, so a tag on half the collection costs no more than a rare one.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict

from sitegen.greek import fold
from sitegen.model import Article

RELATED_MAX = 5
WINDOW = 30  # neighbours in date, each side, considered on each tag


def related_articles(
    articles: tuple[Article, ...], members: dict[str, list[Article]], limit: int = RELATED_MAX
) -> dict[str, tuple[Article, ...]]:
    """Up to `limit` related articles for each article id (deterministic).

    members maps each folded tag name to its articles, newest first, as in `articles`.
    """
    total = max(1, len(articles))
    # integer weights keep sums exact, so ties (and the order) never depend on float error
    weight = {key: round(1000 * math.log(1 + total / len(found))) for key, found in members.items()}
    index = {a.id: i for i, a in enumerate(articles)}
    day = [a.date.toordinal() if a.date else 0 for a in articles]
    tag_ids = {key: [index[a.id] for a in found] for key, found in members.items()}
    position = {key: {n: i for i, n in enumerate(ids)} for key, ids in tag_ids.items()}
    out: dict[str, tuple[Article, ...]] = {}
    for me, article in enumerate(articles):
        scores: dict[int, int] = defaultdict(int)
        for tag in {fold(t) for t in article.tags}:
            ids = tag_ids[tag]
            i = position[tag][me]
            w = weight[tag]
            for other in ids[max(0, i - WINDOW) : i + WINDOW + 1]:
                scores[other] += w
        scores.pop(me, None)
        best = heapq.nsmallest(
            limit, scores, key=lambda o: (-scores[o], abs(day[o] - day[me]), articles[o].id)
        )
        out[article.id] = tuple(articles[o] for o in best)
    return out

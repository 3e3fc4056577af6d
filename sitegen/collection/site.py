"""The site model: published articles newest first, pages, and tags, indexed once."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from sitegen.collection.related import RelatedState, related_articles, update_related
from sitegen.core.config import Config
from sitegen.core.keys import digest
from sitegen.core.memo import Memo
from sitegen.core.model import Article, with_changes
from sitegen.greek.slugs import slugify, unique_slugs
from sitegen.greek.text import fold


@dataclass(frozen=True)
class Tag:
    name: str
    slug: str
    articles: tuple[Article, ...]  # newest first


@dataclass(frozen=True)
class Month:
    year: int
    month: int
    articles: tuple[Article, ...]  # newest first


@dataclass(frozen=True)
class Year:
    year: int
    months: tuple[Month, ...]  # newest first
    articles: tuple[Article, ...]  # newest first


@dataclass(frozen=True)
class Site:
    config: Config
    articles: tuple[Article, ...]  # newest first
    pages: tuple[Article, ...]  # standalone pages, by slug
    tags: tuple[Tag, ...]  # in Greek alphabetical order (folded)
    tag_slugs: dict[str, str]  # folded tag name -> slug
    years: tuple[Year, ...] = ()  # newest first
    related: dict[str, tuple[Article, ...]] = field(default_factory=dict)  # by article id
    now: datetime | None = None  # the build's moment, in the site's zone

    def tag_slug(self, name: str) -> str:
        return self.tag_slugs[fold(name)]


def _with_unique_slugs(articles: list[Article]) -> list[Article]:
    """Articles of one day that share a slug get -2, -3 in source-file order."""
    by_day: dict = defaultdict(list)
    for article in sorted(articles, key=lambda a: a.source):
        by_day[article.date].append(article)
    out = []
    for day_articles in by_day.values():
        slugs = unique_slugs([a.slug for a in day_articles])
        out.extend(
            a if a.slug == s else with_changes(a, slug=s)
            for a, s in zip(day_articles, slugs, strict=True)
        )
    return out


def _years(articles: list[Article]) -> tuple[Year, ...]:
    """Years and months that have articles, newest first (articles come newest first)."""
    by_month: dict[tuple[int, int], list[Article]] = defaultdict(list)
    for article in articles:
        assert article.date is not None
        by_month[(article.date.year, article.date.month)].append(article)
    by_year: dict[int, list[Month]] = defaultdict(list)
    for (year, month), found in by_month.items():
        by_year[year].append(Month(year, month, tuple(found)))
    return tuple(
        Year(year, tuple(months), tuple(a for m in months for a in m.articles))
        for year, months in by_year.items()
    )


def _related(
    dated: list[Article], members: dict[str, list[Article]], cache: Memo | None, jobs: int
) -> dict[str, tuple[Article, ...]]:
    """Related articles, worked out again only when some article's id, date or tags
    changed, and then only for the articles on the tags that changed."""
    if cache is None:
        return related_articles(tuple(dated), members, jobs=jobs)
    key = digest([(a.id, a.date.toordinal() if a.date else 0, a.tags) for a in dated])

    def make() -> dict[str, tuple[str, ...]]:
        state = cache.state("related")
        if not isinstance(state, RelatedState):
            state = None
        state = update_related(tuple(dated), members, state, jobs=jobs)
        cache.keep_state("related", state)
        return state.related

    by_id = {a.id: a for a in dated}
    found = cache.derive("related", key, make)
    return {aid: tuple(by_id[o] for o in others) for aid, others in found.items()}


def build_site(
    config: Config,
    items: list[Article],
    drafts: bool = False,
    future: bool = False,
    now: datetime | None = None,
    cache: Memo | None = None,
    jobs: int = 1,
) -> Site:
    """Index the articles once: order, unique slugs, tags, years and months, related.

    Drafts, and articles dated after the day of `now`, are left out unless asked for.
    With a cache, the related articles of the last build are kept where they still hold.
    """
    today = now.date() if now is not None else None
    published = [
        a
        for a in items
        if (drafts or not a.draft) and (future or today is None or a.is_page or a.date <= today)
    ]
    dated = _with_unique_slugs([a for a in published if not a.is_page])
    dated.sort(key=lambda a: a.source)
    dated.sort(key=lambda a: a.date, reverse=True)
    pages = sorted((a for a in published if a.is_page), key=lambda a: (a.slug, a.source))

    names: dict[str, str] = {}
    members: dict[str, list[Article]] = defaultdict(list)
    for article in dated:
        for tag in article.tags:
            key = fold(tag)
            names.setdefault(key, tag)
            members[key].append(article)
    keys = sorted(names, key=lambda k: (k, names[k]))
    slugs = unique_slugs([slugify(names[k]) or "tag" for k in keys])
    tags = tuple(
        Tag(names[k], slug, tuple(members[k])) for k, slug in zip(keys, slugs, strict=True)
    )
    return Site(
        config,
        tuple(dated),
        tuple(pages),
        tags,
        dict(zip(keys, slugs, strict=True)),
        _years(dated),
        _related(dated, members, cache, jobs),
        now,
    )

"""The page plan: every file of the output, as (path, template, context), before rendering."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from sitegen.collection.site import Site
from sitegen.core.errors import Problems
from sitegen.core.keys import bytes_digest, digest
from sitegen.core.model import Article
from sitegen.core.urls import Urls
from sitegen.plan.feeds import feed_pages
from sitegen.plan.images import Drawing, ShareImages
from sitegen.plan.listings import archive_pages, home_pages, tag_pages
from sitegen.plan.planned import PlannedPage
from sitegen.plan.sitemap import sitemap_pages
from sitegen.plan.structured import article_graph, open_graph
from sitegen.plan.views import ArticleViews, article_view


def _article_context(
    article: Article, newer: Article | None, older: Article | None, site: Site, urls: Urls,
    views: ArticleViews, image: dict[str, Any] | None,
) -> dict[str, Any]:  # fmt: skip
    view = article_view(article, site, urls, full=True)
    return {
        "article": view,
        "canonical": view["url"],
        "description": article.summary,
        "image": image,
        "jsonld": article_graph(article, view, site, urls, image),
        "og": open_graph(article, view),
        "related": [views(other) for other in site.related.get(article.id, ())],
        "newer": views(newer) if newer else None,
        "older": views(older) if older else None,
    }


def _page_context(
    page: Article, site: Site, urls: Urls, image: dict[str, Any] | None
) -> dict[str, Any]:
    view = article_view(page, site, urls, full=True)
    return {"article": view, "canonical": view["url"], "description": page.summary, "image": image}


def _article_pages(
    site: Site, urls: Urls, views: ArticleViews, images: ShareImages
) -> list[PlannedPage]:
    plan = []
    articles = site.articles
    keys = views.keys
    for i, article in enumerate(articles):
        newer = articles[i - 1] if i > 0 else None
        older = articles[i + 1] if i + 1 < len(articles) else None
        related = site.related.get(article.id, ())
        # fixed-width keys after a count of each: no two inputs give the same bytes
        inputs = [bytes((len(related), newer is not None, older is not None))]
        inputs += [views.full_key(article), *(keys[other.id] for other in related)]
        inputs += [keys[n.id] for n in (newer, older) if n is not None]
        image = images.of(article)
        key = bytes_digest(b"".join([*inputs, digest(image)]))
        make = partial(_article_context, article, newer, older, site, urls, views, image)
        plan.append(
            PlannedPage(
                urls.article(article),
                "article.html",
                source=article.source,
                make=make,
                key=key,
                lastmod=(article.updated or article.date).isoformat(),  # type: ignore[union-attr]
            )  # fmt: skip
        )
    for page in site.pages:
        image = images.of(page)
        make = partial(_page_context, page, site, urls, image)
        key = digest(views.full_key(page), image)
        plan.append(
            PlannedPage(urls.article(page), "page.html", source=page.source, make=make, key=key)
        )
    return plan


# Folders of the output that sitegen fills itself: a page of the site's may not go there.
_OWN_FOLDERS = {"pagefind": "the search index", "static": "the theme's files"}


def plan_site(
    site: Site,
    statics: dict[str, Path],
    problems: Problems,
    strings: dict[str, str],
    drawing: Drawing | None = None,
) -> list[PlannedPage]:
    """Every output file of the site; two sources writing one path is a problem.
    With a drawing, the default share image and the social cards are made too."""
    urls = Urls(site.config.base_url)
    images = ShareImages(site, urls, statics, problems, drawing)
    # the site's own pages come first, so a content file that takes one of their
    # paths is the one reported (and, with --keep-going, left out)
    views = ArticleViews(site, urls)
    plan = home_pages(site, urls, views)
    plan += tag_pages(site, urls, views)
    plan += archive_pages(site, urls, views, strings.get("archive_heading", "Archive"))
    plan += feed_pages(site, urls, views, images)
    search = {
        "canonical": urls.absolute(urls.search()),
        "parts": [str(year.year) for year in site.years],  # the index's parts, newest first
        "tags": [tag.name for tag in site.tags],
    }
    plan.append(PlannedPage(urls.search(), "search.html", search, "search", key=digest(search)))
    plan.append(PlannedPage(urls.not_found(), "404.html", {}, "404", key=digest("404")))
    plan.append(PlannedPage(".nojekyll", None, {}, "GitHub Pages marker", key=digest("")))
    plan += [
        PlannedPage(out, None, {}, str(src), src, key=bytes_digest(src.read_bytes()))
        for out, src in statics.items()
    ]
    plan += images.pages()
    plan += _article_pages(site, urls, views, images)
    plan += sitemap_pages(site, urls, plan)

    owners: dict[str, PlannedPage] = {}
    for page in plan:
        folder = page.output.split("/", 1)[0]
        if folder in _OWN_FOLDERS and page.source.startswith(("content/", "seeds/")):
            problems.add(
                page.source,
                f"would write {page.output}, in {folder}/, which holds {_OWN_FOLDERS[folder]} "
                "and is made again at every build",
                hint="give it another slug or file name",
            )
        elif page.output in owners:
            first = owners[page.output]
            problems.add(
                page.source,
                f"would write {page.output}, which {first.source} writes too",
                hint="give one of them another slug",
            )
        else:
            owners[page.output] = page
    return list(owners.values())  # the first source of a path keeps it

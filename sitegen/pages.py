"""The page plan: every file of the output, as (path, template, context), before rendering."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitegen.errors import Problems
from sitegen.model import Article
from sitegen.site import Site
from sitegen.urls import Urls
from sitegen.views import article_view, news_article_ld, pagination


@dataclass(frozen=True)
class PlannedPage:
    """One output file: rendered from a template, or copied from a file."""

    path: str  # URL path relative to the site root
    template: str | None
    context: dict[str, Any] = field(default_factory=dict)
    source: str = ""  # what made it, for messages
    copy_from: Path | None = None

    @property
    def output(self) -> str:
        return Urls.output_file(self.path)


def _chunks(items: tuple[Article, ...], size: int) -> list[tuple[Article, ...]]:
    return [items[i : i + size] for i in range(0, len(items), size)] or [()]


def _listing(
    site: Site, urls: Urls, base: str, articles: tuple[Article, ...], template: str, **extra: Any
) -> list[PlannedPage]:
    """A paginated list of articles at base, base/page/2/, ..."""
    chunks = _chunks(articles, site.config.per_page)
    plan = []
    for number, chunk in enumerate(chunks, start=1):
        path = urls.paged(base, number)
        context = {
            "articles": [article_view(a, site, urls) for a in chunk],
            "pagination": pagination(base, number, len(chunks), urls),
            "canonical": urls.absolute(path),
            **extra,
        }
        plan.append(PlannedPage(path, template, context, source=f"listing {base or '/'}"))
    return plan


def _article_pages(site: Site, urls: Urls) -> list[PlannedPage]:
    plan = []
    articles = site.articles
    for i, article in enumerate(articles):
        view = article_view(article, site, urls)
        newer = articles[i - 1] if i > 0 else None
        older = articles[i + 1] if i + 1 < len(articles) else None
        context = {
            "article": view,
            "canonical": view["url"],
            "description": article.summary,
            "jsonld": news_article_ld(article, view, site),
            "newer": {"title": newer.title, "href": urls.href(urls.article(newer))}
            if newer
            else None,
            "older": {"title": older.title, "href": urls.href(urls.article(older))}
            if older
            else None,
        }
        plan.append(PlannedPage(urls.article(article), "article.html", context, article.source))
    for page in site.pages:
        view = article_view(page, site, urls)
        context = {"article": view, "canonical": view["url"], "description": page.summary}
        plan.append(PlannedPage(urls.article(page), "page.html", context, page.source))
    return plan


def _tag_pages(site: Site, urls: Urls) -> list[PlannedPage]:
    index = [
        {"name": t.name, "href": urls.href(urls.tag(t.slug)), "count": len(t.articles)}
        for t in site.tags
    ]
    plan = [
        PlannedPage(
            urls.tags(),
            "tags.html",
            {"tags": index, "canonical": urls.absolute(urls.tags())},
            "tags",
        )
    ]
    for tag in site.tags:
        plan += _listing(
            site, urls, urls.tag(tag.slug), tag.articles, "tag.html", tag={"name": tag.name}
        )
    return plan


FINGERPRINTED = frozenset({"style.css"})  # cached forever, so the name changes with the bytes


def static_files(folders: list[Path]) -> dict[str, Path]:
    """Static files by output path; a later folder (the site's) overrides an earlier one."""
    found: dict[str, Path] = {}
    for folder in folders:
        if folder.is_dir():
            for path in sorted(p for p in folder.rglob("*") if p.is_file()):
                found[path.relative_to(folder).as_posix()] = path
    files: dict[str, Path] = {}
    for name, path in found.items():
        if name in FINGERPRINTED:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()[:10]
            stem, _, suffix = name.rpartition(".")
            name = f"{stem}.{digest}.{suffix}"
        files[Urls.static(name)] = path
    return files


def stylesheet(files: dict[str, Path]) -> str:
    """The output path of the theme's fingerprinted style sheet."""
    return next(
        (out for out in files if out.startswith("static/style.") and out.endswith(".css")), ""
    )


def plan_site(site: Site, statics: dict[str, Path], problems: Problems) -> list[PlannedPage]:
    """Every output file of the site; two sources writing one path is a problem."""
    urls = Urls(site.config.base_url)
    plan = _listing(site, urls, urls.home(), site.articles, "index.html")
    plan += _article_pages(site, urls)
    plan += _tag_pages(site, urls)
    plan.append(
        PlannedPage(
            urls.search(), "search.html", {"canonical": urls.absolute(urls.search())}, "search"
        )
    )
    plan.append(PlannedPage(urls.not_found(), "404.html", {}, "404"))
    plan.append(PlannedPage(".nojekyll", None, {}, "GitHub Pages marker"))
    plan += [PlannedPage(out, None, {}, str(src), src) for out, src in statics.items()]

    owners: dict[str, PlannedPage] = {}
    for page in plan:
        if page.output in owners:
            first = owners[page.output]
            problems.add(
                page.source,
                f"would write {page.output}, which {first.source} writes too",
                hint="give one of them another slug",
            )
        else:
            owners[page.output] = page
    return plan

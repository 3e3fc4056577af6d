"""The plan of sitemap.xml (every article and listing page, lastmod from the content)
and robots.txt; render.sitemap writes them."""

from __future__ import annotations

from sitegen.collection.site import Site
from sitegen.core.keys import digest
from sitegen.core.urls import Urls
from sitegen.plan.planned import PlannedPage


def sitemap_pages(site: Site, urls: Urls, plan: list[PlannedPage]) -> list[PlannedPage]:
    """The sitemap of every HTML page in the plan (but 404 and search), and robots.txt."""
    newest = site.articles[0].date.isoformat() if site.articles and site.articles[0].date else None
    entries = [
        (urls.absolute(page.path), page.lastmod or newest)
        for page in plan
        if page.template is not None
        and page.path not in (urls.not_found(), urls.search())
        and (page.path.endswith("/") or not page.path)
    ]
    sitemap_path = "sitemap.xml"
    data = {"urls": entries}
    robots_data = {"sitemap": urls.absolute(sitemap_path)}
    return [
        PlannedPage(sitemap_path, None, data, "sitemap", writer="sitemap", key=digest(entries)),
        PlannedPage(
            "robots.txt", None, robots_data, "robots", writer="robots", key=digest(robots_data)
        ),
    ]

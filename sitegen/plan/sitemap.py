"""The plan of sitemap.xml (every article and listing page, lastmod from the content),
news-sitemap.xml (the articles of the last two days) and robots.txt; render.sitemap
writes them."""

from __future__ import annotations

from datetime import timedelta

from sitegen.collection.site import Site
from sitegen.core.keys import digest
from sitegen.core.language import primary
from sitegen.core.urls import Urls
from sitegen.greek import dates
from sitegen.plan.planned import PlannedPage

NEWS_WINDOW = timedelta(days=2)  # Google News reads the articles of the last two days
NEWS_MAX = 1000  # and at most this many in one news sitemap


def news_entries(site: Site, urls: Urls) -> list[dict[str, str]]:
    """The articles published in the two days before the build, newest first."""
    if site.now is None:
        return []
    entries = []
    for article in site.articles:  # newest first
        assert article.date is not None
        published = dates.publication_time(article.date, site.config.zone)
        if article.date > site.now.date():
            continue  # dated after today (a --future build): not published yet
        if site.now - published > NEWS_WINDOW:
            break
        entries.append(
            {
                "loc": urls.absolute(urls.article(article)),
                "name": site.config.title,
                "language": primary(site.config.language),
                "date": published.isoformat(),
                "title": article.title,
            }
        )
    return entries[:NEWS_MAX]


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
    data = {"urls": entries}
    news = {"articles": news_entries(site, urls)}
    robots_data = {"sitemaps": [urls.absolute(urls.sitemap()), urls.absolute(urls.news_sitemap())]}
    return [
        PlannedPage(urls.sitemap(), None, data, "sitemap", writer="sitemap", key=digest(entries)),
        PlannedPage(
            urls.news_sitemap(), None, news, "news sitemap", writer="news", key=digest(news)
        ),
        PlannedPage(
            "robots.txt", None, robots_data, "robots", writer="robots", key=digest(robots_data)
        ),
    ]

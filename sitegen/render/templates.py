"""Jinja2 rendering with theme lookup: a site's theme templates override the default's."""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path
from typing import Any

import jinja2
import markupsafe
from babel.core import get_global

from sitegen.collection.site import Site
from sitegen.core.errors import content_error
from sitegen.core.language import primary
from sitegen.core.urls import Urls


def script_json(value: Any) -> markupsafe.Markup:
    """JSON for a <script> element: readable Greek, and no '<', '>' or '&' to end the script."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return markupsafe.Markup(text)


class _Environment(jinja2.Environment):
    """Templates get plain dicts, so `a.b` looks the key up first: Jinja2 would try the
    attribute first, and a failed attribute lookup on every `{{ a.b }}` costs a third
    of the rendering time. Dict methods (`a.get(...)`) still work."""

    listed: dict[str, markupsafe.Markup]  # each article as listings show it, this build

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


def make_environment(
    dirs: list[Path], compiled: jinja2.BytecodeCache | None = None
) -> jinja2.Environment:
    """Templates from the site's theme first; 'default/x.html' always names the default's.

    `compiled` keeps compiled templates between builds (Jinja2 checks their source)."""
    loaders = [jinja2.FileSystemLoader(str(d / "templates")) for d in reversed(dirs)]
    loaders.append(
        jinja2.PrefixLoader({"default": jinja2.FileSystemLoader(str(dirs[0] / "templates"))})
    )
    env = _Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=jinja2.select_autoescape(["html", "xml"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=compiled,
    )
    env.filters["script_json"] = script_json
    env.listed = {}
    env.globals["listed"] = partial(_listed, env)
    return env


def _listed(env: _Environment, article: dict[str, Any], t: dict[str, str]) -> markupsafe.Markup:
    """An article as a listing shows it (the theme's article_item macro), rendered once
    per build and process: its view is the same on every listing page that has it."""
    html = env.listed.get(article["id"])
    if html is None:
        item = getattr(env.get_template("macros.html").module, "article_item", None)
        if item is None:  # a theme's own macros.html, made before article_item
            item = env.get_template("default/macros.html").module.article_item
        try:
            html = markupsafe.Markup(item(article, t))
        except TypeError as exc:  # a theme's article_item with other parameters
            hint = "define it as {% macro article_item(article, t) %}"
            raise content_error("macros.html", f"article_item: {exc}", hint=hint) from None
        env.listed[article["id"]] = html
    return html


def _template_frame(exc: BaseException, template: str) -> tuple[str, int | None]:
    """The innermost template file and line in a rendering error's traceback."""
    found: tuple[str, int | None] = (template, None)
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith((".html", ".xml", ".txt")):
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


class Renderer:
    """Renders planned pages with the site-wide data every template sees."""

    def __init__(self, env: jinja2.Environment, globals_: dict[str, Any]):
        self.env = env
        self.globals = globals_
        if isinstance(env, _Environment):
            env.listed.clear()  # a new build: new views (serve keeps the environment)

    def render(self, template: str, context: dict[str, Any], where: str) -> bytes:
        try:
            html = self.env.get_template(template).render({**self.globals, **context})
        except jinja2.TemplateSyntaxError as exc:
            raise content_error(
                exc.filename or exc.name or template,
                exc.message or "",
                exc.lineno,
                "fix the template",
            ) from None
        except jinja2.TemplateNotFound as exc:
            raise content_error(
                template, f"template {exc.name} not found", hint="add it to the theme's templates/"
            ) from None
        except jinja2.UndefinedError as exc:
            path, line = _template_frame(exc, template)
            message = f"{exc.message} while rendering {where}"
            raise content_error(path, message, line, "fix the template") from None
        return html.encode("utf-8")


def og_locale(language: str) -> str:
    """el -> el_GR: OpenGraph wants a language and a territory."""
    likely = get_global("likely_subtags").get(primary(language), language)
    parts = likely.split("_")
    return f"{parts[0]}_{parts[-1]}" if len(parts) > 1 else parts[0]


def site_globals(
    site: Site,
    strings: dict[str, str],
    urls: Urls,
    css: str,
    search: str | None,
    share_image: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """What every template may use: the site's settings, links and words. `search` is
    the Pagefind version of the site's search index, None for a site without one;
    `share_image` the image of pages that have none of their own."""
    config = site.config
    return {
        "site": {
            "title": config.title,
            "description": config.description,
            "language": config.language,
            "root": urls.root,
            "home_href": urls.href(urls.home()),
            "tags_href": urls.href(urls.tags()),
            "archive_href": urls.href(urls.archive()),
            "search_href": urls.href(urls.search()),
            "css_href": urls.href(css),
            "url": urls.absolute(urls.home()),
            "og_locale": og_locale(config.language),
            "favicon_href": urls.href(urls.static("favicon.svg")),
            "favicon_png_href": urls.href(urls.static("favicon-32.png")),
            "apple_touch_icon_href": urls.href(urls.static("apple-touch-icon.png")),
            "share_image": share_image,
            "search_js_href": urls.href(urls.static("search.js")),
            "pages": [{"title": p.title, "href": urls.href(urls.article(p))} for p in site.pages],
            "pagefind_href": urls.href("pagefind/"),
            "search": search is not None,
            "pagefind_version": search or "",
            "feeds": [
                {"type": "application/rss+xml", "label": "RSS", "href": urls.href(urls.feed_rss())},
                {
                    "type": "application/atom+xml",
                    "label": "Atom",
                    "href": urls.href(urls.feed_atom()),
                },
                {
                    "type": "application/feed+json",
                    "label": "JSON Feed",
                    "href": urls.href(urls.feed_json()),
                },
            ],
        },
        "t": strings,
    }

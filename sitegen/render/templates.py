"""Jinja2 rendering with theme lookup: a site's theme templates override the default's."""

from __future__ import annotations

import contextlib
import gc
import json
import multiprocessing
import signal
from collections.abc import Callable, Iterable
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
import markupsafe
from babel.core import get_global

from sitegen.collection.site import Site
from sitegen.core.config import Config, read_toml, setting_line, settings_file
from sitegen.core.errors import content_error
from sitegen.core.urls import Urls
from sitegen.plan.sitemap import robots, sitemap
from sitegen.render.feeds import WRITERS as FEED_WRITERS

# Files made by code rather than by templates, by the name a PlannedPage gives as writer
WRITERS = {**FEED_WRITERS, "sitemap": sitemap, "robots": robots}


def default_theme_dir() -> Path:
    """The default theme shipped inside the package."""
    return Path(str(resources.files("sitegen.themes") / "default"))


def theme_dirs(site: Path, config: Config) -> list[Path]:
    """Theme folders from most general to most specific: the default, then the site's own."""
    dirs = [default_theme_dir()]
    own = site / "themes" / config.theme
    if own.is_dir() and own.resolve() != dirs[0].resolve():
        dirs.append(own)
    elif config.theme != "default" and not own.is_dir():
        hint = f'create {own} or set theme = "default"'
        where = settings_file(site)
        line = setting_line(where, "theme")
        raise content_error(str(where), f"theme '{config.theme}' not found", line, hint)
    return dirs


def load_strings(dirs: list[Path], language: str) -> dict[str, str]:
    """The theme's words in the site's language (English where a word is missing)."""
    strings: dict[str, str] = {}
    primary = language.replace("_", "-").split("-")[0]
    for name in ("en", primary):
        for folder in dirs:
            path = folder / "i18n" / f"{name}.toml"
            if path.is_file():
                strings.update(read_toml(path, str(path), 'write one word a line: key = "text"'))
    return strings


def script_json(value: Any) -> markupsafe.Markup:
    """JSON for a <script> element: readable Greek, and no '<', '>' or '&' to end the script."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return markupsafe.Markup(text)


class _Environment(jinja2.Environment):
    """Templates get plain dicts, so `a.b` looks the key up first: Jinja2 would try the
    attribute first, and a failed attribute lookup on every `{{ a.b }}` costs a third
    of the rendering time. Dict methods (`a.get(...)`) still work."""

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
    return env


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
    likely = get_global("likely_subtags").get(language.replace("-", "_").split("_")[0], language)
    parts = likely.split("_")
    return f"{parts[0]}_{parts[-1]}" if len(parts) > 1 else parts[0]


def site_globals(site: Site, strings: dict[str, str], urls: Urls, css: str) -> dict[str, Any]:
    """What every template may use: the site's settings, links and words."""
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
            "search_js_href": urls.href(urls.static("search.js")),
            "pages": [{"title": p.title, "href": urls.href(urls.article(p))} for p in site.pages],
            "pagefind_href": urls.href("pagefind/"),
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


# Set in each worker process by fork; never pickled.
_WORKER: tuple[Renderer, list[Any], Callable[[int, bytes], Any] | None] | None = None
PARALLEL_MIN_PAGES = 500  # below this, starting processes costs more than it saves


def _init_worker(
    renderer: Renderer, plan: list[Any], store: Callable[[int, bytes], Any] | None
) -> None:
    global _WORKER
    _WORKER = (renderer, plan, store)


def _start_worker(
    renderer: Renderer, plan: list[Any], store: Callable[[int, bytes], Any] | None
) -> None:
    """A worker process: Ctrl-C reaches every process of the terminal, and the main one
    stops the workers, so they ignore it (quietly, without a traceback each)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _init_worker(renderer, plan, store)


def _render_one(index: int) -> Any:
    assert _WORKER is not None
    renderer, plan, store = _WORKER
    page = plan[index]
    if page.writer:
        data = WRITERS[page.writer](page.data())
    else:
        data = renderer.render(page.template, page.data(), page.source)
    return data if store is None else store(index, data)


def render_plan(
    renderer: Renderer,
    plan: list[Any],
    jobs: int,
    sink: Callable[[int, Any], None],
    progress: Callable[[int, int], None] | None = None,
    only: list[int] | None = None,
    store: Callable[[int, bytes], Any] | None = None,
) -> None:
    """Render every templated page of the plan (or those of `only`, by index), in `jobs`
    forked processes when it pays, handing each page to sink(index in plan, bytes) in
    plan order; progress(done, total) is called as pages are done.

    With `store`, each process that renders a page also stores it (writes it to disk),
    and sink gets what store(index, bytes) returns instead of the bytes: pages then
    never travel between processes."""
    indexes = range(len(plan)) if only is None else only
    todo = [i for i in indexes if plan[i].template or plan[i].writer]
    for name in sorted({plan[i].template for i in todo if plan[i].template}):
        with contextlib.suppress(jinja2.TemplateError):  # errors are reported at render
            renderer.env.get_template(name)  # compiled once here, not in every process
    can_fork = "fork" in multiprocessing.get_all_start_methods()
    if jobs <= 1 or len(todo) < PARALLEL_MIN_PAGES or not can_fork:
        _init_worker(renderer, plan, store)
        _collect((_render_one(i) for i in todo), todo, sink, progress)
    else:
        context = multiprocessing.get_context("fork")
        chunk = max(1, len(todo) // (jobs * 8))
        start = (renderer, plan, store)
        gc.freeze()  # the processes share what exists now; their collector leaves it alone
        try:
            with context.Pool(jobs, initializer=_start_worker, initargs=start) as pool:
                _collect(pool.imap(_render_one, todo, chunksize=chunk), todo, sink, progress)
        finally:
            gc.unfreeze()


def _collect(
    results: Iterable[Any],
    todo: list[int],
    sink: Callable[[int, Any], None],
    progress: Callable[[int, int], None] | None,
) -> None:
    for done, (index, data) in enumerate(zip(todo, results, strict=True), start=1):
        sink(index, data)
        if progress and (done % 200 == 0 or done == len(todo)):
            progress(done, len(todo))

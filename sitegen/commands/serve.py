"""The preview server: build, serve on 127.0.0.1 under the base URL's path, rebuild on change.

Pages are built with the base URL ``http://127.0.0.1:PORT`` plus the *path* of the
configured one, so every link, absolute ones included, stays on the preview, and a link
that forgets the sub-path breaks here as on GitHub Pages; misses get 404.html with
status 404. Served HTML gets a live-reload script (the files never do) that listens to
EVENTS_PATH. Rebuilds are incremental, with the build cache and the templates kept in
memory, and leave the first build's search index as it is.
"""

from __future__ import annotations

import functools
import http.server
import io
import os
import queue
import signal
import sys
import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace
from typing import BinaryIO
from urllib.parse import unquote, urlsplit

import watchfiles

from sitegen.commands.build import BuildOptions, BuildResult, build
from sitegen.commands.livereload import EVENTS_PATH, LiveReload
from sitegen.commands.options import Kept
from sitegen.core.config import load_config
from sitegen.core.errors import SitegenError, UsageError

SOURCES = ("seeds", "content", "themes")  # folders watched recursively
SETTINGS = ("sitegen.toml", "pyproject.toml")
OnBuilt = Callable[[BuildResult], None]  # the CLI's printers, so that serve reports as build does
OnFailed = Callable[[SitegenError], None]


class PreviewServer(http.server.ThreadingHTTPServer):
    """Serves one output folder below ``root_path`` (e.g. /repo/), with optional live reload."""

    daemon_threads = True
    root_path = "/"
    live: LiveReload | None = None

    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # a closed tab is no error
            super().handle_error(request, client_address)  # type: ignore[arg-type]


class PreviewHandler(http.server.SimpleHTTPRequestHandler):
    """Files below the server's root path; 404.html for everything else."""

    server: PreviewServer

    def do_GET(self) -> None:
        if self.server.live is not None and urlsplit(self.path).path == EVENTS_PATH:
            self._events(self.server.live)
        else:
            super().do_GET()

    def send_head(self) -> BinaryIO | None:  # type: ignore[override]
        path = urlsplit(self.path).path
        if "\x00" in unquote(path):  # '/%00': no file has such a name (os.stat would raise)
            self.send_error(400, "bad request path")
            return None
        if path + "/" == self.server.root_path:  # /repo -> /repo/, as on GitHub Pages
            self.send_response(301)
            self.send_header("Location", self.server.root_path)
            self.end_headers()
            return None
        if not path.startswith(self.server.root_path):
            self.send_error(404)
            return None
        page = Path(self.translate_path(path))
        if page.is_dir() and path.endswith("/"):
            page = page / "index.html"
        if self.server.live is None or page.suffix != ".html" or not page.is_file():
            return super().send_head()  # type: ignore[return-value]
        return self._html(200, self.server.live.inject(page.read_bytes()))

    def translate_path(self, path: str) -> str:
        request = urlsplit(path).path
        return super().translate_path("/" + request[len(self.server.root_path) :])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        if self.server.live is not None:
            body = self.server.live.inject(body)
        self._html(404, body)
        if self.command != "HEAD":
            self.wfile.write(body)

    def list_directory(self, path: str) -> None:  # type: ignore[override]
        self.send_error(404)  # a folder without index.html, as on GitHub Pages

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-cache")  # a preview is always fresh
        super().end_headers()

    def _html(self, code: int, body: bytes) -> BinaryIO:
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def _events(self, live: LiveReload) -> None:
        """Server-Sent Events: the build id now and after each change, a ping in between."""
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        seen = ""
        try:
            while not live.closed:
                current = live.wait(seen, timeout=15)
                self.wfile.write(f"data: {current}\n\n".encode() if current != seen else b":\n\n")
                self.wfile.flush()
                seen = current
        except OSError:
            pass  # the page was closed or reloaded

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def make_server(
    out: Path,
    root_path: str,
    port: int,
    live: LiveReload | None = None,
    handler: type[PreviewHandler] = PreviewHandler,
) -> PreviewServer:
    """A server for ``out`` on 127.0.0.1:port (0: any free port) below ``root_path``."""
    server = PreviewServer(("127.0.0.1", port), functools.partial(handler, directory=str(out)))
    server.root_path, server.live = root_path, live
    return server


def watch_site(
    site: Path, out: Path, stop: threading.Event, report: Callable[[set[Path]], None]
) -> None:
    """Report changes to a site's sources, themes and settings, from two threads until stop."""
    site = site.resolve()
    restart = threading.Event()  # a source folder came or went: watch the new set

    def top() -> None:  # the site folder itself, not recursive: out/ and .venv/ cost nothing
        def wanted(_change: watchfiles.Change, path: str) -> bool:
            return Path(path).name in (*SOURCES, *SETTINGS)

        for changes in watchfiles.watch(
            site, watch_filter=wanted, recursive=False, stop_event=stop
        ):
            paths = {Path(p) for _, p in changes}
            if any(p.name in SOURCES for p in paths):
                restart.set()
            report(paths)

    def sources() -> None:
        wanted = watchfiles.DefaultFilter(ignore_paths=[str(out.resolve())])
        either = SimpleNamespace(is_set=lambda: stop.is_set() or restart.is_set())
        while not stop.is_set():
            restart.clear()
            roots = [site / name for name in SOURCES if (site / name).is_dir()]
            if not roots:
                restart.wait(0.5)
                continue
            try:
                for changes in watchfiles.watch(*roots, watch_filter=wanted, stop_event=either):
                    report({Path(p) for _, p in changes})
            except FileNotFoundError:  # a folder vanished before it was watched
                restart.wait(0.5)

    for target in (top, sources):
        threading.Thread(target=target, name=f"watch-{target.__name__}", daemon=True).start()


def _say(message: str) -> None:
    print(f"sitegen serve: {message}", file=sys.stderr, flush=True)


class _Preview:
    """One run of `sitegen serve`: the server, the builds, and the first build's search index."""

    def __init__(self, options: BuildOptions, port: int, on_built: OnBuilt, on_failed: OnFailed):
        self.options, self.on_built, self.on_failed = options, on_built, on_failed
        self.out = options.out or options.site / "dist"
        self.live = LiveReload()
        self.server = make_server(self.out, "/", port, self.live)
        self.port = self.server.server_address[1]
        self.memory = Kept()  # the build cache and templates, kept between rebuilds
        self.changes: queue.Queue[set[Path]] = queue.Queue()
        self.stop = threading.Event()
        threading.Thread(target=self.server.serve_forever, name="serve", daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}{self.server.root_path}"

    def build(self, first: bool) -> None:
        """Build with the preview's base URL; on problems report them all and keep the output."""
        try:
            config = load_config(self.options.site, self.options.base_url)
            root = urlsplit(config.base_url).path or "/"
            if root != self.server.root_path:
                self.server.root_path = root
                if not first:
                    _say(f"the base path changed: now at {self.url}")
            base_url = f"http://127.0.0.1:{self.port}{root}"
            options = replace(
                self.options,
                out=self.out,
                base_url=base_url,
                search=self.options.search and first,
                keep_index=not first and self.options.search,  # the first build's index
                # serves every rebuild
                memory=self.memory,
                on_written=self._reload,
            )
            result = build(options)
        except SitegenError as exc:
            self.on_failed(exc)
            _say("still serving the last good build; fix the files and save to rebuild")
            return
        if result.search == "kept":
            result.search = "kept from the first build"
        self.on_built(result)

    def _reload(self, changed: int) -> None:
        """Open pages reload as soon as the output is complete."""
        if changed:
            self.live.bump()

    def rebuild(self, changed: set[Path]) -> None:
        names = sorted(os.path.relpath(p, self.options.site.resolve()) for p in changed)
        more = f" and {len(names) - 3} more" if len(names) > 3 else ""
        _say(f"{', '.join(names[:3])}{more} changed; rebuilding")
        try:
            self.build(first=False)
        except UsageError as exc:
            print(f"sitegen: {exc}", file=sys.stderr)
        except Exception as exc:  # noqa: BLE001 - a half-saved theme file must not stop the preview
            _say(f"the rebuild failed ({type(exc).__name__}: {exc}); serving the last good build")

    def run(self) -> None:
        self.build(first=True)
        _say(f"serving {self.out} at {self.url} with live reload (Ctrl-C to stop)")
        watch_site(self.options.site, self.out, self.stop, self.changes.put)
        _say(f"watching {'/, '.join(SOURCES)}/, {' and '.join(SETTINGS)} for changes")
        while True:
            try:
                changed = self.changes.get(timeout=1)
            except queue.Empty:
                continue
            while not self.changes.empty():
                changed |= self.changes.get_nowait()
            self.rebuild(changed)

    def close(self) -> None:
        self.stop.set()
        self.live.close()
        self.server.shutdown()
        self.server.server_close()


def _interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def serve(options: BuildOptions, port: int, on_built: OnBuilt, on_failed: OnFailed) -> int:
    """Build, serve and rebuild on change until Ctrl-C or SIGTERM; return the exit code."""
    try:
        preview = _Preview(options, port, on_built, on_failed)
    except OSError as exc:
        hint = "stop the program that uses it, or choose another port with --port"
        print(
            f"sitegen: cannot serve on 127.0.0.1:{port} ({exc.strerror}): {hint}", file=sys.stderr
        )
        return 2
    # Ctrl-C and SIGTERM stop cleanly, even where a parent had Ctrl-C ignored.
    signals = (signal.SIGINT, signal.SIGTERM)
    main = threading.current_thread() is threading.main_thread()
    previous = [signal.signal(signum, _interrupt) for signum in signals] if main else []
    try:
        preview.run()
    except KeyboardInterrupt:
        _say("stopped")
    finally:
        for signum, handler in zip(signals, previous, strict=False):
            signal.signal(signum, handler)
        preview.close()
    return 0

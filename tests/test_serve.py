"""The preview server: the base URL's path, 404.html for misses, live reload, rebuilds, stopping."""

from __future__ import annotations

import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING
from urllib.parse import urlsplit

import pytest

from sitegen.commands.livereload import EVENTS_PATH, LiveReload
from sitegen.commands.serve import make_server

from .conftest import write_site

if TYPE_CHECKING:
    from playwright.sync_api import Browser

TIMEOUT = 20.0  # seconds for anything that waits on the server or on a rebuild


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "index.html").write_text("<p>home</p>\n</body>", "utf-8")
    (tmp_path / "404.html").write_text("<p>not here</p>", "utf-8")
    (tmp_path / "a").mkdir()
    (tmp_path / "a/index.html").write_text("<p>a</p>", "utf-8")
    (tmp_path / "a/style.css").write_text("p {}", "utf-8")
    (tmp_path / "empty").mkdir()
    return tmp_path


def start(folder: Path, live: LiveReload | None = None) -> Iterator[str]:
    httpd = make_server(folder, "/demo/", 0, live)
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def server(folder: Path) -> Iterator[str]:
    yield from start(folder)


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@pytest.mark.parametrize(
    ("path", "status", "body"),
    [
        ("/demo/", 200, "home"),
        ("/demo", 200, "home"),  # redirected to /demo/
        ("/demo/a/", 200, "<p>a</p>"),
        ("/demo/a", 200, "<p>a</p>"),  # redirected to /demo/a/
        ("/demo/missing/", 404, "not here"),
        ("/", 404, "not here"),  # outside the base path, as on GitHub Pages
        ("/a/", 404, "not here"),
        ("/demo/empty/", 404, "not here"),  # no index.html: no folder listing
        ("/demo/../index.html", 200, "home"),  # normalised by the client, never leaves the folder
        (EVENTS_PATH, 404, "not here"),  # live reload is off
        ("/demo/%00", 400, "bad request path"),  # an encoded NUL: no traceback, no hang
        ("/demo/a%00/", 400, "bad request path"),
    ],
)
def test_paths(server: str, path: str, status: int, body: str) -> None:
    code, text = fetch(server + path)
    assert code == status and body in text


def test_live_reload_is_added_to_served_html_only(folder: Path) -> None:
    live = LiveReload()
    before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    for url in start(folder, live):
        code, home = fetch(url + "/demo/")
        assert code == 200 and home.startswith("<p>home</p>\n<script>")
        assert home.endswith("</script>\n</body>") and EVENTS_PATH in home and live.build_id in home
        code, missing = fetch(url + "/demo/nope")
        assert code == 404 and "not here" in missing and EVENTS_PATH in missing
        assert fetch(url + "/demo/a/style.css") == (200, "p {}")
        with urllib.request.urlopen(url + EVENTS_PATH, timeout=TIMEOUT) as events:
            assert events.headers["Content-Type"] == "text/event-stream"
            assert events.readline().decode() == f"data: {live.build_id}\n"
            assert events.readline() == b"\n"
            live.bump()
            assert events.readline().decode() == f"data: {live.build_id}\n"
        live.close()
    assert {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()} == before


class Serve:
    """`sitegen serve` in a subprocess, with its stderr collected line by line."""

    def __init__(self, site: Path, *args: str):
        command = [sys.executable, "-m", "sitegen", "serve", "--site", str(site), *args]
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(
            command, cwd=site, env=env, stderr=subprocess.PIPE, text=True, encoding="utf-8"
        )
        self.lines: list[str] = []
        self._new: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self._new.put(line)

    def wait_for(self, pattern: str, timeout: float = TIMEOUT) -> re.Match[str]:
        """The first line so far or within timeout that matches pattern."""
        deadline = time.monotonic() + timeout
        while True:
            for line in self.lines:
                if match := re.search(pattern, line):
                    return match
            try:
                self.lines.append(self._new.get(timeout=max(0.01, deadline - time.monotonic())))
            except queue.Empty:
                output = "".join(self.lines)
                raise AssertionError(f"no line matching {pattern!r} in:\n{output}") from None

    def url(self) -> str:
        return self.wait_for(r"serving .* at (http://127\.0\.0\.1:\d+/\S*) ").group(1)

    def stop(self, signum: int) -> int:
        self.process.send_signal(signum)
        return self.process.wait(timeout=TIMEOUT)

    def __enter__(self) -> Serve:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.process.kill()  # whatever happened in the test
        self.process.wait(timeout=TIMEOUT)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return write_site(
        tmp_path / "site",
        {
            "seeds/001_0123456789abcdef.txt": "date 2025-09-03 Η Βουλή ψήφισε τον προϋπολογισμό.",
            "content/about.md": "---\ntitle: Σχετικά\n---\nΠρώτη μορφή της σελίδας.\n",
        },
        'title = "Δοκιμή"\nbase_url = "https://example.org/news/"\n',
    )


def build_id(events: IO[bytes]) -> str:
    """The next build id announced on the live-reload event stream."""
    while not (line := events.readline().decode()).startswith("data: "):
        assert line, "the event stream ended"
    return line.removeprefix("data: ").strip()


def until(check: Callable[[], bool], edit: Callable[[], object], timeout: float = TIMEOUT) -> None:
    """Repeat edit() every 2 s until check() is true (a watcher may start a moment late)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        edit()
        for _ in range(20):
            if check():
                return
            time.sleep(0.1)
    raise AssertionError(f"no rebuild within {timeout} s")


def test_serve_previews_rebuilds_and_stops(site: Path) -> None:
    with Serve(site, "--port", "0", "--jobs", "1") as serve:
        url = serve.url()
        port = urlsplit(url).port
        assert url.endswith("/news/")  # the configured path, on the preview server
        code, home = fetch(url)
        assert code == 200 and EVENTS_PATH in home
        built = site / "dist"
        assert not any(
            EVENTS_PATH.encode() in p.read_bytes() for p in built.rglob("*.html")
        )  # the files stay as they are deployed
        feed = (built / "feed.xml").read_text("utf-8")
        assert f"http://127.0.0.1:{port}/news/" in feed and "example.org" not in feed
        code, missing = fetch(url + "no/such/page/")
        assert code == 404 and (built / "404.html").read_text("utf-8").split("</h1>")[0] in missing
        assert fetch(url + "pagefind/2025/pagefind.js")[0] == 200

        about = site / "content/about.md"
        text = about.read_text("utf-8")

        def changed() -> bool:
            return "Δεύτερη μορφή" in fetch(url + "about/")[1]

        events_url = f"http://127.0.0.1:{port}{EVENTS_PATH}"
        with urllib.request.urlopen(events_url, timeout=TIMEOUT) as events:
            first = build_id(events)
            assert f'"{first}"' in home  # the page knows the build it shows
            until(changed, lambda: about.write_text(text.replace("Πρώτη", "Δεύτερη"), "utf-8"))
            while (latest := build_id(events)) == first:
                pass  # reloads are announced once the output is complete
        assert f'"{latest}"' in fetch(url + "about/")[1]
        assert fetch(url + "pagefind/2025/pagefind.js")[0] == 200  # the index survives rebuilds

        broken = site / "content/broken.md"
        broken.write_text("---\ntitle: Λάθος\ndate: 2025-02-30\n---\nΚείμενο.\n", "utf-8")
        serve.wait_for(r"^error: content/broken\.md:3: .*2025-02-30")
        serve.wait_for(r"still serving the last good build")
        assert changed()  # the last good build is still there
        assert serve.stop(signal.SIGINT) == 0  # Ctrl-C
        serve.wait_for(r"sitegen serve: stopped")


def test_serve_stops_on_sigterm(site: Path) -> None:
    with Serve(site, "--port", "0", "--no-search") as serve:
        serve.url()
        assert serve.stop(signal.SIGTERM) == 0


def test_serve_reports_a_busy_port(site: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = str(busy.getsockname()[1])
        result = subprocess.run(
            [sys.executable, "-m", "sitegen", "serve", "--site", str(site), "--port", port],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
        )
    assert result.returncode == 2
    assert f"cannot serve on 127.0.0.1:{port}" in result.stderr and "--port" in result.stderr
    assert not (site / "dist").exists()


def test_open_pages_reload_in_a_browser(site: Path, browser: Browser) -> None:
    with Serve(site, "--port", "0", "--no-search") as serve:
        url = serve.url()
        page = browser.new_page()
        try:
            page.goto(url + "about/")
            page.evaluate("window.notReloaded = true")
            about = site / "content/about.md"
            text = about.read_text("utf-8")

            def reloaded() -> bool:
                return "Τρίτη μορφή" in page.inner_text("main")

            until(reloaded, lambda: about.write_text(text.replace("Πρώτη", "Τρίτη"), "utf-8"))
            assert page.evaluate("window.notReloaded") is None  # a new page, not a patched one
        finally:
            page.close()

"""The preview server serves the output under the base URL's path, with 404.html for misses."""

from __future__ import annotations

import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitegen.serve import make_server


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    (tmp_path / "index.html").write_text("<p>home</p>", "utf-8")
    (tmp_path / "404.html").write_text("<p>not here</p>", "utf-8")
    (tmp_path / "a").mkdir()
    (tmp_path / "a/index.html").write_text("<p>a</p>", "utf-8")
    httpd = make_server(tmp_path, "/demo/", 0)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@pytest.mark.parametrize(
    ("path", "status", "body"),
    [
        ("/demo/", 200, "home"),
        ("/demo/a/", 200, "<p>a</p>"),
        ("/demo/missing/", 404, "not here"),
        ("/", 404, "not here"),  # outside the base path, as on GitHub Pages
        ("/a/", 404, "not here"),
        ("/demo/../index.html", 200, "home"),  # normalised by the client, never leaves the folder
    ],
)
def test_paths(server: str, path: str, status: int, body: str) -> None:
    code, text = fetch(server + path)
    assert code == status and body in text

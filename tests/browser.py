"""Browser tests drive Debian's chromium (never a downloaded browser) with Playwright."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from sitegen.commands.serve import make_server

CHROMIUM = Path("/usr/bin/chromium")
AXE = Path(__file__).resolve().parent.parent / "node_modules/axe-core/axe.min.js"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serving(out: Path, root: str, port: int) -> Iterator[str]:
    """Serve out under root on 127.0.0.1:port; yields the base URL."""
    httpd = make_server(out, root, port)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}{root}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def launch(playwright):
    """Debian's chromium, headless, with no background network."""
    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is missing: apt-get install chromium (.ci/run does)")
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)


def axe_violations(page, tags: list[str] | None = None) -> list[dict]:
    """axe-core's violations on the page (WCAG 2.1 A and AA and best practices)."""
    if not AXE.exists():
        pytest.fail("axe-core is missing: run npm ci (make test does)")
    page.add_script_tag(path=str(AXE))
    tags = tags or ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", tags
    )
    return [
        {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]]}
        for v in result["violations"]
    ]

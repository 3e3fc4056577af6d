"""The repo's own site, under a sub-path and at the root, has no broken link or anchor.

The real link checker (linkchecker, from the test extra) crawls the built site as a
browser would, from the home page, from 404.html and from sitemap.xml, with every
page on 127.0.0.1 counted as internal: a link that forgets the sub-path is an error.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from sitegen.commands.cli import main
from sitegen.commands.serve import PreviewHandler, make_server

from .conftest import REPO

pytestmark = pytest.mark.slow  # the repo's site built and crawled by linkchecker

LINKCHECKER = Path(sys.executable).parent / "linkchecker"
# As root, linkchecker switches to the user nobody, who may not be allowed to read this
# venv: its plugins (AnchorCheck too) then fail to load without a word. The same entry
# point, run without that switch:
AS_ROOT = (
    "import sys; from linkcheck.command import linkchecker as command; "
    "command.drop_privileges = lambda: None; sys.argv[0] = 'linkchecker'; "
    "sys.exit(command.linkchecker())"
)
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


class Handler(PreviewHandler):
    def end_headers(self) -> None:
        self.send_header("LinkChecker", "sitegen tests")  # allows more than 10 requests/s
        super().end_headers()


@contextmanager
def served(out: Path, root: str) -> Iterator[str]:
    httpd = make_server(out, root, 0, handler=Handler)
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}{root}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def linkcheck(tmp_path: Path, host: str, *urls: str) -> subprocess.CompletedProcess[str]:
    """Run linkchecker on urls: intern = all of host, anchors checked, external links not."""
    assert LINKCHECKER.is_file(), "install the test tools: pip install -e '.[test]'"
    config = tmp_path / "linkcheckerrc"
    config.write_text(
        "[checking]\nmaxrequestspersecond=1000\n"
        f"[filtering]\ncheckextern=0\ninternlinks=^{re.escape(host)}/\n"
        "[AnchorCheck]\n",
        encoding="utf-8",
    )
    program = [sys.executable, "-c", AS_ROOT] if os.geteuid() == 0 else [str(LINKCHECKER)]
    command = [*program, "-f", str(config), "--no-status", *urls]
    env = {**os.environ, "HOME": str(tmp_path)}  # no user configuration
    return subprocess.run(command, capture_output=True, text=True, timeout=120, env=env)


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.mark.parametrize("root", ["/demo/", "/"])
def test_the_site_has_no_broken_links(tmp_path: Path, root: str) -> None:
    out = tmp_path / "out"
    with served(out, root) as url:
        host = url[: -len(root)]
        base_url = url.rstrip("/")  # as configure-pages gives it: https://user.github.io/repo
        args = ["build", "--site", str(REPO), "--out", str(out), "--base-url", base_url, "--quiet"]
        assert main(args) == 0
        result = linkcheck(tmp_path, host, url, url + "404.html", url + "sitemap.xml")
        summary = re.search(r"(\d+) links in (\d+) URLs checked\. (\d+) warnings? found\. "
                            r"(\d+) errors? found", result.stdout)  # fmt: skip
        assert summary, result.stdout + result.stderr
        assert (summary[3], summary[4], result.returncode) == ("0", "0", 0), result.stdout

        sitemap = ET.parse(out / "sitemap.xml").getroot()
        locs = [loc.text or "" for loc in sitemap.findall("s:url/s:loc", SITEMAP_NS)]
        assert locs and all(loc.startswith(url) for loc in locs)
        assert {loc: status(loc) for loc in locs} == dict.fromkeys(locs, 200)
        assert int(summary[2]) > len(locs)  # the crawl went through the whole site


def test_the_checker_finds_what_it_must(tmp_path: Path) -> None:
    """A missing page, a link without the sub-path and a missing anchor all count."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "404.html").write_text("<p>not here</p>", encoding="utf-8")
    (site / "index.html").write_text(
        '<body id="top"><a href="#top">ok</a> <a href="/demo/missing/">1</a> '
        '<a href="/about/">2</a> <a href="/demo/#nowhere">3</a> '
        '<a href="https://example.invalid/">not checked</a></body>',
        encoding="utf-8",
    )
    with served(site, "/demo/") as url:
        result = linkcheck(tmp_path, url[: -len("/demo/")], url)
    assert result.returncode == 1
    assert "1 warning found. 2 errors found." in result.stdout, result.stdout
    for broken in ("`/demo/missing/'", "`/about/'", "Anchor `nowhere'"):
        assert broken in result.stdout
    assert "example.invalid" not in result.stdout

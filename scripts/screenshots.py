"""Screenshots of the repo's site for the README, from Debian's headless chromium.

    .venv/bin/python scripts/screenshots.py      # writes docs/screenshots/*.png

Builds the site into a temporary folder (dist/ is left alone), serves it on
127.0.0.1 and photographs the home page and the seed article at phone and desktop width.
"""

from __future__ import annotations

import socket
import sys
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from sitegen.build import BuildOptions, build  # noqa: E402
from sitegen.serve import make_server  # noqa: E402

OUT = REPO / "docs/screenshots"
WIDTHS = {"phone": (390, 844), "desktop": (1280, 900)}
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-sync"]


def main() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "site"
        build(BuildOptions(site=REPO, out=out, base_url=f"http://127.0.0.1:{port}/", search=False))
        article = next(out.glob("2025/09/03/*/index.html")).parent.relative_to(out).as_posix()
        httpd = make_server(out, "/", port)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        OUT.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            for name, path in (("home", ""), ("article", article + "/")):
                for size, (width, height) in WIDTHS.items():
                    page = browser.new_page(viewport={"width": width, "height": height})
                    page.goto(f"http://127.0.0.1:{port}/{path}")
                    page.screenshot(path=str(OUT / f"{name}-{size}.png"))
                    page.close()
            browser.close()
        httpd.shutdown()
    print("\n".join(str(p.relative_to(REPO)) for p in sorted(OUT.glob("*.png"))))


if __name__ == "__main__":
    main()

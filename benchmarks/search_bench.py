"""Search at scale: Pagefind index time and size, and what a first query downloads.

    python benchmarks/search_bench.py -n 1000 10000

Builds benchmarks/corpus.py collections (without and with search), then opens the
search page in Debian's chromium and counts the bytes a first query transfers.
"""

from __future__ import annotations

import argparse
import json
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_collection  # noqa: E402

from sitegen.commands.build import BuildOptions, build  # noqa: E402
from sitegen.commands.serve import make_server  # noqa: E402


def folder_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def first_query_bytes(out: Path, query: str) -> dict[str, int]:
    from playwright.sync_api import sync_playwright

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    httpd = make_server(out, "/", port)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    sizes: dict[str, int] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium",
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{port}/search/")
            page.wait_for_load_state("networkidle")
            page.on("response", lambda r: sizes.__setitem__(r.url, len(r.body())))
            page.fill("#search-query", query)
            page.keyboard.press("Enter")
            page.wait_for_selector("#search-results h2 a", timeout=60000)
            page.wait_for_load_state("networkidle")
            browser.close()
    finally:
        httpd.shutdown()
    return {"requests": len(sizes), "bytes": sum(sizes.values())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--counts", type=int, nargs="+", default=[1000])
    parser.add_argument("--query", default="Κρήτης")
    args = parser.parse_args()
    for count in args.counts:
        with tempfile.TemporaryDirectory() as tmp:
            site = Path(tmp)
            write_collection(site / "seeds", count)
            options = BuildOptions(site=site, search=False)
            build(options)
            start = time.perf_counter()
            result = build(BuildOptions(site=site, search=True))
            total = time.perf_counter() - start
            files, size = folder_size(site / "dist/pagefind")
            report = {
                "articles": count,
                "search_seconds": round(result.seconds.get("search", 0.0), 2),
                "build_with_search_seconds": round(total, 2),
                "index_files": files,
                "index_bytes": size,
                "first_query": first_query_bytes(site / "dist", args.query),
            }
            print(json.dumps(report, ensure_ascii=False))


if __name__ == "__main__":
    main()

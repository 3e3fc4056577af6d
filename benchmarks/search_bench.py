"""Search at scale: the split Pagefind index's time, memory and size, an edit's re-index,
and what a first query downloads and how soon it shows results, in Chromium.

    python benchmarks/search_bench.py -n 1000 10000 [--root /dev/shm] [--json out.json]

Each size: a generated collection in the seed layout (../shared/corpus/gen_corpus.py
when it is there, else benchmarks/corpus.py), built without search, then with search
(index time, the indexer's peak memory: the largest Pagefind process), then once more
after appending a paragraph to one article (the whole `sitegen build` process). Then
the search page in Debian's chromium, with a cold cache, for a one-word query, a
two-word query and a quoted phrase: bytes downloaded and milliseconds from navigation
to the first result on screen.
"""

from __future__ import annotations

import argparse
import json
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
GENERATOR = HERE.parent.parent / "shared/corpus/gen_corpus.py"
SITEGEN = str(Path(sys.executable).parent / "sitegen")
QUERIES = {"one word": "Κύπρος", "two words": "Ζελένσκι Κιμ", "phrase": '"Ευρωπαϊκή Ένωση"'}

# One build in its own process: its stage times, and the largest child's peak memory
# (the biggest Pagefind process; parts are indexed one or two at a time).
BUILD = """
import json, resource, sys
from pathlib import Path
from sitegen.commands.build import BuildOptions, build
r = build(BuildOptions(site=Path(sys.argv[1]), search=sys.argv[2] == "1", jobs=2))
child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"seconds": r.seconds, "search": r.search, "child_peak_mib": child}))
"""


def _collection(site: Path, count: int) -> None:
    if GENERATOR.is_file():
        command = [sys.executable, str(GENERATOR), "-n", str(count), str(site / "seeds")]
        subprocess.run(command, check=True, capture_output=True)
    else:
        from corpus import write_collection

        write_collection(site / "seeds", count)


def _build(site: Path, search: bool) -> dict:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", BUILD, str(site), "1" if search else "0"],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    report = json.loads(done.stdout.splitlines()[-1])
    report["process_seconds"] = round(time.perf_counter() - started, 2)
    return report


def folder_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def first_results(out: Path) -> dict[str, dict[str, float]]:
    """Bytes and time to the first result for each query, each with a cold cache."""
    from playwright.sync_api import sync_playwright

    from sitegen.commands.serve import make_server

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    httpd = make_server(out, "/", port)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    found: dict[str, dict[str, float]] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium",
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            for name, query in QUERIES.items():
                context = browser.new_context()  # a cold cache
                page = context.new_page()
                sizes: dict[str, int] = {}
                page.on("response", lambda r, s=sizes: s.__setitem__(r.url, len(r.body())))
                started = time.perf_counter()
                page.goto(f"http://127.0.0.1:{port}/search/?q={quote(query)}")
                page.wait_for_selector("#search-results h2 a", timeout=120000)
                shown = time.perf_counter() - started
                page.wait_for_load_state("networkidle")
                found[name] = {
                    "ms_to_first_results": round(shown * 1000),
                    "kb_downloaded": round(sum(sizes.values()) / 1024),
                    "requests": len(sizes),
                    "status": page.inner_text("#search-status"),
                }
                context.close()
            browser.close()
    finally:
        httpd.shutdown()
    return found


def measure(count: int, root: Path) -> dict:
    with tempfile.TemporaryDirectory(dir=root) as tmp:
        site = Path(tmp)
        _collection(site, count)
        plain = _build(site, search=False)
        indexed = _build(site, search=True)  # the pages are unchanged: only the index
        files, size = folder_size(site / "dist/pagefind")
        seed = sorted((site / "seeds").iterdir())[count // 2]
        with seed.open("a", encoding="utf-8") as file:
            file.write("\nΜια νέα παράγραφος για τη δοκιμή της αναζήτησης.\n")
        started = time.perf_counter()
        subprocess.run([SITEGEN, "build", "--site", str(site), "--quiet"], check=True)
        edit_seconds = time.perf_counter() - started
        edited = _build(site, search=True)  # nothing changed since: the index is kept
        return {
            "articles": count,
            "build_without_search_seconds": plain["process_seconds"],
            "index_seconds": round(indexed["seconds"].get("search", 0.0), 2),
            "indexer_peak_mib": round(indexed["child_peak_mib"]),
            "index_parts": len([p for p in (site / "dist/pagefind").iterdir() if p.is_dir()]),
            "index_files": files,
            "index_mib": round(size / 1048576, 1),
            "build_after_one_edit_seconds": round(edit_seconds, 2),
            "rebuild_unchanged_search": edited["search"],
            "first_results": first_results(site / "dist"),
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--counts", type=int, nargs="+", default=[1000])
    parser.add_argument("--root", type=Path, default=Path("/dev/shm"), help="where to build")
    parser.add_argument("--json", type=Path, help="also write the reports here")
    args = parser.parse_args()
    reports = []
    for count in args.counts:
        report = measure(count, args.root)
        print(json.dumps(report, ensure_ascii=False), flush=True)
        reports.append(report)
    if args.json:
        args.json.write_text(json.dumps(reports, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()

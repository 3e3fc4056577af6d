"""How long `sitegen serve` takes from saving a file to telling open pages to reload.

    python benchmarks/serve_bench.py -n 10000 --runs 5 [--json out.json]

Starts `sitegen serve --no-search` on a collection from benchmarks/corpus.py, listens
to its live-reload events as an open page does, then saves edits (the same "typo" and
"sentence" edits as build_bench.py) and times each from the save to the reload event:
file watching, the incremental rebuild and the event together.
"""

from __future__ import annotations

import argparse
import json
import queue
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_bench import EDITS  # noqa: E402
from corpus import write_collection  # noqa: E402

from sitegen.commands.livereload import EVENTS_PATH  # noqa: E402


def _events(url: str, found: queue.Queue[tuple[float, str]]) -> None:
    """Every live-reload message, with the time it came."""
    with urllib.request.urlopen(url, timeout=600) as stream:
        for line in stream:
            if line.startswith(b"data:"):
                found.put((time.perf_counter(), line[5:].strip().decode()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--count", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    sitegen = str(Path(sys.executable).parent / "sitegen")
    report: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp)
        write_collection(site / "seeds", args.count)
        command = [sitegen, "serve", "--site", str(site), "--port", "0", "--no-search"]
        server = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
        try:
            assert server.stderr is not None
            for line in server.stderr:
                match = re.search(r"at (http://127\.0\.0\.1:\d+)/", line)
                if match:
                    break
            else:
                raise SystemExit("sitegen serve did not start")
            threading.Thread(target=lambda: [None for _ in server.stderr], daemon=True).start()
            found: queue.Queue[tuple[float, str]] = queue.Queue()
            url = match.group(1) + EVENTS_PATH
            threading.Thread(target=_events, args=(url, found), daemon=True).start()
            _, build_id = found.get(timeout=30)
            for edit, change in EDITS.items():
                seconds = []
                for run in range(args.runs):
                    time.sleep(0.5)
                    saved = time.perf_counter()
                    change(site, run + 10)
                    while True:
                        when, new_id = found.get(timeout=60)
                        if new_id != build_id:
                            build_id = new_id
                            break
                    seconds.append(when - saved)
                report[edit] = {
                    "median_s": round(statistics.median(seconds), 3),
                    "max_s": round(max(seconds), 3),
                }
                print(f"{args.count} articles, {edit}: save to reload event "
                      f"{report[edit]['median_s']} s median, {report[edit]['max_s']} s max "
                      f"({args.runs} saves)", flush=True)  # fmt: skip
        finally:
            server.terminate()
            server.wait(timeout=30)
    if args.json:
        args.json.write_text(json.dumps(report, indent=1) + "\n", "utf-8")


if __name__ == "__main__":
    main()

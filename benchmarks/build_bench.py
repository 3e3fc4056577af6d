"""The build benchmark: clean builds and rebuilds after one edit, per pipeline stage.

    python benchmarks/build_bench.py -n 1000 10000 --runs 3 [--search] [--json out.json]

Collections come from benchmarks/corpus.py (deterministic). Scenarios:
- clean: no output and no cache;
- typo: a word changed in one article's last paragraph, then `sitegen build`;
- sentence: a sentence with a new name added to one article (tags of all are derived again);
- serve typo / serve sentence: the same edits rebuilt in one long-lived process with the
  cache in memory, as `sitegen serve` does.
Every `sitegen build` runs in a fresh Python process; "process s" is its whole wall time,
interpreter start and imports included. The tables show medians of wall time, CPU time
(with child processes) and the peak memory reached by the end of each stage.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_collection  # noqa: E402

CACHE = ".sitegen-cache"

RUN = """
import json, sys
from pathlib import Path
from sitegen.commands.build import BuildOptions, build
r = build(BuildOptions(site=Path(sys.argv[1]), search=sys.argv[2] == "1", jobs={jobs}))
print(json.dumps({{"seconds": r.seconds, "cpu": r.cpu, "peak_mib": r.peak_mib,
                  "pages": r.pages, "changed": r.changed, "rendered": r.rendered}}), flush=True)
import os; os._exit(0)  # as the sitegen command does: no teardown of the whole site
"""

# One process that builds, then edits and rebuilds with the cache in memory (like serve).
SERVE = """
import json, sys
from pathlib import Path
sys.path.insert(0, {bench!r})
from build_bench import EDITS
from sitegen.commands.build import BuildOptions, build
from sitegen.commands.options import Kept
site, memory, out = Path(sys.argv[1]), Kept(), []
options = BuildOptions(site=site, search=False, jobs={jobs}, memory=memory, keep_index=True)
build(options)
for run in range({runs}):
    EDITS[sys.argv[2]](site, run)
    r = build(options)
    out.append({{"seconds": r.seconds, "cpu": r.cpu, "peak_mib": r.peak_mib,
                 "pages": r.pages, "changed": r.changed, "rendered": r.rendered}})
print(json.dumps(out))
"""


def _typo(site: Path, run: int) -> None:
    """A corrected word in one article's last paragraph, away from any name (a word
    next to a name is part of how the name is read, so changes the tags' inputs)."""
    path = sorted((site / "seeds").glob("*.txt"))[17]
    words = path.read_text("utf-8").split(" ")

    def plain(word: str) -> bool:
        return word.isalpha() and word.islower()

    i = max(i for i in range(1, len(words) - 1) if all(map(plain, words[i - 1 : i + 2])))
    words[i] = words[i][:-1] if run % 2 else words[i] + words[i][-1]
    path.write_text(" ".join(words), "utf-8")


def _sentence(site: Path, run: int) -> None:
    """A new sentence naming someone, at the end of one article."""
    path = sorted((site / "seeds").glob("*.txt"))[23]
    text = path.read_text("utf-8").rstrip()
    path.write_text(text + f" Διόρθωση {run}: μίλησε ο Γιάννης Ραφαηλίδης.\n", "utf-8")


EDITS = {"typo": _typo, "sentence": _sentence}


def one_build(site: Path, search: bool, jobs: int) -> dict:
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", RUN.format(jobs=jobs), str(site), "1" if search else "0"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout) | {"process": time.perf_counter() - start}


def serve_builds(site: Path, edit: str, runs: int, jobs: int) -> list[dict]:
    code = SERVE.format(bench=str(Path(__file__).resolve().parent), jobs=jobs, runs=runs)
    result = subprocess.run(
        [sys.executable, "-c", code, str(site), edit], capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def medians(runs: list[dict]) -> dict:
    stages = list(dict.fromkeys(stage for r in runs for stage in r["seconds"]))

    def median(key: str, stage: str) -> float:
        return statistics.median(r[key].get(stage, 0.0) for r in runs)

    report = {
        "stages": {
            stage: {
                "wall_s": round(median("seconds", stage), 3),
                "cpu_s": round(median("cpu", stage), 3),
                "peak_mib": round(median("peak_mib", stage), 1),
            }
            for stage in stages
        },
        "total_wall_s": round(statistics.median(sum(r["seconds"].values()) for r in runs), 3),
        "pages": runs[0]["pages"],
        "rendered": runs[-1]["rendered"],
        "changed_files": runs[-1]["changed"],
    }
    if all("process" in r for r in runs):
        report["process_s"] = round(statistics.median(r["process"] for r in runs), 3)
    return report


def table(name: str, data: dict) -> str:
    process = f", {data['process_s']} s process" if "process_s" in data else ""
    lines = [f"{name}: {data['pages']} files ({data['rendered']} made, {data['changed_files']} "
             f"changed), {data['total_wall_s']} s wall{process} (median)",
             f"  {'stage':<13} {'wall s':>8} {'cpu s':>8} {'peak MiB':>9}"]  # fmt: skip
    for stage, row in data["stages"].items():
        lines.append(f"  {stage:<13} {row['wall_s']:>8} {row['cpu_s']:>8} {row['peak_mib']:>9}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--counts", type=int, nargs="+", default=[1000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--search", action="store_true", help="include the Pagefind index")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    report = {}
    for count in args.counts:
        with tempfile.TemporaryDirectory() as tmp:
            site = Path(tmp)
            write_collection(site / "seeds", count)
            clean = []
            for _ in range(args.runs):
                subprocess.run(["rm", "-rf", str(site / "dist"), str(site / CACHE)], check=True)
                clean.append(one_build(site, args.search, args.jobs))
            report[f"{count} clean"] = medians(clean)
            for edit, change in EDITS.items():
                runs = []
                for run in range(args.runs):
                    change(site, run)
                    runs.append(one_build(site, args.search, args.jobs))
                report[f"{count} {edit}"] = medians(runs)
            if not args.search:
                for edit in EDITS:
                    runs = serve_builds(site, edit, args.runs, args.jobs)
                    report[f"{count} serve {edit}"] = medians(runs)
        for name, data in report.items():
            if name.startswith(f"{count} "):
                print(table(name, data), flush=True)
    if args.json:
        args.json.write_text(json.dumps(report, indent=1) + "\n", "utf-8")


if __name__ == "__main__":
    main()

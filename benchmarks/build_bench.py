"""The build benchmark: clean builds and rebuilds after one edit, per pipeline stage.

    python benchmarks/build_bench.py -n 1000 10000 --runs 3 [--search] [--json out.json]

Collections come from benchmarks/corpus.py (deterministic). Every build runs in a fresh
Python process; the table shows medians of wall time, CPU time (with child processes)
and the peak memory reached by the end of each stage.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_collection  # noqa: E402

RUN = """
import json, sys
from pathlib import Path
from sitegen.build import BuildOptions, build
r = build(BuildOptions(site=Path(sys.argv[1]), search=sys.argv[2] == "1", jobs={jobs}))
print(json.dumps({{"seconds": r.seconds, "cpu": r.cpu, "peak_mib": r.peak_mib,
                  "pages": r.pages, "changed": r.changed}}))
"""


def one_build(site: Path, search: bool, jobs: int) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", RUN.format(jobs=jobs), str(site), "1" if search else "0"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def medians(runs: list[dict]) -> dict:
    stages = list(runs[0]["seconds"])
    return {
        "stages": {
            stage: {
                "wall_s": round(statistics.median(r["seconds"][stage] for r in runs), 3),
                "cpu_s": round(statistics.median(r["cpu"][stage] for r in runs), 3),
                "peak_mib": round(statistics.median(r["peak_mib"][stage] for r in runs), 1),
            }
            for stage in stages
        },
        "total_wall_s": round(statistics.median(sum(r["seconds"].values()) for r in runs), 3),
        "pages": runs[0]["pages"],
        "changed_files": runs[-1]["changed"],
    }


def table(name: str, data: dict) -> str:
    lines = [f"{name}: {data['pages']} files, {data['total_wall_s']} s wall (median)",
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
            paths = write_collection(site / "seeds", count)
            clean = []
            for _ in range(args.runs):
                subprocess.run(["rm", "-rf", str(site / "dist")], check=True)
                clean.append(one_build(site, args.search, args.jobs))
            edited = []
            for run in range(args.runs):
                text = paths[0].read_text("utf-8")
                paths[0].write_text(text.rstrip() + f" Διόρθωση {run}.\n", "utf-8")
                edited.append(one_build(site, args.search, args.jobs))
        report[f"{count} clean"] = medians(clean)
        report[f"{count} after one edit"] = medians(edited)
        for name in (f"{count} clean", f"{count} after one edit"):
            print(table(name, report[name]))
    if args.json:
        args.json.write_text(json.dumps(report, indent=1) + "\n", "utf-8")


if __name__ == "__main__":
    main()

"""sitegen next to Hugo on the same collection, clean builds, measured in one run.

    python benchmarks/hugo_bench.py -n 10000 --runs 3 [--heavy] [--root /dev/shm] [--json out.json]

Needs Debian's `hugo` (apt install hugo). The reference is the lean Hugo site of
../shared/bench/ (minimal layouts with the same kinds of page: Hugo at its fastest):
the collection comes from ../shared/corpus/gen_corpus.py and ../shared/bench/convert.py
turns it into Hugo's Markdown. Each run builds with sitegen (no search, no cache), then
with lean Hugo (then, with --heavy, with a heavier Hugo theme that has what sitegen
makes: year and month taxonomies, summaries, newer/older links), alternating, on a RAM
disk. It prints the median wall time, peak memory of the build process, the files made,
sitegen's stages, and sitegen/Hugo as the median of each run's own ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
sys.path.insert(0, str(HERE))

from corpus import write_collection  # noqa: E402

from sitegen.commands.options import BuildOptions  # noqa: E402
from sitegen.commands.prepare import load  # noqa: E402

LAYOUTS = {
    "_default/baseof.html": """<!DOCTYPE html>
<html lang="el"><head><meta charset="utf-8"><title>{{ .Title }} · {{ site.Title }}</title>
{{ range .AlternativeOutputFormats }}<link rel="alternate" type="{{ .MediaType.Type }}"
href="{{ .Permalink }}">{{ end }}</head>
<body><header><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a></header>
<main>{{ block "main" . }}{{ end }}</main></body></html>
""",
    "_default/single.html": """{{ define "main" }}<article><h1>{{ .Title }}</h1>
<time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time>
{{ .Content }}
<ul>{{ range .GetTerms "tags" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>
{{ end }}</ul>
{{ with .NextInSection }}<a rel="prev" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
{{ with .PrevInSection }}<a rel="next" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
</article>{{ end }}
""",
    "_default/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ $pages := .Pages }}{{ if .IsHome }}{{ $pages = where site.RegularPages "Type" "posts" }}{{ end }}
{{ range (.Paginate $pages).Pages }}<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
<p>{{ .Summary }}</p></article>{{ end }}
{{ template "_internal/pagination.html" . }}{{ end }}
""",
    "_default/terms.html": """{{ define "main" }}<h1>{{ .Title }}</h1><ul>
{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a>
{{ .Count }}</li>{{ end }}</ul>{{ end }}
""",
}

CONFIG = """baseURL = "https://example.org/news/"
title = "Ειδήσεις"
languageCode = "el"
paginate = 10
disableKinds = ["section"]
[permalinks]
posts = "/:year/:month/:day/:slug/"
[taxonomies]
tag = "tags"
year = "years"
month = "months"
[outputs]
home = ["HTML", "RSS"]
term = ["HTML", "RSS"]
taxonomy = ["HTML"]
"""


def hugo_site(site: Path, folder: Path) -> None:
    """The collection as a Hugo site, with sitegen's derived titles and tags."""
    _config, model, _problems = load(BuildOptions(site=site, cache=False))
    (folder / "layouts" / "_default").mkdir(parents=True)
    for name, text in LAYOUTS.items():
        (folder / "layouts" / name).write_text(text, encoding="utf-8")
    (folder / "config.toml").write_text(CONFIG, encoding="utf-8")
    posts = folder / "content" / "posts"
    posts.mkdir(parents=True)
    for article in model.articles:
        assert article.date is not None
        front = {
            "title": article.title,
            "date": article.date.isoformat(),
            "slug": article.slug,
            "summary": article.summary,
            "tags": list(article.tags),
            "years": [f"{article.date.year}"],
            "months": [f"{article.date:%Y-%m}"],
        }
        body = "\n\n".join(article.paragraphs)
        text = f"{json.dumps(front, ensure_ascii=False, indent=1)}\n\n{body}\n"
        (posts / f"{article.id}.md").write_text(text, encoding="utf-8")


def timed(command: list[str], cwd: Path | None = None) -> tuple[float, float, str]:
    """Wall seconds, peak resident memory (MiB) and output of a command (/usr/bin/time)."""
    start = time.perf_counter()
    result = subprocess.run(
        ["/usr/bin/time", "-f", "%M", *command], cwd=cwd, capture_output=True, text=True
    )
    wall = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{command[0]} failed:\n{result.stdout}\n{result.stderr}")
    return wall, int(result.stderr.strip().splitlines()[-1]) / 1024, result.stdout + result.stderr


def lean_hugo_site(seeds: Path, folder: Path) -> None:
    """../shared/bench/hugo-lean with the collection converted by its convert.py."""
    converted = folder.parent / "converted"
    subprocess.run(
        [sys.executable, str(SHARED / "bench/convert.py"), str(seeds), str(converted)],
        check=True, capture_output=True,
    )  # fmt: skip
    shutil.copytree(SHARED / "bench/hugo-lean", folder)
    shutil.copytree(converted / "hugo/posts", folder / "content/posts")


def collection(seeds: Path, count: int) -> None:
    generator = SHARED / "corpus/gen_corpus.py"
    if generator.is_file():
        command = [sys.executable, str(generator), str(seeds), "-n", str(count), "--seed", "11"]
        subprocess.run(command, check=True, capture_output=True)
    else:
        write_collection(seeds, count)


STAGES = re.compile(r"\((read [^)]*)\)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--count", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--heavy", action="store_true", help="also race the heavier Hugo theme")
    parser.add_argument("--root", type=Path, default=Path("/dev/shm"), help="where to build")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    sitegen = [str(Path(sys.executable).parent / "sitegen")]
    with tempfile.TemporaryDirectory(dir=args.root) as tmp:
        site, lean, heavy = Path(tmp) / "site", Path(tmp) / "lean", Path(tmp) / "heavy"
        collection(site / "seeds", args.count)
        lean_hugo_site(site / "seeds", lean)
        tools = {"sitegen": site / "dist", "hugo (lean)": lean / "public"}
        if args.heavy:
            hugo_site(site, heavy)
            tools["hugo (heavy theme)"] = heavy / "public"
        runs: dict[str, list[tuple[float, float, str]]] = {name: [] for name in tools}
        for _ in range(args.runs):
            for name, out in tools.items():
                shutil.rmtree(out, ignore_errors=True)
                if name == "sitegen":
                    command = [*sitegen, "build", "--site", str(site), "--no-search", "--no-cache"]
                else:
                    folder = out.parent
                    command = ["hugo", "--quiet", "--source", str(folder)]
                    command += ["--cacheDir", str(Path(tmp) / "hugo-cache")]
                runs[name].append(timed(command))
        files = {name: sum(len(f) for _, _, f in os.walk(out)) for name, out in tools.items()}
    report: dict[str, object] = {
        name: {
            "wall_s": round(statistics.median(w for w, _, _ in found), 2),
            "peak_mib": round(statistics.median(m for _, m, _ in found)),
            "files": files[name],
        }
        for name, found in runs.items()
    }
    ratios = [s[0] / h[0] for s, h in zip(runs["sitegen"], runs["hugo (lean)"], strict=True)]
    report["ratio"] = round(statistics.median(ratios), 2)
    stages = [STAGES.search(out) for _, _, out in runs["sitegen"]]
    report["sitegen_stages"] = [m.group(1) for m in stages if m]
    print(f"{args.count} articles, clean builds without search, median of {args.runs}:")
    for name in tools:
        row = report[name]
        assert isinstance(row, dict)
        print(f"  {name:<19} {row['wall_s']:>7} s {row['peak_mib']:>6} MiB  {row['files']} files")
    print(f"  sitegen / lean Hugo = {report['ratio']} (median of each run's ratio)")
    for line in report["sitegen_stages"]:  # type: ignore[union-attr]
        print(f"  sitegen stages: {line}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=1) + "\n", "utf-8")


if __name__ == "__main__":
    main()

"""sitegen next to Hugo on the same collection, clean builds, measured in one run.

    python benchmarks/hugo_bench.py -n 10000 --runs 3 [--json out.json]

Needs Debian's `hugo` (apt install hugo). The collection comes from benchmarks/corpus.py.
Hugo gets the same articles as Markdown with the title, date and tags sitegen derived
(Hugo derives nothing), and a small theme with what sitegen makes: article pages with
their tags and newer/older links, a paginated home, tag pages with an RSS feed each,
year and month listings (as taxonomies), and its own sitemap. Both build without a
search index and without a cache; each run alternates the two, and the table gives
median wall time and the peak memory of the build process.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

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


def timed(command: list[str], cwd: Path | None = None) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MiB) of a command, with /usr/bin/time."""
    start = time.perf_counter()
    result = subprocess.run(
        ["/usr/bin/time", "-f", "%M", *command], cwd=cwd, capture_output=True, text=True
    )
    wall = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{command[0]} failed:\n{result.stdout}\n{result.stderr}")
    return wall, int(result.stderr.strip().splitlines()[-1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--count", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    sitegen = [str(Path(sys.executable).parent / "sitegen")]
    with tempfile.TemporaryDirectory() as tmp:
        site, hugo = Path(tmp) / "site", Path(tmp) / "hugo"
        write_collection(site / "seeds", args.count)
        hugo_site(site, hugo)
        runs: dict[str, list[tuple[float, float]]] = {"sitegen": [], "hugo": []}
        for _ in range(args.runs):
            subprocess.run(["rm", "-rf", str(site / "dist"), str(hugo / "public")], check=True)
            command = ["build", "--site", str(site), "--no-search", "--no-cache", "--quiet"]
            runs["sitegen"].append(timed([*sitegen, *command]))
            runs["hugo"].append(timed(["hugo", "--quiet", "--source", str(hugo)]))
        files = {
            "sitegen": sum(len(f) for _, _, f in os.walk(site / "dist")),
            "hugo": sum(len(f) for _, _, f in os.walk(hugo / "public")),
        }
    report = {
        name: {
            "wall_s": round(statistics.median(w for w, _ in found), 2),
            "peak_mib": round(statistics.median(m for _, m in found)),
            "files": files[name],
        }
        for name, found in runs.items()
    }
    report["ratio"] = round(report["sitegen"]["wall_s"] / report["hugo"]["wall_s"], 2)
    print(f"{args.count} articles, clean builds without search, median of {args.runs}:")
    for name in ("sitegen", "hugo"):
        row = report[name]
        print(f"  {name:<8} {row['wall_s']:>7} s  {row['peak_mib']:>5} MiB  {row['files']} files")
    print(f"  sitegen / hugo = {report['ratio']}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=1) + "\n", "utf-8")


if __name__ == "__main__":
    main()

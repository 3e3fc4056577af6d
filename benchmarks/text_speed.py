"""Time the text step (headline, summary, slug, tags) on a generated collection, one core.

    python benchmarks/text_speed.py -n 10000

Reading the files is timed apart from deriving the text; the collection is made with
../shared/corpus/gen_corpus.py into a temporary folder and removed afterwards.
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

from sitegen.collection.tagging import derive_tags
from sitegen.core.errors import Problems
from sitegen.greek import headlines
from sitegen.greek.lexicon import Lexicon
from sitegen.greek.slugs import slugify
from sitegen.sources.decoding import decode
from sitegen.sources.seeds import paragraphs

GEN_CORPUS = Path(__file__).resolve().parents[2] / "shared/corpus/gen_corpus.py"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--count", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "seeds"
        subprocess.run(
            [sys.executable, str(GEN_CORPUS), str(folder), "-n", str(args.count)], check=True
        )
        start = time.perf_counter()
        problems = Problems()
        bodies = {}
        for path in sorted(folder.glob("*.txt")):
            text = decode(path.read_bytes(), path.name, problems) or ""
            bodies[path.stem] = paragraphs(text.strip().split(" ", 2)[2])
        read = time.perf_counter() - start
    # Both steps read wordfreq's Greek list; a build loads it once, so it is loaded here
    # before the clock starts rather than charged to whichever step asks first.
    Lexicon().frequency("και")
    runs: dict[str, list[float]] = {
        "headline": [],
        "headline+summary+slug": [],
        "tags": [],
        "text step": [],
    }
    for _ in range(args.runs):
        start = time.perf_counter()
        titles = [headlines.headline(paras[0]) for paras in bodies.values()]
        headed = time.perf_counter()
        for title, paras in zip(titles, bodies.values(), strict=True):
            slugify(title)
            headlines.summary(paras)
        middle = time.perf_counter()
        derive_tags(bodies)
        end = time.perf_counter()
        runs["headline"].append(headed - start)
        runs["headline+summary+slug"].append(middle - start)
        runs["tags"].append(end - middle)
        runs["text step"].append(end - start)
    result = {"articles": len(bodies), "read_seconds": round(read, 3)}
    # the first run is what a build pays (caches are cold)
    result |= {f"{k}_seconds_first": round(v[0], 3) for k, v in runs.items()}
    result |= {f"{k}_seconds_median": round(statistics.median(v), 3) for k, v in runs.items()}
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()

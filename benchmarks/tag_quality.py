"""Precision and recall of automatic tags, on a hand-tagged set or a generated collection.

    python benchmarks/tag_quality.py tests/fixtures/tagging          # expected.toml beside
    python benchmarks/tag_quality.py --generated 1000                  # ../shared/corpus

For generated collections, the expected tags of an article are the people, places and
cities of gen_corpus.py's lists that occur in its text (in any grammatical case), in the
nominative. The extractor never sees these lists.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

from sitegen.collection.tagging import derive_tags
from sitegen.core.errors import Problems
from sitegen.greek.text import fold
from sitegen.sources.seeds import article_id, paragraphs, read_seed

GEN_CORPUS = Path(__file__).resolve().parents[2] / "shared/corpus/gen_corpus.py"


def read_texts(folder: Path) -> dict[str, list[str]]:
    problems = Problems()
    texts = {}
    for path in sorted(folder.glob("*.txt")):
        article = read_seed(path, path.name, problems)
        if article:
            texts[article.id] = paragraphs(article.text)
    if problems.items:
        sys.exit("\n".join(map(str, problems.items)))
    return texts


def _same(got: str, want: str) -> bool:
    """Equal when folded; a full name also matches its surname (Βλαντίμιρ Πούτιν, Πούτιν),
    which the newsroom accepts either way."""
    got, want = fold(got), fold(want)
    return got == want or got.split()[-1:] == [want] or want.split()[-1:] == [got]


def score(
    predicted: dict[str, tuple[str, ...]],
    expected: dict[str, list[str]],
    acceptable: dict[str, list[str]] | None = None,
) -> dict[str, float]:
    """Micro precision and recall; an acceptable extra is neither right nor wrong."""
    acceptable = acceptable or {}
    right = wrong = missed = 0
    for aid, tags in expected.items():
        got = list(predicted.get(aid, ()))
        hits = [t for t in got if any(_same(t, w) for w in tags)]
        extras = [t for t in got if t not in hits]
        right += len(hits)
        wrong += sum(1 for t in extras if not any(_same(t, a) for a in acceptable.get(aid, [])))
        missed += sum(1 for w in tags if not any(_same(t, w) for t in got))
    return {
        "precision": right / max(1, right + wrong),
        "recall": right / max(1, right + missed),
        "articles": len(expected),
    }


def generated_expectations(
    folder: Path, count: int
) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    spec = importlib.util.spec_from_file_location("gen_corpus", GEN_CORPUS)
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    subprocess.run([sys.executable, str(GEN_CORPUS), str(folder), "-n", str(count)], check=True)
    # The people and places an article is about; its cities are incidental (acceptable).
    names = {
        f[0].split(" ", 1)[1]: [x.split(" ", 1)[1] for x in f] for f in gen.PEOPLE + gen.PLACES
    }
    cities = [city.split(" ", 1)[1] for city in gen.CITIES]
    expected, acceptable = {}, {}
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text("utf-8")
        aid = article_id(path)
        expected[aid] = [n for n, forms in names.items() if any(f in text for f in forms)]
        acceptable[aid] = [c for c in cities if c in text]
    return expected, acceptable


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path)
    parser.add_argument("--generated", type=int, metavar="N")
    parser.add_argument("--max-tags", type=int, default=6)
    parser.add_argument("--show", action="store_true", help="print each article's tags")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.generated:
            folder = Path(tmp) / "seeds"
            expected, acceptable = generated_expectations(folder, args.generated)
        else:
            folder = args.folder
            data = tomllib.loads((folder / "expected.toml").read_text("utf-8"))
            acceptable = data.pop("acceptable", {})
            expected = data
        texts = read_texts(folder)
        start = time.perf_counter()
        predicted = derive_tags(texts, limit=args.max_tags)
        seconds = time.perf_counter() - start
    if args.show:
        for aid in expected:
            print(
                aid, "got:", ", ".join(predicted.get(aid, ())), "| want:", ", ".join(expected[aid])
            )
    result = score(predicted, expected, acceptable) | {"seconds": round(seconds, 3)}
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()

"""Time drawing social cards (sitegen.render.cards) for varied Greek headlines.

    python benchmarks/cards_bench.py -n 1000 [--seed 7] [--out DIR]

Headlines are one to four sentences of benchmarks/corpus.py's Greek news text (so some are
cut with "…"). Prints the cost per card on one core (the first card, which loads the fonts,
apart), PNG sizes, and seconds for 10,000 cards on 1 core and in 2 processes, the latter
from a pool of 2 over the same cards: its wall time (start-up included; inflated when
other work shares the cores) and its workers' CPU time (what 2 idle cores would take).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import article_text  # noqa: E402

from sitegen.render.cards import CardStyle, draw_card, draw_default, load_style  # noqa: E402

THEME = Path(__file__).resolve().parents[1] / "themes" / "default"
MONTHS = "Ιανουαρίου Φεβρουαρίου Μαρτίου Απριλίου Μαΐου Ιουνίου Ιουλίου Αυγούστου Σεπτεμβρίου Οκτωβρίου Νοεμβρίου Δεκεμβρίου".split()  # noqa: E501


def cards(count: int, seed: int) -> list[tuple[str, str]]:
    """(headline, date) pairs; the same arguments give the same cards."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        day = date(2022, 1, 1) + timedelta(days=rng.randrange(1200))
        text = article_text(rng, day).split(" ", 3)[3].replace("\n\n", " ")  # no " date …"
        sentences = [s + "." for s in text.split(". ") if s]
        headline = " ".join(sentences[: rng.choice([1, 1, 1, 2, 2, 3, 4])]).rstrip(".")
        out.append((headline, f"{day.day} {MONTHS[day.month - 1]} {day.year}"))
    return out


def _draw(batch: list[tuple[str, str]], style: CardStyle) -> float:
    """CPU seconds a worker spent drawing its cards."""
    start = time.process_time()
    for headline, day in batch:
        draw_card(headline, day, "Ειδήσεις", style)
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, help="also write the cards here as PNG files")
    args = parser.parse_args()
    style = load_style([THEME])
    todo = cards(args.count, args.seed)
    start = time.perf_counter()
    draw_card(*todo[0], "Ειδήσεις", style)
    first = time.perf_counter() - start
    times, sizes = [], []
    for number, (headline, day) in enumerate(todo):
        start = time.perf_counter()
        png = draw_card(headline, day, "Ειδήσεις", style)
        times.append(time.perf_counter() - start)
        sizes.append(len(png))
        if args.out:
            args.out.mkdir(parents=True, exist_ok=True)
            (args.out / f"{number:05d}.png").write_bytes(png)
    start = time.perf_counter()
    logo = THEME / "static" / "logo.png"
    default = draw_default("Ειδήσεις", "Ειδήσεις και ανάλυση, με αρχείο ανά ημέρα.", logo, style)
    default_s = time.perf_counter() - start
    start = time.perf_counter()
    with ProcessPoolExecutor(2) as pool:
        halves = [todo[0::2], todo[1::2]]
        cpu = sum(pool.map(_draw, halves, [style, style]))
    pooled = time.perf_counter() - start
    mean = statistics.fmean(times)
    lengths = [len(headline) for headline, _ in todo]
    print(f"{len(todo)} cards, headlines of {min(lengths)}-{max(lengths)} characters")
    print(f"first card (fonts loaded): {first * 1000:.1f} ms")
    print(
        f"per card, 1 core: mean {mean * 1000:.1f} ms, median "
        f"{statistics.median(times) * 1000:.1f} ms, p95 "
        f"{statistics.quantiles(times, n=20)[-1] * 1000:.1f} ms"
    )
    print(
        f"PNG per card: mean {statistics.fmean(sizes) / 1024:.1f} KiB, "
        f"max {max(sizes) / 1024:.1f} KiB; default image {len(default) / 1024:.1f} KiB "
        f"in {default_s * 1000:.1f} ms"
    )
    print(f"10,000 cards, 1 core: {mean * 10_000:.1f} s (projected)")
    print(
        f"10,000 cards, 2 processes: {pooled / len(todo) * 10_000:.1f} s (projected from "
        f"{pooled:.2f} s wall for {len(todo)} cards, pool start-up included); "
        f"{cpu / len(todo) * 10_000 / 2:.1f} s from the workers' CPU time "
        f"({cpu / len(todo) * 1000:.1f} ms a card), as on 2 idle cores"
    )


if __name__ == "__main__":
    main()

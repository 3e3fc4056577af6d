"""Deterministic collections of Greek news articles in the seed layout, for tests and benchmarks.

    python benchmarks/corpus.py OUT -n 1000 [--seed 7]

Each file is NNNNN_<16 hex>.txt: ' date YYYY-MM-DD <lead>', then paragraphs separated by
blank lines, as the newsroom delivers them. Names appear in different grammatical cases.
"""

from __future__ import annotations

import argparse
import hashlib
import random
from datetime import date, timedelta
from pathlib import Path

# (nominative with article, genitive, accusative)
PEOPLE = [
    ("ο Ανδρέας Λοβέρδος", "του Ανδρέα Λοβέρδου", "τον Ανδρέα Λοβέρδο"),
    ("η Ντόρα Μπακογιάννη", "της Ντόρας Μπακογιάννη", "την Ντόρα Μπακογιάννη"),
    ("ο Γιάννης Στουρνάρας", "του Γιάννη Στουρνάρα", "τον Γιάννη Στουρνάρα"),
    ("ο Νίκος Δένδιας", "του Νίκου Δένδια", "τον Νίκο Δένδια"),
    ("η Άννα Διαμαντοπούλου", "της Άννας Διαμαντοπούλου", "την Άννα Διαμαντοπούλου"),
    ("ο Όλαφ Σολτς", "του Όλαφ Σολτς", "τον Όλαφ Σολτς"),
]
PLACES = [
    ("η Κρήτη", "της Κρήτης", "την Κρήτη"),
    ("η Πάτρα", "της Πάτρας", "την Πάτρα"),
    ("η Ρόδος", "της Ρόδου", "τη Ρόδο"),
    ("η Ιταλία", "της Ιταλίας", "την Ιταλία"),
    ("η Ισπανία", "της Ισπανίας", "την Ισπανία"),
    ("η Αίγυπτος", "της Αιγύπτου", "την Αίγυπτο"),
    ("η Ήπειρος", "της Ηπείρου", "την Ήπειρο"),
]
TOPICS = ["τις συντάξεις", "τον τουρισμό", "τα λιμάνια", "την αγροτική παραγωγή",
          "την ψηφιακή διακυβέρνηση", "τις μεταφορές", "την πολιτική προστασία"]  # fmt: skip
LEADS = [
    "{P0n} επισκέφθηκε {L0a} για να συζητήσει {T} με τις τοπικές αρχές.",
    "Νέο σχέδιο για {T} παρουσίασε {P0n}, με έμφαση στις ανάγκες {L0g}.",
    "Σύμφωνα με ανακοίνωση {L0g}, {P0n} θα εξετάσει {T} τις επόμενες ημέρες.",
    "«Προχωράμε με σχέδιο για {T}», δήλωσε {P0n} μιλώντας για {L0a}.",
]
BODY = [
    "Στη συνάντηση συμμετείχε και {P1n}, που ζήτησε περισσότερους πόρους για {L1a}.",
    "Οι εκπρόσωποι {L1g} χαρακτήρισαν την πρόταση θετικό βήμα.",
    "Η αντιπολίτευση άσκησε κριτική {P0g.short} για καθυστερήσεις σε {T}.",
    "Την Τρίτη αναμένεται νέα σύσκεψη με τη συμμετοχή {P1g}.",
    "«Δεν θα αφήσουμε κανέναν πίσω», τόνισε {P1n}.",
    "Κάτοικοι {L0g} διαμαρτυρήθηκαν τον Μάιο για τις καθυστερήσεις.",
]


class _Short(str):
    """Lets a template write {P0g.short}: the genitive without the first name."""

    @property
    def short(self) -> str:
        article, *names = self.split()
        return " ".join([article, names[-1]])


def article_text(rng: random.Random, day: date) -> str:
    people = rng.sample(PEOPLE, 2)
    places = rng.sample(PLACES, 2)
    fields = {"T": rng.choice(TOPICS)}
    for i, (nom, gen, acc) in enumerate(people):
        fields |= {f"P{i}n": nom, f"P{i}g": _Short(gen), f"P{i}a": acc}
    for i, (nom, gen, acc) in enumerate(places):
        fields |= {f"L{i}n": nom, f"L{i}g": gen, f"L{i}a": acc}
    lead = rng.choice(LEADS).format(**fields)
    lead = lead[0].upper() + lead[1:]
    paragraphs = [lead]
    for _ in range(rng.randint(2, 6)):
        sentences = [rng.choice(BODY).format(**fields) for _ in range(rng.randint(1, 3))]
        paragraphs.append(" ".join(s[0].upper() + s[1:] for s in sentences))
    return f" date {day.isoformat()} " + "\n\n".join(paragraphs) + "\n\n"


def write_collection(out: Path, count: int, seed: int = 7, start: date = date(2022, 1, 1),
                     days: int = 1200) -> list[Path]:  # fmt: skip
    """Write count articles into out; the same arguments give the same bytes."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    width = max(3, len(str(count - 1)))
    paths = []
    for i in range(count):
        day = start + timedelta(days=rng.randrange(days))
        digest = hashlib.sha256(f"{seed}:{i}".encode()).hexdigest()[:16]
        path = out / f"{i:0{width}d}_{digest}.txt"
        path.write_text(article_text(rng, day), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("-n", "--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    write_collection(args.out, args.count, args.seed)


if __name__ == "__main__":
    main()

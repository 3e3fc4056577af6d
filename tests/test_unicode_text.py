"""Unicode normalisation of the text read from seeds and Markdown (sitegen.sources.unicode)."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from sitegen.commands.cli import main
from sitegen.core.errors import Problems
from sitegen.sources import unicode as textnorm
from sitegen.sources.decoding import decode
from sitegen.sources.unicode import normalize_text

from .conftest import FIXTURES, REPO, soup, write_site

SEED = REPO / "seeds" / "000_7ec5fab1d3816db2.txt"
LATIN_O = "\N{LATIN SMALL LETTER O}"
LATIN_T = "\N{LATIN CAPITAL LETTER T}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # already clean: returned as it is
        ("Ο Πούτιν συνάντησε τον Κιμ στο Πεκίνο.", "Ο Πούτιν συνάντησε τον Κιμ στο Πεκίνο."),
        (
            "«Ό,τι μπορεί» – 2,5% … 1.000 €\n\n\tΝέα γραμμή",
            "«Ό,τι μπορεί» – 2,5% … 1.000 €\n\n\tΝέα γραμμή",
        ),
        ("", ""),
        # Latin-only words stay Latin, next to Greek ones too
        (
            "Η Moody's και η Tesla, με CEO τον Elon Musk.",
            "Η Moody's και η Tesla, με CEO τον Elon Musk.",
        ),
        ("NATO, KKE και ΝΑΤΟ", "NATO, KKE και ΝΑΤΟ"),  # Latin, Latin, Greek: all kept
        # 1. NFC
        ("Ρωσι\u0301α", "Ρωσία"),
        ("Ι\u0308\u0301 ι\u0308\u0301", "\u03aa\u0301 \u0390"),  # Ϊ and an accent; ΐ is one
        ("καλ\u1f71", "καλ\u03ac"),  # oxia is tonos
        ("Πού είσαι\u037e", "Πού είσαι;"),  # the Greek question mark is ;
        ("άνω\u0387 τελεία", "άνω\u00b7 τελεία"),
        # 2. invisible characters inside words
        ("Πού\u200bτιν", "Πούτιν"),
        ("Ρω\u200cσί\u200dα", "Ρωσία"),
        ("Κι\u2060μ", "Κιμ"),
        ("Κίνα\ufeff και", "Κίνα και"),
        ("συνα\u00adντή\u00adθηκε", "συναντήθηκε"),
        ("\u200eΑθήνα\u200f \u202eαβγ\u202c \u2066Κίεβο\u2069", "Αθήνα αβγ Κίεβο"),
        ("ο\u200b\u0301", "ό"),  # the accent meets its letter: composed
        ("Αθ\U000e0041ήνα", "Αθήνα"),  # a stray tag character
        ("👩\u200d💻 και 👍", "👩\u200d💻 και 👍"),  # an emoji sequence keeps its joiner
        (
            "🏴\U000e0067\U000e0062\U000e0077\U000e006c\U000e0073\U000e007f",
            "🏴\U000e0067\U000e0062\U000e0077\U000e006c\U000e0073\U000e007f",
        ),  # the flag of Wales
        # 3. control characters
        ("α\x00β\x07γ\x1b\x7fδ", "αβγδ"),
        ("α\x80β\x9fγ", "αβγ"),
        ("α\x0bβ\x0cγ\x85δ\x1fε", "α β γ δ ε"),  # white-space controls split words
        ("α\tβ\nγ\rδ", "α\tβ\nγ\rδ"),
        # 4. symbol forms of Greek letters next to Greek letters
        ("Σύ\u00b5φωνα \u00b5ε τον", "Σύμφωνα με τον"),
        ("γρα\u00b5\u00b5ή", "γραμμή"),
        ("5 \u00b5m, 3 \u00b5g/m³ και \u00b5", "5 \u00b5m, 3 \u00b5g/m³ και \u00b5"),
        ("\u03d0ι\u03d0λίο, \u03d1έμα, \u03d5ως", "βιβλίο, θέμα, φως"),
        ("\u03d5 = 2", "\u03d5 = 2"),
        ("\u03f2οφία", "\u03f2οφία"),  # the lunate sigma is a letter form of its own
        # 5. Latin look-alikes in Greek words, and the reverse
        (f"Π{LATIN_O}ύτιν", "Πούτιν"),
        (f"{LATIN_T}ούρκους", "Τούρκους"),
        ("ΗΠ\N{LATIN CAPITAL LETTER A}", "ΗΠΑ"),
        ("\N{LATIN CAPITAL LETTER K}ΚΕ", "ΚΚΕ"),  # every letter has a twin: Greek
        ("Π\N{LATIN SMALL LETTER O WITH ACUTE}λη", "Πόλη"),
        (f"{LATIN_T}\u00b5ήμα", "Τμήμα"),
        (f"Π{LATIN_O}\u200bύτιν", "Πούτιν"),
        ("Πutin", "Πutin"),  # u, t, i, n have no Greek twin
        ("G\N{GREEK CAPITAL LETTER OMICRON}OGLE", "GOOGLE"),  # one Greek letter slipped in
        ("ΕΡΤflix", "ΕΡΤflix"),  # a Greek acronym before a Latin word: left alone
        ("Π\N{CYRILLIC SMALL LETTER O}ύτιν", "Π\N{CYRILLIC SMALL LETTER O}ύτιν"),  # not Latin
    ],
)
def test_normalize_text(text: str, expected: str) -> None:
    assert normalize_text(text) == expected


def test_clean_text_is_the_same_object() -> None:
    text = SEED.read_text("utf-8")
    assert normalize_text(text) is text


def test_normal_files_read_byte_for_byte() -> None:
    for path in [SEED, *FIXTURES.rglob("*.txt"), *FIXTURES.rglob("*.md")]:
        raw = path.read_bytes()
        text = decode(raw, path.name, Problems())
        assert text is not None
        assert text.encode("utf-8") == raw.removeprefix(b"\xef\xbb\xbf").replace(b"\r\n", b"\n")


def test_decode_normalises() -> None:
    raw = "date 2025-09-03 Ο Πού\u200bτιν\r\nκαι ο Κι\u0301μ.".encode()
    assert decode(raw, "x", Problems()) == "date 2025-09-03 Ο Πούτιν\nκαι ο Κίμ."


def test_every_format_character_is_removed_inside_a_word() -> None:
    """Against the Unicode data of the running Python: no Cf character is missing."""
    for code in range(0x110000):
        if unicodedata.category(chr(code)) == "Cf":
            assert normalize_text(f"Πού{chr(code)}τιν") == "Πούτιν", hex(code)


def test_fast_check_covers_only_stable_characters() -> None:
    """Every character the fast check passes is NFC next to any other, and the full
    path leaves it as it is (a leading zero-width space forces the full path)."""
    clean = [chr(c) for c in range(0x10000) if textnorm._CLEAN_RUN.fullmatch(chr(c))]
    assert len(clean) > 200
    for c in clean:
        assert unicodedata.combining(c) == 0 and unicodedata.is_normalized("NFC", c)
        assert normalize_text(f"\u200bα{c}α") == f"α{c}α"
    assert all(unicodedata.is_normalized("NFC", a + b) for a in clean for b in clean)


_ALPHABET = (
    "αοπτΠΟΤςάύ"  # Greek letters,
    "aoAOTPtu_1"  # Latin ones (twins and not) and other word characters,
    "\u00b5\u03d0\u200b\u200d\u00ad\u0301\u0308\ufe0f\x0b\x07 \n\t.👩🏴\U000e0067"  # the rest
)


@given(st.text(alphabet=_ALPHABET, max_size=40))
@example("A\u200d\u0301\u200d")  # with a joiner gone, the accent makes Á, next to the other
@example("aΟ\u0308\u200d")  # made Latin, Ο̈ becomes Ö, a letter next to the joiner
@example("ΟAϐ")  # made Greek, ϐ is β
def test_fast_and_full_paths_agree(text: str) -> None:
    """The fast check and the full path give the same, in NFC, and a second pass
    changes nothing."""
    once = normalize_text(text)
    assert normalize_text("\u200b" + text) == once
    assert normalize_text(once) == once
    assert unicodedata.is_normalized("NFC", once)


# The one real seed and three copies that read the same: decomposed; with zero-width
# spaces, soft hyphens and a word joiner inside words; with Latin look-alike letters.
INVISIBLE = [
    ("Πούτιν", "Πού\u200bτιν"),
    ("Ρωσία", "Ρω\u00adσία"),
    ("Κορέα", "Κο\u00adρέα"),
    ("Πεκίνο", "Πε\u200bκί\u00adνο"),
    ("πρόεδρος", "πρό\u2060εδρος"),
]
LOOKALIKE = [
    ("Πούτιν", f"Π{LATIN_O}ύτιν"),
    ("Ρωσία", "\N{LATIN CAPITAL LETTER P}ωσία"),
    ("Κιμ", "\N{LATIN CAPITAL LETTER K}ιμ"),
    ("Κορέα", "\N{LATIN CAPITAL LETTER K}ορέα"),
    ("Πεκίνο", f"Πεκίν{LATIN_O}"),
    ("πρόεδρος", f"πρόεδρ{LATIN_O}ς"),
]


def _copy(text: str, replacements: list[tuple[str, str]]) -> str:
    for old, new in replacements:
        assert old in text
        text = text.replace(old, new)
    return text


def _articles(root: Path, seeds: dict[str, str]) -> dict[str, dict]:
    """Build a site of these seeds; each article's slug, title, tags and paragraphs."""
    write_site(root, {f"seeds/{name}": text for name, text in seeds.items()})
    assert main(["build", "--site", str(root), "--quiet", "--no-search", "--no-cache"]) == 0
    found = {}
    for path in (root / "dist").glob("2025/09/03/*/index.html"):
        page = soup(path)
        graph = [json.loads(s.string) for s in page.find_all("script", type="application/ld+json")]
        [data] = [d for d in graph if d["@type"] == "NewsArticle"]
        found[data["identifier"]] = {
            "slug": path.parent.name,
            "title": page.title.get_text(),
            "h1": page.h1.get_text(),
            "tags": data["keywords"],
            "shown_tags": [a.get_text() for a in page.select('a[rel~="tag"]')],
            "body": [p.get_text() for p in page.select("article .body p")],
        }
    return found


def test_copies_in_other_spellings_read_the_same(tmp_path: Path) -> None:
    text = SEED.read_text("utf-8")
    copies = {
        "001_nfd.txt": unicodedata.normalize("NFD", text),
        "002_invisible.txt": _copy(text, INVISIBLE),
        "003_lookalike.txt": _copy(text, LOOKALIKE),
    }
    assert all(copy != text for copy in copies.values())
    alone = _articles(tmp_path / "alone", {SEED.name: text})
    together = _articles(tmp_path / "together", {SEED.name: text, **copies})

    headline = "Ο πρόεδρος της Ρωσίας συναντήθηκε με τον Βορειοκορεάτη ηγέτη στο Πεκίνο"
    slug = "o-proedros-tis-rosias-synantithike-me-ton-voreiokoreati-igeti-sto-pekino"
    tags = ["Ρωσία", "Βόρεια Κορέα", "Πούτιν", "Κιμ", "Ουκρανία", "Κουρσκ"]
    original = together["7ec5fab1d3816db2"]
    assert original == alone["7ec5fab1d3816db2"]  # the copies change nothing of it
    assert original["h1"] == headline and original["slug"] == slug
    assert original["tags"] == original["shown_tags"] == tags
    assert sorted(a["slug"] for a in together.values()) == [
        slug,
        f"{slug}-2",  # the same headline on the same day: numbered in file order
        f"{slug}-3",
        f"{slug}-4",
    ]
    for name in copies:
        article = together[name[4:-4]]
        assert article["h1"] == headline
        assert re.sub(r"-\d$", "", article["slug"]) == slug
        assert article["tags"] == article["shown_tags"] == tags
        assert article["body"] == original["body"]  # the text shows exactly as the original
        assert article["title"] == original["title"]
        assert unicodedata.is_normalized("NFC", article["title"])

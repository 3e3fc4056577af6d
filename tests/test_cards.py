"""Social cards: image size, same bytes every time, line wrapping and cutting, the style
from card.toml (overrides, errors), the style key, and the bundled font's Greek."""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from sitegen.core.errors import SitegenError
from sitegen.render.cards import (
    CARD_HEIGHT,
    CARD_WIDTH,
    CardStyle,
    card_font,
    draw_card,
    draw_default,
    ellipsize,
    headline_layout,
    load_style,
    share_key,
    style_key,
    wrap_lines,
)

from .conftest import REPO

DEFAULT = REPO / "themes" / "default"
LOGO = DEFAULT / "static" / "logo.png"
STRUCK = "Νέο σχέδιο για την ψηφιακή διακυβέρνηση παρουσίασε η Άννα Διαμαντοπούλου"
LONG = (
    f"{STRUCK}, με έμφαση στις ανάγκες της Ηπείρου. Στη συνάντηση συμμετείχε και ο Νίκος "
    "Δένδιας, που ζήτησε περισσότερους πόρους για την Κρήτη."
)


@pytest.fixture(scope="module")
def style() -> CardStyle:
    return load_style([DEFAULT])


def png(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG"
    return image


@pytest.mark.parametrize(
    "headline",
    ["Σεισμός 4,8 Ρίχτερ στην Κρήτη", LONG, LONG * 5, "", "Αντισυνταγματικότητα" * 8],
)
def test_a_card_is_a_1200_by_630_png(headline: str, style: CardStyle) -> None:
    image = png(draw_card(headline, "3 Σεπτεμβρίου 2025", "Ειδήσεις", style))
    assert image.size == (CARD_WIDTH, CARD_HEIGHT) == (1200, 630)
    assert "dpi" not in image.info and not image.text  # nothing but the pixels


@pytest.mark.parametrize(
    ("description", "logo"), [("Ειδήσεις και ανάλυση.", LOGO), ("", LOGO), ("", None)]
)
def test_the_default_image_is_a_1200_by_630_png(
    description: str, logo: Path | None, style: CardStyle
) -> None:
    assert png(draw_default("Ειδήσεις", description, logo, style)).size == (1200, 630)


def test_the_same_card_gives_the_same_bytes(style: CardStyle) -> None:
    card = draw_card(LONG, "3 Σεπτεμβρίου 2025", "Ειδήσεις", style)
    assert card == draw_card(LONG, "3 Σεπτεμβρίου 2025", "Ειδήσεις", style)
    assert card != draw_card(LONG, "4 Σεπτεμβρίου 2025", "Ειδήσεις", style)
    default = draw_default("Ειδήσεις", "Ειδήσεις και ανάλυση.", LOGO, style)
    assert default == draw_default("Ειδήσεις", "Ειδήσεις και ανάλυση.", LOGO, style)
    # and in a fresh process, with no fonts loaded before
    code = (
        "import hashlib, sys; from pathlib import Path; from sitegen.render import cards; "
        "s = cards.load_style([Path(sys.argv[1])]); "
        "print(hashlib.sha256(cards.draw_card(sys.argv[2], '3 Σεπτεμβρίου 2025', 'Ειδήσεις', "
        "s)).hexdigest())"
    )
    run = [sys.executable, "-c", code, str(DEFAULT), LONG]
    fresh = subprocess.run(run, capture_output=True, text=True, check=True).stdout.strip()
    assert fresh == hashlib.sha256(card).hexdigest()


# DejaVu Sans Bold at 40 px; the lines' widths are 261, 274 and 142 px for the first case.
@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        ("Σεισμός 4,8 Ρίχτερ στην Κρήτη", 400, ["Σεισμός 4,8", "Ρίχτερ στην", "Κρήτη"]),
        ("Σεισμός 4,8 Ρίχτερ στην Κρήτη", 1056, ["Σεισμός 4,8 Ρίχτερ στην Κρήτη"]),
        (
            "Ο Νίκος Δένδιας στη Ρόδο για τα λιμάνια",
            500,
            ["Ο Νίκος Δένδιας στη", "Ρόδο για τα λιμάνια"],
        ),
        (  # a no-break space keeps "800 μέτρα" together
            "Χιόνια και στα 800\u00a0μέτρα: κλειστοί δρόμοι",
            420,
            ["Χιόνια και στα", "800\u00a0μέτρα:", "κλειστοί δρόμοι"],
        ),
        ("  «Όχι»   στο\nνέο  νόμο ", 250, ["«Όχι» στο", "νέο νόμο"]),  # spaces tidied
        ("Αντισυνταγματικότητα", 300, ["Αντισυνταγμ", "ατικότητα"]),  # wider than a line
        ("", 300, []),
        ("\u1f71\u03b9", 300, ["\u03ac\u03b9"]),  # ά with oxia is ά with tonos (NFC)
    ],
)
def test_wrap_lines(text: str, width: int, lines: list[str], style: CardStyle) -> None:
    font = card_font(style.bold_font, 40)
    assert wrap_lines(text, font, width) == lines
    assert all(font.getlength(line) <= width for line in lines)


@pytest.mark.parametrize(
    ("line", "width", "cut"),
    [
        ("Η κυβέρνηση ανακοίνωσε νέα μέτρα", 400, "Η κυβέρνηση…"),
        ("Αθήνα, Πάτρα και Ρόδος", 240, "Αθήνα…"),  # no comma before the dots
        ("Αντισυνταγματικότητα", 300, "Αντισυντα…"),  # one word: cut between letters
    ],
)
def test_ellipsize(line: str, width: int, cut: str, style: CardStyle) -> None:
    font = card_font(style.bold_font, 40)
    assert ellipsize(line, font, width) == cut
    assert font.getlength(cut) <= width


@pytest.mark.parametrize(
    ("headline", "size", "lines"),
    [  # the default style: 68 px down to 44 px, in 4 or 5 lines at most
        ("Σεισμός 4,8 Ρίχτερ στην Κρήτη", 68, ["Σεισμός 4,8 Ρίχτερ", "στην Κρήτη"]),  # balanced
        (
            "Ο Γιάννης Στουρνάρας προειδοποιεί για «επιβράδυνση» της ανάπτυξης το 2026 — "
            "τι σημαίνει για τους μισθούς",
            56,
            [
                "Ο Γιάννης Στουρνάρας",
                "προειδοποιεί για «επιβράδυνση»",
                "της ανάπτυξης το 2026 — τι",
                "σημαίνει για τους μισθούς",
            ],
        ),
        (
            LONG,
            44,
            [
                "Νέο σχέδιο για την ψηφιακή",
                "διακυβέρνηση παρουσίασε η Άννα",
                "Διαμαντοπούλου, με έμφαση στις ανάγκες",
                "της Ηπείρου. Στη συνάντηση συμμετείχε",
                "και ο Νίκος Δένδιας, που ζήτησε…",
            ],
        ),
    ],
)
def test_the_headline_steps_down_then_is_cut(
    headline: str, size: int, lines: list[str], style: CardStyle
) -> None:
    assert headline_layout(headline, style) == (size, lines)
    font = card_font(style.bold_font, size)
    assert all(font.getlength(line) <= 1200 - 2 * style.margin for line in lines)


def test_a_very_long_headline_fills_the_lines_and_ends_at_a_word(style: CardStyle) -> None:
    size, lines = headline_layout(LONG * 5, style)
    assert (size, len(lines)) == (style.headline_min, style.max_lines) == (44, 5)
    assert lines[-1].endswith("…") and LONG.startswith(" ".join(lines)[:-1] + " ")


# --- the style ---


def theme(folder: Path, toml: str | None, fonts: dict[str, str] | None = None) -> Path:
    """A theme folder with cards/card.toml and font files (copies of the default's)."""
    (folder / "cards").mkdir(parents=True)
    if toml is not None:
        (folder / "cards" / "card.toml").write_text(toml, encoding="utf-8")
    for name, source in (fonts or {}).items():
        shutil.copy(DEFAULT / "cards" / source, folder / "cards" / name)
    return folder


def test_later_theme_folders_override_keys_and_fonts(tmp_path: Path) -> None:
    middle = theme(tmp_path / "middle", 'accent = "#111111"\ntext = "#101010"\n')
    site = theme(
        tmp_path / "site",
        'accent = "#222222"\nbold_font = "Own.ttf"\nmargin = 40\n',
        {"Own.ttf": "DejaVuSans-Bold.ttf", "DejaVuSans.ttf": "DejaVuSans.ttf"},
    )
    style = load_style([DEFAULT, middle, site])
    assert (style.accent, style.text, style.muted, style.margin) == (
        "#222222",  # the site's over the middle's over the default's
        "#101010",  # the middle's, which the site leaves alone
        "#5a5a60",  # the default's
        40,
    )
    assert style.bold_font == site / "cards" / "Own.ttf"
    # named by the default's card.toml, found first in the most specific folder with it
    assert style.regular_font == site / "cards" / "DejaVuSans.ttf"
    assert load_style([DEFAULT, middle]).regular_font == DEFAULT / "cards" / "DejaVuSans.ttf"


@pytest.mark.parametrize(
    ("toml", "message", "line"),
    [
        ('accent = "#222222"\ncolour = "#000000"\n', "unknown key 'colour'", 2),
        ('\naccent = "blue"\n', "accent is not a colour: 'blue'", 2),
        ('text = "#12345"\n', "text is not a colour: '#12345'", 1),
        ('bold_font = "Missing.ttf"\n', "bold_font: font file Missing.ttf not found", 1),
        ('regular_font = "../DejaVuSans.ttf"\n', "regular_font is not a font file name", 1),
        ('regular_font = "Bad.ttf"\n', "regular_font: ", 1),  # "...Bad.ttf is not a font"
        ("margin = -1\n", "margin must be a whole number from 0 to 300", 1),
        ('max_lines = "5"\n', "max_lines must be a whole number from 1 to 8", 1),
        ("headline_min = 80\n", "headline_min is larger than headline_max", 1),
        ("accent = \n", "is not valid TOML", 1),
    ],
)
def test_a_bad_card_toml_is_an_error_naming_it(
    toml: str, message: str, line: int, tmp_path: Path
) -> None:
    site = theme(tmp_path / "site", toml)
    (site / "cards" / "Bad.ttf").write_text("not a font", encoding="utf-8")
    with pytest.raises(SitegenError) as caught:
        load_style([DEFAULT, site])
    [problem] = caught.value.problems
    assert problem.path == str(site / "cards" / "card.toml")
    assert message in problem.message and problem.line == line and problem.hint


def test_missing_keys_with_no_default_are_an_error(tmp_path: Path) -> None:
    site = theme(tmp_path / "site", 'accent = "#222222"\n')
    with pytest.raises(SitegenError, match="missing background, text, muted"):
        load_style([site])


def test_an_unreadable_logo_is_an_error_naming_it(tmp_path: Path, style: CardStyle) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"not a picture")
    with pytest.raises(SitegenError) as caught:
        draw_default("Ειδήσεις", "", logo, style)
    assert caught.value.problems[0].path == str(logo)


def test_the_style_key_follows_everything_that_changes_the_pixels(
    tmp_path: Path, style: CardStyle
) -> None:
    key = style_key(style)
    assert key == style_key(load_style([DEFAULT])) and len(key) == 32
    site = theme(tmp_path / "site", 'accent = "#222222"\n')
    assert style_key(load_style([DEFAULT, site])) != key
    own = theme(tmp_path / "own", None, {"DejaVuSans.ttf": "DejaVuSans.ttf"})
    assert style_key(load_style([DEFAULT, own])) == key  # the same bytes, elsewhere: same key
    with (own / "cards" / "DejaVuSans.ttf").open("ab") as font:
        font.write(b"\0")
    assert style_key(load_style([DEFAULT, own])) != key
    assert share_key(key, LOGO) not in (key, share_key(key, DEFAULT / "static/favicon.svg"))
    assert share_key(key, LOGO) != share_key(style_key(load_style([DEFAULT, site])), LOGO)


# --- the bundled fonts ---

GREEK = (
    "αβγδεζηθικλμνξοπρσςτυφχψω"
    "ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ"
    "άέήίόύώϊϋΐΰ"
    "ΆΈΉΊΌΎΏΪΫ"
    "«»…—–€’\u0387\u037e"  # ano teleia and the Greek question mark too
    "ἀἁῥῶὑᾳ"  # and some polytonic letters (Greek Extended)
)


def glyph(font_file: Path, char: str) -> bytes:
    image = Image.new("L", (90, 90))
    ImageDraw.Draw(image).text((15, 10), char, 255, card_font(font_file, 48))
    assert image.getbbox() is not None, f"{char!r} draws nothing"
    return image.tobytes()


@pytest.mark.parametrize("name", ["DejaVuSans-Bold.ttf", "DejaVuSans.ttf"])
def test_the_bundled_fonts_have_every_greek_letter(name: str) -> None:
    font_file = DEFAULT / "cards" / name
    missing = glyph(font_file, "\U0010fffd")  # no font has it: the "missing" box
    assert glyph(font_file, "\u4e00") == missing  # nor this Chinese one: the check works
    assert [char for char in GREEK if glyph(font_file, char) == missing] == []


def test_the_default_style_uses_the_bundled_fonts_under_their_licence(style: CardStyle) -> None:
    assert style.bold_font.parent == style.regular_font.parent == DEFAULT / "cards"
    assert "Bitstream Vera" in (DEFAULT / "cards" / "LICENSE-DejaVu.txt").read_text("utf-8")


def test_a_changed_font_file_is_loaded_again(tmp_path: Path) -> None:
    """`sitegen serve` lives on while a theme's font file is replaced."""
    fonts = Path(__file__).parent.parent / "themes/default/cards"
    font = tmp_path / "My.ttf"
    shutil.copyfile(fonts / "DejaVuSans.ttf", font)
    assert card_font(font, 40).getname() == ("DejaVu Sans", "Book")
    shutil.copyfile(fonts / "DejaVuSans-Bold.ttf", font)
    assert card_font(font, 40).getname() == ("DejaVu Sans", "Bold")

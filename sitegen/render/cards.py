"""Social cards: a 1200×630 PNG for each article (date, headline, site name) and the site's
default share image (logo, title, description), drawn with Pillow in the style of the theme's
cards/card.toml. Pure and deterministic: the same text and style give the same bytes. Text is
laid out with Pillow's basic layout (no libraqm needed), which draws NFC Greek fully."""

from __future__ import annotations

import hashlib
import io
import re
import unicodedata
from dataclasses import astuple, dataclass, fields
from functools import cache, lru_cache
from pathlib import Path

import PIL
from PIL import Image, ImageColor, ImageDraw, ImageFont

from sitegen.core.config import setting_line
from sitegen.core.errors import SitegenError, content_error
from sitegen.core.toml_files import read_toml

CARD_WIDTH = 1200
CARD_HEIGHT = 630
ELLIPSIS = "…"
_STEP = 4  # headline font sizes step down by this many pixels
_LINE = 1.2  # line height, in font sizes
_LEVELS = 16  # shades of each ink in an article card's palette (its edges' anti-aliasing)
_STRIP = 12  # the accent strip along the top, in pixels
_LOGO = 160  # the logo's larger side on the default image, in pixels
_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{3}){1,2}")
_SPACES = re.compile(r"[ \t\r\n]+")  # no-break spaces keep words together
_PNG = {"format": "PNG", "optimize": False, "compress_level": 6}


@dataclass(frozen=True)
class CardStyle:
    """Colours (#rgb or #rrggbb), font files and sizes (pixels) of the cards."""

    background: str
    text: str
    muted: str
    accent: str
    bold_font: Path
    regular_font: Path
    margin: int
    headline_max: int
    headline_min: int
    max_lines: int
    meta_size: int


_COLOURS = ("background", "text", "muted", "accent")
_FONTS = ("bold_font", "regular_font")
_RANGES = {"margin": (0, 300), "headline_max": (12, 200), "headline_min": (12, 200)}
_RANGES |= {"max_lines": (1, 8), "meta_size": (8, 100)}
_KEYS = [f.name for f in fields(CardStyle)]
_HINT = "see the default theme's cards/card.toml for every key and its meaning"


def load_style(theme_dirs: list[Path]) -> CardStyle:
    """The style from cards/card.toml in `theme_dirs` (most general first; later files
    override keys). Font files resolve against the most specific cards/ folder with them."""
    found: dict[str, tuple[object, Path]] = {}
    for folder in theme_dirs:
        path = folder / "cards" / "card.toml"
        if path.is_file():
            for key, value in read_toml(path, str(path)).items():
                if key not in _KEYS:
                    raise _bad(path, key, f"unknown key '{key}'", f"use one of: {', '.join(_KEYS)}")
                found[key] = (value, path)
    missing = [key for key in _KEYS if key not in found]
    if missing:
        where = str(theme_dirs[-1] / "cards" / "card.toml")
        raise content_error(where, f"missing {', '.join(missing)}", hint=_HINT)
    values = {key: _check(key, *found[key], theme_dirs) for key in _KEYS}
    if values["headline_min"] > values["headline_max"]:
        hint = f"make it at most headline_max ({values['headline_max']})"
        raise _bad(
            found["headline_min"][1],
            "headline_min",
            "headline_min is larger than headline_max",
            hint,
        )
    return CardStyle(**values)


def _bad(path: Path, key: str, message: str, hint: str) -> SitegenError:
    """An error naming card.toml and the line of `key` in it."""
    return content_error(str(path), message, setting_line(path, key), hint)


def _check(key: str, value: object, path: Path, theme_dirs: list[Path]) -> object:
    """A card.toml value checked (a font name made the font file's Path), or a SitegenError."""
    if key in _COLOURS:
        if isinstance(value, str) and _COLOUR.fullmatch(value):
            return value
        hint = 'write "#rrggbb", e.g. "#0b5cad"'
        raise _bad(path, key, f"{key} is not a colour: {value!r}", hint)
    if key in _FONTS:
        if not isinstance(value, str) or not value or Path(value).name != value:
            hint = 'name a file in the theme\'s cards/ folder, e.g. "MyFont.ttf"'
            raise _bad(path, key, f"{key} is not a font file name: {value!r}", hint)
        for folder in reversed(theme_dirs):
            font = folder / "cards" / value
            if font.is_file():
                try:
                    ImageFont.truetype(str(font), 12)
                except OSError as exc:
                    hint = "use a TrueType or OpenType font file"
                    raise _bad(path, key, f"{key}: {font} is not a font ({exc})", hint) from None
                return font
        hint = f"put {value} in {theme_dirs[-1] / 'cards'} or name a font file that is there"
        raise _bad(path, key, f"{key}: font file {value} not found", hint)
    low, high = _RANGES[key]
    if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
        return value
    hint = f"e.g. {key} = {(low + high) // 4}"
    raise _bad(path, key, f"{key} must be a whole number from {low} to {high}", hint)


def style_key(style: CardStyle) -> str:
    """A digest of all that decides the cards' bytes: the style's values, its fonts' bytes
    (not where they are), this module's code and Pillow's version."""
    values = [value for value in astuple(style) if not isinstance(value, Path)]
    digest = hashlib.sha256(repr(values).encode())
    for path in (style.bold_font, style.regular_font, Path(__file__)):
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    digest.update(PIL.__version__.encode())
    return digest.hexdigest()[:32]


def share_key(key: str, logo: Path | None) -> str:
    """The key of the site's share image: the style's key (see style_key) and the logo's
    bytes (the fonts are not read again)."""
    digest = hashlib.sha256(key.encode())
    digest.update(hashlib.sha256(logo.read_bytes()).digest() if logo else b"-")
    return digest.hexdigest()[:32]


def card_font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    """The font file at `size` pixels, loaded once while the file stays the same (basic
    layout: no libraqm needed). `sitegen serve` lives on while a theme's font changes."""
    info = path.stat()
    return _face(path, info.st_mtime_ns, info.st_size, size)


@cache
def _face(path: Path, _mtime_ns: int, _bytes: int, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.BASIC)


@lru_cache(maxsize=1 << 16)
def _length(font: ImageFont.FreeTypeFont, word: str) -> float:
    return font.getlength(word)


def _clean(text: str) -> str:
    """One line of text, in NFC (so that accents are precomposed letters)."""
    return unicodedata.normalize("NFC", _SPACES.sub(" ", text).strip())


def _cut(word: str, font: ImageFont.FreeTypeFont, width: float) -> int:
    """How many letters of `word` fit in `width` (at least one)."""
    low, high = 1, len(word)
    while low < high:
        middle = (low + high + 1) // 2
        low, high = (middle, high) if font.getlength(word[:middle]) <= width else (low, middle - 1)
    return low


def wrap_lines(text: str, font: ImageFont.FreeTypeFont, width: float) -> list[str]:
    """`text` broken at spaces into lines at most `width` pixels wide in `font`; a word
    wider than a line is broken between letters. Widths add up word by word (exact where
    the font kerns no pair with a space, as DejaVu's don't)."""
    words = _clean(text).split(" ")
    widths = {word: _length(font, word) for word in set(words)}
    space = _length(font, " ")
    lines: list[str] = []
    line, used = "", 0.0
    for word in words:
        if not line or used + space + widths[word] > width:
            if line:
                lines.append(line)
            line, used = word, widths[word]
            while used > width:  # a word longer than a line
                cut = _cut(line, font, width)
                lines.append(line[:cut])
                line = line[cut:]
                used = font.getlength(line)
        else:
            line, used = f"{line} {word}", used + space + widths[word]
    return [*lines, line] if line else lines


def ellipsize(line: str, font: ImageFont.FreeTypeFont, width: float) -> str:
    """`line` cut at a word (at a letter if it is one word) and ended with "…", in `width`."""
    while line and font.getlength(line + ELLIPSIS) > width:
        head, _, _ = line.rpartition(" ")
        cut = _cut(line, font, width - font.getlength(ELLIPSIS))
        line = head or line[: min(cut, len(line) - 1)]
    return line.rstrip(" ,.;:·-–—") + ELLIPSIS


def one_line(text: str, font: ImageFont.FreeTypeFont, width: float) -> str:
    """`text` on one line of at most `width` pixels, cut with "…" if it is longer."""
    lines = wrap_lines(text, font, width)
    return ellipsize(lines[0], font, width) if len(lines) > 1 else "".join(lines)


def balance(text: str, font: ImageFont.FreeTypeFont, width: float, count: int) -> list[str]:
    """`text` (clean) wrapped into `count` lines as even as can be, like CSS text-wrap:
    balance: at the narrowest width that still takes no more lines."""
    if count < 2:
        return wrap_lines(text, font, width)
    widest = max(_length(font, word) for word in text.split(" "))
    low, high = int(min(max(width / count, widest), width)), int(width)
    while low < high:  # no narrower and a word would be broken
        middle = (low + high) // 2
        fits = len(wrap_lines(text, font, middle)) <= count
        low, high = (low, middle) if fits else (middle + 1, high)
    return wrap_lines(text, font, high)


def fit_text(
    text: str, path: Path, sizes: list[int], width: float, room: dict[int, int]
) -> tuple[int, list[str]]:
    """The first of `sizes` at which `text` wraps into at most room[size] lines, and the
    lines, balanced; else the last size with the text cut to fit, ending in "…"."""
    text = _clean(text)
    for size in sizes:
        font = card_font(path, size)
        lines = wrap_lines(text, font, width)
        if len(lines) <= room[size]:
            return size, balance(text, font, width, len(lines))
    keep = lines[: room[size]]
    return size, [*keep[:-1], ellipsize(keep[-1], font, width)]


def headline_layout(headline: str, style: CardStyle) -> tuple[int, list[str]]:
    """The headline's font size and lines on an article's card."""
    sizes = [*range(style.headline_max, style.headline_min, -_STEP), style.headline_min]
    meta = round(style.meta_size * _LINE)
    height = CARD_HEIGHT - 2 * style.margin - 2 * meta - 2 * style.meta_size
    room = {size: max(1, min(style.max_lines, height // round(size * _LINE))) for size in sizes}
    return fit_text(headline, style.bold_font, sizes, CARD_WIDTH - 2 * style.margin, room)


def _canvas(style: CardStyle) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    image = Image.new("RGB", (CARD_WIDTH, CARD_HEIGHT), style.background)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, CARD_WIDTH - 1, _STRIP - 1), fill=style.accent)
    return image, draw


@cache
def _palette(style: CardStyle) -> Image.Image:
    """A palette of the background and _LEVELS blends from it to each colour of ink."""
    paper = ImageColor.getrgb(style.background)[:3]
    values = list(paper)
    for ink in (style.text, style.muted, style.accent):
        pairs = list(zip(paper, ImageColor.getrgb(ink)[:3], strict=True))
        for level in range(1, _LEVELS + 1):
            values += [round(p + (i - p) * level / _LEVELS) for p, i in pairs]
    palette = Image.new("P", (1, 1))
    palette.putpalette(values)
    return palette


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, **_PNG)
    return out.getvalue()


def draw_card(headline: str, date_text: str, site_name: str, style: CardStyle) -> bytes:
    """An article's card as PNG bytes: the date, the headline and the site name."""
    image, draw = _canvas(style)
    margin, width = style.margin, CARD_WIDTH - 2 * style.margin
    meta = card_font(style.regular_font, style.meta_size)
    ascent = meta.getmetrics()[0]
    date = one_line(date_text, meta, width)
    draw.text((margin, margin + ascent), date, style.muted, meta, anchor="ls")
    size, lines = headline_layout(headline, style)
    font, step = card_font(style.bold_font, size), round(size * _LINE)
    top = margin + round(style.meta_size * _LINE) + style.meta_size
    for number, line in enumerate(lines):
        y = top + font.getmetrics()[0] + number * step
        draw.text((margin, y), line, style.text, font, anchor="ls")
    bar = style.meta_size // 4
    base = CARD_HEIGHT - margin
    draw.rectangle((margin, base - ascent, margin + bar - 1, base + bar), fill=style.accent)
    name = one_line(site_name, meta, width - 3 * bar)
    draw.text((margin + 3 * bar, base), name, style.text, meta, anchor="ls")
    return _png(image.quantize(palette=_palette(style), dither=Image.Dither.NONE))


def draw_default(site_name: str, description: str, logo: Path | None, style: CardStyle) -> bytes:
    """The site's default share image as PNG bytes: the logo, the title and the
    description (if any) below it, centred."""
    image, draw = _canvas(style)
    width, gap = CARD_WIDTH - 2 * style.margin, style.meta_size
    sizes = [*range(style.headline_max + 12, style.headline_min, -_STEP), style.headline_min]
    size, title = fit_text(site_name, style.bold_font, sizes, width, dict.fromkeys(sizes, 2))
    small = style.meta_size + 4
    about = fit_text(description, style.regular_font, [small], width, {small: 2})[1]
    blocks = [(title, card_font(style.bold_font, size), style.text)]
    if about:
        blocks.append((about, card_font(style.regular_font, small), style.muted))
    mark = _logo(logo) if logo else None
    height = sum(len(lines) * round(font.size * _LINE) for lines, font, _ in blocks)
    height += gap * (len(blocks) - 1) + (mark.height + gap if mark else 0)
    y = _STRIP + (CARD_HEIGHT - _STRIP - height) // 2
    if mark:
        image.paste(mark, ((CARD_WIDTH - mark.width) // 2, y), mark)
        y += mark.height + gap
    for lines, font, colour in blocks:
        for line in lines:
            draw.text((CARD_WIDTH // 2, y + font.getmetrics()[0]), line, colour, font, anchor="ms")
            y += round(font.size * _LINE)
        y += gap
    return _png(image)


def _logo(path: Path) -> Image.Image:
    """The logo scaled so that its larger side is _LOGO pixels, with transparency."""
    try:
        with Image.open(path) as opened:
            mark = opened.convert("RGBA")
    except (OSError, Image.DecompressionBombError) as exc:
        hint = "use a PNG (or another image Pillow reads)"
        raise content_error(str(path), f"the logo could not be read ({exc})", hint=hint) from None
    scale = _LOGO / max(mark.size)
    size = (max(1, round(mark.width * scale)), max(1, round(mark.height * scale)))
    return mark.resize(size, Image.Resampling.LANCZOS)

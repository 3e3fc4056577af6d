"""Reading raw article files (``seeds/*.txt``): ``date YYYY-MM-DD`` then the text."""

from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path

from sitegen.core.errors import Problems
from sitegen.core.model import Article
from sitegen.greek import headlines
from sitegen.greek.slugs import slugify
from sitegen.sources.unicode import FORBIDDEN, normalize_text

_DATE_LINE = re.compile(r"date[ \t]+(\S+)")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


MIN_YEAR = 1000  # (archives and feeds write four-digit years)
MAX_BYTES = 5 * 1024 * 1024  # an article larger than this is surely not one
_GREEK_ENCODINGS = ("cp1253", "iso-8859-7")


def _greek_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum("\u0370" <= c <= "\u03ff" for c in letters) / max(1, len(letters))


def guess_greek_encoding(raw: bytes) -> str | None:
    """windows-1253 or iso-8859-7, when the bytes read as Greek text in it."""
    best, share = None, 0.5
    for name in _GREEK_ENCODINGS:
        try:
            text = raw.decode(name)
        except UnicodeDecodeError:
            continue
        if _greek_share(text) > share:
            best, share = name, _greek_share(text)
    return best


def decode(raw: bytes, where: str, problems: Problems, encoding: str = "utf-8") -> str | None:
    """Bytes to text with universal newlines, normalised (sitegen.sources.unicode); None (and a
    problem) if it is not text."""
    if len(raw) > MAX_BYTES:
        problems.add(where, f"is {len(raw) / 1048576:.1f} MB, more than an article can be "
                     f"({MAX_BYTES // 1048576} MB)", hint="split it or remove it")  # fmt: skip
        return None
    if b"\x00" in raw[:8192]:
        problems.add(where, "is a binary file, not text", hint="remove it or save it as text")
        return None
    try:
        text = raw.decode("utf-8-sig" if encoding.lower() in ("utf-8", "utf8") else encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        if isinstance(exc, LookupError):
            problems.add(where, f"cannot be read: there is no encoding named {encoding!r}",
                         hint="use e.g. --encoding cp1253")  # fmt: skip
            return None
        line = raw[: exc.start].count(b"\n") + 1
        guess = guess_greek_encoding(raw) if encoding.lower() in ("utf-8", "utf8") else None
        hint = (
            f"it looks like Greek in {guess}: save it as UTF-8, or build with --encoding {guess}"
            if guess
            else "save the file as UTF-8"
        )
        problems.add(
            where,
            f"is not {encoding} text (byte 0x{raw[exc.start]:02x} cannot be read)",
            line,
            hint,
        )
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    clean = normalize_text(text)  # the same object when there was nothing to change
    odd = FORBIDDEN.search(text) if clean is not text else None
    if odd:  # (left out by normalize_text: no feed may carry them)
        problems.add(
            where,
            f"holds control characters (the first is U+{ord(odd.group()):04X}) that no page "
            "or feed may carry; they are left out",
            text.count("\n", 0, odd.start()) + 1,
            "remove them from the file",
            warning=True,
        )
    return clean


def parse_date(value: str, where: str, line: int, problems: Problems) -> date | None:
    """A YYYY-MM-DD date, or None with a problem that says what is wrong."""
    match = _ISO_DATE.fullmatch(value)
    if not match:
        problems.add(
            where,
            f'the date "{value}" is not written as YYYY-MM-DD',
            line,
            "write it like 2025-09-03",
        )
        return None
    try:
        day = date(*(int(g) for g in match.groups()))
    except ValueError:
        problems.add(
            where,
            f'the date "{value}" is not a real day',
            line,
            "write an existing date as YYYY-MM-DD",
        )
        return None
    if day.year < MIN_YEAR:  # '0001-01-01' would be archived as /0001/ and dated /1/
        problems.add(
            where,
            f'the date "{value}" is before the year {MIN_YEAR}',
            line,
            "write the year in full, e.g. 2025",
        )
        return None
    return day


def paragraphs(text: str) -> list[str]:
    """Paragraphs separated by blank lines; lines inside a paragraph are joined."""
    blocks = re.split(r"\n[ \t]*\n", text.strip())
    return [" ".join(line.strip() for line in b.splitlines() if line.strip()) for b in blocks]


def article_id(path: Path) -> str:
    """The id is the file name's part after the first '_' (000_7ec5fab1d3816db2 -> 7ec5...)."""
    stem = path.stem
    return stem.split("_", 1)[1] if "_" in stem else stem


def read_seed(
    path: Path, where: str, problems: Problems, encoding: str = "utf-8", raw: bytes | None = None
) -> Article | None:
    """Read one raw article (from raw, when the caller has read it); report problems
    instead of raising."""
    text = decode(path.read_bytes() if raw is None else raw, where, problems, encoding)
    if text is None:
        return None
    body = text.lstrip()
    if not body:
        problems.add(where, "is empty", 1, "write 'date YYYY-MM-DD' and the article's text")
        return None
    line = text[: len(text) - len(body)].count("\n") + 1
    match = _DATE_LINE.match(body)
    if not match:
        problems.add(
            where,
            "does not start with a date",
            line,
            "begin the file with 'date YYYY-MM-DD' and then the text",
        )
        return None
    day = parse_date(match.group(1), where, line, problems)
    paras = [p for p in paragraphs(body[match.end() :]) if p]
    if not paras:
        problems.add(where, "has a date but no text", line, "write the article after the date")
        return None
    if day is None:
        return None
    title = headlines.headline(paras[0])
    return Article(
        id=article_id(path),
        source=where,
        date=day,
        title=title,
        summary=headlines.summary(paras),
        body_html="\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paras),
        text="\n\n".join(paras),
        slug=slugify(title) or article_id(path),
    )

"""Reading raw article files (``seeds/*.txt``): ``date YYYY-MM-DD`` then the text."""

from __future__ import annotations

import html
import re
from pathlib import Path

from sitegen.core.errors import Problems
from sitegen.core.model import Article
from sitegen.greek import headlines
from sitegen.greek.slugs import slugify
from sitegen.sources.dates import parse_date
from sitegen.sources.decoding import decode

_DATE_LINE = re.compile(r"date[ \t]+(\S+)")


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

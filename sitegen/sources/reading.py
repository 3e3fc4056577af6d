"""Finding a site's source files and turning them into Articles and pages."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

from sitegen.core.errors import Problems
from sitegen.core.keys import bytes_digest, digest
from sitegen.core.memo import Memo
from sitegen.core.model import Article
from sitegen.core.workers import fork_map
from sitegen.greek import headlines
from sitegen.greek.slugs import slugify
from sitegen.sources.content import Document, read_markdown
from sitegen.sources.decoding import MAX_BYTES
from sitegen.sources.seeds import read_seed

SEEDS_DIR = "seeds"
CONTENT_DIR = "content"


def _relative(path: Path, site: Path) -> str:
    try:
        return path.relative_to(site).as_posix()
    except ValueError:
        return str(path)


def _raw(
    path: str, where: str, info: os.stat_result, cache: Memo | None
) -> tuple[bytes, Any, bytes]:
    """(raw bytes, None, digest) of a file to read, or (b"", its cached entry, digest)."""
    if cache is None:
        with open(path, "rb") as file:
            raw = file.read(MAX_BYTES + 1)  # (a file that grew since it was looked at)
        return raw, None, bytes_digest(raw)
    raw, entry, found = cache.read(path, where, info, MAX_BYTES + 1)
    return (b"", entry, found) if entry is not None else (raw or b"", None, found)


def _read(
    path: str,
    where: str,
    info: os.stat_result,
    problems: Problems,
    cache: Memo | None,
    reader: Callable[[bytes | None], Any],
) -> tuple[Any, bytes]:
    """What reader makes of a file, and the file's digest; from the cache when the file
    is unchanged. Files with problems are never cached, so their problems are reported
    at every build."""
    raw, entry, found = _raw(path, where, info, cache)
    if entry is not None:
        return entry.value, found
    before = len(problems.items)
    value = reader(raw)
    if isinstance(value, Article):
        value = replace(value, digest=found)
    if cache is not None and value is not None and len(problems.items) == before:
        cache.keep(path, where, found, value)
    return value, found


def _skipped(name: str) -> bool:
    """Hidden files and folders, editors' lock and backup files: .#about.md, about.md~,
    #about.md#."""
    return name.startswith((".", "#")) or name.endswith("~")


def _readable(path: str, where: str, problems: Problems) -> os.stat_result | None:
    """The file's stat if it is a regular file of a sensible size, else None. Nothing
    else is read: a link to nothing, a folder named like an article, a pipe (reading
    would wait forever) or a device such as /dev/zero (it never ends)."""
    try:
        info = os.stat(path)
    except OSError as exc:
        broken = os.path.islink(path)
        problems.add(
            where,
            "is a link to nothing, skipped" if broken else f"cannot be read ({exc.strerror})",
            hint="remove it or point it at a file" if broken else "check its permissions",
            warning=broken,
        )
        return None
    if not stat.S_ISREG(info.st_mode):
        problems.add(
            where,
            "is not a regular file (a folder, a pipe or a device), skipped",
            hint="rename or remove it",
            warning=True,
        )
        return None
    if info.st_size > MAX_BYTES:
        problems.add(
            where,
            f"is {info.st_size / 1048576:.1f} MB, more than an article can be "
            f"({MAX_BYTES // 1048576} MB)",
            hint="split it or remove it",
        )
        return None
    return info


def _from_document(doc: Document, path: Path, found: bytes) -> Article:
    meta = doc.meta
    first = doc.text.split("\n\n", 1)[0]
    title = str(meta.get("title") or headlines.headline(first) or path.stem)
    if meta.get("slug"):
        slug = slugify(str(meta["slug"]))
    elif doc.day is None:
        slug = slugify(path.stem)  # a standalone page keeps its file's name: about.md -> about/
    else:
        slug = slugify(title) or slugify(path.stem)
    return Article(
        id=str(meta.get("id") or path.stem),
        source=doc.source,
        date=doc.day,
        title=title,
        summary=str(meta.get("summary") or headlines.summary(doc.prose or [doc.text])),
        body_html=doc.body_html,
        text=doc.text,
        slug=slug or "page",
        tags=doc.tags,
        tags_given="tags" in meta,
        draft=bool(meta.get("draft", False)),
        digest=found,
        **_extras(doc),
    )


def _extras(doc: Document) -> dict[str, Any]:
    """What a Markdown file adds to an article: correction day, share image, authors."""
    extras: dict[str, Any] = {}
    if doc.updated is not None:
        extras["updated"] = doc.updated
    if doc.image.src:
        extras |= {"image": doc.image.src, "image_alt": doc.image.alt}
        extras["image_in_body"] = doc.image.in_body
    if doc.authors:
        extras["authors"] = doc.authors
    return extras


def _apply_override(seed: Article, doc: Document, found: bytes, problems: Problems) -> Article:
    """A content/<id>.md corrects a seed's derived fields without touching the raw file."""
    meta = doc.meta
    changes: dict = {"digest": digest(seed.digest, found)}
    if meta.get("title"):
        changes["title"] = str(meta["title"])
        changes["slug"] = slugify(changes["title"]) or seed.slug
    if meta.get("slug"):
        changes["slug"] = slugify(str(meta["slug"]))
    if meta.get("summary"):
        changes["summary"] = str(meta["summary"])
    if "tags" in meta:
        changes["tags"], changes["tags_given"] = doc.tags, True
    if "draft" in meta:
        changes["draft"] = bool(meta["draft"])
    if doc.day is not None:
        changes["date"] = doc.day
    if doc.text.strip():
        changes["body_html"], changes["text"] = doc.body_html, doc.text
    changes |= _extras(doc)
    day = changes.get("date", seed.date)
    if changes.get("updated") and day and changes["updated"] < day:
        problems.add(
            doc.source,
            f"'updated' {changes['updated']} is before the article's date {day}",
            doc.lines.get("updated"),
            "give the day of the correction, on or after the date",
        )
        del changes["updated"]
    return replace(seed, **changes)


def _derive_seed(job: tuple[str, str, str, bytes, bytes]) -> tuple[Article | None, list]:
    """A raw article from its bytes (in a worker process), and the problems it has."""
    path, where, encoding, raw, found = job
    problems = Problems()
    article = read_seed(Path(path), where, problems, encoding, raw)
    return (replace(article, digest=found) if article else None), problems.items


def _read_seeds(
    folder: Path, problems: Problems, encoding: str, cache: Memo | None, jobs: int
) -> list[tuple[str, Article]]:
    """The raw articles of seeds/ in file order: unchanged ones from the cache, the others
    derived in `jobs` processes. Problems are reported in file order, as they were found
    one by one."""
    names = sorted(os.listdir(folder)) if folder.is_dir() else []
    slots: list[tuple[str, Problems, Article | None]] = []
    todo: list[int] = []
    jobs_in: list[tuple[str, str, str, bytes, bytes]] = []
    for name in names:
        if _skipped(name) or not name.endswith(".txt"):
            continue
        where, path, mine = f"{SEEDS_DIR}/{name}", f"{folder}/{name}", Problems()
        info = _readable(path, where, mine)
        if info is not None:
            raw, entry, found = _raw(path, where, info, cache)
            if entry is not None:
                slots.append((where, mine, entry.value))
                continue
            todo.append(len(slots))
            jobs_in.append((path, where, encoding, raw, found))
        slots.append((where, mine, None))
    for index, job, (article, found) in zip(
        todo, jobs_in, fork_map(_derive_seed, jobs_in, jobs), strict=True
    ):
        where, mine, _ = slots[index]
        mine.items += found
        if cache is not None and article is not None and not found:
            cache.keep(job[0], where, job[4], article)
        slots[index] = (where, mine, article)
    read = []
    for where, mine, article in slots:
        problems.items += mine.items
        if article is not None:
            read.append((where, article))
    return read


def read_sources(
    site: Path,
    problems: Problems,
    encoding: str = "utf-8",
    raw_html: bool = True,
    cache: Memo | None = None,
    jobs: int = 1,
) -> list[Article]:
    """Every article and page of the site, in file order; problems are collected, not raised.

    With a cache, unchanged files are not read again; raw articles are derived in `jobs`
    processes."""
    seeds: dict[str, Article] = {}
    for where, article in _read_seeds(site / SEEDS_DIR, problems, encoding, cache, jobs):
        if article.id in seeds:
            other = seeds[article.id].source
            problems.add(
                where, f"has the same id '{article.id}' as {other}", hint="rename one of the files"
            )
            continue
        seeds[article.id] = article

    items: list[Article] = []
    content = site / CONTENT_DIR
    md_paths = sorted(content.rglob("*.md")) if content.is_dir() else []
    overridden: dict[str, Article] = {}
    for path in md_paths:
        where = _relative(path, site)
        if any(_skipped(part) for part in path.relative_to(content).parts):
            continue
        info = _readable(str(path), where, problems)
        if info is None:
            continue
        read = partial(read_markdown, path, where, problems, raw_html)
        doc, found = _read(str(path), where, info, problems, cache, read)
        if doc is None:
            continue
        if path.stem in seeds and "id" not in doc.meta:
            overridden[path.stem] = _apply_override(seeds[path.stem], doc, found, problems)
            continue
        if doc.day is None and "date" in doc.meta:
            continue  # a broken date was reported; do not publish it as a page
        items.append(_from_document(doc, path, found))

    articles = [overridden.get(seed_id, seed) for seed_id, seed in seeds.items()]
    ids = {a.id: a.source for a in articles}
    for item in items:
        if not item.is_page and item.id in ids:
            problems.add(
                item.source,
                f"has the same id '{item.id}' as {ids[item.id]}",
                hint="give one of them another 'id' in its front matter",
            )
            continue
        ids.setdefault(item.id, item.source)
        articles.append(item)
    return articles

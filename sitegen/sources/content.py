"""Reading authored Markdown (``content/**/*.md``) with a YAML front-matter block."""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sitegen.core.errors import Problems
from sitegen.core.model import Author
from sitegen.greek.slugs import slugify
from sitegen.sources import front_matter as keys
from sitegen.sources.decoding import decode

MARKDOWN_EXTENSIONS = ["extra", "toc", "sane_lists"]
_FENCE = re.compile(r"^---[ \t]*\n(.*?)^(?:---|\.\.\.)[ \t]*$\n?", re.DOTALL | re.MULTILINE)


@functools.cache
def _loader() -> type:
    """Safe YAML that leaves dates as text, so that a wrong date gets our own message.
    (PyYAML and Markdown are imported when a Markdown file is first read: a rebuild
    that finds every file in the cache does without them.)"""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.yaml_implicit_resolvers = {
        first: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return Loader


@dataclass
class Document:
    """A Markdown file: its front matter (validated) and its rendered body."""

    source: str
    meta: dict[str, Any]
    body_html: str
    text: str
    prose: list[str] = field(default_factory=list)  # the <p> paragraphs, for the summary
    day: date | None = None
    tags: tuple[str, ...] = ()
    updated: date | None = None
    image: keys.Image = keys.Image("")  # from the front matter, else the body's first
    authors: tuple[Author, ...] = ()
    lines: dict[str, int] = field(default_factory=dict)  # of the front-matter keys


def split_front_matter(text: str, where: str, problems: Problems) -> tuple[dict, str, int] | None:
    """Front matter as a dict, the Markdown after it, and the line the body starts on."""
    match = _FENCE.match(text)
    if not match:
        if re.match(r"---[ \t]*\n", text):  # opened but never closed: not a rule and text
            problems.add(
                where,
                "the front matter opened with '---' on line 1 is never closed",
                1,
                "end it with a line of '---' (or remove the first '---' if there is none)",
            )
            return None
        return {}, text, 1
    import yaml

    try:
        meta = yaml.load(match.group(1), Loader=_loader()) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        problems.add(
            where,
            f"the front matter is not valid YAML ({reason})",
            line,
            "write it as 'key: value' lines between two '---' lines",
        )
        return None
    if not isinstance(meta, dict):
        problems.add(where, "the front matter is not a set of 'key: value' lines", 2)
        return None
    return meta, text[match.end() :], match.group(0).count("\n") + 1


def to_html(text: str, raw_html: bool = True) -> str:
    """Markdown to HTML; without raw_html, HTML in the text is shown as text, not run."""
    import markdown

    md = markdown.Markdown(
        extensions=MARKDOWN_EXTENSIONS,
        extension_configs={"toc": {"slugify": lambda title, _sep: slugify(title) or "section"}},
        output_format="html",
    )
    if not raw_html:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_safe_urls(md), "safe_urls", 1)  # after the inline ones
    return md.convert(text)


# Schemes that run code when followed: javascript: and vbscript:, and data: (an HTML
# page in a link); a data: image is only a picture.
_UNSAFE_SCHEME = re.compile(r"(?:javascript|vbscript|data):", re.IGNORECASE)


def _unsafe_url(url: str, tag: str) -> bool:
    bare = "".join(c for c in url if c > " " and c != "\x7f")  # ' java\tscript:' too
    if not _UNSAFE_SCHEME.match(bare):
        return False
    return not (tag == "img" and bare.lower().startswith("data:image/"))


def _safe_urls(md: Any) -> Any:
    """A Python-Markdown tree step that neutralises links and images to unsafe URLs."""
    from markdown.treeprocessors import Treeprocessor

    class SafeUrls(Treeprocessor):
        def run(self, root: Any) -> None:
            for element in root.iter():
                for attribute in ("href", "src"):
                    value = element.get(attribute)
                    if value is not None and _unsafe_url(value, element.tag):
                        element.set(attribute, "#")

    return SafeUrls(md)


def read_markdown(
    path: Path, where: str, problems: Problems, raw_html: bool = True, raw: bytes | None = None
) -> Document | None:
    """Read one Markdown file (from raw, when the caller has read it); report problems
    (all of them) instead of raising."""
    text = decode(path.read_bytes() if raw is None else raw, where, problems)
    if text is None:
        return None
    split = split_front_matter(text, where, problems)
    if split is None:
        return None
    meta, body, _ = split
    lines = keys.key_lines(text)
    for key in sorted(set(meta) - keys.KNOWN_KEYS):
        problems.add(
            where,
            f"unknown front-matter key '{key}' is ignored",
            lines.get(key),
            f"known keys: {', '.join(sorted(keys.KNOWN_KEYS))}",
            warning=True,
        )
    for key in ("title", "summary", "slug", "id", "image_alt"):
        if key in meta and not isinstance(meta[key], str | int):
            problems.add(where, f"'{key}' must be text", lines.get(key))
            meta.pop(key)
    if "draft" in meta and not isinstance(meta["draft"], bool):
        problems.add(where, "'draft' must be true or false", lines.get("draft"))
        meta.pop("draft")
    slug = meta.get("slug")
    if slug is not None and (re.search(r"\.\.|[/\\]", str(slug)) or not slugify(str(slug))):
        problems.add(
            where,
            f"the slug {str(slug)!r} is not a single safe path segment",
            lines.get("slug"),
            "use letters, digits and '-' only",
        )
        meta.pop("slug")
    day = keys.day(meta["date"], where, lines.get("date"), problems) if "date" in meta else None
    updated = None
    if "updated" in meta:
        updated = keys.day(meta["updated"], where, lines.get("updated"), problems)
    if day and updated and updated < day:
        problems.add(
            where,
            f"'updated' {updated} is before the article's date {day}",
            lines.get("updated"),
            "give the day of the correction, on or after the date",
        )
        updated = None
    body_html = to_html(body, raw_html)
    lead = [" ".join(html.unescape(re.sub(r"<[^>]+>", " ", p)).split())
            for p in re.findall(r"<p>(.*?)</p>", body_html, re.DOTALL)]  # fmt: skip
    blocks = re.sub(r"</(?:p|h[1-6]|li|blockquote|pre|table|tr)>", "\n\n", body_html)
    plain = html.unescape(re.sub(r"<[^>]+>", " ", blocks))
    return Document(
        source=where,
        meta=meta,
        body_html=body_html,
        text="\n\n".join(" ".join(b.split()) for b in plain.split("\n\n") if b.strip()),
        prose=[p for p in lead if p],
        day=day,
        tags=keys.tags(meta.get("tags"), where, lines.get("tags"), problems),
        updated=updated,
        image=keys.image(meta, body_html, where, lines, problems),
        authors=keys.authors(meta["author"], where, lines.get("author"), problems)
        if "author" in meta
        else (),
        lines=lines,
    )

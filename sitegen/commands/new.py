"""`sitegen new`: a new article's Markdown file, dated today, as a draft.

The file is content/<YYYY>/<YYYY-MM-DD>-<slug>.md. Its name is also the article's id
(the id of its feed items), so the date keeps two articles with the same title in
different years apart, and the id stays the same when the title is corrected later.
It starts with ``draft: true``: pushing to main publishes the site, and a half-written
article must not go out with it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import yaml

from sitegen.core.clock import build_time
from sitegen.core.config import load_config
from sitegen.core.errors import UsageError, content_error, fault_error
from sitegen.core.language import primary
from sitegen.greek.slugs import slugify
from sitegen.sources.reading import CONTENT_DIR

# Comments and placeholder text in the site's language (English for other languages).
_WORDS = {
    "el": {
        "tags": "τα θέματα του άρθρου, π.χ. [Θεσσαλονίκη, Μετρό]· σβήστε τη γραμμή για αυτόματα",
        "draft": "σβήστε αυτή τη γραμμή για να δημοσιευτεί",
        "body": "Γράψτε εδώ την πρώτη παράγραφο· από αυτήν βγαίνει η περίληψη του άρθρου.\n\n"
        "Οι επόμενες παράγραφοι χωρίζονται με μια κενή γραμμή. "
        "Για υπότιτλο γράψτε μια γραμμή που αρχίζει με `## `.",
    },
    "en": {
        "tags": "list tags, e.g. [Thessaloniki, Metro]; delete the line for automatic tags",
        "draft": "delete this line to publish",
        "body": "Write the first paragraph here; the article's summary is taken from it.\n\n"
        "Separate the next paragraphs with a blank line. "
        "For a subheading, start a line with `## `.",
    },
}


def article_path(site: Path, title: str, day: date) -> Path:
    """Where `sitegen new` puts an article with this title and date."""
    return site / CONTENT_DIR / f"{day:%Y}" / f"{day.isoformat()}-{slugify(title)}.md"


def article_text(title: str, day: date, language: str) -> str:
    """The front matter (title, date, tags, draft) and a placeholder body."""
    words = _WORDS.get(primary(language), _WORDS["en"])
    title_line = yaml.safe_dump({"title": title}, allow_unicode=True, width=10**6)
    return (
        f"---\n{title_line}date: {day.isoformat()}\n"
        f"tags: []  # {words['tags']}\n"
        f"draft: true  # {words['draft']}\n---\n\n{words['body']}\n"
    )


def new_article(site: Path, title: str, day: date | None = None) -> Path:
    """Create a draft article dated ``day`` (default: today in the site's time zone).

    UsageError for a title with nothing to make a URL of; SitegenError for broken
    settings or an existing file, which is never overwritten.
    """
    if not slugify(title):
        raise UsageError(
            f"the title {title!r} has no Greek or Latin letters or digits to make a URL from: "
            "give a title with words"
        )
    if not site.is_dir():
        raise UsageError(f"--site {site} is not a folder: give the folder that holds content/")
    config = load_config(site)
    day = day or build_time(config).date()
    path = article_path(site, title, day)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as file:
            try:
                file.write(article_text(title, day, config.language))
                file.flush()
            except BaseException:
                path.unlink(missing_ok=True)  # never a half-written article
                raise
    except FileExistsError:
        raise content_error(
            str(path),
            "already exists",
            hint="edit that file, or give the new article another title",
        ) from None
    except OSError as exc:
        way_out = "make the site folder writable, or run it in a site folder you can write"
        raise fault_error(exc, path, "could not create the article", way_out, "try again") from None
    return path

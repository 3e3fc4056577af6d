"""Incremental builds under random edit sequences: after every edit, the output equals a
clean build's, byte for byte.

A Hypothesis state machine edits a small site (tests/fixtures/basic plus a few generated
articles) the way writers do: text, headlines, tags, names, dates, deletions, new
articles, drafts, templates, theme words, settings, the gazetteer, the output by hand.
After each edit it builds incrementally into SITE/dist (with the cache on disk, or kept
in memory as `sitegen serve` does) and cleanly, without any cache, into a fresh folder,
and compares the two trees file by file. On a failure Hypothesis shrinks the sequence and
prints each edit as it was applied (its `note`s).
"""

from __future__ import annotations

import contextlib
import datetime
import difflib
import hashlib
import json
import os
import re
import shutil
import tempfile
from collections import Counter
from pathlib import Path

import pytest
import yaml
from hypothesis import Phase, note, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)

from sitegen.commands.build import BuildOptions, build
from sitegen.commands.options import Kept
from sitegen.core.errors import SitegenError
from sitegen.incremental.cache import CACHE_DIR
from sitegen.sources.seeds import article_id

from .conftest import FIXTURES, REPO, benchmark_module, tree

TODAY = "1764000000"  # SOURCE_DATE_EPOCH: 2025-11-24, so 2025-12-25 is in the future
GENERATED = 8  # articles added to the basic fixture: enough for edits that stay in place

SETTINGS = {
    "title": "Δοκιμαστικές Ειδήσεις",
    "description": "Ένας μικρός ιστότοπος για τις δοκιμές.",
    "base_url": "https://example.org/news/",
    "per_page": 2,
}
SETTING_CHANGES = [
    ("title", "Δοκιμή"),
    ("title", "Δοκιμαστικές Ειδήσεις"),
    ("description", "Άλλη περιγραφή."),
    ("per_page", 1),
    ("per_page", 2),
    ("per_page", 3),
    ("per_page", 10),
    ("max_tags", 0),
    ("max_tags", 2),
    ("max_tags", 6),
    ("words_per_minute", 50),
    ("feed_items", 3),
    ("feed_full_text", False),
    ("feed_full_text", True),
    ("base_url", "https://example.org/other/"),
    ("social_cards", True),
    ("social_cards", False),
    ("author", "Σύνταξη"),
]
SENTENCES = [  # no names
    "Η συζήτηση θα συνεχιστεί την επόμενη εβδομάδα.",
    "Οι αρμόδιοι υποσχέθηκαν άμεση ενημέρωση των πολιτών.",
    "Το θέμα προκάλεσε έντονες αντιδράσεις στα μέσα κοινωνικής δικτύωσης.",
    "Οι κάτοικοι ζητούν λύση εδώ και χρόνια.",
]
NAMES = [  # each brings a name that can become an automatic tag
    "Ο Κυριάκος Μητσοτάκης δήλωσε ότι η κυβέρνηση στηρίζει την προσπάθεια.",
    "Σύσκεψη για το θέμα έγινε και στη Θεσσαλονίκη.",
    "Ο Γιάννης Παπαγεωργίου μίλησε στη Λάρισα και ο Παπαγεωργίου επέμεινε.",
    "Την πρόταση στήριξε και ο Νίκος Δένδιας.",
    "Η Ευρωπαϊκή Επιτροπή ενέκρινε τη χρηματοδότηση για την Κρήτη.",
]
LEADS = [  # a new first paragraph: a new headline, summary and slug
    "Ο δήμαρχος της Καβάλας ανακοίνωσε νέα μέτρα για την κυκλοφορία στο κέντρο.",
    "Η Κομισιόν ενέκρινε το σχέδιο της Αθήνας για τα λιμάνια.",
    "Σεισμός 4,1 Ρίχτερ σημειώθηκε το πρωί ανοιχτά της Ζακύνθου.",
    "Πυρκαγιά ξέσπασε το απόγευμα σε δασική έκταση κοντά στην Κόρινθο.",  # as 002's lead
]
TITLES = [
    "Διορθωμένος τίτλος",
    "Ξεκινά το φεστιβάλ κινηματογράφου",  # festival.md's title: the same slug on one day
    "Ψηφίστηκε ο προϋπολογισμός του 2026",
    None,  # no override: the derived headline again
]
TAGS = [
    ["Οικονομία"],
    ["Βουλή", "Οικονομία"],
    ["Θεσσαλονίκη", "Πολιτισμός"],
    "Αθήνα, Λιμάνια",  # text with commas
    [],  # none
    None,  # automatic tags again
]
FIELDS = [  # other corrections an override makes
    ("summary", "Μια σύντομη περίληψη."),
    ("summary", None),
    ("slug", "eidiki-diefthynsi"),
    ("slug", None),
    ("updated", "2025-12-20"),  # (before the date of one article: an error, both ways)
    ("updated", None),
    ("author", "Μαρία Παππά"),
    ("author", None),
    ("image", "https://cdn.example.com/photo.jpg"),
    ("image", None),
]
DATES = [
    "2021-06-15",
    "2023-03-10",
    "2024-02-29",
    "2024-12-31",
    "2025-10-01",  # two articles of the fixture
    "2025-11-02",  # festival.md
    "2025-12-25",  # after "today": left out
]
TEMPLATES = ["article", "base", "index", "tag", "tags", "month", "year", "archive", "page"]
WORDS = [
    ("home", "Αρχή"),
    ("home", None),
    ("latest", "Νεότερα νέα"),
    ("related", "Διαβάστε ακόμη"),
    ("tags", "Ετικέτες"),
    ("tags", None),
    ("powered_by", "Με το sitegen"),
]
GAZETTEER = [
    ("stop", "Αθήνα"),
    ("stop", "Πούτιν"),
    ("alias", ("Κυριάκος Μητσοτάκης", "Μητσοτάκης")),
    ("alias", ("Βλαντίμιρ Πούτιν", "Πούτιν")),
    ("clear", None),
]
NAMED = [  # names (or the stems of their forms) in the sentences above and in the site
    "Μητσοτάκη", "Θεσσαλονίκη", "Παπαγεωργίου", "Δένδια", "Ευρωπαϊκή Επιτροπή", "Κρήτη",
    "Λοβέρδ", "Μπακογιάννη", "Στουρνάρα", "Διαμαντοπούλου", "Σολτς", "Πάτρα", "Ρόδ",
    "Ιταλία", "Ισπανία", "Αίγυπτ", "Ήπειρ", "Πούτιν", "Κιμ", "Κορέα", "Παναθηναϊκό",
]  # fmt: skip
SENTENCE_END = re.compile(r"(?<=[.!;»])\s+(?=[«Α-ΩΆ-Ώ])")
DATE = re.compile(r"date (\d{4}-\d{2}-\d{2}) ?")
DEFAULT_TEMPLATES = REPO / "themes" / "default" / "templates"

INDEX = st.integers(0, 50)  # an article, of those there are then (modulo their number)
# Each kind of edit and what it takes (see the methods edit_<kind> below)
ARGUMENTS: dict[str, tuple[st.SearchStrategy, ...]] = {
    "text": (INDEX, st.sampled_from(["sentence", "paragraph", "drop", "lead"]),
             st.sampled_from(SENTENCES)),
    "headline": (INDEX, st.sampled_from(TITLES)),
    "tags": (INDEX, st.sampled_from(TAGS)),
    "correction": (INDEX, st.sampled_from(FIELDS)),
    "new name": (INDEX, st.sampled_from(NAMES), st.booleans()),
    "removed name": (st.integers(0, 500),),
    "new date": (INDEX, st.sampled_from(DATES), st.booleans()),
    "deleted": (INDEX, st.booleans()),
    "new article": (st.booleans(), st.sampled_from(LEADS), st.sampled_from(DATES)),
    "draft": (INDEX, st.booleans()),
    "template": (st.sampled_from(TEMPLATES), st.booleans()),
    "theme word": (st.sampled_from(WORDS),),
    "setting": (st.sampled_from(SETTING_CHANGES),),
    "gazetteer": (st.sampled_from(GAZETTEER),),
    "output by hand": (st.integers(0, 500), st.booleans()),
    "touched": (INDEX,),
}  # fmt: skip
# One edit of any kind, (kind, *arguments), the kinds drawn evenly. One rule rather than a
# rule per kind: Hypothesis switches rules off at random in each example, and a dozen
# examples then miss whole kinds.
EDITS = st.one_of([st.tuples(st.just(kind), *args) for kind, args in ARGUMENTS.items()])
# Over the whole run: how often each edit ran and how often a build stayed in place
STATS: Counter[str] = Counter()
# A clean build's files (their SHA-256) by a digest of the sources it was made from: the
# same sources come back again and again (every example starts from the same site, and
# shrinking replays the steps before a failure many times), and a clean build of them
# makes the same bytes, so it is made once.
CLEAN: dict[bytes, dict[str, str] | str] = {}


def _temporary_folder() -> Path:
    """A new temporary folder, in memory where there is /dev/shm: builds remove many
    folders, and removing a folder costs milliseconds on some disks."""
    shm = Path("/dev/shm")
    where = shm if shm.is_dir() and os.access(shm, os.W_OK) else None
    return Path(tempfile.mkdtemp(prefix="sitegen-edits-", dir=where))


# --- reading and writing the sources, keeping their BOM and line ends -------------------


def _read(path: Path) -> tuple[str, str]:
    text = path.read_bytes().decode("utf-8")
    newline = "\r\n" if "\r\n" in text else "\n"
    return text.replace("\r\n", "\n"), newline


def _write(path: Path, text: str, newline: str = "\n") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))


def _paragraphs(text: str) -> list[str]:
    text = text.strip()
    return text.split("\n\n") if text else []


def _read_seed(path: Path) -> tuple[str, str, list[str], str]:
    """(what precedes 'date', the date, the paragraphs, the line end) of a raw article."""
    text, newline = _read(path)
    match = DATE.search(text)
    assert match, path
    return text[: match.start()], match.group(1), _paragraphs(text[match.end() :]), newline


def _write_seed(path: Path, head: str, day: str, paragraphs: list[str], newline: str) -> None:
    _write(path, f"{head}date {day} " + "\n\n".join(paragraphs) + "\n", newline)


def _read_md(path: Path) -> tuple[dict, list[str]]:
    """(front matter, paragraphs of the body) of a Markdown file; ({}, []) when missing."""
    if not path.exists():
        return {}, []
    text, _ = _read(path)
    meta: dict = {}
    if text.startswith("---\n"):
        block, _, text = text[4:].partition("\n---\n")
        meta = yaml.safe_load(block) or {}
    for key, value in meta.items():
        if isinstance(value, datetime.date):
            meta[key] = value.isoformat()
    return meta, _paragraphs(text)


def _write_md(path: Path, meta: dict, paragraphs: list[str]) -> None:
    """Write front matter and body; an override left with nothing is removed."""
    if not meta and not paragraphs:
        path.unlink(missing_ok=True)
        return
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, default_flow_style=None)
    _write(path, f"---\n{front}---\n" + "\n\n".join(paragraphs) + "\n")


def _json(value: object) -> str:
    """A string, number or list of strings as TOML writes it (JSON's forms are TOML's)."""
    return json.dumps(value, ensure_ascii=False)


def _body(path: Path) -> list[str]:
    """The paragraphs of an article's text."""
    return _read_seed(path)[2] if path.suffix == ".txt" else _read_md(path)[1]


def _without(paragraphs: list[str], name: str) -> list[str]:
    """The paragraphs without the sentences that mention name, but for the first."""
    kept = []
    for number, paragraph in enumerate(paragraphs):
        sentences = SENTENCE_END.split(paragraph)
        left = [s for i, s in enumerate(sentences) if name not in s or number == i == 0]
        if len(left) == len(sentences):
            kept.append(paragraph)
        elif left:
            kept.append(" ".join(left))
    return kept


def _sources_digest(site: Path) -> bytes:
    """A digest of every file a clean build of site reads (names and bytes)."""
    digest = hashlib.sha256()
    for path in sorted(site.rglob("*")):
        name = path.relative_to(site).as_posix()
        if path.is_file() and name.split("/")[0] not in ("dist", CACHE_DIR):
            data = path.read_bytes()
            digest.update(f"{name}\0{len(data)}\0".encode() + data)
    return digest.digest()


def _digests(files: dict[str, bytes]) -> dict[str, str]:
    return {name: hashlib.sha256(data).hexdigest() for name, data in files.items()}


def _toml(table: dict) -> str:
    lines = []
    for key, value in table.items():
        if isinstance(value, bool):
            lines.append(f"{key} = {'true' if value else 'false'}")
        else:
            lines.append(f"{key} = {_json(value)}")
    return "\n".join(lines) + "\n"


def _difference(incremental: dict[str, bytes], clean: dict[str, bytes]) -> str:
    """A short account of how two output trees differ."""
    lines = []
    for name in sorted(incremental.keys() - clean.keys()):
        lines.append(f"only in the incremental build: {name}")
    for name in sorted(clean.keys() - incremental.keys()):
        lines.append(f"only in the clean build: {name}")
    for name in sorted(n for n in incremental.keys() & clean.keys() if incremental[n] != clean[n]):
        lines.append(f"differs: {name}")
        ours = incremental[name].decode("utf-8", "replace").splitlines()
        theirs = clean[name].decode("utf-8", "replace").splitlines()
        diff = difflib.unified_diff(theirs, ours, "clean", "incremental", n=0, lineterm="")
        lines.extend("    " + line[:200] for line in list(diff)[2:12])
    return "\n".join(lines[:60])


class IncrementalEdits(RuleBasedStateMachine):
    """Edits a site; after each edit the incremental build must equal a clean one."""

    template: Path | None = None  # the site to start from (set by the `machine` fixture)

    def __init__(self) -> None:
        super().__init__()
        self.root = _temporary_folder()
        self.site = self.root / "site"
        assert self.template, "use the machine fixture"
        shutil.copytree(self.template, self.site)
        self.toml = dict(SETTINGS)
        self.words: dict[str, str] = {}
        self.gazetteer_entries: dict[str, dict] = {"stop": {}, "aliases": {}}
        self.memory: Kept | None = None
        self.count = 0  # for new file names and template comments
        self.log: list[str] = []  # the edits made, for the failure message
        self.built = 0

    def teardown(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)

    # --- what there is to edit ----------------------------------------------------------

    def articles(self) -> list[Path]:
        """Raw articles, then Markdown articles."""
        seeds = sorted((self.site / "seeds").glob("*.txt"))
        return seeds + sorted((self.site / "content" / "news").glob("*.md"))

    def pick(self, index: int) -> Path:
        articles = self.articles()
        return articles[index % len(articles)]

    def front_matter_file(self, article: Path) -> Path:
        """Where an article's front matter is: its override for a raw article."""
        if article.suffix == ".txt":
            return self.site / "content" / f"{article_id(article)}.md"
        return article

    def note(self, text: str) -> None:
        """Log an edit as made; Hypothesis prints the notes of the minimal failing case."""
        self.log.append(text)
        with contextlib.suppress(InvalidArgument):  # not run by Hypothesis: no notes
            note(text)

    def relative(self, path: Path) -> str:
        return path.relative_to(self.site).as_posix()

    def set_meta(self, article: Path, key: str, value: object) -> None:
        """Set a front-matter key of an article (None: remove it)."""
        path = self.front_matter_file(article)
        meta, paragraphs = _read_md(path)
        if value is None:
            meta.pop(key, None)
        else:
            meta[key] = value
        _write_md(path, meta, paragraphs)
        self.note(f"{self.relative(path)}: {key} = {value!r}")

    def edit_paragraphs(self, path: Path, change) -> None:
        """Apply change(paragraphs) -> paragraphs to the text of an article or page."""
        if path.suffix == ".txt":
            head, day, paragraphs, newline = _read_seed(path)
            _write_seed(path, head, day, change(paragraphs), newline)
        else:
            meta, paragraphs = _read_md(path)
            _write_md(path, meta, change(paragraphs))

    # --- the builds ---------------------------------------------------------------------

    @initialize(serve=st.booleans())
    def start(self, serve: bool) -> None:
        """serve: keep the cache in memory between builds, as `sitegen serve` does."""
        self.memory = Kept() if serve else None
        self.note(
            f"builds {'with the cache in memory (serve)' if serve else 'from the disk cache'}"
        )

    @invariant(check_during_init=False)
    def equals_a_clean_build(self) -> None:
        # (as serve builds with search off: it keeps only an index that search made)
        incremental = self._outcome(BuildOptions(site=self.site, search=False, memory=self.memory))
        sources = _sources_digest(self.site)
        if sources not in CLEAN:
            CLEAN[sources] = self._clean()
        clean = CLEAN[sources]
        if isinstance(clean, str) or isinstance(incremental, str):
            assert incremental == clean, "\n".join([*self.log, "the builds failed otherwise"])
            STATS["failed builds"] += 1
            return
        result, ours = incremental
        if _digests(ours) != clean:
            made = self._outcome(self._clean_options())
            assert not isinstance(made, str), made
            if ours != made[1]:  # raised, not asserted: pytest's diff of two trees takes seconds
                raise AssertionError("\n".join(["after", *self.log, _difference(ours, made[1])]))
        STATS["builds"] += 1
        if self.built and result.rendered < result.pages:
            STATS["in place"] += 1
        self.built += 1

    def _clean_options(self) -> BuildOptions:
        """A clean build: no cache, into a new folder."""
        out = self.root / "clean"
        shutil.rmtree(out, ignore_errors=True)
        return BuildOptions(site=self.site, out=out, search=False, cache=False)

    def _clean(self) -> dict[str, str] | str:
        """The digests of a clean build's files, or its error's text."""
        made = self._outcome(self._clean_options())
        return made if isinstance(made, str) else _digests(made[1])

    def _outcome(self, options: BuildOptions):
        """(result, output tree), or the error's text when the build refused the site."""
        try:
            result = build(options)
        except SitegenError as exc:
            return f"{type(exc).__name__}: {exc}"
        return result, tree(options.out or self.site / "dist")

    # --- the edits ----------------------------------------------------------------------

    @rule(edit=EDITS)
    def edit(self, edit: tuple) -> None:
        """One edit: its kind, then its arguments (an index picks among the articles
        there are at that point)."""
        kind, *arguments = edit  # made by the method edit_<kind>
        STATS[kind] += 1
        getattr(self, "edit_" + kind.replace(" ", "_"))(*arguments)

    def edit_text(self, index: int, how: str, sentence: str) -> None:
        """Change the text of an article or of the standalone page about.md: a sentence
        more, a paragraph more or less, or a new first paragraph (a new headline)."""
        documents = [*self.articles(), self.site / "content" / "about.md"]
        path = documents[index % len(documents)]

        def change(paragraphs: list[str]) -> list[str]:
            if how == "sentence" and paragraphs:
                return [*paragraphs[:-1], f"{paragraphs[-1]} {sentence}"]
            if how == "drop" and len(paragraphs) > 1:
                return paragraphs[:-1]
            if how == "lead":
                return [sentence, *paragraphs]
            return [*paragraphs, sentence]

        self.edit_paragraphs(path, change)
        self.note(f"{self.relative(path)}: text, {how} ({sentence[:30]}…)")

    def edit_headline(self, index: int, title: str | None) -> None:
        """Add, change or remove a title in an override or the front matter."""
        self.set_meta(self.pick(index), "title", title)

    def edit_tags(self, index: int, tags: list[str] | str | None) -> None:
        self.set_meta(self.pick(index), "tags", tags)

    def edit_correction(self, index: int, field: tuple[str, str | None]) -> None:
        """A summary, slug, correction date, author or image of an override or the front
        matter."""
        self.set_meta(self.pick(index), *field)

    def edit_new_name(self, index: int, sentence: str, alone: bool) -> None:
        """A sentence that names someone or somewhere, in its own paragraph or the last."""
        path = self.pick(index)

        def change(paragraphs: list[str]) -> list[str]:
            if alone or not paragraphs:
                return [*paragraphs, sentence]
            return [*paragraphs[:-1], f"{paragraphs[-1]} {sentence}"]

        self.edit_paragraphs(path, change)
        self.note(f"{self.relative(path)}: added {sentence!r}")

    def named(self) -> list[tuple[Path, str]]:
        """(article, name) for every name that an article's sentences could lose."""
        found = []
        for path in self.articles():
            paragraphs = _body(path)
            found.extend((path, name) for name in NAMED if _without(paragraphs, name) != paragraphs)
        return found

    def edit_removed_name(self, index: int) -> None:
        """Take out of an article every sentence that mentions a name (the lead's first
        sentence stays): a name an earlier edit added, or one the article had."""
        named = self.named()
        if not named:
            self.note("no name to remove")
            return
        path, name = named[index % len(named)]
        self.edit_paragraphs(path, lambda paragraphs: _without(paragraphs, name))
        self.note(f"{self.relative(path)}: sentences with {name!r} removed")

    def edit_new_date(self, index: int, day: str, override: bool) -> None:
        """Move an article to another day, month or year: in the raw file or an override."""
        path = self.pick(index)
        if path.suffix == ".md" or override:
            self.set_meta(path, "date", day)
            return
        head, _, paragraphs, newline = _read_seed(path)
        _write_seed(path, head, day, paragraphs, newline)
        self.note(f"{self.relative(path)}: date {day}")

    def edit_deleted(self, index: int, keep_override: bool) -> None:
        """Delete an article; a raw article's override stays (then it is a page) or goes."""
        if len(self.articles()) <= 2:
            self.note("too few articles to delete one")
            return
        path = self.pick(index)
        path.unlink()
        override = self.front_matter_file(path)
        if not keep_override:
            override.unlink(missing_ok=True)
        self.note(f"{self.relative(path)}: deleted, override {'kept' if keep_override else 'too'}")

    def edit_new_article(self, markdown: bool, lead: str, day: str) -> None:
        self.count += 1
        body = [lead, SENTENCES[self.count % len(SENTENCES)]]
        if markdown:
            path = self.site / "content" / "news" / f"new-{self.count}.md"
            _write_md(path, {"title": lead.rstrip("."), "date": day}, body)
        else:
            path = self.site / "seeds" / f"5{self.count:02d}_new{self.count}.txt"
            _write_seed(path, "", day, body, "\n")
        self.note(f"{self.relative(path)}: new, {day}, {lead[:30]}…")

    def edit_draft(self, index: int, draft: bool) -> None:
        """Mark an article a draft, or publish it (draft.md starts as one)."""
        self.set_meta(self.pick(index), "draft", True if draft else None)

    def edit_template(self, name: str, remove: bool) -> None:
        """A template override with another HTML comment, or no override."""
        own = self.site / "themes" / "default" / "templates" / f"{name}.html"
        if remove:
            own.unlink(missing_ok=True)
            self.note(f"{self.relative(own)}: removed")
            return
        self.count += 1
        text = (own if own.exists() else DEFAULT_TEMPLATES / own.name).read_text("utf-8")
        comment = f"<!-- edit {self.count} -->"
        if name == "base":
            text = text.replace("</body>", f"{comment}\n</body>", 1)
        else:
            text = text.replace("{% block main %}", "{% block main %}" + comment, 1)
        assert comment in text
        _write(own, text)
        self.note(f"{self.relative(own)}: {comment}")

    def edit_theme_word(self, word: tuple[str, str | None]) -> None:
        """A word of the theme in the site's themes/default/i18n/el.toml."""
        key, value = word
        if value is None:
            self.words.pop(key, None)
        else:
            self.words[key] = value
        path = self.site / "themes" / "default" / "i18n" / "el.toml"
        if self.words:
            _write(path, _toml(self.words))
        else:
            path.unlink(missing_ok=True)
        self.note(f"i18n: {key} = {value!r}")

    def edit_setting(self, change: tuple[str, object]) -> None:
        key, value = change
        self.toml[key] = value
        _write(self.site / "sitegen.toml", _toml(self.toml))
        self.note(f"sitegen.toml: {key} = {value!r}")

    def edit_gazetteer(self, entry: tuple[str, object]) -> None:
        """content/tags.toml: a stop word or an alias more, or none at all."""
        kind, value = entry
        if kind == "stop":
            self.gazetteer_entries["stop"][value] = True
        elif kind == "alias":
            name, alias = value
            self.gazetteer_entries["aliases"][name] = [alias]
        else:
            self.gazetteer_entries = {"stop": {}, "aliases": {}}
        path = self.site / "content" / "tags.toml"
        if kind == "clear":
            path.unlink(missing_ok=True)
        else:
            lines = [f"stop = {_json(list(self.gazetteer_entries['stop']))}", "[aliases]"]
            lines += [
                f"{_json(k)} = {_json(v)}" for k, v in self.gazetteer_entries["aliases"].items()
            ]
            _write(path, "\n".join(lines) + "\n")
        self.note(f"content/tags.toml: {kind} {value!r}")

    def edit_output_by_hand(self, index: int, delete: bool) -> None:
        """A file of the last output edited or deleted by hand."""
        files = sorted(p for p in (self.site / "dist").rglob("*") if p.is_file())
        if not files:
            self.note("no output to edit")
            return
        path = files[index % len(files)]
        if delete:
            path.unlink()
        else:
            path.write_text("changed by hand", encoding="utf-8")
        self.note(f"{self.relative(path)}: {'deleted' if delete else 'changed'} by hand")

    def edit_touched(self, index: int) -> None:
        """Saved again without a change: a newer mtime, the same bytes."""
        path = self.pick(index)
        stat = path.stat()
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
        self.note(f"{self.relative(path)}: touched")


@pytest.fixture(scope="module")
def template_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The starting site: the basic fixture and a few generated articles."""
    site = tmp_path_factory.mktemp("edits") / "site"
    shutil.copytree(FIXTURES / "basic", site)
    benchmark_module("corpus").write_collection(site / "seeds", GENERATED)
    return site


@pytest.fixture
def machine(template_site: Path, monkeypatch: pytest.MonkeyPatch) -> type[IncrementalEdits]:
    """The state machine, starting from template_site, on a fixed "today"."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", TODAY)
    monkeypatch.setattr(IncrementalEdits, "template", template_site)
    return IncrementalEdits


@pytest.mark.slow
def test_incremental_builds_equal_clean_builds_after_random_edits(
    machine: type[IncrementalEdits],
) -> None:
    STATS.clear()
    run_state_machine_as_test(
        machine,
        settings=settings(
            max_examples=20,
            stateful_step_count=12,
            deadline=None,
            derandomize=True,
            database=None,
            # no explain phase: it traces every line of the builds, which then take seconds
            phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink],
        ),
    )
    # not vacuous: most kinds of edit were made (test_every_kind_of_edit makes each), and
    # builds stayed in place often enough
    assert len(set(ARGUMENTS) & set(STATS)) >= len(ARGUMENTS) * 3 // 4, dict(STATS)
    assert STATS["in place"] >= STATS["builds"] // 5, dict(STATS)


ONE_OF_EACH = [
    ("text", 3, "sentence", SENTENCES[0]),
    ("headline", 5, TITLES[0]),
    ("tags", 2, TAGS[1]),
    ("correction", 4, FIELDS[0]),
    ("new name", 6, NAMES[0], True),
    ("removed name", 0),
    ("new date", 7, "2021-06-15", False),
    ("deleted", 5, True),  # its override (the headline above) stays: now a page
    ("new article", True, LEADS[1], "2024-02-29"),
    ("draft", 3, True),
    ("template", "article", False),
    ("theme word", WORDS[0]),
    ("setting", ("per_page", 3)),
    ("gazetteer", GAZETTEER[2]),
    ("output by hand", 5, False),
    ("touched", 2),
]


def test_every_kind_of_edit(machine: type[IncrementalEdits]) -> None:
    """Each edit of the state machine once, in a fixed order: the edits work, and the
    random test above lacks none of them."""
    assert [edit[0] for edit in ONE_OF_EACH] == list(ARGUMENTS)
    state = machine()
    try:
        state.start(serve=False)
        state.equals_a_clean_build()
        for edit in ONE_OF_EACH:
            state.edit(edit)
            state.equals_a_clean_build()
    finally:
        state.teardown()
    assert len(state.log) == 1 + len(ONE_OF_EACH)  # every edit was made

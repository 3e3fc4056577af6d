"""Incremental builds: after any change, the output equals a clean build's, byte for byte."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from sitegen.commands.build import BuildOptions, BuildResult, build
from sitegen.commands.options import Kept
from sitegen.incremental.cache import CACHE_DIR
from sitegen.output.search import BUNDLE_DIR, FINGERPRINT
from sitegen.sources.seeds import article_id

from .conftest import FIXTURES, benchmark_module, tree

SETTINGS = 'title = "Δοκιμή"\nbase_url = "https://example.org/news/"\nper_page = 4\n'


@pytest.fixture(scope="module")
def template_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The basic fixture plus 40 generated articles: tags, related, months and pages."""
    site = tmp_path_factory.mktemp("incremental") / "site"
    shutil.copytree(FIXTURES / "basic", site)
    (site / "sitegen.toml").write_text(SETTINGS, encoding="utf-8")
    benchmark_module("corpus").write_collection(site / "seeds", 40)
    return site


@pytest.fixture
def site(template_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764000000")  # the same "today" for every build
    copy = tmp_path / "site"
    shutil.copytree(template_site, copy)
    return copy


def _build(site: Path, **options) -> BuildResult:
    return build(BuildOptions(site=site, search=False, **options))


def _clean(site: Path, out: Path, **options) -> dict[str, bytes]:
    """What a build without any cache or earlier output makes."""
    _build(site, out=out, cache=False, **options)
    return tree(out)


def _seed(site: Path, number: int = 3) -> Path:
    return sorted((site / "seeds").glob("*.txt"))[number]


def _replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _typo(site: Path) -> None:
    path = _seed(site)
    lines = path.read_text(encoding="utf-8").split("\n")
    last = max(i for i, line in enumerate(lines) if line.strip())
    lines[last] = lines[last].replace(" ", "  ", 1).replace("  ", " το ", 1)
    path.write_text("\n".join(lines), encoding="utf-8")


def _new_lead(site: Path) -> None:  # a new headline, summary and slug
    path = _seed(site)
    text = path.read_text(encoding="utf-8")
    start = text.index("date ") + len("date YYYY-MM-DD ")  # the lead follows on the date line
    lead = "Ο δήμαρχος της Καβάλας ανακοίνωσε νέα μέτρα για την κυκλοφορία στο κέντρο."
    path.write_text(f"{text[:start]}{lead}\n\n{text[start:]}", encoding="utf-8")


def _new_name(site: Path) -> None:  # names feed the tags of the whole collection
    path = _seed(site, 5)
    text = path.read_text(encoding="utf-8").rstrip()
    extra = " Ο Γιάννης Παπαγεωργίου μίλησε στη Λάρισα. Ο Παπαγεωργίου επέμεινε στη Λάρισα."
    path.write_text(text + extra + "\n", encoding="utf-8")


def _new_article(site: Path) -> None:
    text = "date 2024-02-29\n\nΗ Κομισιόν ενέκρινε το σχέδιο της Αθήνας για τα λιμάνια.\n"
    (site / "seeds" / "999_new.txt").write_text(text, encoding="utf-8")


def _deleted_article(site: Path) -> None:
    _seed(site, 7).unlink()


def _new_date(site: Path) -> None:
    path = _seed(site, 2)
    text = path.read_text(encoding="utf-8")
    start = text.index("date ")
    path.write_text(text[:start] + "date 2021-06-15" + text[start + 15 :], encoding="utf-8")


def _override(site: Path) -> None:
    stem = article_id(_seed(site, 4))
    front = '---\ntitle: "Διορθωμένος τίτλος"\ntags: ["Αθήνα", "Οικονομία"]\n---\n'
    (site / "content" / f"{stem}.md").write_text(front, encoding="utf-8")


def _gazetteer(site: Path) -> None:
    (site / "content" / "tags.toml").write_text('stop = ["Αθήνα"]\n', encoding="utf-8")


def _template(site: Path) -> None:
    own = site / "themes" / "default" / "templates"
    own.mkdir(parents=True)
    default = Path(__file__).parent.parent / "themes" / "default" / "templates" / "article.html"
    text = default.read_text(encoding="utf-8").replace("</article>", "<p>τέλος</p></article>", 1)
    (own / "article.html").write_text(text, encoding="utf-8")


def _static(site: Path) -> None:  # a site's own favicon, over the theme's
    own = site / "themes" / "default" / "static"
    own.mkdir(parents=True)
    (own / "favicon.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>\n')


def _setting(site: Path) -> None:
    _replace_in(site / "sitegen.toml", "per_page = 4", "per_page = 3")


def _draft(site: Path) -> None:
    stem = article_id(_seed(site, 6))
    (site / "content" / f"{stem}.md").write_text("---\ndraft: true\n---\n", encoding="utf-8")


def _edited_output(site: Path) -> None:
    page = next((site / "dist").rglob("index.html"))
    page.write_text("changed by hand", encoding="utf-8")


def _deleted_output(site: Path) -> None:
    next((site / "dist" / "tags").rglob("index.html")).unlink()
    (site / "dist" / "feed.xml").unlink()


def _touched(site: Path) -> None:
    path = _seed(site)
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))


# (edit, True: few files made again, False: all, None: either; on this small site new
# tags for one article shift many tag pages, and past a quarter a fresh build is faster)
EDITS: list[tuple[Callable[[Path], None], bool | None]] = [
    (_typo, True),
    (_new_lead, True),
    (_new_name, True),
    (_new_article, True),
    (_deleted_article, True),
    (_new_date, True),
    (_override, None),
    (_gazetteer, True),
    (_draft, True),
    (_edited_output, True),
    (_deleted_output, True),
    (_touched, True),
    (_static, True),  # a static file is a file of its own: the pages stay
    (_template, False),  # the theme is shared by every page: a fresh build
    (_setting, False),
]


@pytest.mark.parametrize("edit,partial", EDITS, ids=[e.__name__.strip("_") for e, _ in EDITS])
def test_an_incremental_build_equals_a_clean_build(
    site: Path, tmp_path: Path, edit: Callable[[Path], None], partial: bool | None
) -> None:
    first = _build(site)
    assert first.rendered == first.pages
    edit(site)
    again = _build(site)
    assert tree(site / "dist") == _clean(site, tmp_path / "clean")
    if partial is True:
        assert again.rendered < again.pages / 4, f"{again.rendered} of {again.pages} made again"
    elif partial is False:
        assert again.rendered == again.pages


def test_a_rebuild_without_changes_makes_nothing_and_keeps_mtimes(site: Path) -> None:
    _build(site)
    before = {p: p.stat().st_mtime_ns for p in (site / "dist").rglob("*") if p.is_file()}
    again = _build(site)
    assert (again.rendered, again.changed) == (0, 0)
    assert {p: p.stat().st_mtime_ns for p in (site / "dist").rglob("*") if p.is_file()} == before


def test_a_typo_remakes_only_the_files_that_show_the_text(site: Path) -> None:
    _build(site)
    dist = site / "dist"
    before = {p: p.stat().st_mtime_ns for p in dist.rglob("*") if p.is_file()}
    _typo(site)  # in the last paragraph: not the headline, not the summary
    again = _build(site)
    changed = sorted(
        p.relative_to(dist).as_posix()
        for p in dist.rglob("*")
        if p.is_file() and p.stat().st_mtime_ns != before.get(p)
    )
    pages = [name for name in changed if name.endswith(".html")]
    assert len(pages) == 1 and pages[0].count("/") == 4  # YYYY/MM/DD/slug/index.html
    feeds = set(changed) - set(pages)
    assert {"feed.xml", "atom.xml", "feed.json"} <= feeds  # full text in every feed
    assert all(n.startswith("tags/") for n in feeds - {"feed.xml", "atom.xml", "feed.json"})
    assert again.changed == len(changed)


@pytest.mark.parametrize(
    "pattern",
    [
        "sources-*.pickle",
        "derived.pickle",
        "manifest.pickle",
        "tags.pickle",
        "related.pickle",
        "templates/*.cache",
    ],
)
@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05garbage", None])
def test_a_damaged_cache_is_ignored(
    site: Path, tmp_path: Path, pattern: str, damage: bytes | None
) -> None:
    """None: the file cut in half, its header intact."""
    _build(site)
    _new_name(site)
    files = list((site / CACHE_DIR).glob(pattern))
    assert files
    for path in files:
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2] if damage is None else damage)
    _build(site)
    assert tree(site / "dist") == _clean(site, tmp_path / "clean")


def test_a_cache_from_another_sitegen_is_not_trusted(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sitegen.incremental import cache

    _build(site)
    monkeypatch.setattr(cache, "code_version", lambda: "another version")
    _typo(site)
    again = _build(site)
    assert again.rendered == again.pages
    assert tree(site / "dist") == _clean(site, tmp_path / "clean")


def test_the_cache_is_git_ignored_and_optional(site: Path) -> None:
    _build(site)
    assert (site / CACHE_DIR / ".gitignore").read_text().splitlines()[-1] == "*"
    shutil.rmtree(site / CACHE_DIR)
    result = _build(site, cache=False)
    assert not (site / CACHE_DIR).exists()
    assert result.rendered == result.pages


def test_ctrl_c_while_writing_in_place_leaves_the_last_output(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sitegen.output import inplace

    _build(site)
    before = tree(site / "dist")
    _new_article(site)
    original = inplace.InPlace.write

    def interrupted(self, relative: str, data: bytes):
        raise KeyboardInterrupt

    monkeypatch.setattr(inplace.InPlace, "write", interrupted)
    with pytest.raises(KeyboardInterrupt):
        _build(site)
    assert tree(site / "dist") == before
    monkeypatch.setattr(inplace.InPlace, "write", original)
    again = _build(site)
    assert again.rendered < again.pages  # the manifest still holds: in place again
    assert tree(site / "dist") == _clean(site, tmp_path / "clean")


def test_the_search_index_follows_incremental_builds(site: Path, tmp_path: Path) -> None:
    build(BuildOptions(site=site))
    bundle = site / "dist" / BUNDLE_DIR
    parts = sorted(p.name for p in bundle.iterdir())
    assert parts and all(len(p) == 4 and p.isdigit() for p in parts)  # one part a year
    prints = {p: (bundle / p / FINGERPRINT).read_text() for p in parts}
    _typo(site)
    again = build(BuildOptions(site=site))
    assert (again.search, again.rendered < again.pages) == ("indexed", True)
    build(BuildOptions(site=site, out=tmp_path / "clean", cache=False))
    now = {p: (bundle / p / FINGERPRINT).read_text() for p in parts}
    assert sum(now[p] != prints[p] for p in parts) == 1  # only the edited year again
    clean = tmp_path / "clean" / BUNDLE_DIR
    assert now == {p: (clean / p / FINGERPRINT).read_text() for p in parts}
    assert not [p.name for p in bundle.iterdir() if p.name.startswith(".")]  # no temporary part
    assert build(BuildOptions(site=site)).search == "unchanged"
    kept = build(BuildOptions(site=site, search=False, keep_index=True))
    assert kept.search == "kept" and bundle.is_dir()
    assert build(BuildOptions(site=site, search=False)).search == "off"
    assert not bundle.exists()


def test_the_build_benchmark_runs_every_scenario(tmp_path: Path) -> None:
    """A small run of benchmarks/build_bench.py: it is how the speed targets are measured."""
    import json
    import subprocess
    import sys

    script = Path(__file__).parent.parent / "benchmarks" / "build_bench.py"
    out = tmp_path / "bench.json"
    command = [sys.executable, str(script), "-n", "60", "--runs", "1", "--json", str(out)]
    subprocess.run(command, check=True, capture_output=True, timeout=300)
    report = json.loads(out.read_text())
    names = ["clean", "typo", "sentence", "serve typo", "serve sentence"]
    assert list(report) == [f"60 {name}" for name in names]
    assert report["60 clean"]["rendered"] == report["60 clean"]["pages"]
    for name in names[1:]:
        assert 0 < report[f"60 {name}"]["rendered"] < report[f"60 {name}"]["pages"] / 4
    assert report["60 typo"]["process_s"] > report["60 typo"]["total_wall_s"] > 0


def test_serve_rebuilds_with_the_cache_in_memory(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sitegen.collection import tagging

    memory = Kept()
    for number, edit in enumerate((None, _typo, _new_name, _typo)):
        if edit:
            edit(site)
        result = _build(site, memory=memory, keep_index=True)
        clean = _clean(site, tmp_path / f"clean-{number}", keep_index=True)  # (pages that
        # link the search page, as serve's do)
        assert tree(site / "dist") == clean
    assert result.rendered < result.pages / 4
    # the names of unchanged articles are kept on disk too: a new process finds them there
    calls = []
    monkeypatch.setattr(tagging, "find_mentions", lambda p: calls.append(p) or [])
    _new_article(site)
    _build(site)
    assert len(calls) == 1


def test_the_tags_evidence_is_loaded_only_when_names_changed(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sitegen.incremental.cache import BuildCache

    _build(site)
    loads = []
    original = BuildCache.state
    monkeypatch.setattr(
        BuildCache, "state", lambda self, name: loads.append(name) or original(self, name)
    )
    _typo(site)
    _build(site)
    assert loads == []
    _new_name(site)
    _build(site)
    assert "tags" in loads


def test_serve_picks_up_a_new_and_an_edited_template(site: Path, tmp_path: Path) -> None:
    memory = Kept()
    _build(site, memory=memory, keep_index=True)
    _template(site)  # a site template that overrides one already loaded
    _build(site, memory=memory, keep_index=True)
    assert tree(site / "dist") == _clean(site, tmp_path / "clean", keep_index=True)
    own = site / "themes" / "default" / "templates" / "article.html"
    own.write_text(own.read_text(encoding="utf-8").replace("τέλος", "τέλος!"), encoding="utf-8")
    os.utime(own, ns=(own.stat().st_atime_ns, own.stat().st_mtime_ns + 10**9))
    _build(site, memory=memory, keep_index=True)
    assert tree(site / "dist") == _clean(site, tmp_path / "clean-2", keep_index=True)


def test_a_change_that_keeps_size_and_mtime_is_seen_when_recent(site: Path, tmp_path: Path) -> None:
    """A file saved twice within one mtime tick, same size: hashed again, not trusted."""
    path = _seed(site)
    os.utime(path)  # saved just now, as in an editor
    _build(site)
    stat = path.stat()
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("α", "ε", 1), encoding="utf-8")  # same size in UTF-8
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size
    _build(site)
    assert tree(site / "dist") == _clean(site, tmp_path / "clean")


def test_a_cache_that_cannot_be_saved_is_a_warning(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sitegen.incremental.cache import BuildCache

    def refuse(self, manifest) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(BuildCache, "save", refuse)
    result = _build(site)
    assert [p.message for p in result.warnings] == [
        "could not save the build cache ([Errno 13] Permission denied)"
    ]
    assert tree(site / "dist") == _clean(site, tmp_path / "clean")


def test_files_of_other_cache_versions_are_removed(site: Path) -> None:
    (site / CACHE_DIR).mkdir()
    for name in ("sources.pickle", "bulky.log", ".manifest.pickle.x1y2"):
        (site / CACHE_DIR / name).write_bytes(b"old")
    _build(site)
    names = {p.name for p in (site / CACHE_DIR).iterdir()}
    assert not names & {"sources.pickle", "bulky.log", ".manifest.pickle.x1y2"}
    assert {"manifest.pickle", "derived.pickle", "tags.pickle", ".gitignore"} <= names

"""A user's folders are safe: sitegen replaces only an output folder it made (or an
empty one), never the sources, one build at a time, and never writes or deletes through
a symbolic link in its output."""

from __future__ import annotations

import os
import pickle
import shutil
import threading
import time
from pathlib import Path

import pytest

from sitegen.commands.build import BuildOptions, build
from sitegen.commands.cli import main
from sitegen.core.errors import UsageError
from sitegen.output.folders import output_lock
from sitegen.output.inplace import InPlace

from .conftest import tree, write_site

SEED = "date 2025-09-03 Ο δήμαρχος εγκαινίασε τη νέα βιβλιοθήκη της πόλης.\n"


def small_site(root: Path) -> Path:
    return write_site(root, {"seeds/001_aaaaaaaaaaaaaaaa.txt": SEED})


def people_files(folder: Path) -> dict[str, bytes]:
    """A folder of someone's own files, made for the test."""
    files = {"Documents/thesis.txt": b"chapter 1", ".bashrc": b"alias ll='ls -l'"}
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    return tree(folder)


@pytest.mark.parametrize(
    ("out", "message"),
    [
        pytest.param("home", "is not empty and sitegen did not make it", id="someone's folder"),
        pytest.param("site/seeds", "is inside the sources", id="the seeds"),
        pytest.param("site/content", "is inside the sources", id="the Markdown sources"),
        pytest.param("site/themes/mine", "is inside the sources", id="inside a theme"),
        pytest.param("site/.git", "is inside the sources", id="the repository"),
        pytest.param("site/.sitegen-cache", "is inside the sources", id="the cache"),
        pytest.param("site", "would replace the site folder", id="the site itself"),
        pytest.param("notes.txt", "is a file, not a folder", id="a file"),
    ],
)
def test_output_folders_that_are_refused(
    tmp_path: Path, out: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    site = small_site(tmp_path / "site")
    for folder in ("content", "themes/mine", ".git", ".sitegen-cache"):
        (site / folder).mkdir(parents=True)
        (site / folder / "keep.txt").write_text("mine")
    (tmp_path / "home").mkdir()
    people_files(tmp_path / "home")
    (tmp_path / "notes.txt").write_text("my notes")
    before = tree(tmp_path)
    code = main(["build", "--site", str(site), "--out", str(tmp_path / out), "--quiet"])
    assert code == 2
    err = capsys.readouterr().err
    assert message in err and str(tmp_path / out) in err
    assert "Traceback" not in err
    assert tree(tmp_path) == before  # nothing deleted, nothing written


def test_a_link_as_output_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = small_site(tmp_path / "site")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "www").symlink_to(tmp_path / "elsewhere")
    assert main(["build", "--site", str(site), "--out", str(tmp_path / "www"), "--quiet"]) == 2
    assert "is a link, not a folder" in capsys.readouterr().err
    assert list((tmp_path / "elsewhere").iterdir()) == []


def test_force_replaces_a_folder_sitegen_did_not_make(tmp_path: Path) -> None:
    site = small_site(tmp_path / "site")
    people_files(tmp_path / "old")
    out = str(tmp_path / "old")
    assert main(["build", "--site", str(site), "--out", out, "--quiet", "--no-search"]) == 2
    assert (
        main(["build", "--site", str(site), "--out", out, "--quiet", "--no-search", "--force"]) == 0
    )
    assert not (tmp_path / "old/Documents").exists() and (tmp_path / "old/index.html").exists()


def test_its_own_output_is_recognised_without_the_cache(tmp_path: Path) -> None:
    """The home page names sitegen as its generator: no marker file is published."""
    site = small_site(tmp_path / "site")
    args = ["build", "--site", str(site), "--quiet", "--no-search", "--no-cache"]
    assert main(args) == 0
    assert main(args) == 0  # dist/ is not empty, but it is sitegen's
    assert sorted(p.name for p in (site / "dist").iterdir() if p.name.startswith(".")) == [
        ".nojekyll"  # (for GitHub Pages; no file marks the folder as sitegen's)
    ]


def test_an_empty_output_folder_is_used(tmp_path: Path) -> None:
    site = small_site(tmp_path / "site")
    (tmp_path / "www").mkdir()
    out = str(tmp_path / "www")
    assert main(["build", "--site", str(site), "--out", out, "--quiet", "--no-search"]) == 0
    assert sorted(p.name for p in (tmp_path / "www").iterdir()) == [
        ".nojekyll",
        "2025",
        "404.html",
        "archive",
        "atom.xml",
        "feed.json",
        "feed.xml",
        "index.html",
        "news-sitemap.xml",
        "robots.txt",
        "search",
        "sitemap.xml",
        "static",
        "tags",
    ]
    article = "www/2025/09/03/o-dimarchos-egkainiase-ti-nea-vivliothiki-tis-polis/index.html"
    assert (tmp_path / article).is_file()
    assert not (site / "dist").exists()  # built where it was told, not into SITE/dist


def test_folders_next_to_the_output_are_left_alone(tmp_path: Path) -> None:
    """sitegen's own staging and old folders have names no user folder has."""
    site = small_site(tmp_path / "site")
    for name in (".www.old", ".www.staging", ".www.tmp"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "mine.txt").write_text("mine")
    before = {name: tree(tmp_path / name) for name in (".www.old", ".www.staging", ".www.tmp")}
    out = str(tmp_path / "www")
    for _ in range(2):
        assert main(["build", "--site", str(site), "--out", out, "--quiet", "--no-search"]) == 0
    assert {name: tree(tmp_path / name) for name in before} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".www.old", ".www.staging", ".www.tmp", "site", "www",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("make", "message"),
    [
        pytest.param(lambda p: p.mkdir(), "no seeds/ or content/ in", id="an empty folder"),
        pytest.param(lambda p: p.write_text("x"), "is not a folder", id="a file"),
        pytest.param(lambda p: None, "is not a folder", id="nothing"),
    ],
)
def test_a_mistyped_site_folder_is_refused(
    tmp_path: Path, make, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    site = small_site(tmp_path / "site")
    assert main(["build", "--site", str(site), "--quiet", "--no-search"]) == 0
    before = tree(site / "dist")
    typo = tmp_path / "stie"
    make(typo)
    code = main(["build", "--site", str(typo), "--out", str(site / "dist"), "--quiet"])
    assert code == 2
    assert message in capsys.readouterr().err
    assert tree(site / "dist") == before


def test_a_second_build_waits_for_the_first(tmp_path: Path) -> None:
    site = small_site(tmp_path / "site")
    out = site / "dist"

    def hold() -> None:
        with output_lock(out, 1):
            time.sleep(0.5)

    holder = threading.Thread(target=hold)
    holder.start()
    time.sleep(0.1)
    started = time.monotonic()
    build(BuildOptions(site=site, search=False, lock_wait=10))
    holder.join()
    assert time.monotonic() - started >= 0.3  # it waited for the lock, then built
    assert (out / "index.html").exists()
    assert not (site / ".dist.sitegen-lock").exists()


def test_a_build_that_cannot_get_the_lock_names_the_holder(tmp_path: Path) -> None:
    site = small_site(tmp_path / "site")
    with output_lock(site / "dist", 1), pytest.raises(UsageError) as caught:
        build(BuildOptions(site=site, search=False, lock_wait=0.3))
    assert "another sitegen build (process " in str(caught.value)
    assert not (site / "dist").exists()


def test_links_in_the_output_are_replaced_not_followed(tmp_path: Path) -> None:
    """An incremental build after a folder of the output became a link writes nothing
    into the link's target and deletes nothing there."""
    seeds = {  # enough articles for an edit to be rebuilt in place
        f"seeds/{n:03}_{n:016x}.txt": f"date 2024-{n % 12 + 1:02}-10 Ο δήμος {n} άνοιξε πάρκο.\n"
        for n in range(3, 40)
    }
    seeds["seeds/002_bbbbbbbbbbbbbbbb.txt"] = "date 2025-09-04 Η ομάδα κέρδισε τον τελικό.\n"
    site = write_site(tmp_path / "site", seeds)
    args = ["build", "--site", str(site), "--quiet", "--no-search"]
    assert main(args) == 0
    out = site / "dist"
    day = out / "2025/09/04"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "precious.txt").write_text("mine")
    for page in day.iterdir():
        (elsewhere / page.name).mkdir()
        (elsewhere / page.name / "index.html").write_text("mine")
    before = tree(elsewhere)
    shutil.rmtree(day)
    day.symlink_to(elsewhere)
    (site / "seeds/002_bbbbbbbbbbbbbbbb.txt").write_text(
        "date 2025-09-04 Η ομάδα κέρδισε τον τελικό με 2-0.\n", encoding="utf-8"
    )
    assert main(args) == 0
    assert tree(elsewhere) == before
    assert not day.is_symlink() and day.is_dir()
    (site / "seeds/002_bbbbbbbbbbbbbbbb.txt").unlink()
    shutil.rmtree(day)
    day.symlink_to(elsewhere)
    assert main(args) == 0
    assert tree(elsewhere) == before


class _Planted:
    """A pickle that runs code when loaded: it creates a file."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


@pytest.mark.parametrize("name", ["manifest.pickle", "derived.pickle", "sources-00.pickle"])
def test_a_crafted_cache_file_is_never_loaded(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A .sitegen-cache/ that came with a repository cannot run code on a build."""
    site = small_site(tmp_path / "site")
    args = ["build", "--site", str(site), "--no-search"]
    assert main([*args, "--quiet"]) == 0
    marker = tmp_path / "ran"
    (site / ".sitegen-cache" / name).write_bytes(pickle.dumps(_Planted(marker)))
    assert main(args) == 0
    assert not marker.exists()
    err = capsys.readouterr().err
    assert f".sitegen-cache/{name}" in err and "has no seal of this machine" in err
    assert main(args) == 0  # the next build saved a cache of its own: no warning
    assert "no seal" not in capsys.readouterr().err


def _fifo(path: Path) -> None:
    os.mkfifo(path)


@pytest.mark.parametrize(
    ("name", "make", "warning"),
    [
        pytest.param(
            "content/.#about.md",
            lambda p: p.symlink_to("user@host.1234:1700000000"),
            None,
            id="an editor's lock file (a link to nothing)",
        ),
        pytest.param("content/about.md~", lambda p: p.write_text("---\n"), None, id="a backup"),
        pytest.param("seeds/#002.txt#", lambda p: p.write_text("x"), None, id="an autosave"),
        pytest.param(
            "content/news.md",
            lambda p: p.symlink_to(p.parent / "gone.md"),
            "is a link to nothing, skipped",
            id="a dangling link",
        ),
        pytest.param(
            "seeds/x.txt",
            lambda p: p.mkdir(),
            "is not a regular file (a folder, a pipe or a device), skipped",
            id="a folder named like an article",
        ),
        pytest.param(
            "seeds/pipe.txt",
            _fifo,
            "is not a regular file (a folder, a pipe or a device), skipped",
            id="a pipe (reading it would wait forever)",
        ),
        pytest.param(
            "seeds/zero.txt",
            lambda p: p.symlink_to("/dev/zero"),
            "is not a regular file (a folder, a pipe or a device), skipped",
            id="a link to /dev/zero (it never ends)",
        ),
    ],
)
def test_files_that_are_not_articles_are_not_read(
    tmp_path: Path, name: str, make, warning: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    site = small_site(tmp_path / "site")
    (site / "content").mkdir(exist_ok=True)
    make(site / name)
    assert main(["build", "--site", str(site), "--no-search"]) == 0
    err = capsys.readouterr().err
    if warning:
        assert f"{name}: warning: {warning}" in err
    else:
        assert name not in err
    assert "Traceback" not in err


def test_a_huge_file_is_refused_without_reading_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = small_site(tmp_path / "site")
    with (site / "seeds/002_bbbbbbbbbbbbbbbb.txt").open("wb") as file:
        file.truncate(6 * 1024 * 1024)  # sparse: 6 MB that cost nothing
    assert main(["build", "--site", str(site), "--no-search", "--quiet"]) == 1
    assert "002_bbbbbbbbbbbbbbbb.txt: is 6.0 MB, more than an article can be (5 MB)" in (
        capsys.readouterr().err
    )


def test_writing_in_place_replaces_a_link_in_the_way(tmp_path: Path) -> None:
    """A page new since the last build, where a link to elsewhere now stands."""
    out, elsewhere = tmp_path / "dist", tmp_path / "elsewhere"
    out.mkdir()
    elsewhere.mkdir()
    (out / "about").symlink_to(elsewhere)
    writer = InPlace(out)
    writer.write("about/index.html", b"<p>about</p>")
    writer.commit()
    writer.finish()
    assert list(elsewhere.iterdir()) == []
    assert not (out / "about").is_symlink()
    assert (out / "about/index.html").read_bytes() == b"<p>about</p>"

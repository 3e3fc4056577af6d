"""Staging and swap: all or nothing, unchanged files keep their mtimes, no escape."""

import os
from pathlib import Path

import pytest

from sitegen.core.errors import UsageError
from sitegen.output.folders import check_output_dir
from sitegen.output.staging import Staging, safe_relative

from .conftest import tree


def test_commit_replaces_the_output(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    out.mkdir()
    (out / "stale.html").write_text("old")
    with Staging(out) as staging:
        staging.write("index.html", b"new")
        staging.commit()
    assert tree(out) == {"index.html": b"new"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dist"]  # nothing left behind


def test_failure_leaves_the_output_untouched(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    out.mkdir()
    (out / "index.html").write_text("old")
    before = tree(out)
    with pytest.raises(RuntimeError), Staging(out) as staging:
        staging.write("index.html", b"half")
        raise RuntimeError("render failed")
    assert tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dist"]


def test_unchanged_files_keep_their_mtime(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    out.mkdir()
    (out / "same.html").write_bytes(b"same")
    (out / "changed.html").write_bytes(b"old")
    old = 1_600_000_000_000_000_000
    for name in ("same.html", "changed.html"):
        os.utime(out / name, ns=(old, old))
    with Staging(out) as staging:
        for name, data in (("same.html", b"same"), ("changed.html", b"new")):
            staging.count(staging.write(name, data)[2])  # writers count what they changed
        assert staging.commit() == 1
    assert (out / "same.html").stat().st_mtime_ns == old
    assert (out / "changed.html").stat().st_mtime_ns != old


@pytest.mark.parametrize("path", ["../x", "/etc/passwd", "a/../../x", "a\\b", "", "a\x00b"])
def test_unsafe_paths_are_refused(path: str) -> None:
    with pytest.raises(ValueError):
        safe_relative(path)


def test_output_folder_may_not_be_the_site(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    for out in (tmp_path, tmp_path.parent, tmp_path / "seeds" / ".."):
        with pytest.raises(UsageError):
            check_output_dir(out, tmp_path)
    check_output_dir(tmp_path / "dist", tmp_path)


def test_search_index_is_kept_when_nothing_indexed_changed(basic_site: Path) -> None:
    from sitegen.commands.build import BuildOptions, build

    def snapshot() -> dict[Path, tuple[bytes, int]]:
        index = basic_site / "dist/pagefind"
        return {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in index.rglob("*") if p.is_file()}

    options = BuildOptions(site=basic_site)
    assert build(options).search == "indexed"
    (basic_site / "content/about.md").write_text("---\ntitle: Άλλο\n---\nΆλλο κείμενο.", "utf-8")
    assert build(options).search == "indexed"  # the nav of every article page changed
    first = snapshot()
    assert build(options).search == "unchanged"
    assert snapshot() == first and len(first) > 5  # the same bytes and mtimes
    seed = next(basic_site.glob("seeds/003_*.txt"))
    seed.write_text("date 2024-12-31 Άλλο κείμενο για το ντέρμπι.", "utf-8")
    assert build(options).search == "indexed"

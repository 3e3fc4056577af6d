"""Faults of the machine: a full disk, a read-only folder, Ctrl-C. Each ends in a message
(exit 1, or 130 for Ctrl-C), never a traceback, and the last output stays byte for byte.

Real faults run in a private mount namespace (`unshare -m`): a small tmpfs is a full
disk and a read-only bind mount a read-only folder; the mounts vanish with the
namespace. The same faults are also injected in-process, where any user can run them.
"""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import sitegen.output.inplace
import sitegen.output.search
import sitegen.output.staging
import sitegen.output.writing
from sitegen.commands.build import BuildOptions, build
from sitegen.commands.cli import main

from .conftest import tree, write_site

SITEGEN = str(Path(sys.executable).parent / "sitegen")
EDITED = "seeds/003_0000000000000003.txt"
WORDS = ["λιμάνι", "σχολείο", "νοσοκομείο", "γέφυρα", "πλατεία", "βιβλιοθήκη", "σταθμό"]
CITIES = ["Πάτρα", "Λάρισα", "Καβάλα", "Χανιά", "Βόλο", "Σέρρες", "Κοζάνη"]


def seeds(count: int) -> dict[str, str]:
    """Articles of a few sentences, each with its own date, place and subject."""
    files = {}
    for n in range(1, count + 1):
        word, city = WORDS[n % len(WORDS)], CITIES[n % len(CITIES)]
        text = (
            f"date 2025-{n % 12 + 1:02d}-{n % 28 + 1:02d} Ο δήμαρχος εγκαίνιασε το νέο {word} "
            f"στην {city}. Η Περιφέρεια ανακοίνωσε ότι τα έργα θα συνεχιστούν το {2025 + n % 3}. "
            "Οι κάτοικοι ζητούν περισσότερα δρομολόγια λεωφορείων.\n"
        )
        files[f"seeds/{n:03d}_{n:016x}.txt"] = text
    files[EDITED] = "date 2025-03-04 Η Βουλή ψήφισε τον νέο νόμο για την παιδεία στην Αθήνα.\n"
    return files


def edit(site: Path) -> None:
    """An edit that changes several files: the article, listings, feeds and tags."""
    with (site / EDITED).open("a", encoding="utf-8") as file:
        file.write("Ο υπουργός μίλησε για μια ιστορική μέρα στη Θεσσαλονίκη.\n")


def leftovers(folder: Path) -> list[str]:
    """sitegen's temporary files and folders (none may stay after a failure)."""
    ours = (".sitegen-cache", ".sitegen-fingerprint")  # the cache, the index's fingerprint
    return sorted(
        p.name
        for p in folder.rglob("*")
        if (p.name.startswith(".sitegen-") and p.name not in ours)
        or any(n in p.name for n in (".sitegen-staging", ".sitegen-old", ".sitegen-lock"))
        or p.name.startswith((".pagefind.", ".manifest"))
    )


def outside_index(folder: Path) -> dict[str, bytes]:
    return {k: v for k, v in tree(folder).items() if not k.startswith("pagefind/")}


def _can_mount() -> bool:
    try:
        command = ["unshare", "-m", "--propagation", "private", "true"]
        return subprocess.run(command, capture_output=True, check=False).returncode == 0
    except OSError:
        return False


needs_mounts = pytest.mark.skipif(
    not _can_mount(), reason="real disk faults need mount namespaces (run as root)"
)


def in_namespace(folder: Path, script: str) -> None:
    """Run a bash script in a private mount namespace, in folder; $S is sitegen. Each
    command saves its exit code and messages in files of folder (outside the mounts)."""
    command = ["unshare", "-m", "--propagation", "private", "bash", "-eu", "-c", script]
    environment = {**os.environ, "S": SITEGEN}
    subprocess.run(command, cwd=folder, env=environment, check=True, timeout=240)


def outcome(folder: Path, name: str) -> tuple[int, str]:
    """The exit code and messages a step of in_namespace saved."""
    code = int((folder / f"{name}.rc").read_text())
    return code, (folder / f"{name}.err").read_text(encoding="utf-8")


def step(name: str, command: str) -> str:
    """A step of a namespace script: run command, keep its exit code and messages."""
    return f"set +e; {command} 2> {name}.err; echo $? > {name}.rc; set -e\n"


def sums(name: str) -> str:
    """A script line listing every file of disk/www (or www) with its digest."""
    return f"(cd $ROOT && find www -type f -print0 | sort -z | xargs -0 sha256sum) > {name}\n"


def assert_message(code: int, err: str, expected_code: int, *parts: str) -> None:
    assert code == expected_code, err
    assert "Traceback" not in err, err
    for part in parts:
        assert part in err, err


@needs_mounts
def test_a_full_disk_on_a_fresh_build_leaves_nothing_behind(tmp_path: Path) -> None:
    write_site(tmp_path / "site", seeds(20))
    (tmp_path / "disk").mkdir()
    in_namespace(
        tmp_path,
        "mount -t tmpfs -o size=64k tmpfs disk\n"
        + step("fresh", "$S build --site site --out disk/www --no-search --quiet")
        + "ls -A disk > left\n",
    )
    code, err = outcome(tmp_path, "fresh")
    assert_message(code, err, 1, "no space left on device", "free some space on that disk")
    assert "the output was not changed" in err
    assert (tmp_path / "left").read_text() == ""  # no staging folder, no lock


@needs_mounts
def test_a_full_disk_keeps_the_last_output_and_the_next_build_stays_incremental(
    tmp_path: Path,
) -> None:
    write_site(tmp_path / "site", seeds(20))
    (tmp_path / "disk").mkdir()
    in_namespace(
        tmp_path,
        "mount -t tmpfs -o size=16m tmpfs disk\nROOT=disk\n"
        "$S build --site site --out disk/www --quiet\n"
        + sums("before")
        + "cat /dev/zero > disk/filler 2>/dev/null || true\n"  # the disk is full
        + f"cat >> site/{EDITED} <<< 'Ο υπουργός μίλησε για μια ιστορική μέρα.'\n"
        + step("full", "$S build --site site --out disk/www")
        + step("again", "$S build --site site --out disk/www")
        + sums("after")
        + "find disk -name '*sitegen-*' ! -name .sitegen-fingerprint > left\n"
        + "rm disk/filler\n"
        + step("freed", "$S build --site site --out disk/www"),
    )
    for name in ("full", "again"):
        code, err = outcome(tmp_path, name)
        assert_message(code, err, 1, "no space left on device", "the output was not changed")
    assert (tmp_path / "after").read_text() == (tmp_path / "before").read_text()
    assert (tmp_path / "left").read_text() == ""
    code, err = outcome(tmp_path, "freed")
    assert_message(code, err, 0, " changed, ", "write ")  # in place: the manifest was kept
    assert "render+write" not in err


@needs_mounts
def test_a_read_only_output_after_an_edit(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", seeds(40))  # (one edit stays an in-place build)
    assert main(["build", "--site", str(site), "--out", str(tmp_path / "www"), "--quiet"]) == 0
    before = tree(tmp_path / "www")
    edit(site)
    in_namespace(
        tmp_path,
        "mount --bind www www && mount -o remount,ro,bind www\n"
        + step("edited", "$S build --site site --out www --quiet")
        + step("fresh", "$S build --site site --out www --quiet --no-cache"),
    )
    code, err = outcome(tmp_path, "edited")
    assert_message(code, err, 1, "www/", ": the build stopped: read-only file system")
    assert "build into a folder you can write, with --out" in err
    code, err = outcome(tmp_path, "fresh")  # the swap cannot move a read-only mount
    assert_message(code, err, 1, "the build stopped: ")
    assert tree(tmp_path / "www") == before


@needs_mounts
def test_a_read_only_site_folder(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", seeds(20))
    assert main(["build", "--site", str(site), "--quiet", "--no-search"]) == 0
    edit(site)
    before = tree(site)
    in_namespace(
        tmp_path,
        "mount --bind site site && mount -o remount,ro,bind site\n"
        + step("dist", "$S build --site site --quiet --no-search")
        + step("elsewhere", "$S build --site site --out www --quiet --no-search")
        + step("new", "$S new 'Νέο άρθρο' --site site"),
    )
    code, err = outcome(tmp_path, "dist")
    assert_message(code, err, 1, "site/.dist.sitegen-lock: the build stopped: read-only")
    assert "build into a folder you can write, with --out" in err
    code, err = outcome(tmp_path, "elsewhere")  # built; only the cache could not be saved
    assert_message(code, err, 0, "warning: could not save the build cache")
    assert (tmp_path / "www/index.html").is_file()
    code, err = outcome(tmp_path, "new")
    assert_message(code, err, 1, "could not create the article: read-only file system")
    assert "make the site folder writable" in err
    assert tree(site) == before


class Fault:
    """Raises `error` at the `at`-th call of a function, for paths below `below`."""

    def __init__(self, original, below: Path, at: int, error: BaseException):
        self.original, self.below, self.at, self.error = original, str(below), at, error
        self.calls = 0

    def __call__(self, *args, **kwargs):
        paths = [str(a) for a in (*args, *kwargs.values()) if isinstance(a, (str, Path))]
        if any(p.startswith(self.below) for p in paths):
            self.calls += 1
            if self.calls == self.at:
                raise self.error
        return self.original(*args, **kwargs)


def _no_space() -> OSError:
    return OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


INJECTED = [
    pytest.param("mkstemp", 3, _no_space(), 1, "no space left on device", id="writing a page"),
    pytest.param("replace", 4, _no_space(), 1, "no space left on device", id="putting in place"),
    pytest.param("replace", 4, KeyboardInterrupt(), 130, "interrupted", id="Ctrl-C in place"),
    pytest.param("index", 1, _no_space(), 1, "no space left on device", id="the search index"),
]


@pytest.mark.parametrize(("where", "at", "error", "code", "message"), INJECTED)
def test_a_fault_while_writing_in_place_undoes_the_change(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    where: str,
    at: int,
    error: BaseException,
    code: int,
    message: str,
) -> None:
    site = write_site(tmp_path / "site", seeds(40))
    out = site / "dist"
    search = "--no-search" if where != "index" else "--quiet"
    assert main(["build", "--site", str(site), "--quiet", search]) == 0
    before = tree(out)
    edit(site)
    if where == "mkstemp":
        fault = Fault(sitegen.output.inplace.tempfile.mkstemp, out, at, error)
        monkeypatch.setattr(sitegen.output.inplace.tempfile, "mkstemp", fault)
    elif where == "replace":
        fault = Fault(os.replace, out, at, error)
        monkeypatch.setattr(sitegen.output.inplace.os, "replace", fault)
    else:
        fault = Fault(sitegen.output.search._index, out, at, error)
        monkeypatch.setattr(sitegen.output.search, "_index", fault)
    capsys.readouterr()
    assert main(["build", "--site", str(site), "--quiet", search]) == code
    err = capsys.readouterr().err
    assert message in err and "the output was not changed" in err and "Traceback" not in err
    assert fault.calls >= at  # the fault did happen (undoing may call it again)
    assert tree(out) == before
    assert leftovers(site) == []
    monkeypatch.undo()
    again = build(BuildOptions(site=site, search=where == "index"))
    assert again.rendered < again.pages  # still in place: the last manifest was kept
    clean = build(BuildOptions(site=site, out=tmp_path / "clean", search=where == "index"))
    assert clean.rendered == clean.pages
    assert outside_index(out) == outside_index(tmp_path / "clean")  # (Pagefind's own
    # bytes differ from run to run; its input, the pages, is what sitegen makes)


def test_a_full_disk_in_a_fresh_build_names_the_page_not_the_staging_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    site = write_site(tmp_path / "site", seeds(12))
    assert main(["build", "--site", str(site), "--quiet", "--no-search", "--no-cache"]) == 0
    before = tree(site / "dist")
    edit(site)
    staging = site / ".dist.sitegen-staging"
    fault = Fault(Path.write_bytes, staging, 5, _no_space())
    monkeypatch.setattr(
        sitegen.output.staging.Path, "write_bytes", lambda path, data: fault(path, data)
    )
    capsys.readouterr()
    assert main(["build", "--site", str(site), "--no-search", "--no-cache", "--jobs", "1"]) == 1
    err = capsys.readouterr().err
    assert f"error: {site / 'dist'}/" in err and "the build stopped: no space left" in err
    assert "sitegen-staging" not in err
    assert tree(site / "dist") == before
    assert leftovers(tmp_path) == []


def test_ctrl_c_while_sitegen_loads_is_a_message(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from sitegen.commands import launch

    class Interrupting:
        """An import hook that is interrupted when sitegen.commands.cli loads."""

        def find_spec(self, name, path=None, target=None):
            if name == "sitegen.commands.cli":
                raise KeyboardInterrupt
            return None

    def exit_(code: int) -> None:
        raise SystemExit(code)

    monkeypatch.delitem(sys.modules, "sitegen.commands.cli")
    monkeypatch.setattr(sys, "meta_path", [Interrupting(), *sys.meta_path])
    monkeypatch.setattr(launch.os, "_exit", exit_)
    with pytest.raises(SystemExit) as stopped:
        launch.run()
    assert stopped.value.code == 130
    assert capsys.readouterr().err == "sitegen: interrupted; the output was not changed\n"


# sitegen as its command runs, with each page's rendering 3 ms slower: the render lasts
# long enough (about 2 s on 2 processes) to be caught however busy the machine is. And
# with Ctrl-C's default handler: a test run started in the background of a script
# (`cmd &`) inherits SIGINT ignored, and Python then leaves it ignored.
SLOW_SITEGEN = """
import signal, sys, time
signal.signal(signal.SIGINT, signal.default_int_handler)
from sitegen.render import templates
real = templates.Renderer.render
templates.Renderer.render = lambda self, *args: (time.sleep(0.003), real(self, *args))[1]
from sitegen.commands.launch import run
sys.argv = ["sitegen", *sys.argv[1:]]
run()
"""


def test_ctrl_c_while_rendering_stops_every_process_quietly(tmp_path: Path) -> None:
    """Ctrl-C reaches the whole process group, the workers included."""
    site = write_site(tmp_path / "site", seeds(400))
    options = ["build", "--site", str(site), "--no-search", "--quiet", "--jobs", "2"]
    subprocess.run([SITEGEN, *options, "--no-cache"], check=True, capture_output=True)
    before = tree(site / "dist")
    (site / "sitegen.toml").write_text('title = "Άλλος τίτλος"\n', encoding="utf-8")
    command = [sys.executable, "-c", SLOW_SITEGEN, *options]
    running = subprocess.Popen(command, start_new_session=True, stderr=subprocess.PIPE, text=True)
    staging = site / ".dist.sitegen-staging"
    deadline = time.monotonic() + 60
    while not any(staging.rglob("*.html")) and time.monotonic() < deadline:
        time.sleep(0.01)  # rendering has begun
    os.killpg(running.pid, signal.SIGINT)
    _, err = running.communicate(timeout=60)
    assert running.returncode == 130, err
    assert err == "sitegen: interrupted; the output was not changed\n"
    assert tree(site / "dist") == before
    assert leftovers(tmp_path) == []
    shutil.rmtree(site)

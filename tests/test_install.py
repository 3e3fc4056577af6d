"""The package installs on its own, theme included, and builds a site outside this repo."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import REPO, write_site

pytestmark = pytest.mark.slow  # a wheel built, and a virtual environment installed


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--wheel-dir",
            str(out),
            str(REPO),
        ],
        check=True,
        capture_output=True,
    )
    [built] = out.glob("sitegen-*.whl")
    return built


def test_wheel_ships_the_default_theme(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    theme = REPO / "themes"
    expected = {
        "sitegen/themes/" + p.relative_to(theme).as_posix()
        for p in theme.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert expected <= names, expected - names


def test_clean_install_builds_a_site_elsewhere(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [str(venv / "bin/python"), "-m", "pip", "install", "--quiet", str(wheel)]
    subprocess.run(pip, check=True, capture_output=True)
    site = write_site(
        tmp_path / "elsewhere",
        {"seeds/001_0123456789abcdef.txt": "date 2025-09-03 Μια είδηση από αλλού."},
        'title = "Αλλού"\n',
    )
    result = subprocess.run(
        [str(venv / "bin/sitegen"), "build", "--site", str(site)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert (site / "dist/2025/09/03/mia-eidisi-apo-allou/index.html").is_file()
    assert list((site / "dist/pagefind").glob("*/pagefind-entry.json"))  # a part a year

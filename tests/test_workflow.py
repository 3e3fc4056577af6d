"""The GitHub Pages workflow builds with the base URL from configure-pages and deploys."""

from __future__ import annotations

import re
import shlex
from typing import Any

import pytest
import yaml

from .conftest import REPO

WORKFLOW = REPO / ".github/workflows/pages.yml"
# The oldest major version of each action that does what the workflow needs
# (upload-pages-artifact has include-hidden-files from v5 on).
MINIMUM = {
    "actions/checkout": 4,
    "actions/setup-python": 5,
    "actions/configure-pages": 5,
    "actions/upload-pages-artifact": 5,
    "actions/deploy-pages": 4,
    "actions/cache": 4,
}


@pytest.fixture(scope="module")
def workflow() -> dict[Any, Any]:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def expression(text: str) -> str:
    return "${{ " + text + " }}"


def steps(workflow: dict[Any, Any], job: str) -> list[dict[str, Any]]:
    return workflow["jobs"][job]["steps"]


def step(workflow: dict[Any, Any], job: str, action: str) -> dict[str, Any]:
    [found] = [s for s in steps(workflow, job) if s.get("uses", "").startswith(action + "@")]
    return found


def test_triggers_on_push_to_main_daily_and_by_hand(workflow: dict[Any, Any]) -> None:
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads the key `on` as True
    assert set(triggers) == {"push", "schedule", "workflow_dispatch"}
    assert triggers["push"]["branches"] == ["main"]


def test_permissions_and_concurrency(workflow: dict[Any, Any]) -> None:
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}


def test_actions_are_current_major_versions(workflow: dict[Any, Any]) -> None:
    used = [s["uses"] for job in workflow["jobs"] for s in steps(workflow, job) if "uses" in s]
    assert {u.split("@")[0] for u in used} == set(MINIMUM)
    for uses in used:
        name, version = uses.split("@")
        assert re.fullmatch(r"v\d+", version), uses
        assert int(version[1:]) >= MINIMUM[name], uses


def test_build_job(workflow: dict[Any, Any]) -> None:
    build = steps(workflow, "build")
    order = [s.get("uses", s.get("run", "")).split("@")[0] for s in build]
    assert order[:3] == ["actions/checkout", "actions/setup-python", "actions/configure-pages"]
    python = step(workflow, "build", "actions/setup-python")["with"]
    assert python == {
        "python-version": "3.11",
        "cache": "pip",
        "cache-dependency-path": "pyproject.toml",
    }
    pages = step(workflow, "build", "actions/configure-pages")
    runs = [s for s in build if "run" in s]
    assert any(shlex.split(s["run"]) == ["pip", "install", "."] for s in runs)

    [sitegen] = [s for s in runs if s["run"].startswith("sitegen build")]
    args = shlex.split(sitegen["run"], posix=False)
    assert "--no-search" not in args  # the published site has search
    value = args[args.index("--base-url") + 1].strip('"')
    if value.startswith("$"):  # through an environment variable, as GitHub advises
        value = sitegen["env"][value.strip("${}")]
    assert value == expression(f"steps.{pages['id']}.outputs.base_url")

    upload = step(workflow, "build", "actions/upload-pages-artifact")
    assert upload["with"] == {"path": "dist", "include-hidden-files": True}
    assert order.index("actions/upload-pages-artifact") > build.index(sitegen)


def test_deploy_job(workflow: dict[Any, Any]) -> None:
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] in ("build", ["build"])
    deployment = step(workflow, "deploy", "actions/deploy-pages")
    assert deployment["id"]
    assert deploy["environment"] == {
        "name": "github-pages",
        "url": expression(f"steps.{deployment['id']}.outputs.page_url"),
    }
    assert all("runs-on" in job for job in workflow["jobs"].values())

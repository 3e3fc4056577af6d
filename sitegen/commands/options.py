"""What a build is asked to do (BuildOptions) and what it did (BuildResult)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from sitegen.core.errors import Problem
from sitegen.incremental import BuildCache


@dataclass
class Kept:
    """What `sitegen serve` keeps in memory from one build to the next."""

    cache: BuildCache | None = None
    templates: tuple[list[str], jinja2.Environment] | None = None  # (files, environment)


@dataclass
class BuildOptions:
    site: Path = Path(".")
    out: Path | None = None
    base_url: str | None = None
    search: bool = True
    drafts: bool = False
    future: bool = False
    encoding: str = "utf-8"
    jobs: int = 1
    keep_going: bool = False  # build the good articles, report the bad ones (exit 1 still)
    strict: bool = False  # warnings are errors
    progress: Callable[[str, int, int], None] | None = None  # (stage, done, total), for a bar
    cache: bool = True  # read and save the build cache in SITE/.sitegen-cache
    keep_index: bool = False  # leave the output's search index as it is (serve's rebuilds)
    memory: Kept | None = None  # the cache and templates kept between builds (serve)
    on_written: Callable[[int], None] | None = None  # called with the changed count once the
    # output is complete, before the cache is saved (serve reloads pages then)
    force: bool = False  # replace an output folder that sitegen did not make
    lock_wait: float = 30.0  # seconds to wait for another build into the same output


@dataclass
class BuildResult:
    out: Path
    pages: int
    articles: int
    changed: int
    warnings: list[Problem] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    search: str = "off"  # the search index: "indexed", "unchanged" (carried over) or "off"
    errors: list[Problem] = field(default_factory=list)  # left out under --keep-going
    cpu: dict[str, float] = field(default_factory=dict)  # CPU seconds per stage
    peak_mib: dict[str, float] = field(default_factory=dict)  # peak memory after each stage
    rendered: int = 0  # files made this time; the others were kept from the last build

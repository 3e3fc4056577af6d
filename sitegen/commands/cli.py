"""The command line: a thin layer over the build, serve and new commands."""

from __future__ import annotations

import argparse
import functools
import os
import sys
from dataclasses import replace
from pathlib import Path

from sitegen import __version__
from sitegen.commands.build import BuildOptions, BuildResult, build, check
from sitegen.commands.progress import progress_bar, wanted
from sitegen.core.base_url import check_base_url
from sitegen.core.errors import Problem, SitegenError, UsageError
from sitegen.incremental import CACHE_DIR


def _base_url(value: str) -> str:
    message = check_base_url(value)
    if message:
        raise argparse.ArgumentTypeError(f"{value!r} {message}")
    return value


def _port(value: str) -> int:
    if not value.isdigit() or int(value) > 65535:
        raise argparse.ArgumentTypeError("must be a port number from 1 to 65535 (0: any free port)")
    return int(value)


def _jobs(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError("must be a whole number of 1 or more")
    return int(value)


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="sitegen", description=__doc__)
    top.add_argument("--version", action="version", version=f"sitegen {__version__}")
    commands = top.add_subparsers(dest="command", required=True)

    def site_options(cmd: argparse.ArgumentParser) -> None:
        cmd.add_argument("--site", type=Path, default=Path("."), help="site folder (default: .)")
        cmd.add_argument("--out", type=Path, help="output folder (default: SITE/dist)")
        cmd.add_argument(
            "--base-url", type=_base_url, help="public URL of the site, with its sub-path"
        )
        cmd.add_argument("--no-search", action="store_true", help="skip the Pagefind search index")
        cmd.add_argument(
            "--drafts", action="store_true", help="include articles marked draft: true"
        )
        cmd.add_argument("--future", action="store_true", help="include articles dated after today")
        cmd.add_argument(
            "--encoding", default="utf-8", help="encoding of raw articles (default: utf-8)"
        )
        cmd.add_argument("--jobs", type=_jobs, default=os.cpu_count() or 1, help="processes to use")
        cmd.add_argument("--quiet", action="store_true", help="print only errors")
        cmd.add_argument(
            "--keep-going",
            action="store_true",
            help="build the good articles and list the bad ones (the exit code is still 1)",
        )
        cmd.add_argument("--strict", action="store_true", help="treat warnings as errors")
        cmd.add_argument(
            "--no-cache",
            action="store_true",
            help=f"neither use nor save the build cache ({CACHE_DIR}/ in the site folder)",
        )
        cmd.add_argument(
            "--force",
            action="store_true",
            help="replace an output folder that holds files sitegen did not make",
        )

    site_options(commands.add_parser("build", help="build the site into the output folder"))
    site_options(
        commands.add_parser(
            "check",
            help="run every check of a build, templates included, and write nothing",
        )
    )
    serve = commands.add_parser(
        "serve",
        help="build, preview on 127.0.0.1 and rebuild on every change",
        description="Build the site, serve the output on http://127.0.0.1:PORT under the path of "
        "the base URL (from the settings or --base-url; as GitHub Pages serves a sub-path), "
        "and rebuild it whenever seeds/, content/, themes/, sitegen.toml or pyproject.toml "
        "change; open pages reload by themselves. The pages are built with the base URL "
        "http://127.0.0.1:PORT plus that path, so that every link stays on the preview: run "
        "`sitegen build` before you copy the output to a host. Missing pages get 404.html with "
        "status 404. A failed rebuild prints its problems and the last good build stays "
        "online. Rebuilds keep the search index of the first build. Ctrl-C stops.",
    )
    site_options(serve)
    serve.add_argument(
        "--port", type=_port, default=8000, help="port on 127.0.0.1 (default: 8000; 0: any free)"
    )
    new = commands.add_parser(
        "new",
        help="start a new article dated today, as a draft",
        description="Create content/YYYY/YYYY-MM-DD-<slug>.md for a new article dated today in "
        "the site's time zone, with the front matter title, date, tags: [] and draft: true, "
        "and a placeholder text. A draft is left out of the site, so that a push never "
        "publishes half-written news: preview it with `sitegen serve --drafts` and delete the "
        "draft line to publish it. tags: [] means no tags: list them, or delete the line to "
        "get automatic ones. An existing file is never overwritten. Prints the new file's path.",
    )
    new.add_argument("title", help="the article's headline")
    new.add_argument("--site", type=Path, default=Path("."), help="site folder (default: .)")
    return top


def _options(args: argparse.Namespace) -> BuildOptions:
    return BuildOptions(
        site=args.site,
        out=args.out,
        base_url=args.base_url,
        search=not args.no_search,
        drafts=args.drafts,
        future=args.future,
        encoding=args.encoding,
        jobs=args.jobs,
        keep_going=args.keep_going,
        strict=args.strict,
        cache=not args.no_cache,
        force=args.force,
    )


def _print_problems(problems: list[Problem]) -> None:
    for problem in problems:
        print(problem if problem.warning else f"error: {problem}", file=sys.stderr)


def _print_failure(exc: SitegenError) -> None:
    _print_problems(exc.problems)
    errors = sum(not p.warning for p in exc.problems)
    print(
        f"sitegen: build failed with {errors} error(s); the output was not changed",
        file=sys.stderr,
        flush=True,
    )


def _print_result(result: BuildResult, quiet: bool) -> None:
    _print_problems(result.errors + result.warnings)
    if result.errors:
        print(
            f"sitegen: left out what has {len(result.errors)} error(s) (--keep-going)",
            file=sys.stderr,
        )
    if not quiet:
        total = sum(result.seconds.values())
        stages = ", ".join(f"{k} {v:.2f}s" for k, v in result.seconds.items())
        written = (
            f"{result.changed} changed, {result.pages - result.changed} unchanged"
            if result.changed >= 0
            else "all new"
        )
        print(
            f"built {result.articles} articles, {result.pages} files ({written}) into "
            f"{result.out} in {total:.2f}s ({stages}); search index {result.search}",
            file=sys.stderr,
            flush=True,
        )


def _new(args: argparse.Namespace) -> int:
    try:
        from sitegen.commands.new import new_article  # PyYAML is loaded only to write one

        path = new_article(args.site, args.title)
    except SitegenError as exc:
        _print_problems(exc.problems)
        return 1
    print(path)
    print(
        "sitegen: created a draft; preview it with `sitegen serve --drafts`, "
        "and delete its draft line to publish it",
        file=sys.stderr,
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        if args.command == "new":
            return _new(args)
        if args.command == "serve":
            from sitegen.commands.serve import serve  # watchfiles is loaded only to serve

            on_built = functools.partial(_print_result, quiet=args.quiet)
            return serve(_options(args), args.port, on_built, _print_failure)
        if args.command == "check":
            return _check(args)
        with progress_bar(wanted(args.quiet)) as progress:
            result = build(replace(_options(args), progress=progress))
    except SitegenError as exc:
        _print_failure(exc)
        return 1
    except UsageError as exc:
        print(f"sitegen: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("sitegen: interrupted; the output was not changed", file=sys.stderr)
        return 130
    _print_result(result, args.quiet)
    return 1 if result.errors else 0


def _check(args: argparse.Namespace) -> int:
    try:
        result = check(_options(args))
    except SitegenError as exc:
        _print_problems(exc.problems)
        errors = sum(not p.warning for p in exc.problems)
        print(f"sitegen: {errors} error(s) found; nothing was written", file=sys.stderr)
        return 1
    _print_problems(result.errors + result.warnings)
    if result.errors:
        print(f"sitegen: {len(result.errors)} error(s) found; nothing was written", file=sys.stderr)
        return 1
    print(
        f"sitegen: {result.articles} articles and {result.pages} files checked, no problems"
        + (f" ({len(result.warnings)} warning(s))" if result.warnings else ""),
        file=sys.stderr,
    )
    return 0

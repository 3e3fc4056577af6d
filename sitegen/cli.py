"""The command line: a thin layer over sitegen.build and sitegen.serve."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from sitegen import __version__
from sitegen.build import BuildOptions, build
from sitegen.config import _check_base_url
from sitegen.errors import SitegenError, UsageError


def _base_url(value: str) -> str:
    message = _check_base_url(value)
    if message:
        raise argparse.ArgumentTypeError(f"{value!r} {message}")
    return value


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

    site_options(commands.add_parser("build", help="build the site into the output folder"))
    serve = commands.add_parser("serve", help="build, then preview on 127.0.0.1")
    site_options(serve)
    serve.add_argument("--port", type=int, default=8000)
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
    )


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        result = build(_options(args))
    except SitegenError as exc:
        for problem in exc.problems:
            print(f"error: {problem}", file=sys.stderr)
        print(
            f"sitegen: build failed with {len(exc.problems)} error(s); the output was not changed",
            file=sys.stderr,
        )
        return 1
    except UsageError as exc:
        print(f"sitegen: {exc}", file=sys.stderr)
        return 2
    for warning in result.warnings:
        print(warning, file=sys.stderr)
    if not args.quiet:
        total = sum(result.seconds.values())
        stages = ", ".join(f"{k} {v:.2f}s" for k, v in result.seconds.items())
        print(
            f"built {result.articles} articles, {result.pages} files into {result.out} "
            f"in {total:.2f}s ({stages}); search index {result.search}",
            file=sys.stderr,
        )
    if args.command == "serve":
        from sitegen.serve import serve

        serve(_options(args), result.out, args.port)
    return 0

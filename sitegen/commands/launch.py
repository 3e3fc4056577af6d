"""The `sitegen` command's entry point, kept free of imports: the rest of sitegen loads
inside its guard, so that Ctrl-C at any moment, even while modules load, ends with a
message instead of a traceback."""

import os
import sys


def run() -> None:
    """The `sitegen` command: cli.main(), then exit without tearing down the interpreter.

    Freeing a 10,000-article site object by object at exit took longer than a whole
    incremental rebuild; every file is written and closed by then, and output flushed.
    """
    try:
        from sitegen.commands.cli import main

        code = main()
    except KeyboardInterrupt:
        print("sitegen: interrupted; the output was not changed", file=sys.stderr)
        code = 130
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)

"""Errors that reach the user: each names where it is, what is wrong and how to fix it."""

from __future__ import annotations

import errno
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One problem in one input file."""

    path: str
    message: str
    line: int | None = None
    hint: str = ""
    warning: bool = False

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        kind = "warning: " if self.warning else ""
        text = f"{where}: {kind}{self.message}"
        return f"{text}: {self.hint}" if self.hint else text


class SitegenError(Exception):
    """A build stopped by problems in the site's files (exit code 1); may carry warnings."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.path, p.line or 0, p.message))
        super().__init__("\n".join(str(p) for p in self.problems))

    def __reduce__(self) -> tuple:
        return (SitegenError, (self.problems,))  # so that it crosses process boundaries


def content_error(path: str, message: str, line: int | None = None, hint: str = "") -> SitegenError:
    """A SitegenError with a single problem."""
    return SitegenError([Problem(path, message, line, hint)])


_NO_SPACE = (errno.ENOSPC, errno.EDQUOT)
_NOT_ALLOWED = (errno.EROFS, errno.EACCES, errno.EPERM)


def fault_error(
    exc: OSError,
    where: Path,
    doing: str = "the build stopped",
    elsewhere: str = "build into a folder you can write, with --out",
    again: str = "build again",
) -> SitegenError:
    """A SitegenError for a fault of the machine (a full disk, a read-only folder) met
    while writing into `where`; the file it names, when it names one. `elsewhere` is the
    way out of a folder that may not be written, `again` what to do once it is fixed."""
    reason = (exc.strerror or str(exc)).lower()
    if exc.errno in _NO_SPACE:
        hint = f"free some space on that disk and {again}"
    elif exc.errno in _NOT_ALLOWED:
        hint = elsewhere
    else:
        hint = f"fix that and {again}"
    return content_error(str(exc.filename or where), f"{doing}: {reason}", hint=hint)


class UsageError(Exception):
    """A command used the wrong way (exit code 2)."""


class Problems:
    """Collects problems so that all of them are reported together."""

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def add(
        self, path: str, message: str, line: int | None = None, hint: str = "", warning=False
    ) -> None:
        self.items.append(Problem(path, message, line, hint, warning))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if not p.warning]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.warning]

    def raise_if_any(self) -> None:
        """Stop with every problem (warnings too, so they are not lost) if there is an error."""
        if self.errors:
            raise SitegenError(self.items)

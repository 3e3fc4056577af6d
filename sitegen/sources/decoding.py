"""Bytes to text: UTF-8, or the encoding asked for, with a guess at old Greek encodings
when it fails; binary and oversized files refused."""

from __future__ import annotations

from sitegen.core.errors import Problems
from sitegen.sources.unicode import FORBIDDEN, normalize_text

MAX_BYTES = 5 * 1024 * 1024  # an article larger than this is surely not one


_GREEK_ENCODINGS = ("cp1253", "iso-8859-7")


def _greek_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum("\u0370" <= c <= "\u03ff" for c in letters) / max(1, len(letters))


def guess_greek_encoding(raw: bytes) -> str | None:
    """windows-1253 or iso-8859-7, when the bytes read as Greek text in it."""
    best, share = None, 0.5
    for name in _GREEK_ENCODINGS:
        try:
            text = raw.decode(name)
        except UnicodeDecodeError:
            continue
        if _greek_share(text) > share:
            best, share = name, _greek_share(text)
    return best


def decode(raw: bytes, where: str, problems: Problems, encoding: str = "utf-8") -> str | None:
    """Bytes to text with universal newlines, normalised (sitegen.sources.unicode); None (and a
    problem) if it is not text."""
    if len(raw) > MAX_BYTES:
        problems.add(where, f"is {len(raw) / 1048576:.1f} MB, more than an article can be "
                     f"({MAX_BYTES // 1048576} MB)", hint="split it or remove it")  # fmt: skip
        return None
    if b"\x00" in raw[:8192]:
        problems.add(where, "is a binary file, not text", hint="remove it or save it as text")
        return None
    try:
        text = raw.decode("utf-8-sig" if encoding.lower() in ("utf-8", "utf8") else encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        if isinstance(exc, LookupError):
            problems.add(where, f"cannot be read: there is no encoding named {encoding!r}",
                         hint="use e.g. --encoding cp1253")  # fmt: skip
            return None
        line = raw[: exc.start].count(b"\n") + 1
        guess = guess_greek_encoding(raw) if encoding.lower() in ("utf-8", "utf8") else None
        hint = (
            f"it looks like Greek in {guess}: save it as UTF-8, or build with --encoding {guess}"
            if guess
            else "save the file as UTF-8"
        )
        problems.add(
            where,
            f"is not {encoding} text (byte 0x{raw[exc.start]:02x} cannot be read)",
            line,
            hint,
        )
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    clean = normalize_text(text)  # the same object when there was nothing to change
    odd = FORBIDDEN.search(text) if clean is not text else None
    if odd:  # (left out by normalize_text: no feed may carry them)
        problems.add(
            where,
            f"holds control characters (the first is U+{ord(odd.group()):04X}) that no page "
            "or feed may carry; they are left out",
            text.count("\n", 0, odd.start()) + 1,
            "remove them from the file",
            warning=True,
        )
    return clean

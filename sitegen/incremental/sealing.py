"""Seals on the build cache's files: a keyed digest that only this machine can make.

The cache holds pickled values and compiled templates, and loading either can run
code. A repository can carry a `.sitegen-cache/` folder (committed by mistake, or on
purpose), so sitegen loads a cache file only when its seal shows that sitegen wrote it
on this machine, for this user. The key is made from the machine's id (systemd's
/etc/machine-id), the user and the home folder, which a repository cannot know, and is
never written anywhere; SITEGEN_CACHE_KEY sets it instead, to share a cache between
machines (a CI secret). Without either, a key for this process only: the cache still
works within a `sitegen serve` session and is simply not reused by the next build.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from functools import lru_cache
from pathlib import Path

_SEAL = 32  # bytes of the keyed BLAKE2b digest in front of the sealed data
KEY_VARIABLE = "SITEGEN_CACHE_KEY"


@lru_cache(maxsize=1)
def _key() -> bytes:
    given = os.environ.get(KEY_VARIABLE)
    if given:
        return hashlib.blake2b(given.encode(), digest_size=32).digest()
    parts = [str(os.getuid()), str(Path.home())]
    for path in ("/etc/machine-id", "/var/lib/dbus/machine-id"):
        try:
            parts.append(Path(path).read_text(encoding="ascii").strip())
            break
        except (OSError, UnicodeDecodeError):
            continue
    else:
        parts.append(os.urandom(16).hex())
    return hashlib.blake2b("\0".join(parts).encode(), digest_size=32).digest()


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, key=_key(), digest_size=_SEAL).digest()


def seal(data: bytes) -> bytes:
    """The data with its seal in front."""
    return _digest(data) + data


def unseal(sealed: bytes) -> bytes | None:
    """The data if its seal is this machine's, else None (never to be loaded)."""
    data = sealed[_SEAL:]
    if len(sealed) < _SEAL or not hmac.compare_digest(sealed[:_SEAL], _digest(data)):
        return None
    return data

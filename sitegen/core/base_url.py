"""Checking a site's base URL: an http(s) address with a host, no spaces, no credentials."""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

# A host name: letters of any script, digits and '-', in dot-separated labels.
_HOST = re.compile(r"(?:[^\W_](?:[\w-]*[^\W_])?\.)*[^\W_](?:[\w-]*[^\W_])?")


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def check_base_url(value: str) -> str | None:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return "must be an absolute http(s) URL such as https://user.github.io/repo/"
    if parts.query or parts.fragment:
        return "must not have a query (?) or a fragment (#)"
    if "@" in parts.netloc:
        return "must not hold a user name or password (user:pass@): they would be published"
    try:
        port = parts.port  # ValueError for a port that is not a number or over 65535
    except ValueError:
        return "has a port that is not a number from 1 to 65535"
    if port == 0:
        return "has a port that is not a number from 1 to 65535"
    host = parts.hostname or ""
    if not (_HOST.fullmatch(host) or _is_ip(host)):
        return f"has a host name that cannot be ({host!r}): use letters, digits, '-' and '.'"
    if any(c.isspace() for c in value):
        return "must not hold spaces: write them as %20"
    return None


def normalize_base_url(value: str) -> str:
    """Give a base URL exactly one trailing slash."""
    return value.rstrip("/") + "/"

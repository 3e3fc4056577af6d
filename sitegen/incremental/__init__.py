"""Incremental builds: the build cache (sealed files in SITE/.sitegen-cache) and which
output files are stale. The commands use this package's names; the early stages get
the cache as a core.memo.Memo and never import it."""

from sitegen.incremental.cache import CACHE_DIR, BuildCache, Manifest
from sitegen.incremental.stale import REBUILD_SHARE, has_links, on_disk, site_key, stale
from sitegen.incremental.templates import CompiledTemplates

__all__ = [
    "CACHE_DIR",
    "REBUILD_SHARE",
    "BuildCache",
    "CompiledTemplates",
    "Manifest",
    "has_links",
    "on_disk",
    "site_key",
    "stale",
]

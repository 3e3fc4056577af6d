"""The build's clock: one "now" for a whole build."""

from __future__ import annotations

import os
from datetime import datetime

from sitegen.core.config import Config


def build_time(config: Config) -> datetime:
    """Now in the site's zone; SOURCE_DATE_EPOCH fixes it for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=config.zone)
    return datetime.now(tz=config.zone)

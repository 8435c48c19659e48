"""Which GeM Desk this is: the version, the build (written into the bundle by the packaging
spec, packaging/gemdesk.spec) and whether it runs frozen; and whether a version the
marketplace announces is newer. Qt-free.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from app import __version__
from resources import ROOT as RESOURCES

BUILD_FILE = RESOURCES / "build.json"  # only in a built bundle; never committed


def frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def build() -> dict[str, str]:
    """{"commit": ..., "date": ..., "builder": ...} of a packaged build; {} when run from source."""
    try:
        data = json.loads(Path(BUILD_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {key: str(value) for key, value in data.items()} if isinstance(data, dict) else {}


def build_label() -> str:
    info = build()
    if not info:
        return "from source"
    return " ".join(part for part in (info.get("commit", ""), f"({info['date']})" if info.get("date") else "") if part)


def _parts(version: str) -> tuple[int, ...] | None:
    match = re.fullmatch(r"v?(\d+(?:\.\d+)*)", version.strip())
    return tuple(int(part) for part in match.group(1).split(".")) if match else None


def is_newer(announced: str | None, current: str = __version__) -> bool:
    """Whether `announced` (e.g. "0.2.0") is a later release than `current`; False for
    anything that is not a plain dotted version, so a server's typo never nags anyone."""
    theirs, ours = _parts(announced or ""), _parts(current)
    if theirs is None or ours is None:
        return False
    width = max(len(theirs), len(ours))
    return theirs + (0,) * (width - len(theirs)) > ours + (0,) * (width - len(ours))

"""Checks on text that arrives from outside, before it reaches a database.

PostgreSQL refuses NUL characters in text and neither database stores a lone UTF-16
surrogate (valid in JSON, not in UTF-8): both would otherwise surface as server errors.
"""

from __future__ import annotations

from typing import Any


def storable(text: str) -> bool:
    if "\x00" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def all_storable(value: Any) -> bool:
    """Every string anywhere inside a decoded JSON value (keys included) is storable."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if not storable(item):
                return False
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return True

"""JSON that arrives from outside, bounded before anything stores it: one validator for every
request body and every free-form field (a listing's specifications, a bid item's key
parameters, an offer's compliance statement).

Why bounds and not just "valid JSON": a value is stored once and read by every later
request. JSON nested 300 deep is valid, but every reader that walks it recursively (the
server's response encoder among them) fails on it, so one careless or hostile write would
break the bid's offer list for everyone; `1e999` parses to infinity, which no JSON answer
can carry; an integer beyond 64 bits fits in JSON text but in no database column. Each of
these is refused where it enters, with the path of the value that is wrong, so a client is
told which field to fix.

`check(value, field, bounds)` answers {path: problem}, empty when the value is within
`bounds`; paths read like the API's own field names (`items.LAPTOP.compliance.ram_gb`,
`items[0].key_specs`).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any

INT64_MAX = 2**63 - 1


@dataclass(frozen=True)
class Bounds:
    depth: int  # objects and lists inside one another (1: a flat object of leaves)
    entries: int  # members of one object, items of one list
    text: int  # characters of one name or text value
    size: int  # characters of the whole value as compact JSON
    text_only: bool  # leaves must be text (a map of names to text)


# A request body: as deep as any body we document (a bid is 4 levels), with room to spare.
BODY = Bounds(depth=12, entries=10_000, text=100_000, size=1_000_000, text_only=False)
# A free-form field: names mapped to text, as a person types them in a form.
TEXT_MAP = Bounds(depth=1, entries=100, text=1000, size=64_000, text_only=True)


def storable(text: str) -> bool:
    """Text both databases can store: no NUL (PostgreSQL refuses it), no lone UTF-16
    surrogate (valid in JSON, not in UTF-8)."""
    if "\x00" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _number_problem(value: Any) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int) and not -INT64_MAX <= value <= INT64_MAX:
        return "is a number beyond what the marketplace stores (64 bits)"
    if isinstance(value, float) and not math.isfinite(value):
        return "is a number beyond what JSON can carry (it overflows to infinity)"
    return None


def _text_problem(text: str, bounds: Bounds, what: str) -> str | None:
    if not storable(text):
        return f"{what} has a NUL character or invalid Unicode"
    if len(text) > bounds.text:
        return f"{what} is longer than {bounds.text} characters"
    return None


def _join(path: str, key: Any) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else str(key)


def check(value: Any, field: str = "", bounds: Bounds = TEXT_MAP) -> dict[str, str]:
    """Every way `value` (decoded JSON) leaves `bounds`, by path, starting at `field`.
    Iterative, so a value nested far deeper than the bounds costs no recursion."""
    problems: dict[str, str] = {}
    if bounds.text_only and not isinstance(value, dict):
        return {field or "body": "must map names to text"}
    stack: list[tuple[Any, str, int]] = [(value, field, 0)]
    while stack and len(problems) < 20:
        item, path, depth = stack.pop()
        where = path or "body"
        if isinstance(item, (dict, list)):
            if depth >= bounds.depth:
                problems[where] = (f"is nested deeper than {bounds.depth} level(s)" if not bounds.text_only
                                   else "must be text")
                continue
            if len(item) > bounds.entries:
                problems[where] = f"has more than {bounds.entries} entries"
                continue
            if isinstance(item, dict):
                for key, member in item.items():
                    problem = _text_problem(key, bounds, "a name")
                    if problem:
                        problems[_join(path, key if storable(key) else "?")] = problem
                    else:
                        stack.append((member, _join(path, key), depth + 1))
            else:
                stack.extend((member, _join(path, n), depth + 1) for n, member in enumerate(item))
        elif isinstance(item, str):
            problem = _text_problem(item, bounds, "the text")
            if problem:
                problems[where] = problem
        elif bounds.text_only:
            problems[where] = "must be text"
        else:
            problem = _number_problem(item)
            if problem:
                problems[where] = problem
    if not problems and _size(value) > bounds.size:
        problems[field or "body"] = f"is larger than {bounds.size} characters as JSON"
    return problems


def _size(value: Any) -> int:
    return len(json.dumps(value, ensure_ascii=False, separators=(",", ":")))

"""Checks on text that arrives from outside, before it reaches a database.

PostgreSQL refuses NUL characters in text and neither database stores a lone UTF-16
surrogate (valid in JSON, not in UTF-8): both would otherwise surface as server errors.
Also the two pieces of text every buying-cycle write reads: an id in the path, and the
remark a decision carries (bids, purchases and orders share them).
"""

from __future__ import annotations

import uuid
from typing import Any

from domain.free_form import storable  # noqa: F401 (re-exported: headers and queries use it)
from server.errors import validation_failed


# Bodies are checked whole where they enter (server/api/deps.py `json_body`, with
# domain/free_form.py); single texts (a header, a query value) with `storable`.


def parse_id(value: str) -> str | None:
    """A client-made UUID in its canonical spelling, or None if it is not one."""
    try:
        return str(uuid.UUID(value))
    except (ValueError, TypeError, AttributeError):
        return None


def remark_from(body: Any, required: bool) -> str | None:
    """The `remark` of a body (stripped; None when empty), required or not."""
    remark = body.get("remark") if isinstance(body, dict) else None
    if remark is not None and not isinstance(remark, str):
        raise validation_failed({"remark": "must be text"})
    remark = (remark or "").strip() or None
    if required and remark is None:
        raise validation_failed({"remark": "say why, for the buyer and the record"})
    if remark is not None and len(remark) > 2000:
        raise validation_failed({"remark": "must be at most 2000 characters"})
    return remark

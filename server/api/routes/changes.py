"""The change feed and its count (docs/api.md, Change feed)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from server.api.deps import current_caller, database, query_text, settings
from server.api.gate import Gate, gate_of
from server.api.contract import FeedCount, FeedPage, answers
from server.errors import validation_failed
from server.services import feed
from server.services.caller import Caller

router = APIRouter(prefix="/api/v1")


def _filters(categories: str | None, districts: str | None) -> feed.Filters:
    query_text(categories, "categories")
    query_text(districts, "districts")
    ids: list[int] = []
    for part in (categories or "").split(","):
        part = part.strip()
        if not part:
            continue
        if not part.isdigit() or len(part) > 9:
            raise validation_failed({"categories": "must be category ids separated by commas"})
        ids.append(int(part))
    names = tuple(d.strip() for d in (districts or "").split(",") if d.strip())
    if len(ids) > 1000 or len(names) > 1000:
        raise validation_failed({"categories" if len(ids) > 1000 else "districts": "at most 1000 values"})
    return feed.Filters(tuple(sorted(set(ids))), tuple(sorted(set(names))))


@router.get("/changes", responses=answers(FeedPage, 400, 410, 503))
async def changes(
    request: Request,
    cursor: str | None = Query(None),
    limit: int = Query(1000, ge=1, le=5000),
    categories: str | None = Query(None),
    districts: str | None = Query(None),
    caller: Caller = Depends(current_caller),
) -> Response:
    query_text(cursor, "cursor")
    filters = _filters(categories, districts)
    db, config = database(request), settings(request)

    def page() -> Response:
        with db.reading() as session:
            read = feed.read_page(session, caller, cursor or None, limit, filters, db.dialect, as_text=True)
        # The listings' JSON fields go out as the database holds them, and the rest is plain
        # JSON types: no jsonable_encoder walk, no decoding and encoding again.
        return Response(feed.encode_page(read), media_type="application/json")

    pages = gate_of(request.app, "feed_pages", lambda: Gate(
        "sending catalogue changes", config.feed_pages_at_once, config.feed_pages_waiting, config.feed_page_wait_seconds))
    return await pages.run(page)


@router.get("/changes/count", responses=answers(FeedCount))
def changes_count(
    request: Request,
    categories: str | None = Query(None),
    districts: str | None = Query(None),
    caller: Caller = Depends(current_caller),
) -> dict[str, Any]:
    filters = _filters(categories, districts)
    db = database(request)
    with db.reading() as session:
        return feed.count_visible(session, caller, filters, db.dialect)

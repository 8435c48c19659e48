"""Reverse auctions: the HTTP side of server/services/auctions.py.

Writes go through routes/bids.py `write`: an auction bid must carry an `Idempotency-Key`, so
a request retried after a lost answer gets the first answer back instead of bidding twice.
The stream (`/stream`) replays the event log as server-sent events from `Last-Event-ID`
(or `?after=`) and then follows it, woken by each commit on the auction
(server/services/auction_live.py: PostgreSQL LISTEN/NOTIFY across server processes); it ends
after the "closed" event.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any, AsyncIterator

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, StreamingResponse
from starlette.concurrency import run_in_threadpool

from domain.timefmt import iso_utc
from server.api.deps import current_caller, database, idempotency_key, json_body
from server.api.routes.bids import now, write
from server.errors import bad_request
from server.services import auction_live
from server.services import auctions as rules
from server.services.caller import Caller

router = APIRouter(prefix="/api/v1")

STREAM_REREAD_SECONDS = 5.0  # re-read the log this often even without a wake-up
STREAM_KEEPALIVE_SECONDS = 15.0


@router.post("/bids/{bid_id}/auction", status_code=201)
def create_auction(request: Request, bid_id: str, body: Any = Depends(json_body),
                   caller: Caller = Depends(current_caller)) -> JSONResponse:
    at = now(request)
    return write(request, caller, 201, body, None,
                 lambda s: rules.auction_json(s, caller, rules.create_from_bid(s, caller, bid_id, body, at), at))


@router.get("/auctions")
def list_auctions(request: Request, caller: Caller = Depends(current_caller)) -> dict[str, Any]:
    at = now(request)
    with database(request).reading() as session:
        return {"auctions": rules.list_auctions(session, caller, at), "server_time": iso_utc(at)}


@router.get("/auctions/{auction_id}")
def get_auction(request: Request, auction_id: str, caller: Caller = Depends(current_caller)) -> dict[str, Any]:
    at = now(request)
    with database(request).reading() as session:
        return rules.auction_json(session, caller, rules.auction_for(session, caller, auction_id), at)


@router.post("/auctions/{auction_id}/bids", status_code=201)
def place_bid(request: Request, auction_id: str, body: Any = Depends(json_body),
              caller: Caller = Depends(current_caller)) -> JSONResponse:
    idempotency_key(request, required=True)
    at = now(request)
    return write(request, caller, 201, body, None, lambda s: rules.place_bid(s, caller, auction_id, body, at))


@router.get("/auctions/{auction_id}/events")
def events(request: Request, auction_id: str, after: int = Query(0, ge=0, le=2**31),
           caller: Caller = Depends(current_caller)) -> dict[str, Any]:
    with database(request).reading() as session:
        return rules.events_for(session, caller, auction_id, after, now(request))


@router.get("/auctions/{auction_id}/stream")
async def stream(request: Request, auction_id: str, after: int = Query(0, ge=0, le=2**31),
                 caller: Caller = Depends(current_caller)) -> StreamingResponse:
    last = request.headers.get("last-event-id")
    if last is not None:
        if not last.strip().isdigit() or len(last.strip()) > 10:
            raise bad_request("Last-Event-ID must be the seq of the last event you received.")
        after = int(last)
    page = await run_in_threadpool(_page, request, caller, auction_id, after)  # 404 before the stream starts
    return StreamingResponse(_events(request, caller, auction_id, page), media_type="text/event-stream",
                             headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})


def _page(request: Request, caller: Caller, auction_id: str, after: int) -> dict[str, Any]:
    with database(request).reading() as session:
        return rules.events_for(session, caller, auction_id, after, now(request))


async def _events(request: Request, caller: Caller, auction_id: str, page: dict[str, Any]) -> AsyncIterator[str]:
    """Send what the log holds after the last seq sent, then wait for a wake-up (a commit on
    this auction, here or, on PostgreSQL, in any server process) or the re-read timer."""
    db = database(request)
    wake = asyncio.Event()
    token = auction_live.HUB.subscribe(auction_id, wake, db.url if db.dialect == "postgresql" else None)
    wake.set()  # read once more at once: an event may have committed before we subscribed
    idle = 0.0
    try:
        while True:
            for event in page["events"]:
                yield f"id: {event['seq']}\nevent: {event['kind']}\ndata: {json.dumps(event, ensure_ascii=False)}\n\n"
                if event["kind"] == "closed":
                    return
            if page["events"]:
                idle = 0.0
            if await request.is_disconnected():
                return
            try:
                await asyncio.wait_for(wake.wait(), timeout=STREAM_REREAD_SECONDS)
            except asyncio.TimeoutError:
                idle += STREAM_REREAD_SECONDS
                if idle >= STREAM_KEEPALIVE_SECONDS:
                    yield ": keep-alive\n\n"
                    idle = 0.0
            wake.clear()
            page = await run_in_threadpool(_page, request, caller, auction_id, page["last_seq"])
    finally:
        auction_live.HUB.unsubscribe(auction_id, token)

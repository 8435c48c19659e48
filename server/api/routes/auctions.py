"""Reverse auctions: the HTTP side of server/services/auctions.py.

Writes keep their answers under their `Idempotency-Key`: an auction bid must carry one, so a
request retried after a lost answer gets the first answer back instead of bidding twice. Bids
wait in this process's line for their auction and are taken a batch at a time, their keys
checked and kept under the auction's lock (server/services/bid_queue.py, auctions.py
`take_bids`).
The stream (`/stream`) replays the event log as server-sent events from `Last-Event-ID`
(or `?after=`) and then follows it, woken by each commit on the auction
(server/services/auction_live.py: PostgreSQL LISTEN/NOTIFY across server processes); it ends
after the "closed" event.
"""

from __future__ import annotations

import json
from typing import Any, AsyncIterator

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, StreamingResponse
from starlette.concurrency import run_in_threadpool

from domain.timefmt import iso_utc
from server.api.deps import current_caller, database, idempotency_key, json_body
from server.api.routes.bids import now, write
from server.api.contract import AcceptedBid, Auction, AuctionBid, AuctionEvents, AuctionFields, Auctions, answers, body, extra, headers
from server.errors import bad_request
from server.services import auction_live, bid_queue
from server.services import idempotency as idem
from server.services import auctions as rules
from server.services.caller import Caller

router = APIRouter(prefix="/api/v1")

STREAM_REREAD_SECONDS = 5.0  # re-read the log this often even without a wake-up
STREAM_KEEPALIVE_SECONDS = 15.0


@router.post("/bids/{bid_id}/auction", status_code=201, openapi_extra=extra(body(AuctionFields), headers(key="optional")),
             responses=answers(Auction, 403, 404, 409, status=201))
def create_auction(request: Request, bid_id: str, body: Any = Depends(json_body),
                   caller: Caller = Depends(current_caller)) -> JSONResponse:
    at = now(request)
    return write(request, caller, 201, body, None,
                 lambda s: rules.auction_json(s, caller, rules.create_from_bid(s, caller, bid_id, body, at), at))


@router.get("/auctions", responses=answers(Auctions, 403))
def list_auctions(request: Request, caller: Caller = Depends(current_caller)) -> dict[str, Any]:
    at = now(request)
    with database(request).reading() as session:
        return {"auctions": rules.list_auctions(session, caller, at), "server_time": iso_utc(at)}


@router.get("/auctions/{auction_id}", responses=answers(Auction, 404))
def get_auction(request: Request, auction_id: str, caller: Caller = Depends(current_caller)) -> dict[str, Any]:
    at = now(request)
    with database(request).reading() as session:
        return rules.auction_json(session, caller, rules.auction_for(session, caller, auction_id), at)


@router.post("/auctions/{auction_id}/bids", status_code=201, openapi_extra=extra(body(AuctionBid), headers(key="required")),
             responses=answers(AcceptedBid, 403, 404, 409, status=201))
def place_bid(request: Request, auction_id: str, body: Any = Depends(json_body),
              caller: Caller = Depends(current_caller)) -> JSONResponse:
    key = idempotency_key(request, required=True)
    at = now(request)
    price = rules.bid_price(caller, body)
    bid = rules.BidRequest(caller, price, at, key, idem.request_hash(request.method, request.url.path, None, body))
    status, answer = bid_queue.take(database(request), auction_id, bid)
    return JSONResponse(answer, status_code=status)


@router.get("/auctions/{auction_id}/events", responses=answers(AuctionEvents, 404))
def events(request: Request, auction_id: str, after: int = Query(0, ge=0, le=2**31),
           caller: Caller = Depends(current_caller)) -> dict[str, Any]:
    with database(request).reading() as session:
        return rules.events_for(session, caller, auction_id, after, now(request))


@router.get("/auctions/{auction_id}/stream", responses={200: {"content": {"text/event-stream": {}}, "description": "server-sent events"}, **answers(None, 400, 404)})
async def stream(request: Request, auction_id: str, after: int = Query(0, ge=0, le=2**31),
                 caller: Caller = Depends(current_caller)) -> StreamingResponse:
    last = request.headers.get("last-event-id")
    if last is not None:
        if not last.strip().isdigit() or len(last.strip()) > 10:
            raise bad_request("Last-Event-ID must be the seq of the last event you received.")
        after = int(last)
    page, reader = await run_in_threadpool(_first_page, request, caller, auction_id, after)  # 404 before the stream
    return StreamingResponse(_events(request, reader, page), media_type="text/event-stream",
                             headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})


def _first_page(request: Request, caller: Caller, auction_id: str, after: int) -> tuple[dict[str, Any], rules.Reader]:
    with database(request).reading() as session:
        auction = rules.auction_for(session, caller, auction_id)
        return rules.events_for(session, caller, auction.id, after, now(request)), rules.reader_of(caller, auction)


async def _events(request: Request, reader: rules.Reader, page: dict[str, Any]) -> AsyncIterator[str]:
    """Send what the log holds after the last seq sent, then what this process's tail of the
    auction's log reads next (woken by a commit on the auction, here or, on PostgreSQL, in any
    server process; or by its re-read timer). A stream behind the tail reads the database."""
    db = database(request)
    auction_id = page["auction_id"]

    def read(auction_id: str, after: int) -> list[rules.LoggedEvent]:
        with db.reading() as session:
            return rules.read_log(session, auction_id, after)

    def text(row: rules.LoggedEvent) -> str:
        """The event as this reader's view shows it, made once for all the streams with that view."""
        shown = row.shown.get(reader.view)
        if shown is None:
            shown = row.shown[reader.view] = _sse(rules.view_event(reader, row))
        return shown

    tail = auction_live.tail_for(auction_id, page["last_seq"], read, db.url if db.dialect == "postgresql" else None,
                                 STREAM_REREAD_SECONDS)
    stream = tail.join(page["last_seq"])
    sent, position, idle = "".join(map(_sse, page["events"])), page["last_seq"], 0.0
    closed = bool(page["events"]) and page["events"][-1]["kind"] == "closed"
    try:
        while True:
            # What arrived together goes out in one write. A client that went away is noticed
            # by the response (Starlette's disconnect listener, or the failed write).
            if sent:
                yield sent
                idle = 0.0
            if closed:
                return
            rows = tail.after(stream, position)
            if rows == []:
                if not await tail.wait(position, STREAM_REREAD_SECONDS):
                    idle += STREAM_REREAD_SECONDS
                    if idle >= STREAM_KEEPALIVE_SECONDS:
                        yield ": keep-alive\n\n"
                        idle = 0.0
                rows = tail.after(stream, position)
            if rows is None:  # behind what the tail holds: read the log itself
                rows = await run_in_threadpool(read, auction_id, position)
            rows = rows[:rules.EVENTS_PAGE]
            sent = "".join(map(text, rows))
            closed = any(row.kind == "closed" for row in rows)
            position = rows[-1].seq if rows else position
    finally:
        tail.leave(stream)


def _sse(event: dict[str, Any]) -> str:
    return f"id: {event['seq']}\nevent: {event['kind']}\ndata: {json.dumps(event, ensure_ascii=False)}\n\n"

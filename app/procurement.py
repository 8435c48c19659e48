"""The buying cycle on the desktop: bids, approvals, offers and answers, direct and L1
purchases, made offline and sent when there is a connection (docs/api.md, "Bids" and
"Direct and L1 purchases").

Every write is queued first in the outbox file (`requests` table, synchronous=FULL), then
sent in the order made, each with its own Idempotency-Key, so a crash between sending and
hearing the answer is repaired by sending again: the server replays its first answer. A
write that changes a bid carries the bid's version (If-Match): the version the user saw, or
for a chain made offline (draft, edit, send for approval) the version the previous write
produced. A refusal (a field's problem, a bid that closed, a fourth withdrawal) is kept with
the server's sentence and holds back later writes to the same bid or offer until the user
discards it; other work goes on.

Reads (bids, the timeline, the evaluation) go to the server when there is one.
"""

from __future__ import annotations

import json
import uuid
from contextlib import nullcontext
from dataclasses import dataclass
from typing import Any, Collection

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.api import ApiClient, ApiError, SessionExpired
from app.models.outbox import QueuedRequest
from app.outbox import SENDABLE_STATES, Outbox, json_or_none, head_of_queue
from domain.timefmt import iso_utc, utc_now

BIDS = "/api/v1/bids"
ORDERS = "/api/v1/orders"
ORDER_STEPS = ("accept", "decline", "deliver", "receive", "pay")


@dataclass(frozen=True)
class Request:
    """A queued write, as plain data."""

    seq: int
    entity: str
    action: str
    method: str
    path: str
    body: Any
    versioned: bool
    base_version: int | None
    idempotency_key: str
    state: str
    error: dict[str, Any] | None
    answer: Any
    result_version: int | None
    attempts: int

    @classmethod
    def of(cls, row: QueuedRequest) -> "Request":
        return cls(row.seq, row.entity, row.action, row.method, row.path, json_or_none(row.body), bool(row.versioned),
                   row.base_version, row.idempotency_key, row.state, json_or_none(row.error), json_or_none(row.answer),
                   row.result_version, row.attempts)


@dataclass
class PushResult:
    sent: int = 0
    rejected: int = 0
    later: int = 0  # still being processed by the server: sent again next time
    stopped: ApiError | None = None  # why the rest were not sent (the server busy or failing)


class Procurement:
    """The user's buying-cycle writes (queued) and reads (online)."""

    def __init__(self, outbox: Outbox) -> None:
        self._outbox = outbox
        self._sessions = outbox.transaction  # the same durable file as the listing changes

    # -- queuing ---------------------------------------------------------------------------

    def _queue(self, entity: str, action: str, method: str, path: str, body: Any = None, *,
               versioned: bool = False, base_version: int | None = None, session: Session | None = None) -> int:
        """Queue a write in its own transaction, or in `session`'s (another change to the
        outbox file that must stand or fall with it, like emptying the cart)."""
        now = iso_utc(utc_now())
        with self._sessions() if session is None else nullcontext(session) as session:
            row = QueuedRequest(entity=entity, action=action, method=method, path=path,
                                body=None if body is None else json.dumps(body, ensure_ascii=False),
                                versioned=int(versioned), base_version=base_version,
                                idempotency_key=str(uuid.uuid4()), state="pending", attempts=0,
                                created_at=now, updated_at=now)
            session.add(row)
            session.flush()
            return row.seq

    def draft_bid(self, fields: dict[str, Any], bid_id: str | None = None) -> str:
        bid_id = bid_id or str(uuid.uuid4())
        self._queue(f"bid:{bid_id}", "draft", "PUT", f"{BIDS}/{bid_id}", fields)
        return bid_id

    def edit_bid(self, bid_id: str, changes: dict[str, Any], version: int | None = None) -> int:
        return self._queue(f"bid:{bid_id}", "edit", "PATCH", f"{BIDS}/{bid_id}", changes, versioned=True,
                           base_version=version)

    def _bid_step(self, bid_id: str, action: str, verb: str, body: Any = None, version: int | None = None) -> int:
        return self._queue(f"bid:{bid_id}", action, "POST", f"{BIDS}/{bid_id}/{verb}", body, versioned=True,
                           base_version=version)

    def send_for_approval(self, bid_id: str, version: int | None = None) -> int:
        return self._bid_step(bid_id, "send_for_approval", "send-for-approval", None, version)

    def approve(self, bid_id: str, version: int, remark: str = "") -> int:
        return self._bid_step(bid_id, "approve", "approve", {"remark": remark}, version)

    def return_to_buyer(self, bid_id: str, version: int, remark: str) -> int:
        return self._bid_step(bid_id, "return", "return", {"remark": remark}, version)

    def cancel(self, bid_id: str, version: int, reason: str) -> int:
        return self._bid_step(bid_id, "cancel", "cancel", {"remark": reason}, version)

    def open_financial(self, bid_id: str, version: int) -> int:
        return self._bid_step(bid_id, "open_financial", "open-financial", None, version)

    def schedule_auction(self, bid_id: str, body: dict[str, Any]) -> int:
        """The bid's reverse auction, with its parameters (docs/api.md, "Reverse auctions"). Its
        own entity: the answer is the auction, which carries no version of the bid."""
        return self._queue(f"auction:{bid_id}", "schedule_auction", "POST", f"{BIDS}/{bid_id}/auction", body)

    def award(self, bid_id: str, version: int) -> int:
        return self._bid_step(bid_id, "award", "award", None, version)

    def negotiate(self, bid_id: str, version: int, lot: str, note: str = "") -> int:
        """Ask the lot's L1 seller for a better price (a round of 72 hours, at most five)."""
        return self._bid_step(bid_id, "negotiate", "negotiations", {"lot": lot, "note": note or None}, version)

    def answer_negotiation(self, bid_id: str, negotiation_id: str, prices: dict[str, int] | None) -> int:
        """The L1 seller's answer: lower unit prices per item, or None to decline."""
        body: dict[str, Any] = {"prices": prices} if prices is not None else {"decline": True}
        return self._queue(f"negotiation:{negotiation_id}", "negotiation_answer", "POST",
                           f"{BIDS}/{bid_id}/negotiations/{negotiation_id}/answer", body)

    def technical(self, bid_id: str, offer_id: str, accepted: bool, reason: str = "") -> int:
        return self._queue(f"offer:{offer_id}", "technical", "POST", f"{BIDS}/{bid_id}/offers/{offer_id}/technical",
                           {"accepted": accepted, "reason": reason or None})

    def submit_offer(self, bid_id: str, body: dict[str, Any], offer_id: str | None = None) -> str:
        offer_id = offer_id or str(uuid.uuid4())
        self._queue(f"offer:{offer_id}", "offer", "PUT", f"{BIDS}/{bid_id}/offers/{offer_id}", body)
        return offer_id

    def withdraw_offer(self, bid_id: str, offer_id: str) -> int:
        return self._queue(f"offer:{offer_id}", "withdraw", "POST", f"{BIDS}/{bid_id}/offers/{offer_id}/withdraw")

    def answer_match(self, bid_id: str, lot: str, accept: bool) -> int:
        return self._queue(f"match:{bid_id}:{lot}", "match", "POST", f"{BIDS}/{bid_id}/matches/{lot}", {"accept": accept})

    def purchase(self, mode: str, listing_id: str, quantity: int, district: str, key_specs: dict[str, str] | None = None,
                 reason: str = "") -> str:
        """A direct ("direct") or L1 ("l1") purchase of one listing; it waits for the officer."""
        order_id = str(uuid.uuid4())
        body: dict[str, Any] = {"mode": mode, "listing_id": listing_id, "quantity": quantity,
                                "consignee_district": district}
        if key_specs is not None:
            body["key_specs"] = key_specs
        if reason:
            body["reason"] = reason
        self._queue(f"order:{order_id}", "purchase", "PUT", f"/api/v1/purchases/{order_id}", body)
        return order_id

    def purchase_lines(self, lines: list[tuple[str, int]], district: str, *, session: Session | None = None) -> str:
        """A direct purchase of several listings of one seller, [(listing id, quantity)]: the
        cart's order on that seller (app/cart.py); it waits for the officer."""
        order_id = str(uuid.uuid4())
        body = {"mode": "direct", "consignee_district": district,
                "lines": [{"listing_id": listing_id, "quantity": quantity} for listing_id, quantity in lines]}
        self._queue(f"order:{order_id}", "purchase", "PUT", f"/api/v1/purchases/{order_id}", body, session=session)
        return order_id

    def decide_order(self, order_id: str, approve: bool, remark: str = "") -> int:
        verb = "approve" if approve else "return"
        return self._queue(f"order:{order_id}", f"order_{verb}", "POST", f"{ORDERS}/{order_id}/{verb}",
                           {"remark": remark or None})

    def order_step(self, order_id: str, step: str, remark: str = "") -> int:
        """An order's next step: the seller's accept, decline (with a remark) or deliver; the
        office's receive (the CRAC) or pay (docs/api.md, "Orders")."""
        if step not in ORDER_STEPS:
            raise ValueError(f"not a step of an order: {step}")
        return self._queue(f"order:{order_id}", f"order_{step}", "POST", f"{ORDERS}/{order_id}/{step}",
                           {"remark": remark or None})

    # -- what is queued ----------------------------------------------------------------------

    def requests(self, states: tuple[str, ...] = ("pending", "sent", "rejected")) -> list[Request]:
        with self._sessions() as session:
            rows = session.scalars(select(QueuedRequest).where(QueuedRequest.state.in_(states)).order_by(QueuedRequest.seq))
            return self._outbox.plain(Request.of, rows)

    def get(self, seq: int) -> Request | None:
        with self._sessions() as session:
            row = session.get(QueuedRequest, seq)
            return self._outbox.plain(Request.of, [row])[0] if row else None

    def waiting(self) -> int:
        """How many writes wait to be sent (the status bar's "pending")."""
        with self._sessions() as session:
            return session.scalar(select(func.count()).select_from(QueuedRequest)
                                  .where(QueuedRequest.state.in_(SENDABLE_STATES))) or 0

    def discard(self, seq: int) -> None:
        """Drop a refused request (the server's state stands); later ones may go."""
        self._update(seq, state="discarded")

    def _update(self, seq: int, **values: Any) -> None:
        with self._sessions() as session:
            row = session.get(QueuedRequest, seq)
            for name, value in values.items():
                setattr(row, name, value)
            row.updated_at = iso_utc(utc_now())

    # -- sending ------------------------------------------------------------------------------

    def claim_next(self, skip: Collection[str] = ()) -> Request | None:
        """The next write to send, claimed (read and marked `sent` in one transaction), with the
        version it goes with fixed: the one the user saw, or for a chain made offline the one
        the entity's previous write produced (app/outbox.py, "One truth for what was sent")."""
        with self._sessions() as session:
            row = head_of_queue(session, QueuedRequest, QueuedRequest.entity, skip)
            if row is None:
                return None
            if row.versioned and row.base_version is None:
                row.base_version = session.scalar(
                    select(QueuedRequest.result_version)
                    .where(QueuedRequest.entity == row.entity, QueuedRequest.seq < row.seq,
                           QueuedRequest.state == "done", QueuedRequest.result_version.is_not(None))
                    .order_by(QueuedRequest.seq.desc()).limit(1))
            row.state, row.attempts, row.updated_at = "sent", row.attempts + 1, iso_utc(utc_now())
            session.flush()
            return self._outbox.plain(Request.of, [row])[0]

    def push(self, api: ApiClient) -> PushResult:
        """Send what is queued, in order. `Offline` and an ended session propagate; a busy or
        failing server stops the push (`stopped`); a write the server is still processing
        waits for the next sync with the later writes of its entity, while the others go on.
        Whatever was not answered goes again next time with the same key."""
        result = PushResult()
        later: set[str] = set()
        while (request := self.claim_next(later)) is not None:
            try:
                answer = api.write(request.method, request.path, request.body, request.idempotency_key,
                                   request.base_version if request.versioned else None)
            except ApiError as error:
                if isinstance(error, SessionExpired) or error.status == 401:
                    raise
                if error.status >= 500 or error.status == 429:
                    result.stopped = error  # the marketplace cannot take writes now: the rest wait
                    return result
                if error.code == "request_in_flight":
                    later.add(request.entity)  # sent again, same key, next time
                    result.later += 1
                    continue
                self._update(request.seq, state="rejected",
                             error=json.dumps({"code": error.code, "message": error.message, "fields": error.fields},
                                              ensure_ascii=False))
                result.rejected += 1
                continue  # the refusal holds back the entity's later writes (head_of_queue)
            result_version = None
            if isinstance(answer, dict) and request.entity.startswith("bid:"):
                # A bid's own answer, or {"negotiation", "bid"} for a round asked.
                result_version = (answer.get("bid") or answer).get("version")
            self._update(request.seq, state="done", error=None, answer=json.dumps(answer, ensure_ascii=False),
                         result_version=result_version)
            result.sent += 1
        return result

    # -- reading (online) ---------------------------------------------------------------------

    @staticmethod
    def bids(api: ApiClient, **filters: Any) -> list[dict[str, Any]]:
        return api.get(BIDS, **filters)["bids"]

    @staticmethod
    def bid(api: ApiClient, bid_id: str) -> dict[str, Any]:
        return api.get(f"{BIDS}/{bid_id}")

    @staticmethod
    def history(api: ApiClient, bid_id: str) -> list[dict[str, Any]]:
        return api.get(f"{BIDS}/{bid_id}/history")["events"]

    @staticmethod
    def evaluation(api: ApiClient, bid_id: str) -> dict[str, Any]:
        return api.get(f"{BIDS}/{bid_id}/evaluation")

    @staticmethod
    def audit_export(api: ApiClient, bid_id: str) -> dict[str, Any]:
        """The bid as BID.json, for `gemdesk rules evaluate` (after the prices are opened)."""
        return api.get(f"{BIDS}/{bid_id}/audit-export")

    @staticmethod
    def negotiations(api: ApiClient, bid_id: str) -> dict[str, Any]:
        """{"negotiations": rounds (a seller sees only its own), "sellers": names}."""
        return api.get(f"{BIDS}/{bid_id}/negotiations")

    @staticmethod
    def offers(api: ApiClient, bid_id: str) -> list[dict[str, Any]]:
        return api.get(f"{BIDS}/{bid_id}/offers")["offers"]

    @staticmethod
    def my_offer(api: ApiClient, bid_id: str) -> dict[str, Any]:
        return api.get(f"{BIDS}/{bid_id}/my-offer")

    @staticmethod
    def l1_comparison(api: ApiClient, category_id: int, key_specs: dict[str, str], district: str) -> dict[str, Any]:
        return api.request("POST", "/api/v1/purchases/l1-comparison", json={
            "category_id": category_id, "key_specs": key_specs, "consignee_district": district}).json()

    @staticmethod
    def orders(api: ApiClient) -> list[dict[str, Any]]:
        return api.get(ORDERS)["orders"]

    @staticmethod
    def order(api: ApiClient, order_id: str) -> dict[str, Any]:
        return api.get(f"{ORDERS}/{order_id}")

    @staticmethod
    def order_history(api: ApiClient, order_id: str) -> list[dict[str, Any]]:
        return api.get(f"{ORDERS}/{order_id}/history")["events"]

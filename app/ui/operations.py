"""Everything the windows can change or fetch, each a one-line run of a core call in the
background (tasks.py), with its answer delivered on the GUI thread. A reader finds every
mutation the GUI can make here."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable

from app import auctions, diagnostics, seller_catalogue
from app.api import ApiError
from app.cart import Cart
from app.procurement import Procurement
from app.read_cache import BIDS_KEY, ORDERS_KEY, bid_key, order_history_key, unreachable
from app.ui.tasks import TaskManager
from app.workspace import Workspace

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


def sign_in(tasks: TaskManager, workspace: Workspace, server_url: str, username: str, password: str | None,
            remember: bool, on_done: Done, on_error: Failed) -> None:
    tasks.run(lambda: workspace.sign_in(server_url, username, password, remember), on_done, on_error, lane="network")


def resume_session(tasks: TaskManager, workspace: Workspace, on_done: Done, on_error: Failed) -> None:
    tasks.run(workspace.resume, on_done, on_error, lane="network")


def sign_out(tasks: TaskManager, workspace: Workspace, on_done: Done) -> None:
    tasks.run(workspace.sign_out, on_done, lambda error: on_done(None), lane="network")


def load_my_listings(tasks: TaskManager, workspace: Workspace, seller_id: int, on_done: Done) -> None:
    tasks.run(lambda: seller_catalogue.my_listings(workspace.cache, workspace.outbox, seller_id), on_done)


def save_listing(tasks: TaskManager, workspace: Workspace, fields: dict[str, Any], listing_id: str | None,
                 submit: bool, on_done: Done, on_error: Failed) -> None:
    tasks.run(lambda: seller_catalogue.save_listing(workspace.cache, workspace.outbox, fields,
                                                    listing_id=listing_id, submit=submit), on_done, on_error)


def retire_listing(tasks: TaskManager, workspace: Workspace, listing_id: str, on_done: Done) -> None:
    tasks.run(lambda: seller_catalogue.retire_listing(workspace.cache, workspace.outbox, listing_id), on_done)


def resolve_conflict(tasks: TaskManager, workspace: Workspace, seq: int, keep_mine: set[str], on_done: Done) -> None:
    tasks.run(lambda: workspace.outbox.resolve_conflict(seq, keep_mine), on_done)


def recover_outbox(tasks: TaskManager, workspace: Workspace, on_done: Done) -> None:
    """The outbox turned out damaged while the app ran: recover it (app/outbox_recovery.py)."""
    tasks.run(workspace.outbox.recover, on_done)


def recovery_told(tasks: TaskManager, workspace: Workspace) -> None:
    tasks.run(workspace.outbox.recovery_told)


def discard_change(tasks: TaskManager, workspace: Workspace, seq: int, on_done: Done) -> None:
    tasks.run(lambda: workspace.outbox.discard(seq), on_done)


def spelling_suggestion(tasks: TaskManager, cache: Any, user_text: str, on_done: Done) -> None:
    """"Did you mean" for a search that found nothing (app/cache.py `Cache.suggestion`)."""
    tasks.run(lambda: cache.suggestion(user_text), on_done)


def sync_summary(tasks: TaskManager, workspace: Workspace, on_done: Done) -> None:
    """(open changes by state, the last successful sync's time) for the status bar."""
    tasks.run(lambda: (workspace.outbox.counts(), workspace.cache.state("last_sync_at")), on_done)


def conflict_of(tasks: TaskManager, workspace: Workspace, seq: int, on_done: Done) -> None:
    tasks.run(lambda: workspace.outbox.get(seq), on_done)


# -- the buying cycle (app/procurement.py): writes are queued, reads go to the marketplace --------


def queue(tasks: TaskManager, write: Callable[[Procurement], Any], workspace: Workspace, on_done: Done) -> None:
    """Queue one buying-cycle write in the outbox (then a sync sends it)."""
    tasks.run(lambda: write(workspace.procurement), on_done)


def queue_bid(tasks: TaskManager, workspace: Workspace, fields: dict[str, Any], on_done: Done) -> None:
    tasks.run(lambda: workspace.procurement.draft_bid(fields), on_done)


# -- the buyer's cart (app/cart.py): kept in the outbox file; checkout queues the orders --------


def load_cart(tasks: TaskManager, workspace: Workspace, on_done: Done) -> None:
    """(the cart's lines, {seller id: the seller as buyers see it, or None})."""
    def load():
        lines = Cart(workspace.outbox).lines()
        return lines, {seller: workspace.cache.seller(seller) for seller in {line.seller_id for line in lines}}
    tasks.run(load, on_done)


def cart_count(tasks: TaskManager, workspace: Workspace, on_done: Done) -> None:
    tasks.run(lambda: Cart(workspace.outbox).count(), on_done)


def add_to_cart(tasks: TaskManager, workspace: Workspace, listing: dict[str, Any], on_done: Done,
                on_error: Failed) -> None:
    """Add a listing at its minimum order (merged with its line if it is there); CartError says why not."""
    tasks.run(lambda: Cart(workspace.outbox).add(listing), on_done, on_error)


def set_cart_quantity(tasks: TaskManager, workspace: Workspace, listing_id: str, quantity: int, on_done: Done,
                      on_error: Failed) -> None:
    tasks.run(lambda: Cart(workspace.outbox).set_quantity(listing_id, quantity), on_done, on_error)


def remove_from_cart(tasks: TaskManager, workspace: Workspace, listing_id: str, on_done: Done) -> None:
    tasks.run(lambda: Cart(workspace.outbox).remove(listing_id), on_done)


def check_out(tasks: TaskManager, workspace: Workspace, district: str, on_done: Done, on_error: Failed) -> None:
    """One direct purchase per seller queued for the approving officer, the cart emptied; the order ids."""
    tasks.run(lambda: Cart(workspace.outbox).checkout(workspace.procurement, district), on_done, on_error)


def _stored_first(tasks: TaskManager, read: Callable[[], Any], on_stored: Done | None) -> None:
    """The stored copy of a read, from the local file (no network), to `on_stored` when there is one."""
    if on_stored is None:
        return

    def deliver(answer: Any) -> None:
        if answer is not None:
            on_stored(answer)
    tasks.run(read, deliver, lambda _error: None)


def load_bids(tasks: TaskManager, workspace: Workspace, on_done: Done, on_error: Failed,
              on_stored: Done | None = None) -> None:
    """(the bids the user may see as a `Cached` (app/read_cache.py): the marketplace's list,
    or its stored copy while the marketplace cannot be reached; the buying-cycle writes still
    queued or refused). `on_stored` first gets the same pair with the stored copy, so the page
    shows at once what it last knew (an unreachable server may take seconds to say so)."""
    def stored():
        copy = workspace.reads.stored(BIDS_KEY)
        return None if copy is None else (copy, workspace.procurement.requests())
    _stored_first(tasks, stored, on_stored)

    def load():
        queued = workspace.procurement.requests()
        return workspace.reads.fetch(BIDS_KEY, lambda: workspace.procurement.bids(workspace.api())), queued
    tasks.run(load, on_done, on_error, lane="network")


def load_bid_detail(tasks: TaskManager, workspace: Workspace, bid_id: str, on_done: Done, on_error: Failed,
                    on_stored: Done | None = None) -> None:
    """A `Cached` of {"bid", "history", "evaluation" and "negotiations" (None before prices are
    open), "offers" (during a two-packet bid's technical evaluation, for the buyer's office;
    else None), "my_offer" (a seller's own offer, or None)},
    read and stored as one, so the details shown offline are of one moment. `on_stored` as
    for load_bids."""
    _stored_first(tasks, lambda: workspace.reads.stored(bid_key(bid_id)), on_stored)

    def read() -> dict[str, Any]:
        api, procurement = workspace.api(), workspace.procurement
        bid = procurement.bid(api, bid_id)
        evaluation = offers = negotiations = None
        if bid["status"] in ("financial_evaluation", "awarded"):
            evaluation = procurement.evaluation(api, bid_id)
            negotiations = procurement.negotiations(api, bid_id)["negotiations"]
        if bid["status"] == "technical_evaluation" and (workspace.user or {}).get("buyer_org"):
            offers = procurement.offers(api, bid_id)  # without prices: the financial packets are closed
        mine = None
        if (workspace.user or {}).get("seller_firm"):
            try:
                mine = procurement.my_offer(api, bid_id)  # the seller's own: status, receipt, technical result
            except ApiError as error:
                if error.status != 404:  # 404: no offer on this bid
                    raise
        return {"bid": bid, "history": procurement.history(api, bid_id), "evaluation": evaluation, "offers": offers,
                "negotiations": negotiations, "my_offer": mine}
    tasks.run(lambda: workspace.reads.fetch(bid_key(bid_id), read), on_done, on_error, lane="network")


def export_bid(tasks: TaskManager, workspace: Workspace, bid_id: str, path: str, on_done: Done, on_error: Failed) -> None:
    """Save the bid as BID.json (domain/bid_json.py) at `path`."""
    def export() -> None:
        document = workspace.procurement.audit_export(workspace.api(), bid_id)
        # Written beside it, then moved into place: nobody ever opens a half-written file.
        partial = Path(path + ".part")
        partial.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        partial.replace(path)
    tasks.run(export, on_done, on_error, lane="network")


def compare_l1(tasks: TaskManager, workspace: Workspace, category_id: int, key_specs: dict[str, str], district: str,
               on_done: Done, on_error: Failed) -> None:
    """The marketplace's L1 comparison for a purchase (docs/api.md, "Direct and L1 purchases")."""
    tasks.run(lambda: workspace.procurement.l1_comparison(workspace.api(), category_id, key_specs, district),
              on_done, on_error, lane="network")


def load_orders(tasks: TaskManager, workspace: Workspace, on_done: Done, on_error: Failed) -> None:
    """(the orders the user may see as a `Cached`: the marketplace's, or the copy kept on this
    computer while it cannot be reached; the buying-cycle writes still queued or refused)."""
    def load():
        queued = workspace.procurement.requests()
        return workspace.reads.fetch(ORDERS_KEY, lambda: workspace.procurement.orders(workspace.api())), queued
    tasks.run(load, on_done, on_error, lane="network")


def load_order_history(tasks: TaskManager, workspace: Workspace, order_id: str, on_done: Done, on_error: Failed) -> None:
    """(order_id, its timeline as a `Cached`), so an answer for an order no longer shown can be told apart."""
    def load():
        return order_id, workspace.reads.fetch(order_history_key(order_id),
                                               lambda: workspace.procurement.order_history(workspace.api(), order_id))
    tasks.run(load, on_done, on_error, lane="network")


# -- offers --------------------------------------------------------------------------------------


def load_offer_start(tasks: TaskManager, workspace: Workspace, bid_id: str, seller_id: int | None, on_done: Done,
                     on_error: Failed) -> None:
    """What a seller's offer dialog starts from: (the seller's listings on this computer
    (app/seller_catalogue.py), the categories, the seller's offer on the marketplace or None
    (none yet, or the marketplace cannot say now), the buying-cycle writes made here)."""
    def load():
        listings = seller_catalogue.my_listings(workspace.cache, workspace.outbox, seller_id) if seller_id else []
        try:
            mine = workspace.procurement.my_offer(workspace.api(), bid_id)
        except Exception as error:  # noqa: BLE001 - "no offer yet" and "offline" both leave the queue to say
            if not (unreachable(error) or getattr(error, "status", None) == 404):
                raise
            mine = None
        made_here = workspace.procurement.requests(("pending", "sent", "rejected", "done"))
        return listings, workspace.cache.categories(), mine, made_here
    tasks.run(load, on_done, on_error, lane="network")


def load_offer_references(tasks: TaskManager, workspace: Workspace, listing_ids: set[str], on_done: Done) -> None:
    """({listing id: the listing as kept on this computer}, the categories): the names of what
    offers name, for the buyer's technical evaluation."""
    def load():
        found = {listing_id: workspace.cache.listing(listing_id) for listing_id in listing_ids}
        return {k: v for k, v in found.items() if v is not None}, workspace.cache.categories()
    tasks.run(load, on_done)


def withdraw_offer(tasks: TaskManager, workspace: Workspace, bid_id: str, on_done: Done, on_error: Failed) -> None:
    """Queue the withdrawal of the seller's offer on `bid_id`: the offer the marketplace holds,
    or, when it cannot be asked, the last one made on this computer. Answers the number of
    withdrawals left after this one (None when unknown); LookupError when there is no offer."""
    def withdraw() -> int | None:
        procurement = workspace.procurement
        try:
            mine = procurement.my_offer(workspace.api(), bid_id)
        except Exception as error:  # noqa: BLE001 - "no offer there" and "offline" leave the queue to say
            if not (unreachable(error) or getattr(error, "status", None) == 404):
                raise
            mine = None
        if mine is not None and mine["status"] == "withdrawn":
            raise LookupError("withdrawn already")
        offer_id = mine["id"] if mine else next(
            (r.entity.split(":", 1)[1] for r in reversed(procurement.requests(("pending", "sent", "done")))
             if r.action == "offer" and r.path.startswith(f"/api/v1/bids/{bid_id}/")), None)
        if offer_id is None:
            raise LookupError("no offer")
        procurement.withdraw_offer(bid_id, offer_id)
        return mine["withdrawals_left"] - 1 if mine else None
    tasks.run(withdraw, on_done, on_error, lane="network")


# -- live reverse auctions (app/auctions.py): online only, never queued --------------------------


def load_auctions(tasks: TaskManager, workspace: Workspace, clock: Any, on_done: Done, on_error: Failed) -> None:
    """The user's auctions from the marketplace (the clock's offset measured on the answer)."""
    tasks.run(lambda: auctions.auctions(workspace.api(), clock), on_done, on_error, lane="network")


def poll_auction(tasks: TaskManager, workspace: Workspace, auction_id: str, after: int, clock: Any, reread: bool,
                 on_done: Done, on_error: Failed) -> None:
    """An `auctions.Update`: the auction's events after seq `after`, and the auction re-read if any."""
    tasks.run(lambda: auctions.poll(workspace.api(), auction_id, after, clock, reread=reread), on_done, on_error,
              lane="network")


def place_auction_bid(tasks: TaskManager, workspace: Workspace, auction_id: str, price_paise: int, key: str,
                      clock: Any, on_done: Done, on_error: Failed) -> None:
    """Send a bid now with its Idempotency-Key; a refusal (409) arrives at `on_error` with the server's sentence."""
    tasks.run(lambda: auctions.place_bid(workspace.api(), auction_id, price_paise, key, clock), on_done, on_error,
              lane="network")


# -- support (app/diagnostics.py): read-only, and they ask the marketplace once --------------------

def check_server(tasks: TaskManager, workspace: Workspace, on_done: Done) -> None:
    """Whether the marketplace answers, and the release it announces (About, the status bar)."""
    tasks.run(lambda: diagnostics.reach(workspace), on_done, lane="network")


def support_diagnostics(tasks: TaskManager, workspace: Workspace, toolkit: dict[str, str], on_done: Done) -> None:
    tasks.run(lambda: diagnostics.report(workspace, toolkit), on_done, lane="network")

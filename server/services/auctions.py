"""Live reverse auctions ("Bid to RA", domain.md section 3): the engine around the rules in
domain/auction.py.

An auction is scheduled from a bid whose prices are open (financial evaluation) and that
allows one (`ra_enabled`); who enters comes from the bid's `ra_rule` (domain `qualify`),
the start price is the bid stage's L1 unless the buyer names a lower one, and every
parameter is fixed from then on (audited with the auction row).

Bids: one auction's bids are taken one at a time (the auction row is locked FOR UPDATE on
PostgreSQL; SQLite's write transactions are one at a time already, see
server/db/engine.py), checked and accepted by the domain rules at the server's clock; an
accepted bid gets the next seq and the server's time, and is stored with its events
("accepted", and "extended" when it moved the end) in the same transaction, or not at all.

The event log (auction_events, seq 1..n per auction) holds the whole truth; what each
reader gets of it is cut here (`view_event`): the buyer's office sees the ranking under
aliases and prices; a seller sees its own bids and rank, the L1 price only when the
auction's visibility is rank_and_l1, and never who the others are.

Status: stored as scheduled until the scheduled step closes the auction (`step`); "live"
and "ended" (past the end, waiting for the step) are read off the server's clock, so no
step has to run for the bidding to open, and a late step never lets a late bid in.

The close (`step`) then evaluates the bid again at the auction's prices
(server/services/bids.py `after_auction`), so the purchase preferences and the award follow
the final L1.

Our readings where the brief is silent: the auction is for the whole bid (the entrants'
total prices over every item, so only total-value bids go to auction); a seller's OEM is
the brand of the listing its offer quoted (a seller who quoted no listing counts as its
own OEM); a seller that did not qualify sees no auction (404); the L1 price stays hidden
from sellers in rank mode after the close too (the buyer publishes the result).
"""

from __future__ import annotations

import dataclasses
import functools
import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import String, cast, func, select
from sqlalchemy.orm import Session

from domain.auction import (QUALIFICATION_OF_RA_RULE, REFERENCE_ESTIMATED_VALUE, REFERENCE_START_PRICE, AcceptedBid,
                            AuctionRules, AuctionState, Decrement, Entrant, QualificationRules, Visibility, accept,
                            aliases, check_bid, qualify, savings, start_price)
from domain.bid_fields import domain_bid, is_whole
from domain.money import MAX_PAISE, is_paise
from domain.timefmt import iso_utc, ist_text, parse_iso
from server.db.models import Auction, AuctionBid, AuctionEvent, Bid, Listing, SellerFirm
from server.db.trail import SYSTEM, act_as, act_for, take_feed_positions
from server.errors import ApiError, forbidden, not_found, validation_failed
from server.services import auction_live, idempotency
from server.services import bids as bid_rules
from server.services.caller import Caller
from server.services.text import parse_id

MAX_SECONDS = 7 * 24 * 3600  # an extension window or length of at most a week
MAX_EXTENSIONS = 1000
EVENTS_PAGE = 1000
CREATE_FIELDS = {"start_at", "end_at", "decrement", "visibility", "extension_window_seconds",
                 "extension_length_seconds", "max_extensions", "start_price_paise"}


def bidder_id(firm_id: int) -> str:
    return f"S{firm_id}"  # as server/services/bids.py names sellers after opening


# --- the domain's view of a row -------------------------------------------------------------


def rules_of(auction: Auction) -> AuctionRules:
    return AuctionRules(start_at=auction.start_at, end_at=auction.scheduled_end_at,
                        start_price_paise=auction.start_price_paise,
                        decrement=Decrement(auction.decrement_kind, auction.decrement_value),
                        visibility=Visibility(auction.visibility),
                        extension_window=timedelta(seconds=auction.extension_window_s),
                        extension_length=timedelta(seconds=auction.extension_length_s),
                        max_extensions=auction.max_extensions)


@dataclasses.dataclass(frozen=True)
class Standing:
    """What the rules need of a running auction: `state` holds each bidder's last accepted
    bid only, in the order they were taken (a bidder's bids only fall, so its last is its
    best: L1, the ranking, the next allowed price and the extension come out the same as from
    every bid), read in one indexed query however many bids the auction has taken; `bids`
    is how many it has taken (the next seq is one more)."""

    state: AuctionState
    bids: int


def standing_of(session: Session, auction: Auction) -> Standing:
    last = (select(AuctionBid.bidder, func.max(AuctionBid.seq).label("seq"))
            .where(AuctionBid.auction_id == auction.id).group_by(AuctionBid.bidder).subquery())
    rows = session.execute(select(AuctionBid.seq, AuctionBid.bidder, AuctionBid.price_paise, AuctionBid.at)
                           .join(last, (AuctionBid.bidder == last.c.bidder) & (AuctionBid.seq == last.c.seq))
                           .where(AuctionBid.auction_id == auction.id).order_by(AuctionBid.seq)).all()
    state = AuctionState(rules=rules_of(auction), bidders=frozenset(auction.bidders),
                         bids=tuple(AcceptedBid(*row) for row in rows),
                         end_at=auction.end_at if auction.extensions else None, extensions=auction.extensions)
    return Standing(state, rows[-1].seq if rows else 0)  # the latest bid is some bidder's last


def _events_logged(auction: Auction, bids: int) -> int:
    """How many events the log holds while the auction runs: "scheduled", one per accepted
    bid, one per extension (so a bid's events need no query for their seqs)."""
    return 1 + bids + auction.extensions


def _bids(session: Session, auction: Auction, bidders: set[str] | None = None) -> list[AcceptedBid]:
    """Every accepted bid in order (the buyer's history), or these bidders' own."""
    query = select(AuctionBid.seq, AuctionBid.bidder, AuctionBid.price_paise, AuctionBid.at) \
        .where(AuctionBid.auction_id == auction.id)
    if bidders is not None:
        query = query.where(AuctionBid.bidder.in_(sorted(bidders)))
    return [AcceptedBid(*row) for row in session.execute(query.order_by(AuctionBid.seq))]


def status_at(auction: Auction, now: datetime) -> str:
    if auction.status == "closed":
        return "closed"
    if now < auction.start_at:
        return "scheduled"
    return "live" if now < auction.end_at else "ended"


# --- reading ------------------------------------------------------------------------------


def auction_for(session: Session, caller: Caller, auction_id: str, lock: bool = False) -> Auction:
    """The auction, if the caller may see it; 404 otherwise (never saying whether it exists)."""
    canonical = parse_id(auction_id)
    auction = None
    if canonical is not None:
        query = select(Auction).where(Auction.id == canonical)
        auction = session.scalars(query.with_for_update() if lock else query).first()
    if auction is None or not can_see(caller, auction):
        raise not_found("There is no such auction, or it is not one you may see.")
    return auction


def can_see(caller: Caller, auction: Auction) -> bool:
    if caller.is_admin:
        return True
    if caller.buyer_org_id is not None:
        return caller.buyer_org_id == auction.buyer_org_id
    if caller.firm is not None:
        # Every seller that entered the qualification sees it (one eliminated learns so, and
        # a bid from it is refused as not qualified).
        return bidder_id(caller.firm) in auction.qualification.get("entrant_ids", [])
    return False


def list_auctions(session: Session, caller: Caller, now: datetime) -> list[dict[str, Any]]:
    query = select(Auction).order_by(Auction.start_at.desc())
    if caller.buyer_org_id is not None:
        query = query.where(Auction.buyer_org_id == caller.buyer_org_id)
    elif caller.firm is not None:
        # A JSON list's text holds "S12" with its quotes on both databases; can_see decides.
        query = query.where(cast(Auction.qualification, String).like(f'%"{bidder_id(caller.firm)}"%'))
    elif not caller.is_admin:
        raise forbidden("Your role has no auctions to see.")
    return [auction_json(session, caller, a, now) for a in session.scalars(query.limit(1000)) if can_see(caller, a)]


def _rules_json(auction: Auction, for_seller: bool) -> dict[str, Any]:
    rules = rules_of(auction)
    qualification = dict(auction.qualification)
    if for_seller:  # the reasons and the entrants name sellers: the office's business only
        qualification = {k: v for k, v in qualification.items() if k not in ("reasons", "entrant_ids")}
    return {"start_at": iso_utc(auction.start_at), "scheduled_end_at": iso_utc(auction.scheduled_end_at),
            "start_price_paise": auction.start_price_paise,
            "decrement": {"kind": auction.decrement_kind, "value": auction.decrement_value,
                          "paise": rules.step_paise, "text": rules.decrement.text(auction.start_price_paise)},
            "visibility": auction.visibility, "extension_window_seconds": auction.extension_window_s,
            "extension_length_seconds": auction.extension_length_s, "max_extensions": auction.max_extensions,
            "qualification": qualification}


def _ranking_json(ranking: list[tuple[int, str, int]], names: dict[str, str]) -> list[dict[str, Any]]:
    return [{"rank": rank, "bidder": names[bidder], "price_paise": price} for rank, bidder, price in ranking]


def auction_json(session: Session, caller: Caller, auction: Auction, now: datetime,
                 standing: Standing | None = None, last_event_seq: int | None = None,
                 own_bids: list[AcceptedBid] | None = None) -> dict[str, Any]:
    """The auction as this caller may see it, with the server's time (the client's clock offset).
    `standing`, `last_event_seq` and (a seller's) `own_bids`: as the caller already knows them
    (bids just taken)."""
    state = (standing or standing_of(session, auction)).state
    names = aliases(auction.bidders)
    data: dict[str, Any] = {
        "id": auction.id, "number": auction.number, "bid_id": auction.bid_id, "status": status_at(auction, now),
        "server_time": iso_utc(now), "start_at": iso_utc(auction.start_at), "ends_at": iso_utc(auction.end_at),
        "ends_text": ist_text(auction.end_at, with_seconds=True), "extensions": auction.extensions,
        "bidders": len(auction.bidders), "rules": _rules_json(auction, for_seller=caller.firm is not None),
        "version": auction.version,
        "last_event_seq": _last_event_seq(session, auction) if last_event_seq is None else last_event_seq,
    }
    if caller.firm is None:  # the buyer's office (or an administrator)
        l1 = state.l1()
        data.update(
            ranking=_ranking_json(state.ranking(), names),
            l1=None if l1 is None else {"bidder": names[l1.bidder], "price_paise": l1.price_paise},
            bids=[{"seq": b.seq, "bidder": names[b.bidder], "price_paise": b.price_paise, "at": iso_utc(b.at)}
                  for b in _bids(session, auction)],
            kept_preference=[names.get(s, s) for s in sorted(auction.kept_preference)],
            result=_result_for_buyer(auction.result, names))
        if auction.status == "closed":  # who is who, for the award: anonymity ends at the close
            firms = {f.id: f.name for f in session.scalars(
                select(SellerFirm).where(SellerFirm.id.in_([int(s[1:]) for s in auction.bidders])))}
            data["sellers"] = {names[s]: {"seller_id": int(s[1:]), "name": firms.get(int(s[1:]))}
                               for s in auction.bidders}
        return data
    me = bidder_id(caller.firm)
    view = _seller_view(state, me)
    data.update(me={"alias": names.get(me), "qualified": me in auction.bidders,
                    "kept_preference": me in auction.kept_preference,
                    "bids": [{"seq": b.seq, "price_paise": b.price_paise, "at": iso_utc(b.at)}
                             for b in (_bids(session, auction, {me}) if own_bids is None else own_bids)],
                    "highest_allowed_paise": state.highest_allowed(me) if me in auction.bidders else None,
                    **view})
    if auction.result is not None:
        data["result"] = {"my_rank": view["my_rank"], "closed_at": auction.result["closed_at"],
                          **({"l1_price_paise": auction.result["l1_price_paise"]}
                             if auction.visibility == Visibility.RANK_AND_L1 else {})}
    return data


def _result_for_buyer(result: dict[str, Any] | None, names: dict[str, str]) -> dict[str, Any] | None:
    """The stored result under the bidders' aliases (the names are in `sellers` after the close)."""
    if result is None:
        return None
    return {**result, "ranking": [{**r, "bidder": names.get(r["bidder"], r["bidder"])} for r in result["ranking"]],
            "l1": None if result["l1"] is None else {**result["l1"], "bidder": names.get(result["l1"]["bidder"])},
            "kept_preference": [names.get(s, s) for s in result["kept_preference"]]}


def _seller_view(state: AuctionState, me: str) -> dict[str, Any]:
    view: dict[str, Any] = {"my_rank": state.rank_of(me)}
    if state.rules.visibility == Visibility.RANK_AND_L1:
        l1 = state.l1()
        view["l1_price_paise"] = l1.price_paise if l1 else None
    return view


def _last_event_seq(session: Session, auction: Auction) -> int:
    return session.scalar(select(func.max(AuctionEvent.seq)).where(AuctionEvent.auction_id == auction.id)) or 0


# --- events -------------------------------------------------------------------------------


def _add_event(session: Session, auction: Auction, kind: str, payload: dict[str, Any], now: datetime,
               seq: int | None = None) -> int:
    """Append to the log; its seq (given, or the next). Under the auction row's lock (or
    SQLite's one writer), so max + 1 is ours alone; the unique index (auction_id, seq) would
    refuse a second one anyway."""
    seq = _last_event_seq(session, auction) + 1 if seq is None else seq
    session.add(AuctionEvent(auction_id=auction.id, seq=seq, kind=kind, payload=payload, at=now))
    auction_live.changed(session, auction.id)  # the streams following it wake at the commit
    return seq


@dataclasses.dataclass(frozen=True)
class LoggedEvent:
    """One row of the log as stored (the whole truth: `view_event` cuts it for a reader)."""

    seq: int
    kind: str
    payload: dict[str, Any]
    at: datetime
    shown: dict[str, Any] = dataclasses.field(default_factory=dict, compare=False)  # by Reader.view: its text

    @functools.cached_property
    def ranks(self) -> dict[str, int]:
        """Bidder -> rank after this event (worked out once however many streams read it):
        an accepted bid stores the bidders in rank order, as [bidder, best price] pairs."""
        return {bidder: rank for rank, (bidder, _price) in enumerate(self.payload.get("standing", ()), start=1)}


def read_log(session: Session, auction_id: str, after: int) -> list[LoggedEvent]:
    """The log after seq `after`, at most a page, for whoever may see the auction."""
    rows = session.execute(select(AuctionEvent.seq, AuctionEvent.kind, AuctionEvent.payload, AuctionEvent.at)
                           .where(AuctionEvent.auction_id == auction_id, AuctionEvent.seq > after)
                           .order_by(AuctionEvent.seq).limit(EVENTS_PAGE))
    return [LoggedEvent(*row) for row in rows]


@dataclasses.dataclass(frozen=True)
class Reader:
    """Who reads an auction's events and what of the auction their view needs, kept by a
    stream for its whole life (the auction's visibility and bidders never change)."""

    caller: Caller
    visibility: str
    names: dict[str, str]

    @property
    def view(self) -> str:
        """Readers with the same view see the same events: the office's people alike, and each
        seller firm's users alike."""
        return "office" if self.caller.firm is None else bidder_id(self.caller.firm)


def reader_of(caller: Caller, auction: Auction) -> Reader:
    return Reader(caller, auction.visibility, aliases(auction.bidders))


def events_for(session: Session, caller: Caller, auction_id: str, after: int, now: datetime) -> dict[str, Any]:
    auction = auction_for(session, caller, auction_id)
    rows = read_log(session, auction.id, after)
    reader = reader_of(caller, auction)
    return {"auction_id": auction.id, "server_time": iso_utc(now), "status": status_at(auction, now),
            "events": [view_event(reader, row) for row in rows], "last_seq": rows[-1].seq if rows else after}


def view_event(reader: Reader, row: LoggedEvent) -> dict[str, Any]:
    """One event as this reader may see it (the stored payload is the whole truth). The buyer's
    office gets each accepted bid with its bidder's new rank and the L1 price (the whole
    ranking is the auction's own read: sending it with every event to every follower would
    cost as much as the bidders); a seller its own bids, its rank as others bid, and the L1
    price only where the auction shows it."""
    base = {"seq": row.seq, "at": iso_utc(row.at)}
    payload, names, caller = row.payload, reader.names, reader.caller
    if row.kind in ("scheduled", "extended"):
        return {**base, "kind": row.kind, **payload}
    if caller.firm is None:
        if row.kind == "accepted":
            return {**base, "kind": "accepted", "bid_seq": payload["bid_seq"], "bidder": names[payload["bidder"]],
                    "price_paise": payload["price_paise"], "rank": row.ranks.get(payload["bidder"]),
                    "l1_price_paise": payload["l1_price_paise"]}
        return {**base, "kind": row.kind, "result": _result_for_buyer(payload, names)}
    me = bidder_id(caller.firm)
    my_rank = row.ranks.get(me)
    shown_l1 = ({"l1_price_paise": payload.get("l1_price_paise")}
                if reader.visibility == Visibility.RANK_AND_L1 else {})
    if row.kind == "accepted":
        if payload["bidder"] == me:
            return {**base, "kind": "accepted", "bid_seq": payload["bid_seq"], "price_paise": payload["price_paise"],
                    "my_rank": my_rank, **shown_l1}
        return {**base, "kind": "ranking_changed", "my_rank": my_rank, **shown_l1}
    return {**base, "kind": row.kind, "my_rank": my_rank, **shown_l1}


# --- scheduling an auction from a bid ---------------------------------------------------------


def _entrants(session: Session, bid: Bid) -> list[Entrant]:
    """The bid stage's technically accepted offers, each at its total price for the whole bid."""
    quantities = {item.id: item.quantity for item in domain_bid(bid).items}
    offers = [o for o in bid_rules._live_offers(session, bid) if o.technical_status == "accepted"
              and set(o.items) >= set(quantities)]
    firm_ids = [o.seller_firm_id for o in offers]
    firms = {f.id: f for f in session.scalars(select(SellerFirm).where(SellerFirm.id.in_(firm_ids)))}
    listing_ids = {q.get("listing_id") for o in offers for q in o.items.values() if q.get("listing_id")}
    brands = dict(session.execute(select(Listing.id, Listing.brand).where(Listing.id.in_(listing_ids))).all())
    entrants = []
    for offer in offers:
        quoted = {brands.get(q.get("listing_id")) for q in offer.items.values()} - {None}
        entrants.append(Entrant(
            seller=bidder_id(offer.seller_firm_id),
            price_paise=sum(offer.items[item_id]["unit_price_paise"] * qty for item_id, qty in quantities.items()),
            is_mse=firms[offer.seller_firm_id].mse_class in ("micro", "small"),
            oem=",".join(sorted(quoted)) if quoted else bidder_id(offer.seller_firm_id)))
    return entrants


def _when(body: dict[str, Any], name: str, problems: dict[str, str]) -> datetime | None:
    value = body.get(name)
    try:
        if not isinstance(value, str):
            raise ValueError
        return parse_iso(value)
    except ValueError:
        problems[name] = "must be a date and time in ISO 8601 with its time zone, e.g. 2026-12-01T10:00:00Z"
        return None


def _whole(body: dict[str, Any], name: str, low: int, high: int, problems: dict[str, str]) -> int | None:
    value = body.get(name)
    if not is_whole(value) or not low <= value <= high:
        problems[name] = f"must be a whole number from {low} to {high}"
        return None
    return value


def _next_number(session: Session, now: datetime) -> str:
    # The feed counter's row lock (held to commit) makes two auctions number one at a time.
    take_feed_positions(session.connection(), 0)
    count = session.scalar(select(func.count()).select_from(Auction)) or 0
    return f"GEM/{now.year}/R/{7_000_001 + count}"


def create_from_bid(session: Session, caller: Caller, bid_id: str, body: Any, now: datetime) -> Auction:
    if caller.role != "buyer" or caller.buyer_org_id is None:
        raise forbidden("Only a buyer of the bid's office can schedule its reverse auction.")
    bid = bid_rules.bid_for(session, caller, bid_id, lock=True)
    if not bid.ra_enabled:
        raise ApiError(409, "ra_not_allowed",
                       "This bid does not allow a reverse auction (it was published without one).")
    if bid.status != "financial_evaluation":
        raise ApiError(409, "wrong_state", f"A bid that is {bid.status.replace('_', ' ')} cannot go to reverse "
                                           "auction: it goes once its prices are opened, before the award.")
    if bid.method != "total_value":
        raise ApiError(409, "whole_bid_only", "Only a bid evaluated on its total value can go to reverse auction.")
    if bid_rules.auction_of(session, bid) is not None:
        raise ApiError(409, "already_exists", "This bid has its reverse auction already.")
    from server.services import negotiation  # it builds on bids, as this module does: imported when used

    negotiation.refuse_auction_while_open(session, bid, now)
    if not isinstance(body, dict):
        raise validation_failed({"body": "must be a JSON object with the auction's parameters"})
    unknown = sorted(set(body) - CREATE_FIELDS)
    if unknown:
        raise validation_failed({name: "is not an auction parameter" for name in unknown})

    entrants = _entrants(session, bid)
    if len(entrants) < 2:
        raise ApiError(409, "too_few_sellers", "A reverse auction needs at least two technically qualified offers.")
    mse_band_bp = (bid.mse_preference or {}).get("band_bp", 1500)
    qualification_rules = QualificationRules(rule=QUALIFICATION_OF_RA_RULE[bid.ra_rule], mse_band_bp=mse_band_bp)
    qualified = qualify(entrants, qualification_rules)

    problems: dict[str, str] = {}
    start_at, end_at = _when(body, "start_at", problems), _when(body, "end_at", problems)
    decrement = body.get("decrement")
    if not isinstance(decrement, dict):
        problems["decrement"] = 'must be {"kind": "amount" or "percent", "value": paise or basis points}'
        decrement = {}
    window = _whole(body, "extension_window_seconds", 0, MAX_SECONDS, problems)
    length = _whole(body, "extension_length_seconds", 0, MAX_SECONDS, problems)
    max_extensions = _whole(body, "max_extensions", 0, MAX_EXTENSIONS, problems)
    bid_stage_l1 = start_price(entrants)
    price = body.get("start_price_paise", bid_stage_l1)
    if is_whole(price) and price > bid_stage_l1:
        problems["start_price_paise"] = f"must be at most the bid stage's L1 price ({bid_stage_l1} paise)"
    if start_at is not None and start_at < now:
        problems["start_at"] = f"must not be in the past (server time now: {iso_utc(now)})"
    visibility = body.get("visibility")
    if not isinstance(visibility, str):
        problems["visibility"] = "must be one of " + ", ".join(Visibility)
    kind = decrement.get("kind")
    rules = AuctionRules(start_at=start_at, end_at=end_at, start_price_paise=price,
                         decrement=Decrement(kind if isinstance(kind, str) else None, decrement.get("value")),
                         visibility=visibility if isinstance(visibility, str) else None,
                         extension_window=timedelta(seconds=window) if window is not None else None,
                         extension_length=timedelta(seconds=length) if length is not None else None,
                         max_extensions=max_extensions)
    renamed = {"extension_window": "extension_window_seconds", "extension_length": "extension_length_seconds"}
    for name, problem in rules.problems().items():
        if not (name.startswith("decrement.") and "decrement" in problems):  # said once, for the whole
            problems.setdefault(renamed.get(name, name), problem)
    if problems:
        raise validation_failed(problems)

    act_as(session, caller.actor, "auction.scheduled")
    auction = Auction(
        id=str(uuid.uuid4()), bid_id=bid.id, number=_next_number(session, now), buyer_org_id=bid.buyer_org_id,
        created_by=caller.user_id, start_at=start_at, end_at=end_at, scheduled_end_at=end_at,
        start_price_paise=price, decrement_kind=rules.decrement.kind, decrement_value=rules.decrement.value,
        visibility=str(rules.visibility), extension_window_s=window, extension_length_s=length,
        max_extensions=max_extensions, extensions=0,
        qualification={"rule": str(qualification_rules.rule), "keep_h1_up_to": qualification_rules.keep_h1_up_to,
                       "keep_h1_if_single_oem": qualification_rules.keep_h1_if_single_oem,
                       "mse_band_bp": qualification_rules.mse_band_bp, "bid_stage_l1_paise": bid_stage_l1,
                       "entrants": len(entrants), "entrant_ids": sorted(e.seller for e in entrants),
                       "units": sum(item.quantity for item in domain_bid(bid).items),
                       "reasons": list(qualified.reasons)},
        reference_price_paise=bid.estimated_value_paise, status="scheduled",
        bidders=sorted(qualified.bidders), kept_preference=sorted(qualified.kept_preference), result=None,
        version=1, created_at=now)
    session.add(auction)
    session.flush()
    _add_event(session, auction, "scheduled", {"start_at": iso_utc(start_at), "ends_at": iso_utc(end_at),
                                               "start_price_paise": price, "bidders": len(auction.bidders)}, now)
    bid_rules._touch(bid, now)  # the bid went to auction: whoever holds a copy reads it again
    bid_rules._event(session, bid, caller, "reverse auction scheduled", now,
                     f"{auction.number}: {ist_text(start_at)} to {ist_text(end_at)}, "
                     f"{len(auction.bidders)} bidders")
    return auction


# --- bidding ------------------------------------------------------------------------------


def bid_price(caller: Caller, body: Any) -> int:
    """The price a bid asks for, checked before it waits for the auction: 403 or 422."""
    if caller.firm is None:
        raise forbidden("Only a seller qualified for the auction can bid in it.")
    if not isinstance(body, dict) or set(body) - {"price_paise"}:
        raise validation_failed({"body": 'must be {"price_paise": the price for the whole bid in paise}'})
    price = body.get("price_paise")
    if not is_paise(price) or price == 0:
        raise validation_failed({"price_paise": f"must be a whole number of paise from 1 to {MAX_PAISE}"})
    return price


@dataclasses.dataclass
class BidRequest:
    """One seller's bid, waiting to be taken with the others that arrived with it (`take_bids`);
    `at` is the server's time when it arrived, which decides whether it was in time."""

    caller: Caller
    price_paise: int
    at: datetime
    idempotency_key: str | None = None
    request_hash: str = ""  # of the request the key was sent with (server/services/idempotency.py)
    status: int = 201  # of the answer (a replay's may be another)
    answer: dict[str, Any] | None = None
    error: ApiError | None = None
    copies: list["BidRequest"] = dataclasses.field(default_factory=list)  # the same key again, in one batch


def take_bids(session: Session, auction_id: str, requests: list[BidRequest]) -> None:
    """Take bids on one auction in the order they arrived, in the session's transaction: each
    request gets its answer (kept under its Idempotency-Key in the same transaction) or its
    refusal. The auction row is locked first, so every server process takes its bids one batch
    at a time (server/services/bid_queue.py gathers a process's batches); the rules see each
    bid after the ones before it, exactly as if they had come one by one. Under that lock a
    key already answered replays its answer, so no bid is taken twice, from any process."""
    canonical = parse_id(auction_id)
    auction = None if canonical is None else session.scalars(
        select(Auction).where(Auction.id == canonical).with_for_update()).first()
    requests = sorted(requests, key=lambda r: r.at)
    known = idempotency.records(session, {(r.caller.user_id, r.idempotency_key) for r in requests
                                          if r.idempotency_key is not None})
    waiting: list[BidRequest] = []
    first_of_key: dict[tuple[int, str], BidRequest] = {}
    for request in requests:
        key = (request.caller.user_id, request.idempotency_key)
        if request.idempotency_key is not None:
            if key in first_of_key:  # twice in one batch: the second gets the first's answer
                first_of_key[key].copies.append(request)
                continue
            first_of_key[key] = request
            try:
                stored = idempotency.already(session, *key, request.request_hash, known)
            except ApiError as error:
                request.error = error
                continue
            if stored is not None:  # sent again after a lost answer: the first answer
                request.status, request.answer = stored.status, stored.body
                continue
        if auction is None or not can_see(request.caller, auction):
            request.error = not_found("There is no such auction, or it is not one you may see.")
        elif auction.status == "closed":
            request.error = ApiError(409, "ended", f"The auction closed at "
                                                   f"{ist_text(auction.end_at, with_seconds=True)}; bids are no "
                                                   "longer accepted.")
        else:
            waiting.append(request)
    if waiting:
        _take(session, auction, waiting)
    for request in first_of_key.values():
        for copy in request.copies:
            if copy.request_hash != request.request_hash:
                copy.error = ApiError(422, "idempotency_key_reused", "This Idempotency-Key was already used for a "
                                      "different request. Send a new key for a new change.")
            else:
                copy.status, copy.answer, copy.error = request.status, request.answer, request.error


def _take(session: Session, auction: Auction, waiting: list[BidRequest]) -> None:
    units = auction.qualification.get("units")
    if units is None:  # an auction scheduled before the count was recorded
        units = sum(item.quantity for item in domain_bid(session.get(Bid, auction.bid_id)).items)
    standing = standing_of(session, auction)
    state, bids = standing.state, standing.bids
    mine: dict[str, list[AcceptedBid]] = {}
    for bid in _bids(session, auction, {bidder_id(r.caller.firm) for r in waiting}):
        mine.setdefault(bid.bidder, []).append(bid)
    for request in waiting:
        me, price, now = bidder_id(request.caller.firm), request.price_paise, request.at
        if price < units:  # the award spreads the price over the units (domain.auction.unit_prices_at)
            request.error = ApiError(409, "bad_price", "A price for the whole bid must be at least one paisa for "
                                                       f"each of its {units} units.")
            continue
        refusal = check_bid(state, me, price, now)
        if refusal is not None:
            request.error = ApiError(409, refusal.code, refusal.message)
            continue
        seq = bids + 1
        event_seq = _events_logged(auction, bids) + 1
        state, extended = accept(state, me, price, now, seq)
        bids = seq
        row = AuctionBid(auction_id=auction.id, seq=seq, bidder=me, price_paise=price, at=now)
        session.add(row)
        act_for(session, row, request.caller.actor, "auction.bid")
        mine.setdefault(me, []).append(state.bids[-1])
        _add_event(session, auction, "accepted", {
            "bid_seq": seq, "bidder": me, "price_paise": price, "l1_price_paise": state.l1().price_paise,
            "standing": [[b, p] for _r, b, p in state.ranking()]}, now, event_seq)
        if extended:
            auction.end_at = state.ends_at
            auction.extensions = state.extensions
            auction.version += 1
            act_for(session, auction, request.caller.actor, "auction.extended")
            event_seq = _add_event(session, auction, "extended", {
                "ends_at": iso_utc(state.ends_at), "extensions": state.extensions,
                "max_extensions": auction.max_extensions}, now, event_seq + 1)
        request.answer = {"accepted": {"seq": seq, "price_paise": price, "at": iso_utc(now)}, "extended": extended,
                          "auction": auction_json(session, request.caller, auction, now, Standing(state, seq),
                                                  event_seq, list(mine[me]))}
    # The answers kept for a retry, in the bids' own transaction.
    idempotency.store_many(session, [(r.caller.user_id, r.idempotency_key, r.request_hash, 201, r.answer)
                                     for r in waiting if r.answer is not None and r.idempotency_key is not None])


# --- the close ----------------------------------------------------------------------------


def step(session: Session, now: datetime) -> list[str]:
    """Close every auction whose current end has passed: final ranking, L1, savings against
    the start price and the estimated value. Idempotent (a closed auction is left alone)."""
    due = list(session.scalars(select(Auction).where(Auction.status == "scheduled", Auction.end_at <= now)
                               .order_by(Auction.id).with_for_update()))
    if not due:
        return []
    done = []
    for auction in due:
        act_as(session, SYSTEM, "auction.closed")
        standing = standing_of(session, auction)
        state = standing.state
        l1 = state.l1()
        # Nobody bid: the bid stage's L1 stands at its own price.
        final = l1.price_paise if l1 is not None else auction.qualification["bid_stage_l1_paise"]
        against = [savings(REFERENCE_START_PRICE, auction.start_price_paise, final)]
        if auction.reference_price_paise:
            against.append(savings(REFERENCE_ESTIMATED_VALUE, auction.reference_price_paise, final))
        auction.result = {
            "closed_at": iso_utc(now), "bids": standing.bids,
            "ranking": [{"rank": r, "bidder": b, "price_paise": p} for r, b, p in state.ranking()],
            "l1": None if l1 is None else {"bidder": l1.bidder, "price_paise": l1.price_paise},
            "l1_price_paise": final, "savings": [dataclasses.asdict(s) for s in against],
            "kept_preference": list(auction.kept_preference)}
        auction.status = "closed"
        auction.version += 1
        _add_event(session, auction, "closed", auction.result, now)
        done.append(f"{auction.number} closed with {standing.bids} bid(s)")
        # Then the bid: evaluated again at the auction's prices, for the preferences and the award.
        bid = session.scalars(select(Bid).where(Bid.id == auction.bid_id).with_for_update()).one()
        act_as(session, SYSTEM, "bid.evaluated_after_auction")
        evaluated = bid_rules.after_auction(session, bid, auction, now)
        session.flush()
        if evaluated:
            done.append(evaluated)
    return done

"""The rules of a live reverse auction ("Bid to RA", shared/domain.md section 3).

Owns: an auction's parameters and their checks, whether one bid may be accepted (and why
not, in a sentence the bidder can act on), the state after an accepted bid (auto-extension
included), the ranking, who enters the auction from the bid stage (H1 elimination or the
lowest-priced half), the start price, the savings against a named reference, and the
aliases bidders see each other by. Plain data only: money in integer paise, percentages in
basis points (15% = 1500), times as aware UTC datetimes. The server's engine serialises
bids per auction, keeps the log and the clock; this module decides.

Verified (domain.md): the auction starts at the bid stage's L1 price; who enters is fixed
by the bid (H1 elimination or the 50% lowest-priced technically qualified sellers); if L1 is
not an MSE and the eliminated H1 is an eligible MSE within 15% of L1, that MSE keeps its
purchase-preference rights after the auction. Unverified and therefore parameters, shown to
participants and recorded: decrement, duration, auto-extension, visibility, the H1
exceptions (2-3 sellers, single OEM), no ties with L1.

Our reading where the sources leave room (each written down here and tested):
- A bid must be below the start price and at least one decrement below the bidder's own
  last bid (the first bid: one decrement below the start price). A bid above the current
  L1 is allowed: it improves the bidder's rank without taking L1.
- No ties with L1: a bid equal to the current L1 price is refused, whoever holds L1 (the
  bidder's own L1 cannot be repeated anyway: the decrement forbids it). The earlier bid
  holds. L1 only ever falls and every accepted bid is either below it or above it, so two
  accepted bids never share the L1 price. Equal prices above L1 are allowed; the earlier
  bid ranks higher (ranks are never shared).
- The refusal of a tie tells the bidder that L1 stands at the price they typed, even when
  the auction shows ranks only; that is inherent in refusing ties and harmless (the price
  was theirs).
- A percent decrement is basis points of the start price, rounded down to the paisa, and
  never less than one paisa (a step of nothing would allow endless bids of the same price).
- Auto-extension: a bid accepted while end - at <= window (at < end) moves the end by the
  extension length from the current end, at most max_extensions times. A window of zero
  never extends (at < end means end - at > 0).
- The auction is open from start_at (inclusive) to the current end (exclusive): a bid at
  exactly the end is late.
- H1 elimination. Every seller at the highest price is H1 and all of them are eliminated,
  because choosing among equal prices would be arbitrary; if that would leave fewer than two
  bidders, nobody is eliminated (an auction needs two). H1 is not eliminated when
  keep_h1_up_to or fewer sellers qualified (0 turns this off), nor (keep_h1_if_single_oem)
  when the sellers left would all offer one OEM's product while the entrants offered more
  than one: when every entrant offers the same OEM, eliminating H1 does not change that, so
  H1 is eliminated. OEM names are compared ignoring case and surrounding spaces.
- The MSE exception applies to the eliminated H1 sellers only (H1 elimination); Entrant's
  is_mse means an MSE eligible for the preference (manufacturer or service provider, as
  domain/evaluation.py decides). "L1 is not an MSE" means no seller at the lowest price is
  an MSE; "within 15%" is decided in whole numbers as evaluation.py decides it
  (price x 10000 <= L1 x (10000 + 1500), nothing rounded), so it includes its edge exactly.
- Lowest half: the ceil(n/2) lowest-priced sellers enter, and every seller at the price of
  the last of them enters too (a tie at the boundary is not broken arbitrarily).
- Savings are rounded half away from zero, as domain.money.percent_of rounds, so a loss
  reads the same size as an equal saving.
- The auction is for the whole bid, so a bid is one price for every unit; the award needs
  a price per item. A bidder's final unit prices are its bid-stage unit prices scaled to
  its last accepted bid (`unit_prices_at`): rounded down to the paisa and never below one
  paisa, then the paise left over added to the items with the most units first, so the
  total is the bid exactly or, where the quantities cannot make it up, at most (fewest
  units of an item - 1) paise below it: never above what the bidder bid.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Iterable, Mapping

from domain.evaluation import band_limit_paise, in_band
from domain.money import MAX_PAISE, rupees_text
from domain.names import name_key
from domain.timefmt import as_utc, ist_text

BASIS_POINTS = 10_000

DECREMENT_AMOUNT = "amount"  # value in paise
DECREMENT_PERCENT = "percent"  # value in basis points of the start price
DECREMENT_KINDS = (DECREMENT_AMOUNT, DECREMENT_PERCENT)

# Refusal codes, in the order check_bid looks for them.
BAD_PRICE = "bad_price"
NOT_STARTED = "not_started"
ENDED = "ended"
NOT_QUALIFIED = "not_qualified"
NOT_BELOW_START = "not_below_start"
DECREMENT = "decrement"
TIE_WITH_L1 = "tie_with_l1"
REFUSAL_CODES = (BAD_PRICE, NOT_STARTED, ENDED, NOT_QUALIFIED, NOT_BELOW_START, DECREMENT, TIE_WITH_L1)

REFERENCE_ESTIMATED_VALUE = "estimated value"
REFERENCE_START_PRICE = "start price"
REFERENCE_MEDIAN_PAST_PRICE = "median past price"  # domain.md names it; nothing computes it yet
SAVINGS_REFERENCES = (REFERENCE_ESTIMATED_VALUE, REFERENCE_START_PRICE, REFERENCE_MEDIAN_PAST_PRICE)


class Visibility(StrEnum):
    """What a bidder sees while the auction runs (never who the others are)."""

    RANK = "rank"  # their own rank only
    RANK_AND_L1 = "rank_and_l1"  # their own rank and the current L1 price


class Qualification(StrEnum):
    """Who enters the auction from the bid stage, fixed by the bid."""

    H1_ELIMINATION = "h1_elimination"
    LOWEST_HALF = "lowest_half"
    ALL = "all"  # a reverse auction from the start: every technically qualified seller bids


# The bid's ra_rule (domain/bid_fields.py RA_RULES) to the qualification rule.
QUALIFICATION_OF_RA_RULE = {"h1_elimination": Qualification.H1_ELIMINATION, "top_half": Qualification.LOWEST_HALF,
                            "lowest_half": Qualification.LOWEST_HALF, "direct": Qualification.ALL}


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _when(moment: datetime) -> str:
    """IST, with seconds only when the moment has them (an extended end usually does)."""
    return ist_text(moment, with_seconds=bool(moment.second or moment.microsecond))


def _is_aware(value: object) -> bool:
    return isinstance(value, datetime) and value.tzinfo is not None and value.utcoffset() is not None


# --- the parameters -----------------------------------------------------------------------


@dataclass(frozen=True)
class Decrement:
    """The minimum step down: an amount in paise, or basis points of the start price."""

    kind: str
    value: int

    def paise(self, start_price_paise: int) -> int:
        if self.kind == DECREMENT_AMOUNT:
            return self.value
        if self.kind == DECREMENT_PERCENT:
            return max(1, start_price_paise * self.value // BASIS_POINTS)
        raise ValueError(f"a decrement is an amount or a percent, not {self.kind!r}")

    def text(self, start_price_paise: int) -> str:
        """Rs 500.00, or 0.5% of the start price (Rs 500.00): as participants are shown it."""
        step = rupees_text(self.paise(start_price_paise))
        if self.kind == DECREMENT_PERCENT:
            return f"{Decimal(self.value) / 100:f}% of the start price ({step})"
        return step


@dataclass(frozen=True)
class AuctionRules:
    start_at: datetime  # scheduled, aware UTC
    end_at: datetime  # scheduled; extensions move the state's end, never this
    start_price_paise: int
    decrement: Decrement
    visibility: Visibility
    extension_window: timedelta  # a bid accepted with end - at <= window extends...
    extension_length: timedelta  # ...the end by this, from the current end
    max_extensions: int

    @property
    def step_paise(self) -> int:
        return self.decrement.paise(self.start_price_paise)

    def problems(self) -> dict[str, str]:
        """Every problem with the parameters, by field; empty when the auction can run."""
        problems: dict[str, str] = {}
        for name in ("start_at", "end_at"):
            if not _is_aware(getattr(self, name)):
                problems[name] = "must be a date and time with its time zone"
        if not problems and self.end_at <= self.start_at:
            problems["end_at"] = "must be after the start"
        start_ok = _is_int(self.start_price_paise) and 0 < self.start_price_paise <= MAX_PAISE
        if not start_ok:
            problems["start_price_paise"] = f"must be a whole number of paise from 1 to {MAX_PAISE}"
        if not isinstance(self.decrement, Decrement) or self.decrement.kind not in DECREMENT_KINDS:
            problems["decrement.kind"] = "must be amount (in paise) or percent (basis points of the start price)"
        elif not _is_int(self.decrement.value) or self.decrement.value <= 0:
            problems["decrement.value"] = "must be a whole number above zero"
        elif self.decrement.value > (MAX_PAISE if self.decrement.kind == DECREMENT_AMOUNT else BASIS_POINTS):
            problems["decrement.value"] = ("must be less than the start price" if self.decrement.kind == DECREMENT_AMOUNT
                                           else "a percentage is at most 10000 basis points (100%)")
        elif start_ok and self.step_paise >= self.start_price_paise:
            problems["decrement.value"] = (f"the step ({rupees_text(self.step_paise)}) must be less than the start "
                                           f"price ({rupees_text(self.start_price_paise)})")
        if self.visibility not in set(Visibility):
            problems["visibility"] = "must be one of " + ", ".join(Visibility)
        for name in ("extension_window", "extension_length"):
            value = getattr(self, name)
            if not isinstance(value, timedelta) or value < timedelta(0):
                problems[name] = "must be a duration of zero or more"
        if not _is_int(self.max_extensions) or self.max_extensions < 0:
            problems["max_extensions"] = "must be a whole number, zero or more"
        return problems


# --- the running auction ------------------------------------------------------------------


@dataclass(frozen=True)
class AcceptedBid:
    seq: int  # the engine's sequence number, recorded as given
    bidder: str
    price_paise: int
    at: datetime


@dataclass(frozen=True)
class Refusal:
    code: str  # one of REFUSAL_CODES
    message: str  # a sentence for the bidder


class BidRefused(ValueError):
    """accept() was given a bid that check_bid refuses."""

    def __init__(self, refusal: Refusal) -> None:
        super().__init__(f"{refusal.code}: {refusal.message}")
        self.refusal = refusal


@dataclass(frozen=True)
class AuctionState:
    rules: AuctionRules
    bidders: frozenset[str]  # who qualified
    bids: tuple[AcceptedBid, ...] = ()  # in the order accepted
    end_at: datetime | None = None  # the current end; None until the first extension
    extensions: int = 0

    @property
    def ends_at(self) -> datetime:
        return self.end_at if self.end_at is not None else self.rules.end_at

    def l1(self) -> AcceptedBid | None:
        """The lowest accepted bid (check_bid keeps it unique; the earlier would hold)."""
        best: AcceptedBid | None = None
        for bid in self.bids:
            if best is None or bid.price_paise < best.price_paise:
                best = bid
        return best

    def last_bid_of(self, bidder: str) -> AcceptedBid | None:
        for bid in reversed(self.bids):
            if bid.bidder == bidder:
                return bid
        return None

    def ranking(self) -> list[tuple[int, str, int]]:
        """(rank from 1, bidder, their best price), lowest first; bidders without a bid are left
        out. Equal prices (possible above L1 only): the one who bid it first ranks higher."""
        best: dict[str, tuple[int, int]] = {}  # bidder -> (price, position of that bid)
        for position, bid in enumerate(self.bids):
            if bid.bidder not in best or bid.price_paise < best[bid.bidder][0]:
                best[bid.bidder] = (bid.price_paise, position)
        ordered = sorted(best.items(), key=lambda entry: entry[1])
        return [(rank, bidder, price) for rank, (bidder, (price, _)) in enumerate(ordered, start=1)]

    def rank_of(self, bidder: str) -> int | None:
        for rank, who, _ in self.ranking():
            if who == bidder:
                return rank
        return None

    def is_running(self, at: datetime) -> bool:
        return self.rules.start_at <= as_utc(at) < self.ends_at

    def highest_allowed(self, bidder: str) -> int:
        """The highest price the bidder's next bid may be (one step below their last, or below
        the start price); it must also differ from the current L1."""
        last = self.last_bid_of(bidder)
        ceiling = last.price_paise if last is not None else self.rules.start_price_paise
        return ceiling - self.rules.step_paise


def check_bid(state: AuctionState, bidder: str, price_paise: int, at: datetime) -> Refusal | None:
    """None if the bid may be accepted, else the first reason it may not (REFUSAL_CODES order).
    The rules are assumed valid (AuctionRules.problems() is empty)."""
    rules = state.rules
    if not _is_int(price_paise) or price_paise <= 0:
        return Refusal(BAD_PRICE, "The price must be a whole number of paise above zero.")
    at = as_utc(at)
    if at < rules.start_at:
        return Refusal(NOT_STARTED, f"The auction has not started yet: it opens at {_when(rules.start_at)}.")
    if at >= state.ends_at:
        return Refusal(ENDED, f"The auction ended at {_when(state.ends_at)}; "
                              "bids are no longer accepted.")
    if bidder not in state.bidders:
        return Refusal(NOT_QUALIFIED, "You did not qualify for this auction, so you cannot bid in it.")
    start = rules.start_price_paise
    if price_paise >= start:
        return Refusal(NOT_BELOW_START, f"Your bid of {rupees_text(price_paise)} must be below the auction's "
                                        f"start price of {rupees_text(start)}.")
    step = rules.step_paise
    last = state.last_bid_of(bidder)
    if price_paise > start - step if last is None else price_paise > last.price_paise - step:
        if state.highest_allowed(bidder) < 1:
            return Refusal(DECREMENT, f"Your last bid of {rupees_text(last.price_paise)} is less than one step "
                                      f"({rupees_text(step)}) above zero, so you cannot bid lower.")
        ceiling = (f"the start price of {rupees_text(start)}" if last is None
                   else f"your last bid of {rupees_text(last.price_paise)}")
        return Refusal(DECREMENT, f"Your bid must be at least {rupees_text(step)} below {ceiling}: "
                                  f"{rupees_text(state.highest_allowed(bidder))} or less.")
    l1 = state.l1()
    if l1 is not None and price_paise == l1.price_paise:
        return Refusal(TIE_WITH_L1, f"Another bidder already holds the lowest price, {rupees_text(price_paise)}, "
                                    "and ties are not allowed: bid lower to become L1, or higher to improve "
                                    "your rank.")
    return None


def accept(state: AuctionState, bidder: str, price_paise: int, at: datetime, seq: int) -> tuple[AuctionState, bool]:
    """The state with the bid accepted, and whether it extended the end.
    Raises BidRefused (a ValueError) if check_bid refuses the bid."""
    refusal = check_bid(state, bidder, price_paise, at)
    if refusal is not None:
        raise BidRefused(refusal)
    at = as_utc(at)
    rules = state.rules
    bids = state.bids + (AcceptedBid(seq, bidder, price_paise, at),)
    end = state.ends_at
    if end - at <= rules.extension_window and state.extensions < rules.max_extensions:
        return replace(state, bids=bids, end_at=end + rules.extension_length, extensions=state.extensions + 1), True
    return replace(state, bids=bids), False


@dataclass(frozen=True)
class BidderView:
    """What one bidder is shown while the auction runs (Visibility decides l1_paise)."""

    rank: int | None
    bidders: int
    own_last_paise: int | None
    l1_paise: int | None  # None under Visibility.RANK, or before any bid
    highest_allowed_paise: int
    ends_at: datetime


def bidder_view(state: AuctionState, bidder: str) -> BidderView:
    last = state.last_bid_of(bidder)
    l1 = state.l1()
    shows_l1 = state.rules.visibility == Visibility.RANK_AND_L1 and l1 is not None
    return BidderView(
        rank=state.rank_of(bidder),
        bidders=len(state.bidders),
        own_last_paise=last.price_paise if last else None,
        l1_paise=l1.price_paise if shows_l1 and l1 else None,
        highest_allowed_paise=state.highest_allowed(bidder),
        ends_at=state.ends_at,
    )


# --- who enters ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Entrant:
    """A technically qualified offer of the bid stage."""

    seller: str
    price_paise: int
    is_mse: bool  # an MSE eligible for the purchase preference
    oem: str  # whose product is offered


@dataclass(frozen=True)
class QualificationRules:
    rule: Qualification
    keep_h1_up_to: int = 3  # H1 is not eliminated when this many or fewer qualify (0 turns it off)
    keep_h1_if_single_oem: bool = True  # ...nor when eliminating it would leave a single OEM
    mse_band_bp: int = 1500


@dataclass(frozen=True)
class Qualified:
    bidders: frozenset[str]
    kept_preference: frozenset[str]  # eliminated MSEs that keep their purchase-preference rights
    reasons: tuple[str, ...]  # one sentence per decision, to show and record


def _oem(entrant: Entrant) -> str:
    return name_key(entrant.oem)


def _sellers(entrants: Iterable[Entrant]) -> str:
    return ", ".join(sorted(e.seller for e in entrants))


def start_price(entrants: list[Entrant]) -> int:
    """The bid stage's L1 price: the auction starts at it."""
    if not entrants:
        raise ValueError("an auction needs at least one technically qualified offer to start from")
    return min(e.price_paise for e in entrants)


def qualify(entrants: list[Entrant], rules: QualificationRules) -> Qualified:
    """Who enters the auction, and why (see the module docstring for the readings)."""
    if len({e.seller for e in entrants}) != len(entrants):
        raise ValueError("each seller may appear once among the entrants")
    if not entrants:
        return Qualified(frozenset(), frozenset(), ("No technically qualified offers: nobody enters the auction.",))
    if rules.rule == Qualification.LOWEST_HALF:
        return _lowest_half(entrants)
    if rules.rule == Qualification.H1_ELIMINATION:
        return _h1_elimination(entrants, rules)
    if rules.rule == Qualification.ALL:
        n = len(entrants)
        return Qualified(frozenset(e.seller for e in entrants), frozenset(), (
            f"A reverse auction from the start: all {n} technically qualified seller{'s' if n != 1 else ''} "
            f"enter{'s' if n == 1 else ''}.",))
    raise ValueError(f"unknown qualification rule {rules.rule!r}")


def _lowest_half(entrants: list[Entrant]) -> Qualified:
    ordered = sorted(entrants, key=lambda e: e.price_paise)
    n = len(ordered)
    half = math.ceil(n / 2)
    boundary = ordered[half - 1].price_paise
    enter = [e for e in ordered if e.price_paise <= boundary]
    reasons = [f"{n} seller{'s' if n != 1 else ''} qualified technically; the {half} lowest-priced "
               f"{'enter' if half != 1 else 'enters'} the auction (50% rounded up), up to {rupees_text(boundary)}."]
    if len(enter) > half:
        tied = [e for e in enter if e.price_paise == boundary]
        reasons.append(f"{_sellers(tied)} tie at {rupees_text(boundary)} on the boundary, so all of them enter.")
    out = [e for e in ordered if e.price_paise > boundary]
    if out:
        reasons.append(f"{_sellers(out)} priced above {rupees_text(boundary)} and do not enter.")
    return Qualified(frozenset(e.seller for e in enter), frozenset(), tuple(reasons))


def _h1_elimination(entrants: list[Entrant], rules: QualificationRules) -> Qualified:
    everyone = frozenset(e.seller for e in entrants)
    n = len(entrants)
    h1_price = max(e.price_paise for e in entrants)
    h1 = [e for e in entrants if e.price_paise == h1_price]
    rest = [e for e in entrants if e.price_paise < h1_price]
    named = f"{_sellers(h1)} {'is' if len(h1) == 1 else 'are'} H1 at {rupees_text(h1_price)}"
    if rules.keep_h1_up_to > 0 and n <= rules.keep_h1_up_to:
        return Qualified(everyone, frozenset(), (
            f"Only {n} seller{'s' if n != 1 else ''} qualified technically ({rules.keep_h1_up_to} or fewer): "
            f"H1 is not eliminated; {named} and enter{'s' if len(h1) == 1 else ''} the auction.",))
    if len(rest) < 2:
        return Qualified(everyone, frozenset(), (
            f"{named}; eliminating {'it' if len(h1) == 1 else 'them'} would leave fewer than two bidders, "
            "so nobody is eliminated.",))
    oems_before = {_oem(e) for e in entrants}
    oems_after = {_oem(e) for e in rest}
    if rules.keep_h1_if_single_oem and len(oems_before) > 1 and len(oems_after) == 1:
        only = rest[0].oem.strip() or "one OEM"
        return Qualified(everyone, frozenset(), (
            f"{named}; eliminating {'it' if len(h1) == 1 else 'them'} would leave only {only}'s products "
            "in the auction, so H1 is not eliminated.",))
    reasons = [f"{named} and {'is' if len(h1) == 1 else 'are'} eliminated (H1 elimination); "
               f"{len(rest)} sellers enter the auction."]
    l1_price = min(e.price_paise for e in entrants)
    l1_is_mse = any(e.is_mse for e in entrants if e.price_paise == l1_price)
    band_limit = band_limit_paise(l1_price, rules.mse_band_bp)  # shown; in_band decides
    kept = frozenset(e.seller for e in h1 if e.is_mse and not l1_is_mse and in_band(e.price_paise, l1_price,
                                                                                    rules.mse_band_bp))
    for seller in sorted(kept):
        reasons.append(f"{seller} is an MSE within {Decimal(rules.mse_band_bp) / 100:f}% of the non-MSE L1 "
                       f"({rupees_text(l1_price)}, up to {rupees_text(band_limit)}): it keeps its "
                       "purchase-preference rights after the auction.")
    return Qualified(frozenset(e.seller for e in rest), kept, tuple(reasons))


# --- after the auction --------------------------------------------------------------------


@dataclass(frozen=True)
class Savings:
    reference: str  # one of SAVINGS_REFERENCES: always say against what
    reference_paise: int
    saved_paise: int  # negative when the auction ended above the reference
    saved_bp: int  # of the reference, rounded half away from zero


def savings(reference: str, reference_paise: int, final_l1_paise: int) -> Savings:
    if reference not in SAVINGS_REFERENCES:
        raise ValueError("savings are against " + ", ".join(SAVINGS_REFERENCES) + f", not {reference!r}")
    if not _is_int(reference_paise) or reference_paise <= 0:
        raise ValueError("the reference price must be a whole number of paise above zero")
    if not _is_int(final_l1_paise):
        raise ValueError("the final L1 price must be a whole number of paise")
    saved = reference_paise - final_l1_paise
    saved_bp = int((Decimal(saved) * BASIS_POINTS / reference_paise).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return Savings(reference, reference_paise, saved, saved_bp)


def unit_prices_at(unit_prices_paise: Mapping[str, int], quantities: Mapping[str, int],
                   total_paise: int) -> dict[str, int]:
    """The bid-stage unit prices (item -> paise) scaled to `total_paise` for the quantities
    (item -> units): see the module docstring. Needs at least one paisa for every unit."""
    if set(unit_prices_paise) != set(quantities) or not quantities:
        raise ValueError("a unit price is needed for every item of the bid, and only for those")
    if any(not _is_int(q) or q < 1 for q in quantities.values()):
        raise ValueError("quantities must be whole numbers of units, at least 1")
    if any(not _is_int(p) or p < 1 for p in unit_prices_paise.values()):
        raise ValueError("unit prices must be whole numbers of paise above zero")
    units = sum(quantities.values())
    if not _is_int(total_paise) or total_paise < units:
        raise ValueError(f"a price for {units} units must be at least {units} paise (one paisa a unit)")
    before = sum(unit_prices_paise[i] * q for i, q in quantities.items())
    prices = {i: max(1, unit_prices_paise[i] * total_paise // before) for i in quantities}
    # Most units first (then the item id): the order the paise left over are placed in.
    order = sorted(quantities, key=lambda i: (-quantities[i], i))
    over = sum(prices[i] * quantities[i] for i in order) - total_paise
    while over > 0:  # only where raising a price to one paisa went over: take it back from the dearest
        dearest = max((i for i in order if prices[i] > 1), key=lambda i: prices[i])
        cut = min(prices[dearest] - 1, -(-over // quantities[dearest]))
        prices[dearest] -= cut
        over -= cut * quantities[dearest]
    left = -over
    for item in order:
        prices[item] += left // quantities[item]
        left %= quantities[item]
    return prices


def aliases(bidders: Iterable[str]) -> dict[str, str]:
    """Bidder id -> "Bidder 1".."Bidder n", numbered in the ids' string order, so the same
    bidders always get the same names (in the log, on every screen, after the close)."""
    return {bidder: f"Bidder {n}" for n, bidder in enumerate(sorted(set(bidders), key=str), start=1)}

"""Financial evaluation of a bid: who is L1, who may match L1, and who supplies how much.

Owns: the bid's evaluation settings and its offers (plain data: money in integer paise,
percentages in basis points, 15% = 1500), the L1 of each lot, the two purchase preferences,
and an award that explains every line. It decides nothing about technical evaluation:
the offers given are the technically qualified ones.

Where each rule comes from (shared/domain.md, section 4; README, "How the rules are read"):
- MSE purchase preference: Public Procurement Policy for MSEs Order 2012 (S.O. 581(E), 23 Mar
  2012), para 10 ("Price quotation in tenders"), its "20 per cent" made 25 by the Amendment
  Order 2018 (S.O. 5670(E), 9 Nov 2018): where L1 is not an MSE, MSEs quoting within L1 + 15%
  may supply up to 25% of the tendered value by bringing their price down to L1's; "In case of
  more than one such micro and small enterprise, the supply shall be shared proportionately
  (to tendered quantity)". Only manufacturers (goods) or service providers (services)
  qualify; traders do not (GeM's bid terms; the Order covers goods produced and services
  rendered by MSEs).
- The DoE Manual for Procurement (Consultancy and Other Services 2017, updated 2022), para
  1.10, 5(b): the 25% "is to be distributed proportionately" among the eligible MSEs in the
  band "who agree to match the L1 price"; its Note: after a negotiation with a non-MSE L1 "the
  price band (L1+15%) should be calculated based on the original L1 price, not the lower
  negotiated price", the eligible MSEs being called to match the negotiated price; 5(b)(i):
  where the tender item cannot be split, the MSE within the band may be awarded the whole
  supply, subject to matching L1.
- Make in India: Public Procurement (Preference to Make in India) Order 2017, revised 16 Sep
  2020. Para 2: Class-I local supplier >= 50% local content, Class-II > 20% and < 50%. Para 3A(b)
  (divisible): if L1 is not Class-I, L1 gets 50% and the lowest Class-I supplier within the
  margin (20%) is invited to match L1 for the other 50%, then the next if it does not, L1 the
  rest if none does. Para 3A(c) (not divisible): the whole quantity to the Class-I supplier who
  matches, invited lowest first. Para 4: procurements whose estimated value is less than Rs 5
  lakh are exempt from the Order (and must not be split to avoid it).
- MSE and Make in India together: where the bid offers the MSE preference, it prevails
  (domain.md section 4, verified).
- Reverse auction, H1 elimination: an eliminated H1 that is an eligible MSE within 15% of a
  non-MSE L1 keeps its purchase-preference rights after the auction (GeM's terms, domain.md
  section 3).

Our reading where the orders leave room (each one a parameter or written down here):
- Lots. Total-value evaluation makes one lot of all items ("all"); item-wise, a lot per
  item (named by the item id); group-wise, a lot per group. An offer's lot price is the sum
  of unit price x quantity over the lot's items; an offer that does not quote every item of
  a lot is not evaluated in it.
- Ties. Equal lowest lot prices are broken, in order, in favour of an MSE that qualifies for
  the MSE preference, then a Class-I local supplier, then the earlier submission, then the
  seller id (so the result never depends on the order offers are listed in). The policies
  favour those suppliers; submission time is the only neutral fact left.
- Bands are decided in whole numbers. "Within L1 + 15%": a lot price P is in a band of B basis
  points over L1 exactly when P x 10000 <= L1 x (10000 + B) (`in_band`): nothing is rounded,
  so exactly 15% above L1 is in the band and one paisa more never is, whatever L1 is. The
  limit the evaluation shows (`Band.limit_paise`) is that bound rounded down to the paisa,
  for people to read; the comparison decides. The same for the 20% Make in India margin.
- Eligibility is fixed at the opening; the match is at the final price. Bands are measured
  from L1's lot price as the offers were opened, with each seller's price as opened (the DoE
  manual's Note): a negotiation round lowers L1's price and a reverse auction moves everyone's,
  and either changes the price an eligible seller is asked to match, never who is eligible. A
  seller in a band at the final prices but not as opened is not eligible, and the band says
  why. Who is L1 at the end (and so whether a preference applies at all: L1 an MSE, L1 a
  Class-I supplier) is decided at the final prices, at which the award is made.
- A trader MSE is outside the MSE order altogether: it neither qualifies for a match nor,
  when it is L1, counts as an MSE L1 (qualifying MSEs in the band are then invited).
- Invitations and answers. (a) The MSE share of a quantity that can be split: every eligible
  MSE in the band is invited at once. The Order shares the supply among all such MSEs, so each
  must be asked; asked together, no seller's share waits on another's answer. One who declines
  drops out and the share is divided again among the others; an invitation not answered by
  its deadline counts as declined (the server keeps the deadlines: server/services/matching.py),
  so neither the others' shares nor the award wait beyond it. An acceptance is to match L1's
  price for the share this rule gives, whatever the others answer. (b) A quantity that cannot
  be split goes whole to one MSE (the manual, 5(b)(i)), so the eligible MSEs are invited one at
  a time, lowest first, each with its own deadline: the first to accept gets the whole
  quantity; a decline or a lapse passes the invitation to the next. Lowest first is the order
  the Make in India Order gives for its own one-supplier matches. (c) Make in India: one at a
  time, the lowest Class-I supplier first (para 3A(b), (c)). A decline covers every invitation
  in that lot.
- Whole units. A preference share is rounded down, per item, and L1 keeps the rest ("up to
  25%"), so no unit is lost or invented (25% of 3 units is 0: nobody is invited, and the note
  says so). The MSE share is divided among the MSEs who match in proportion to the quantity
  each tendered (`share_proportionately`): each gets the whole units of its exact share and
  the units that rounding leaves over go one each to the largest fractions, equal fractions to
  the lower-priced offer first. Why: the units stay in the MSEs' share (handing them to L1 would
  shrink it below 25% rounded down), no MSE is ever a whole unit short of its exact share, and
  among equals the lower offer, which the orders' rankings favour, comes first, so the split
  never depends on the order offers are listed in. On GeM Desk an offer tenders the bid's
  whole quantity of every item it quotes (offers carry prices, not quantities, as on GeM), so
  the MSEs' shares come out equal, give or take a leftover unit.
- A quantity that cannot be split (the bid says so) goes whole to the one matching MSE (the
  manual, 5(b)(i)) or Class-I supplier (para 3A(c)).
- The matched price. A matcher is paid L1's final unit price for each item, so the L1 price is
  paid to matchers exactly; in a lot of several items a matcher whose own unit price for an
  item is below L1's keeps its own, lower price there (a match brings a price down, never up),
  so nobody is ever paid above their own offer.
- MSE and Make in India together. Where the bid offers MSE preference and an MSE holds the
  lot's quantity through it (an MSE is L1, or MSEs in the band matched), the MSE preference
  prevails and no Make in India share is taken from that lot. Where the MSE preference comes
  to nothing (L1 is not an MSE and no eligible MSE is in the band, or all decline, or the
  share rounds to nothing), the Make in India preference applies as if it stood alone.
- The Make in India exemption. A bid whose estimated value (`Bid.estimated_value_paise`) is
  below Rs 5,00,000.00 gets no Make in India margin (para 4; exactly Rs 5 lakh is not "less
  than"), and the evaluation says so. A bid without its estimated value (an older BID.json)
  is evaluated with the margin, and the evaluation says the value was not given.
- After a reverse auction. An MSE eliminated from the auction as H1 within the MSE band of a
  non-MSE L1 keeps its purchase-preference rights: its offer stays at its bid-stage price with
  `keeps_mse_preference`, and it is in the MSE band whatever its price (the auction decided its
  right at the bid stage's prices by the same comparison: domain/auction.py), the same answer
  the opening prices give. It is in no other band (Make in India rights are not kept); it is
  invited with the sellers inside the band, or after them where they are invited in turn.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from typing import Any, Callable, Collection, Iterable, Mapping, Sequence

from domain.listing import MiiClass
from domain.money import LAKH, PAISE_PER_RUPEE, rupees_text
from domain.timefmt import as_utc, ist_text

BASIS_POINTS = 10_000
TOTAL_LOT = "all"  # the one lot of a total-value evaluation

RULE_L1 = "L1"
RULE_MSE_MATCH = "MSE_MATCH"
RULE_MII_MATCH = "MII_MATCH"

MSE_ORDER = "PPP-MSE Order 2012 para 10, amended 2018"
MII_ORDER = "PPP-MII Order 2017 (revised 16 Sep 2020) para 3A"
MII_EXEMPTION = "PPP-MII Order 2017 (revised 16 Sep 2020) para 4"
# Procurements of an estimated value below this are exempt from the Make in India Order (para 4).
MII_EXEMPT_BELOW_PAISE = 5 * LAKH * PAISE_PER_RUPEE

# What the evaluation says about the whole bid (Notice.code).
NOTICE_MII_EXEMPT = "mii_exempt_small_purchase"
NOTICE_MII_VALUE_NOT_GIVEN = "mii_estimated_value_not_given"


class EvaluationMethod(StrEnum):
    TOTAL_VALUE = "total_value"
    ITEM_WISE = "item_wise"
    GROUP_WISE = "group_wise"


class BidKind(StrEnum):
    GOODS = "goods"
    SERVICES = "services"


class Nature(StrEnum):
    """What the seller is for the offered product or service."""

    MANUFACTURER = "manufacturer"
    SERVICE_PROVIDER = "service_provider"
    TRADER = "trader"


# Who may claim the MSE preference, by what the bid buys.
MSE_QUALIFYING_NATURE = {BidKind.GOODS: Nature.MANUFACTURER, BidKind.SERVICES: Nature.SERVICE_PROVIDER}


# --- the rules in whole numbers ------------------------------------------------------------


def in_band(price_paise: int, l1_paise: int, band_bp: int) -> bool:
    """Whether a price is "within L1 + band": price x 10000 <= L1 x (10000 + band), exactly."""
    return price_paise * BASIS_POINTS <= l1_paise * (BASIS_POINTS + band_bp)


def band_limit_paise(l1_paise: int, band_bp: int) -> int:
    """The highest whole-paisa price inside the band: L1 + band rounded down, for display."""
    return l1_paise * (BASIS_POINTS + band_bp) // BASIS_POINTS


def mii_exempt(estimated_value_paise: int | None) -> bool:
    """A procurement below Rs 5 lakh estimated value is exempt from the Make in India Order
    (para 4). An unknown value is not exempt: the margin applies."""
    return estimated_value_paise is not None and estimated_value_paise < MII_EXEMPT_BELOW_PAISE


def share_proportionately(units: int, weights: Sequence[int]) -> list[int]:
    """`units` whole units divided in proportion to `weights`, in the order given: each gets
    the whole units of its exact share, and the units that leaves over go one each to the
    largest fractions, equal fractions to the earlier. The shares add up to `units`."""
    total = sum(weights)
    if units < 0 or not weights or total <= 0 or any(w < 0 for w in weights):
        raise ValueError("whole units to share among positive weights")
    exact = [units * weight for weight in weights]  # each share is exact[n] / total
    shares = [numerator // total for numerator in exact]
    by_fraction = sorted(range(len(weights)), key=lambda n: (-(exact[n] % total), n))
    for n in by_fraction[:units - sum(shares)]:
        shares[n] += 1
    return shares


# --- what goes in -------------------------------------------------------------------------


@dataclass(frozen=True)
class BidItem:
    id: str
    quantity: int
    name: str = ""


@dataclass(frozen=True)
class ItemGroup:
    id: str
    items: tuple[str, ...]
    name: str = ""


@dataclass(frozen=True)
class MsePreference:
    """Purchase preference for MSEs, as the buyer set it in the bid."""

    enabled: bool = False
    band_bp: int = 1500  # MSEs within L1 + 15% are invited to match
    share_bp: int = 2500  # for 25% of the quantity


@dataclass(frozen=True)
class MiiPreference:
    """Purchase preference for Class-I local suppliers (Make in India)."""

    enabled: bool = False
    margin_bp: int = 2000  # Class-I suppliers within L1 + 20% are invited to match
    l1_share_bp: int = 5000  # a non-Class-I L1 keeps 50%; the rest is offered to Class-I


@dataclass(frozen=True)
class Bid:
    number: str
    items: tuple[BidItem, ...]
    method: EvaluationMethod = EvaluationMethod.TOTAL_VALUE
    groups: tuple[ItemGroup, ...] = ()
    kind: BidKind = BidKind.GOODS
    quantity_splittable: bool = True
    mse_preference: MsePreference = MsePreference()
    mii_preference: MiiPreference = MiiPreference()
    title: str = ""
    estimated_value_paise: int | None = None  # None: not given (the Make in India exemption cannot be checked)


@dataclass(frozen=True)
class Offer:
    """A technically qualified offer: the seller (an alias), unit prices per item, attributes.

    `unit_prices_paise` are the final prices (after any negotiation or reverse auction), at
    which the award is made; `opened_unit_prices_paise` the prices as the offer was opened,
    which decide the bands (None: the same as the final ones)."""

    seller: str
    unit_prices_paise: Mapping[str, int]  # item id -> price per unit, all taxes included
    submitted_at: datetime
    mse: bool = False
    nature: Nature = Nature.MANUFACTURER
    mii_class: MiiClass = MiiClass.NON_LOCAL
    keeps_mse_preference: bool = False  # eliminated from a reverse auction with its MSE rights kept
    opened_unit_prices_paise: Mapping[str, int] | None = None

    @property
    def opened_prices(self) -> Mapping[str, int]:
        return self.unit_prices_paise if self.opened_unit_prices_paise is None else self.opened_unit_prices_paise


@dataclass(frozen=True)
class Decline:
    """A seller who declined to match L1 (or let its invitation lapse): in one lot, or (lot
    None) in every lot."""

    seller: str
    lot: str | None = None


class BidError(ValueError):
    """Input that cannot be evaluated, naming the field (as in the bid's JSON)."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


# --- what comes out -----------------------------------------------------------------------


@dataclass(frozen=True)
class RankedOffer:
    rank: int  # 1 is L1, at the final prices
    seller: str
    lot_price_paise: int  # at the final prices
    opened_lot_price_paise: int  # as opened: what the bands are decided on
    mse: bool
    mse_qualifies: bool  # an MSE of the nature the MSE order favours for this bid
    nature: Nature
    mii_class: MiiClass
    submitted_at: datetime
    keeps_mse_preference: bool = False


@dataclass(frozen=True)
class Band:
    """One preference in one lot: who was in its band, who was asked, who matched."""

    preference: str  # "mse" or "mii"
    band_bp: int
    base_paise: int  # L1's lot price as opened: the band is measured from it
    limit_paise: int  # the highest whole-paisa lot price inside the band, for display
    in_band: tuple[str, ...]  # eligible sellers inside the band, lowest first
    not_eligible: tuple[tuple[str, str], ...]  # (seller, why) inside the band but not eligible
    invited: tuple[str, ...]
    declined: tuple[str, ...]
    matched: tuple[str, ...]  # invited and not declined: they match L1 (the MSEs share the share)
    outcome: str  # l1_eligible | matched | no_one_in_band | all_declined | nothing_to_share | mse_prevails | exempt_small_purchase
    note: str


@dataclass(frozen=True)
class AwardLine:
    seller: str
    lot: str
    item: str
    quantity: int
    unit_price_paise: int
    total_paise: int
    rule: str  # RULE_L1, RULE_MSE_MATCH or RULE_MII_MATCH
    reason: str


@dataclass(frozen=True)
class LotResult:
    lot: str
    items: tuple[str, ...]
    ranking: tuple[RankedOffer, ...]
    not_evaluated: tuple[tuple[str, str], ...]  # (seller, why)
    l1: str | None
    l1_price_paise: int | None
    tie: str | None
    mse_band: Band | None
    mii_band: Band | None
    lines: tuple[AwardLine, ...]
    notes: tuple[str, ...]
    opened_l1_price_paise: int | None = None  # the lowest lot price as opened

    @property
    def declined(self) -> tuple[str, ...]:
        seen = [s for band in (self.mse_band, self.mii_band) if band for s in band.declined]
        return tuple(dict.fromkeys(seen))


@dataclass(frozen=True)
class Notice:
    """Something the evaluation says about the whole bid: a code with its parameters (for
    a window to word in its language) and the sentence in English."""

    code: str
    params: Mapping[str, Any]
    text: str


@dataclass(frozen=True)
class Evaluation:
    bid: Bid
    lots: tuple[LotResult, ...]
    notices: tuple[Notice, ...] = ()
    lines: tuple[AwardLine, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "lines", tuple(line for lot in self.lots for line in lot.lines))

    @property
    def total_paise(self) -> int:
        return sum(line.total_paise for line in self.lines)

    def awarded(self, item: str) -> int:
        return sum(line.quantity for line in self.lines if line.item == item)


# --- checking the input -------------------------------------------------------------------


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def lot_ids(bid: Bid) -> tuple[str, ...]:
    if bid.method == EvaluationMethod.TOTAL_VALUE:
        return (TOTAL_LOT,)
    if bid.method == EvaluationMethod.ITEM_WISE:
        return tuple(item.id for item in bid.items)
    return tuple(group.id for group in bid.groups)


def check_bid(bid: Bid, offers: Sequence[Offer], declines: Collection[Decline] = ()) -> None:
    """Raise BidError naming the first field that cannot be evaluated."""
    if not _text(bid.number):
        raise BidError("bid.number", "the bid number is required")
    _check_choice("bid.method", bid.method, EvaluationMethod)
    _check_choice("bid.kind", bid.kind, BidKind)
    if bid.estimated_value_paise is not None and (not _is_int(bid.estimated_value_paise)
                                                  or bid.estimated_value_paise <= 0):
        raise BidError("bid.estimated_value_paise", "must be a whole number of paise above zero (or left out)")
    if not bid.items:
        raise BidError("bid.items", "a bid needs at least one item")
    seen: set[str] = set()
    for n, item in enumerate(bid.items):
        if not _text(item.id):
            raise BidError(f"bid.items[{n}].id", "every item needs an id")
        if item.id in seen:
            raise BidError(f"bid.items[{n}].id", f"{item.id!r} is used by two items")
        seen.add(item.id)
        if not _is_int(item.quantity) or item.quantity < 1:
            raise BidError(f"bid.items[{n}].quantity", "must be a whole number of units, at least 1")
    _check_groups(bid, seen)
    for name, value in (("bid.mse_preference.band_bp", bid.mse_preference.band_bp),
                        ("bid.mse_preference.share_bp", bid.mse_preference.share_bp),
                        ("bid.mii_preference.margin_bp", bid.mii_preference.margin_bp),
                        ("bid.mii_preference.l1_share_bp", bid.mii_preference.l1_share_bp)):
        if not _is_int(value) or not 0 <= value <= BASIS_POINTS:
            raise BidError(name, "must be whole basis points from 0 to 10000 (15% is 1500)")

    sellers: set[str] = set()
    for n, offer in enumerate(offers):
        where = f"offers[{n}]"
        if not _text(offer.seller):
            raise BidError(f"{where}.seller", "every offer needs a seller id")
        if offer.seller in sellers:
            raise BidError(f"{where}.seller", f"{offer.seller!r} has two offers; give each seller one")
        sellers.add(offer.seller)
        if not isinstance(offer.submitted_at, datetime):
            raise BidError(f"{where}.submitted_at", "must be a date and time")
        _check_choice(f"{where}.nature", offer.nature, Nature)
        _check_choice(f"{where}.mii_class", offer.mii_class, MiiClass)
        if not offer.unit_prices_paise:
            raise BidError(f"{where}.unit_prices_paise", "the offer quotes no item")
        _check_prices(f"{where}.unit_prices_paise", offer.unit_prices_paise, seen)
        if offer.opened_unit_prices_paise is not None:
            if set(offer.opened_unit_prices_paise) != set(offer.unit_prices_paise):
                raise BidError(f"{where}.opened_unit_prices_paise", "must quote the same items as unit_prices_paise")
            _check_prices(f"{where}.opened_unit_prices_paise", offer.opened_unit_prices_paise, seen)
    lots = set(lot_ids(bid))
    for n, decline in enumerate(declines):
        if decline.seller not in sellers:
            raise BidError(f"declined[{n}].seller", f"{decline.seller!r} made no offer")
        if decline.lot is not None and decline.lot not in lots:
            known = ", ".join(sorted(lots))
            raise BidError(f"declined[{n}].lot", f"{decline.lot!r} is not a lot of this bid ({known})")


def _check_prices(where: str, prices: Mapping[str, int], item_ids: set[str]) -> None:
    for item_id, price in prices.items():
        if item_id not in item_ids:
            raise BidError(f"{where}.{item_id}", "is not an item of this bid")
        if not _is_int(price) or price <= 0:
            raise BidError(f"{where}.{item_id}", "must be a whole number of paise above zero")


def _check_choice(field: str, value: object, kind: type[StrEnum]) -> None:
    if value not in {member.value for member in kind}:
        raise BidError(field, f"must be one of {' | '.join(member.value for member in kind)}")


def _check_groups(bid: Bid, item_ids: set[str]) -> None:
    if bid.method != EvaluationMethod.GROUP_WISE:
        if bid.groups:
            raise BidError("bid.groups", "only a group-wise bid has groups")
        return
    if not bid.groups:
        raise BidError("bid.groups", "a group-wise bid needs its groups of items")
    placed: dict[str, str] = {}
    group_ids: set[str] = set()
    for n, group in enumerate(bid.groups):
        if not _text(group.id) or group.id in group_ids:
            raise BidError(f"bid.groups[{n}].id", "every group needs an id of its own")
        group_ids.add(group.id)
        if not group.items:
            raise BidError(f"bid.groups[{n}].items", "a group needs at least one item")
        for item_id in group.items:
            if item_id not in item_ids:
                raise BidError(f"bid.groups[{n}].items", f"{item_id!r} is not an item of this bid")
            if item_id in placed:
                raise BidError(f"bid.groups[{n}].items", f"{item_id!r} is already in group {placed[item_id]!r}")
            placed[item_id] = group.id
    missing = [item_id for item_id in sorted(item_ids) if item_id not in placed]
    if missing:
        raise BidError("bid.groups", f"every item must be in a group; not placed: {', '.join(missing)}")


# --- evaluating ---------------------------------------------------------------------------


def evaluate(bid: Bid, offers: Iterable[Offer], declines: Collection[Decline] = ()) -> Evaluation:
    """Evaluate every lot of the bid. Every invited seller accepts a match unless it is in
    `declines` (a refusal, or an invitation that lapsed)."""
    offers = list(offers)
    declines = tuple(declines)
    check_bid(bid, offers, declines)
    items = {item.id: item for item in bid.items}
    if bid.method == EvaluationMethod.TOTAL_VALUE:
        lots = [(TOTAL_LOT, bid.items)]
    elif bid.method == EvaluationMethod.ITEM_WISE:
        lots = [(item.id, (item,)) for item in bid.items]
    else:
        lots = [(group.id, tuple(items[i] for i in group.items)) for group in bid.groups]
    results = tuple(_LotEvaluation(bid, lot, lot_items, offers, declines).run() for lot, lot_items in lots)
    return Evaluation(bid, results, _notices(bid))


def _notices(bid: Bid) -> tuple[Notice, ...]:
    if not bid.mii_preference.enabled:
        return ()
    threshold = MII_EXEMPT_BELOW_PAISE
    if bid.estimated_value_paise is None:
        return (Notice(NOTICE_MII_VALUE_NOT_GIVEN, {"threshold_paise": threshold, "order": MII_EXEMPTION},
                       f"The bid's estimated value was not given, so whether it is below {rupees_text(threshold)}, "
                       f"where the Make in India Order does not apply ({MII_EXEMPTION}), could not be checked: "
                       "the Make in India margin is applied."),)
    if mii_exempt(bid.estimated_value_paise):
        value = bid.estimated_value_paise
        return (Notice(NOTICE_MII_EXEMPT, {"estimated_value_paise": value, "threshold_paise": threshold,
                                           "order": MII_EXEMPTION},
                       f"The bid's estimated value, {rupees_text(value)}, is below {rupees_text(threshold)}: the "
                       f"procurement is exempt from the Make in India Order ({MII_EXEMPTION}), so its margin of "
                       "preference is not applied."),)
    return ()


def _percent(bp: int) -> str:
    whole, rest = divmod(bp, 100)
    return f"{whole}%" if not rest else f"{bp / 100:g}%"


def _tie_key(ranked: RankedOffer) -> tuple:
    return (ranked.lot_price_paise, not ranked.mse_qualifies, ranked.mii_class != MiiClass.CLASS_I,
            ranked.submitted_at, ranked.seller)


def _names(sellers: Sequence[str]) -> str:
    if len(sellers) < 2:
        return "".join(sellers)
    return f"{', '.join(sellers[:-1])} and {sellers[-1]}"


class _LotEvaluation:
    """One lot: rank the offers, apply the preferences, write the award lines."""

    def __init__(self, bid: Bid, lot: str, items: tuple[BidItem, ...], offers: list[Offer],
                 declines: tuple[Decline, ...]) -> None:
        self.bid, self.lot, self.items = bid, lot, items
        self.offers = {offer.seller: offer for offer in offers}
        self.declining = {d.seller for d in declines if d.lot is None or d.lot == lot}
        self.notes: list[str] = []
        self.base = 0  # L1's lot price as opened: the bands are measured from it

    def run(self) -> LotResult:
        ranking, not_evaluated = self._rank()
        item_ids = tuple(item.id for item in self.items)
        if not ranking:
            self.notes.append("No offer quotes every item of this lot: nothing can be awarded.")
            return LotResult(self.lot, item_ids, (), not_evaluated, None, None, None, None, None, (),
                             tuple(self.notes))
        l1 = ranking[0]
        self.base = min(r.opened_lot_price_paise for r in ranking)
        self.notes.append(f"L1 is {l1.seller} at {rupees_text(l1.lot_price_paise)} for the lot.")
        if self.base != l1.lot_price_paise:
            self.notes.append(f"As opened, the lowest price for the lot was {rupees_text(self.base)}: the preference "
                              "bands are measured from it (eligibility is fixed at the opening), and eligible "
                              f"sellers are asked to match the final L1 price, {rupees_text(l1.lot_price_paise)}.")
        tie = self._tie(ranking)
        mse_band = self._mse(ranking) if self.bid.mse_preference.enabled else None
        mse_prevails = mse_band is not None and mse_band.outcome in ("l1_eligible", "matched")
        mii_band = self._mii(ranking, mse_prevails) if self.bid.mii_preference.enabled else None
        lines = self._award(l1, mse_band, mii_band)
        return LotResult(self.lot, item_ids, tuple(ranking), not_evaluated, l1.seller, l1.lot_price_paise, tie,
                         mse_band, mii_band, lines, tuple(self.notes), self.base)

    # ranking

    def _rank(self) -> tuple[list[RankedOffer], tuple[tuple[str, str], ...]]:
        qualifying = MSE_QUALIFYING_NATURE[self.bid.kind]
        quoted, not_evaluated = [], []
        for offer in self.offers.values():
            missing = [item.id for item in self.items if item.id not in offer.unit_prices_paise]
            if len(missing) == len(self.items):
                continue  # no offer in this lot at all
            if missing:
                why = f"did not quote every item of the lot (missing {', '.join(missing)})"
                not_evaluated.append((offer.seller, why))
                continue
            price = sum(offer.unit_prices_paise[item.id] * item.quantity for item in self.items)
            opened = sum(offer.opened_prices[item.id] * item.quantity for item in self.items)
            nature = Nature(offer.nature)
            quoted.append(RankedOffer(0, offer.seller, price, opened, offer.mse, offer.mse and nature == qualifying,
                                      nature, MiiClass(offer.mii_class), as_utc(offer.submitted_at),
                                      bool(offer.keeps_mse_preference)))
        quoted.sort(key=_tie_key)
        ranking = [replace(r, rank=n) for n, r in enumerate(quoted, start=1)]
        return ranking, tuple(sorted(not_evaluated))

    def _tie(self, ranking: list[RankedOffer]) -> str | None:
        l1 = ranking[0]
        tied = [r for r in ranking if r.lot_price_paise == l1.lot_price_paise]
        if len(tied) < 2:
            return None
        runner_up = tied[1]
        if l1.mse_qualifies != runner_up.mse_qualifies:
            why = f"{l1.seller} is an MSE {_words(l1.nature)}"
        elif (l1.mii_class == MiiClass.CLASS_I) != (runner_up.mii_class == MiiClass.CLASS_I):
            why = f"{l1.seller} is a Class-I local supplier"
        elif l1.submitted_at != runner_up.submitted_at:
            why = f"{l1.seller} submitted first ({ist_text(l1.submitted_at, with_seconds=True)})"
        else:
            why = f"{l1.seller} comes first by seller id"
        sentence = (f"{', '.join(r.seller for r in tied)} quoted the same lowest price, "
                    f"{rupees_text(l1.lot_price_paise)}. A tie goes to a qualifying MSE, then a Class-I local "
                    f"supplier, then the earlier submission, then the seller id: L1 is {l1.seller}, as {why}.")
        self.notes.append(sentence)
        return sentence

    # preferences

    def _shares(self, share_bp: int) -> dict[str, int]:
        """The preference's units of each item, all of them together."""
        if not self.bid.quantity_splittable:
            return {item.id: item.quantity for item in self.items}
        return {item.id: item.quantity * share_bp // BASIS_POINTS for item in self.items}

    def _within(self, ranking: list[RankedOffer], band_bp: int) -> list[RankedOffer]:
        """The sellers after L1 whose price as opened is inside the band over L1 as opened."""
        return [r for r in ranking[1:] if in_band(r.opened_lot_price_paise, self.base, band_bp)]

    def _late_entrants(self, ranking: list[RankedOffer], within: list[RankedOffer], band_bp: int,
                       eligible: Callable[[RankedOffer], bool]) -> list[tuple[str, str]]:
        """Eligible sellers inside the band at the final prices but not as opened."""
        final_l1 = ranking[0].lot_price_paise
        return [(r.seller, "inside the band at the final prices, not as opened: eligibility is fixed at the opening")
                for r in ranking[1:] if r not in within and eligible(r) and in_band(r.lot_price_paise, final_l1, band_bp)]

    def _invite_in_turn(self, in_band: list[RankedOffer]) -> tuple[list[str], list[str], list[str]]:
        """One at a time, lowest first, until one does not decline."""
        invited, declined = [], []
        for ranked in in_band:
            invited.append(ranked.seller)
            if ranked.seller in self.declining:
                declined.append(ranked.seller)
                continue
            return invited, declined, [ranked.seller]
        return invited, declined, []

    def _invite_together(self, in_band: list[RankedOffer]) -> tuple[list[str], list[str], list[str]]:
        """Everyone at once; all who do not decline match and share."""
        invited = [r.seller for r in in_band]
        declined = [s for s in invited if s in self.declining]
        return invited, declined, [s for s in invited if s not in self.declining]

    def _mse(self, ranking: list[RankedOffer]) -> Band:
        setting = self.bid.mse_preference
        l1 = ranking[0]
        limit = band_limit_paise(self.base, setting.band_bp)
        within = self._within(ranking, setting.band_bp)
        kept = [r for r in ranking[1:] if r.keeps_mse_preference and r.mse_qualifies and r not in within]
        in_band = [r for r in within if r.mse_qualifies] + kept
        wanted = MSE_QUALIFYING_NATURE[self.bid.kind]
        not_eligible = tuple(
            (r.seller, f"an MSE {_words(r.nature)}: only {_words(wanted)}s qualify in a {self.bid.kind} bid")
            for r in within if r.mse and not r.mse_qualifies)
        not_eligible += tuple(self._late_entrants(ranking, within + kept, setting.band_bp, lambda r: r.mse_qualifies))
        band = _BandBuilder("mse", setting.band_bp, self.base, limit, in_band, not_eligible)
        share = self._share_text(setting.share_bp)
        if l1.mse_qualifies:
            return band.done("l1_eligible", f"MSE preference: L1 ({l1.seller}) is an MSE {_words(l1.nature)}; "
                                            "nothing changes.", self)
        if kept:
            when = "after the sellers in the band" if not self.bid.quantity_splittable else "with the sellers in the band"
            self.notes.append(f"MSE preference: {', '.join(r.seller for r in kept)} kept "
                              f"{'its' if len(kept) == 1 else 'their'} purchase-preference rights through the "
                              "reverse auction (an MSE H1 within the band of a non-MSE L1), so "
                              f"{'it is' if len(kept) == 1 else 'they are'} invited {when}.")
        if not in_band:
            return band.done("no_one_in_band", f"MSE preference: no eligible MSE quoted within L1 + "
                                               f"{_percent(setting.band_bp)} ({rupees_text(limit)}).", self)
        if not any(self._shares(setting.share_bp).values()):
            return band.done("nothing_to_share", f"MSE preference: {share} of the quantity is less than one "
                                                 "unit (rounded down), so no MSE is invited.", self)
        together = self.bid.quantity_splittable
        invited, declined, matched = (self._invite_together if together else self._invite_in_turn)(in_band)
        band.invited, band.declined, band.matched = invited, declined, matched
        how = "invited in turn" if not together else "invited together" if len(invited) > 1 else "invited"
        asked = self._asked_text(invited, declined, how)
        if not matched:
            return band.done("all_declined", f"MSE preference: {asked}; no MSE matched the L1 price.", self)
        if len(matched) == 1:
            return band.done("matched", f"MSE preference: {asked}; {matched[0]} matched the L1 price for "
                                        f"{self._of_quantity(setting.share_bp)} ({MSE_ORDER}).", self)
        return band.done("matched", f"MSE preference: {asked}; {_names(matched)} matched the L1 price and share "
                                    f"{share} of the quantity in proportion to the quantity each tendered "
                                    f"({MSE_ORDER}).", self)

    def _mii(self, ranking: list[RankedOffer], mse_prevails: bool) -> Band:
        setting = self.bid.mii_preference
        l1 = ranking[0]
        limit = band_limit_paise(self.base, setting.margin_bp)

        def eligible(r: RankedOffer) -> bool:
            return r.mii_class == MiiClass.CLASS_I and not r.keeps_mse_preference

        within = self._within(ranking, setting.margin_bp)
        in_band = [r for r in within if eligible(r)]
        band = _BandBuilder("mii", setting.margin_bp, self.base, limit, in_band,
                            tuple(self._late_entrants(ranking, within, setting.margin_bp, eligible)))
        share = self._share_text(BASIS_POINTS - setting.l1_share_bp)
        if mii_exempt(self.bid.estimated_value_paise):
            return band.done("exempt_small_purchase", "Make in India preference: not applied, as the bid's estimated "
                                                      f"value ({rupees_text(self.bid.estimated_value_paise)}) is below "
                                                      f"{rupees_text(MII_EXEMPT_BELOW_PAISE)} ({MII_EXEMPTION}).", self)
        if mse_prevails:
            return band.done("mse_prevails", "Make in India preference: not applied, as the MSE preference "
                                             "prevails in this lot.", self)
        if l1.mii_class == MiiClass.CLASS_I:
            return band.done("l1_eligible", f"Make in India preference: L1 ({l1.seller}) is a Class-I local "
                                            "supplier; nothing changes.", self)
        if not in_band:
            return band.done("no_one_in_band", "Make in India preference: no Class-I local supplier quoted within "
                                               f"L1 + {_percent(setting.margin_bp)} ({rupees_text(limit)}).", self)
        if not any(self._shares(BASIS_POINTS - setting.l1_share_bp).values()):
            return band.done("nothing_to_share", f"Make in India preference: {share} of the quantity is less than "
                                                 "one unit (rounded down), so no Class-I supplier is invited.", self)
        invited, declined, matched = self._invite_in_turn(in_band)
        band.invited, band.declined, band.matched = invited, declined, matched
        asked = self._asked_text(invited, declined, "invited in turn")
        if not matched:
            return band.done("all_declined", f"Make in India preference: {asked}; none matched, so L1 keeps "
                                             "the whole quantity.", self)
        return band.done("matched", f"Make in India preference: {asked}; {matched[0]} matched the L1 price for "
                                    f"{self._of_quantity(BASIS_POINTS - setting.l1_share_bp)} ({MII_ORDER}).", self)

    def _share_text(self, share_bp: int) -> str:
        return "the whole quantity (it cannot be split)" if not self.bid.quantity_splittable else _percent(share_bp)

    def _of_quantity(self, share_bp: int) -> str:
        share = self._share_text(share_bp)
        return share if not self.bid.quantity_splittable else f"{share} of the quantity"

    @staticmethod
    def _asked_text(invited: list[str], declined: list[str], how: str) -> str:
        text = f"{how}: {', '.join(invited)}"
        if declined:
            text += f" ({', '.join(declined)} declined)"
        return text

    # award

    def _allotments(self, mse_band: Band | None, mii_band: Band | None) -> tuple[str, dict[str, dict[str, int]], str]:
        """(rule, {matcher: {item: units}}, reason) of the preference that took a share, if any."""
        if mse_band is not None and mse_band.matched:
            share_bp = self.bid.mse_preference.share_bp
            matched = mse_band.matched
            shares = self._shares(share_bp)
            # In proportion to the quantity each tendered: every offer here tenders the bid's whole
            # quantity of each item it quotes (an offer carries prices, not quantities).
            split = {item.id: share_proportionately(shares[item.id], [item.quantity] * len(matched))
                     for item in self.items}
            allotted = {seller: {item_id: split[item_id][n] for item_id in split} for n, seller in enumerate(matched)}
            why = f"MSE price match ({MSE_ORDER}): {self._share_text(share_bp)} at the L1 price"
            if len(matched) > 1:
                why = (f"MSE price match ({MSE_ORDER}): its part of the {self._share_text(share_bp)} share, divided "
                       f"among {len(matched)} MSEs in proportion to the quantity each tendered, at the L1 price")
                for seller in matched:
                    if not any(allotted[seller].values()):
                        self.notes.append(f"MSE preference: divided among {len(matched)} MSEs, the share comes to "
                                          f"no whole unit for {seller}.")
            return RULE_MSE_MATCH, allotted, why
        if mii_band is not None and mii_band.matched:
            share_bp = BASIS_POINTS - self.bid.mii_preference.l1_share_bp
            why = f"Make in India Class-I match ({MII_ORDER}): {self._share_text(share_bp)} at the L1 price"
            return RULE_MII_MATCH, {mii_band.matched[0]: self._shares(share_bp)}, why
        return RULE_L1, {}, ""

    def _award(self, l1: RankedOffer, mse_band: Band | None, mii_band: Band | None) -> tuple[AwardLine, ...]:
        rule, allotted, why = self._allotments(mse_band, mii_band)
        l1_offer = self.offers[l1.seller]
        lines = []
        for item in self.items:
            l1_price = l1_offer.unit_prices_paise[item.id]
            l1_qty = item.quantity - sum(units[item.id] for units in allotted.values())
            if l1_qty:
                reason = ("L1: the lowest price for the lot" if not allotted
                          else f"L1: the lowest price for the lot; the quantity left after the {_rule_name(rule)}")
                lines.append(AwardLine(l1.seller, self.lot, item.id, l1_qty, l1_price, l1_price * l1_qty, RULE_L1,
                                       reason))
            for matcher, units in allotted.items():
                quantity = units[item.id]
                if not quantity:
                    continue
                own = self.offers[matcher].unit_prices_paise[item.id]
                price = min(own, l1_price)
                reason = why if own >= l1_price else f"{why}; its own price for this item is lower, and is kept"
                lines.append(AwardLine(matcher, self.lot, item.id, quantity, price, price * quantity, rule, reason))
        return tuple(lines)


def _words(name: str) -> str:
    return name.replace("_", " ")


def _rule_name(rule: str) -> str:
    return {RULE_MSE_MATCH: "MSE price match", RULE_MII_MATCH: "Make in India match"}.get(rule, "L1")


@dataclass
class _BandBuilder:
    preference: str
    band_bp: int
    base: int
    limit: int
    in_band: list[RankedOffer]
    not_eligible: tuple[tuple[str, str], ...]
    invited: list[str] = field(default_factory=list)
    declined: list[str] = field(default_factory=list)
    matched: list[str] = field(default_factory=list)

    def done(self, outcome: str, note: str, lot: _LotEvaluation) -> Band:
        lot.notes.append(note)
        return Band(self.preference, self.band_bp, self.base, self.limit, tuple(r.seller for r in self.in_band),
                    self.not_eligible, tuple(self.invited), tuple(self.declined), tuple(self.matched), outcome, note)

"""Financial evaluation of a bid: who is L1, who may match L1, and who supplies how much.

Owns: the bid's evaluation settings and its offers (plain data: money in integer paise,
percentages in basis points, 15% = 1500), the L1 of each lot, the two purchase preferences,
and an award that explains every line. It decides nothing about technical evaluation:
the offers given are the technically qualified ones.

The orders (shared/domain.md, section 4):
- Public Procurement Policy for MSEs Order 2012 (amended 9 Nov 2018), para 4: if L1 is not an
  MSE, MSEs quoting within L1 + 15% may supply 25% of the quantity by bringing their price
  down to L1's; where the item cannot be split, the MSE may be awarded the whole quantity.
  Only manufacturers (goods) or service providers (services) qualify; traders do not.
- Public Procurement (Preference to Make in India) Order 2017, revised 4 Jun and 16 Sep 2020,
  para 3: Class-I local supplier >= 50% local content, Class-II > 20% and < 50%. If L1 is not
  Class-I, L1 gets 50% and the lowest Class-I supplier within L1 + 20% is invited to match
  L1 for the other 50% (the next Class-I if it declines, and L1 the rest if none matches);
  where the quantity cannot be split, the whole quantity goes to the matching Class-I supplier.

Our reading where the orders leave room (each one a parameter or written down here):
- Lots. Total-value evaluation makes one lot of all items ("all"); item-wise, a lot per
  item (named by the item id); group-wise, a lot per group. An offer's lot price is the sum
  of unit price x quantity over the lot's items; an offer that does not quote every item of
  a lot is not evaluated in it.
- Ties. Equal lowest lot prices are broken, in order, in favour of an MSE that qualifies for
  the MSE preference, then a Class-I local supplier, then the earlier submission, then the
  seller id (so the result never depends on the order offers are listed in). The policies
  favour those suppliers; submission time is the only neutral fact left.
- Bands include their edge: "within L1 + 15%" means a lot price <= L1 + 15% of L1 (the 15%
  computed in paise, rounded half up), so exactly 15% above L1 is in the band and one paisa
  more is not. The same for the 20% Make in India margin.
- Invitations. Eligible sellers in a band are invited lowest first (in the ranking above);
  the first to accept gets the whole preference share; one who declines is passed over. A
  decline covers every invitation in that lot. (The Manual for Procurement says several MSEs
  that all accept share the 25% "proportionately"; GeM invites the lowest first, as we do.)
- A trader MSE is outside the MSE order altogether: it neither qualifies for a match nor,
  when it is L1, counts as an MSE L1 (qualifying MSEs in the band are then invited).
- Quantities are whole units. A preference share is rounded down, per item, and L1 keeps the
  rest, so no unit is lost or invented (25% of 3 units is 0: nobody is invited, and the note
  says so). When the bid says the quantity cannot be split, the share is the whole quantity.
- The matched price. A matcher is paid L1's unit price for each item, so the L1 price is paid
  to matchers exactly; in a lot of several items a matcher whose own unit price for an item
  is below L1's keeps its own, lower price there (a match brings a price down, never up), so
  nobody is ever paid above their own offer.
- MSE and Make in India together. Where the bid offers MSE preference and an MSE holds the
  lot's quantity through it (an MSE is L1, or an MSE in the band matched), the MSE preference
  prevails and no Make in India share is taken from that lot. Where the MSE preference comes
  to nothing (L1 is not an MSE and no eligible MSE is in the band, or all decline, or the
  share rounds to nothing), the Make in India preference applies as if it stood alone.
- After a reverse auction. An MSE eliminated from the auction as H1 within the MSE band of a
  non-MSE L1 keeps its purchase-preference rights (domain.md section 3, verified): its offer
  stays at its bid-stage price with `keeps_mse_preference`, and it is in the MSE band at
  the auction's final L1 whatever its price, since the auction moved L1 and not its right.
  It is in no other band (Make in India rights are not kept), and is invited after the
  sellers inside the band (lowest first, as ever).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from typing import Collection, Iterable, Mapping, Sequence

from domain.listing import MiiClass
from domain.money import percent_of, rupees_text
from domain.timefmt import as_utc, ist_text

BASIS_POINTS = 10_000
TOTAL_LOT = "all"  # the one lot of a total-value evaluation

RULE_L1 = "L1"
RULE_MSE_MATCH = "MSE_MATCH"
RULE_MII_MATCH = "MII_MATCH"

MSE_ORDER = "PPP-MSE Order 2012, amended 2018"
MII_ORDER = "PPP-MII Order 2017, revised 2020"


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


@dataclass(frozen=True)
class Offer:
    """A technically qualified offer: the seller (an alias), unit prices per item, attributes."""

    seller: str
    unit_prices_paise: Mapping[str, int]  # item id -> price per unit, all taxes included
    submitted_at: datetime
    mse: bool = False
    nature: Nature = Nature.MANUFACTURER
    mii_class: MiiClass = MiiClass.NON_LOCAL
    keeps_mse_preference: bool = False  # eliminated from a reverse auction with its MSE rights kept


@dataclass(frozen=True)
class Decline:
    """A seller who declined to match L1: in one lot, or (lot None) in every lot."""

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
    rank: int  # 1 is L1
    seller: str
    lot_price_paise: int
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
    limit_paise: int  # the highest lot price inside the band (L1 + band)
    in_band: tuple[str, ...]  # eligible sellers inside the band, lowest first
    not_eligible: tuple[tuple[str, str], ...]  # (seller, why) inside the band but not eligible
    invited: tuple[str, ...]
    declined: tuple[str, ...]
    matched: str | None
    outcome: str  # l1_eligible | matched | no_one_in_band | all_declined | nothing_to_share | mse_prevails
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

    @property
    def declined(self) -> tuple[str, ...]:
        seen = [s for band in (self.mse_band, self.mii_band) if band for s in band.declined]
        return tuple(dict.fromkeys(seen))


@dataclass(frozen=True)
class Evaluation:
    bid: Bid
    lots: tuple[LotResult, ...]
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
        for item_id, price in offer.unit_prices_paise.items():
            if item_id not in seen:
                raise BidError(f"{where}.unit_prices_paise.{item_id}", "is not an item of this bid")
            if not _is_int(price) or price <= 0:
                raise BidError(f"{where}.unit_prices_paise.{item_id}", "must be a whole number of paise above zero")
    lots = set(lot_ids(bid))
    for n, decline in enumerate(declines):
        if decline.seller not in sellers:
            raise BidError(f"declined[{n}].seller", f"{decline.seller!r} made no offer")
        if decline.lot is not None and decline.lot not in lots:
            known = ", ".join(sorted(lots))
            raise BidError(f"declined[{n}].lot", f"{decline.lot!r} is not a lot of this bid ({known})")


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
    """Evaluate every lot of the bid. Every seller accepts a match unless it is in `declines`."""
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
    return Evaluation(bid, results)


def _percent(bp: int) -> str:
    whole, rest = divmod(bp, 100)
    return f"{whole}%" if not rest else f"{bp / 100:g}%"


def _tie_key(ranked: RankedOffer) -> tuple:
    return (ranked.lot_price_paise, not ranked.mse_qualifies, ranked.mii_class != MiiClass.CLASS_I,
            ranked.submitted_at, ranked.seller)


class _LotEvaluation:
    """One lot: rank the offers, apply the preferences, write the award lines."""

    def __init__(self, bid: Bid, lot: str, items: tuple[BidItem, ...], offers: list[Offer],
                 declines: tuple[Decline, ...]) -> None:
        self.bid, self.lot, self.items = bid, lot, items
        self.offers = {offer.seller: offer for offer in offers}
        self.declining = {d.seller for d in declines if d.lot is None or d.lot == lot}
        self.notes: list[str] = []

    def run(self) -> LotResult:
        ranking, not_evaluated = self._rank()
        item_ids = tuple(item.id for item in self.items)
        if not ranking:
            self.notes.append("No offer quotes every item of this lot: nothing can be awarded.")
            return LotResult(self.lot, item_ids, (), not_evaluated, None, None, None, None, None, (),
                             tuple(self.notes))
        l1 = ranking[0]
        self.notes.append(f"L1 is {l1.seller} at {rupees_text(l1.lot_price_paise)} for the lot.")
        tie = self._tie(ranking)
        mse_band = self._mse(ranking) if self.bid.mse_preference.enabled else None
        mse_prevails = mse_band is not None and mse_band.outcome in ("l1_eligible", "matched")
        mii_band = self._mii(ranking, mse_prevails) if self.bid.mii_preference.enabled else None
        lines = self._award(l1, mse_band, mii_band)
        return LotResult(self.lot, item_ids, tuple(ranking), not_evaluated, l1.seller, l1.lot_price_paise, tie,
                         mse_band, mii_band, lines, tuple(self.notes))

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
            nature = Nature(offer.nature)
            quoted.append(RankedOffer(0, offer.seller, price, offer.mse, offer.mse and nature == qualifying, nature,
                                      MiiClass(offer.mii_class), as_utc(offer.submitted_at),
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
        if not self.bid.quantity_splittable:
            return {item.id: item.quantity for item in self.items}
        return {item.id: item.quantity * share_bp // BASIS_POINTS for item in self.items}

    def _invite(self, in_band: list[RankedOffer]) -> tuple[list[str], list[str], str | None]:
        invited, declined = [], []
        for ranked in in_band:
            invited.append(ranked.seller)
            if ranked.seller in self.declining:
                declined.append(ranked.seller)
                continue
            return invited, declined, ranked.seller
        return invited, declined, None

    def _mse(self, ranking: list[RankedOffer]) -> Band:
        setting = self.bid.mse_preference
        l1 = ranking[0]
        limit = l1.lot_price_paise + percent_of(l1.lot_price_paise, setting.band_bp)
        within = [r for r in ranking[1:] if r.lot_price_paise <= limit]
        kept = [r for r in ranking[1:] if r.keeps_mse_preference and r.lot_price_paise > limit and r.mse_qualifies]
        in_band = [r for r in within if r.mse_qualifies] + kept
        wanted = MSE_QUALIFYING_NATURE[self.bid.kind]
        not_eligible = tuple(
            (r.seller, f"an MSE {_words(r.nature)}: only {_words(wanted)}s qualify in a {self.bid.kind} bid")
            for r in within if r.mse and not r.mse_qualifies)
        band = _BandBuilder("mse", setting.band_bp, limit, in_band, not_eligible)
        share = self._share_text(setting.share_bp)
        if l1.mse_qualifies:
            return band.done("l1_eligible", f"MSE preference: L1 ({l1.seller}) is an MSE {_words(l1.nature)}; "
                                            "nothing changes.", self)
        if kept:
            self.notes.append(f"MSE preference: {', '.join(r.seller for r in kept)} kept "
                              f"{'its' if len(kept) == 1 else 'their'} purchase-preference rights through the "
                              "reverse auction (an MSE H1 within the band of a non-MSE L1), so "
                              f"{'it is' if len(kept) == 1 else 'they are'} invited after the sellers in the band.")
        if not in_band:
            return band.done("no_one_in_band", f"MSE preference: no eligible MSE quoted within L1 + "
                                               f"{_percent(setting.band_bp)} ({rupees_text(limit)}).", self)
        if not any(self._shares(setting.share_bp).values()):
            return band.done("nothing_to_share", f"MSE preference: {share} of the quantity is less than one "
                                                 "unit (rounded down), so no MSE is invited.", self)
        invited, declined, matched = self._invite(in_band)
        band.invited, band.declined, band.matched = invited, declined, matched
        asked = self._asked_text(invited, declined)
        if matched is None:
            return band.done("all_declined", f"MSE preference: {asked}; no MSE matched the L1 price.", self)
        return band.done("matched", f"MSE preference: {asked}; {matched} matched the L1 price for {share} of "
                                    f"the quantity ({MSE_ORDER}).", self)

    def _mii(self, ranking: list[RankedOffer], mse_prevails: bool) -> Band:
        setting = self.bid.mii_preference
        l1 = ranking[0]
        limit = l1.lot_price_paise + percent_of(l1.lot_price_paise, setting.margin_bp)
        in_band = [r for r in ranking[1:] if r.lot_price_paise <= limit and r.mii_class == MiiClass.CLASS_I
                   and not r.keeps_mse_preference]
        band = _BandBuilder("mii", setting.margin_bp, limit, in_band, ())
        share = self._share_text(BASIS_POINTS - setting.l1_share_bp)
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
        invited, declined, matched = self._invite(in_band)
        band.invited, band.declined, band.matched = invited, declined, matched
        asked = self._asked_text(invited, declined)
        if matched is None:
            return band.done("all_declined", f"Make in India preference: {asked}; none matched, so L1 keeps "
                                             "the whole quantity.", self)
        return band.done("matched", f"Make in India preference: {asked}; {matched} matched the L1 price for "
                                    f"{share} of the quantity ({MII_ORDER}).", self)

    def _share_text(self, share_bp: int) -> str:
        return "the whole quantity (it cannot be split)" if not self.bid.quantity_splittable else _percent(share_bp)

    @staticmethod
    def _asked_text(invited: list[str], declined: list[str]) -> str:
        text = f"invited in turn: {', '.join(invited)}"
        if declined:
            text += f" ({', '.join(declined)} declined)"
        return text

    # award

    def _award(self, l1: RankedOffer, mse_band: Band | None, mii_band: Band | None) -> tuple[AwardLine, ...]:
        matcher, rule, shares, why = None, RULE_L1, {}, ""
        if mse_band is not None and mse_band.matched:
            matcher, rule = mse_band.matched, RULE_MSE_MATCH
            shares = self._shares(self.bid.mse_preference.share_bp)
            why = f"MSE price match ({MSE_ORDER}): {self._share_text(self.bid.mse_preference.share_bp)} at the L1 price"
        elif mii_band is not None and mii_band.matched:
            matcher, rule = mii_band.matched, RULE_MII_MATCH
            share_bp = BASIS_POINTS - self.bid.mii_preference.l1_share_bp
            shares = self._shares(share_bp)
            why = f"Make in India Class-I match ({MII_ORDER}): {self._share_text(share_bp)} at the L1 price"
        l1_offer = self.offers[l1.seller]
        lines = []
        for item in self.items:
            l1_price = l1_offer.unit_prices_paise[item.id]
            matched_qty = shares.get(item.id, 0)
            l1_qty = item.quantity - matched_qty
            if l1_qty:
                reason = ("L1: the lowest price for the lot" if not matcher
                          else f"L1: the lowest price for the lot; the quantity left after the {_rule_name(rule)}")
                lines.append(AwardLine(l1.seller, self.lot, item.id, l1_qty, l1_price, l1_price * l1_qty, RULE_L1,
                                       reason))
            if matched_qty:
                own = self.offers[matcher].unit_prices_paise[item.id]
                price = min(own, l1_price)
                reason = why if own >= l1_price else f"{why}; its own price for this item is lower, and is kept"
                lines.append(AwardLine(matcher, self.lot, item.id, matched_qty, price, price * matched_qty, rule,
                                       reason))
        return tuple(lines)


def _words(name: str) -> str:
    return name.replace("_", " ")


def _rule_name(rule: str) -> str:
    return {RULE_MSE_MATCH: "MSE price match", RULE_MII_MATCH: "Make in India match"}.get(rule, "L1")


@dataclass
class _BandBuilder:
    preference: str
    band_bp: int
    limit: int
    in_band: list[RankedOffer]
    not_eligible: tuple[tuple[str, str], ...]
    invited: list[str] = field(default_factory=list)
    declined: list[str] = field(default_factory=list)
    matched: str | None = None

    def done(self, outcome: str, note: str, lot: _LotEvaluation) -> Band:
        lot.notes.append(note)
        return Band(self.preference, self.band_bp, self.limit, tuple(r.seller for r in self.in_band),
                    self.not_eligible, tuple(self.invited), tuple(self.declined), self.matched, outcome, note)

"""BID.json: a bid, its offers and the declines, as plain JSON, in and out.

The format an auditor re-checks a decision from (`gemdesk rules evaluate`), the app's
"export bid for audit" writes, and the server stores an evaluation in. Pure: no I/O.

BID.json (keys not listed here are refused, so a misspelt setting cannot pass unnoticed):

    {
      "bid": {
        "number": "GEM/2025/B/6240187",            text, required
        "title": "...",                            text, optional
        "buyer": {...},                            any object, optional: shown, not evaluated
        "kind": "goods" | "services",              default "goods"
        "estimated_value_paise": 106800000,        optional; below Rs 5 lakh the Make in India
                                                   margin is not applied (PPP-MII Order para 4);
                                                   left out: applied, and the evaluation says so
        "method": "total_value" | "item_wise" | "group_wise",      default "total_value"
        "quantity_splittable": true,               default true
        "items": [                                 at least one
          {"id": "BED", "name": "...", "quantity": 40}             whole units, at least 1
        ],
        "groups": [                                group-wise only; every item in one group
          {"id": "G1", "name": "...", "items": ["BED", "LOCKER"]}
        ],
        "mse_preference": {"enabled": true, "band_bp": 1500, "share_bp": 2500},
        "mii_preference": {"enabled": true, "margin_bp": 2000, "l1_share_bp": 5000}
      },                                           preferences default to off, 15%/25%, 20%/50%
      "offers": [                                  the technically qualified offers
        {
          "seller": "S1",                          an id or alias, unique
          "submitted_at": "2025-06-10T11:20:00+05:30",   ISO 8601; without an offset, UTC
          "mse": false,                            default false
          "nature": "manufacturer" | "service_provider" | "trader",   default "manufacturer"
          "mii_class": "class_i" | "class_ii" | "non_local",         default "non_local"
          "unit_prices_paise": {"BED": 2150000},   item id -> final price per unit, all taxes
                                                   included: the award is made at these
          "opened_unit_prices_paise": {"BED": 2200000},  optional: the prices as opened, where a
                                                   negotiation round or a reverse auction moved
                                                   them; the preference bands are decided on
                                                   these (left out: the same as the final ones)
          "keeps_mse_preference": false            default false; true: an MSE eliminated from the
                                                   reverse auction as H1 that kept its MSE rights
        }
      ],
      "declined": [                                optional: sellers who declined to match L1
        {"seller": "S2", "lot": "all"}             lot: "all" (total value), an item id
      ]                                            (item-wise) or a group id; omitted: every lot;
    }                                              an invitation that lapsed counts as declined

The evaluation JSON (`evaluation_json`) answers with each lot's ranking (final and opened lot
prices), its bands (`opened_l1_price`, the base the band is measured from; `limit_paise`, the
highest whole-paisa lot price inside, rounded for display only: the test is `band_test`), who
was invited, declined and matched (a list: MSEs share), every award line, and `notices`
about the whole bid: each a `code` with its parameters and a `note` in English.
"""

from __future__ import annotations

import json
from typing import Any, Callable, Iterable

from domain.evaluation import (
    Band,
    Bid,
    BidItem,
    BidKind,
    Decline,
    Evaluation,
    EvaluationMethod,
    ItemGroup,
    LotResult,
    MiiPreference,
    MsePreference,
    Nature,
    Offer,
)
from domain.listing import MiiClass
from domain.money import rupees_text
from domain.timefmt import ist_text, iso_utc, parse_iso


class InputError(ValueError):
    """Input the rules cannot take, naming the field."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")


# --- BID.json in --------------------------------------------------------------------------


class _Object:
    """One JSON object being read, knowing its path for the error messages."""

    def __init__(self, data: Any, path: str, allowed: set[str]) -> None:
        if not isinstance(data, dict):
            raise InputError(path or "the file", "must be a JSON object")
        unknown = sorted(set(data) - allowed)
        if unknown:
            where = f"{path}.{unknown[0]}" if path else unknown[0]
            raise InputError(where, f"is not a field here (expected: {', '.join(sorted(allowed))})")
        self.data, self.path = data, path

    def where(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def get(self, key: str, check: Callable[[Any], bool], wanted: str, default: Any = ...) -> Any:
        if key not in self.data or self.data[key] is None:
            if default is ...:
                raise InputError(self.where(key), f"is required ({wanted})")
            return default
        value = self.data[key]
        if not check(value):
            raise InputError(self.where(key), f"must be {wanted}, not {json.dumps(value, ensure_ascii=False)}")
        return value

    def text(self, key: str, default: Any = ...) -> str:
        return self.get(key, lambda v: isinstance(v, str) and bool(v.strip()), "text", default)

    def whole(self, key: str, default: Any = ...) -> int:
        return self.get(key, lambda v: isinstance(v, int) and not isinstance(v, bool), "a whole number", default)

    def flag(self, key: str, default: bool) -> bool:
        return self.get(key, lambda v: isinstance(v, bool), "true or false", default)

    def choice(self, key: str, kind: type, default: Any = ...) -> Any:
        names = " | ".join(member.value for member in kind)
        value = self.get(key, lambda v: isinstance(v, str) and v in {m.value for m in kind}, f"one of {names}",
                         default)
        return kind(value)

    def list(self, key: str, default: Any = ...) -> list:
        return self.get(key, lambda v: isinstance(v, list), "a list", default)


def bid_from_json(data: Any) -> tuple[Bid, list[Offer], list[Decline]]:
    """BID.json (the format in this module's docstring) to the domain's bid, offers and declines."""
    top = _Object(data, "", {"bid", "offers", "declined"})
    bid_data = _Object(top.get("bid", lambda v: isinstance(v, dict), "an object"), "bid",
                       {"number", "title", "buyer", "kind", "method", "quantity_splittable", "items", "groups",
                        "mse_preference", "mii_preference", "estimated_value_paise"})
    bid_data.get("buyer", lambda v: isinstance(v, dict), "an object", None)
    items = []
    for n, raw in enumerate(bid_data.list("items")):
        item = _Object(raw, f"bid.items[{n}]", {"id", "name", "quantity"})
        items.append(BidItem(item.text("id"), item.whole("quantity"), item.text("name", "")))
    groups = []
    for n, raw in enumerate(bid_data.list("groups", [])):
        group = _Object(raw, f"bid.groups[{n}]", {"id", "name", "items"})
        members = group.list("items")
        for m, member in enumerate(members):
            if not isinstance(member, str):
                raise InputError(f"bid.groups[{n}].items[{m}]", "must be an item id (text)")
        groups.append(ItemGroup(group.text("id"), tuple(members), group.text("name", "")))
    mse = _Object(bid_data.get("mse_preference", lambda v: isinstance(v, dict), "an object", {}),
                  "bid.mse_preference", {"enabled", "band_bp", "share_bp"})
    mii = _Object(bid_data.get("mii_preference", lambda v: isinstance(v, dict), "an object", {}),
                  "bid.mii_preference", {"enabled", "margin_bp", "l1_share_bp"})
    defaults_mse, defaults_mii = MsePreference(), MiiPreference()
    bid = Bid(
        number=bid_data.text("number"),
        title=bid_data.text("title", ""),
        items=tuple(items),
        method=bid_data.choice("method", EvaluationMethod, EvaluationMethod.TOTAL_VALUE),
        groups=tuple(groups),
        kind=bid_data.choice("kind", BidKind, BidKind.GOODS),
        quantity_splittable=bid_data.flag("quantity_splittable", True),
        estimated_value_paise=bid_data.whole("estimated_value_paise", None),
        mse_preference=MsePreference(mse.flag("enabled", False), mse.whole("band_bp", defaults_mse.band_bp),
                                     mse.whole("share_bp", defaults_mse.share_bp)),
        mii_preference=MiiPreference(mii.flag("enabled", False), mii.whole("margin_bp", defaults_mii.margin_bp),
                                     mii.whole("l1_share_bp", defaults_mii.l1_share_bp)),
    )
    offers = [_offer(raw, n) for n, raw in enumerate(top.list("offers"))]
    declines = []
    for n, raw in enumerate(top.list("declined", [])):
        decline = _Object(raw, f"declined[{n}]", {"seller", "lot"})
        declines.append(Decline(decline.text("seller"), decline.text("lot", None)))
    return bid, offers, declines


def _offer(raw: Any, n: int) -> Offer:
    offer = _Object(raw, f"offers[{n}]", {"seller", "submitted_at", "mse", "nature", "mii_class", "unit_prices_paise",
                                               "opened_unit_prices_paise", "keeps_mse_preference"})
    stamp = offer.text("submitted_at")
    try:
        submitted = parse_iso(stamp)
    except ValueError:
        raise InputError(offer.where("submitted_at"), f"{stamp!r} is not an ISO 8601 date and time "
                                                      "(e.g. 2025-06-10T11:20:00+05:30)") from None
    prices = _prices(offer, "unit_prices_paise", ...)
    opened = _prices(offer, "opened_unit_prices_paise", None)
    return Offer(
        seller=offer.text("seller"),
        unit_prices_paise=prices,
        submitted_at=submitted,
        mse=offer.flag("mse", False),
        nature=offer.choice("nature", Nature, Nature.MANUFACTURER),
        mii_class=offer.choice("mii_class", MiiClass, MiiClass.NON_LOCAL),
        keeps_mse_preference=offer.flag("keeps_mse_preference", False),
        opened_unit_prices_paise=opened,
    )


def _prices(offer: _Object, key: str, default: Any) -> dict[str, int] | None:
    prices = offer.get(key, lambda v: isinstance(v, dict), "an object of item id to paise", default)
    if prices is None:
        return None
    for item_id, price in prices.items():
        if isinstance(price, bool) or not isinstance(price, int):
            raise InputError(offer.where(f"{key}.{item_id}"),
                             f"must be a whole number of paise (Rs 1 = 100), not {json.dumps(price)}")
    return dict(prices)


def bid_to_json(bid: Bid, offers: Iterable[Offer], declines: Iterable[Decline] = (), buyer: Any = None) -> dict[str, Any]:
    """The BID.json document `bid_from_json` reads back to the same bid, offers and declines."""
    return {
        "bid": _bid_json(bid, buyer),
        "offers": [
            {"seller": offer.seller, "submitted_at": iso_utc(offer.submitted_at), "mse": offer.mse,
             "nature": offer.nature.value, "mii_class": offer.mii_class.value,
             "unit_prices_paise": dict(offer.unit_prices_paise),
             "opened_unit_prices_paise": dict(offer.opened_prices),
             **({"keeps_mse_preference": True} if offer.keeps_mse_preference else {})}
            for offer in offers
        ],
        "declined": [{"seller": d.seller, "lot": d.lot} for d in declines],
    }


# --- JSON out -----------------------------------------------------------------------------


def money_json(key: str, paise: int | None) -> dict[str, Any]:
    return {f"{key}_paise": paise, f"{key}_text": None if paise is None else rupees_text(paise)}


BAND_TEST = "opened lot price x 10000 <= opened L1 price x (10000 + band_bp)"


def _band_json(band: Band | None) -> dict[str, Any] | None:
    if band is None:
        return None
    return {
        "band_bp": band.band_bp,
        **money_json("opened_l1_price", band.base_paise),
        **money_json("limit", band.limit_paise),
        "limit_rounded_for_display": True,  # rounded down to the paisa; BAND_TEST decides
        "band_test": BAND_TEST,
        "in_band": list(band.in_band),
        "not_eligible": [{"seller": seller, "reason": why} for seller, why in band.not_eligible],
        "invited": list(band.invited),
        "declined": list(band.declined),
        "matched": list(band.matched),
        "outcome": band.outcome,
        "note": band.note,
    }


def _lot_json(lot: LotResult) -> dict[str, Any]:
    return {
        "lot": lot.lot,
        "items": list(lot.items),
        "l1": lot.l1,
        **money_json("l1_price", lot.l1_price_paise),
        **money_json("opened_l1_price", lot.opened_l1_price_paise),
        "tie": lot.tie,
        "ranking": [
            {"rank": r.rank, "seller": r.seller, **money_json("lot_price", r.lot_price_paise),
             **money_json("opened_lot_price", r.opened_lot_price_paise), "mse": r.mse,
             "mse_qualifies": r.mse_qualifies, "nature": r.nature.value, "mii_class": r.mii_class.value,
             "submitted_at": iso_utc(r.submitted_at), "submitted_at_text": ist_text(r.submitted_at, with_seconds=True),
             **({"keeps_mse_preference": True} if r.keeps_mse_preference else {})}
            for r in lot.ranking
        ],
        "not_evaluated": [{"seller": seller, "reason": why} for seller, why in lot.not_evaluated],
        "mse_band": _band_json(lot.mse_band),
        "mii_band": _band_json(lot.mii_band),
        "declined": list(lot.declined),
        "notes": list(lot.notes),
    }


def _bid_json(bid: Bid, buyer: Any = None) -> dict[str, Any]:
    return {
        "number": bid.number,
        "title": bid.title,
        "buyer": buyer,
        "kind": bid.kind.value,
        "estimated_value_paise": bid.estimated_value_paise,
        "method": bid.method.value,
        "quantity_splittable": bid.quantity_splittable,
        "items": [{"id": item.id, "name": item.name, "quantity": item.quantity} for item in bid.items],
        "groups": [{"id": g.id, "name": g.name, "items": list(g.items)} for g in bid.groups],
        "mse_preference": {"enabled": bid.mse_preference.enabled, "band_bp": bid.mse_preference.band_bp,
                           "share_bp": bid.mse_preference.share_bp},
        "mii_preference": {"enabled": bid.mii_preference.enabled, "margin_bp": bid.mii_preference.margin_bp,
                           "l1_share_bp": bid.mii_preference.l1_share_bp},
    }


def evaluation_json(result: Evaluation, buyer: Any = None) -> dict[str, Any]:
    bid = result.bid
    by_seller: dict[str, int] = {}
    for line in result.lines:
        by_seller[line.seller] = by_seller.get(line.seller, 0) + line.total_paise
    return {
        "bid": _bid_json(bid, buyer),
        "notices": [{"code": notice.code, **notice.params, "note": notice.text} for notice in result.notices],
        "lots": [_lot_json(lot) for lot in result.lots],
        "awards": [
            {"seller": line.seller, "lot": line.lot, "item": line.item, "quantity": line.quantity,
             **money_json("unit_price", line.unit_price_paise), **money_json("total", line.total_paise),
             "rule": line.rule, "reason": line.reason}
            for line in result.lines
        ],
        "by_seller": [{"seller": seller, **money_json("total", paise)} for seller, paise in sorted(by_seller.items())],
        **money_json("total", result.total_paise),
    }

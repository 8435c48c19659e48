"""A bid's fields (domain.md section 2) and their rules, shared by the app's bid form (checked
as the buyer types) and the server (checked again on every write).

Our reading where the sources leave room: offer validity 60-180 days and an automatic
extension of at least 7 days (domain.md); at most 30 days of extension and 50 as the minimum
number of offers (a guard against typing slips, not a rule); EMD, when asked as an amount,
2-5% of the estimated value; ePBG up to 10%; payment due 10 days after the CRAC unless the
bid sets longer, up to 90 days (domain.md section 6 says "bids may set longer", not how long).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Callable, Mapping

from domain.evaluation import (
    Bid,
    BidError,
    BidItem,
    BidKind,
    EvaluationMethod,
    ItemGroup,
    MiiPreference,
    MsePreference,
    check_bid,
)
from domain.free_form import TEXT_MAP, check as free_form_problems
from domain.money import MAX_PAISE
from domain.timefmt import parse_iso

INT32_MAX = 2**31 - 1
MAX_ITEMS = 100
MAX_CONSIGNEES = 100
MAX_TEXT = 300
EMD_MIN_BP, EMD_MAX_BP = 200, 500  # EMD 2-5% of the estimated value
# Who enters the bid's reverse auction; "direct": a reverse auction from the start (GEM/.../RA/),
# where every technically qualified seller bids and the award waits for the auction.
RA_RULES = ("h1_elimination", "top_half", "direct")
RA_DIRECT = "direct"
# The members each part of a bid may have: anything else is refused (it would be stored and
# served back to every reader of the bid).
ITEM_MEMBERS = frozenset({"id", "name", "category_id", "key_specs", "consignees"})
CONSIGNEE_MEMBERS = frozenset({"district", "quantity", "delivery_days"})
GROUP_MEMBERS = frozenset({"id", "name", "items"})
EMD_MEMBERS = frozenset({"mode", "amount_paise", "mse_startup_exempt"})

EDITABLE = ("title", "kind", "method", "packets", "items", "groups", "quantity_splittable", "estimated_value_paise",
            "end_at", "offer_validity_days", "min_offers", "extension_days", "emd", "epbg_bp", "mse_preference",
            "mii_preference", "ra_enabled", "ra_rule", "payment_days")
DEFAULTS: dict[str, Any] = {
    "kind": "goods", "method": "total_value", "packets": 1, "groups": [], "quantity_splittable": True,
    "offer_validity_days": 90, "min_offers": 3, "extension_days": 7,
    "emd": {"mode": "none", "amount_paise": 0, "mse_startup_exempt": True}, "epbg_bp": 0,
    "mse_preference": {"enabled": True, "band_bp": 1500, "share_bp": 2500},
    "mii_preference": {"enabled": True, "margin_bp": 2000, "l1_share_bp": 5000},
    "ra_enabled": False, "ra_rule": None, "payment_days": 10,
}

def is_whole(value: Any) -> bool:
    """An int that is not a bool (JSON true is not a number)."""
    return isinstance(value, int) and not isinstance(value, bool)


def _whole(problems: dict[str, str], data: Mapping[str, Any], name: str, low: int, high: int, what: str) -> None:
    value = data.get(name)
    if not is_whole(value) or not low <= value <= high:
        problems[name] = f"{what} must be a whole number from {low} to {high}"


def _text(value: Any, limit: int = MAX_TEXT) -> bool:
    return isinstance(value, str) and bool(value.strip()) and len(value) <= limit


def _unknown_members(value: dict[str, Any], known: frozenset[str], where: str, problems: dict[str, str]) -> None:
    for name in sorted(set(value) - known):
        problems[f"{where}.{name}"] = "is not a member of this part of a bid: " + ", ".join(sorted(known))


def _check_items(items: Any, is_leaf_category: Callable[[int], bool], problems: dict[str, str]) -> None:
    if not isinstance(items, list) or not 1 <= len(items) <= MAX_ITEMS:
        problems["items"] = f"a bid needs 1 to {MAX_ITEMS} items"
        return
    seen: set[str] = set()
    for n, item in enumerate(items):
        where = f"items[{n}]"
        if not isinstance(item, dict):
            problems[where] = "must be an object"
            continue
        _unknown_members(item, ITEM_MEMBERS, where, problems)
        if not _text(item.get("id"), 40) or item["id"] in seen:
            problems[f"{where}.id"] = "needs an id of up to 40 characters, different from the other items'"
        else:
            seen.add(item["id"])
        if not _text(item.get("name")):
            problems[f"{where}.name"] = f"needs a name of up to {MAX_TEXT} characters"
        category_id = item.get("category_id")
        if not (is_whole(category_id) and 0 < category_id <= INT32_MAX and is_leaf_category(category_id)):
            problems[f"{where}.category_id"] = "must be a catalogue category that holds products (a leaf)"
        specs = item.get("key_specs", {})
        bounded = free_form_problems(specs, f"{where}.key_specs", TEXT_MAP)
        if bounded:
            problems.update(bounded)
        elif not all(_text(v) for v in specs.values()):
            problems[f"{where}.key_specs"] = "must map each key parameter to its required value (text)"
        consignees = item.get("consignees")
        if not isinstance(consignees, list) or not 1 <= len(consignees) <= MAX_CONSIGNEES:
            problems[f"{where}.consignees"] = f"needs 1 to {MAX_CONSIGNEES} consignees"
            continue
        for m, consignee in enumerate(consignees):
            at = f"{where}.consignees[{m}]"
            if not isinstance(consignee, dict):
                problems[at] = "must be an object"
                continue
            _unknown_members(consignee, CONSIGNEE_MEMBERS, at, problems)
            if not _text(consignee.get("district"), 100):
                problems[f"{at}.district"] = "needs the consignee's district"
            for name, low, high in (("quantity", 1, 10_000_000), ("delivery_days", 1, 365)):
                if not is_whole(consignee.get(name)) or not low <= consignee[name] <= high:
                    problems[f"{at}.{name}"] = f"must be a whole number from {low} to {high}"


def _check_groups(groups: Any, problems: dict[str, str]) -> None:
    """The shape of each group; which items it holds is the evaluation's check (check_bid)."""
    if not isinstance(groups, list) or len(groups) > MAX_ITEMS:
        problems["groups"] = f"must be a list of at most {MAX_ITEMS} groups"
        return
    for n, group in enumerate(groups):
        where = f"groups[{n}]"
        if not isinstance(group, dict):
            problems[where] = "must be an object with id, name and items"
            continue
        _unknown_members(group, GROUP_MEMBERS, where, problems)
        if not _text(group.get("id"), 40):
            problems[f"{where}.id"] = "needs an id of up to 40 characters"
        name = group.get("name", "")
        if not isinstance(name, str) or len(name) > MAX_TEXT:
            problems[f"{where}.name"] = f"must be text of up to {MAX_TEXT} characters"
        members = group.get("items")
        if not isinstance(members, list) or len(members) > MAX_ITEMS or not all(_text(i, 40) for i in members):
            problems[f"{where}.items"] = "must list the ids of the items in the group"


def _check_preference(data: Mapping[str, Any], name: str, keys: tuple[str, ...], problems: dict[str, str]) -> None:
    value = data.get(name)
    if not isinstance(value, dict) or set(value) != {"enabled", *keys}:
        problems[name] = f"must be an object with enabled, {', '.join(keys)}"
    elif not isinstance(value["enabled"], bool) or not all(is_whole(value[k]) and 0 <= value[k] <= 10_000 for k in keys):
        problems[name] = "enabled is true or false; percentages are basis points from 0 to 10000 (15% = 1500)"


def check_bid_fields(data: Mapping[str, Any], now: datetime, is_leaf_category: Callable[[int], bool]) -> dict[str, str]:
    """Every problem with a bid's fields, named by field (`items[0].consignees[1].quantity`).
    `is_leaf_category(id)`: whether a category exists and holds products (the server asks
    its database, the app its cache)."""
    problems: dict[str, str] = {}
    if not _text(data.get("title")):
        problems["title"] = f"needs a title of up to {MAX_TEXT} characters"
    for name, kind in (("kind", BidKind), ("method", EvaluationMethod)):
        if not isinstance(data.get(name), str) or data[name] not in {member.value for member in kind}:
            problems[name] = "must be one of " + ", ".join(member.value for member in kind)
    if data.get("packets") not in (1, 2):
        problems["packets"] = "must be 1 (single packet) or 2 (technical, then financial)"
    _check_items(data.get("items"), is_leaf_category, problems)
    _whole(problems, data, "estimated_value_paise", 1, MAX_PAISE, "the estimated value in paise")
    end = data.get("end_at")
    try:
        end_at = parse_iso(end) if isinstance(end, str) else None
    except ValueError:
        end_at = None
    if end_at is None:
        problems["end_at"] = "must be a date and time (ISO 8601, e.g. 2026-12-10T15:00:00+05:30)"
    elif end_at <= now:
        problems["end_at"] = "must be in the future"
    _whole(problems, data, "offer_validity_days", 60, 180, "offer validity (days)")
    _whole(problems, data, "min_offers", 1, 50, "the minimum number of offers")
    _whole(problems, data, "extension_days", 7, 30, "the automatic extension (days)")
    _whole(problems, data, "epbg_bp", 0, 1000, "the ePBG in basis points")
    _whole(problems, data, "payment_days", 10, 90, "the days to pay after the CRAC (payment_days)")
    if not isinstance(data.get("quantity_splittable"), bool):
        problems["quantity_splittable"] = "must be true or false"
    if not isinstance(data.get("ra_enabled"), bool):
        problems["ra_enabled"] = "must be true or false"
    elif data["ra_enabled"] and data.get("ra_rule") not in RA_RULES:
        problems["ra_rule"] = "a bid that may go to reverse auction needs its rule: " + ", ".join(RA_RULES)
    elif data["ra_enabled"] and data.get("ra_rule") == RA_DIRECT and data.get("method") != "total_value":
        problems["ra_rule"] = "a reverse auction from the start is for the whole bid: evaluate it on total value"
    _check_preference(data, "mse_preference", ("band_bp", "share_bp"), problems)
    _check_preference(data, "mii_preference", ("margin_bp", "l1_share_bp"), problems)
    _check_emd(data, problems)
    _check_groups(data.get("groups"), problems)
    if not problems:  # the evaluation's own checks (groups) need the rest to be right
        try:
            check_bid(domain_bid(data), [])
        except BidError as error:
            problems[error.field.removeprefix("bid.")] = error.problem
    return problems


def _check_emd(data: Mapping[str, Any], problems: dict[str, str]) -> None:
    emd = data.get("emd")
    if not isinstance(emd, dict) or not isinstance(emd.get("mode"), str) or \
            emd["mode"] not in ("none", "amount", "declaration"):
        problems["emd"] = "mode must be none, amount or declaration (bid security declaration)"
        return
    _unknown_members(emd, EMD_MEMBERS, "emd", problems)
    if not isinstance(emd.get("mse_startup_exempt", True), bool):
        problems["emd.mse_startup_exempt"] = "must be true or false"
    if emd["mode"] == "amount":
        value = data.get("estimated_value_paise")
        amount = emd.get("amount_paise")
        if not is_whole(amount) or amount <= 0:
            problems["emd.amount_paise"] = "must be a whole number of paise above zero"
        elif is_whole(value) and value > 0 and not value * EMD_MIN_BP <= amount * 10_000 <= value * EMD_MAX_BP:
            problems["emd.amount_paise"] = "must be 2% to 5% of the estimated value"


def domain_bid(data: Mapping[str, Any] | Any, number: str | None = None) -> Bid:
    """The evaluation rules' view of a bid (from its fields or its row)."""
    get = data.get if isinstance(data, Mapping) else lambda name, default=None: getattr(data, name, default)
    mse, mii = get("mse_preference"), get("mii_preference")
    return Bid(
        number=number or get("number") or "draft",
        title=get("title") or "",
        items=tuple(BidItem(item["id"], sum(c["quantity"] for c in item["consignees"]), item.get("name", ""))
                    for item in get("items")),
        method=EvaluationMethod(get("method")),
        groups=tuple(ItemGroup(g.get("id"), tuple(g.get("items", [])), g.get("name", "")) if isinstance(g, dict)
                     else ItemGroup("", ()) for g in get("groups") or []),
        kind=BidKind(get("kind")),
        quantity_splittable=get("quantity_splittable"),
        mse_preference=MsePreference(mse["enabled"], mse["band_bp"], mse["share_bp"]),
        mii_preference=MiiPreference(mii["enabled"], mii["margin_bp"], mii["l1_share_bp"]),
        estimated_value_paise=get("estimated_value_paise"),
    )

# Negotiation after the financial opening: with a lot's L1 seller only, at most five rounds
# of 72 hours each (domain.md section 2). The server enforces it; the app offers only what
# the server would allow.
NEGOTIATION_ROUNDS = 5
NEGOTIATION_ROUND_HOURS = 72
# An invitation to match L1 under a purchase preference is answered within this many hours by
# the server's clock; unanswered, it lapses and counts as declined (domain/evaluation.py,
# "Invitations and answers"). Our reading: the sources give no period, so the negotiation
# round's 72 hours; each invitation records its own deadline.
MATCH_INVITATION_HOURS = 72

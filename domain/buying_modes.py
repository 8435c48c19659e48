"""Which buying routes GFR 2017 Rule 149 allows for a purchase on GeM, by value and date.

Owns: the dated, versioned rule sets that set the limits of each route, a registry of them
per jurisdiction (the central rules by default; a state may register its own dated sets),
whose rules a buyer organisation follows, the mode advisor, and the demand-splitting warning
of Rule 149(viii).

The routes (GFR 2017 Rule 149, as amended):
- direct purchase: from any seller whose product meets the requirement;
- L1 purchase: only the lowest-priced (L1) of at least 3 different OEMs' products compared
  on the category's key parameters;
- bid or reverse auction: mandatory above the L1 limit; a buyer may always choose one below it.

The limits changed twice (shared/domain.md, section 1):

    8 Mar 2017 - 1 Apr 2019   GFR 2017                        direct <= Rs 50,000   L1 <= Rs 30 lakh
    2 Apr 2019 - 9 Jul 2024   OM F.1/26/2018-PPD, 2 Apr 2019  direct <= Rs 25,000   L1 <= Rs 5 lakh
                                                              (automobiles: L1 <= Rs 30 lakh)
    from 10 Jul 2024          OM F.1/3/2024-PPD, 10 Jul 2024  direct <= Rs 50,000   L1 <= Rs 10 lakh

How we read the boundaries: the orders say "up to Rs 25,000" (direct), "above Rs 25,000 and
up to Rs 5 lakh" (L1) and "above Rs 5 lakh" (bid or auction mandatory). "Up to" includes the
amount, so an exact limit belongs to the lower route: exactly Rs 25,000 on the 2019 rules is
a direct purchase, exactly Rs 5 lakh an L1 purchase, and Rs 5,00,000.01 needs a bid. Buying
the L1 product is always allowed where a direct purchase is (the L1 seller is one of the
sellers a direct purchase may choose), and a bid or reverse auction is allowed at any value.

A rule set is chosen by the date of the purchase (the order date); each is in force from its
first day to its last day, both included. Jurisdictions are named case-blind ("Chhattisgarh"
is "chhattisgarh"). Whose rules: a buyer organisation under a state (its "Ministry/State" on GeM
names a state or union territory) follows that state's rule set where one is registered; where
none is, the central rules, and the answer says so (`jurisdiction_of`); a central ministry's
office follows the central rules wherever it is. The table in domain.md names the automobile limit
only for the 2019 rules, so the 2024 set has none: if the 2024 OM keeps the proviso, add the
same `CategoryLimit` to that set.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Iterable

from domain.money import LAKH, PAISE_PER_RUPEE, rupees_text

CENTRAL = "central"
STANDARD_BID_DAYS = 10  # the standard bid cycle (GeM notice, 2020); a setting, not a rule of GFR
SPLITTING_WINDOW_DAYS = 30


class Route(StrEnum):
    DIRECT_PURCHASE = "direct_purchase"
    L1_PURCHASE = "l1_purchase"
    BID = "bid"
    REVERSE_AUCTION = "reverse_auction"


ROUTE_NAMES = {
    Route.DIRECT_PURCHASE: "direct purchase",
    Route.L1_PURCHASE: "L1 purchase",
    Route.BID: "bid",
    Route.REVERSE_AUCTION: "reverse auction",
}


class NoRuleSet(LookupError):
    """No rule set covers this date (or this jurisdiction has none)."""


class NoJurisdiction(NoRuleSet):
    """No rule set at all is registered under this jurisdiction's name."""


class RuleSetError(ValueError):
    """A rule set that cannot be registered: bad limits or dates overlapping another set."""


class PurchaseError(ValueError):
    """A value, date or purchase the advisor cannot judge."""


@dataclass(frozen=True)
class GovernmentOrder:
    """The order that sets a rule set's limits, cited wherever a limit is shown."""

    reference: str  # "OM F.1/26/2018-PPD"
    title: str
    issued: date

    @property
    def citation(self) -> str:
        return f"{self.reference}, {self.issued.day} {self.issued:%b %Y}"


@dataclass(frozen=True)
class CategoryLimit:
    """An L1 limit of its own for some categories (the automobiles proviso of 2019)."""

    name: str
    aliases: frozenset[str]
    l1_limit_paise: int

    def covers(self, category: str | None) -> bool:
        key = _category_key(category)
        return bool(key) and (key == _category_key(self.name) or key in {_category_key(a) for a in self.aliases})


@dataclass(frozen=True)
class RuleSet:
    """One version of the Rule 149 limits, in force from one day to another (both included)."""

    jurisdiction: str
    in_force_from: date
    in_force_until: date | None  # None: still in force
    order: GovernmentOrder
    direct_limit_paise: int
    l1_limit_paise: int
    category_limits: tuple[CategoryLimit, ...] = ()
    min_bid_days: int = STANDARD_BID_DAYS

    @property
    def id(self) -> str:
        return f"{self.jurisdiction}/{self.in_force_from.isoformat()}"

    def in_force_on(self, day: date) -> bool:
        return self.in_force_from <= day and (self.in_force_until is None or day <= self.in_force_until)

    def category_limit(self, category: str | None) -> CategoryLimit | None:
        return next((limit for limit in self.category_limits if limit.covers(category)), None)

    def l1_limit_for(self, category: str | None) -> int:
        special = self.category_limit(category)
        return special.l1_limit_paise if special else self.l1_limit_paise


def _rupees(amount: int) -> int:
    return amount * PAISE_PER_RUPEE


GFR_2017 = GovernmentOrder("GFR 2017 Rule 149", "General Financial Rules 2017, Rule 149", date(2017, 3, 8))
OM_2019 = GovernmentOrder(
    "OM F.1/26/2018-PPD", "Department of Expenditure OM F.1/26/2018-PPD: amendments to GFR 2017 Rule 149",
    date(2019, 4, 2),
)
OM_2024 = GovernmentOrder(
    "OM F.1/3/2024-PPD", "Department of Expenditure OM F.1/3/2024-PPD: amendment in General Financial Rules 2017",
    date(2024, 7, 10),
)
AUTOMOBILES = CategoryLimit(
    "automobiles", frozenset({"automobile", "vehicles", "vehicle", "motor vehicles"}), _rupees(30 * LAKH)
)

CENTRAL_RULE_SETS = (
    RuleSet(CENTRAL, date(2017, 3, 8), date(2019, 4, 1), GFR_2017, _rupees(50_000), _rupees(30 * LAKH)),
    RuleSet(CENTRAL, date(2019, 4, 2), date(2024, 7, 9), OM_2019, _rupees(25_000), _rupees(5 * LAKH), (AUTOMOBILES,)),
    RuleSet(CENTRAL, date(2024, 7, 10), None, OM_2024, _rupees(50_000), _rupees(10 * LAKH)),
)


class RuleBook:
    """The registry of rule sets, by jurisdiction. Within one jurisdiction sets never overlap.

    A state that adopts its own limits registers its own dated sets under its name
    (e.g. "chhattisgarh"); asking for a jurisdiction with no sets is an error, never a
    silent fall-back to the central rules.
    """

    def __init__(self, rule_sets: Iterable[RuleSet] = ()) -> None:
        self._sets: dict[str, list[RuleSet]] = {}  # by the jurisdiction's name, case-blind
        for rule_set in rule_sets:
            self.register(rule_set)

    def register(self, rule_set: RuleSet) -> None:
        if not 0 < rule_set.direct_limit_paise < rule_set.l1_limit_paise:
            raise RuleSetError(f"{rule_set.id}: the direct limit must be above zero and below the L1 limit")
        if any(limit.l1_limit_paise <= rule_set.direct_limit_paise for limit in rule_set.category_limits):
            raise RuleSetError(f"{rule_set.id}: a category's L1 limit must be above the direct limit")
        if rule_set.in_force_until is not None and rule_set.in_force_until < rule_set.in_force_from:
            raise RuleSetError(f"{rule_set.id}: it ends before it begins")
        if rule_set.min_bid_days < 1:
            raise RuleSetError(f"{rule_set.id}: the minimum bid duration must be at least one day")
        sets = self._sets.setdefault(jurisdiction_key(rule_set.jurisdiction), [])
        for other in sets:
            if _overlap(rule_set, other):
                raise RuleSetError(f"{rule_set.id} overlaps {other.id}: end the earlier set first")
        sets.append(rule_set)
        sets.sort(key=lambda s: s.in_force_from)

    def jurisdictions(self) -> tuple[str, ...]:
        return tuple(sorted(self._sets))

    def rule_sets(self, jurisdiction: str = CENTRAL) -> tuple[RuleSet, ...]:
        return tuple(self._sets.get(jurisdiction_key(jurisdiction), ()))

    def has(self, jurisdiction: str) -> bool:
        return bool(self._sets.get(jurisdiction_key(jurisdiction)))

    def rule_set_for(self, day: date, jurisdiction: str = CENTRAL) -> RuleSet:
        sets = self._sets.get(jurisdiction_key(jurisdiction))
        if not sets:
            raise NoJurisdiction(f"No buying-mode rules are registered for {jurisdiction!r} "
                                 f"(registered: {', '.join(self.jurisdictions())}).")
        for rule_set in sets:
            if rule_set.in_force_on(day):
                return rule_set
        first = sets[0]
        if day < first.in_force_from:
            raise NoRuleSet(
                f"No buying-mode rules are known for {_day_text(day)}: the earliest ({first.order.citation}) "
                f"took effect on {_day_text(first.in_force_from)}."
            )
        raise NoRuleSet(f"No {jurisdiction} buying-mode rules were in force on {_day_text(day)}.")


def _overlap(a: RuleSet, b: RuleSet) -> bool:
    a_end = a.in_force_until or date.max
    b_end = b.in_force_until or date.max
    return a.in_force_from <= b_end and b.in_force_from <= a_end


def default_rule_book() -> RuleBook:
    """A fresh registry holding the central rule sets (register a state's own on it)."""
    return RuleBook(CENTRAL_RULE_SETS)


def _day_text(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def _category_key(category: str | None) -> str:
    return " ".join((category or "").casefold().split())


def jurisdiction_key(name: str | None) -> str:
    """A jurisdiction's name as the registry compares it: case-blind, spaces and "&" made plain."""
    return _category_key((name or "").replace("&", " and "))


# The states and union territories whose departments buy on GeM under their own government:
# a buyer organisation whose "Ministry/State" is one of these belongs to that state.
STATES_AND_UNION_TERRITORIES = frozenset(jurisdiction_key(name) for name in (
    "Andhra Pradesh", "Arunachal Pradesh", "Assam", "Bihar", "Chhattisgarh", "Goa", "Gujarat", "Haryana",
    "Himachal Pradesh", "Jharkhand", "Karnataka", "Kerala", "Madhya Pradesh", "Maharashtra", "Manipur", "Meghalaya",
    "Mizoram", "Nagaland", "Odisha", "Punjab", "Rajasthan", "Sikkim", "Tamil Nadu", "Telangana", "Tripura",
    "Uttar Pradesh", "Uttarakhand", "West Bengal", "Andaman and Nicobar Islands", "Chandigarh",
    "Dadra and Nagar Haveli and Daman and Diu", "Delhi", "Jammu and Kashmir", "Ladakh", "Lakshadweep", "Puducherry"))


@dataclass(frozen=True)
class Jurisdiction:
    """Whose rules a buyer organisation follows, and why, in a sentence to show."""

    name: str  # the registered jurisdiction used ("central" or a state's)
    buyer: str | None  # the organisation's "Ministry/State", as given
    state_without_rules: bool  # a state's department, but the state has no registered rule set
    reason: str


def jurisdiction_of(ministry_or_state: str | None, rules: RuleBook | None = None) -> Jurisdiction:
    """The rule set jurisdiction for a buyer organisation, from its "Ministry/State" on GeM:
    the state's own where one is registered (or any registered jurisdiction of that name), else
    the central rules; the reason says plainly when a state has none and the central set was used."""
    book = rules or default_rule_book()
    key = jurisdiction_key(ministry_or_state)
    if key and key != CENTRAL and book.has(key):
        return Jurisdiction(key, ministry_or_state, False,
                            f"{ministry_or_state} has its own buying-mode rules registered: they are used.")
    if key in STATES_AND_UNION_TERRITORIES:
        return Jurisdiction(CENTRAL, ministry_or_state, True,
                            f"No buying-mode rules of {ministry_or_state} are registered, so the central rules "
                            "(GFR 2017 Rule 149, as amended) were used.")
    if key:
        return Jurisdiction(CENTRAL, ministry_or_state, False,
                            f"{ministry_or_state} is not a state or union territory: the central rules apply.")
    return Jurisdiction(CENTRAL, None, False, "The central rules (GFR 2017 Rule 149, as amended).")


# --- the advisor -------------------------------------------------------------------------


@dataclass(frozen=True)
class RouteOption:
    """One route, whether it is allowed at this value, and the limit and order behind that."""

    route: Route
    allowed: bool
    limit_paise: int  # direct and L1: the most it may buy; bid and auction: mandatory above it
    order: GovernmentOrder
    reason: str


@dataclass(frozen=True)
class Advice:
    value_paise: int
    on: date
    category: str | None
    rule_set: RuleSet
    category_limit: CategoryLimit | None
    routes: tuple[RouteOption, ...]

    @property
    def allowed(self) -> tuple[Route, ...]:
        return tuple(option.route for option in self.routes if option.allowed)

    @property
    def bid_or_auction_required(self) -> bool:
        return self.value_paise > self.rule_set.l1_limit_for(self.category)


def advise(
    value_paise: int,
    on: date,
    category: str | None = None,
    *,
    jurisdiction: str = CENTRAL,
    rules: RuleBook | None = None,
) -> Advice:
    """The routes allowed for a purchase of `value_paise` (estimated) made on `on`."""
    _check_value(value_paise)
    rule_set = (rules or default_rule_book()).rule_set_for(on, jurisdiction)
    special = rule_set.category_limit(category)
    direct_limit = rule_set.direct_limit_paise
    l1_limit = rule_set.l1_limit_for(category)
    order = rule_set.order
    value = rupees_text(value_paise)
    within_direct = value_paise <= direct_limit
    within_l1 = value_paise <= l1_limit
    l1_scope = f" for {special.name}" if special else ""

    if within_direct:
        direct_reason = ("Allowed: direct purchase from any seller meeting the requirement, "
                         f"up to {rupees_text(direct_limit)}.")
    else:
        direct_reason = (f"Not allowed: direct purchase only up to {rupees_text(direct_limit)}; "
                         f"this purchase is {value}.")
    if within_direct:
        l1_reason = "Allowed: buying the lowest-priced (L1) product is also a direct purchase at this value."
    elif within_l1:
        l1_reason = (f"Allowed: the lowest-priced (L1) of at least 3 different OEMs' products, "
                     f"up to {rupees_text(l1_limit)}{l1_scope}.")
    else:
        l1_reason = (f"Not allowed: L1 purchase only up to {rupees_text(l1_limit)}{l1_scope}; "
                     "above it a bid or reverse auction is mandatory.")
    if within_l1:
        compete = "Allowed (optional at this value; mandatory above {limit}{scope})."
    else:
        compete = "Required: a bid or a reverse auction is mandatory above {limit}{scope}."
    compete = compete.format(limit=rupees_text(l1_limit), scope=l1_scope)

    routes = (
        RouteOption(Route.DIRECT_PURCHASE, within_direct, direct_limit, order, direct_reason),
        RouteOption(Route.L1_PURCHASE, within_l1, l1_limit, order, l1_reason),
        RouteOption(Route.BID, True, l1_limit, order, compete),
        RouteOption(Route.REVERSE_AUCTION, True, l1_limit, order, compete),
    )
    return Advice(value_paise, on, category, rule_set, special, routes)


def _check_value(value_paise: int) -> None:
    if isinstance(value_paise, bool) or not isinstance(value_paise, int):
        raise PurchaseError("the value must be a whole number of paise")
    if value_paise <= 0:
        raise PurchaseError("the value must be above zero")


# --- demand splitting (Rule 149(viii)) ----------------------------------------------------


@dataclass(frozen=True)
class Purchase:
    """One purchase of an office (earlier ones, or the one about to be made)."""

    on: date
    category: str
    value_paise: int
    route: Route
    reference: str = ""  # an order or bid number, to name the purchase in a warning

    @property
    def label(self) -> str:
        name = self.reference or f"{ROUTE_NAMES[self.route]} of {_day_text(self.on)}"
        return f"{name} ({rupees_text(self.value_paise)})"


@dataclass(frozen=True)
class SplittingWarning:
    """Purchases that each stayed under a limit but together exceed it."""

    limit_name: str  # "direct purchase limit" or "L1 purchase limit"
    needed: Route  # the route the combined value would have needed
    limit_paise: int
    order: GovernmentOrder
    purchases: tuple[Purchase, ...]  # oldest first; the new one last
    combined_paise: int
    window_days: int
    message: str


def splitting_warnings(
    new: Purchase,
    earlier: Iterable[Purchase],
    *,
    window_days: int = SPLITTING_WINDOW_DAYS,
    jurisdiction: str = CENTRAL,
    rules: RuleBook | None = None,
) -> list[SplittingWarning]:
    """Warn when `new` and the office's earlier purchases of the same category look split.

    Rule 149(viii) forbids splitting a demand to stay under a limit. We look at the office's
    purchases of the same category (compared without case or extra spaces) made on the day of
    the new one or up to `window_days` days before it. For each limit (direct, then L1), the
    purchases made by a route below that limit and each within it are added up with the new
    one; when the sum is above the limit, a warning names them and the sum. The limits are
    those in force on the new purchase's date. A bid or auction never splits a demand, so a
    new purchase by bid or auction gets no warning.
    """
    _check_value(new.value_paise)
    if isinstance(window_days, bool) or not isinstance(window_days, int) or window_days < 0:
        raise PurchaseError("the window must be a whole number of days, not negative")
    rule_set = (rules or default_rule_book()).rule_set_for(new.on, jurisdiction)
    earliest = new.on - timedelta(days=window_days)
    key = _category_key(new.category)
    same = [p for p in earlier if _category_key(p.category) == key and earliest <= p.on <= new.on]

    below_l1 = {Route.DIRECT_PURCHASE, Route.L1_PURCHASE}
    checks = (
        ("direct purchase limit", rule_set.direct_limit_paise, {Route.DIRECT_PURCHASE}, Route.L1_PURCHASE),
        ("L1 purchase limit", rule_set.l1_limit_for(new.category), below_l1, Route.BID),
    )
    warnings = []
    for limit_name, limit, routes_below, needed in checks:
        if new.route not in routes_below or new.value_paise > limit:
            continue
        under = sorted((p for p in same if p.route in routes_below and p.value_paise <= limit), key=lambda p: p.on)
        if not under:
            continue
        group = (*under, new)
        combined = sum(p.value_paise for p in group)
        if combined <= limit:
            continue
        names = "; ".join(p.label for p in group)
        message = (
            f"Possible splitting of a demand (GFR 2017 Rule 149(viii)): {len(group)} purchases of "
            f"{new.category} within {window_days} days each stay within the {limit_name} of "
            f"{rupees_text(limit)} ({rule_set.order.citation}) but together come to {rupees_text(combined)}, "
            f"which needs {'an' if needed is Route.L1_PURCHASE else 'a'} {ROUTE_NAMES[needed]}"
            f"{' or reverse auction' if needed is Route.BID else ''}: {names}."
        )
        warnings.append(
            SplittingWarning(limit_name, needed, limit, rule_set.order, group, combined, window_days, message))
    return warnings

"""The mode advisor and the demand-splitting warning, worked by hand from GFR 2017 Rule 149 as
amended by OM F.1/26/2018-PPD (2 Apr 2019) and OM F.1/3/2024-PPD (10 Jul 2024)."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.buying_modes import (
    CENTRAL_RULE_SETS,
    GovernmentOrder,
    NoJurisdiction,
    NoRuleSet,
    Purchase,
    PurchaseError,
    Route,
    RuleBook,
    RuleSet,
    RuleSetError,
    advise,
    default_rule_book,
    jurisdiction_of,
    splitting_warnings,
)
from domain.money import paise_from_rupees

DIRECT, L1, BID, RA = Route.DIRECT_PURCHASE, Route.L1_PURCHASE, Route.BID, Route.REVERSE_AUCTION


def rs(text: str) -> int:
    return paise_from_rupees(text)


def allowed(value: str, on: date, category: str | None = None) -> tuple[Route, ...]:
    return advise(rs(value), on, category).allowed


# --- the limits, on the days the orders took effect and the day before -------------------


def test_first_day_of_gfr_2017_and_the_day_before():
    assert allowed("50,000", date(2017, 3, 8)) == (DIRECT, L1, BID, RA)
    with pytest.raises(NoRuleSet, match="earliest .*GFR 2017.* took effect on 8 Mar 2017"):
        advise(rs("50,000"), date(2017, 3, 7))


def test_gfr_2017_limits_direct_50000_and_l1_30_lakh():
    on = date(2018, 6, 1)
    assert allowed("50,000.01", on) == (L1, BID, RA)
    assert allowed("30,00,000", on) == (L1, BID, RA)  # exactly the limit: the lower route
    assert allowed("30,00,000.01", on) == (BID, RA)


def test_the_day_before_and_the_day_the_2019_order_took_effect():
    # Rs 40,000 was a direct purchase under GFR 2017 (up to Rs 50,000) until 1 Apr 2019 ...
    assert allowed("40,000", date(2019, 4, 1)) == (DIRECT, L1, BID, RA)
    # ... and from 2 Apr 2019 only up to Rs 25,000.
    assert allowed("40,000", date(2019, 4, 2)) == (L1, BID, RA)
    # Rs 20 lakh: an L1 purchase on 1 Apr 2019 (up to Rs 30 lakh), a bid the next day (> Rs 5 lakh).
    assert allowed("20,00,000", date(2019, 4, 1)) == (L1, BID, RA)
    assert allowed("20,00,000", date(2019, 4, 2)) == (BID, RA)


def test_2019_boundaries_belong_to_the_lower_route():
    on = date(2021, 9, 15)
    assert allowed("25,000", on) == (DIRECT, L1, BID, RA)  # "up to Rs 25,000"
    assert allowed("25,000.01", on) == (L1, BID, RA)
    assert allowed("5,00,000", on) == (L1, BID, RA)  # "up to Rs 5 lakh"
    assert allowed("5,00,000.01", on) == (BID, RA)  # "above Rs 5 lakh": bid or RA mandatory
    assert advise(rs("5,00,000.01"), on).bid_or_auction_required
    assert not advise(rs("5,00,000"), on).bid_or_auction_required


def test_the_day_before_and_the_day_the_2024_order_took_effect():
    assert allowed("40,000", date(2024, 7, 9)) == (L1, BID, RA)
    assert allowed("40,000", date(2024, 7, 10)) == (DIRECT, L1, BID, RA)
    assert allowed("8,00,000", date(2024, 7, 9)) == (BID, RA)
    assert allowed("8,00,000", date(2024, 7, 10)) == (L1, BID, RA)
    assert allowed("10,00,000", date(2024, 7, 10)) == (L1, BID, RA)
    assert allowed("10,00,000.01", date(2024, 7, 10)) == (BID, RA)


def test_automobiles_have_an_l1_limit_of_30_lakh_on_the_2019_rules():
    on = date(2022, 1, 10)
    assert allowed("25,00,000", on) == (BID, RA)
    assert allowed("25,00,000", on, "Automobiles") == (L1, BID, RA)
    assert allowed("25,00,000", on, " vehicles ") == (L1, BID, RA)  # an alias, any case and spacing
    assert allowed("30,00,000", on, "automobiles") == (L1, BID, RA)
    assert allowed("30,00,000.01", on, "automobiles") == (BID, RA)
    advice = advise(rs("25,00,000"), on, "Vehicles")
    assert advice.category_limit.name == "automobiles"
    assert "for automobiles" in advice.routes[1].reason
    # The direct limit is the same for every category.
    assert allowed("30,000", on, "automobiles") == (L1, BID, RA)
    # Other categories keep the general limit.
    assert allowed("25,00,000", on, "Office chairs") == (BID, RA)


def test_the_2024_rules_name_no_automobile_limit():
    assert allowed("25,00,000", date(2024, 8, 1), "automobiles") == (BID, RA)


def test_bid_and_reverse_auction_are_always_allowed():
    for on in (date(2017, 3, 8), date(2019, 4, 2), date(2025, 1, 1)):
        advice = advise(1, on)
        assert advice.allowed == (DIRECT, L1, BID, RA)
        assert "optional" in advice.routes[2].reason


def test_each_route_names_the_order_behind_its_limit():
    advice = advise(rs("3,00,000"), date(2020, 5, 5))
    for option in advice.routes:
        assert option.order.reference == "OM F.1/26/2018-PPD"
        assert option.order.issued == date(2019, 4, 2)
        assert option.order.citation == "OM F.1/26/2018-PPD, 2 Apr 2019"
    direct, l1, bid, auction = advice.routes
    assert (direct.allowed, direct.limit_paise) == (False, rs("25,000"))
    assert "only up to Rs 25,000.00; this purchase is Rs 3,00,000.00" in direct.reason
    assert (l1.allowed, l1.limit_paise) == (True, rs("5,00,000"))
    assert "at least 3 different OEMs" in l1.reason
    assert advise(rs("60,000"), date(2024, 7, 10)).routes[0].order.citation == "OM F.1/3/2024-PPD, 10 Jul 2024"
    assert advise(rs("60,000"), date(2018, 1, 1)).routes[0].order.reference == "GFR 2017 Rule 149"


def test_every_rule_set_carries_the_standard_bid_cycle():
    assert [rule_set.min_bid_days for rule_set in CENTRAL_RULE_SETS] == [10, 10, 10]


def test_the_central_rule_sets_cover_every_day_from_8_march_2017_without_gaps():
    book = default_rule_book()
    sets = book.rule_sets()
    for earlier, later in zip(sets, sets[1:]):
        assert earlier.in_force_until + timedelta(days=1) == later.in_force_from
    assert sets[-1].in_force_until is None
    assert book.rule_set_for(date(2099, 1, 1)).order.reference == "OM F.1/3/2024-PPD"


@pytest.mark.parametrize("value", [0, -100, 1.5, True, "5000"])
def test_a_value_must_be_whole_paise_above_zero(value):
    with pytest.raises(PurchaseError):
        advise(value, date(2025, 1, 1))


# --- a state's own rule set ---------------------------------------------------------------


STATE_ORDER = GovernmentOrder("Finance Dept. notification 123/2023", "A state's store purchase rules", date(2023, 4, 1))


def state_set(start=date(2023, 4, 1), end=None, direct="1,00,000", l1="15,00,000") -> RuleSet:
    return RuleSet("chhattisgarh", start, end, STATE_ORDER, rs(direct), rs(l1), min_bid_days=14)


def test_a_state_registers_its_own_dated_rule_set():
    book = default_rule_book()
    book.register(state_set())
    advice = advise(rs("90,000"), date(2025, 2, 1), jurisdiction="chhattisgarh", rules=book)
    assert advice.allowed == (DIRECT, L1, BID, RA)
    assert advice.routes[0].order is STATE_ORDER
    assert advice.rule_set.min_bid_days == 14
    # The central rules are untouched, and a new book does not see the state's set.
    assert advise(rs("90,000"), date(2025, 2, 1), rules=book).allowed == (L1, BID, RA)
    assert default_rule_book().jurisdictions() == ("central",)
    with pytest.raises(NoRuleSet, match="took effect on 1 Apr 2023"):
        advise(rs("90,000"), date(2023, 3, 31), jurisdiction="chhattisgarh", rules=book)


def test_an_unknown_jurisdiction_is_an_error_not_the_central_rules():
    with pytest.raises(NoRuleSet, match="registered for 'odisha'"):
        advise(rs("90,000"), date(2025, 2, 1), jurisdiction="odisha")


def test_a_state_department_follows_its_states_rules_where_registered():
    book = default_rule_book()
    book.register(state_set())
    whose = jurisdiction_of("Chhattisgarh", book)
    assert whose.name == "chhattisgarh" and not whose.state_without_rules
    assert advise(rs("90,000"), date(2025, 2, 1), jurisdiction=whose.name, rules=book).routes[0].order is STATE_ORDER
    # Where the state has none registered, the central rules, and the answer says so.
    other = jurisdiction_of("Odisha", book)
    assert other.name == "central" and other.state_without_rules
    assert other.reason == ("No buying-mode rules of Odisha are registered, so the central rules (GFR 2017 Rule 149, "
                            "as amended) were used.")
    # A central ministry's office is under the central rules wherever it is; no organisation: central.
    assert jurisdiction_of("Ministry of Health and Family Welfare", book).name == "central"
    assert not jurisdiction_of("Ministry of Health and Family Welfare", book).state_without_rules
    assert jurisdiction_of(None, book).name == "central"


def test_jurisdiction_names_compare_case_blind():
    book = RuleBook([state_set()])
    assert jurisdiction_of("CHHATTISGARH ", book).name == "chhattisgarh"
    assert book.rule_set_for(date(2024, 1, 1), "Chhattisgarh") is book.rule_set_for(date(2024, 1, 1), "chhattisgarh")
    assert advise(rs("90,000"), date(2025, 2, 1), jurisdiction="Central").rule_set.jurisdiction == "central"
    assert jurisdiction_of("Jammu & Kashmir").state_without_rules  # "&" is "and"
    with pytest.raises(NoJurisdiction, match="registered: central"):
        advise(rs("90,000"), date(2025, 2, 1), jurisdiction="Odisha")


def test_rule_sets_of_one_jurisdiction_may_not_overlap():
    book = RuleBook([state_set(end=date(2024, 3, 31))])
    with pytest.raises(RuleSetError, match="overlaps"):
        book.register(state_set(start=date(2024, 3, 31)))
    book.register(state_set(start=date(2024, 4, 1), direct="2,00,000"))
    assert book.rule_set_for(date(2024, 4, 1), "chhattisgarh").direct_limit_paise == rs("2,00,000")
    with pytest.raises(RuleSetError, match="below the L1 limit"):
        RuleBook([state_set(direct="20,00,000")])


# --- splitting a demand (Rule 149(viii)) --------------------------------------------------


def buy(on: date, value: str, route=DIRECT, category="Office furniture", reference="") -> Purchase:
    return Purchase(on, category, rs(value), route, reference)


def test_three_direct_purchases_within_30_days_that_together_exceed_the_direct_limit():
    earlier = [
        buy(date(2025, 3, 1), "20,000", reference="GEMC-1"),
        buy(date(2025, 3, 12), "20,000", reference="GEMC-2"),
        buy(date(2025, 1, 20), "45,000", reference="too old"),  # 40 days before
        buy(date(2025, 3, 15), "45,000", category="Printer paper"),  # another category
    ]
    new = buy(date(2025, 3, 30), "20,000", reference="new order")
    [warning] = splitting_warnings(new, earlier)
    assert warning.limit_name == "direct purchase limit"
    assert warning.needed is L1
    assert warning.limit_paise == rs("50,000")
    assert [p.reference for p in warning.purchases] == ["GEMC-1", "GEMC-2", "new order"]
    assert warning.combined_paise == rs("60,000")
    assert "Rule 149(viii)" in warning.message
    assert "together come to Rs 60,000.00" in warning.message
    assert "GEMC-1 (Rs 20,000.00); GEMC-2 (Rs 20,000.00); new order (Rs 20,000.00)" in warning.message
    assert "OM F.1/3/2024-PPD, 10 Jul 2024" in warning.message


def test_the_window_is_a_parameter_and_includes_its_last_day():
    earlier = [buy(date(2025, 3, 1), "30,000")]
    assert splitting_warnings(buy(date(2025, 3, 31), "30,000"), earlier)  # 30 days before: inside
    assert not splitting_warnings(buy(date(2025, 4, 1), "30,000"), earlier)  # 31 days: outside
    assert not splitting_warnings(buy(date(2025, 3, 31), "30,000"), earlier, window_days=10)


def test_no_warning_when_together_they_stay_within_the_limit():
    earlier = [buy(date(2025, 3, 1), "20,000")]
    assert not splitting_warnings(buy(date(2025, 3, 5), "30,000"), earlier)  # exactly Rs 50,000


def test_l1_purchases_that_together_needed_a_bid():
    earlier = [buy(date(2025, 5, 2), "6,00,000", route=L1, reference="L1-A")]
    new = buy(date(2025, 5, 20), "6,00,000", route=L1, reference="L1-B")
    [warning] = splitting_warnings(new, earlier)
    assert warning.limit_name == "L1 purchase limit"
    assert warning.needed is BID
    assert warning.combined_paise == rs("12,00,000")
    assert "needs a bid or reverse auction" in warning.message


def test_purchases_by_bid_never_split_a_demand():
    earlier = [buy(date(2025, 5, 2), "9,00,000", route=BID)]
    assert not splitting_warnings(buy(date(2025, 5, 20), "6,00,000", route=L1), earlier)
    assert not splitting_warnings(buy(date(2025, 5, 20), "9,00,000", route=BID), [buy(date(2025, 5, 2), "9,00,000", route=L1)])


def test_the_limits_of_the_new_purchases_date_apply():
    # Two Rs 20,000 purchases: within Rs 50,000 under the 2024 rules, above Rs 25,000 under 2019's.
    earlier = [buy(date(2024, 7, 1), "20,000")]
    [warning] = splitting_warnings(buy(date(2024, 7, 9), "20,000"), earlier)
    assert warning.limit_paise == rs("25,000")
    assert not splitting_warnings(buy(date(2024, 7, 10), "20,000"), earlier)


@given(st.lists(st.integers(min_value=1, max_value=rs("50,000")), min_size=1, max_size=6),
       st.integers(min_value=0, max_value=30))
def test_a_warning_exactly_when_purchases_under_the_direct_limit_add_up_above_it(values, gap):
    new = buy(date(2025, 6, 30), "1")
    earlier = [Purchase(date(2025, 6, 30) - timedelta(days=gap), "Office furniture", v, DIRECT) for v in values]
    warnings = splitting_warnings(new, earlier)
    combined = sum(values) + new.value_paise
    assert bool(warnings) == (combined > rs("50,000"))
    for warning in warnings:
        assert warning.combined_paise == sum(p.value_paise for p in warning.purchases)

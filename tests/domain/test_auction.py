"""Reverse auction rules, worked by hand (shared/domain.md section 3): every refusal, the
decrement and its rounding, auto-extension at its edges, ties with L1, ranks, who enters
(H1 elimination, the lowest half), the start price, savings and aliases."""

from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from domain.auction import (
    QUALIFICATION_OF_RA_RULE,
    AuctionRules,
    AuctionState,
    BidRefused,
    Decrement,
    Entrant,
    Qualification,
    QualificationRules,
    Visibility,
    accept,
    aliases,
    bidder_view,
    check_bid,
    qualify,
    savings,
    start_price,
    unit_prices_at,
)
from domain.bid_fields import RA_RULES

START = datetime(2026, 12, 10, 9, 30, tzinfo=timezone.utc)  # 15:00 IST
END = START + timedelta(hours=1)  # 16:00 IST
RS = 100  # paise per rupee
START_PRICE = 1_00_000 * RS
STEP = 500 * RS
WINDOW = timedelta(minutes=2)
LENGTH = timedelta(minutes=5)
US = timedelta(microseconds=1)
DURING = START + timedelta(minutes=10)


def rules(**changes) -> AuctionRules:
    base = AuctionRules(start_at=START, end_at=END, start_price_paise=START_PRICE, decrement=Decrement("amount", STEP),
                        visibility=Visibility.RANK, extension_window=WINDOW, extension_length=LENGTH,
                        max_extensions=3)
    return replace(base, **changes)


def auction(*bids, bidders=("A", "B", "C"), **changes) -> AuctionState:
    """An auction with the given (bidder, price) bids accepted, a minute apart, from DURING."""
    state = AuctionState(rules(**changes), frozenset(bidders))
    for n, (bidder, price) in enumerate(bids, start=1):
        state, _ = accept(state, bidder, price, DURING + timedelta(minutes=n), seq=n)
    return state


def code(state, bidder, price, at=DURING + timedelta(minutes=30)):
    refusal = check_bid(state, bidder, price, at)
    return refusal.code if refusal else None


# --- the parameters -------------------------------------------------------------------------


def test_sound_rules_have_no_problems():
    assert rules().problems() == {}
    assert rules(decrement=Decrement("percent", 50), visibility=Visibility.RANK_AND_L1,
                 extension_window=timedelta(0), max_extensions=0).problems() == {}


@pytest.mark.parametrize("changes, field", [
    ({"end_at": START}, "end_at"),
    ({"end_at": START - timedelta(minutes=1)}, "end_at"),
    ({"start_at": datetime(2026, 12, 10, 9, 30)}, "start_at"),
    ({"start_price_paise": 0}, "start_price_paise"),
    ({"start_price_paise": 100.0}, "start_price_paise"),
    ({"decrement": Decrement("rupees", 5)}, "decrement.kind"),
    ({"decrement": Decrement("amount", 0)}, "decrement.value"),
    ({"decrement": Decrement("amount", START_PRICE)}, "decrement.value"),
    ({"decrement": Decrement("percent", 10_000)}, "decrement.value"),
    ({"visibility": "everything"}, "visibility"),
    ({"extension_window": timedelta(seconds=-1)}, "extension_window"),
    ({"extension_length": timedelta(seconds=-1)}, "extension_length"),
    ({"max_extensions": -1}, "max_extensions"),
])
def test_each_bad_parameter_is_named(changes, field):
    assert list(rules(**changes).problems()) == [field]


def test_a_step_as_large_as_the_start_price_is_explained_in_rupees():
    message = rules(decrement=Decrement("amount", START_PRICE)).problems()["decrement.value"]
    assert message == "the step (Rs 1,00,000.00) must be less than the start price (Rs 1,00,000.00)"


def test_percent_decrement_is_basis_points_of_the_start_price_rounded_down():
    # 0.5% of Rs 12,345.67 is Rs 61.72835: the step is Rs 61.72.
    assert Decrement("percent", 50).paise(12_345_67) == 61_72
    assert Decrement("percent", 50).text(12_345_67) == "0.5% of the start price (Rs 61.72)"
    # 0.1% of Rs 1.50 is 0.15 paise: never less than one paisa.
    assert Decrement("percent", 10).paise(150) == 1
    assert Decrement("amount", 500_00).paise(12_345_67) == 500_00


def test_a_percent_step_applies_to_every_bid():
    state = auction(decrement=Decrement("percent", 50), start_price_paise=12_345_67)
    assert code(state, "A", 12_345_67 - 61_72) is None
    assert code(state, "A", 12_345_67 - 61_71) == "decrement"
    state, _ = accept(state, "A", 12_000_00, DURING, seq=1)
    assert code(state, "A", 12_000_00 - 61_72) is None
    assert code(state, "A", 12_000_00 - 61_71) == "decrement"


# --- each refusal ---------------------------------------------------------------------------


@pytest.mark.parametrize("price", [0, -100, 99_000.0, True, "99000", None])
def test_a_price_that_is_not_a_positive_whole_number_of_paise_is_refused_first(price):
    # bad_price comes before everything, even before the auction has started.
    assert code(auction(), "A", price, at=START - timedelta(days=1)) == "bad_price"


def test_before_the_start_is_refused_and_the_start_itself_is_open():
    state = auction()
    refusal = check_bid(state, "A", 99_000 * RS, START - US)
    assert refusal.code == "not_started"
    assert refusal.message == "The auction has not started yet: it opens at 10 Dec 2026, 15:00 IST."
    assert check_bid(state, "A", 99_000 * RS, START) is None
    assert not state.is_running(START - US) and state.is_running(START)


def test_a_bid_at_exactly_the_end_is_refused_and_one_microsecond_before_is_accepted():
    state = auction()
    refusal = check_bid(state, "A", 99_000 * RS, END)
    assert refusal.code == "ended"
    assert refusal.message == "The auction ended at 10 Dec 2026, 16:00 IST; bids are no longer accepted."
    assert check_bid(state, "A", 99_000 * RS, END - US) is None
    assert state.is_running(END - US) and not state.is_running(END)


def test_a_seller_who_did_not_qualify_cannot_bid():
    refusal = check_bid(auction(), "H1-SELLER", 99_000 * RS, DURING)
    assert refusal.code == "not_qualified"
    assert refusal.message == "You did not qualify for this auction, so you cannot bid in it."


def test_the_first_bid_must_be_below_the_start_price():
    refusal = check_bid(auction(), "A", START_PRICE, DURING)
    assert refusal.code == "not_below_start"
    assert refusal.message == ("Your bid of Rs 1,00,000.00 must be below the auction's start price of "
                               "Rs 1,00,000.00.")
    assert code(auction(), "A", START_PRICE + 1) == "not_below_start"


def test_the_first_bid_exactly_one_decrement_below_start_is_accepted_one_paisa_less_of_a_step_is_not():
    state = auction()
    assert check_bid(state, "A", START_PRICE - STEP, DURING) is None  # Rs 99,500.00
    refusal = check_bid(state, "A", START_PRICE - STEP + 1, DURING)  # a step of Rs 499.99
    assert refusal.code == "decrement"
    assert refusal.message == ("Your bid must be at least Rs 500.00 below the start price of Rs 1,00,000.00: "
                               "Rs 99,500.00 or less.")


def test_a_later_bid_must_be_a_step_below_the_bidders_own_last_bid():
    state = auction(("A", 98_000 * RS), ("B", 97_000 * RS))
    refusal = check_bid(state, "A", 97_500 * RS + 1, DURING)
    assert refusal.code == "decrement"
    assert refusal.message == ("Your bid must be at least Rs 500.00 below your last bid of Rs 98,000.00: "
                               "Rs 97,500.00 or less.")
    assert check_bid(state, "A", 97_500 * RS, DURING) is None  # above B's L1: allowed
    assert code(state, "A", 98_000 * RS) == "decrement"  # repeating one's own price


def test_a_tie_with_l1_is_refused_whoever_holds_it():
    state = auction(("A", 98_000 * RS), ("B", 97_000 * RS))
    refusal = check_bid(state, "A", 97_000 * RS, DURING)
    assert refusal.code == "tie_with_l1"
    assert refusal.message == ("Another bidder already holds the lowest price, Rs 97,000.00, and ties are not "
                               "allowed: bid lower to become L1, or higher to improve your rank.")
    assert code(state, "C", 97_000 * RS) == "tie_with_l1"  # a first bid too
    assert state.l1().bidder == "B"  # the earlier bid holds


def test_equal_to_a_price_that_is_not_l1_is_fine_and_the_earlier_bid_ranks_higher():
    state = auction(("A", 98_000 * RS), ("B", 97_000 * RS))
    assert check_bid(state, "C", 98_000 * RS, DURING) is None
    state, _ = accept(state, "C", 98_000 * RS, DURING + timedelta(minutes=5), seq=3)
    assert state.ranking() == [(1, "B", 97_000 * RS), (2, "A", 98_000 * RS), (3, "C", 98_000 * RS)]


def test_refusals_come_in_their_documented_order():
    state = auction(("A", 98_000 * RS))
    late = END + timedelta(hours=1)
    assert code(state, "nobody", START_PRICE, at=START - US) == "not_started"
    assert code(state, "nobody", START_PRICE, at=late) == "ended"
    assert code(state, "nobody", START_PRICE) == "not_qualified"
    assert code(state, "B", START_PRICE) == "not_below_start"
    assert code(state, "A", 98_000 * RS) == "decrement"
    assert code(state, "B", 98_000 * RS) == "tie_with_l1"


def test_accept_refuses_what_check_bid_refuses():
    state = auction(("A", 98_000 * RS))
    with pytest.raises(ValueError) as raised:
        accept(state, "B", 98_000 * RS, DURING, seq=2)
    assert isinstance(raised.value, BidRefused) and raised.value.refusal.code == "tie_with_l1"
    assert state.bids == auction(("A", 98_000 * RS)).bids  # unchanged: states are values


# --- ranks ----------------------------------------------------------------------------------


def test_a_bid_above_l1_is_accepted_and_improves_the_bidders_rank():
    state = auction(("A", 95_000 * RS), ("B", 97_000 * RS), ("C", 96_000 * RS))
    assert [state.rank_of(b) for b in "ABC"] == [1, 3, 2]
    state, _ = accept(state, "B", 95_500 * RS, DURING + timedelta(minutes=10), seq=4)
    assert state.l1().bidder == "A"
    assert state.ranking() == [(1, "A", 95_000 * RS), (2, "B", 95_500 * RS), (3, "C", 96_000 * RS)]


def test_bidders_without_a_bid_have_no_rank():
    state = auction(("B", 99_000 * RS))
    assert state.ranking() == [(1, "B", 99_000 * RS)]
    assert state.rank_of("A") is None and state.rank_of("stranger") is None
    assert auction().l1() is None and auction().ranking() == []


def test_the_bidders_view_shows_the_l1_price_only_when_the_auction_says_so():
    bids = (("A", 95_000 * RS), ("B", 97_000 * RS))
    ranks_only = bidder_view(auction(*bids), "B")
    assert (ranks_only.rank, ranks_only.bidders, ranks_only.own_last_paise, ranks_only.l1_paise) == \
        (2, 3, 97_000 * RS, None)
    assert ranks_only.highest_allowed_paise == 96_500 * RS
    with_l1 = bidder_view(auction(*bids, visibility=Visibility.RANK_AND_L1), "C")
    assert (with_l1.rank, with_l1.own_last_paise, with_l1.l1_paise) == (None, None, 95_000 * RS)
    assert with_l1.highest_allowed_paise == START_PRICE - STEP


# --- auto-extension -------------------------------------------------------------------------


def test_a_bid_at_the_start_of_the_window_extends_and_a_microsecond_earlier_does_not():
    state = auction()
    extended, did = accept(state, "A", 99_000 * RS, END - WINDOW, seq=1)
    assert did and extended.ends_at == END + LENGTH and extended.extensions == 1
    early, did = accept(state, "A", 99_000 * RS, END - WINDOW - US, seq=1)
    assert not did and early.ends_at == END and early.extensions == 0


def test_extensions_run_from_the_current_end_and_stop_at_the_cap():
    state = auction()
    ends = []
    for n, price in enumerate((99_000, 98_000, 97_000, 96_000, 95_000), start=1):
        state, did = accept(state, "A", price * RS, state.ends_at - timedelta(seconds=1), seq=n)
        ends.append((did, state.ends_at, state.extensions))
    assert ends == [(True, END + LENGTH, 1), (True, END + 2 * LENGTH, 2), (True, END + 3 * LENGTH, 3),
                    (False, END + 3 * LENGTH, 3), (False, END + 3 * LENGTH, 3)]
    assert state.rules.end_at == END  # the scheduled end is kept as it was
    assert check_bid(state, "B", 99_000 * RS, END + 3 * LENGTH).code == "ended"


def test_after_an_extension_the_old_end_is_open():
    state, _ = accept(auction(), "A", 99_000 * RS, END - US, seq=1)
    assert state.is_running(END) and check_bid(state, "B", 98_000 * RS, END) is None
    state, _ = accept(auction(extension_length=timedelta(seconds=90)), "A", 99_000 * RS, END - US, seq=1)
    assert check_bid(state, "B", 98_000 * RS, END + timedelta(seconds=90)).message == \
        "The auction ended at 10 Dec 2026, 16:01:30 IST; bids are no longer accepted."


def test_a_bidder_one_step_from_zero_is_told_they_cannot_go_lower():
    state = auction(("A", 400 * RS))
    refusal = check_bid(state, "A", 1, DURING)
    assert refusal.code == "decrement"
    assert refusal.message == "Your last bid of Rs 400.00 is less than one step (Rs 500.00) above zero, so you " \
                              "cannot bid lower."


def test_a_zero_window_or_zero_cap_never_extends():
    for changes in ({"extension_window": timedelta(0)}, {"max_extensions": 0}):
        state, did = accept(auction(**changes), "A", 99_000 * RS, END - US, seq=1)
        assert not did and state.ends_at == END and state.extensions == 0


def test_a_naive_time_is_read_as_utc():
    naive = (END - timedelta(seconds=30)).replace(tzinfo=None)
    state, did = accept(auction(), "A", 99_000 * RS, naive, seq=1)
    assert did and state.bids[0].at == END - timedelta(seconds=30)


# --- who enters: H1 elimination -------------------------------------------------------------

H1 = QualificationRules(Qualification.H1_ELIMINATION)


def entrants(*rows) -> list[Entrant]:
    """(seller, rupees, is_mse, oem) rows."""
    return [Entrant(seller, rupees * RS, mse, oem) for seller, rupees, mse, oem in rows]


FIVE = entrants(("S1", 1_00_000, False, "Acme"), ("S2", 1_04_000, False, "Bolt"), ("S3", 1_08_000, True, "Acme"),
                ("S4", 1_02_000, False, "Bolt"), ("S5", 1_30_000, False, "Acme"))


def test_h1_elimination_with_five_sellers_removes_the_highest():
    result = qualify(FIVE, H1)
    assert result.bidders == {"S1", "S2", "S3", "S4"}
    assert result.kept_preference == frozenset()
    assert result.reasons == ("S5 is H1 at Rs 1,30,000.00 and is eliminated (H1 elimination); "
                              "4 sellers enter the auction.",)


def test_h1_is_kept_when_three_or_fewer_qualify():
    result = qualify(FIVE[:3], H1)
    assert result.bidders == {"S1", "S2", "S3"}
    assert result.reasons == ("Only 3 sellers qualified technically (3 or fewer): H1 is not eliminated; "
                              "S3 is H1 at Rs 1,08,000.00 and enters the auction.",)
    assert qualify(FIVE[:4], H1).bidders == {"S1", "S2", "S4"}  # 4 qualify: S3 goes
    assert qualify(FIVE[:3], replace(H1, keep_h1_up_to=0)).bidders == {"S1", "S2"}  # the exception turned off


def test_h1_is_kept_when_eliminating_it_would_leave_a_single_oem():
    rows = entrants(("S1", 1_00_000, False, "Acme"), ("S2", 1_01_000, False, "acme "), ("S3", 1_02_000, False, "Acme"),
                    ("S4", 1_10_000, False, "Bolt"))
    result = qualify(rows, H1)
    assert result.bidders == {"S1", "S2", "S3", "S4"}
    assert result.reasons == ("S4 is H1 at Rs 1,10,000.00; eliminating it would leave only Acme's products in the "
                              "auction, so H1 is not eliminated.",)
    assert qualify(rows, replace(H1, keep_h1_if_single_oem=False)).bidders == {"S1", "S2", "S3"}


def test_when_every_seller_offers_one_oem_h1_is_still_eliminated():
    rows = entrants(*((f"S{n}", 1_00_000 + n, False, "Acme") for n in range(1, 5)))
    assert qualify(rows, H1).bidders == {"S1", "S2", "S3"}


def test_an_eliminated_mse_within_15_percent_of_a_non_mse_l1_keeps_its_preference():
    rows = entrants(("L1", 1_00_000, False, "Acme"), ("S2", 1_05_000, False, "Bolt"), ("S3", 1_10_000, False, "Acme"),
                    ("MSE", 1_15_000, True, "Bolt"))
    result = qualify(rows, H1)
    assert result.bidders == {"L1", "S2", "S3"}
    assert result.kept_preference == {"MSE"}  # exactly 15% above L1: inside the band
    assert result.reasons[1] == ("MSE is an MSE within 15% of the non-MSE L1 (Rs 1,00,000.00, up to "
                                 "Rs 1,15,000.00): it keeps its purchase-preference rights after the auction.")
    one_paisa_more = [*rows[:3], Entrant("MSE", 1_15_000 * RS + 1, True, "Bolt")]
    assert qualify(one_paisa_more, H1).kept_preference == frozenset()
    mse_l1 = [replace(rows[0], is_mse=True), *rows[1:]]
    assert qualify(mse_l1, H1).kept_preference == frozenset()  # an MSE L1: the preference has nothing to do
    assert qualify(FIVE, H1).kept_preference == frozenset()  # a non-MSE H1


def test_the_h1_exception_band_is_exact_where_15_percent_is_a_fraction_of_a_paisa():
    # GeM's H1 rule keeps an MSE "within 15%" of a non-MSE L1: decided as the evaluation decides
    # it (domain/evaluation.py `in_band`). L1 at Rs 1,00,000.10 puts L1 + 15% at Rs 1,15,000.115:
    # an H1 MSE at Rs 1,15,000.12 is half a paisa outside (rounding the 15% half up let it in).
    rows = [Entrant("L1", 1_00_000_10, False, "Acme"), Entrant("S2", 1_05_000_00, False, "Bolt"),
            Entrant("S3", 1_10_000_00, False, "Acme")]
    assert qualify([*rows, Entrant("MSE", 1_15_000_12, True, "Bolt")], H1).kept_preference == frozenset()
    assert qualify([*rows, Entrant("MSE", 1_15_000_11, True, "Bolt")], H1).kept_preference == {"MSE"}


def test_tied_h1_sellers_are_all_eliminated_unless_fewer_than_two_would_remain():
    tied = entrants(("S1", 1_00_000, False, "Acme"), ("S2", 1_01_000, False, "Bolt"), ("S3", 1_20_000, False, "Acme"),
                    ("S4", 1_20_000, False, "Bolt"))
    result = qualify(tied, H1)
    assert result.bidders == {"S1", "S2"}
    assert result.reasons[0].startswith("S3, S4 are H1 at Rs 1,20,000.00 and are eliminated")
    too_few = [tied[0], *(replace(e, price_paise=1_20_000 * RS) for e in tied[1:])]
    result = qualify(too_few, H1)
    assert result.bidders == {"S1", "S2", "S3", "S4"}
    assert result.reasons == ("S2, S3, S4 are H1 at Rs 1,20,000.00; eliminating them would leave fewer than two "
                              "bidders, so nobody is eliminated.",)


# --- who enters: the lowest half ------------------------------------------------------------

HALF = QualificationRules(Qualification.LOWEST_HALF)


def test_lowest_half_of_five_is_three():
    result = qualify(FIVE, HALF)
    assert result.bidders == {"S1", "S4", "S2"}
    assert result.reasons == (
        "5 sellers qualified technically; the 3 lowest-priced enter the auction (50% rounded up), up to "
        "Rs 1,04,000.00.",
        "S3, S5 priced above Rs 1,04,000.00 and do not enter.")


def test_lowest_half_of_four_is_two():
    assert qualify(FIVE[:4], HALF).bidders == {"S1", "S4"}


def test_a_tie_on_the_lowest_half_boundary_lets_all_the_tied_in():
    # Four sellers, two enter; S4 and S5 tie at Rs 1,02,000 in second place.
    rows = [FIVE[0], FIVE[3], replace(FIVE[4], price_paise=1_02_000 * RS), FIVE[1]]
    result = qualify(rows, HALF)
    assert result.bidders == {"S1", "S4", "S5"}
    assert "S4, S5 tie at Rs 1,02,000.00 on the boundary, so all of them enter." in result.reasons


def test_one_or_no_seller():
    assert qualify(FIVE[:1], HALF).reasons[0] == ("1 seller qualified technically; the 1 lowest-priced enters the "
                                                  "auction (50% rounded up), up to Rs 1,00,000.00.")
    assert qualify(FIVE[:2], HALF).bidders == {"S1"}  # the rule as written: the engine decides if one may bid alone
    assert qualify(FIVE[:1], replace(H1, keep_h1_up_to=0)).bidders == {"S1"}


def test_nobody_to_qualify_and_repeated_sellers():
    assert qualify([], H1).bidders == frozenset()
    with pytest.raises(ValueError):
        qualify([FIVE[0], FIVE[0]], HALF)


def test_the_bids_ra_rule_names_a_qualification():
    assert {QUALIFICATION_OF_RA_RULE[rule] for rule in RA_RULES} == set(Qualification)


# --- start price, savings, aliases ----------------------------------------------------------


def test_the_auction_starts_at_the_bid_stage_l1_price():
    assert start_price(FIVE) == 1_00_000 * RS
    with pytest.raises(ValueError):
        start_price([])


def test_savings_against_the_estimated_value():
    saved = savings("estimated value", 1_20_000 * RS, 1_00_000 * RS)
    assert saved == type(saved)("estimated value", 1_20_000 * RS, 20_000 * RS, 1667)  # 16.666..% -> 16.67%


def test_savings_against_the_start_price_and_half_rounding():
    assert savings("start price", 1_00_000 * RS, 95_000 * RS).saved_bp == 500
    assert savings("start price", 20_000, 19_999).saved_bp == 1  # 0.5 bp rounds up
    assert savings("start price", 20_000, 20_001).saved_bp == -1  # a loss of the same size reads the same
    assert savings("start price", 3, 3).saved_bp == 0


def test_savings_need_a_named_reference_and_a_price():
    with pytest.raises(ValueError):
        savings("last year's price", 100, 90)
    with pytest.raises(ValueError):
        savings("estimated value", 0, 90)


def test_aliases_are_stable_and_in_string_order_of_the_ids():
    assert aliases(["s-10", "s-2", "s-1"]) == {"s-1": "Bidder 1", "s-10": "Bidder 2", "s-2": "Bidder 3"}
    assert aliases({"b", "a"}) == aliases(["a", "b", "a"]) == {"a": "Bidder 1", "b": "Bidder 2"}
    assert aliases([]) == {}


# --- the award's unit prices at the auction's price ---------------------------------------


def test_unit_prices_scale_to_the_auction_price_exactly_where_a_single_unit_allows():
    # 40 beds at Rs 21,500 and 40 lockers at Rs 5,200 (Rs 10,68,000) bid down to Rs 9,61,200 (90%).
    prices = unit_prices_at({"BED": 21_500 * RS, "LOCKER": 5_200 * RS}, {"BED": 40, "LOCKER": 40}, 9_61_200 * RS)
    assert prices == {"BED": 19_350 * RS, "LOCKER": 4_680 * RS}
    # One unit of an item takes the last paise: the total is the bid to the paisa.
    prices = unit_prices_at({"BED": 21_500 * RS, "TABLE": 999 * RS}, {"BED": 40, "TABLE": 1}, 8_00_000 * RS + 7)
    assert prices["BED"] * 40 + prices["TABLE"] == 8_00_000 * RS + 7


def test_unit_prices_never_add_up_above_the_bid_and_fall_short_by_less_than_the_fewest_units():
    # 40 and 10 units: any total is reachable only to the nearest 10 paise.
    prices = unit_prices_at({"BED": 21_500 * RS, "LOCKER": 5_200 * RS}, {"BED": 40, "LOCKER": 10}, 9_00_000 * RS + 9)
    total = prices["BED"] * 40 + prices["LOCKER"] * 10
    assert 9_00_000 * RS <= total <= 9_00_000 * RS + 9


def test_a_cheap_item_keeps_at_least_one_paisa():
    prices = unit_prices_at({"A": 1_000_000, "B": 1}, {"A": 1, "B": 1}, 500_000)
    assert prices == {"A": 499_999, "B": 1}


def test_unit_prices_need_every_item_and_a_paisa_a_unit():
    with pytest.raises(ValueError):
        unit_prices_at({"A": 100}, {"A": 1, "B": 2}, 300)
    with pytest.raises(ValueError, match="at least 3 paise"):
        unit_prices_at({"A": 100, "B": 100}, {"A": 1, "B": 2}, 2)


def test_a_reverse_auction_from_the_start_lets_every_qualified_seller_in():
    result = qualify(FIVE, QualificationRules(QUALIFICATION_OF_RA_RULE["direct"]))
    assert result.bidders == {"S1", "S2", "S3", "S4", "S5"} and result.kept_preference == frozenset()
    assert result.reasons == ("A reverse auction from the start: all 5 technically qualified sellers enter.",)

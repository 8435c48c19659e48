"""Bid evaluation, worked by hand from the Public Procurement Policy for MSEs Order 2012
(amended 2018) and the Public Procurement (Preference to Make in India) Order 2017 (revised
2020); then invariants that must hold for any bid (hypothesis)."""

import random
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.evaluation import (
    RULE_L1,
    RULE_MII_MATCH,
    RULE_MSE_MATCH,
    TOTAL_LOT,
    Bid,
    BidError,
    BidItem,
    BidKind,
    Decline,
    EvaluationMethod,
    ItemGroup,
    MiiPreference,
    MsePreference,
    Nature,
    Offer,
    evaluate,
)
from domain.listing import MiiClass

T0 = datetime(2025, 6, 10, 5, 0, tzinfo=timezone.utc)
MSE_ON = MsePreference(enabled=True)
MII_ON = MiiPreference(enabled=True)
CLASS_I, CLASS_II, NON_LOCAL = MiiClass.CLASS_I, MiiClass.CLASS_II, MiiClass.NON_LOCAL


def bid(quantity=100, *, mse=MsePreference(), mii=MiiPreference(), splittable=True, kind=BidKind.GOODS) -> Bid:
    """One item, "CHAIR", evaluated on total value."""
    return Bid("GEM/2025/B/1", (BidItem("CHAIR", quantity),), mse_preference=mse, mii_preference=mii,
               quantity_splittable=splittable, kind=kind)


def offer(seller, price, *, mse=False, nature=Nature.MANUFACTURER, mii=NON_LOCAL, minutes=0, item="CHAIR",
          kept=False) -> Offer:
    prices = price if isinstance(price, dict) else {item: price}
    return Offer(seller, prices, T0 + timedelta(minutes=minutes), mse, nature, mii, keeps_mse_preference=kept)


def award(result) -> list[tuple]:
    """(seller, item, quantity, unit price, rule) for every line."""
    return [(line.seller, line.item, line.quantity, line.unit_price_paise, line.rule) for line in result.lines]


# --- L1 and ties --------------------------------------------------------------------------


def test_l1_takes_the_whole_quantity_when_no_preference_is_offered():
    result = evaluate(bid(10), [offer("A", 1_000_00), offer("B", 900_00), offer("C", 950_00, mse=True)])
    [lot] = result.lots
    assert lot.l1 == "B" and lot.l1_price_paise == 10 * 900_00
    assert [r.seller for r in lot.ranking] == ["B", "C", "A"]
    assert award(result) == [("B", "CHAIR", 10, 900_00, RULE_L1)]
    assert result.total_paise == 9_000_00
    assert lot.mse_band is None and lot.mii_band is None


def test_a_tie_goes_to_the_qualifying_mse_even_if_it_submitted_later():
    result = evaluate(bid(10), [offer("A", 500_00, minutes=0), offer("B", 500_00, mse=True, minutes=30)])
    [lot] = result.lots
    assert lot.l1 == "B"
    assert "L1 is B, as B is an MSE manufacturer" in lot.tie


def test_a_tie_between_non_mses_goes_to_the_class_i_supplier():
    result = evaluate(bid(10), [offer("A", 500_00, mii=CLASS_II), offer("B", 500_00, mii=CLASS_I, minutes=5)])
    assert result.lots[0].l1 == "B"
    assert "B is a Class-I local supplier" in result.lots[0].tie


def test_a_tie_between_equals_goes_to_the_earlier_submission_then_the_seller_id():
    result = evaluate(bid(10), [offer("A", 500_00, minutes=9), offer("B", 500_00, minutes=2)])
    assert result.lots[0].l1 == "B"
    assert "B submitted first (10 Jun 2025, 10:32:00 IST)" in result.lots[0].tie
    same_time = evaluate(bid(10), [offer("Z", 500_00), offer("M", 500_00)])
    assert same_time.lots[0].l1 == "M"
    assert "comes first by seller id" in same_time.lots[0].tie


def test_a_trader_mse_gets_no_tie_break_for_being_an_mse():
    result = evaluate(bid(10), [offer("A", 500_00, mse=True, nature=Nature.TRADER), offer("B", 500_00, minutes=1)])
    assert result.lots[0].l1 == "A"  # the earlier submission, not the MSE status
    assert "A submitted first" in result.lots[0].tie


# --- MSE purchase preference --------------------------------------------------------------


def test_mse_within_the_band_matches_l1_for_25_percent():
    # L1 Rs 1,000 (non-MSE); an MSE manufacturer at Rs 1,100 is within L1 + 15% (Rs 1,150).
    result = evaluate(bid(100, mse=MSE_ON), [offer("L", 1_000_00), offer("M", 1_100_00, mse=True)])
    assert award(result) == [("L", "CHAIR", 75, 1_000_00, RULE_L1), ("M", "CHAIR", 25, 1_000_00, RULE_MSE_MATCH)]
    band = result.lots[0].mse_band
    assert band.limit_paise == 100 * 1_150_00
    assert band.in_band == ("M",) and band.invited == ("M",) and band.matched == "M"
    assert "PPP-MSE Order 2012" in result.lines[1].reason


def test_an_mse_l1_changes_nothing():
    result = evaluate(bid(100, mse=MSE_ON), [offer("M", 1_000_00, mse=True), offer("N", 1_050_00, mse=True)])
    assert award(result) == [("M", "CHAIR", 100, 1_000_00, RULE_L1)]
    assert result.lots[0].mse_band.outcome == "l1_eligible"
    assert result.lots[0].mse_band.invited == ()


def test_two_mses_in_the_band_are_asked_lowest_first_and_the_first_declines():
    offers = [offer("L", 1_000_00), offer("M2", 1_120_00, mse=True), offer("M1", 1_080_00, mse=True)]
    result = evaluate(bid(100, mse=MSE_ON), offers, [Decline("M1")])
    band = result.lots[0].mse_band
    assert band.in_band == ("M1", "M2")
    assert band.invited == ("M1", "M2") and band.declined == ("M1",) and band.matched == "M2"
    assert award(result) == [("L", "CHAIR", 75, 1_000_00, RULE_L1), ("M2", "CHAIR", 25, 1_000_00, RULE_MSE_MATCH)]
    assert result.lots[0].declined == ("M1",)
    # Without the decline, the lowest MSE gets it.
    assert evaluate(bid(100, mse=MSE_ON), offers).lots[0].mse_band.matched == "M1"


def test_when_every_mse_declines_l1_keeps_everything():
    offers = [offer("L", 1_000_00), offer("M1", 1_080_00, mse=True)]
    result = evaluate(bid(100, mse=MSE_ON), offers, [Decline("M1", TOTAL_LOT)])
    assert award(result) == [("L", "CHAIR", 100, 1_000_00, RULE_L1)]
    assert result.lots[0].mse_band.outcome == "all_declined"


def test_a_trader_mse_does_not_qualify_and_the_manufacturer_behind_it_is_invited():
    offers = [offer("L", 1_000_00), offer("T", 1_010_00, mse=True, nature=Nature.TRADER), offer("M", 1_140_00, mse=True)]
    result = evaluate(bid(100, mse=MSE_ON), offers)
    band = result.lots[0].mse_band
    assert band.in_band == ("M",)
    assert band.not_eligible == (("T", "an MSE trader: only manufacturers qualify in a goods bid"),)
    assert award(result)[1] == ("M", "CHAIR", 25, 1_000_00, RULE_MSE_MATCH)


def test_a_trader_mse_l1_is_not_an_mse_l1_for_the_preference():
    offers = [offer("T", 1_000_00, mse=True, nature=Nature.TRADER), offer("M", 1_100_00, mse=True)]
    result = evaluate(bid(100, mse=MSE_ON), offers)
    assert award(result) == [("T", "CHAIR", 75, 1_000_00, RULE_L1), ("M", "CHAIR", 25, 1_000_00, RULE_MSE_MATCH)]


def test_in_a_services_bid_only_service_provider_mses_qualify():
    offers = [offer("L", 1_000_00, nature=Nature.SERVICE_PROVIDER),
              offer("F", 1_010_00, mse=True, nature=Nature.MANUFACTURER),
              offer("S", 1_050_00, mse=True, nature=Nature.SERVICE_PROVIDER)]
    result = evaluate(bid(40, mse=MSE_ON, kind=BidKind.SERVICES), offers)
    assert result.lots[0].mse_band.in_band == ("S",)
    assert result.lots[0].mse_band.not_eligible[0][0] == "F"
    assert award(result)[1] == ("S", "CHAIR", 10, 1_000_00, RULE_MSE_MATCH)


def test_the_mse_band_includes_exactly_15_percent_and_not_a_paisa_more():
    on_the_edge = evaluate(bid(1, mse=MSE_ON, splittable=False), [offer("L", 1_00_000_00), offer("M", 1_15_000_00, mse=True)])
    assert on_the_edge.lots[0].mse_band.in_band == ("M",)
    assert award(on_the_edge) == [("M", "CHAIR", 1, 1_00_000_00, RULE_MSE_MATCH)]
    above = evaluate(bid(1, mse=MSE_ON, splittable=False), [offer("L", 1_00_000_00), offer("M", 1_15_000_01, mse=True)])
    assert above.lots[0].mse_band.in_band == ()
    assert above.lots[0].mse_band.outcome == "no_one_in_band"
    assert award(above) == [("L", "CHAIR", 1, 1_00_000_00, RULE_L1)]


def test_the_mse_share_is_rounded_down_and_l1_keeps_the_rest():
    result = evaluate(bid(10, mse=MSE_ON), [offer("L", 1_000_00), offer("M", 1_100_00, mse=True)])
    assert award(result) == [("L", "CHAIR", 8, 1_000_00, RULE_L1), ("M", "CHAIR", 2, 1_000_00, RULE_MSE_MATCH)]  # 25% of 10 = 2.5


def test_a_share_of_less_than_one_unit_invites_nobody():
    result = evaluate(bid(3, mse=MSE_ON), [offer("L", 1_000_00), offer("M", 1_100_00, mse=True)])
    assert award(result) == [("L", "CHAIR", 3, 1_000_00, RULE_L1)]
    band = result.lots[0].mse_band
    assert band.outcome == "nothing_to_share" and band.invited == ()
    assert "less than one unit" in band.note


def test_an_indivisible_quantity_goes_wholly_to_the_matching_mse():
    result = evaluate(bid(1, mse=MSE_ON, splittable=False), [offer("L", 5_00_000_00), offer("M", 5_50_000_00, mse=True)])
    assert award(result) == [("M", "CHAIR", 1, 5_00_000_00, RULE_MSE_MATCH)]
    assert "the whole quantity (it cannot be split)" in result.lines[0].reason


def test_the_buyer_sets_the_mse_band_and_share():
    preference = MsePreference(enabled=True, band_bp=1000, share_bp=2000)  # 10% band, 20% share
    out = evaluate(bid(50, mse=preference), [offer("L", 1_000_00), offer("M", 1_120_00, mse=True)])
    assert out.lots[0].mse_band.in_band == ()
    inside = evaluate(bid(50, mse=preference), [offer("L", 1_000_00), offer("M", 1_100_00, mse=True)])
    assert award(inside)[1] == ("M", "CHAIR", 10, 1_000_00, RULE_MSE_MATCH)


# --- Make in India ------------------------------------------------------------------------


def test_a_class_i_supplier_within_20_percent_matches_a_non_local_l1_for_half():
    result = evaluate(bid(100, mii=MII_ON), [offer("N", 2_000_00), offer("C", 2_300_00, mii=CLASS_I)])
    assert award(result) == [("N", "CHAIR", 50, 2_000_00, RULE_L1), ("C", "CHAIR", 50, 2_000_00, RULE_MII_MATCH)]
    assert result.lots[0].mii_band.limit_paise == 100 * 2_400_00
    assert "PPP-MII Order 2017" in result.lines[1].reason


def test_a_class_ii_supplier_gets_no_make_in_india_preference():
    result = evaluate(bid(100, mii=MII_ON), [offer("N", 2_000_00), offer("C2", 2_100_00, mii=CLASS_II)])
    assert award(result) == [("N", "CHAIR", 100, 2_000_00, RULE_L1)]


def test_the_mii_margin_includes_exactly_20_percent_and_not_a_paisa_more():
    edge = evaluate(bid(1, mii=MII_ON, splittable=False), [offer("N", 1_00_000_00), offer("C", 1_20_000_00, mii=CLASS_I)])
    assert award(edge) == [("C", "CHAIR", 1, 1_00_000_00, RULE_MII_MATCH)]
    above = evaluate(bid(1, mii=MII_ON, splittable=False), [offer("N", 1_00_000_00), offer("C", 1_20_000_01, mii=CLASS_I)])
    assert award(above) == [("N", "CHAIR", 1, 1_00_000_00, RULE_L1)]


def test_an_odd_quantity_gives_the_class_i_supplier_the_rounded_down_half():
    result = evaluate(bid(5, mii=MII_ON), [offer("N", 2_000_00), offer("C", 2_100_00, mii=CLASS_I)])
    assert award(result) == [("N", "CHAIR", 3, 2_000_00, RULE_L1), ("C", "CHAIR", 2, 2_000_00, RULE_MII_MATCH)]


def test_an_indivisible_quantity_goes_wholly_to_the_matching_class_i_supplier():
    result = evaluate(bid(1, mii=MII_ON, splittable=False), [offer("N", 9_00_000_00), offer("C", 10_00_000_00, mii=CLASS_I)])
    assert award(result) == [("C", "CHAIR", 1, 9_00_000_00, RULE_MII_MATCH)]


def test_a_class_i_l1_changes_nothing():
    result = evaluate(bid(100, mii=MII_ON), [offer("C", 2_000_00, mii=CLASS_I), offer("D", 2_100_00, mii=CLASS_I)])
    assert award(result) == [("C", "CHAIR", 100, 2_000_00, RULE_L1)]
    assert result.lots[0].mii_band.outcome == "l1_eligible"


def test_the_next_class_i_supplier_is_asked_when_the_lowest_declines():
    offers = [offer("N", 2_000_00), offer("C1", 2_100_00, mii=CLASS_I), offer("C2", 2_200_00, mii=CLASS_I)]
    result = evaluate(bid(10, mii=MII_ON), offers, [Decline("C1")])
    assert result.lots[0].mii_band.invited == ("C1", "C2")
    assert award(result)[1] == ("C2", "CHAIR", 5, 2_000_00, RULE_MII_MATCH)


def test_the_buyer_sets_the_margin_and_l1s_share():
    preference = MiiPreference(enabled=True, margin_bp=1000, l1_share_bp=6000)
    result = evaluate(bid(10, mii=preference), [offer("N", 2_000_00), offer("C", 2_200_00, mii=CLASS_I)])
    assert award(result) == [("N", "CHAIR", 6, 2_000_00, RULE_L1), ("C", "CHAIR", 4, 2_000_00, RULE_MII_MATCH)]


# --- both preferences ---------------------------------------------------------------------


BOTH = dict(mse=MSE_ON, mii=MII_ON)


def test_mse_and_class_i_both_in_their_bands_the_mse_prevails():
    offers = [offer("N", 1_000_00), offer("M", 1_100_00, mse=True), offer("C", 1_050_00, mii=CLASS_I)]
    result = evaluate(bid(100, **BOTH), offers)
    assert award(result) == [("N", "CHAIR", 75, 1_000_00, RULE_L1), ("M", "CHAIR", 25, 1_000_00, RULE_MSE_MATCH)]
    lot = result.lots[0]
    assert lot.mii_band.in_band == ("C",)
    assert lot.mii_band.outcome == "mse_prevails" and lot.mii_band.invited == ()


def test_when_the_mse_declines_make_in_india_applies():
    offers = [offer("N", 1_000_00), offer("M", 1_100_00, mse=True), offer("C", 1_050_00, mii=CLASS_I)]
    result = evaluate(bid(100, **BOTH), offers, [Decline("M")])
    assert award(result) == [("N", "CHAIR", 50, 1_000_00, RULE_L1), ("C", "CHAIR", 50, 1_000_00, RULE_MII_MATCH)]


def test_an_mse_l1_keeps_the_whole_quantity_over_a_class_i_supplier():
    offers = [offer("M", 1_000_00, mse=True, mii=CLASS_II), offer("C", 1_050_00, mii=CLASS_I)]
    assert award(evaluate(bid(100, **BOTH), offers)) == [("M", "CHAIR", 100, 1_000_00, RULE_L1)]
    # Without the MSE preference in the bid, Make in India takes half from the MSE L1.
    assert award(evaluate(bid(100, mii=MII_ON), offers))[1] == ("C", "CHAIR", 50, 1_000_00, RULE_MII_MATCH)


def test_a_class_i_mse_that_declined_the_mse_match_is_not_asked_again():
    offers = [offer("N", 1_000_00), offer("MC", 1_050_00, mse=True, mii=CLASS_I), offer("C", 1_150_00, mii=CLASS_I)]
    result = evaluate(bid(100, **BOTH), offers, [Decline("MC")])
    assert result.lots[0].mii_band.invited == ("MC", "C")
    assert award(result)[1] == ("C", "CHAIR", 50, 1_000_00, RULE_MII_MATCH)


# --- evaluation methods -------------------------------------------------------------------


TWO_ITEMS = (BidItem("DESK", 10), BidItem("CHAIR", 20))


def test_total_value_l1_is_the_lowest_total_not_the_lowest_per_item():
    # A: 10 x 5,000 + 20 x 1,000 = 70,000; B: 10 x 4,000 + 20 x 1,600 = 72,000.
    the_bid = Bid("GEM/2025/B/2", TWO_ITEMS)
    offers = [offer("A", {"DESK": 5_000_00, "CHAIR": 1_000_00}), offer("B", {"DESK": 4_000_00, "CHAIR": 1_600_00})]
    result = evaluate(the_bid, offers)
    assert result.lots[0].l1 == "A" and result.lots[0].l1_price_paise == 70_000_00
    assert award(result) == [("A", "DESK", 10, 5_000_00, RULE_L1), ("A", "CHAIR", 20, 1_000_00, RULE_L1)]


def test_item_wise_finds_a_different_l1_per_item():
    the_bid = Bid("GEM/2025/B/2", TWO_ITEMS, EvaluationMethod.ITEM_WISE, mse_preference=MSE_ON)
    offers = [offer("A", {"DESK": 5_000_00, "CHAIR": 1_000_00}),
              offer("B", {"DESK": 4_000_00, "CHAIR": 1_600_00}),
              offer("M", {"DESK": 4_500_00}, mse=True)]  # quotes the desks only
    result = evaluate(the_bid, offers)
    desk, chair = result.lots
    assert (desk.lot, desk.l1, chair.lot, chair.l1) == ("DESK", "B", "CHAIR", "A")
    assert [r.seller for r in chair.ranking] == ["A", "B"]  # M made no offer for chairs
    assert chair.not_evaluated == ()
    assert award(result) == [("B", "DESK", 8, 4_000_00, RULE_L1), ("M", "DESK", 2, 4_000_00, RULE_MSE_MATCH),
                             ("A", "CHAIR", 20, 1_000_00, RULE_L1)]


def test_a_decline_can_name_one_lot():
    the_bid = Bid("GEM/2025/B/2", (BidItem("DESK", 8), BidItem("CHAIR", 8)), EvaluationMethod.ITEM_WISE, mse_preference=MSE_ON)
    offers = [offer("A", {"DESK": 1_000_00, "CHAIR": 1_000_00}), offer("M", {"DESK": 1_100_00, "CHAIR": 1_100_00}, mse=True)]
    result = evaluate(the_bid, offers, [Decline("M", "CHAIR")])
    assert award(result) == [("A", "DESK", 6, 1_000_00, RULE_L1), ("M", "DESK", 2, 1_000_00, RULE_MSE_MATCH),
                             ("A", "CHAIR", 8, 1_000_00, RULE_L1)]


def test_group_wise_evaluates_each_group_and_needs_every_item_of_a_group_quoted():
    items = (BidItem("DESK", 10), BidItem("CHAIR", 20), BidItem("SHELF", 4))
    groups = (ItemGroup("FURNITURE", ("DESK", "CHAIR")), ItemGroup("STORAGE", ("SHELF",)))
    the_bid = Bid("GEM/2025/B/3", items, EvaluationMethod.GROUP_WISE, groups)
    offers = [offer("A", {"DESK": 5_000_00, "CHAIR": 1_000_00, "SHELF": 9_000_00}),
              offer("B", {"DESK": 4_000_00, "SHELF": 8_000_00}),  # no chairs: not evaluated for FURNITURE
              offer("C", {"DESK": 5_500_00, "CHAIR": 900_00, "SHELF": 8_500_00})]
    result = evaluate(the_bid, offers)
    furniture, storage = result.lots
    assert furniture.l1 == "A"  # A 70,000 against C 73,000
    assert furniture.not_evaluated == (("B", "did not quote every item of the lot (missing CHAIR)"),)
    assert storage.l1 == "B"
    assert award(result) == [("A", "DESK", 10, 5_000_00, RULE_L1), ("A", "CHAIR", 20, 1_000_00, RULE_L1),
                             ("B", "SHELF", 4, 8_000_00, RULE_L1)]


def test_in_a_lot_of_several_items_a_match_never_raises_a_sellers_own_price():
    # L1 A: desks 5,000, chairs 1,000 (total 70,000). MSE M: desks 4,800, chairs 1,200 (72,000, in the band).
    the_bid = Bid("GEM/2025/B/2", TWO_ITEMS, mse_preference=MSE_ON)
    offers = [offer("A", {"DESK": 5_000_00, "CHAIR": 1_000_00}), offer("M", {"DESK": 4_800_00, "CHAIR": 1_200_00}, mse=True)]
    result = evaluate(the_bid, offers)
    assert award(result) == [("A", "DESK", 8, 5_000_00, RULE_L1), ("M", "DESK", 2, 4_800_00, RULE_MSE_MATCH),
                             ("A", "CHAIR", 15, 1_000_00, RULE_L1), ("M", "CHAIR", 5, 1_000_00, RULE_MSE_MATCH)]
    assert "own price for this item is lower" in result.lines[1].reason


# --- after a reverse auction ----------------------------------------------------------------


def test_an_mse_that_kept_its_rights_through_the_auction_is_invited_at_the_final_l1():
    # Bid stage: A (not an MSE) L1 at Rs 1,000 a chair, M (an MSE) H1 at Rs 1,100, within 15%: M was
    # eliminated from the auction but kept its rights. The auction took A down to Rs 800 and B to Rs 850.
    offers = [offer("A", 800_00), offer("B", 850_00), offer("M", 1_100_00, mse=True, kept=True)]
    result = evaluate(bid(100, mse=MSE_ON), offers)
    [lot] = result.lots
    assert lot.mse_band.limit_paise == 100 * 920_00  # M's Rs 1,100 is far outside the new band...
    assert lot.mse_band.in_band == ("M",) and lot.mse_band.matched == "M"  # ...but its right stands
    assert award(result) == [("A", "CHAIR", 75, 800_00, RULE_L1), ("M", "CHAIR", 25, 800_00, RULE_MSE_MATCH)]
    assert any("M kept its purchase-preference rights through the reverse auction" in note for note in lot.notes)


def test_sellers_inside_the_band_are_invited_before_the_one_that_kept_its_rights():
    offers = [offer("A", 800_00), offer("N", 900_00, mse=True), offer("M", 1_100_00, mse=True, kept=True)]
    [lot] = evaluate(bid(100, mse=MSE_ON), offers, [Decline("N")]).lots
    assert lot.mse_band.invited == ("N", "M") and lot.mse_band.matched == "M"


def test_kept_rights_are_the_mse_preference_only():
    # A Class-I MSE that kept its MSE rights is not in the Make in India band, even inside its margin.
    offers = [offer("A", 800_00), offer("M", 900_00, mse=True, mii=CLASS_I, kept=True)]
    [lot] = evaluate(bid(100, mse=MSE_ON, mii=MII_ON), offers, [Decline("M")]).lots
    assert lot.mse_band.outcome == "all_declined"
    assert lot.mii_band.outcome == "no_one_in_band"
    # Without the MSE preference offered, the kept rights give nothing.
    [lot] = evaluate(bid(100, mii=MII_ON), offers).lots
    assert lot.mse_band is None and lot.mii_band.in_band == ()


def test_no_offer_means_nothing_to_award():
    result = evaluate(bid(5), [])
    assert result.lots[0].l1 is None and result.lines == ()
    assert "nothing can be awarded" in result.lots[0].notes[0]


# --- input that cannot be evaluated -------------------------------------------------------


@pytest.mark.parametrize(
    ("the_bid", "offers", "declines", "field"),
    [
        (bid(0), [], [], "bid.items[0].quantity"),
        (bid(5, mse=MsePreference(True, band_bp=-1)), [], [], "bid.mse_preference.band_bp"),
        (bid(5, mii=MiiPreference(True, l1_share_bp=10_001)), [], [], "bid.mii_preference.l1_share_bp"),
        (bid(5), [offer("A", 0)], [], "offers[0].unit_prices_paise.CHAIR"),
        (bid(5), [offer("A", 100, item="TABLE")], [], "offers[0].unit_prices_paise.TABLE"),
        (bid(5), [offer("A", 100), offer("A", 200)], [], "offers[1].seller"),
        (bid(5), [offer("A", 100)], [Decline("B")], "declined[0].seller"),
        (bid(5), [offer("A", 100)], [Decline("A", "DESK")], "declined[0].lot"),
        (Bid("GEM/1", TWO_ITEMS, EvaluationMethod.GROUP_WISE, (ItemGroup("G", ("DESK",)),)), [], [], "bid.groups"),
        (Bid("GEM/1", TWO_ITEMS, groups=(ItemGroup("G", ("DESK", "CHAIR")),)), [], [], "bid.groups"),
    ],
)
def test_bad_input_names_the_field(the_bid, offers, declines, field):
    with pytest.raises(BidError) as caught:
        evaluate(the_bid, offers, declines)
    assert caught.value.field == field


# --- invariants for any bid ---------------------------------------------------------------


@st.composite
def bids_and_offers(draw):
    n_items = draw(st.integers(1, 3))
    items = tuple(BidItem(f"I{n}", draw(st.integers(1, 60))) for n in range(n_items))
    method = draw(st.sampled_from(list(EvaluationMethod)))
    groups = ()
    if method == EvaluationMethod.GROUP_WISE:
        cut = draw(st.integers(1, n_items))
        ids = [item.id for item in items]
        groups = tuple(g for g in (ItemGroup("G1", tuple(ids[:cut])), ItemGroup("G2", tuple(ids[cut:]))) if g.items)
    the_bid = Bid(
        "GEM/2025/B/9", items, method, groups,
        kind=draw(st.sampled_from(list(BidKind))),
        quantity_splittable=draw(st.booleans()),
        mse_preference=MsePreference(draw(st.booleans()), draw(st.integers(0, 4000)), draw(st.integers(0, 10_000))),
        mii_preference=MiiPreference(draw(st.booleans()), draw(st.integers(0, 4000)), draw(st.integers(0, 10_000))),
    )
    offers = []
    for n in range(draw(st.integers(1, 6))):
        # Prices close together, so that bands, ties and matches happen often.
        prices = {item.id: draw(st.integers(1000, 1150)) for item in items}
        offers.append(Offer(f"S{n}", prices, T0 + timedelta(minutes=draw(st.integers(0, 3))), draw(st.booleans()),
                            draw(st.sampled_from(list(Nature))), draw(st.sampled_from(list(MiiClass)))))
    declines = [Decline(o.seller) for o in offers if draw(st.integers(0, 3)) == 0]
    return the_bid, offers, declines


@settings(max_examples=300, deadline=None)
@given(bids_and_offers())
def test_invariants(case):
    the_bid, offers, declines = case
    result = evaluate(the_bid, offers, declines)
    by_seller = {o.seller: o for o in offers}

    # Every unit of every item is awarded once: none lost, none invented.
    for item in the_bid.items:
        assert result.awarded(item.id) == item.quantity
    for lot in result.lots:
        l1_offer = by_seller[lot.l1]
        assert lot.l1_price_paise == min(r.lot_price_paise for r in lot.ranking)
        for line in lot.lines:
            own = by_seller[line.seller].unit_prices_paise[line.item]
            l1_price = l1_offer.unit_prices_paise[line.item]
            assert line.quantity > 0 and line.total_paise == line.quantity * line.unit_price_paise
            # Nobody is paid above their own offer.
            assert line.unit_price_paise <= own
            if line.rule == RULE_L1:
                assert line.seller == lot.l1 and line.unit_price_paise == own
            else:
                # A matcher is paid L1's price, or its own where that is lower; in a lot of one
                # item (where its own is never below L1's) exactly L1's price.
                assert line.seller != lot.l1
                assert line.unit_price_paise == min(own, l1_price)
                if len(lot.items) == 1:
                    assert line.unit_price_paise == l1_price
                band = lot.mse_band if line.rule == RULE_MSE_MATCH else lot.mii_band
                assert band.matched == line.seller
                assert next(r for r in lot.ranking if r.seller == line.seller).lot_price_paise <= band.limit_paise
                assert line.seller not in {d.seller for d in declines}
        matched_rules = {line.rule for line in lot.lines} - {RULE_L1}
        assert len(matched_rules) <= 1  # the MSE preference prevails: never both in one lot

    # The same input, in any order, gives the same result.
    assert evaluate(the_bid, offers, declines) == result
    shuffled = list(offers)
    random.Random(7).shuffle(shuffled)
    assert evaluate(the_bid, shuffled, list(reversed(declines))) == result

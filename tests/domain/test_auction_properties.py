"""Reverse auction invariants over random auctions (hypothesis): random sequences of bids go
through check_bid and accept, and whatever was accepted must obey the rules read the plain
way; then who enters, savings and aliases over random inputs."""

import math
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from fractions import Fraction

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from domain.auction import (
    REFUSAL_CODES,
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
    check_bid,
    qualify,
    savings,
    unit_prices_at,
)

START = datetime(2026, 12, 10, 9, 30, tzinfo=timezone.utc)
US = timedelta(microseconds=1)
BIDDERS = ("B0", "B1", "B2", "B3")
OUTSIDER = "X"  # never qualified


@st.composite
def auction_rules(draw) -> AuctionRules:
    start_price = draw(st.integers(1_000, 10**9))
    if draw(st.booleans()):
        decrement = Decrement("amount", draw(st.integers(1, max(1, start_price // 20))))
    else:
        decrement = Decrement("percent", draw(st.integers(1, 2_000)))
    rules = AuctionRules(
        start_at=START,
        end_at=START + timedelta(seconds=draw(st.integers(600, 3_600))),
        start_price_paise=start_price,
        decrement=decrement,
        visibility=draw(st.sampled_from(Visibility)),
        extension_window=timedelta(seconds=draw(st.integers(0, 300))),
        extension_length=timedelta(seconds=draw(st.integers(0, 600))),
        max_extensions=draw(st.integers(0, 4)),
    )
    assert rules.problems() == {}
    return rules


def next_time(data, state: AuctionState, now: datetime) -> datetime:
    """Mostly forward in small steps; sometimes exactly at the edges that matter."""
    end, window = state.ends_at, state.rules.extension_window
    choice = data.draw(st.sampled_from(["step"] * 12 + ["window", "window", "before_window", "just_before_end", "end"]))
    if choice == "window":
        return max(now, end - window)
    if choice == "before_window":
        return max(now, end - window - US)
    if choice == "end":  # refused, so the clock goes on from where it was
        return max(now, end + data.draw(st.sampled_from([timedelta(0), US, timedelta(hours=1)])))
    if choice == "just_before_end":
        return max(now, end - US)
    return now + data.draw(st.sampled_from([timedelta(seconds=10), US, timedelta(seconds=1)])) * data.draw(
        st.integers(0, 6))


def next_price(data, state: AuctionState, bidder: str) -> object:
    """Prices near the lines the rules draw, and some that are simply wrong."""
    start = state.rules.start_price_paise
    l1 = state.l1()
    allowed = state.highest_allowed(bidder)
    candidates = [allowed, allowed + 1, allowed - data.draw(st.integers(0, 3 * state.rules.step_paise)), start,
                  start - 1, data.draw(st.integers(-5, start + 5))]
    if l1 is not None:
        candidates += [l1.price_paise] * 3 + [l1.price_paise - 1, l1.price_paise + 1]
    ranked = state.ranking()
    if ranked:
        candidates.append(data.draw(st.sampled_from(ranked))[2])  # someone's current price
    wrong = [float(allowed), None, True, 0, -allowed]
    return data.draw(st.sampled_from(candidates) | st.sampled_from(candidates) | st.sampled_from(wrong))


def plainly_acceptable(state: AuctionState, bidder: str, price: object, at: datetime) -> bool:
    """The rules as a person reads them, written without the module's help."""
    if not isinstance(price, int) or isinstance(price, bool) or price <= 0:
        return False
    own = [b.price_paise for b in state.bids if b.bidder == bidder]
    ceiling = own[-1] if own else state.rules.start_price_paise
    current_l1 = min((b.price_paise for b in state.bids), default=None)
    return (state.rules.start_at <= at < state.ends_at and bidder in state.bidders
            and price < state.rules.start_price_paise and price <= ceiling - state.rules.step_paise
            and price != current_l1)


@settings(max_examples=300, deadline=None)
@given(rules=auction_rules(), data=st.data())
def test_random_bidding_keeps_every_rule(rules, data):
    qualified = frozenset(data.draw(st.sets(st.sampled_from(BIDDERS), min_size=2)))
    state = AuctionState(rules, qualified)
    now = START - data.draw(st.sampled_from([timedelta(0), timedelta(0), US, timedelta(seconds=1)]))
    step = rules.step_paise
    accepted_at_end = []  # (bid time, the end it was accepted before)
    for seq in range(1, data.draw(st.integers(10, 40)) + 1):
        bidder = data.draw(st.sampled_from((*BIDDERS, OUTSIDER)))
        at = next_time(data, state, now)
        if at < state.ends_at:
            now = at
        price = next_price(data, state, bidder)
        refusal = check_bid(state, bidder, price, at)
        assert (refusal is None) == plainly_acceptable(state, bidder, price, at)
        event(refusal.code if refusal else "accepted")
        if refusal is not None:
            assert refusal.code in REFUSAL_CODES and refusal.message.endswith(".")
            with pytest.raises(BidRefused) as raised:
                accept(state, bidder, price, at, seq)
            assert raised.value.refusal == refusal
            continue
        before = state
        state, extended = accept(state, bidder, price, at, seq)
        accepted_at_end.append((at, before.ends_at))
        if extended:
            event("extended")
        if state.extensions == rules.max_extensions > 0:
            event("extension cap reached")
        assert extended == (state.extensions == before.extensions + 1)
        assert extended == (before.ends_at - at <= rules.extension_window and before.extensions < rules.max_extensions)
        # At every moment: L1's price belongs to exactly one accepted bid.
        l1 = state.l1()
        assert [b.price_paise for b in state.bids].count(l1.price_paise) == 1
        # The end moves only by whole extensions, never past the cap.
        assert state.ends_at == rules.end_at + rules.extension_length * state.extensions
        assert 0 <= state.extensions <= rules.max_extensions

    prices = [b.price_paise for b in state.bids]
    event(f"accepted bids: {min(len(prices), 10)}{'+' if len(prices) >= 10 else ''}")
    if prices:
        assert state.l1().price_paise == min(prices)
    for at, end in accepted_at_end:
        assert START <= at < end
    for bidder in qualified:
        own = [b.price_paise for b in state.bids if b.bidder == bidder]
        ceilings = [rules.start_price_paise, *own[:-1]]
        assert all(price <= ceiling - step for price, ceiling in zip(own, ceilings))
    assert {b.bidder for b in state.bids} <= qualified
    ranking = state.ranking()
    assert [rank for rank, _, _ in ranking] == list(range(1, len(ranking) + 1))
    assert [price for _, _, price in ranking] == sorted(price for _, _, price in ranking)
    assert {bidder: price for _, bidder, price in ranking} == {b.bidder: b.price_paise for b in state.bids}
    if ranking:
        assert ranking[0][1] == state.l1().bidder


entrant_lists = st.lists(
    st.builds(Entrant, seller=st.just(""), price_paise=st.integers(1, 200), is_mse=st.booleans(),
              oem=st.sampled_from(["Acme", "Bolt", "Core"])),
    max_size=9,
).map(lambda rows: [replace(row, seller=f"S{n}") for n, row in enumerate(rows)])


@settings(max_examples=300, deadline=None)
@given(rows=entrant_lists, keep_up_to=st.integers(0, 4), single_oem=st.booleans(), band=st.integers(0, 3_000))
def test_h1_elimination_removes_only_the_highest_price_and_leaves_two(rows, keep_up_to, single_oem, band):
    result = qualify(rows, QualificationRules(Qualification.H1_ELIMINATION, keep_up_to, single_oem, band))
    everyone = {e.seller for e in rows}
    out = everyone - result.bidders
    assert result.bidders <= everyone and result.reasons
    if out:
        h1 = max(e.price_paise for e in rows)
        assert out == {e.seller for e in rows if e.price_paise == h1}
        assert len(result.bidders) >= 2 and len(rows) > keep_up_to
    assert result.kept_preference <= out
    assert all(e.is_mse for e in rows if e.seller in result.kept_preference)


@settings(max_examples=300, deadline=None)
@given(rows=entrant_lists)
def test_the_lowest_half_enters_with_ties_at_the_boundary(rows):
    result = qualify(rows, QualificationRules(Qualification.LOWEST_HALF))
    inside = [e.price_paise for e in rows if e.seller in result.bidders]
    outside = [e.price_paise for e in rows if e.seller not in result.bidders]
    assert len(inside) >= math.ceil(len(rows) / 2)
    assert not inside or not outside or max(inside) < min(outside)
    if outside:  # nobody more than the half, except sellers tied with its last
        assert len([p for p in inside if p < max(inside)]) < math.ceil(len(rows) / 2)


@given(reference=st.integers(1, 10**12), final=st.integers(0, 2 * 10**12))
def test_savings_are_the_nearest_basis_point(reference, final):
    result = savings("estimated value", reference, final)
    assert result.saved_paise == reference - final
    exact = Fraction(reference - final, reference) * 10_000
    assert abs(result.saved_bp - exact) <= Fraction(1, 2)
    assert savings("start price", reference, reference + (reference - final)).saved_bp == -result.saved_bp


@given(ids=st.lists(st.text(min_size=1, max_size=6), max_size=12), seed=st.randoms())
def test_aliases_do_not_depend_on_the_order_given(ids, seed):
    shuffled = list(ids)
    seed.shuffle(shuffled)
    names = aliases(ids)
    assert names == aliases(shuffled)
    assert sorted(names.values(), key=lambda name: int(name.split()[1])) == \
        [f"Bidder {n}" for n in range(1, len(set(ids)) + 1)]


@settings(max_examples=500, deadline=None)
@given(data=st.data())
def test_unit_prices_at_an_auction_price_add_up_to_it_from_below(data):
    items = data.draw(st.lists(st.tuples(st.integers(1, 10**7), st.integers(1, 500)), min_size=1, max_size=6))
    prices = {f"I{n}": price for n, (price, _) in enumerate(items)}
    quantities = {f"I{n}": qty for n, (_, qty) in enumerate(items)}
    before = sum(prices[i] * quantities[i] for i in prices)
    total = data.draw(st.integers(sum(quantities.values()), before))
    scaled = unit_prices_at(prices, quantities, total)
    after = sum(scaled[i] * quantities[i] for i in scaled)
    assert all(p >= 1 for p in scaled.values())
    assert total - min(quantities.values()) < after <= total

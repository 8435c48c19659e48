"""Live reverse auctions through the real windows, against a real server whose clock the test
moves: a bid with a reverse auction goes to financial evaluation with two sellers' offers,
the clerk schedules the auction, the sellers find it in their Auctions tab and bid from the
bid box (a refusal shows the server's sentence), the clerk follows the ranking under
aliases, the countdown is the server's even when this computer's clock is wrong, and
offline the view refuses to bid."""

from __future__ import annotations

import os
import re
import threading
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

import app.auctions as auctions_core
from app.ui.auction_dialog import ScheduleAuctionDialog
from app.ui.auction_window import HistoryModel, RankingModel
from app.ui.widgets import set_ist_moment
from domain.timefmt import iso_utc, parse_iso
from tests.ui.conftest import shown_tab, signed_in
from tests.ui.test_bids_page import advance, demo_seller_category, published_bid, select, trader_user, wait_for_status

# docs/screenshots.py runs this test with GEMDESK_SHOTS set to its folder: the pictures of the
# auction in the README come from this real auction. A plain test run writes nothing.
SHOTS = os.environ.get("GEMDESK_SHOTS")
STEP = 1_000_00  # the decrement: Rs 1,000 on the whole bid
START = 40 * 17_000_00  # the bid stage's L1: the demo seller's 40 almirahs at Rs 17,000


@pytest.fixture
def server_env() -> dict[str, str]:
    return {"GEMDESK_SERVER_TEST_CLOCK": "1"}


def shot(widget, name: str) -> None:
    if SHOTS:
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def auctions_tab(qtbot, window):
    return shown_tab(qtbot, window, window.auctions)


def remaining_seconds(text: str) -> int:
    """"12:34 left" or "01:02:03 left" as seconds."""
    parts = [int(p) for p in re.search(r"([\d:]+) left", text).group(1).split(":")]
    while len(parts) < 3:
        parts.insert(0, 0)
    return parts[0] * 3600 + parts[1] * 60 + parts[2]


def server_now(api):
    """The server's clock, the test's (GET /api/v1/time is the wall clock; auction answers carry the server's)."""
    return parse_iso(api.get("/api/v1/auctions")["server_time"])


def open_live(qtbot, page, auction_id: str):
    qtbot.waitUntil(lambda: page.select_auction(auction_id), timeout=10_000)
    view = page.live
    qtbot.waitUntil(lambda: view.auction is not None and view.auction["id"] == auction_id and view.polls > 0,
                    timeout=10_000)
    return view


def bid_in(qtbot, view, rupees: str, monkeypatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    qtbot.waitUntil(view.bid_button.isEnabled, timeout=10_000)
    view.price.setText(rupees)
    view.bid_button.click()
    qtbot.waitUntil(lambda: not view.sending, timeout=15_000)


def test_a_live_auction_through_the_windows(qtbot, desks, server, monkeypatch):
    category = demo_seller_category(server)
    trader_user(server, "ra-trader")
    buyer = desks.open("buyer")
    buyer_window = signed_in(qtbot, buyer, server, "demo-buyer")
    title = f"Almirahs by auction {uuid.uuid4().hex[:6]}"
    bid_id = published_bid(qtbot, desks, server, buyer, title, category, ra_enabled=True, ra_rule="h1_elimination")
    sellers = {}
    for name, username, price in (("seller", "demo-seller", 17_000_00), ("trader", "ra-trader", 18_000_00)):
        desk = desks.open(name)
        signed_in(qtbot, desk, server, username)
        desk.workspace.procurement.submit_offer(bid_id, {"local_content_pct": 60, "items": {
            "1": {"unit_price_paise": price, "listing_id": None, "compliance": {}}}})
        desk.workspace.sync()
        assert desk.workspace.procurement.requests(("rejected",)) == []
        sellers[name] = desk
    advance(server, timedelta(days=12, minutes=31).total_seconds())
    bids_page = shown_tab(qtbot, buyer_window, buyer_window.bids)
    wait_for_status(qtbot, buyer, bids_page, title, "financial_evaluation")

    # The clerk schedules the auction from the bid: to start in two minutes, for 30 minutes, showing
    # sellers the L1 price. The dialog checks as the clerk types, by the server's clock.
    api = buyer.workspace.api()
    select(qtbot, bids_page, title)
    schedule = bids_page.actions["schedule_auction"]
    qtbot.waitUntil(schedule.isVisible, timeout=10_000)
    schedule.click()
    qtbot.waitUntil(lambda: bids_page.findChild(ScheduleAuctionDialog) is not None, timeout=10_000)
    dialog = bids_page.findChild(ScheduleAuctionDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.start_price.text() == "6,80,000" and ok.isEnabled()  # the bid stage's L1
    dialog.start_price.setText("6,90,000")
    assert not ok.isEnabled() and "cannot be above the bid stage's L1" in dialog.problems_shown["start_price"].text()
    dialog.start_price.setText("6,80,000")
    start = server_now(api).replace(second=0, microsecond=0) + timedelta(minutes=2)
    set_ist_moment(dialog.start_at, start)
    dialog.duration.setValue(30)
    dialog.decrement_kind.setCurrentIndex(dialog.decrement_kind.findData("amount"))
    dialog.decrement_value.setText("1,000")
    dialog.extension_window.setValue(2)
    dialog.max_extensions.setValue(2)
    assert dialog.visibility.currentData() == "rank_and_l1"
    assert "at least Rs 1,000.00 below" in dialog.summary.text()
    dialog.resize(640, 420)
    shot(dialog, "auction-schedule")
    ok.click()
    qtbot.waitUntil(lambda: any(a["bid_id"] == bid_id for a in api.get("/api/v1/auctions")["auctions"]),
                    timeout=30_000)
    scheduled = next(a for a in api.get("/api/v1/auctions")["auctions"] if a["bid_id"] == bid_id)
    auction_id = scheduled["id"]
    assert scheduled["rules"]["start_price_paise"] == START and scheduled["start_at"] == iso_utc(start)
    assert scheduled["rules"]["decrement"]["paise"] == STEP and scheduled["rules"]["max_extensions"] == 2
    qtbot.waitUntil(lambda: bids_page.actions["open_auction"].isVisible(), timeout=15_000)
    assert not bids_page.actions["award"].isVisible() and not bids_page.actions["schedule_auction"].isVisible()

    # The seller finds it in its Auctions tab, upcoming, with a countdown to the start.
    seller = sellers["seller"]
    seller_page = auctions_tab(qtbot, seller.window)
    assert [a["id"] for a in seller_page.model.auctions] == [auction_id]
    assert seller_page.model.index(0, 1).data() == "Upcoming"
    assert seller_page.model.index(0, 3).data().startswith("starts in ")
    view = open_live(qtbot, seller_page, auction_id)
    assert not view.bid_button.isEnabled()  # not started yet
    advance(server, (start - server_now(api)).total_seconds() + 1)
    qtbot.waitUntil(lambda: view.auction["status"] == "live", timeout=10_000)

    # The bid box suggests the highest price the server takes; the seller bids it, confirmed.
    qtbot.waitUntil(lambda: view.price.text() == "6,79,000", timeout=10_000)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes))
    view.bid_button.click()
    qtbot.waitUntil(lambda: not view.sending, timeout=15_000)
    assert asked and "Rs 6,79,000.00" in asked[0]
    assert view.answer.text().startswith("Accepted: Rs 6,79,000.00"), view.answer.text()
    qtbot.waitUntil(lambda: "My rank: L1" in view.standing.text(), timeout=10_000)
    assert "Current L1: Rs 6,79,000.00" in view.standing.text()
    assert view.history_model.rowCount() == 1

    advance(server, 240)  # four minutes on
    # The trader ties with L1: refused, with the server's sentence; then it goes lower.
    trader = sellers["trader"]
    trader_view = open_live(qtbot, auctions_tab(qtbot, trader.window), auction_id)
    bid_in(qtbot, trader_view, "6,79,000", monkeypatch)
    assert trader_view.answer.text().startswith("Not accepted: "), trader_view.answer.text()
    assert len(trader_view.answer.text()) > len("Not accepted: ") + 10  # a sentence, not a code
    assert trader_view.answer.isVisible()
    bid_in(qtbot, trader_view, "6,78,000", monkeypatch)
    qtbot.waitUntil(lambda: "My rank: L1" in trader_view.standing.text(), timeout=10_000)

    # The seller, polling, learns it was outbid: its rank, and a notification.
    qtbot.waitUntil(lambda: "My rank: L2" in view.standing.text(), timeout=10_000)
    assert any("outbid" in text for _title, text in view.notifications)
    assert "Current L1: Rs 6,78,000.00" in view.standing.text()
    # A bid too close to its own last: refused with the sentence.
    bid_in(qtbot, view, "6,78,800", monkeypatch)
    assert view.answer.text().startswith("Not accepted: ")
    view.resize(900, 760)
    shot(view, "auction-seller")

    # The clerk's view: the ranking and every bid under aliases, never the firms' names.
    buyer_page = auctions_tab(qtbot, buyer_window)
    buyer_view = open_live(qtbot, buyer_page, auction_id)
    qtbot.waitUntil(lambda: buyer_view.ranking_model.rowCount() == 2, timeout=10_000)
    shown = [[buyer_view.ranking_model.index(r, c).data() for c in range(len(RankingModel.COLUMNS))]
             for r in range(2)]
    assert [row[0] for row in shown] == ["L1", "L2"]
    assert all(row[1].startswith("Bidder ") for row in shown)
    assert [row[2] for row in shown] == ["Rs 6,78,000.00", "Rs 6,79,000.00"]
    history = [buyer_view.history_model.index(r, HistoryModel.COLUMNS.index("bidder")).data()
               for r in range(buyer_view.history_model.rowCount())]
    assert len(history) == 2 and all(name.startswith("Bidder ") for name in history)
    everything = " ".join(str(buyer_view.ranking_model.index(r, c).data()) for r in range(2) for c in range(3))
    assert "Mahamaya" not in everything and "Demo Seller" not in everything
    assert not buyer_view.bid_box.isVisible()
    buyer_view.resize(900, 760)
    shot(buyer_view, "auction-buyer")

    # An accepted bid in the last two minutes extends the auction: announced in the view.
    ends = parse_iso(view.auction["ends_at"])
    advance(server, (ends - server_now(api) - timedelta(seconds=60)).total_seconds())
    bid_in(qtbot, trader_view, "6,77,000", monkeypatch)
    qtbot.waitUntil(lambda: "extended to" in view.announcement.text(), timeout=10_000)
    assert view.announcement.isVisible()
    assert any("extended" in title for title, _text in view.notifications)

    # This computer's clock is wrong by minutes: the countdown is still the server's.
    monkeypatch.setattr(auctions_core, "local_now", lambda: auctions_core.datetime.now(auctions_core.timezone.utc)
                        + timedelta(minutes=7))
    polls = view.polls
    qtbot.waitUntil(lambda: view.polls > polls + 1, timeout=10_000)
    server_left = (parse_iso(view.auction["ends_at"]) - server_now(api)).total_seconds()
    qtbot.wait(1100)  # a tick redraws the countdown
    assert abs(remaining_seconds(view.countdown.text()) - server_left) <= 3, (view.countdown.text(), server_left)

    # Offline: the view says so and bidding is disabled; nothing is queued.
    offset = server_now(api) - datetime.now(timezone.utc)  # the test clock's lead, lost with the process
    server.stop()
    try:
        qtbot.waitUntil(lambda: view.offline_label.isVisible(), timeout=30_000)
        assert view.offline_label.text().startswith("Offline: bidding needs a connection")
        assert not view.bid_button.isEnabled() and not view.price.isEnabled()
        assert seller.workspace.procurement.requests() == []
    finally:
        server.start()
        advance(server, int(offset.total_seconds()))
    qtbot.waitUntil(lambda: not view.offline_label.isVisible(), timeout=30_000)  # back by itself
    qtbot.waitUntil(view.bid_button.isEnabled, timeout=10_000)

    # The close: announced to the seller; the clerk reads the result and the savings.
    advance(server, int((parse_iso(view.auction["ends_at"]) - server_now(api)).total_seconds()) + 2)
    qtbot.waitUntil(lambda: view.auction["status"] == "closed", timeout=15_000)
    assert "closed" in view.announcement.text() and not view.bid_button.isEnabled()
    assert any("closed" in title for title, _text in view.notifications)
    qtbot.waitUntil(lambda: buyer_view.auction["status"] == "closed" and "Saved:" in buyer_view.standing.text(),
                    timeout=15_000)
    assert "L1: Rs 6,77,000.00 by Bidder " in buyer_view.standing.text()
    assert "Rs 3,000.00 against the start price" in buyer_view.standing.text(), buyer_view.standing.text()
    assert not view.award_button.isVisible()  # the seller has no award to make

    # The award at the auction's prices: from the auction's view to the bid, evaluated again. The
    # trader (not an MSE) is L1 at Rs 6,77,000 (Rs 16,925 an almirah); the demo seller, an MSE
    # within 15%, is invited to match it for a quarter and accepts from its desktop.
    qtbot.waitUntil(buyer_view.award_button.isVisible, timeout=5_000)
    buyer_view.award_button.click()
    assert buyer_window.tabs.currentWidget() is bids_page
    qtbot.waitUntil(lambda: bids_page.current is not None and bids_page.current["id"] == bid_id
                    and (bids_page.current_evaluation.get("reverse_auction") or {}).get("closed"), timeout=15_000)
    html = bids_page.evaluation.view.toPlainText()
    assert f"Evaluated at the final prices of reverse auction {scheduled['number']}." in html
    assert "Rs 6,77,000.00" in html
    buyer_window.resize(1280, 800)
    bids_page.detail_tabs.setCurrentWidget(bids_page.evaluation)
    shot(buyer_window, "auction-award")
    seller.workspace.procurement.answer_match(bid_id, "all", True)
    seller.workspace.sync()
    assert seller.workspace.procurement.requests(("rejected",)) == []
    answered = api.get(f"/api/v1/bids/{bid_id}")["version"]  # the answer changed the bid
    bids_page.reload()
    qtbot.waitUntil(lambda: bids_page.current["version"] == answered and bids_page.actions["award"].isVisible(),
                    timeout=15_000)
    bids_page.actions["award"].click()
    wait_for_status(qtbot, buyer, bids_page, title, "awarded")
    orders = {o["seller_id"]: o for o in api.get("/api/v1/orders")["orders"] if o.get("bid_id") == bid_id}
    lines = sorted((line["quantity"], line["unit_price_paise"], line["rule"]) for o in orders.values()
                   for line in o["lines"])
    assert lines == [(10, 16_925_00, "MSE_MATCH"), (30, 16_925_00, "L1")]

    # The core's follower, resumed from nothing, reads the whole log in order and stops at the close.
    updates = list(auctions_core.follow(api, auction_id, threading.Event(), after=0, every=0))
    events = [event for update in updates for event in update.events]
    assert [event["seq"] for event in events] == list(range(1, len(events) + 1))
    assert events[0]["kind"] == "scheduled" and events[-1]["kind"] == "closed"
    assert [e["price_paise"] for e in events if e["kind"] == "accepted"] == [679_000_00, 678_000_00, 677_000_00]
    assert desks.crashes == []


def test_the_countdown_text():
    assert auctions_core.countdown_text(timedelta(minutes=3, seconds=4)) == "03:04"
    assert auctions_core.countdown_text(timedelta(hours=2, minutes=3, seconds=4)) == "02:03:04"
    assert auctions_core.countdown_text(timedelta(days=1, hours=2, seconds=4)) == "1d 02:00:04"


def test_notices_name_being_outbid_extensions_and_the_close():
    events = [{"kind": "accepted", "my_rank": 1}, {"kind": "ranking_changed", "my_rank": 2},
              {"kind": "extended", "ends_at": "2026-12-01T10:00:00Z"}, {"kind": "closed", "my_rank": 2}]
    found, rank = auctions_core.notices(events, None)
    assert [n["kind"] for n in found] == ["outbid", "extended", "closed"] and rank == 2


def test_the_auction_models_pass_qts_model_tester(qtmodeltester):
    ranking = RankingModel()
    ranking.set_rows([{"rank": 1, "bidder": "Bidder 2", "price_paise": 100}])
    qtmodeltester.check(ranking)
    history = HistoryModel()
    history.set_rows([{"seq": 1, "bidder": "Bidder 2", "price_paise": 100, "at": "2026-12-01T10:00:00Z"}])
    qtmodeltester.check(history)

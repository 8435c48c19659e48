"""The Bids page through the real windows, against a real server whose clock the test moves:
a clerk drafts a bid in the bid form and sends it for approval, the officer approves it on
their desktop, the demo seller makes an offer, the bid opens, and the clerk sees the
evaluation and awards."""

from __future__ import annotations

import json
import uuid
from datetime import timedelta

import pytest
import requests
from PySide6.QtCore import QDateTime, QTimeZone, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog

from app.ui.bid_form import BidForm
from app.ui.bids_page import BidsModel, NegotiationDialog, OfferDialog, bids_matching, consignee_districts
from domain.bid_json import bid_from_json, evaluation_json
from domain.evaluation import evaluate
from domain.timefmt import parse_iso
from server.security import hash_password
from tests.ui.conftest import PASSWORD, shown_tab, signed_in, wait_for_sync


@pytest.fixture
def server_env() -> dict[str, str]:
    return {"GEMDESK_SERVER_TEST_CLOCK": "1"}


def bids_tab(qtbot, window):
    return shown_tab(qtbot, window, window.bids)


def row_of(page, title: str) -> int:
    titles = [bid.get("title") for bid in page.model.bids]
    return titles.index(title) if title in titles else -1


def wait_for_status(qtbot, desk, page, title: str, status: str) -> None:
    def there() -> bool:
        row = row_of(page, title)
        return row >= 0 and page.model.bids[row]["status"] == status

    def again() -> bool:
        if not there():
            desk.controller.sync_now()
            wait_for_sync(qtbot, desk)
            page.reload()
            qtbot.wait(300)
        return there()

    qtbot.waitUntil(again, timeout=30_000)


def select(qtbot, page, title: str) -> None:
    page.table.selectRow(row_of(page, title))
    qtbot.waitUntil(lambda: page.current is not None and page.current.get("title") == title
                    and "version" in page.current and page.timeline.isVisibleTo(page) is not None, timeout=10_000)
    qtbot.wait(500)  # the details arrive from the marketplace


def published_bid(qtbot, desks, server, buyer, title: str, category: int, key_specs: dict | None = None,
                  **fields) -> str:
    """A bid of 40 almirahs for Raipur, drafted on the clerk's desktop and approved (so
    published) on the officer's; ends 12 days from the server's now. Its id."""
    now = parse_iso(buyer.workspace.api().get("/api/v1/time")["now"])
    clerk = buyer.workspace.procurement
    bid_id = clerk.draft_bid({"title": title, "min_offers": 1, "estimated_value_paise": 7_20_000_00,
                              "end_at": (now + timedelta(days=12)).isoformat(),
                              "items": [{"id": "1", "name": "Almirah", "category_id": category, "key_specs": key_specs or {},
                                         "consignees": [{"district": "Raipur", "quantity": 40, "delivery_days": 30}]}],
                              **fields})
    clerk.send_for_approval(bid_id)
    buyer.workspace.sync()
    approver = desks.open("approver")
    signed_in(qtbot, approver, server, "demo-approver")
    approver.workspace.procurement.approve(bid_id, 2, "ok")
    approver.workspace.sync()
    return bid_id


def trader_user(server, username: str) -> None:
    """A seller user for the demo marketplace's first large trader (not an MSE): an L1 beside
    demo-seller, a micro manufacturer (the demo seeds one seller user only)."""
    firm = server.query("SELECT id FROM seller_firms WHERE mse_class = 'none' AND nature = 'trader' "
                        "ORDER BY id LIMIT 1")[0][0]
    server.execute("INSERT INTO users (username, display_name, password_hash, role, seller_firm_id, active, created_at) "
                   "VALUES (:u, :u, :p, 'seller', :f, 1, '2026-01-01 00:00:00')",
                   u=username, p=hash_password(PASSWORD), f=firm)


def demo_seller_category(server) -> int:
    """A category where the demo seller has a listing: its bids are among the seller's."""
    return server.query("SELECT l.category_id FROM listings l JOIN users u ON u.seller_firm_id = l.seller_firm_id "
                        "WHERE u.username = 'demo-seller' AND l.status = 'published' LIMIT 1")[0][0]


def advance(server, seconds: float) -> None:
    session = requests.Session()
    token = session.post(f"{server.url}/api/v1/auth/login", json={"username": "demo-admin", "password": PASSWORD}).json()
    session.headers["Authorization"] = f"Bearer {token['access_token']}"
    answer = session.post(f"{server.url}/api/v1/test/clock", json={"advance_seconds": int(seconds)})
    assert answer.ok, answer.text


def test_a_bid_through_the_windows(qtbot, desks, server, monkeypatch, tmp_path):
    title = f"Steel almirahs {uuid.uuid4().hex[:6]}"
    seller_category = demo_seller_category(server)

    # The clerk drafts the bid in the form, then sends it for approval.
    buyer = desks.open("buyer")
    window = signed_in(qtbot, buyer, server, "demo-buyer")
    page = bids_tab(qtbot, window)
    assert not page.filters.isVisibleTo(page)  # the district and value filters are the seller's
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    form = page.findChild(BidForm)
    assert form is not None and form.isVisible()
    form.inputs["title"].setText(title)
    form.inputs["estimated_value_paise"].setText("7,20,000")
    assert "L1 purchase: allowed" in form.verdict_label.text()
    form.inputs["min_offers"].setValue(1)
    form.inputs["end_at"].setDateTime(QDateTime.currentDateTimeUtc().addDays(12).toTimeZone(QTimeZone(5 * 3600 + 1800)))
    item = form.item_editors[0]
    item.name.setText("Steel almirah")
    item.category.setCurrentIndex(item.category.findData(seller_category))
    item.consignee_rows[0].district.setText("Raipur")
    item.consignee_rows[0].quantity.setValue(40)
    assert form.problems() == {}, form.problems()
    form._save()
    wait_for_status(qtbot, buyer, page, title, "draft")
    select(qtbot, page, title)
    assert page.actions["send"].isVisible()
    qtbot.mouseClick(page.actions["send"], Qt.MouseButton.LeftButton)
    wait_for_status(qtbot, buyer, page, title, "awaiting_approval")
    assert not page.actions["approve"].isVisible()  # the clerk cannot approve

    # The officer approves on their own desktop, with a remark.
    approver = desks.open("approver")
    officer_window = signed_in(qtbot, approver, server, "demo-approver")
    officer_page = bids_tab(qtbot, officer_window)
    wait_for_status(qtbot, approver, officer_page, title, "awaiting_approval")
    # What waits for the officer is counted on the tab, seen from any tab.
    waiting = sum(1 for bid in officer_page.all_bids if bid["status"] == "awaiting_approval")
    assert officer_window.tabs.tabText(officer_window.tabs.indexOf(officer_page)) == f"Bids ({waiting})"
    select(qtbot, officer_page, title)
    monkeypatch.setattr(QInputDialog, "getMultiLineText", staticmethod(lambda *args, **kwargs: ("Funds under head 31", True)))
    qtbot.mouseClick(officer_page.actions["approve"], Qt.MouseButton.LeftButton)
    wait_for_status(qtbot, approver, officer_page, title, "published")

    # The demo seller sees it among the bids for them and offers.
    seller = desks.open("seller")
    seller_page = bids_tab(qtbot, signed_in(qtbot, seller, server, "demo-seller"))
    wait_for_status(qtbot, seller, seller_page, title, "published")
    assert seller_page.filters.isVisibleTo(seller_page) and "Raipur" in \
        [seller_page.district.itemText(i) for i in range(seller_page.district.count())]
    select(qtbot, seller_page, title)
    qtbot.mouseClick(seller_page.actions["offer"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: seller_page.findChild(OfferDialog) is not None, timeout=10_000)  # after its listings are read
    offer = seller_page.findChild(OfferDialog)
    offer.prices["1"].setText("17,500")
    offer.local.setValue(60)
    offer.accept()
    qtbot.waitUntil(lambda: seller.workspace.procurement.waiting() == 0 and
                    seller.workspace.procurement.requests(("done",)) != [], timeout=20_000)

    # The end and the opening, by the server's clock; the clerk evaluates and awards.
    bid = next(b for b in page.model.bids if b["title"] == title)
    end = parse_iso(buyer.workspace.api().get("/api/v1/time")["now"])
    advance(server, (parse_iso(bid["end_at"]) - end + timedelta(minutes=31)).total_seconds())
    wait_for_status(qtbot, buyer, page, title, "financial_evaluation")
    select(qtbot, page, title)
    qtbot.waitUntil(lambda: "L1" in page.evaluation.view.toPlainText(), timeout=10_000)
    assert "Rs 7,00,000.00" in page.evaluation.view.toPlainText()  # 40 almirahs at Rs 17,500, in Indian format

    # The clerk negotiates with L1; the seller lowers its price to Rs 17,000 in its window.
    assert page.actions["negotiate"].isVisible()
    monkeypatch.setattr(QInputDialog, "getMultiLineText", staticmethod(lambda *a, **k: ("Rs 17,000 fits the budget", True)))
    qtbot.mouseClick(page.actions["negotiate"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: buyer.workspace.procurement.waiting() == 0 and
                    buyer.workspace.procurement.requests(("rejected",)) == [], timeout=20_000)
    select(qtbot, seller_page, title)

    def round_open() -> bool:
        seller_page.reload()
        qtbot.wait(300)
        select(qtbot, seller_page, title)
        return seller_page.actions["answer_negotiation"].isVisible()

    qtbot.waitUntil(round_open, timeout=30_000)  # (the bid stays in the seller's list: it offered)
    assert "Rs 17,000 fits the budget" in seller_page.negotiations[0]["note"]
    qtbot.mouseClick(seller_page.actions["answer_negotiation"], Qt.MouseButton.LeftButton)
    answer = seller_page.findChild(NegotiationDialog)
    answer.prices["1"].setText("18,000")  # above the price before: refused in the dialog
    assert not answer.buttons.button(answer.buttons.StandardButton.Ok).isEnabled()
    answer.prices["1"].setText("17,000")
    answer.accept()
    qtbot.waitUntil(lambda: seller.workspace.procurement.waiting() == 0 and
                    len(seller.workspace.procurement.requests(("done",))) == 2, timeout=20_000)
    assert seller.workspace.procurement.requests(("rejected",)) == []

    def lowered() -> bool:
        page.reload()
        qtbot.wait(300)
        select(qtbot, page, title)
        return "Rs 6,80,000.00" in page.evaluation.view.toPlainText()

    qtbot.waitUntil(lowered, timeout=30_000)
    assert "price lowered" in page.summary.toPlainText()
    assert page.actions["award"].isVisible()
    qtbot.mouseClick(page.actions["award"], Qt.MouseButton.LeftButton)
    wait_for_status(qtbot, buyer, page, title, "awarded")
    select(qtbot, page, title)
    qtbot.waitUntil(lambda: page.timeline.entries and page.timeline.entries[-1].history_event["action"] == "awarded",
                    timeout=10_000)
    events = [entry.history_event for entry in page.timeline.entries]
    approval = next(event for event in events if event["action"] == "approved and published")
    assert approval["who"] == "demo-approver" and approval["note"] == "Funds under head 31"
    # Exported for audit, the bid re-evaluates to the same award without the app.
    exported = tmp_path / "audit.json"
    offered = []

    def save_name(parent, caption, default, *rest):
        offered.append(default)
        return str(exported), ""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    qtbot.mouseClick(page.actions["export"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.message.text().startswith("Saved for audit"), timeout=10_000)
    from PySide6.QtCore import QStandardPaths
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert offered[0].startswith(documents) and page.message.text() == f"Saved for audit: {exported}"
    document = json.loads(exported.read_text(encoding="utf-8"))
    awards = evaluation_json(evaluate(*bid_from_json(document)))["awards"]
    assert [(line["quantity"], line["unit_price_paise"]) for line in awards] == [(40, 17_000_00)]
    orders = buyer.workspace.api().get("/api/v1/orders")["orders"]
    assert any(o["bid_id"] == bid["id"] and o["total_paise"] == 40 * 17_000_00 for o in orders)
    assert desks.crashes == []


def test_a_two_packet_bid_is_evaluated_technically_in_the_window(qtbot, desks, server, monkeypatch):
    """The clerk rejects an offer technically, with a reason the seller then reads."""
    category = demo_seller_category(server)
    buyer = desks.open("buyer")
    window = signed_in(qtbot, buyer, server, "demo-buyer")
    title = f"Two-packet almirahs {uuid.uuid4().hex[:6]}"
    clerk = buyer.workspace.procurement
    bid_id = published_bid(qtbot, desks, server, buyer, title, category, packets=2)
    seller = desks.open("seller")
    signed_in(qtbot, seller, server, "demo-seller")
    seller.workspace.procurement.submit_offer(bid_id, {"local_content_pct": 60, "items": {
        "1": {"unit_price_paise": 17_500_00, "listing_id": None, "compliance": {}}}})
    seller.workspace.sync()
    advance(server, timedelta(days=12, minutes=31).total_seconds())

    page = bids_tab(qtbot, window)
    wait_for_status(qtbot, buyer, page, title, "technical_evaluation")
    select(qtbot, page, title)
    qtbot.waitUntil(lambda: page.offer_list.count() == 1, timeout=10_000)
    assert "not decided" in page.offer_list.item(0).text() and "Rs" not in page.offer_list.item(0).text()
    page.offer_list.setCurrentRow(0)
    monkeypatch.setattr(QInputDialog, "getMultiLineText",
                        staticmethod(lambda *args, **kwargs: ("The almirah offered has 4 shelves, not 6", True)))
    qtbot.mouseClick(page.reject_offer, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: clerk.waiting() == 0 and clerk.requests(("done",))[-1].action == "technical", timeout=20_000)
    mine = seller.workspace.procurement.my_offer(seller.workspace.api(), bid_id)
    assert mine["technical_status"] == "rejected" and mine["technical_reason"] == "The almirah offered has 4 shelves, not 6"
    # The seller reads the decision and its reason in its window, beside its offer's receipt.
    seller_page = bids_tab(qtbot, seller.window)
    wait_for_status(qtbot, seller, seller_page, title, "technical_evaluation")
    select(qtbot, seller_page, title)
    qtbot.waitUntil(lambda: "rejected: The almirah offered has 4 shelves, not 6" in seller_page.summary.toPlainText(),
                    timeout=10_000)
    assert mine["receipt"] in seller_page.summary.toPlainText()


def test_an_mse_declines_to_match_l1_in_the_window(qtbot, desks, server):
    """A trader is L1; the demo seller, a micro manufacturer within 15%, is invited to match
    and declines from its window; the award then goes to L1 alone."""
    category = demo_seller_category(server)
    trader_user(server, "l1-trader")
    buyer = desks.open("buyer")
    signed_in(qtbot, buyer, server, "demo-buyer")
    title = f"Almirahs to match {uuid.uuid4().hex[:6]}"
    clerk = buyer.workspace.procurement
    bid_id = published_bid(qtbot, desks, server, buyer, title, category)
    for name, username, price in (("trader", "l1-trader", 17_000_00), ("seller", "demo-seller", 18_500_00)):
        desk = desks.open(name)
        signed_in(qtbot, desk, server, username)
        desk.workspace.procurement.submit_offer(bid_id, {"local_content_pct": 10, "items": {
            "1": {"unit_price_paise": price, "listing_id": None, "compliance": {}}}})
        desk.workspace.sync()
    seller = desk
    advance(server, timedelta(days=12, minutes=31).total_seconds())

    page = bids_tab(qtbot, seller.window)
    wait_for_status(qtbot, seller, page, title, "financial_evaluation")
    select(qtbot, page, title)
    qtbot.waitUntil(lambda: page.actions["decline_match"].isVisible(), timeout=10_000)
    assert page.actions["accept_match"].isVisible()
    qtbot.mouseClick(page.actions["decline_match"], Qt.MouseButton.LeftButton)
    procurement = seller.workspace.procurement
    qtbot.waitUntil(lambda: procurement.waiting() == 0 and procurement.requests(("done",))[-1].action == "match",
                    timeout=20_000)
    assert procurement.requests(("rejected",)) == []
    answer = procurement.evaluation(seller.workspace.api(), bid_id)["invitations"][0]["answer"]
    assert answer == "declined"
    awards = clerk.evaluation(buyer.workspace.api(), bid_id)["evaluation"]["awards"]
    assert [(line["quantity"], line["unit_price_paise"]) for line in awards] == [(40, 17_000_00)]
    assert desks.crashes == []


def test_the_bids_model_passes_qts_model_tester(qtmodeltester):
    model = BidsModel()
    model.set_rows([{"id": "1", "number": "GEM/2026/B/6000001", "title": "Beds", "status": "published",
                     "estimated_value_paise": 45_000_000, "end_at": "2026-12-10T09:30:00Z"},
                    {"id": "2", "number": None, "title": "Chairs", "status": "waiting", "estimated_value_paise": 10,
                     "end_at": "2026-12-11T09:30:00Z"}])
    qtmodeltester.check(model)


def test_bids_for_me_match_a_district_however_it_is_written_and_a_value():
    bids = [{"id": "1", "estimated_value_paise": 5_00_000_00,
             "items": [{"consignees": [{"district": "Janjgir-Champa"}, {"district": "Raipur"}]}]},
            {"id": "2", "estimated_value_paise": 20_00_000_00, "items": [{"consignees": [{"district": "Raigarh"}]}]},
            {"id": "3", "estimated_value_paise": 1_00_000_00, "items": [{"consignees": [{"district": "raipur"}]}]}]
    ids = lambda found: [bid["id"] for bid in found]  # noqa: E731
    assert consignee_districts(bids) == ["Janjgir-Champa", "Raigarh", "Raipur"]  # each once
    assert ids(bids_matching(bids, "janjgir champa", None)) == ["1"]
    assert ids(bids_matching(bids, "RAIPUR", None)) == ["1", "3"]  # a whole name: that district only
    assert ids(bids_matching(bids, "Rai", None)) == ["1", "2", "3"]  # still typing: names that start so
    assert ids(bids_matching(bids, None, 5_00_000_00)) == ["1", "3"]  # up to, inclusive
    assert ids(bids_matching(bids, "Raipur", 2_00_000_00)) == ["3"]
    assert ids(bids_matching(bids, "Bastar", None)) == []

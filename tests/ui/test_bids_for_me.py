"""A seller's "bids for me" in the window: the published bids in their categories, narrowed
by a consignee's district and the value on this computer, and still readable, with the
bid document's fields, when the marketplace goes away (and on the next start, offline)."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from PySide6.QtWidgets import QApplication

from app.procurement import Procurement
from domain.timefmt import parse_iso
from tests.ui.conftest import signed_in
from tests.ui.test_bids_page import demo_seller_category

SCREENSHOT = "/tmp/bids-for-me.png"


def publish(device, server, bids: list[tuple[str, int, list[tuple[str, int]]]]) -> list[str]:
    """(title, estimated value in paise, [(district, quantity)]) bids in a category where the
    demo seller has a listing, drafted by the clerk and published by the officer."""
    category = demo_seller_category(server)
    clerk, officer = device("demo-buyer"), device("demo-approver")
    now = parse_iso(clerk.session.api.get("/api/v1/time")["now"])
    drafting = Procurement(clerk.outbox)
    ids = []
    for title, value, consignees in bids:
        bid_id = drafting.draft_bid({
            "title": title, "estimated_value_paise": value, "end_at": (now + timedelta(days=12)).isoformat(),
            "min_offers": 1, "epbg_bp": 300, "emd": {"mode": "amount", "amount_paise": value * 3 // 100, "mse_startup_exempt": True},
            "items": [{"id": "1", "name": "Steel almirah, 6 shelves", "category_id": category, "key_specs": {},
                       "consignees": [{"district": d, "quantity": q, "delivery_days": 30} for d, q in consignees]}]})
        drafting.send_for_approval(bid_id)
        ids.append(bid_id)
    clerk.sync()
    approving = Procurement(officer.outbox)
    for bid_id in ids:
        approving.approve(bid_id, 2, "Funds under head 31")
    officer.sync()
    return ids


def bids_page(qtbot, window):
    page = window.bids
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.loads > 0 and not page.message.text().startswith("Loading"), timeout=30_000)
    return page


def titles(page) -> set[str]:
    return {bid["title"] for bid in page.model.bids}


def choose(qtbot, page, title: str) -> None:
    row = [bid["title"] for bid in page.model.bids].index(title)
    page.table.selectRow(row)
    qtbot.waitUntil(lambda: page.current is not None and page.current["title"] == title, timeout=5_000)


@pytest.fixture
def three_bids(device, server):
    tag = uuid.uuid4().hex[:4]
    names = {"raipur": f"Almirahs for Raipur {tag}", "durg": f"Almirahs for Durg {tag}",
             "both": f"Almirahs for Raipur and Bilaspur {tag}"}
    publish(device, server, [(names["raipur"], 7_20_000_00, [("Raipur", 40)]),
                             (names["durg"], 3_00_000_00, [("Durg", 16)]),
                             (names["both"], 15_00_000_00, [("Raipur", 50), ("Bilaspur", 30)])])
    return names


def test_a_seller_narrows_the_bids_for_them_and_reads_them_offline(qtbot, desks, server, three_bids):
    desk = desks.open("seller-desk")
    window = signed_in(qtbot, desk, server, "demo-seller")
    window.resize(1400, 820)
    page = bids_page(qtbot, window)
    qtbot.waitUntil(lambda: set(three_bids.values()) <= titles(page), timeout=10_000)
    assert page.filters.isVisibleTo(page) and not page.list_note.isVisibleTo(page)
    assert page.count_label.text() == "3 of 3 bids"
    assert [page.district.itemText(i) for i in range(page.district.count())] == ["Any district", "Bilaspur", "Durg", "Raipur"]

    # By district (chosen, or typed in any case), by value, and both; the count says how many.
    page.district.setCurrentIndex(page.district.findText("Raipur"))
    assert titles(page) == {three_bids["raipur"], three_bids["both"]} and page.count_label.text() == "2 of 3 bids"
    page.district.setEditText("bilaspur")
    assert titles(page) == {three_bids["both"]} and page.count_label.text() == "1 of 3 bids"
    page.district.setCurrentIndex(0)
    page.max_value.setText("7,20,000")
    assert titles(page) == {three_bids["raipur"], three_bids["durg"]} and page.count_label.text() == "2 of 3 bids"
    page.district.setEditText("Raipur")
    assert titles(page) == {three_bids["raipur"]} and page.count_label.text() == "1 of 3 bids"
    page.max_value.setText("seven lakh")
    assert page.value_problem.isVisibleTo(page) and page.count_label.text() == "2 of 3 bids"  # Raipur, any value
    page.max_value.setText("10,00,000")
    assert not page.value_problem.isVisibleTo(page)

    # The bid document's fields, and its timeline (read once while online: kept).
    choose(qtbot, page, three_bids["raipur"])
    qtbot.waitUntil(lambda: bool(page.timeline.entries and page.detail_source and page.detail_source[1]), timeout=10_000)
    summary = page.summary.toPlainText()
    for expected in ("Raipur: 40, delivery within 30 days", "Rs 7,20,000.00", "EMD", "Rs 21,600.00 (MSEs and startups exempt)",
                     "3% of the order value", "Total value of all items", "Single packet",
                     "MSEs within 15% of L1 may match it for 25% of the quantity", " IST"):
        assert expected in summary, (expected, summary)
    assert page.actions["offer"].isVisible()

    # The marketplace goes away: a reload keeps the list, says so, and the filters still work.
    server.stop()
    loads = page.loads
    with qtbot.waitSignal(page.unreachable, timeout=30_000):  # the window may say "Offline" too
        page.reload()
    qtbot.waitUntil(lambda: page.loads > loads, timeout=30_000)
    assert page.list_note.isVisibleTo(page)
    note = page.list_note.text()
    assert note.startswith("Offline: shown as of ") and note.endswith(" IST."), note
    assert titles(page) == {three_bids["raipur"]} and page.count_label.text() == "1 of 3 bids"
    page.district.setCurrentIndex(0)
    page.max_value.clear()
    assert titles(page) >= set(three_bids.values()) and page.count_label.text() == "3 of 3 bids"
    # The bid read before shows its kept timeline; one never opened shows its fields from the list.
    choose(qtbot, page, three_bids["durg"])
    qtbot.waitUntil(lambda: page.detail_note.isVisibleTo(page), timeout=30_000)
    assert "were not kept on this computer" in page.detail_note.text()
    assert "Durg: 16, delivery within 30 days" in page.summary.toPlainText() and not page.timeline.entries
    choose(qtbot, page, three_bids["raipur"])
    qtbot.waitUntil(lambda: bool(page.timeline.entries) and page.detail_note.text().startswith("Offline: shown as of"),
                    timeout=30_000)
    assert page.actions["offer"].isVisible()  # an offer made offline waits in the outbox

    QApplication.processEvents()
    assert window.grab().save(SCREENSHOT)
    assert desks.crashes == []


def test_an_offline_start_shows_the_bids_kept_by_the_last_sync(qtbot, desks, server, three_bids):
    first = desks.open("seller-desk")
    signed_in(qtbot, first, server, "demo-seller")  # the sync keeps the list: the tab is never opened
    first.window.close()
    first.shutdown()
    desks.opened.remove(first)

    server.stop()
    again = desks.open("seller-desk")
    again.start()
    assert again.window is not None
    heard: list[bool] = []
    again.window.bids.unreachable.connect(lambda: heard.append(True))
    page = bids_page(qtbot, again.window)
    assert set(three_bids.values()) <= titles(page)
    assert page.list_note.isVisibleTo(page) and page.list_note.text().startswith("Offline: shown as of ")
    assert page.count_label.text() == "3 of 3 bids"
    assert heard == []  # no session yet: the sign-in's own attempt says whether the app is offline
    assert desks.crashes == []

"""The Orders page through the real windows of three desktops against a real server: the
clerk's direct purchase is approved by the officer in their Orders tab, auto-accepted, marked
delivered by the seller, received (CRAC) and paid by the office; each side sees the timeline,
the order document is saved as a PDF, and the orders stay readable offline."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from app.ui.orders_page import OrdersModel, StepDialog
from tests.ui.conftest import shown_tab, signed_in, wait_for_sync


def orders_tab(qtbot, window):
    return shown_tab(qtbot, window, window.orders)


def wait_for_order(qtbot, desk, page, order_id: str, status: str) -> dict:
    def current() -> dict | None:
        return next((o for o in page.model.orders if o["id"] == order_id and o["status"] == status), None)

    def again() -> bool:
        if current() is None:
            desk.controller.sync_now()
            wait_for_sync(qtbot, desk)
            page.reload()
            qtbot.wait(300)
        return current() is not None

    qtbot.waitUntil(again, timeout=30_000)
    return current()


def choose(qtbot, page, order_id: str) -> None:
    row = [o["id"] for o in page.model.orders].index(order_id)
    page.table.selectRow(row)
    qtbot.waitUntil(lambda: page.current is not None and page.current["id"] == order_id and bool(page.history),
                    timeout=10_000)


def click(qtbot, page, step: str) -> None:
    button = page.actions[step]
    assert button.isVisible(), f"{step} is not offered"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_an_order_from_approval_to_payment_in_the_windows(qtbot, desks, server, monkeypatch, tmp_path):
    listing_id, price = server.query(
        "SELECT l.id, l.price_paise FROM listings l JOIN users u ON u.seller_firm_id = l.seller_firm_id "
        "WHERE u.username = 'demo-seller' AND l.status = 'published' AND l.stock >= 2 AND l.min_order_qty = 1 "
        "AND l.price_paise <= 1000000 AND l.delivery_districts LIKE '%\"Raipur\"%' ORDER BY l.id LIMIT 1")[0]
    remarks = iter(["Budget head 31, within the direct limit", "Invoice INV-2211", "Received in good order",
                    "PFMS payment 7781"])
    monkeypatch.setattr(StepDialog, "ask", lambda dialog: (next(remarks), True))

    buyer = desks.open("buyer")
    buyer_window = signed_in(qtbot, buyer, server, "demo-buyer")
    order_id = buyer.workspace.procurement.purchase("direct", listing_id, 2, "Raipur")
    buyer.controller.sync_now()
    wait_for_sync(qtbot, buyer)

    # The officer's Orders tab lists what waits for them; the clerk's own order is there.
    officer = desks.open("approver")
    officer_page = orders_tab(qtbot, signed_in(qtbot, officer, server, "demo-approver"))
    officer_page.mine_only.setChecked(True)
    waiting = wait_for_order(qtbot, officer, officer_page, order_id, "awaiting_approval")
    assert waiting["total_paise"] == 2 * price
    choose(qtbot, officer_page, order_id)
    assert officer_page.actions["approve"].isVisible() and officer_page.actions["return"].isVisible()
    click(qtbot, officer_page, "approve")
    officer_page.mine_only.setChecked(False)  # once placed, nothing is left for the officer to do
    # A direct purchase is accepted by the marketplace as soon as it is placed.
    placed = wait_for_order(qtbot, officer, officer_page, order_id, "accepted")
    assert placed["number"].startswith("GEMC-")
    row = [o["id"] for o in officer_page.model.orders].index(order_id)
    assert officer_page.model.index(row, 0).data() == placed["number"]

    # The seller marks it delivered with the invoice number.
    seller = desks.open("seller")
    seller_page = orders_tab(qtbot, signed_in(qtbot, seller, server, "demo-seller"))
    wait_for_order(qtbot, seller, seller_page, order_id, "accepted")
    choose(qtbot, seller_page, order_id)
    assert not seller_page.actions["approve"].isVisible()
    click(qtbot, seller_page, "deliver")
    wait_for_order(qtbot, seller, seller_page, order_id, "delivered")

    # The office issues the CRAC: the payment falls due ten days later; then records the payment.
    buyer_page = orders_tab(qtbot, buyer_window)
    wait_for_order(qtbot, buyer, buyer_page, order_id, "delivered")
    choose(qtbot, buyer_page, order_id)
    click(qtbot, buyer_page, "receive")
    received = wait_for_order(qtbot, buyer, buyer_page, order_id, "received")
    assert received["payment_due_at"] and received["payment_days"] == 10
    choose(qtbot, buyer_page, order_id)
    assert "Payment due" in buyer_page.summary.toPlainText()
    click(qtbot, buyer_page, "pay")
    wait_for_order(qtbot, buyer, buyer_page, order_id, "paid")
    choose(qtbot, buyer_page, order_id)
    qtbot.waitUntil(lambda: len(buyer_page.history) >= 5, timeout=10_000)
    notes = " ".join(event.get("note") or "" for event in buyer_page.history)
    assert "Invoice INV-2211" in notes and "PFMS payment 7781" in notes
    assert len(buyer_page.timeline.entries) == len(buyer_page.history)

    # The order document.
    target = tmp_path / "order.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    click(qtbot, buyer_page, "pdf")
    assert target.read_bytes().startswith(b"%PDF")

    # Without the marketplace the orders and a timeline seen before stay readable, and say from when.
    server.stop()
    loads = buyer_page.loads
    buyer_page.reload()
    qtbot.waitUntil(lambda: buyer_page.loads > loads, timeout=60_000)
    assert order_id in [o["id"] for o in buyer_page.model.orders]
    assert "Offline: shown as of" in buyer_page.message.text()
    choose(qtbot, buyer_page, order_id)
    assert len(buyer_page.timeline.entries) >= 5
    assert desks.crashes == []


def test_the_orders_model_passes_qts_model_tester(qtmodeltester):
    model = OrdersModel("buyer")
    model.set_rows([{"id": "a", "number": "GEMC-2026-000001", "title": "Laptop", "seller_name": "Acme",
                       "total_paise": 70_000_00, "status": "placed", "payment_due_at": None},
                      {"id": "b", "number": None, "lines": [{"item": "Chair"}], "total_paise": 5_000_00,
                       "status": "awaiting_approval"}])
    qtmodeltester.check(model)
    assert model.index(1, 0).data() == "(not placed)" and model.index(1, 1).data() == "Chair"


def test_the_officer_opens_on_what_waits_and_sees_what_is_approved(qtbot, desks, server, monkeypatch, tmp_path):
    from app.ui.formats import money_in_words

    listing_id, title, price = server.query(
        "SELECT l.id, l.title, l.price_paise FROM listings l WHERE l.status = 'published' AND l.stock >= 4 "
        "AND l.min_order_qty = 1 AND l.price_paise <= 1000000 AND l.delivery_districts LIKE '%\"Raipur\"%' "
        "ORDER BY l.id LIMIT 1")[0]
    buyer = desks.open("buyer")
    signed_in(qtbot, buyer, server, "demo-buyer")
    orders = [buyer.workspace.procurement.purchase("direct", listing_id, quantity, "Raipur") for quantity in (1, 2)]
    buyer.controller.sync_now()
    wait_for_sync(qtbot, buyer)

    officer = desks.open("approver")
    window = signed_in(qtbot, officer, server, "demo-approver")
    page = window.orders
    assert window.tabs.currentWidget() is page  # the officer's day starts on the orders
    qtbot.waitUntil(lambda: page.loads > 0 and all(o in [r["id"] for r in page.model.orders] for o in orders),
                    timeout=20_000)
    waiting = sum(1 for o in page.model.orders if o["status"] == "awaiting_approval")
    assert waiting >= 2 and page.waiting.isVisible()
    assert page.waiting.text() == f"{waiting} purchases wait for your approval."
    assert window.tabs.tabText(window.tabs.indexOf(page)) == f"Orders ({waiting})"

    # The Seller of a purchase not yet approved says why it is empty; the Item is not cut.
    row = [o["id"] for o in page.model.orders].index(orders[1])
    seller = page.model.index(row, 2).data()
    assert seller.startswith("Named at approval · ") and "MSE" in seller
    window.resize(1366, 768)
    window.show()
    qtbot.wait(100)
    page.grab().save(str(tmp_path / "orders.png"))
    header = page.table.horizontalHeader()
    widths = [header.sectionSize(column) for column in range(page.model.columnCount())]
    assert widths[1] == max(widths) and widths[1] >= 0.35 * page.table.viewport().width(), widths
    due_width = page.table.horizontalHeader().sectionSize(5)
    assert due_width <= page.table.fontMetrics().horizontalAdvance("Payment due") + 40  # empty: narrow

    # The approve dialog: a title that fits, and what is approved restated.
    choose(qtbot, page, orders[1])
    asked = []

    def ask(dialog):
        asked.append((dialog.windowTitle(), dialog.facts.text(), dialog.fontMetrics(), dialog.sizeHint().width()))
        return "Budget head 31", True
    monkeypatch.setattr(StepDialog, "ask", ask)
    click(qtbot, page, "approve")
    (title_text, facts, metrics, width), = asked
    assert title_text == "Approve the order" and metrics.horizontalAdvance(title_text) < width - 150
    assert f"{title} × 2" in facts.replace("&amp;", "&") and money_in_words(2 * price) in facts and "Seller" in facts
    placed = wait_for_order(qtbot, officer, page, orders[1], "accepted")

    # Save as PDF starts in Documents and says where it saved.
    documents = tmp_path / "Documents"
    documents.mkdir()
    from PySide6.QtCore import QStandardPaths
    monkeypatch.setattr(QStandardPaths, "writableLocation", staticmethod(lambda location: str(documents)))
    offered = []

    def save_name(parent, caption, default, filters):
        offered.append(default)
        return default, ""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    choose(qtbot, page, orders[1])
    click(qtbot, page, "pdf")
    assert offered == [str(documents / f"{placed['number']}.pdf")]
    assert (documents / f"{placed['number']}.pdf").read_bytes().startswith(b"%PDF")
    assert page.message.text() == f"The order is saved as a PDF: {documents / (placed['number'] + '.pdf')}"
    assert desks.crashes == []

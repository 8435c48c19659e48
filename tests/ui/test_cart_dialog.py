"""The cart in the window: listings added from the catalogue, quantities within each seller's
minimum order and stock, the total and the buying-mode verdict as they change, and "Send for
approval" reaching the marketplace as one order per seller waiting for the officer."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.cart import Cart
from app.ui.cart_dialog import CartDialog
from app.ui.formats import money
from tests.ui.conftest import signed_in
from tests.ui.test_purchase import select_listing

LISTINGS = (
    "SELECT id, title, seller_firm_id, price_paise, min_order_qty, stock FROM listings WHERE status = 'published' "
    "AND delivery_districts LIKE '%\"Raipur\"%' AND price_paise * min_order_qty <= 1000000 ")


def add(qtbot, window, row) -> None:
    count = window.cart_count
    select_listing(qtbot, window, row[0], row[1])
    window.add_to_cart_action.trigger()
    qtbot.waitUntil(lambda: window.cart_count == count + 1)
    assert window.status.message_label.text().startswith(f"Added to the cart: {row[4]} × {row[1]}")


def test_a_cart_of_two_sellers_goes_for_approval_as_two_orders(qtbot, desks, server):
    desk = desks.open()
    window = signed_in(qtbot, desk, server)
    assert window.add_to_cart_action.isVisible() and window.cart_action.isVisible()
    qtbot.waitUntil(lambda: window.cart_action.text() == "Cart (0)")
    # Pens: enough stock to take the cart over the direct limit; files and binders of another seller.
    pens = server.query(LISTINGS + "AND price_paise * stock > 6000000 AND stock >= 2 * min_order_qty "
                        "ORDER BY id LIMIT 1")[0]
    files, binders = server.query(LISTINGS + "AND seller_firm_id = (SELECT seller_firm_id FROM listings "
                                  "WHERE status = 'published' AND seller_firm_id != :pens AND delivery_districts LIKE "
                                  "'%\"Raipur\"%' AND price_paise * min_order_qty <= 1000000 GROUP BY seller_firm_id "
                                  "HAVING count(*) >= 2 ORDER BY seller_firm_id LIMIT 1) ORDER BY id LIMIT 2",
                                  pens=pens[2])
    add(qtbot, window, pens)
    add(qtbot, window, files)
    add(qtbot, window, binders)
    qtbot.waitUntil(lambda: window.cart_action.text() == "Cart (3)")

    window.cart_action.trigger()
    dialog = window.findChild(CartDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 3)
    assert [dialog.table.item(row, 0).text() for row in range(3)] == [pens[1], files[1], binders[1]]
    sellers = [dialog.table.item(row, 1).text() for row in range(3)]
    assert sellers[0].startswith("Seller A") and sellers[1].startswith("Seller B") and sellers[2] == sellers[1]
    assert dialog.district.text() == "Raipur"
    within = pens[3] * pens[4] + files[3] * files[4] + binders[3] * binders[4]
    assert money(within) in dialog.total.text()
    assert dialog.verdict.text().startswith("Allowed as a direct purchase") and dialog.send_button.isEnabled()
    assert dialog.note.text().startswith("2 orders, one per seller")

    # Binders out; then more pens than the direct limit allows: refused, with the order cited.
    qtbot.mouseClick(dialog.table.cellWidget(2, 5), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2 and window.cart_action.text() == "Cart (2)")
    too_many = min(pens[5], 6_000_000 // pens[3] + 1)
    dialog.quantity_box(0).setValue(too_many)
    assert money(pens[3] * too_many + files[3] * files[4]) in dialog.total.text()
    assert dialog.verdict.text().startswith("Above the direct purchase limit of Rs 50,000.00 (GFR 2017 Rule 149; OM")
    assert not dialog.send_button.isEnabled() and "L1 purchase or bid" in dialog.send_button.toolTip()
    dialog.quantity_box(0).setValue(pens[4] * 2)
    assert dialog.verdict.text().startswith("Allowed") and dialog.send_button.isEnabled()
    assert money(pens[3] * pens[4] * 2 + files[3] * files[4]) in dialog.total.text()
    qtbot.waitUntil(lambda: Cart(desk.workspace.outbox).lines()[0].quantity == pens[4] * 2)  # kept on disk
    dialog.district.setText(" ")
    assert not dialog.send_button.isEnabled() and dialog.problem.text() == "Enter the consignee's district."
    dialog.district.setText("Raipur")

    sent: list[str] = []
    dialog.sent.connect(sent.extend)
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(sent) == 2 and window.cart_action.text() == "Cart (0)")
    qtbot.waitUntil(lambda: window.findChild(CartDialog) is None)  # closed
    assert Cart(desk.workspace.outbox).lines() == []

    # The sync sends both orders; each waits for the approving officer with its seller's lines.
    def orders():
        return {o["id"]: o for o in desk.workspace.api().get("/api/v1/orders")["orders"] if o["id"] in sent}
    qtbot.waitUntil(lambda: len(orders()) == 2, timeout=20_000)
    placed = orders()
    assert [placed[order_id]["status"] for order_id in sent] == ["awaiting_approval"] * 2
    assert [[(line["listing_id"], line["quantity"]) for line in placed[order_id]["lines"]] for order_id in sent] == [
        [(pens[0], pens[4] * 2)], [(files[0], files[4])]]
    assert placed[sent[0]]["total_paise"] == pens[3] * pens[4] * 2
    assert desk.workspace.procurement.requests(("rejected",)) == []
    assert desks.crashes == []

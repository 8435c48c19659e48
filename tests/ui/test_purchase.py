"""Buying from the catalogue in the window: a direct purchase, and an L1 purchase after the
comparison (the L1 in bold; only the L1 is ordered), each reaching the marketplace to wait
for the approving officer."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.ui.purchase_dialog import PurchaseDialog
from tests.ui.conftest import signed_in, wait_for_rows


def select_listing(qtbot, window, listing_id: str, title: str) -> None:
    browser = window.catalogue
    browser.search_box.setText(title)
    wait_for_rows(qtbot, browser.model)
    row = next(r for r in range(browser.model.rowCount()) if browser.model.listing_id(r) == listing_id)
    browser.select_row(row)
    qtbot.waitUntil(lambda: browser.selected_listing_id == listing_id)


def open_purchase(qtbot, window) -> PurchaseDialog:
    window.buy_action.trigger()
    dialog = window.findChild(PurchaseDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_direct_and_l1_purchases_from_the_catalogue(qtbot, desks, server):
    desk = desks.open()
    window = signed_in(qtbot, desk, server)
    assert window.buy_action.isVisible()
    listing_id, title, category = server.query(
        "SELECT id, title, category_id FROM listings WHERE status = 'published' AND stock >= 5 AND min_order_qty = 1 "
        "AND price_paise <= 500000 AND delivery_districts LIKE '%\"Raipur\"%' ORDER BY id LIMIT 1")[0]
    select_listing(qtbot, window, listing_id, title)

    # Direct: the value is within the direct limit; the order goes to the officer.
    dialog = open_purchase(qtbot, window)
    assert dialog.district.text() == "Raipur" and "allowed by this route" in dialog.verdict.text()
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(o["mode"] == "direct" for o in desk.workspace.api().get("/api/v1/orders")["orders"]),
                    timeout=20_000)
    direct = next(o for o in desk.workspace.api().get("/api/v1/orders")["orders"] if o["mode"] == "direct")
    assert direct["status"] == "awaiting_approval" and direct["lines"][0]["listing_id"] == listing_id

    # L1: only after comparing, and then the L1 is ordered, whichever listing was selected.
    dialog = open_purchase(qtbot, window)
    dialog.l1.setChecked(True)
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    assert "Compare first" in dialog.problem.text()
    qtbot.mouseClick(dialog.compare_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.comparison is not None, timeout=10_000)
    assert dialog.model.rowCount() >= 1 and dialog.model.index(0, 0).data() == "L1"
    assert dialog.model.index(0, 0).data(Qt.ItemDataRole.FontRole).bold()
    # Requiring fewer of the listing's key parameters widens the comparison; a changed
    # requirement needs a new comparison before anything can be ordered.
    narrow_oems = len(dialog.comparison["oems"])
    assert dialog.spec_checks and all(check.isChecked() for check in dialog.spec_checks.values())
    assert dialog.required_specs() == {name: str(value) for name, value in dialog.listing["key_specs"].items()}
    # A value changed is a new requirement too.
    name, value = next(iter(dialog.spec_values.items()))
    value.setCurrentText(value.currentText() + " or better")
    assert dialog.comparison is None and dialog.required_specs()[name].endswith(" or better")
    for check in dialog.spec_checks.values():
        check.setChecked(False)
    assert dialog.comparison is None and dialog.model.rowCount() == 0
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    qtbot.mouseClick(dialog.compare_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.comparison is not None, timeout=10_000)
    assert len(dialog.comparison["oems"]) > narrow_oems
    if not dialog.comparison["enough_oems"]:
        dialog.reason.setText("Only these OEMs deliver to Raipur")
    l1 = dialog.comparison["l1_listing_id"]
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(o["mode"] == "l1" for o in desk.workspace.api().get("/api/v1/orders")["orders"]),
                    timeout=20_000)
    ordered = next(o for o in desk.workspace.api().get("/api/v1/orders")["orders"] if o["mode"] == "l1")
    assert ordered["lines"][0]["listing_id"] == l1 and ordered["comparison"]["l1_listing_id"] == l1
    assert desks.crashes == []


def test_the_comparison_model_passes_qts_model_tester(qtmodeltester):
    from app.ui.purchase_dialog import ComparisonModel

    model = ComparisonModel()
    model.set_rows([{"listing_id": "a", "brand": "HP", "title": "Laptop", "price_paise": 70_000_00},
                    {"listing_id": "b", "brand": "Dell", "title": "Laptop", "price_paise": 72_500_00}])
    qtmodeltester.check(model)


DEARER_THAN_THE_L1 = (
    "SELECT l.id, l.title FROM listings l WHERE l.status = 'published' AND l.stock >= 5 AND l.min_order_qty = 1 "
    "AND l.price_paise <= 500000 AND l.delivery_districts LIKE '%\"Raipur\"%' AND l.price_paise > ("
    "  SELECT MIN(m.price_paise) FROM listings m WHERE m.category_id = l.category_id AND m.status = 'published' "
    "  AND m.stock > 0 AND m.delivery_districts LIKE '%\"Raipur\"%') ORDER BY l.id LIMIT 1")


def test_the_buy_dialog_never_switches_route_behind_the_buyer(qtbot, desks, server):
    """Key parameters and Compare belong to an L1 purchase; once compared, the heading names
    the L1 that would be ordered, not the listing first chosen."""
    from html import escape

    from app.ui.formats import money

    desk = desks.open()
    window = signed_in(qtbot, desk, server)
    listing_id, title = server.query(DEARER_THAN_THE_L1)[0]
    select_listing(qtbot, window, listing_id, title)
    dialog = open_purchase(qtbot, window)
    assert dialog.direct.isChecked()
    assert not dialog.compare_button.isEnabled() and not dialog.specs_box.isEnabled()
    dialog.compare()  # even if it were reached, under a direct purchase it changes nothing
    qtbot.wait(300)
    assert dialog.direct.isChecked() and dialog.comparison is None and escape(title) in dialog.heading.text()

    dialog.l1.setChecked(True)  # the buyer's own choice of route
    assert dialog.compare_button.isEnabled() and dialog.specs_box.isEnabled()
    for check in dialog.spec_checks.values():
        check.setChecked(False)
    qtbot.mouseClick(dialog.compare_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.comparison is not None, timeout=10_000)
    l1 = dialog.comparison["ranked"][0]
    assert l1["listing_id"] != listing_id
    heading = dialog.heading.text()
    assert heading.startswith(f"<b>{escape(l1['title'])}</b>") and "in place of the listing you chose" in heading
    assert money(l1["price_paise"]) in dialog.verdict.text()
    dialog.direct.setChecked(True)  # back to the listing chosen, and the heading with it
    assert dialog.heading.text().startswith(f"<b>{escape(title)}</b>") and not dialog.compare_button.isEnabled()
    dialog.reject()
    assert desks.crashes == []


def test_adding_to_the_cart_and_sending_say_what_happened(qtbot, desks, server):
    desk = desks.open()
    window = signed_in(qtbot, desk, server)
    message = window.status.message_label
    listing_id, title, minimum = server.query(
        "SELECT id, title, min_order_qty FROM listings WHERE status = 'published' AND min_order_qty > 1 "
        "AND stock >= 4 * min_order_qty AND price_paise * min_order_qty <= 2000000 "
        "AND delivery_districts LIKE '%\"Raipur\"%' ORDER BY id LIMIT 1")[0]
    select_listing(qtbot, window, listing_id, title)
    window.add_to_cart_action.trigger()
    qtbot.waitUntil(lambda: message.text().startswith("Added to the cart"), timeout=10_000)
    assert message.text().startswith(f"Added to the cart: {minimum} × {title}, the seller's minimum order.")
    window.add_to_cart_action.trigger()  # again: the minimum is added to the line
    qtbot.waitUntil(lambda: f"The cart now holds {2 * minimum} of it." in message.text(), timeout=10_000)

    window.open_cart()
    cart = window.cart
    qtbot.waitUntil(lambda: cart.send_button.isEnabled(), timeout=10_000)
    qtbot.mouseClick(cart.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: message.text().startswith("The cart went for approval as 1 order"), timeout=20_000)

    dialog = open_purchase(qtbot, window)
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: message.text().startswith("Sent for approval"), timeout=10_000)
    assert desks.crashes == []

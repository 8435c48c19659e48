"""Hindi leaves no English behind: Qt's own standard buttons (Qt ships no Hindi catalogue for
them), the status bar's last message after a change of language, About's build, and every
button of the windows and dialogs a buyer opens; amounts in ₹ where the font has it."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QAbstractButton, QDialogButtonBox, QMessageBox, QWidget

from app.ui.i18n import set_language
from app.ui.qt_texts import standard_texts
from tests.ui.conftest import signed_in

# Words Hindi keeps in Latin letters (names, acronyms the office uses as they are).
KEPT = {"GeM", "Desk", "L1", "PDF", "OEM", "MSE", "MSEs", "EMD", "ePBG", "CRAC", "Rs", "IST", "CA", "OK"}
WORD = re.compile(r"[A-Za-z][A-Za-z0-9]+")


def english_words(text: str) -> list[str]:
    """English words of `text`, leaving out the data in brackets (a district, a unit: "(Raipur)", "(ml)")."""
    words = re.sub(r"\([^)]*\)", "", text.replace("&", ""))
    return [word for word in WORD.findall(words) if word not in KEPT or word == "OK"]


def untranslated_buttons(widget: QWidget) -> list[str]:
    """The visible buttons of `widget` whose text still has English words."""
    return [f"{type(widget).__name__}: {button.text()!r}" for button in widget.findChildren(QAbstractButton)
            if button.isVisibleTo(widget) and button.text() and english_words(button.text())]


def test_qt_standard_buttons_speak_hindi(qapp):
    set_language(qapp, "hi")
    every = QDialogButtonBox.StandardButton(0)
    for button in (QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Save,
                   QDialogButtonBox.StandardButton.Cancel, QDialogButtonBox.StandardButton.Close,
                   QDialogButtonBox.StandardButton.Yes, QDialogButtonBox.StandardButton.No,
                   QDialogButtonBox.StandardButton.Discard, QDialogButtonBox.StandardButton.Apply):
        every |= button
    box = QDialogButtonBox(every)
    texts = [button.text() for button in box.buttons()]
    assert len(texts) == 8 and not [t for t in texts if english_words(t)], texts
    message = QMessageBox(QMessageBox.Icon.Question, "?", "?", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    assert {b.text().replace("&", "") for b in message.buttons()} == {"हाँ", "नहीं"}
    assert not [t for t in standard_texts() if english_words(t)]
    set_language(qapp, "en")
    qapp.processEvents()
    assert box.button(QDialogButtonBox.StandardButton.Ok).text() == "OK"  # and back, as the language changes


def test_a_buyers_windows_in_hindi_have_no_english_buttons(qtbot, desks, server):
    desk = desks.open()
    window = signed_in(qtbot, desk, server)
    assert window.status.message_label.text() == "Sync complete."

    # Opened in English, then the language changes (Settings): every one words itself again.
    opened: list[QWidget] = [window]
    desk.open_settings()
    opened.append(window.findChild(QWidget, "settingsDialog"))
    window.open_about()
    opened.append(window.about)
    window.open_cart()
    opened.append(window.cart)
    listing_id, title = server.query("SELECT id, title FROM listings WHERE status = 'published' AND stock > 0 "
                                     "ORDER BY id LIMIT 1")[0]
    window.catalogue.search_box.setText(title)
    qtbot.waitUntil(lambda: window.catalogue.model.is_finished(), timeout=10_000)
    window.catalogue.select_row(0)
    qtbot.waitUntil(lambda: window.catalogue.selected_listing_id is not None)
    window.buy_selected()
    opened.append(window.purchase)
    window.bids.new_bid()
    from app.ui.bid_form import BidForm
    opened.append(window.bids.findChild(BidForm))
    assert all(opened)
    set_language(desk.app, "hi")
    qtbot.wait(100)
    assert window.status.message_label.text() == "सिंक पूरा हुआ।"  # said again in the new language
    assert "from source" not in window.about.version.text() and "स्रोत कोड से" in window.about.version.text()
    assert window.purchase.buttons.button(QDialogButtonBox.StandardButton.Ok).text() == "अनुमोदन के लिए भेजें"
    found = [problem for widget in opened for problem in untranslated_buttons(widget)]
    for widget in opened[1:]:
        widget.close()
    assert not found, found


def test_amounts_in_rupee_sign_where_the_font_has_it(qapp, monkeypatch):
    import app.ui.formats as formats

    monkeypatch.setattr(formats, "font_has_rupee_sign", lambda font: True)
    assert formats.set_rupee_sign("auto", qapp.font()) == "₹"
    assert formats.money(1234567_00) == "₹12,34,567.00"
    assert formats.money_in_words(12_50_000_00) == "₹12,50,000.00 (12.5 lakh)"
    assert formats.in_rupees("Price (Rs)") == "Price (₹)"
    assert formats.in_rupees("आरंभिक मूल्य (रु)") == "आरंभिक मूल्य (₹)"
    assert formats.set_rupee_sign("Rs", qapp.font()) == "Rs" and formats.money(450000) == "Rs 4,500.00"
    assert formats.in_rupees("Price (Rs)") == "Price (Rs)"
    monkeypatch.setattr(formats, "font_has_rupee_sign", lambda font: False)
    assert formats.set_rupee_sign("auto", qapp.font()) == "Rs"  # no empty box where the font lacks the glyph
    assert formats.font_has_rupee_sign.__name__ == "<lambda>"


def test_the_stock_column_fits_out_of_stock_in_hindi(qtbot, desks, server):
    desk = desks.open()
    window = signed_in(qtbot, desk, server)
    set_language(desk.app, "hi")
    qtbot.wait(50)
    browser = window.catalogue
    needed = browser.fontMetrics().horizontalAdvance("स्टॉक समाप्त")
    assert browser.table.horizontalHeader().sectionSize(4) >= needed + 8


def test_a_sellers_and_an_officers_windows_in_hindi_have_no_english_buttons(qtbot, desks, server):
    from app.ui.bids_page import OfferDialog, offerable_listings
    from app.ui.listing_editor import ListingEditor
    from app.seller_catalogue import my_listings

    buyer = desks.open("buyer")
    signed_in(qtbot, buyer, server, "demo-buyer")
    listing_id = server.query("SELECT id FROM listings WHERE status = 'published' AND stock >= 2 AND min_order_qty = 1 "
                              "AND price_paise <= 1000000 AND delivery_districts LIKE '%\"Raipur\"%' LIMIT 1")[0][0]
    order_id = buyer.workspace.procurement.purchase("direct", listing_id, 1, "Raipur")
    buyer.controller.sync_now()
    qtbot.waitUntil(lambda: server.query(f"SELECT count(*) FROM orders WHERE id = '{order_id}'")[0][0] == 1,
                    timeout=20_000)

    seller = desks.open("seller")
    window = signed_in(qtbot, seller, server, "demo-seller")
    workspace = seller.workspace
    editor = ListingEditor(workspace.cache.categories(), None, window, workspace.cache.districts())
    mine = my_listings(workspace.cache, workspace.outbox, window.user["seller_firm"]["id"])
    listing = offerable_listings(mine)[0]
    bid = {"id": "b", "number": "GEM/2026/B/1", "items": [
        {"id": "1", "name": "Item", "category_id": listing["category_id"], "key_specs": {},
         "consignees": [{"district": "Raipur", "quantity": 2, "delivery_days": 30}]}]}
    offer = OfferDialog(bid, [listing], workspace.cache.categories(), None, window)
    officer = desks.open("approver")
    officer_window = signed_in(qtbot, officer, server, "demo-approver")
    qtbot.waitUntil(lambda: any(o["id"] == order_id for o in officer_window.orders.model.orders), timeout=20_000)
    order = next(o for o in officer_window.orders.model.orders if o["id"] == order_id)
    step = officer_window.orders.step_dialog("approve", order)
    dialogs = [editor, offer, step]
    opened = [window, officer_window, *dialogs]
    for dialog in dialogs:
        dialog.show()
    set_language(seller.app, "hi")
    qtbot.wait(100)
    found = [problem for widget in opened for problem in untranslated_buttons(widget)]
    assert editor.category.itemText(0) != "Choose a category"
    for dialog in dialogs:
        dialog.done(0)
    assert not found, found

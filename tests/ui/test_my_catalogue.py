"""My catalogue: a seller's offline edit shows pending, then synced; a refusal shows its
reason on the listing; a real conflict is settled field by field in the dialog; the form
checks the listing as the seller types."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from app.seller_catalogue import SyncState
from app.ui.conflict_dialog import ConflictDialog
from app.ui.listing_editor import ListingEditor
from tests.ui.conftest import signed_in


@pytest.fixture
def seller(qtbot, desks, server):
    desk = desks.open("seller-desk")
    window = signed_in(qtbot, desk, server, "demo-seller")
    mine = window.my_catalogue
    qtbot.waitUntil(lambda: mine.model.rowCount() > 0)
    return desk, mine


def row_of(mine, title_part: str) -> int:
    for row, item in enumerate(mine.model.listings):
        if title_part in item.title:
            return row
    raise AssertionError(f"no listing with {title_part!r}")


def item(mine, listing_id):
    return next(i for i in mine.model.listings if i.id == listing_id)


def sync_text(mine, listing_id) -> str:
    row = next(r for r, i in enumerate(mine.model.listings) if i.id == listing_id)
    return mine.model.index(row, mine.model.COLUMNS.index("sync")).data()


def edit_with(monkeypatch, qtbot, typed: dict[str, str], submit: bool = False):
    """Replace the modal editor's exec(): type into its fields and press a save button."""

    def exec_(editor: ListingEditor) -> int:
        for name, text in typed.items():
            editor.inputs[name].setText(text)
        button = editor.submit_button if submit else editor.save_button
        assert button.isEnabled(), {n: l.text() for n, l in editor.problems.items() if l.text()}
        button.click()
        return editor.result()

    monkeypatch.setattr(ListingEditor, "exec", exec_)


def synced(qtbot, desk):
    with qtbot.waitSignal(desk.controller.finished, timeout=30_000):
        desk.controller.sync_now()


def published_listing(mine):
    row = next(r for r, i in enumerate(mine.model.listings) if i.status == "published")
    mine.table.selectRow(row)
    return mine.model.listings[row]


def test_an_offline_edit_shows_pending_then_synced(qtbot, monkeypatch, seller, server):
    desk, mine = seller
    target = published_listing(mine)
    server.stop()
    edit_with(monkeypatch, qtbot, {"price_paise": "4,321.50", "stock": "77"})
    mine.edit_selected()
    qtbot.waitUntil(lambda: item(mine, target.id).sync == SyncState.PENDING)
    assert sync_text(mine, target.id) == "Waiting to be sent"
    assert mine.model.index(row_of(mine, target.title[:30]), 2).data() == "Rs 4,321.50"  # shown at once
    status = desk.window.status
    qtbot.waitUntil(lambda: desk.controller.connection.value == "offline", timeout=20_000)
    qtbot.waitUntil(lambda: status.pending_label.text().startswith("1 change waiting"))
    assert status.connection_label.text() == "Offline" and desk.window.banner.isVisible()

    server.start()  # the connection returns: the app notices by itself and syncs
    qtbot.waitUntil(lambda: item(mine, target.id).sync == SyncState.SYNCED, timeout=30_000)
    assert sync_text(mine, target.id) == "Up to date"
    on_server = server.listing(target.id)
    assert (on_server["price_paise"], on_server["stock"]) == (432_150, 77)
    qtbot.waitUntil(lambda: status.pending_label.text().startswith("0 changes waiting"))
    assert status.connection_label.text() == "Online" and not desk.window.banner.isVisible()


def test_a_new_listing_created_offline_reaches_the_marketplace(qtbot, monkeypatch, seller, server):
    desk, mine = seller
    chairs = next(c for c in desk.workspace.cache.categories() if c["code"] == "office-chairs")

    def exec_(editor: ListingEditor) -> int:
        editor.category.setCurrentIndex(editor.category.findData(chairs["id"]))
        for name, text in {"title": "Mahamaya Test Chair", "brand": "Mahamaya Steel", "model": "MT-1",
                           "mrp_paise": "6000", "price_paise": "5500", "stock": "10",
                           "delivery_districts": "Raipur, Durg"}.items():
            editor.inputs[name].setText(text)
        for widget in editor.param_inputs.values():
            if hasattr(widget, "setCurrentIndex"):
                widget.setCurrentIndex(1)
            else:
                widget.setText("5")
        editor.submit_button.click()
        return editor.result()

    monkeypatch.setattr(ListingEditor, "exec", exec_)
    mine.new_listing()
    qtbot.waitUntil(lambda: any(i.title == "Mahamaya Test Chair" for i in mine.model.listings), timeout=10_000)
    created = next(i for i in mine.model.listings if i.title == "Mahamaya Test Chair")
    qtbot.waitUntil(lambda: item(mine, created.id).sync == SyncState.SYNCED, timeout=30_000)
    assert server.listing(created.id)["status"] == "published"  # a registered brand publishes at once
    assert json.loads(server.listing(created.id)["delivery_districts"]) == ["Raipur", "Durg"]


def test_a_refusal_shows_its_reason_on_the_listing(qtbot, monkeypatch, seller, server, device):
    desk, mine = seller
    target = published_listing(mine)
    other = device("demo-seller", "other-desk")  # the same firm retires it from another computer,
    other.sync()  # which this desk has not heard of when the seller edits it here
    other.outbox.queue_retire(target.id, other.cache.listing(target.id)["version"])
    other.sync()
    edit_with(monkeypatch, qtbot, {"stock": "12"})
    mine.edit_selected()
    qtbot.waitUntil(lambda: item(mine, target.id).sync == SyncState.REFUSED, timeout=30_000)
    refused = item(mine, target.id)
    assert "retired" in refused.refusal.lower()
    assert sync_text(mine, target.id).startswith("Not accepted: ")
    mine.select_listing(target.id)
    assert mine.note.isVisible() and refused.refusal in mine.note.text()
    assert mine.discard_button.isVisible()
    assert desk.window.status.pending_label.text().endswith("1 needs your attention")


def test_a_conflict_is_settled_field_by_field(qtbot, monkeypatch, seller, server, device):
    desk, mine = seller
    target = published_listing(mine)
    other = device("demo-seller", "other-desk")
    other.sync()
    base = other.cache.listing(target.id)
    other.outbox.queue_update(target.id, {"price_paise": 1_111_00, "stock": 5}, False, base)
    other.sync()  # the marketplace now has price 1,111 and stock 5

    edit_with(monkeypatch, qtbot, {"price_paise": "2222", "title": target.title + " (new)"})
    mine.edit_selected()  # this desk still has the old version: the price clashes, the title does not
    qtbot.waitUntil(lambda: item(mine, target.id).sync == SyncState.CONFLICT, timeout=30_000)
    assert sync_text(mine, target.id) == "Conflict: choose the values to keep"
    mine.select_listing(target.id)
    assert mine.resolve_button.isVisible()

    shown: dict[str, tuple[str, str]] = {}

    def choose(dialog: ConflictDialog) -> int:
        for name, (mine_button, theirs_button) in dialog.choices.items():
            shown[name] = (mine_button.text(), theirs_button.text())
        dialog.choices["price_paise"][1].setChecked(True)  # take the marketplace's price
        dialog.buttons.accepted.emit()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ConflictDialog, "exec", choose)
    mine.resolve_selected()
    qtbot.waitUntil(lambda: item(mine, target.id).sync == SyncState.SYNCED, timeout=30_000)
    assert shown == {"price_paise": ("Rs 2,222.00", "Rs 1,111.00")}  # only the field both changed
    on_server = server.listing(target.id)
    assert on_server["price_paise"] == 1_111_00 and on_server["stock"] == 5
    assert on_server["title"] == target.title + " (new)"  # kept mine where it did not clash


def test_retire_asks_first_and_shows_retiring(qtbot, monkeypatch, seller, server):
    desk, mine = seller
    target = published_listing(mine)
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    mine.retire_selected()
    qtbot.waitUntil(lambda: server.listing(target.id)["status"] == "retired", timeout=30_000)
    qtbot.waitUntil(lambda: all(i.id != target.id for i in mine.model.listings))  # retired ones are hidden
    mine.show_retired.setChecked(True)
    qtbot.waitUntil(lambda: any(i.id == target.id for i in mine.model.listings))


def test_the_form_checks_as_the_seller_types(qtbot, seller):
    desk, mine = seller
    target = published_listing(mine)
    editor = ListingEditor(desk.workspace.cache.categories(), item(mine, target.id), mine)
    qtbot.addWidget(editor)
    assert editor.check() and editor.check()
    editor.inputs["mrp_paise"].setText("1000")
    editor.inputs["price_paise"].setText("1500")
    assert editor.problems["price_paise"].text() == "The offer price must not be above the MRP."
    assert not editor.check()
    editor.inputs["price_paise"].setText("0")
    assert editor.problems["price_paise"].text() == "The offer price must be above zero."
    editor.inputs["price_paise"].setText("12.345")
    assert editor.problems["price_paise"].text().startswith("Enter an amount in rupees")
    editor.inputs["price_paise"].setText("900")
    editor.inputs["stock"].setText("-1")
    assert editor.problems["stock"].text() == "Stock must be a whole number, not negative."
    editor.inputs["stock"].setText("3")
    first_param, widget = next(iter(editor.param_inputs.items()))
    if hasattr(widget, "setCurrentIndex"):
        widget.setCurrentIndex(0)
    else:
        widget.setText("")
    assert editor.param_problems[first_param].text().endswith("is required for this category.")
    assert not editor.check()
    assert not editor.problems["price_paise"].isVisible() and not editor.problems["stock"].isVisible()


def test_my_listings_model_passes_qts_model_tester(qtmodeltester, seller):
    _, mine = seller
    qtmodeltester.check(mine.model)


def opened_editors(monkeypatch) -> list:
    """Replace the modal editor's exec(): note which listing it opened on, and cancel."""
    opened: list = []

    def exec_(editor: ListingEditor) -> int:
        opened.append(editor.listing)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(ListingEditor, "exec", exec_)
    return opened


def test_ctrl_n_creates_a_listing_from_any_tab(qtbot, monkeypatch, seller):
    """Issue 15, 5: the README's Ctrl+N."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    desk, mine = seller
    window = desk.window
    opened = opened_editors(monkeypatch)
    window.activateWindow()
    mine.table.setFocus()
    QTest.keyClick(mine.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert opened == [None]  # the form for a new listing
    window.tabs.setCurrentWidget(window.catalogue)
    window.catalogue.search_box.setFocus()
    QTest.keyClick(window.catalogue.search_box, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert opened == [None, None] and window.tabs.currentWidget() is mine
    assert window.new_listing_action.shortcut().toString() == "Ctrl+N"


def double_click(table, row: int) -> None:
    """As a hand does it: a click, then the second click of the double (QTest's double
    click alone is not one to a view)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    cell = table.visualRect(table.model().index(row, 0)).center()
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)


def test_double_click_opens_a_listing(qtbot, monkeypatch, seller):
    """Issue 15, 5: a double-click opens the listing: the editor for the seller's own, in My
    catalogue or in the catalogue; another seller's listing shows its details."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from app.ui.listing_detail import ListingDetailDialog
    from tests.ui.conftest import wait_for_rows

    desk, mine = seller
    window = desk.window
    opened = opened_editors(monkeypatch)
    target = published_listing(mine)
    row = next(r for r, i in enumerate(mine.model.listings) if i.id == target.id)
    double_click(mine.table, row)
    assert [e.id for e in opened] == [target.id]  # once
    QTest.keyClick(mine.table, Qt.Key.Key_Return)  # the keyboard's way
    assert [e.id for e in opened] == [target.id, target.id]
    del opened[1:]

    browser = window.catalogue
    window.tabs.setCurrentWidget(browser)
    browser.search_box.setText(target.title)
    wait_for_rows(qtbot, browser.model)
    own_row = next(r for r in range(browser.model.rowCount()) if browser.model.listing_id(r) == target.id)
    browser.select_row(own_row)
    double_click(browser.table, own_row)
    assert [e.id for e in opened] == [target.id, target.id] and window.tabs.currentWidget() is mine

    firm = desk.workspace.user["seller_firm"]["id"]
    window.tabs.setCurrentWidget(browser)
    browser.search_box.setText("chair")
    wait_for_rows(qtbot, browser.model)
    other = next(r for r in range(browser.model.rowCount())
                 if desk.workspace.cache.listing(browser.model.listing_id(r))["seller_id"] != firm)
    browser.select_row(other)
    double_click(browser.table, other)
    dialog = window.findChild(ListingDetailDialog)
    assert dialog is not None and dialog.isVisible()
    title = desk.workspace.cache.listing(browser.model.listing_id(other))["title"]
    assert dialog.windowTitle() == title and title in dialog.detail.view.toPlainText()
    assert len(opened) == 2
    dialog.close_button.click()


def test_a_new_listing_opens_without_red_and_cancel_asks(qtbot, seller, questions):
    desk, mine = seller
    editor = ListingEditor(desk.workspace.cache.categories(), None, mine, desk.workspace.cache.districts())
    qtbot.addWidget(editor)
    editor.show()
    assert not [name for name, label in editor.problems.items() if label.isVisibleTo(editor)]  # no red before typing
    price = editor.inputs["price_paise"]
    below = editor.inputs["stock"].mapTo(editor, editor.inputs["stock"].rect().topLeft()).y()
    price.setText("12abc")
    assert [name for name, label in editor.problems.items() if label.isVisibleTo(editor)] == ["price_paise"]
    assert editor.inputs["stock"].mapTo(editor, editor.inputs["stock"].rect().topLeft()).y() == below  # no jump
    editor.save_button.click()  # an attempt to save shows every problem left
    assert editor.problems["title"].isVisibleTo(editor) and editor.isVisible()

    districts = editor.inputs["delivery_districts"]
    known = desk.workspace.cache.districts()
    assert known and districts.completer() is not None
    districts.setText(f"{known[0]}, {known[1][:3].lower()}")
    districts.completer().setCompletionPrefix(districts.completer().splitPath(districts.text())[0])
    assert known[1] in [districts.completer().completionModel().index(r, 0).data()
                        for r in range(districts.completer().completionCount())]

    editor.reject()
    assert questions == ["Discard this listing?"] and editor.isVisible()

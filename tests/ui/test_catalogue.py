"""The buyer's catalogue: search as you type, filters, sorting, a listing's details, and the
item models checked by Qt's own model tester."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtTest import QTest

from tests.ui.conftest import signed_in, wait_for_rows


@pytest.fixture
def catalogue(qtbot, desks, server):
    desk = desks.open()
    window = signed_in(qtbot, desk, server)
    browser = window.catalogue
    wait_for_rows(qtbot, browser.model)
    return desk, browser


def shown(browser) -> list[dict]:
    model = browser.model
    return [model.row_at(row) for row in range(model.rowCount())]


def full(desk, rows) -> list[dict]:
    return [desk.workspace.cache.listing(row["id"]) for row in rows]


def test_search_as_you_type(qtbot, catalogue):
    desk, browser = catalogue
    everything = browser.model.rowCount()
    QTest.keyClicks(browser.search_box, "almi")
    wait_for_rows(qtbot, browser.model)
    found = shown(browser)
    assert 0 < len(found) < everything
    assert all("almirah" in row["title"].lower() for row in found)
    assert browser.count_label.text() == f"{len(found):,} listings"
    browser.search_box.clear()
    wait_for_rows(qtbot, browser.model)
    assert browser.model.rowCount() == everything


def test_hindi_words_find_listings(qtbot, catalogue):
    _, browser = catalogue
    browser.search_box.setText("कुर्सी")
    wait_for_rows(qtbot, browser.model)
    assert browser.model.rowCount() > 0
    assert all("chair" in row["title"].lower() for row in shown(browser))


def test_filters(qtbot, catalogue):
    desk, browser = catalogue
    browser.mse_only.setChecked(True)
    wait_for_rows(qtbot, browser.model)
    assert {row["seller_class"] for row in shown(browser)} <= {"micro", "small", "medium"}
    browser.mse_only.setChecked(False)

    browser.min_price.setText("2,000")
    browser.max_price.setText("5000.50")
    wait_for_rows(qtbot, browser.model)
    prices = [row["price_paise"] for row in shown(browser)]
    assert prices and all(2_000_00 <= p <= 5_000_50 for p in prices)
    browser.max_price.setText("abc")
    assert browser.price_problem.isVisible() and "rupees" in browser.price_problem.text()
    browser.min_price.clear()
    browser.max_price.clear()

    browser.mii_class.setCurrentIndex(browser.mii_class.findData("class_i"))
    wait_for_rows(qtbot, browser.model)
    assert {row["mii_class"] for row in shown(browser)} == {"class_i"}
    browser.mii_class.setCurrentIndex(0)

    assert browser.my_district.isVisible() and "Raipur" in browser.my_district.text()
    browser.my_district.setChecked(True)
    wait_for_rows(qtbot, browser.model)
    assert browser.model.rowCount() > 0
    assert all("Raipur" in listing["delivery_districts"] for listing in full(desk, shown(browser)))


def test_category_tree_filters_a_group_and_its_children(qtbot, catalogue):
    desk, browser = catalogue
    categories = {c["code"]: c for c in desk.workspace.cache.categories()}
    furniture = next(c for c in categories.values() if c["name_en"] == "Furniture")
    children = {c["id"] for c in categories.values() if c["parent_id"] == furniture["id"]}
    found = browser.categories.match(browser.categories.index(0, 0), Qt.ItemDataRole.UserRole + 1, furniture["id"], 1,
                                     Qt.MatchFlag.MatchRecursive)
    browser.category_tree.selectionModel().setCurrentIndex(found[0], QItemSelectionModel.SelectionFlag.ClearAndSelect)
    wait_for_rows(qtbot, browser.model)
    assert browser.model.rowCount() > 0
    assert {row["category_id"] for row in shown(browser)} <= children | {furniture["id"]}


@pytest.mark.parametrize(("column", "key"), [(0, "title"), (2, "price_paise"), (4, "stock")])
def test_sorting_runs_in_sql(qtbot, catalogue, column, key):
    _, browser = catalogue
    browser.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    wait_for_rows(qtbot, browser.model)
    values = [row[key] for row in shown(browser)]
    assert values == sorted(values)
    browser.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    wait_for_rows(qtbot, browser.model)
    values = [row[key] for row in shown(browser)]
    assert values == sorted(values, reverse=True)


def test_sort_by_seller_class_puts_mses_first(qtbot, catalogue):
    _, browser = catalogue
    browser.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)
    wait_for_rows(qtbot, browser.model)
    rank = {"micro": 1, "small": 2, "medium": 3, "none": 4}
    ranks = [rank[row["seller_class"]] for row in shown(browser)]
    assert ranks == sorted(ranks) and ranks[0] == 1 and ranks[-1] == 4


def test_a_listing_shows_its_details_but_not_the_seller_name(qtbot, catalogue, server):
    desk, browser = catalogue
    browser.search_box.setText("Mahamaya")
    wait_for_rows(qtbot, browser.model)
    browser.select_row(0)
    listing = desk.workspace.cache.listing(browser.model.listing_id(0))
    text = browser.detail.view.toPlainText()
    assert listing["title"] in text
    assert "MRP" in text and "Discount" in text
    assert "Key specifications" in text and "MSE class" in text and "Women-owned" in text
    firm = server.query("SELECT name FROM seller_firms WHERE id = :id", id=listing["seller_id"])[0][0]
    assert firm not in text  # anonymous until a purchase, as on GeM
    assert "shown only after a purchase" in text


def test_keyboard_search_shortcut_and_enter_to_results(qtbot, catalogue):
    desk, browser = catalogue
    window = desk.window
    window.activateWindow()
    window.tabs.setCurrentWidget(browser)
    browser.table.setFocus()
    window.search_action.trigger()
    assert browser.search_box.hasFocus()
    QTest.keyClicks(browser.search_box, "chair")
    wait_for_rows(qtbot, browser.model)
    QTest.keyClick(browser.search_box, Qt.Key.Key_Return)
    assert browser.table.hasFocus() and browser.table.selectionModel().hasSelection()
    assert "chair" in browser.detail.view.toPlainText().lower()
    assert window.search_action.shortcut().toString() == "Ctrl+F"
    assert window.sync_action.shortcut().toString() == "F5"
    assert window.settings_action.shortcut().toString() == "Ctrl+,"


def test_the_catalogue_opens_unsorted_so_searches_stream(catalogue):
    """Enabling sorting on the table must not sort at once: a sort turns every keystroke's
    search into a sort of all its matches (seconds on a million listings)."""
    _, browser = catalogue
    assert (browser.model.request.order, browser.model.request.descending) == ("feed", False)
    assert browser.table.horizontalHeader().sortIndicatorSection() == -1
    rowids = [browser.model.rowid_at(row) for row in range(browser.model.rowCount())]
    assert rowids == sorted(rowids)


def test_item_models_pass_qts_model_tester(qtbot, qtmodeltester, catalogue):
    _, browser = catalogue
    qtmodeltester.check(browser.model)
    qtmodeltester.check(browser.categories)
    browser.search_box.setText("chair")  # a reset while the tester watches
    wait_for_rows(qtbot, browser.model)
    qtmodeltester.check(browser.model)


def test_buy_never_acts_on_a_listing_no_longer_shown(qtbot, catalogue):
    """Issue 15, 1: select an almirah, search for something else: the almirah is no longer
    selected nor detailed, and Buy / Add to cart wait for a listing to be chosen."""
    desk, browser = catalogue
    window = desk.window
    assert not window.buy_action.isEnabled() and not window.add_to_cart_action.isEnabled()  # nothing chosen yet
    browser.search_box.setText("steel almirah")
    wait_for_rows(qtbot, browser.model)
    browser.select_row(0)
    almirah = browser.model.listing_id(0)
    assert browser.selected_listing_id == almirah and window.buy_action.isEnabled()
    assert "almirah" in browser.detail.view.toPlainText().lower()

    browser.search_box.setText("zqxjv")  # nothing matches
    wait_for_rows(qtbot, browser.model)
    assert browser.model.rowCount() == 0
    assert browser.selected_listing_id is None
    assert "Choose a listing" in browser.detail.view.toPlainText()
    assert not window.buy_action.isEnabled() and not window.add_to_cart_action.isEnabled()

    browser.search_box.setText("laptop i5")
    wait_for_rows(qtbot, browser.model)
    assert browser.model.rowCount() > 0 and browser.selected_listing_id is None
    assert not window.buy_action.isEnabled()
    window.buy_action.trigger()  # a disabled action does nothing (the shortcut too)
    from app.ui.purchase_dialog import PurchaseDialog
    assert window.findChild(PurchaseDialog) is None

    # A sort keeps the listing selected: it is still shown, in another place.
    browser.select_row(0)
    laptop = browser.selected_listing_id
    browser.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    wait_for_rows(qtbot, browser.model)
    qtbot.waitUntil(lambda: browser.selected_listing_id == laptop)
    row = browser.table.selectionModel().selectedRows()[0].row()
    assert browser.model.listing_id(row) == laptop and window.buy_action.isEnabled()

    # A search that still shows it keeps it; deselecting it disables Buy.
    browser.search_box.setText("laptop")
    wait_for_rows(qtbot, browser.model)
    qtbot.waitUntil(lambda: browser.selected_listing_id == laptop)
    browser.table.clearSelection()
    assert browser.selected_listing_id is None and not window.buy_action.isEnabled()


def test_a_misspelling_finds_listings_and_nothing_found_suggests_a_word(qtbot, catalogue):
    """Issue 15, 7: "almari" finds the almirahs; a search that finds nothing says so and
    offers the closest words the catalogue holds, one click away."""
    _, browser = catalogue
    browser.search_box.setText("almari")
    wait_for_rows(qtbot, browser.model)
    assert browser.model.rowCount() > 0
    assert all("almirah" in row["title"].lower() for row in shown(browser))
    assert not browser.empty_label.isVisible()

    browser.search_box.setText("steel almirsh")
    wait_for_rows(qtbot, browser.model)
    assert browser.model.rowCount() == 0
    qtbot.waitUntil(lambda: browser.suggestion == "steel almirah", timeout=10_000)
    assert browser.empty_label.isVisible()
    text = browser.empty_label.text()
    assert "No listing matches “steel almirsh”." in text and "Did you mean" in text and "steel almirah" in text
    browser.empty_label.linkActivated.emit("suggestion")
    assert browser.search_box.text() == "steel almirah"
    wait_for_rows(qtbot, browser.model)
    assert browser.model.rowCount() > 0 and not browser.empty_label.isVisible()

    browser.search_box.setText("zqxjv")
    wait_for_rows(qtbot, browser.model)
    qtbot.wait(300)
    assert browser.empty_label.isVisible() and browser.suggestion is None
    assert "Did you mean" not in browser.empty_label.text()

"""The buyer's catalogue: search as you type over the local cache, filters, a sortable table
of any size, and the selected listing's details.

Every change of the words or a filter becomes one CatalogueRequest for the table's model,
which answers from the cache on its own thread (latest request wins). The category tree is
small and read from the cache when the categories change.
"""

from __future__ import annotations

from dataclasses import replace
from html import escape

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QSplitter, QTableView, QTreeView, QVBoxLayout, QWidget,
)

from app.browse import CatalogueRequest, CatalogueSearch
from app.cache import Cache, SearchFilters
from app.ui import operations
from app.ui.catalogue_model import ListingTableModel
from app.ui.formats import in_rupees, number
from app.ui.i18n import current_language
from app.ui.icons import icon
from app.ui.listing_detail import ListingDetail
from app.ui.tasks import TaskManager
from domain.money import MoneyError, paise_from_rupees
from app.ui.widgets import Retranslating, problem_label

CATEGORY_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_HEIGHT_EXTRA = 10  # pixels above the font's height in a table row
COLUMN_WIDTHS = {1: 125, 2: 115, 3: 120, 4: 90}  # brand, price, seller class, stock (the product stretches)


class CategoryTreeModel(QStandardItemModel):
    """The category tree from the cache, in the user's language, under "All categories"."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._categories: list[dict] = []

    def load(self, categories: list[dict]) -> None:
        self._categories = categories
        self._build()

    def _build(self) -> None:
        self.clear()
        key = "name_hi" if current_language() == "hi" else "name_en"
        everything = QStandardItem(self.tr("All categories"))
        everything.setData(None, CATEGORY_ID_ROLE)
        everything.setEditable(False)
        self.appendRow(everything)
        items: dict[int, QStandardItem] = {}
        for category in self._categories:
            item = QStandardItem(category[key])
            item.setData(category["id"], CATEGORY_ID_ROLE)
            item.setEditable(False)
            items[category["id"]] = item
        for category in sorted(self._categories, key=lambda c: c[key].casefold()):
            parent = items.get(category["parent_id"]) if category["parent_id"] else None
            (parent or everything).appendRow(items[category["id"]])

    def retranslate(self) -> None:
        self._build()


class CatalogueBrowser(Retranslating, QWidget):
    # The listing the user has chosen among those shown, or None: what Buy and Add to cart act on.
    selection_moved = Signal(object)
    listing_opened = Signal(str)  # double-click or Enter on a row: the listing, to open

    def __init__(self, cache: Cache, user: dict | None, parent: QWidget | None = None,
                 tasks: TaskManager | None = None) -> None:
        super().__init__(parent)
        self.cache = cache
        self.tasks = tasks  # for the spelling suggestion of a search that found nothing
        self.user = user or {}
        self.model = ListingTableModel(CatalogueSearch(cache), self)
        self.categories = CategoryTreeModel(self)

        self.search_box = QLineEdit(self, objectName="catalogueSearch", clearButtonEnabled=True)
        self.search_box.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.count_label = QLabel(self, objectName="catalogueCount")
        # The empty state: what found nothing, and a "did you mean" from the index's words.
        self.empty_label = QLabel(self, objectName="catalogueEmpty", wordWrap=True)
        self.empty_label.setTextFormat(Qt.TextFormat.RichText)
        self.empty_label.setStyleSheet("#catalogueEmpty { background: #f1f3f4; padding: 8px; border-radius: 4px; }")
        self.empty_label.hide()
        self.empty_label.linkActivated.connect(self._take_suggestion)
        self.suggestion: str | None = None

        self.category_tree = QTreeView(self, objectName="categoryTree", headerHidden=True)
        self.category_tree.setModel(self.categories)
        self.min_price = QLineEdit(self, objectName="minPrice")
        self.max_price = QLineEdit(self, objectName="maxPrice")
        self.price_problem = problem_label(self, "priceProblem")
        self.mse_only = QCheckBox(self, objectName="mseOnly")
        self.mii_class = QComboBox(self, objectName="miiClass")
        self.my_district = QCheckBox(self, objectName="myDistrict")
        district = (self.user.get("buyer_org") or {}).get("district")
        self.district = district
        self.my_district.setVisible(bool(district))

        self.table = QTableView(self, objectName="catalogueTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # No sort indicator before sorting is enabled: enabling it sorts at once by the
        # indicator's column, which would turn every search into a sort of all its matches.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        # Fixed row heights: the view never asks a million rows for their size.
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + ROW_HEIGHT_EXTRA)
        rows.hide()
        columns = self.table.horizontalHeader()
        columns.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in COLUMN_WIDTHS.items():
            columns.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            columns.resizeSection(column, width)
        self.detail = ListingDetail(cache, self)

        self.filters_box = QGroupBox(self)
        filters = QFormLayout()
        prices = QHBoxLayout()
        prices.addWidget(self.min_price)
        self.price_dash = QLabel("–", self)
        prices.addWidget(self.price_dash)
        prices.addWidget(self.max_price)
        self.price_label = QLabel(self)
        filters.addRow(self.price_label, prices)
        filters.addRow(self.price_problem)
        self.mii_label = QLabel(self)
        filters.addRow(self.mii_label, self.mii_class)
        filters.addRow(self.mse_only)
        filters.addRow(self.my_district)
        self.filters_box.setLayout(filters)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.categories_label = QLabel(self)
        left_layout.addWidget(self.categories_label)
        left_layout.addWidget(self.category_tree, 1)
        left_layout.addWidget(self.filters_box)

        middle = QWidget(self)
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.search_box, 1)
        top.addWidget(self.count_label)
        middle_layout.addLayout(top)
        middle_layout.addWidget(self.empty_label)
        middle_layout.addWidget(self.table, 1)

        self.splitter = QSplitter(self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(middle)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([230, 640, 330])
        self._sized = False  # the panes are sized to the window once, when first shown
        self.columns_restored = False  # the user's own column widths came back (app/ui/main_window.py)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

        # Keyboard: from the search box to the table, the categories, then the filters.
        QWidget.setTabOrder(self.search_box, self.table)
        QWidget.setTabOrder(self.table, self.category_tree)
        QWidget.setTabOrder(self.category_tree, self.min_price)
        QWidget.setTabOrder(self.min_price, self.max_price)
        QWidget.setTabOrder(self.max_price, self.mii_class)
        QWidget.setTabOrder(self.mii_class, self.mse_only)
        QWidget.setTabOrder(self.mse_only, self.my_district)

        self.retranslate()
        self.search_box.textChanged.connect(self.update_request)
        self.min_price.textChanged.connect(self.update_request)
        self.max_price.textChanged.connect(self.update_request)
        self.mse_only.toggled.connect(self.update_request)
        self.my_district.toggled.connect(self.update_request)
        self.mii_class.currentIndexChanged.connect(self.update_request)
        self.category_tree.selectionModel().selectionChanged.connect(self.update_request)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.activated.connect(self._open_row)  # a double-click, or Enter
        self.model.counted.connect(self._show_count)
        self.model.failed.connect(lambda: self.count_label.setText(self.tr("The search failed; see the log.")))
        self.model.modelReset.connect(self._keep_selection)
        self.model.rowsInserted.connect(self._selection_streamed_in)
        self.model.counted.connect(self._forget_pending_selection)
        self.search_box.returnPressed.connect(self._focus_results)
        self._selected_id: str | None = None
        self._selected_rowid: int | None = None
        # The listing that was selected before a new search whose first rows did not hold it:
        # selected again if it streams in before the search ends, forgotten when it ends.
        self._pending_rowid: int | None = None
        self._scroll: int | None = None
        self.reload_categories()
        self.update_request()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            self.size_panes()

    def size_panes(self) -> None:
        """The categories and the details take at most a fifth and a quarter of the width, so
        that on a small screen (1366x768 at 125%) the table keeps room for the product's name."""
        total = max(self.splitter.width(), 1)
        left, detail = min(230, total // 5), min(330, total // 4)
        self.splitter.setSizes([left, total - left - detail, detail])
        if self.columns_restored:
            return
        # The other columns give way too, so that the product's name keeps 40% of the table.
        columns = self.table.horizontalHeader()
        others = {column: COLUMN_WIDTHS[column] for column in COLUMN_WIDTHS}
        room = self.splitter.sizes()[1] * 0.6
        factor = min(1.0, room / sum(others.values()))
        for column, width in others.items():
            columns.resizeSection(column, int(width * factor))

    # -- language ---------------------------------------------------------------------------


    def _fit_stock_column(self) -> None:
        """The Stock column is as wide as its widest word in this language ("स्टॉक समाप्त" is
        wider than "Out of stock"), so no row's stock is cut."""
        widest = max(self.fontMetrics().horizontalAdvance(text) for text in (
            QCoreApplication.translate("ListingTableModel", "Out of stock"),
            QCoreApplication.translate("ListingTableModel", "Stock"), "99,99,999"))
        columns = self.table.horizontalHeader()
        columns.resizeSection(4, max(columns.sectionSize(4), widest + 24))

    def retranslate(self) -> None:
        self.search_box.setPlaceholderText(self.tr("Search the catalogue: product, brand, model, specification (Ctrl+F)"))
        self.categories_label.setText(self.tr("Categories"))
        self.filters_box.setTitle(self.tr("Filters"))
        self.price_label.setText(in_rupees(self.tr("Price (Rs)")))
        self._fit_stock_column()
        self.min_price.setPlaceholderText(self.tr("from"))
        self.max_price.setPlaceholderText(self.tr("to"))
        self.mii_label.setText(self.tr("Make in India"))
        self.mse_only.setText(self.tr("MSE sellers only"))
        self.my_district.setText(self.tr("Delivers to my district (%1)").replace("%1", self.district or ""))
        current = self.mii_class.currentIndex()
        self.mii_class.blockSignals(True)
        self.mii_class.clear()
        for text, value in ((self.tr("Any class"), None), (self.tr("Class-I (50% local or more)"), "class_i"),
                            (self.tr("Class-II (over 20% local)"), "class_ii"), (self.tr("Non-local"), "non_local")):
            self.mii_class.addItem(text, value)
        self.mii_class.setCurrentIndex(max(current, 0))
        self.mii_class.blockSignals(False)
        self.model.retranslate()
        selected = self._selected_category()
        self.categories.retranslate()
        self.category_tree.expand(self.categories.index(0, 0))
        self._select_category(selected)
        self._show_count(self.model.rowCount(), self.model.is_finished())

    # -- the request --------------------------------------------------------------------------

    def reload_categories(self) -> None:
        selected = self._selected_category()
        self.detail.forget_categories()
        self.categories.load(self.cache.categories())
        self.category_tree.expand(self.categories.index(0, 0))
        self._select_category(selected)

    def _selected_category(self) -> int | None:
        indexes = self.category_tree.selectionModel().selectedIndexes() if self.category_tree.selectionModel() else []
        return indexes[0].data(CATEGORY_ID_ROLE) if indexes else None

    def _select_category(self, category_id: int | None) -> None:
        if category_id is None:
            return
        found = self.categories.match(self.categories.index(0, 0), CATEGORY_ID_ROLE, category_id, 1,
                                      Qt.MatchFlag.MatchRecursive | Qt.MatchFlag.MatchExactly)
        if found:
            self.category_tree.setCurrentIndex(found[0])
            self.category_tree.scrollTo(found[0])

    def _price(self, box: QLineEdit) -> tuple[int | None, bool]:
        text = box.text().strip()
        if not text:
            return None, True
        try:
            paise = paise_from_rupees(text)
        except MoneyError:
            return None, False
        return (paise, True) if paise >= 0 else (None, False)

    def current_request(self) -> CatalogueRequest | None:
        """The request the controls describe; None while a price cannot be read."""
        low, low_ok = self._price(self.min_price)
        high, high_ok = self._price(self.max_price)
        for box, ok in ((self.min_price, low_ok), (self.max_price, high_ok)):
            box.setStyleSheet("" if ok else "border: 1px solid #b3261e")
        if not (low_ok and high_ok):
            self.price_problem.setText(self.tr("Enter prices in rupees, like 2,500 or 2500.50."))
            self.price_problem.show()
            return None
        if low is not None and high is not None and low > high:
            self.price_problem.setText(self.tr("The lowest price is above the highest."))
            self.price_problem.show()
            return None
        self.price_problem.hide()
        category = self._selected_category()
        own_statuses = ("published", "out_of_stock") if self.user.get("role") == "seller" else ()
        filters = SearchFilters(
            category_ids=(category,) if category else (),
            min_price_paise=low, max_price_paise=high,
            mse_only=self.mse_only.isChecked(),
            mii_class=self.mii_class.currentData(),
            district=self.district if self.my_district.isChecked() else None,
            statuses=own_statuses,  # a seller browses what buyers see, not their own drafts
        )
        return CatalogueRequest(self.search_box.text(), filters, self.model.request.order, self.model.request.descending)

    def update_request(self, *_: object) -> None:
        request = self.current_request()
        if request is not None and request != self.model.request:
            self.model.set_request(request)
        elif request is not None and not self.model.rowCount() and self.model.is_finished():
            self.model.set_request(request)  # the first time, or again after a sync filled the cache

    def refresh(self) -> None:
        """The cache changed (a sync): show the current search again, keeping the place."""
        self._scroll = self.table.verticalScrollBar().value()
        self.reload_categories()
        self.model.refresh()

    # -- results ----------------------------------------------------------------------------

    def _show_count(self, count: int, finished: bool) -> None:
        if not finished and count:
            self.count_label.setText(self.tr("%1+ listings").replace("%1", number(count)))
        else:
            self.count_label.setText(self.tr("%Ln listing(s)", "", count))
        self._show_empty_state(count, finished)

    def _show_empty_state(self, count: int, finished: bool) -> None:
        """Nothing found: say what, and suggest the closest words the catalogue holds."""
        text = self.model.request.text.strip()
        filtered = replace(self.model.request.filters, statuses=()) != SearchFilters()  # what the user chose
        if not finished or count or not (text or filtered):
            self.empty_label.hide()
            self.suggestion = None
            return
        self._describe_empty(text, None)
        if text and self.tasks is not None:
            operations.spelling_suggestion(self.tasks, self.cache, text,
                                           lambda found, asked=text: self._suggested(asked, found))

    def _suggested(self, asked: str, found: str | None) -> None:
        if found and asked == self.model.request.text.strip() and not self.model.rowCount() and self.model.is_finished():
            self._describe_empty(asked, found)

    def _describe_empty(self, text: str, suggestion: str | None) -> None:
        self.suggestion = suggestion
        if text:
            lines = [escape(self.tr("No listing matches “%1”.").replace("%1", text))]
        else:
            lines = [escape(self.tr("No listing matches these filters."))]
        if suggestion:
            link = f"<a href='suggestion'>{escape(suggestion)}</a>"
            lines.append(escape(self.tr("Did you mean %1?")).replace("%1", link))
        lines.append(escape(self.tr("Check the spelling, try fewer or other words (Hindi or English), or clear the filters.")))
        self.empty_label.setText("<br>".join(lines))
        self.empty_label.show()

    def _take_suggestion(self, _link: str) -> None:
        if self.suggestion:
            self.search_box.setText(self.suggestion)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self._choose(None, None)
            return
        row = rows[0].row()
        self._choose(self.model.listing_id(row), self.model.rowid_at(row))

    def _choose(self, listing_id: str | None, rowid: int | None) -> None:
        self._selected_id, self._selected_rowid = listing_id, rowid
        self.detail.show_listing(listing_id)
        self.selection_moved.emit(listing_id)

    @property
    def selected_listing_id(self) -> str | None:
        """The selected listing, always one of the rows shown (None when none is)."""
        return self._selected_id

    def _keep_selection(self) -> None:
        """After a reset, keep the scroll place of a refresh and the selected listing if it is
        still shown; a listing the new rows do not show is no longer selected (nor detailed),
        so no action can reach a listing the user no longer sees."""
        if self._scroll is not None:
            self.table.verticalScrollBar().setValue(self._scroll)
            self._scroll = None
        wanted = self._selected_rowid if self._selected_rowid is not None else self._pending_rowid
        if wanted is None:
            return
        row = self.model.row_of(wanted)
        if row is not None:
            self._pending_rowid = None
            self.table.selectRow(row)
            return
        self._pending_rowid = None if self.model.is_finished() else wanted
        self.table.clearSelection()
        self._choose(None, None)

    def _selection_streamed_in(self, _parent, first: int, last: int) -> None:
        """A sort or a search streaming in: select again the listing that was selected before."""
        if self._pending_rowid is None:
            return
        row = self.model.row_of(self._pending_rowid)
        if row is not None and first <= row <= last:
            self._pending_rowid = None
            self.table.selectRow(row)

    def _forget_pending_selection(self, _count: int, finished: bool) -> None:
        if finished:
            self._pending_rowid = None

    def _open_row(self, index) -> None:
        listing_id = self.model.listing_id(index.row()) if index.isValid() else None
        if listing_id:
            self.listing_opened.emit(listing_id)

    def _focus_results(self) -> None:
        self.table.setFocus()
        if self.model.rowCount() and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))

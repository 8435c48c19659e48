"""The buyer's catalogue: search as you type over the local cache, filters, a sortable table
of any size, and the selected listing's details.

Every change of the words or a filter becomes one CatalogueRequest for the table's model,
which answers from the cache on its own thread (latest request wins). The category tree is
small and read from the cache when the categories change.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QSplitter, QTableView, QTreeView, QVBoxLayout, QWidget,
)

from app.browse import CatalogueRequest, CatalogueSearch
from app.cache import Cache, SearchFilters
from app.ui.catalogue_model import ListingTableModel
from app.ui.formats import in_rupees, number
from app.ui.i18n import current_language
from app.ui.icons import icon
from app.ui.listing_detail import ListingDetail
from domain.money import MoneyError, paise_from_rupees
from app.ui.widgets import Retranslating, problem_label

CATEGORY_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_HEIGHT_EXTRA = 10  # pixels above the font's height in a table row


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
    def __init__(self, cache: Cache, user: dict | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cache = cache
        self.user = user or {}
        self.model = ListingTableModel(CatalogueSearch(cache), self)
        self.categories = CategoryTreeModel(self)

        self.search_box = QLineEdit(self, objectName="catalogueSearch", clearButtonEnabled=True)
        self.search_box.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.count_label = QLabel(self, objectName="catalogueCount")

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
        for column, width in ((1, 130), (2, 130), (3, 130), (4, 90)):
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
        middle_layout.addWidget(self.table, 1)

        self.splitter = QSplitter(self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(middle)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([230, 640, 330])
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
        self.model.counted.connect(self._show_count)
        self.model.failed.connect(lambda: self.count_label.setText(self.tr("The search failed; see the log.")))
        self.model.modelReset.connect(self._keep_selection)
        self.search_box.returnPressed.connect(self._focus_results)
        self._selected_id: str | None = None
        self._selected_rowid: int | None = None
        self._scroll: int | None = None
        self.reload_categories()
        self.update_request()

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

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        listing_id = self.model.listing_id(indexes[0].row())
        self._selected_id, self._selected_rowid = listing_id, self.model.rowid_at(indexes[0].row())
        self.detail.show_listing(listing_id)

    @property
    def selected_listing_id(self) -> str | None:
        return self._selected_id

    def _keep_selection(self) -> None:
        """After a reset, keep the scroll place of a refresh and the selected listing."""
        if self._scroll is not None:
            self.table.verticalScrollBar().setValue(self._scroll)
            self._scroll = None
        if self._selected_rowid is not None:
            row = self.model.row_of(self._selected_rowid)
            if row is not None:
                self.table.selectRow(row)
                return
        self.detail.show_listing(self._selected_id if self.cache.listing(self._selected_id or "") else None)

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

"""Buying a catalogue listing: a direct purchase, or an L1 purchase after comparing the
products of the category that meet the key parameters the buyer ticks, with the values the
buyer asks for (the listing's own to start with), and deliver to the consignee
(domain/l1_comparison.py; the server checks it again). The dialog says which route the
value allows under the order in force; the order is queued, then waits for the approving
officer.
"""

from __future__ import annotations

from html import escape
from typing import Any, Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGridLayout, QGroupBox, QHeaderView,
    QLabel, QLineEdit, QPushButton,
    QRadioButton, QSpinBox, QTableView, QVBoxLayout, QWidget,
)

from app.ui import operations
from app.ui.formats import money
from app.ui.tasks import TaskManager
from app.ui.widgets import Retranslating, RowsModel, district_completer, key_param_label, problem_label
from app.workspace import Workspace
from domain.buying_modes import NoRuleSet, Route, advise
from domain.timefmt import IST, utc_now


class ComparisonModel(RowsModel):
    """The L1 comparison: products meeting the requirement, lowest price first, L1 in bold."""

    COLUMNS = ("rank", "brand", "title", "price")

    def headers(self) -> dict[str, str]:
        return {"rank": self.tr("Rank"), "brand": self.tr("OEM (brand)"), "title": self.tr("Product"),
                "price": self.tr("Price")}

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index)
        if row is None:
            return None
        key = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.FontRole and index.row() == 0:
            font = QFont()
            font.setBold(True)
            return font
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if key == "rank":
            return self.tr("L1") if index.row() == 0 else f"L{index.row() + 1}"
        if key == "price":
            return money(row["price_paise"])
        return row[key]


def _key_params(workspace: Workspace, listing: dict[str, Any]) -> list[dict[str, Any]]:
    """The listing's category's key parameters; the listing's own names where the category is
    not on this computer."""
    category = next((c for c in workspace.cache.categories() if c["id"] == listing.get("category_id")), None)
    if category and category.get("key_params"):
        return category["key_params"]
    return [{"name": name, "label_en": name, "label_hi": name} for name in sorted(listing.get("key_specs") or {})]


class PurchaseDialog(Retranslating, QDialog):
    def __init__(self, workspace: Workspace, tasks: TaskManager, listing: dict[str, Any], district: str,
                 on_queued: Callable[[Any], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("purchaseDialog")
        self.workspace, self.tasks, self.listing, self.on_queued = workspace, tasks, listing, on_queued
        self.comparison: dict[str, Any] | None = None

        self.heading = QLabel(self, wordWrap=True)
        self.quantity = QSpinBox(self, objectName="purchaseQuantity", minimum=max(1, listing.get("min_order_qty") or 1),
                                 maximum=max(1, listing.get("stock") or 1))
        self.district = QLineEdit(district, self, objectName="purchaseDistrict")
        self.district.setCompleter(district_completer(self.district, workspace.cache.districts()))
        self.direct = QRadioButton(self, objectName="directPurchase", checked=True)
        self.l1 = QRadioButton(self, objectName="l1Purchase")
        self.verdict = QLabel(self, objectName="purchaseVerdict", wordWrap=True)
        self.compare_button = QPushButton(self, objectName="compareButton")
        # The requirement: which of the category's key parameters the product must meet, and
        # with what value (the listing's to start with). All of the listing's values narrow
        # the comparison to near-identical products (often one OEM), so the buyer says what
        # the need is.
        self.specs_box = QGroupBox(self, objectName="keyParameters")
        specs_layout = QGridLayout(self.specs_box)
        self.spec_checks: dict[str, QCheckBox] = {}
        self.spec_values: dict[str, QComboBox] = {}
        self.spec_params: dict[str, dict[str, Any]] = {}  # for their labels in the language in effect
        specs = listing.get("key_specs") or {}
        for row, param in enumerate(_key_params(workspace, listing)):
            name = param["name"]
            check = QCheckBox(key_param_label(param), self.specs_box, checked=name in specs)
            value = QComboBox(self.specs_box, objectName=f"requirement_{name}", editable=param.get("kind") != "choice")
            value.addItems([str(choice) for choice in param.get("choices") or []])
            value.setCurrentText(str(specs.get(name, "")))
            check.toggled.connect(self._requirement_changed)
            value.currentTextChanged.connect(self._requirement_changed)
            specs_layout.addWidget(check, row, 0)
            specs_layout.addWidget(value, row, 1)
            self.spec_checks[name], self.spec_values[name], self.spec_params[name] = check, value, param
        specs_layout.setColumnStretch(1, 1)
        self.specs_box.setVisible(bool(self.spec_checks))
        self.model = ComparisonModel(self)
        self.table = QTableView(self, objectName="comparisonTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.oems = QLabel(self, objectName="comparisonOems", wordWrap=True)
        self.reason = QLineEdit(self, objectName="fewerOemsReason")
        self.problem = problem_label(self, "purchaseProblem")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self._order)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        self.quantity_label, self.district_label, self.reason_label = QLabel(self), QLabel(self), QLabel(self)
        form.addRow(self.quantity_label, self.quantity)
        form.addRow(self.district_label, self.district)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.verdict)
        layout.addWidget(self.direct)
        layout.addWidget(self.l1)
        layout.addWidget(self.specs_box)
        layout.addWidget(self.compare_button)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.oems)
        reason_form = QFormLayout()
        reason_form.addRow(self.reason_label, self.reason)
        layout.addLayout(reason_form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        for signal in (self.quantity.valueChanged, self.direct.toggled, self.reason.textChanged):
            signal.connect(self._check)
        self.district.textChanged.connect(self._requirement_changed)
        self.compare_button.clicked.connect(self.compare)
        self.resize(760, 560)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Buy"))
        self.quantity_label.setText(self.tr("Quantity"))
        self.district_label.setText(self.tr("Consignee's district"))
        self.direct.setText(self.tr("Direct purchase of this listing"))
        self.l1.setText(self.tr("L1 purchase: the lowest-priced product meeting these key parameters"))
        self.compare_button.setText(self.tr("Compare"))
        self.specs_box.setTitle(self.tr("Key parameters the product must meet"))
        self.reason_label.setText(self.tr("Why fewer than three OEMs"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Send for approval"))
        for name, check in self.spec_checks.items():
            check.setText(key_param_label(self.spec_params[name]))
        self._show_oems()
        self._check()

    def total_paise(self) -> int:
        """The order's value: the L1's price once compared for an L1 purchase, else this listing's."""
        price = self.listing["price_paise"]
        if self.l1.isChecked() and self.comparison and self.comparison["ranked"]:
            price = self.comparison["ranked"][0]["price_paise"]
        return price * self.quantity.value()

    def required_specs(self) -> dict[str, str]:
        """The key parameters ticked, with the values asked for (an empty value asks for nothing)."""
        return {name: self.spec_values[name].currentText().strip() for name, check in self.spec_checks.items()
                if check.isChecked() and self.spec_values[name].currentText().strip()}

    def _requirement_changed(self, *_: object) -> None:
        """A changed requirement makes the earlier comparison stale: compare again."""
        self.comparison = None
        self.model.set_rows([])
        self.oems.setText("")
        self._check()

    def compare(self) -> None:
        if not self.l1.isChecked():  # Compare is an L1 purchase's step: never a silent change of route
            return
        operations.compare_l1(self.tasks, self.workspace, self.listing["category_id"], self.required_specs(),
                              self.district.text().strip(), self._compared, self._failed)

    def _compared(self, comparison: dict[str, Any]) -> None:
        self.comparison = comparison
        self.model.set_rows(comparison["ranked"])
        self._show_oems()
        self._check()

    def _show_oems(self) -> None:
        if self.comparison is not None:
            self.oems.setText(self.tr("%n OEM(s) meet(s) the requirement: %1", "", len(self.comparison["oems"]))
                              .replace("%1", ", ".join(self.comparison["oems"])))

    def _failed(self, error: BaseException) -> None:
        self.problem.setText(str(error))
        self.problem.show()

    def _problems(self) -> str | None:
        if not self.district.text().strip():
            return self.tr("Enter the consignee's district.")
        if self.l1.isChecked():
            if self.comparison is None:
                return self.tr("Compare first: only the L1 can be ordered.")
            if not self.comparison["ranked"]:
                return self.tr("No product of this category meets the key parameters and delivers there.")
            if not self.comparison["enough_oems"] and not self.reason.text().strip():
                return self.tr("Fewer than three OEMs: say why you buy from this comparison.")
        return None

    def _show_heading(self) -> None:
        """The heading names what would be ordered: the listing chosen for a direct purchase,
        the L1 once compared for an L1 purchase (which may be another listing)."""
        l1 = self.comparison["ranked"][0] if self.l1.isChecked() and self.comparison and self.comparison["ranked"] else None
        if l1 is None or l1.get("listing_id", l1.get("id")) == self.listing["id"]:
            text = f"<b>{escape(self.listing['title'])}</b> · {escape(money(self.listing['price_paise']))}"
            if self.l1.isChecked():
                text += "<br>" + escape(self.tr("L1 purchase: compare to see which product is the L1; only the L1 "
                                                "can be ordered."))
        else:
            text = (f"<b>{escape(l1['title'])}</b> · {escape(money(l1['price_paise']))}<br>"
                    + escape(self.tr("The L1 for these key parameters, in place of the listing you chose (%1 at %2).")
                             .replace("%1", self.listing["title"]).replace("%2", money(self.listing["price_paise"]))))
        self.heading.setText(text)

    def _check(self, *_: object) -> None:
        # Key parameters and Compare belong to the L1 route; a direct purchase is of this listing.
        self.specs_box.setEnabled(self.l1.isChecked())
        self.compare_button.setEnabled(self.l1.isChecked())
        self._show_heading()
        self.reason.setEnabled(bool(self.comparison) and not self.comparison["enough_oems"])
        try:
            today = utc_now().astimezone(IST).date()
            advice = advise(self.total_paise(), today, None)
            allowed = Route.DIRECT_PURCHASE in advice.allowed if self.direct.isChecked() else Route.L1_PURCHASE in advice.allowed
            self.verdict.setText(self.tr("Value %1: %2").replace("%1", money(self.total_paise())).replace(
                "%2", self.tr("allowed by this route") if allowed else self.tr("above this route's limit (%1)")
                .replace("%1", advice.rule_set.order.citation)))
        except NoRuleSet:
            allowed = False
        problem = self._problems()
        self.problem.setText(problem or "")
        self.problem.setVisible(bool(problem))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(problem is None and allowed)

    def _order(self) -> None:
        if self._problems() is not None:
            return
        district, quantity = self.district.text().strip(), self.quantity.value()
        if self.l1.isChecked():
            listing_id, mode = self.comparison["l1_listing_id"], "l1"
            specs, reason = self.required_specs(), self.reason.text().strip()
        else:
            listing_id, mode, specs, reason = self.listing["id"], "direct", None, ""
        operations.queue(self.tasks, lambda p: p.purchase(mode, listing_id, quantity, district, specs, reason),
                         self.workspace, self.on_queued)
        self.accept()

"""The buyer's cart (app/cart.py): the listings chosen for one direct purchase, their
quantities within each seller's minimum order and stock, the total in rupees and what the
buying-mode rules in force today say of it (domain/buying_modes.py), and the consignee's
district. "Send for approval" queues one order per seller for the approving officer.

Sellers are shown as buyers see them in the catalogue: by their class and place, lettered
in the order they came into the cart; GeM reveals their names only after the purchase.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QFormLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QSpinBox,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from app.cart import CartLine, by_seller, today
from app.ui import operations
from app.ui.formats import money, money_in_words, number, seller_class_text
from app.ui.tasks import TaskManager
from app.ui.widgets import PROBLEM_STYLE, Retranslating, district_completer, problem_label
from app.workspace import Workspace
from domain.buying_modes import NoRuleSet, Route, advise

ITEM, SELLER, UNIT_PRICE, QUANTITY, LINE_TOTAL, REMOVE = range(6)
ALLOWED_STYLE = "color:#137333"


class CartDialog(Retranslating, QDialog):
    changed = Signal()  # the cart's lines changed (the window's "Cart (N)")
    sent = Signal(list)  # the ids of the orders queued for approval

    def __init__(self, workspace: Workspace, tasks: TaskManager, district: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cartDialog")
        self.workspace, self.tasks = workspace, tasks
        self.lines: list[CartLine] = []
        self.sellers: dict[int, dict[str, Any] | None] = {}
        self.loaded = False

        self.heading = QLabel(self, wordWrap=True)
        self.table = QTableWidget(0, 6, self, objectName="cartTable")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ITEM, QHeaderView.ResizeMode.Stretch)
        self.total = QLabel(self, objectName="cartTotal")
        font = QFont(self.total.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.total.setFont(font)
        self.verdict = QLabel(self, objectName="cartVerdict", wordWrap=True)
        self.district = QLineEdit(district, self, objectName="cartDistrict")
        self.district.setCompleter(district_completer(self.district, workspace.cache.districts()))
        self.district_label = QLabel(self)
        self.note = QLabel(self, objectName="cartNote", wordWrap=True)
        self.note.setStyleSheet("color:#5f6368")
        self.problem = problem_label(self, "cartProblem")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close, self)
        self.send_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.send_button.setObjectName("sendForApproval")
        self.buttons.accepted.connect(self.send_for_approval)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.district_label, self.district)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.total, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.verdict)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.district.textChanged.connect(lambda _text: self._check())
        self.resize(980, 520)
        self.retranslate()
        self.reload()

    # -- the lines ----------------------------------------------------------------------------

    def reload(self) -> None:
        operations.load_cart(self.tasks, self.workspace, self._loaded)

    def _loaded(self, answer: tuple[list[CartLine], dict[int, dict[str, Any] | None]]) -> None:
        self.lines, self.sellers = answer
        self.loaded = True
        self._fill()

    def seller_text(self, seller_id: int) -> str:
        """"Seller B · Small (MSE), Durg": the letter tells which lines make one order."""
        letters = {seller: chr(ord("A") + n) if n < 26 else str(n + 1) for n, seller in enumerate(by_seller(self.lines))}
        name = self.tr("Seller %1").replace("%1", letters.get(seller_id, "?"))
        seller = self.sellers.get(seller_id)
        if seller is None:
            return name
        return f"{name} · {seller_class_text(seller['mse_class'])}, {seller['district']}"

    def _fill(self) -> None:
        self.table.setRowCount(len(self.lines))
        for row, line in enumerate(self.lines):
            item = QTableWidgetItem(line.title)
            item.setToolTip(f"{line.title}\n{line.brand}")
            self.table.setItem(row, ITEM, item)
            self.table.setItem(row, SELLER, QTableWidgetItem(self.seller_text(line.seller_id)))
            self.table.setItem(row, UNIT_PRICE, _right(money(line.unit_price_paise)))
            quantity = QSpinBox(self.table, objectName="cartQuantity", minimum=line.min_order_qty,
                                maximum=max(line.stock, line.min_order_qty), value=line.quantity)
            quantity.setGroupSeparatorShown(True)
            quantity.setToolTip(self.tr("Minimum order %1; %2 in stock").replace("%1", number(line.min_order_qty))
                                .replace("%2", number(line.stock)))
            quantity.valueChanged.connect(lambda value, listing_id=line.listing_id: self._quantity_changed(listing_id, value))
            self.table.setCellWidget(row, QUANTITY, quantity)
            self.table.setItem(row, LINE_TOTAL, _right(money(line.total_paise)))
            remove = QPushButton(self.tr("Remove"), self.table, objectName="removeLine")
            remove.clicked.connect(lambda _checked=False, listing_id=line.listing_id: self.remove(listing_id))
            self.table.setCellWidget(row, REMOVE, remove)
        self.table.resizeRowsToContents()
        self._check()

    def quantity_box(self, row: int) -> QSpinBox:
        return self.table.cellWidget(row, QUANTITY)

    def _quantity_changed(self, listing_id: str, quantity: int) -> None:
        row = next(n for n, line in enumerate(self.lines) if line.listing_id == listing_id)
        self.lines[row] = replace(self.lines[row], quantity=quantity)
        self.table.item(row, LINE_TOTAL).setText(money(self.lines[row].total_paise))
        self._check()
        operations.set_cart_quantity(self.tasks, self.workspace, listing_id, quantity,
                                     lambda _line: self.changed.emit(), self._failed)

    def remove(self, listing_id: str) -> None:
        def removed(_: object) -> None:
            self.changed.emit()
            self.reload()
        operations.remove_from_cart(self.tasks, self.workspace, listing_id, removed)

    # -- the verdict --------------------------------------------------------------------------

    def total_paise(self) -> int:
        return sum(line.total_paise for line in self.lines)

    def _check(self) -> None:
        """The total, what the rules in force today say of it, and whether it can be sent."""
        total = self.total_paise()
        self.total.setText(self.tr("Total: %1").replace("%1", money_in_words(total)))
        allowed, reason = False, None
        self.verdict.setStyleSheet("")
        if not self.lines:
            self.verdict.setText("")
            empty = self.tr("The cart is empty: choose listings in the catalogue and add them with Add to cart.")
            self.note.setText(empty if self.loaded else "")
            self.send_button.setToolTip(empty)
        else:
            try:
                advice = advise(total, today())
            except NoRuleSet as error:
                self.verdict.setText(str(error))
            else:
                limit, citation = money(advice.rule_set.direct_limit_paise), advice.rule_set.order.citation
                allowed = Route.DIRECT_PURCHASE in advice.allowed
                if allowed:
                    self.verdict.setStyleSheet(ALLOWED_STYLE)
                    self.verdict.setText(self.tr("Allowed as a direct purchase: the limit is %1 (GFR 2017 Rule 149; %2).")
                                         .replace("%1", limit).replace("%2", citation))
                else:
                    self.verdict.setText(self.tr(
                        "Above the direct purchase limit of %1 (GFR 2017 Rule 149; %2). The whole cart is one "
                        "purchase: buy it by L1 purchase or bid, or take items out of the cart.")
                        .replace("%1", limit).replace("%2", citation))
                    self.verdict.setStyleSheet(PROBLEM_STYLE)
            if allowed and not self.district.text().strip():
                allowed, reason = False, self.tr("Enter the consignee's district.")
        if self.lines:
            self.note.setText(self.tr(
                "%n order(s), one per seller, will go to your office's approving officer; the marketplace checks "
                "each line again. Sellers' names are shown only after the purchase.", "", len(by_seller(self.lines))))
            self.send_button.setToolTip("" if allowed else (reason or self.verdict.text()))
        self.verdict.setVisible(bool(self.verdict.text()))
        self.note.setVisible(bool(self.note.text()))
        self.problem.setText(reason or "")
        self.problem.setVisible(bool(reason))
        self.send_button.setEnabled(allowed)

    # -- sending ------------------------------------------------------------------------------

    def send_for_approval(self) -> None:
        if not self.send_button.isEnabled():
            return
        self.send_button.setEnabled(False)  # one checkout, however often it is clicked
        operations.check_out(self.tasks, self.workspace, self.district.text(), self._sent, self._failed)

    def _sent(self, order_ids: list[str]) -> None:
        self.changed.emit()
        self.sent.emit(order_ids)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        """The cart as it stands on disk, and the sentence saying what was refused."""
        def shown(answer: tuple[list[CartLine], dict[int, dict[str, Any] | None]]) -> None:
            self._loaded(answer)
            self.problem.setText(str(error))
            self.problem.show()
        operations.load_cart(self.tasks, self.workspace, shown)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Cart"))
        self.heading.setText(self.tr("Listings to buy in one direct purchase, at the prices you saw in the catalogue."))
        self.table.setHorizontalHeaderLabels([self.tr("Item"), self.tr("Seller"), self.tr("Unit price"),
                                              self.tr("Quantity"), self.tr("Line total"), ""])
        self.district_label.setText(self.tr("Consignee's district"))
        self.send_button.setText(self.tr("Send for approval"))
        if self.loaded:
            self._fill()
        else:
            self._check()


def _right(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item

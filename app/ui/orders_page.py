"""Orders: from the officer's approval to payment, for every role (docs/api.md, "Orders").

An approving officer approves or returns the office's direct and L1 purchases with a remark.
A seller accepts or declines an order, then marks it delivered. The office issues the CRAC
(consignee receipt and acceptance) when the goods arrive and records the payment, which is
due a set number of days after the CRAC. Each order's history shows as a timeline and the
order document can be saved as a PDF. Every step goes to the outbox first, like the bids'.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, QDir, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QPlainTextEdit, QPushButton,
    QSplitter, QTabWidget, QTextBrowser, QVBoxLayout, QWidget,
)

from app.read_cache import Cached
from app.ui import operations
from app.ui.formats import day, money, money_in_words, seller_class_text, when
from app.ui.order_document import write_order_pdf
from app.ui.tasks import TaskManager
from app.ui.timeline import Timeline
from app.ui.widgets import Retranslating, RowsModel, in_documents, rows_table
from app.workspace import Workspace
from domain.timefmt import ist_text


def order_status_text(status: str) -> str:
    translate = QCoreApplication.translate
    return {
        "awaiting_approval": translate("OrderStatus", "Awaiting approval"),
        "returned": translate("OrderStatus", "Returned"),
        "placed": translate("OrderStatus", "Placed, awaiting the seller"),
        "accepted": translate("OrderStatus", "Accepted"),
        "declined": translate("OrderStatus", "Declined by the seller"),
        "delivered": translate("OrderStatus", "Delivered"),
        "received": translate("OrderStatus", "Received (CRAC issued)"),
        "paid": translate("OrderStatus", "Paid"),
    }.get(status, status)


def mode_text(order: dict[str, Any]) -> str:
    translate = QCoreApplication.translate
    if order.get("mode") == "bid":
        return translate("OrderStatus", "Bid %1").replace("%1", order.get("bid_number") or "")
    return {"direct": translate("OrderStatus", "Direct purchase"),
            "l1": translate("OrderStatus", "L1 purchase")}.get(order.get("mode", ""), order.get("mode", ""))


# What each role does next, by the order's status: (step, who may take it).
NEXT_STEPS = {
    ("approver", "awaiting_approval"): ("approve", "return"),
    ("seller", "placed"): ("accept", "decline"),
    ("seller", "accepted"): ("deliver",),
    ("buyer", "delivered"): ("receive",),
    ("approver", "delivered"): ("receive",),
    ("buyer", "received"): ("pay",),
    ("approver", "received"): ("pay",),
}
# Steps whose remark is required (the other party and the record must know why).
REMARK_REQUIRED = {"return", "decline"}


# Statuses in which the marketplace does not name the seller's firm to the office yet
# (server/services/orders.py NOT_THE_SELLERS_YET: the purchase is not decided).
NOT_NAMED_YET = ("awaiting_approval", "returned")


PARTY_MAX_WIDTH = 240  # px: a firm's name beyond it is elided (whole in the summary)


def needs_me(role: str, order: dict[str, Any]) -> bool:
    return (role, order.get("status")) in NEXT_STEPS


class OrdersModel(RowsModel):
    COLUMNS = ("number", "title", "party", "total", "status", "due")

    def __init__(self, role: str, parent=None) -> None:
        super().__init__(parent)
        self.role = role
        self.seller_hints: dict[Any, str] = {}  # seller id -> its MSE class (the cache's; never a name)

    def party_text(self, order: dict[str, Any]) -> str:
        """The other side: the buyer's office for a seller; for the office, the seller's firm,
        or before approval why it is not named (and the seller's class and district)."""
        if self.not_named_yet(order):
            hint = self.seller_hints.get(order.get("seller_id"))  # worded now: in the language in effect
            return self.tr("Named at approval · %1").replace("%1", seller_class_text(hint)) if hint else \
                self.tr("Named at approval")
        return order.get("buyer_office" if self.role == "seller" else "seller_name") or ""

    def not_named_yet(self, order: dict[str, Any]) -> bool:
        """The office's purchase before approval: the marketplace does not name the seller yet."""
        return self.role != "seller" and not order.get("seller_name") and order.get("status") in NOT_NAMED_YET

    @property
    def orders(self) -> list[dict[str, Any]]:
        return self.rows

    def headers(self) -> dict[str, str]:
        return {"number": self.tr("Order"), "title": self.tr("Item"),
                "party": self.tr("Buyer's office") if self.role == "seller" else self.tr("Seller"),
                "total": self.tr("Value"), "status": self.tr("Status"), "due": self.tr("Payment due")}

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        order = self.row_at(index)
        if order is None:
            return None
        key = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and key == "title":
            return order.get("title", "")
        if role == Qt.ItemDataRole.ToolTipRole and key == "party" and self.not_named_yet(order):
            return self.tr("The marketplace names the seller's firm once the approving officer has approved and "
                           "placed the order; until then the office sees the seller's class.")
        if role == Qt.ItemDataRole.ForegroundRole and key == "party" and self.not_named_yet(order):
            return QColor("#5f6368")
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "total":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if key == "number":
            return order.get("number") or self.tr("(not placed)")
        if key == "title":
            return order.get("title") or (order.get("lines") or [{}])[0].get("item", "")
        if key == "party":
            return self.party_text(order)
        if key == "total":
            return money(order.get("total_paise"))
        if key == "status":
            return order_status_text(order.get("status", ""))
        return day(order.get("payment_due_at"))


class OrdersPage(Retranslating, QWidget):
    changed = Signal()  # something was queued: sync soon
    unreachable = Signal()  # the marketplace did not answer: what shows is the kept copy
    waiting_changed = Signal(int)  # how many orders wait for this user's step

    def __init__(self, workspace: Workspace, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ordersPage")
        self.workspace, self.tasks = workspace, tasks
        self.role = (workspace.user or {}).get("role", "")
        self.all_orders: list[dict[str, Any]] = []
        self.current: dict[str, Any] | None = None
        self.history: list[dict[str, Any]] = []
        self.source: Cached | None = None  # where the list shown came from, and when
        self.loads = 0  # answers to reload() so far (tests wait on it)

        self.model = OrdersModel(self.role, self)
        self.table = rows_table(self, "ordersTable", self.model)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        # The item takes the room left; the other columns are as wide as what they hold (an
        # empty "Payment due" only as wide as its heading). A long firm's name is elided
        # rather than squeezing the item.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)  # fitted in _fit_party()
        header.setStretchLastSection(False)
        self.table.selectionModel().currentRowChanged.connect(lambda index, _old: self._select(index.row()))

        self.mine_only = QCheckBox(self, objectName="ordersNeedingMe")
        self.mine_only.toggled.connect(lambda _on: self._show_list())
        self.refresh_button = QPushButton(self, objectName="refreshOrdersButton")
        self.refresh_button.clicked.connect(self.reload)
        self.queue_label = QLabel(self, objectName="ordersQueue", wordWrap=True)
        self.message = QLabel(self, objectName="ordersMessage", wordWrap=True)
        self.waiting = QLabel(self, objectName="ordersWaiting", wordWrap=True)
        self.waiting.setStyleSheet("background:#e8f0fe;border:1px solid #1f5fa8;border-radius:4px;padding:6px;"
                                   "font-weight:bold")
        self.waiting.hide()
        self.waiting_count = 0

        self.actions: dict[str, QPushButton] = {}
        for step in ("approve", "return", "accept", "decline", "deliver", "receive", "pay", "pdf"):
            button = QPushButton(self, objectName=f"order_{step}")
            button.clicked.connect(lambda _checked=False, step=step: self._do(step))
            button.hide()
            self.actions[step] = button

        self.summary = QTextBrowser(self, objectName="orderSummary")
        self.timeline = Timeline(self)
        self.detail_tabs = QTabWidget(self, objectName="orderDetailTabs")
        self.detail_tabs.addTab(self.summary, "")
        self.detail_tabs.addTab(self.timeline, "")

        top = QHBoxLayout()
        top.addWidget(self.mine_only)
        top.addWidget(self.refresh_button)
        top.addWidget(self.queue_label, 1)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.waiting)
        left_layout.addLayout(top)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.message)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        for button in self.actions.values():
            buttons.addWidget(button)
        buttons.addStretch(1)
        right_layout.addLayout(buttons)
        right_layout.addWidget(self.detail_tabs, 1)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([900, 420])  # the list is the page's work; the details beside it
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.retranslate()

    def retranslate(self) -> None:
        self.mine_only.setText(self.tr("Only orders waiting for me"))
        self.refresh_button.setText(self.tr("Refresh"))
        labels = {"approve": self.tr("Approve and place…"), "return": self.tr("Return…"),
                  "accept": self.tr("Accept the order"), "decline": self.tr("Decline…"),
                  "deliver": self.tr("Mark delivered…"), "receive": self.tr("Issue the CRAC…"),
                  "pay": self.tr("Record the payment…"), "pdf": self.tr("Save as PDF…")}
        for step, button in self.actions.items():
            button.setText(labels[step])
        self.detail_tabs.setTabText(0, self.tr("Order"))
        self.detail_tabs.setTabText(1, self.tr("Timeline"))
        self._show_waiting()
        if self.source is not None:  # (before the first answer the message says it is loading)
            self._show_count()
            if self.model.rowCount():
                self.model.dataChanged.emit(self.model.index(0, 0), self.model.index(self.model.rowCount() - 1,
                                                                                      self.model.columnCount() - 1))
            self._fit_party()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(OrdersModel.COLUMNS) - 1)
        self._show_current()

    # -- reading ------------------------------------------------------------------------------

    def reload(self) -> None:
        self.message.setText(self.tr("Loading the orders…"))
        operations.load_orders(self.tasks, self.workspace, self._loaded, self._failed)

    def _loaded(self, answer: tuple[Cached, list[Any]]) -> None:
        copy, queued = answer
        self.loads += 1
        self.all_orders = copy.data
        self.source = copy
        self._show_list()
        self._show_queue([r for r in queued if r.entity.startswith("order:")])
        if not copy.live and self.workspace.session is not None:
            self.unreachable.emit()

    def _show_waiting(self) -> None:
        """What waits for this user's step, above the list (the approving officer opens on it)."""
        count = sum(1 for order in self.all_orders if needs_me(self.role, order))
        if self.role == "approver":
            text = self.tr("%n purchase(s) wait(s) for your approval.", "",
                           sum(1 for o in self.all_orders if o.get("status") == "awaiting_approval"))
            others = count - sum(1 for o in self.all_orders if o.get("status") == "awaiting_approval")
            if others:
                text += " " + self.tr("%n other order(s) wait(s) for your step.", "", others)
        else:
            text = self.tr("%n order(s) wait(s) for your step.", "", count)
        self.waiting.setText(text)
        self.waiting.setVisible(count > 0)
        if count != self.waiting_count:
            self.waiting_count = count
            self.waiting_changed.emit(count)

    def _seller_hints(self) -> None:
        """Each unnamed seller's class from the catalogue cache (a key lookup per
        seller of the few orders not yet approved)."""
        for order in self.all_orders:
            seller_id = order.get("seller_id")
            if seller_id is None or seller_id in self.model.seller_hints or not self.model.not_named_yet(order):
                continue
            seller = self.workspace.cache.seller(seller_id)
            if seller:
                self.model.seller_hints[seller_id] = seller.get("mse_class") or "none"

    def _show_list(self) -> None:
        self._show_waiting()
        self._seller_hints()
        shown = [o for o in self.all_orders if needs_me(self.role, o)] if self.mine_only.isChecked() else self.all_orders
        self.model.set_rows(shown)
        self._fit_party()
        self._show_count()
        if self.current is not None:
            ids = [order["id"] for order in shown]
            if self.current["id"] in ids:
                self.table.selectRow(ids.index(self.current["id"]))

    def _show_count(self) -> None:
        """How many orders are shown, or what would show here; from when, when offline."""
        shown = self.model.orders
        text = self.tr("%n order(s).", "", len(shown))
        if not shown:
            text = (self.tr("Nothing waits for you.") if self.mine_only.isChecked() else
                    self.tr("No orders yet: a seller's orders show here once an office places them.") if self.role == "seller"
                    else self.tr("No orders yet: a purchase sent for approval shows here."))
        if self.source is not None and not self.source.live:
            text += " " + self.tr("Offline: shown as of %1.").replace("%1", ist_text(self.source.fetched_at))
        self.message.setText(text)

    def _fit_party(self) -> None:
        """The other side's column as wide as its longest text, up to a limit (elided beyond)."""
        metrics = self.table.fontMetrics()
        texts = [self.model.party_text(order) for order in self.model.orders] + [
            str(self.model.headerData(2, Qt.Orientation.Horizontal))]
        self.table.setColumnWidth(2, min(PARTY_MAX_WIDTH, max(metrics.horizontalAdvance(t) for t in texts) + 16))

    def _show_queue(self, queued: list[Any]) -> None:
        waiting = [r for r in queued if r.state in ("pending", "sent")]
        parts = [self.tr("%n change(s) waiting to be sent.", "", len(waiting))] if waiting else []
        parts += [self.tr("Not accepted: %1").replace("%1", r.error.get("message", "") if r.error else "")
                  for r in queued if r.state == "rejected"]
        self.queue_label.setText(" ".join(parts))

    def _failed(self, error: BaseException) -> None:
        self.loads += 1
        self.message.setText(self.tr("The orders cannot be read now: %1").replace("%1", str(error)))

    def _select(self, row: int) -> None:
        if not 0 <= row < len(self.model.orders):
            return
        self.current, self.history = self.model.orders[row], []
        self.timeline.set_events([])
        self._show_current()
        operations.load_order_history(self.tasks, self.workspace, self.current["id"], self._history, self._failed)

    def _history(self, answer: tuple[str, Cached]) -> None:
        order_id, copy = answer
        if self.current is not None and self.current["id"] == order_id:
            self.history = copy.data
            self.timeline.set_events(copy.data)

    def _show_current(self) -> None:
        order = self.current
        for button in self.actions.values():
            button.hide()
        if order is None:
            self.summary.setHtml("<p style='color:#5f6368'>" + escape(self.tr(
                "Choose an order to see what was bought, from whom, its value and its timeline.")) + "</p>")
            return
        for step in NEXT_STEPS.get((self.role, order.get("status")), ()):
            self.actions[step].show()
        self.actions["pdf"].setVisible(bool(order.get("number")))
        self.summary.setHtml(self._summary_html(order))

    def _summary_html(self, order: dict[str, Any]) -> str:
        rows = [(self.tr("Order"), order.get("number") or self.tr("(not placed)")),
                (self.tr("Bought by"), mode_text(order)),
                (self.tr("Status"), order_status_text(order.get("status", ""))),
                (self.tr("Buyer's office"), order.get("buyer_office") or ""),
                (self.tr("Seller"), order.get("seller_name") or self.model.party_text(order)),
                (self.tr("Consignee's district"), order.get("consignee_district") or ""),
                (self.tr("Value"), money_in_words(order.get("total_paise") or 0))]
        dates = [(self.tr("Placed"), "placed_at"), (self.tr("Accepted"), "accepted_at"),
                 (self.tr("Delivered"), "delivered_at"), (self.tr("Received (CRAC)"), "received_at"),
                 (self.tr("Payment due"), "payment_due_at"), (self.tr("Paid"), "paid_at")]
        rows += [(label, when(order[key])) for label, key in dates if order.get(key)]
        if order.get("status") in ("accepted", "delivered") or not order.get("payment_due_at"):
            rows.append((self.tr("Payment terms"), self.tr("due %n day(s) after the CRAC", "", order.get("payment_days") or 10)))
        if order.get("late_interest_paise"):
            rows.append((self.tr("Interest for late payment"), money(order["late_interest_paise"])))
        if order.get("reason"):
            rows.append((self.tr("Why fewer than three OEMs"), order["reason"]))
        if order.get("remark"):
            rows.append((self.tr("Remark"), order["remark"]))
        # Names, remarks and items are people's text: escaped, never read as markup.
        table = "".join(f"<tr><td><b>{escape(k)}</b></td><td>{escape(str(v))}</td></tr>" for k, v in rows)
        lines = "".join(
            f"<tr><td>{escape(str(line.get('item', '')))}</td><td align=right>{line.get('quantity', '')}</td>"
            f"<td align=right>{money(line.get('unit_price_paise'))}</td><td align=right>{money(line.get('total_paise'))}</td></tr>"
            for line in order.get("lines") or [])
        # Outside the f-string, where pyside6-lupdate finds them.
        item, quantity, unit_price, total = self.tr("Item"), self.tr("Quantity"), self.tr("Unit price"), self.tr("Total")
        head = (f"<tr><th align=left>{item}</th><th>{quantity}</th>"
                f"<th>{unit_price}</th><th>{total}</th></tr>")
        return (f"<table cellpadding=3>{table}</table>"
                f"<table cellpadding=3 border=0 width=100%>{head}{lines}</table>")

    # -- writing (queued, then synced) -------------------------------------------------------------

    def _do(self, step: str) -> None:
        order = self.current
        if order is None:
            return
        if step == "pdf":
            self._save_pdf(order)
            return
        remark = ""
        if step != "accept":
            text, ok = self.step_dialog(step, order).ask()
            if not ok or (step in REMARK_REQUIRED and not text.strip()):
                return
            remark = text.strip()
        order_id = order["id"]
        if step in ("approve", "return"):
            write = lambda p: p.decide_order(order_id, step == "approve", remark)  # noqa: E731
        else:
            write = lambda p: p.order_step(order_id, step, remark)  # noqa: E731
        operations.queue(self.tasks, write, self.workspace, self._queued)

    def step_dialog(self, step: str, order: dict[str, Any]) -> "StepDialog":
        """The dialog of a step: a short title, what the step acts on, and the remark."""
        titles = {"approve": self.tr("Approve the order"), "return": self.tr("Return to the buyer"),
                  "decline": self.tr("Decline the order"), "deliver": self.tr("Mark delivered"),
                  "receive": self.tr("Issue the CRAC"), "pay": self.tr("Record the payment")}
        buttons = {"approve": self.tr("Approve and place"), "return": self.tr("Return"), "decline": self.tr("Decline"),
                   "deliver": self.tr("Mark delivered"), "receive": self.tr("Issue the CRAC"),
                   "pay": self.tr("Record the payment")}
        prompts = {"deliver": self.tr("Invoice or challan number, and any remark:"),
                   "pay": self.tr("Payment reference, and any remark:")}
        lines = order.get("lines") or []
        items = "; ".join(f"{line.get('item', '')} × {line.get('quantity', '')}" for line in lines) or order.get("title") or ""
        seller = order.get("seller_name") or self.model.party_text(order)
        facts = [(self.tr("Item"), items), (self.tr("Bought by"), mode_text(order)),
                 (self.tr("Buyer's office") if self.role == "seller" else self.tr("Seller"),
                  order.get("buyer_office") if self.role == "seller" else seller),
                 (self.tr("Consignee's district"), order.get("consignee_district") or ""),
                 (self.tr("Value"), money_in_words(order.get("total_paise") or 0))]
        if order.get("reason"):
            facts.append((self.tr("Why fewer than three OEMs"), order["reason"]))
        return StepDialog(self, titles[step], buttons[step], facts,
                          prompts.get(step, self.tr("Remark (for the other side and the record):")),
                          required=step in REMARK_REQUIRED)

    def _queued(self, _result=None) -> None:
        self.changed.emit()
        self.reload()

    def _save_pdf(self, order: dict[str, Any]) -> None:
        default = in_documents((order.get("number") or order["id"]) + ".pdf")
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save the order as PDF"), default, "PDF (*.pdf)")
        if path:
            write_order_pdf(order, path, history=self.history)
            self.message.setText(self.tr("The order is saved as a PDF: %1").replace("%1", QDir.toNativeSeparators(path)))


class StepDialog(QDialog):
    """One step on an order: what it acts on (item, seller, value...), restated so the officer
    knows what is approved, and the remark for the record; the button says the step."""

    def __init__(self, parent: QWidget, title: str, button: str, facts: list[tuple[str, str]], prompt: str,
                 required: bool) -> None:
        super().__init__(parent)
        self.setObjectName("orderStepDialog")
        self.setWindowTitle(title)
        self.required = required
        self.facts = QLabel(self, objectName="orderStepFacts", wordWrap=True)
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.facts.setText("<table cellpadding=2>" + "".join(
            f"<tr><td><b>{escape(k)}</b></td><td>{escape(str(v))}</td></tr>" for k, v in facts) + "</table>")
        self.prompt = QLabel(prompt, self, wordWrap=True)
        self.remark = QPlainTextEdit(self, objectName="orderStepRemark")
        self.hint = QLabel(self.tr("A remark is required: the other side and the record must know why."), self,
                           wordWrap=True)
        self.hint.setStyleSheet("color:#5f6368")
        self.hint.setVisible(required)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(button)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.remark.textChanged.connect(self._check)
        layout = QVBoxLayout(self)
        for widget in (self.facts, self.prompt, self.remark, self.hint, self.buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(520)
        self._check()

    def _check(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            not self.required or bool(self.remark.toPlainText().strip()))

    def ask(self) -> tuple[str, bool]:
        """(the remark, whether the step was confirmed); waits for the user."""
        confirmed = self.exec() == QDialog.DialogCode.Accepted
        text = self.remark.toPlainText().strip()
        self.deleteLater()
        return text, confirmed

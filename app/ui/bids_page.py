"""Bids: the buying cycle's page for every role (app/procurement.py underneath).

A clerk drafts a bid (the bid form checks it as they type and shows the buying route its
value allows), sends it for approval, and after the opening sees the evaluation and awards.
An approving officer approves or returns a bid with a remark. A seller sees the bids for
them and makes an offer, or answers an invitation to match L1. Every write goes to the
outbox first and shows as waiting until a sync sends it; a refusal shows the server's
sentence. The list and a bid's details are read from the marketplace when it can be
reached.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QHeaderView, QInputDialog,
    QLabel, QListWidget, QLineEdit, QPushButton, QSpinBox, QSplitter, QTableView, QTabWidget, QTextBrowser, QVBoxLayout, QWidget,
)

from app.ui import operations
from app.ui.bid_form import BidForm
from app.ui.evaluation_view import EvaluationView
from app.ui.formats import money, when
from app.ui.tasks import TaskManager
from app.ui.timeline import Timeline
from app.ui.widgets import Retranslating, problem_label
from app.workspace import Workspace
from domain.money import MoneyError, paise_from_rupees
from domain.timefmt import utc_now


class BidsModel(QAbstractTableModel):
    COLUMNS = ("number", "title", "status", "value", "end")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.bids: list[dict[str, Any]] = []

    def set_bids(self, bids: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.bids = bids
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.bids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole or not 0 <= section < len(self.COLUMNS):
            return None
        return {"number": self.tr("Bid number"), "title": self.tr("Title"), "status": self.tr("Status"),
                "value": self.tr("Estimated value"), "end": self.tr("Ends")}[self.COLUMNS[section]]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.bids):
            return None
        bid = self.bids[index.row()]
        key = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and key == "title":
            return bid.get("title", "")  # the column elides a long title
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if key == "number":
            return bid.get("number") or self.tr("(not published)")
        if key == "title":
            return bid.get("title", "")
        if key == "status":
            return status_text(bid.get("status", ""))
        if key == "value":
            return money(bid.get("estimated_value_paise"))
        return when(bid.get("end_at"))


def status_text(status: str) -> str:
    translate = QCoreApplication.translate
    names = {
        "waiting": translate("BidStatus", "Waiting to be sent"),
        "draft": translate("BidStatus", "Draft"),
        "awaiting_approval": translate("BidStatus", "Awaiting approval"),
        "returned": translate("BidStatus", "Returned"),
        "published": translate("BidStatus", "Open for offers"),
        "closed": translate("BidStatus", "Closed, opening soon"),
        "technical_evaluation": translate("BidStatus", "Technical evaluation"),
        "financial_evaluation": translate("BidStatus", "Financial evaluation"),
        "awarded": translate("BidStatus", "Awarded"),
        "cancelled": translate("BidStatus", "Cancelled"),
    }
    return names.get(status, status)


class OfferDialog(Retranslating, QDialog):
    """A seller's offer: a price per item and the local content (for Make in India)."""

    def __init__(self, bid: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("offerDialog")
        self.bid = bid
        self.prices: dict[str, QLineEdit] = {}
        form = QFormLayout(self)
        self.heading = QLabel(self, wordWrap=True)
        form.addRow(self.heading)
        for item in bid["items"]:
            edit = QLineEdit(self, objectName=f"price_{item['id']}")
            edit.textChanged.connect(self._check)
            self.prices[item["id"]] = edit
            form.addRow(f"{item['name']}", edit)
        self.local = QSpinBox(self, objectName="localContent", minimum=0, maximum=100, suffix=" %")
        self.local_label = QLabel(self)
        form.addRow(self.local_label, self.local)
        self.problem = problem_label(self, "offerProblem")
        form.addRow(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.retranslate()
        self._check()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Offer on %1").replace("%1", self.bid.get("number") or ""))
        self.heading.setText(self.tr("Price per unit, all taxes included, in rupees. Your offer stays sealed until "
                                     "the bid opens; you may revise it until the end."))
        self.local_label.setText(self.tr("Local content"))

    def _prices(self) -> dict[str, int] | None:
        prices = {}
        for item_id, edit in self.prices.items():
            try:
                paise = paise_from_rupees(edit.text())
            except MoneyError:
                return None
            if paise <= 0:
                return None
            prices[item_id] = paise
        return prices

    def _check(self) -> None:
        ok = self._prices() is not None
        self.problem.setText("" if ok else self.tr("Enter a price above zero for every item, like 18,500."))
        self.problem.setVisible(not ok)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def body(self) -> dict[str, Any]:
        prices = self._prices() or {}
        required = {item["id"]: item.get("key_specs", {}) for item in self.bid["items"]}
        return {"local_content_pct": self.local.value(),
                "items": {item_id: {"unit_price_paise": price, "listing_id": None, "compliance": dict(required[item_id])}
                          for item_id, price in prices.items()}}


class BidsPage(Retranslating, QWidget):
    changed = Signal()  # something was queued: sync soon

    def __init__(self, workspace: Workspace, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bidsPage")
        self.workspace, self.tasks = workspace, tasks
        self.user = workspace.user or {}
        self.role = self.user.get("role", "")
        self.current: dict[str, Any] | None = None
        self.loads = 0  # answers to reload() so far (tests wait on it)

        self.model = BidsModel(self)
        self.table = QTableView(self, objectName="bidsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # a few dozen rows: cheap
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.table.selectionModel().currentRowChanged.connect(lambda index, _old: self._select(index.row()))

        self.new_button = QPushButton(self, objectName="newBidButton")
        self.new_button.clicked.connect(self.new_bid)
        self.new_button.setVisible(self.role == "buyer")
        self.refresh_button = QPushButton(self, objectName="refreshBidsButton")
        self.refresh_button.clicked.connect(self.reload)
        self.queue_label = QLabel(self, objectName="bidsQueue", wordWrap=True)
        self.message = QLabel(self, objectName="bidsMessage", wordWrap=True)

        self.actions: dict[str, QPushButton] = {}
        for name in ("send", "approve", "return", "offer", "accept_match", "open_financial", "award", "export"):
            button = QPushButton(self, objectName=f"bid_{name}")
            button.clicked.connect(getattr(self, f"_do_{name}"))
            button.hide()
            self.actions[name] = button

        self.summary = QTextBrowser(self, objectName="bidSummary")
        self.timeline = Timeline(self)
        self.evaluation = EvaluationView(self)
        self.detail_tabs = QTabWidget(self, objectName="bidDetailTabs")
        self.detail_tabs.addTab(self.summary, "")
        self.detail_tabs.addTab(self.timeline, "")
        self.detail_tabs.addTab(self.evaluation, "")
        # Two packets: the technical evaluation, offer by offer (no prices are shown yet).
        self.offers_tab = QWidget(self)
        self.offer_list = QListWidget(self.offers_tab, objectName="technicalOffers")
        self.accept_offer = QPushButton(self.offers_tab, objectName="acceptOffer")
        self.reject_offer = QPushButton(self.offers_tab, objectName="rejectOffer")
        self.accept_offer.clicked.connect(lambda: self._technical(True))
        self.reject_offer.clicked.connect(lambda: self._technical(False))
        offer_buttons = QHBoxLayout()
        offer_buttons.addWidget(self.accept_offer)
        offer_buttons.addWidget(self.reject_offer)
        offer_buttons.addStretch(1)
        offers_layout = QVBoxLayout(self.offers_tab)
        offers_layout.addWidget(self.offer_list, 1)
        offers_layout.addLayout(offer_buttons)
        self.detail_tabs.addTab(self.offers_tab, "")
        self.technical_offers: list[dict[str, Any]] = []

        top = QHBoxLayout()
        top.addWidget(self.new_button)
        top.addWidget(self.refresh_button)
        top.addWidget(self.queue_label, 1)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
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
        splitter.setSizes([620, 640])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.retranslate()

    def retranslate(self) -> None:
        self.new_button.setText(self.tr("New bid…"))
        self.refresh_button.setText(self.tr("Refresh"))
        labels = {"send": self.tr("Send for approval"), "approve": self.tr("Approve and publish…"),
                  "return": self.tr("Return…"), "offer": self.tr("Make or revise my offer…"),
                  "accept_match": self.tr("Match L1…"), "open_financial": self.tr("Open the prices"),
                  "award": self.tr("Award"), "export": self.tr("Export for audit…")}
        for name, button in self.actions.items():
            button.setText(labels[name])
        self.detail_tabs.setTabText(0, self.tr("Bid"))
        self.detail_tabs.setTabText(1, self.tr("Timeline"))
        self.detail_tabs.setTabText(2, self.tr("Evaluation"))
        self.detail_tabs.setTabText(3, self.tr("Technical evaluation"))
        self.accept_offer.setText(self.tr("Accept technically"))
        self.reject_offer.setText(self.tr("Reject…"))
        self._show_offers()
        self._show_current()

    # -- reading ----------------------------------------------------------------------------

    def reload(self) -> None:
        self.message.setText(self.tr("Loading the bids…"))
        operations.load_bids(self.tasks, self.workspace, self._loaded, self._failed)

    def _loaded(self, answer: tuple[list[dict[str, Any]], list[Any]]) -> None:
        bids, queued = answer
        self.loads += 1
        known = {bid["id"] for bid in bids}
        # Drafts made here that the marketplace does not have yet show at once, as waiting.
        waiting = [dict(r.body, id=r.entity.split(":", 1)[1], status="waiting", number=None, version=0, items=r.body.get("items", []))
                   for r in queued if r.action == "draft" and r.entity.split(":", 1)[1] not in known and r.state != "rejected"]
        self.model.set_bids(waiting + bids)
        self._show_queue(queued)
        self.message.setText(self.tr("%n bid(s).", "", len(waiting) + len(bids)))
        if self.current is not None:
            ids = [bid["id"] for bid in self.model.bids]
            if self.current["id"] in ids:
                self.table.selectRow(ids.index(self.current["id"]))

    def _show_queue(self, queued: list[Any]) -> None:
        refused = [r for r in queued if r.state == "rejected"]
        waiting = [r for r in queued if r.state in ("pending", "sent")]
        parts = []
        if waiting:
            parts.append(self.tr("%n change(s) waiting to be sent.", "", len(waiting)))
        for request in refused:
            parts.append(self.tr("Not accepted: %1").replace("%1", request.error.get("message", "") if request.error else ""))
        self.queue_label.setText(" ".join(parts))

    def _failed(self, error: BaseException) -> None:
        self.loads += 1
        self.message.setText(self.tr("The bids cannot be read now: %1").replace("%1", str(error)))

    def _select(self, row: int) -> None:
        if not 0 <= row < len(self.model.bids):
            return
        self.current = self.model.bids[row]
        self._show_current()
        if self.current.get("status") != "waiting":
            operations.load_bid_detail(self.tasks, self.workspace, self.current["id"], self._detail, self._failed)

    def _detail(self, detail: dict[str, Any]) -> None:
        if self.current is None or detail["bid"]["id"] != self.current["id"]:
            return
        self.current = detail["bid"]
        self.timeline.set_events(detail["history"])
        evaluation = detail.get("evaluation") or {}
        if "evaluation" in evaluation:
            self.evaluation.show_evaluation(evaluation["evaluation"], evaluation.get("sellers"))
        self.current_evaluation = evaluation
        self.technical_offers = detail.get("offers") or []
        self._show_offers()
        self._show_current()

    def _show_offers(self) -> None:
        self.offer_list.clear()
        decisions = {"pending": self.tr("not decided"), "accepted": self.tr("accepted"), "rejected": self.tr("rejected")}
        for offer in self.technical_offers:
            line = self.tr("Seller %1 · local content %2% · %3").replace("%1", str(offer["seller_id"])) \
                .replace("%2", str(offer["local_content_pct"])).replace("%3", decisions.get(offer["technical_status"], ""))
            if offer.get("technical_reason"):
                line += f" ({offer['technical_reason']})"
            self.offer_list.addItem(line)
        technical = bool(self.technical_offers) and self.role == "buyer"
        self.accept_offer.setEnabled(technical)
        self.reject_offer.setEnabled(technical)

    def _technical(self, accepted: bool) -> None:
        row = self.offer_list.currentRow()
        if self.current is None or not 0 <= row < len(self.technical_offers):
            return
        reason = ""
        if not accepted:
            reason = self._remark(self.tr("Reject technically"), required=True) or ""
            if not reason:
                return
        bid_id, offer_id = self.current["id"], self.technical_offers[row]["id"]
        operations.queue(self.tasks, lambda p: p.technical(bid_id, offer_id, accepted, reason), self.workspace,
                         self._queued)

    def _show_current(self) -> None:
        bid = self.current
        for button in self.actions.values():
            button.hide()
        if bid is None:
            self.summary.setHtml("")
            return
        status = bid.get("status")
        show = {
            "send": self.role == "buyer" and status in ("draft", "returned"),
            "approve": self.role == "approver" and status == "awaiting_approval",
            "return": self.role == "approver" and status == "awaiting_approval",
            "offer": self.role == "seller" and status == "published",
            "accept_match": self.role == "seller" and status == "financial_evaluation" and bool(
                [i for i in getattr(self, "current_evaluation", {}).get("invitations", []) if i.get("answer") is None]),
            "open_financial": self.role == "buyer" and status == "technical_evaluation",
            "award": self.role == "buyer" and status == "financial_evaluation",
            "export": self.role in ("buyer", "approver") and status in ("financial_evaluation", "awarded"),
        }
        for name, visible in show.items():
            self.actions[name].setVisible(visible)
        rows = [(self.tr("Status"), status_text(status or "")),
                (self.tr("Estimated value"), money(bid.get("estimated_value_paise"))),
                (self.tr("Ends"), when(bid.get("end_at"))),
                (self.tr("Opens"), when(bid.get("opening_at")) if bid.get("opening_at") else "—")]
        items = "".join(f"<li>{item['name']}: {sum(c['quantity'] for c in item.get('consignees', []))}</li>"
                        for item in bid.get("items", []))
        table = "".join(f"<tr><td><b>{k}</b></td><td>{v}</td></tr>" for k, v in rows)
        self.summary.setHtml(f"<h3>{bid.get('title', '')}</h3><table cellpadding=3>{table}</table><ul>{items}</ul>")

    # -- writing (queued, then synced) ----------------------------------------------------------

    def _queued(self, _result=None) -> None:
        self.changed.emit()
        self.reload()

    def new_bid(self) -> None:
        form = BidForm(self.workspace.cache.categories(), utc_now, parent=self)
        form.accepted.connect(lambda: operations.queue_bid(self.tasks, self.workspace, form.body(), self._queued))
        form.finished.connect(form.deleteLater)  # Qt deletes it once the answer has been read
        form.open()

    def _version(self) -> int | None:
        return (self.current or {}).get("version")

    def _do_send(self) -> None:
        operations.queue(self.tasks, lambda p: p.send_for_approval(self.current["id"], self._version() or None),
                         self.workspace, self._queued)

    def _remark(self, title: str, required: bool) -> str | None:
        text, ok = QInputDialog.getMultiLineText(self, title, self.tr("Remark (for the buyer and the record):"))
        if not ok or (required and not text.strip()):
            return None
        return text.strip()

    def _do_approve(self) -> None:
        remark = self._remark(self.tr("Approve and publish"), required=False)
        if remark is not None:
            bid_id, version = self.current["id"], self._version()
            operations.queue(self.tasks, lambda p: p.approve(bid_id, version, remark), self.workspace, self._queued)

    def _do_return(self) -> None:
        remark = self._remark(self.tr("Return to the buyer"), required=True)
        if remark:
            bid_id, version = self.current["id"], self._version()
            operations.queue(self.tasks, lambda p: p.return_to_buyer(bid_id, version, remark), self.workspace, self._queued)

    def _do_offer(self) -> None:
        dialog = OfferDialog(self.current, self)
        bid_id = self.current["id"]

        def queue_offer() -> None:
            body = dialog.body()  # read here, on the GUI thread, before the dialog goes
            operations.queue(self.tasks, lambda p: p.submit_offer(bid_id, body), self.workspace, self._queued)

        dialog.accepted.connect(queue_offer)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _do_accept_match(self) -> None:
        bid_id = self.current["id"]
        for invitation in self.current_evaluation.get("invitations", []):
            if invitation.get("answer") is None:
                lot = invitation["lot"]
                operations.queue(self.tasks, lambda p, lot=lot: p.answer_match(bid_id, lot, True), self.workspace,
                                 self._queued)

    def _do_open_financial(self) -> None:
        bid_id, version = self.current["id"], self._version()
        operations.queue(self.tasks, lambda p: p.open_financial(bid_id, version), self.workspace, self._queued)

    def _do_award(self) -> None:
        bid_id, version = self.current["id"], self._version()
        operations.queue(self.tasks, lambda p: p.award(bid_id, version), self.workspace, self._queued)

    def _do_export(self) -> None:
        """BID.json for an auditor: `gemdesk rules evaluate` re-checks the decision from it."""
        bid = self.current
        default = (bid.get("number") or bid["id"]).replace("/", "-") + ".json"
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export the bid for audit"), default, "JSON (*.json)")
        if path:
            operations.export_bid(self.tasks, self.workspace, bid["id"], path,
                                  lambda _: self.message.setText(self.tr("Saved for audit: %1").replace("%1", path)),
                                  self._failed)

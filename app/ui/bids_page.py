"""Bids: the buying cycle's page for every role (app/procurement.py underneath).

A clerk drafts a bid (the bid form checks it as they type and shows the buying route its
value allows), sends it for approval, and after the opening sees the evaluation and awards.
An approving officer approves or returns a bid with a remark. A seller sees the bids for
them and makes an offer, or answers an invitation to match L1. Every write goes to the
outbox first and shows as waiting until a sync sends it; a refusal shows the server's
sentence.

The list and a bid's details are read from the marketplace and kept on this computer
(app/read_cache.py): the last copy shows at once, then the marketplace's answer; while the
marketplace cannot be reached the copy stays, with the time it was read ("Offline: shown as
of ..."). A seller's bids for them ("bids for me") narrow by a consignee's district and the
estimated value on this computer, so the filters work offline and as the seller types.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from html import escape
from typing import Any, Sequence

from PySide6.QtCore import QCoreApplication, QDir, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QFrame, QGridLayout, QGroupBox, QHBoxLayout,
    QHeaderView, QInputDialog, QLabel, QListWidget, QLineEdit, QMessageBox, QPushButton, QScrollArea, QSpinBox,
    QSplitter, QTabWidget, QTextBrowser, QVBoxLayout, QWidget,
)

from app import auctions
from app.procurement import BIDS
from app.read_cache import Cached, unreachable
from app.seller_catalogue import MyListing
from app.ui import operations
from app.ui.auction_dialog import ScheduleAuctionDialog
from app.ui.bid_form import BidForm
from app.ui.evaluation_view import EvaluationView
from app.ui.formats import in_rupees, money, number, percent_text, rupees_input_text, when
from app.ui.tasks import TaskManager
from app.ui.timeline import Timeline
from app.ui.widgets import (Retranslating, RowsModel, confirm_discard, in_documents, key_param_label, problem_label,
                            rows_table)
from app.workspace import Workspace
from domain.bid_fields import NEGOTIATION_ROUNDS
from domain.listing import BUYER_VISIBLE
from domain.money import MoneyError, paise_from_rupees
from domain.names import name_key, same_value
from domain.timefmt import ist_text, utc_now

# The note over a list or details shown from the copy kept on this computer.
NOTE_STYLE = "background: #fef7e0; border: 1px solid #f9ab00; border-radius: 3px; padding: 4px 8px;"


class BidsModel(RowsModel):
    COLUMNS = ("number", "title", "status", "value", "end")

    @property
    def bids(self) -> list[dict[str, Any]]:
        return self.rows

    def headers(self) -> dict[str, str]:
        return {"number": self.tr("Bid number"), "title": self.tr("Title"), "status": self.tr("Status"),
                "value": self.tr("Estimated value"), "end": self.tr("Ends")}

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        bid = self.row_at(index)
        if bid is None:
            return None
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


def consignee_districts(bids: list[dict[str, Any]]) -> list[str]:
    """The districts the bids deliver to (their consignees'), each once, alphabetically."""
    names: dict[str, str] = {}
    for bid in bids:
        for item in bid.get("items") or []:
            for consignee in item.get("consignees") or []:
                name = (consignee.get("district") or "").strip()
                if name:
                    names.setdefault(name_key(name), name)
    return sorted(names.values(), key=str.casefold)


def bids_matching(bids: list[dict[str, Any]], district: str | None, max_value_paise: int | None) -> list[dict[str, Any]]:
    """The bids with a consignee in `district` and an estimated value up to `max_value_paise`
    (None: any). A district is matched as the cache matches it ("janjgir champa" is
    "Janjgir-Champa"); while it is typed, the start of a name matches."""
    wanted = name_key(district)
    exact = wanted in {name_key(name) for name in consignee_districts(bids)}

    def delivers_there(bid: dict[str, Any]) -> bool:
        for item in bid.get("items") or []:
            for consignee in item.get("consignees") or []:
                key = name_key(consignee.get("district"))
                if key == wanted or (not exact and key.startswith(wanted)):
                    return True
        return False

    return [bid for bid in bids
            if (not wanted or delivers_there(bid))
            and (max_value_paise is None or (bid.get("estimated_value_paise") or 0) <= max_value_paise)]


def newer(copy: Cached, final: bool, shown: tuple[datetime, bool, bool, str] | None) -> bool:
    """Whether `copy` may replace what is shown (from `shown`): the copy shown while the
    marketplace is asked may arrive after the answer (the lanes run side by side), and an
    older read never replaces a newer one."""
    if shown is None:
        return True
    return copy.fetched_at >= shown[0] if final else copy.fetched_at > shown[0]


def filled(sentence: str, *values: Any) -> str:
    """A translated sentence with its %1, %2, ... filled in."""
    for n, value in enumerate(values, 1):
        sentence = sentence.replace(f"%{n}", str(value))
    return sentence


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
        "lapsed": translate("BidStatus", "Lapsed: offers no longer valid"),
    }
    return names.get(status, status)


# An offered value that is not the required one (the buyer judges it in the technical evaluation).
DIFFERS_STYLE = "color:#a15c00; font-weight:bold"


def closest_listing(listings: list[dict[str, Any]], required: dict[str, Any]) -> dict[str, Any] | None:
    """The listing whose key parameters differ from the required ones the least (the first
    such, by title), or None when there are none: the likeliest product to offer."""
    def differences(listing: dict[str, Any]) -> int:
        specs = listing.get("key_specs") or {}
        return sum(1 for name, value in required.items() if not same_value(specs.get(name, value), value))
    return min(listings, key=differences, default=None)


def param_labels(categories: list[dict[str, Any]]) -> dict[int, dict[str, str]]:
    """{category id: {key parameter's name: its label in the user's language, with its unit}}."""
    return {category["id"]: {param["name"]: key_param_label(param) for param in category.get("key_params") or []}
            for category in categories}


def offerable_listings(listings: list[MyListing]) -> list[dict[str, Any]]:
    """The seller's listings it may name in an offer: those the marketplace has (it refuses an
    id it does not know) and buyers can see (the buyer looks at what is offered), not being
    retired, with the seller's unsent edits (what the seller now says the product is)."""
    return [listing.as_listing() for listing in listings
            if listing.version is not None and listing.status in BUYER_VISIBLE and not listing.retiring]


def offer_to_revise(bid_id: str, server_offer: dict[str, Any] | None,
                    requests: list[Any]) -> tuple[str | None, dict[str, Any] | None]:
    """(the id to send the seller's offer under, the offer the dialog starts from).

    The id is the marketplace's offer's (a second id would be refused: one offer per seller),
    else that of an offer made on this computer and sent or still waiting; None for a new one.
    The start is what the seller said last: an offer still waiting to be sent, else the
    marketplace's, else the last one made here (even a refused one: the seller corrects it)."""
    prefix = f"{BIDS}/{bid_id}/offers/"
    made_here = [r for r in requests if r.action == "offer" and r.path.startswith(prefix)]  # oldest first
    offer_id = server_offer["id"] if server_offer else next(
        (r.entity.split(":", 1)[1] for r in reversed(made_here) if r.state in ("pending", "sent", "done")), None)
    waiting = [r for r in made_here if r.state in ("pending", "sent")]
    if waiting:
        return offer_id, waiting[-1].body
    if server_offer:
        return offer_id, server_offer
    return offer_id, made_here[-1].body if made_here else None


@dataclass
class ItemInputs:
    """One bid item's part of the offer dialog."""

    item: dict[str, Any]
    listings: dict[str, dict[str, Any]]  # the seller's listings in the item's category, by id
    box: QGroupBox
    listing_label: QLabel
    listing: QComboBox
    required: dict[str, QLabel]  # by key parameter: "<parameter>: required <value>"
    offered: dict[str, QLineEdit]
    marks: dict[str, QLabel]  # shown when the offered value is not the required one
    price_label: QLabel
    price: QLineEdit
    total: QLabel  # "× 40 = Rs 7,40,000.00"
    quantity: int  # the item's quantity over all its consignees


class OfferDialog(Retranslating, QDialog):
    """A seller's offer, prepared on this computer and sent with the next sync: per item, which
    of the seller's listings it offers (or none, described instead), what it offers for each
    key parameter the bid requires, and the price per unit; then the local content (for Make
    in India). A value that is not the required one is marked, not refused: the buyer decides
    in the technical evaluation whether it meets the need."""

    def __init__(self, bid: dict[str, Any], listings: Sequence[dict[str, Any]] = (),
                 categories: Sequence[dict[str, Any]] = (), current: dict[str, Any] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("offerDialog")
        self.bid, self.current = bid, current or {}
        self.categories = list(categories)
        quoted = self.current.get("items") or {}
        self.heading = QLabel(self, wordWrap=True)
        self.revising = QLabel(self, objectName="offerRevising", wordWrap=True)
        self.revising.setStyleSheet(NOTE_STYLE)
        self.revising.setVisible(bool(self.current))
        self.items: dict[str, ItemInputs] = {}
        self.prices: dict[str, QLineEdit] = {}
        sheet = QWidget(self)
        sheet_layout = QVBoxLayout(sheet)
        sheet_layout.setContentsMargins(0, 0, 0, 0)
        for item in bid["items"]:
            same_category = [listing for listing in listings if listing.get("category_id") == item.get("category_id")]
            inputs = self._item_inputs(sheet, item, same_category, quoted.get(item["id"]))
            self.items[item["id"]] = inputs
            self.prices[item["id"]] = inputs.price
            sheet_layout.addWidget(inputs.box)
        sheet_layout.addStretch(1)
        # Several items with several key parameters each would not fit a screen.
        self.scroll = QScrollArea(self, objectName="offerItems", widgetResizable=True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(sheet)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.local = QSpinBox(self, objectName="localContent", minimum=0, maximum=100, suffix=" %")
        self.local.setValue(self.current.get("local_content_pct") or 0)
        self.local_label = QLabel(self)
        self.local_label.setBuddy(self.local)
        local_row = QHBoxLayout()
        local_row.addWidget(self.local_label)
        local_row.addWidget(self.local)
        local_row.addStretch(1)
        self.grand_total = QLabel(self, objectName="offerTotal")
        self.grand_total.setStyleSheet("font-weight:bold")
        self.problem = problem_label(self, "offerProblem")
        self.tried = False  # an attempt to send shows what is missing; before, nothing is red
        self.started_as: tuple[Any, ...] | None = None  # the inputs as the dialog opened
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self._send)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.revising)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(local_row)
        layout.addWidget(self.grand_total)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.retranslate()
        self._check()
        self.started_as = self._typed()
        wanted = sheet.sizeHint()  # with its texts set
        self.scroll.setMinimumWidth(wanted.width() + self.scroll.verticalScrollBar().sizeHint().width())
        self.scroll.setMinimumHeight(min(wanted.height(), 520))

    def _item_inputs(self, parent: QWidget, item: dict[str, Any], listings: list[dict[str, Any]],
                     quoted: dict[str, Any] | None) -> ItemInputs:
        item_id = item["id"]
        box = QGroupBox(parent, objectName=f"offerItem_{item_id}")
        grid = QGridLayout(box)
        grid.setColumnStretch(1, 1)
        listing_label = QLabel(box)
        combo = QComboBox(box, objectName=f"listing_{item_id}")
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(28)
        for listing in listings:
            combo.addItem(listing.get("title") or listing["id"], listing["id"])
        closest = closest_listing(listings, item.get("key_specs") or {})
        chosen = quoted.get("listing_id") if quoted else (closest["id"] if closest else None)
        if chosen is not None and combo.findData(chosen) < 0:
            combo.addItem("", chosen)  # the listing in the seller's offer, no longer offerable: named in retranslate()
        combo.addItem("", None)  # "(no listing: describe the offer)", named in retranslate()
        combo.setCurrentIndex(combo.findData(chosen))
        listing_label.setBuddy(combo)
        grid.addWidget(listing_label, 0, 0)
        grid.addWidget(combo, 0, 1, 1, 2)
        required, offered, marks = {}, {}, {}
        for row, name in enumerate(item.get("key_specs") or {}, start=1):
            required[name] = QLabel(box, wordWrap=True, textFormat=Qt.TextFormat.RichText)
            required[name].setMinimumWidth(260)
            offered[name] = QLineEdit(box, objectName=f"compliance_{item_id}_{name}")
            offered[name].setMinimumWidth(220)
            required[name].setBuddy(offered[name])
            marks[name] = QLabel(box, objectName=f"differs_{item_id}_{name}")
            marks[name].setStyleSheet(DIFFERS_STYLE)
            keep_room = marks[name].sizePolicy()
            keep_room.setRetainSizeWhenHidden(True)  # the fields do not move as a mark comes and goes
            marks[name].setSizePolicy(keep_room)
            grid.addWidget(required[name], row, 0)
            grid.addWidget(offered[name], row, 1)
            grid.addWidget(marks[name], row, 2)
        price_label = QLabel(box)
        price = QLineEdit(rupees_input_text((quoted or {}).get("unit_price_paise")), box, objectName=f"price_{item_id}")
        price.setMaximumWidth(180)
        price_label.setBuddy(price)
        total = QLabel(box, objectName=f"total_{item_id}")
        price_row = QHBoxLayout()
        price_row.addWidget(price)
        price_row.addWidget(total, 1)
        grid.addWidget(price_label, len(required) + 1, 0)
        grid.addLayout(price_row, len(required) + 1, 1, 1, 2)
        quantity = sum(c.get("quantity", 0) for c in item.get("consignees") or [])
        inputs = ItemInputs(item, {listing["id"]: listing for listing in listings}, box, listing_label, combo,
                            required, offered, marks, price_label, price, total, quantity)
        if quoted:
            stated = quoted.get("compliance") or {}
            for name, edit in offered.items():
                edit.setText(str(stated.get(name, item["key_specs"][name])))
        else:
            self._fill_from_listing(inputs)
        combo.currentIndexChanged.connect(lambda _index, inputs=inputs: self._fill_from_listing(inputs))
        for edit in (*offered.values(), price):
            edit.textChanged.connect(self._check)
        return inputs

    def _fill_from_listing(self, inputs: ItemInputs) -> None:
        """What the chosen listing says for each key parameter; the required value where it
        says nothing (and with no listing: the seller edits it to what it offers)."""
        listing = inputs.listings.get(inputs.listing.currentData()) or {}
        specs = listing.get("key_specs") or {}
        for name, edit in inputs.offered.items():
            value = specs.get(name)
            edit.setText(str(value) if value not in (None, "") else str(inputs.item["key_specs"][name]))
        # The price starts from the listing's (the seller changes it for the bid): unless the
        # seller typed one of their own.
        typed = inputs.price.text().strip()
        if not typed or typed == inputs.price.property("fromListing"):
            start = rupees_input_text(listing.get("price_paise"))
            inputs.price.setText(start)
            inputs.price.setProperty("fromListing", start)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Offer on %1").replace("%1", self.bid.get("number") or ""))
        self.heading.setText(self.tr("For each item: the listing you offer, what you offer for each key parameter the "
                                     "bid requires, and the price per unit, all taxes included, in rupees. Your offer "
                                     "stays sealed until the bid opens; you may revise it until the end."))
        if self.current.get("status") == "withdrawn":
            self.revising.setText(self.tr("Your offer is withdrawn: what you send now submits it again."))
        elif self.current.get("receipt"):
            self.revising.setText(self.tr("You are revising your offer (receipt %1…): what you send now replaces it.")
                                  .replace("%1", self.current["receipt"][:12]))
        else:
            self.revising.setText(self.tr("You are revising the offer you prepared on this computer."))
        labels = param_labels(self.categories)  # in the language now chosen
        for inputs in self.items.values():
            item = inputs.item
            total = sum(c.get("quantity", 0) for c in item.get("consignees") or [])
            inputs.box.setTitle(filled(self.tr("%1 — %2 in all"), item.get("name", ""), number(total)))
            inputs.listing_label.setText(self.tr("Offer my listing"))
            for index in range(inputs.listing.count()):
                data = inputs.listing.itemData(index)
                if data is None:
                    inputs.listing.setItemText(index, self.tr("(no listing: describe the offer)"))
                elif data not in inputs.listings:
                    inputs.listing.setItemText(index, self.tr("(the listing in your offer, not offerable now)"))
            names = labels.get(item.get("category_id"), {})
            for name, label in inputs.required.items():
                label.setText(filled(escape(self.tr("%1: required %2")), escape(names.get(name, name)),
                                     f"<b>{escape(str(item['key_specs'][name]))}</b>"))
            for mark in inputs.marks.values():
                mark.setText(self.tr("differs from the requirement"))
                mark.setToolTip(self.tr("The buyer decides in the technical evaluation whether what you offer "
                                        "meets the requirement."))
            inputs.price_label.setText(in_rupees(self.tr("Price per unit (Rs)")))
            inputs.price.setPlaceholderText(self.tr("like 18,500"))
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

    def _typed(self) -> tuple[Any, ...]:
        """All the dialog's inputs as typed, to tell a changed offer from the one it started as."""
        return (self.local.value(), tuple((inputs.listing.currentIndex(), inputs.price.text(),
                                           tuple(edit.text() for edit in inputs.offered.values()))
                                          for inputs in self.items.values()))

    def _show_totals(self) -> None:
        """Each item's price × its quantity, and the offer's total."""
        grand, complete = 0, True
        for inputs in self.items.values():
            try:
                paise = paise_from_rupees(inputs.price.text())
            except MoneyError:
                paise = None
            if paise is None or paise <= 0:
                inputs.total.setText("")
                complete = False
                continue
            line = paise * inputs.quantity
            grand += line
            inputs.total.setText(filled(self.tr("× %1 = %2"), number(inputs.quantity), money(line)))
        self.grand_total.setText(filled(self.tr("Total of your offer: %1"), money(grand)) if complete and self.items
                                 else "")

    def _send(self) -> None:
        self.tried = True
        if self._check():
            self.accept()

    def reject(self) -> None:
        """Cancel asks before a changed offer is thrown away."""
        if self._typed() != self.started_as and not confirm_discard(
                self, self.tr("Discard this offer?"),
                self.tr("What you changed in this offer has not been sent. Discard it, or keep editing?"),
                self.tr("Discard the offer")):
            return
        super().reject()

    def _check(self) -> bool:
        self._show_totals()
        stated = True
        for inputs in self.items.values():
            for name, edit in inputs.offered.items():
                text = edit.text().strip()
                stated = stated and bool(text)
                inputs.marks[name].setVisible(bool(text) and not same_value(text, inputs.item["key_specs"][name]))
        problem = ""
        if not stated:
            problem = self.tr("State what you offer for every key parameter.")
        elif self._prices() is None:
            problem = self.tr("Enter a price above zero for every item, like 18,500.")
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem) and (self.tried or (self.started_as is not None
                                                                  and self._typed() != self.started_as)))
        return not problem

    def body(self) -> dict[str, Any]:
        prices = self._prices() or {}
        return {"local_content_pct": self.local.value(),
                "items": {item_id: {"unit_price_paise": prices[item_id], "listing_id": inputs.listing.currentData(),
                                    "compliance": {name: edit.text().strip() for name, edit in inputs.offered.items()}}
                          for item_id, inputs in self.items.items() if item_id in prices}}


class NegotiationDialog(Retranslating, QDialog):
    """The L1 seller's answer to a negotiation round: a lower price per item, or keep the price."""

    def __init__(self, bid: dict[str, Any], negotiation: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("negotiationDialog")
        self.bid, self.negotiation = bid, negotiation
        self.declined = False
        names = {item["id"]: item.get("name", item["id"]) for item in bid.get("items", [])}
        form = QFormLayout(self)
        self.heading = QLabel(self, wordWrap=True)
        form.addRow(self.heading)
        self.prices: dict[str, QLineEdit] = {}
        for item_id, before in negotiation["before_prices"].items():
            edit = QLineEdit(rupees_input_text(before), self, objectName=f"negotiated_{item_id}")
            edit.textChanged.connect(self._check)
            self.prices[item_id] = edit
            form.addRow(f"{names.get(item_id, item_id)} ({money(before)})", edit)
        self.problem = problem_label(self, "negotiationProblem")
        form.addRow(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.keep = self.buttons.addButton("", QDialogButtonBox.ButtonRole.DestructiveRole)
        self.keep.setObjectName("keepPrice")
        self.keep.clicked.connect(self._decline)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Negotiation, round %1").replace("%1", str(self.negotiation["round"])))
        note = self.negotiation.get("note") or ""
        self.heading.setText(self.tr("The buyer asks you, as L1, for a better price per unit (rupees). Answer by %1.")
                             .replace("%1", self.negotiation.get("due_text") or "") + (f"<br><i>{escape(note)}</i>" if note else ""))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Offer these prices"))
        self.keep.setText(self.tr("Keep my price"))
        self._check()

    def prices_paise(self) -> dict[str, int] | None:
        """The new prices, when every one is a sum no higher than before and one is lower."""
        prices = {}
        for item_id, edit in self.prices.items():
            try:
                prices[item_id] = paise_from_rupees(edit.text())
            except MoneyError:
                return None
        before = self.negotiation["before_prices"]
        if any(not 0 < prices[i] <= before[i] for i in prices) or prices == before:
            return None
        return prices

    def _check(self) -> None:
        ok = self.prices_paise() is not None
        self.problem.setText("" if ok else self.tr("Lower at least one price; none may be above your price before."))
        self.problem.setVisible(not ok)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def _decline(self) -> None:
        self.declined = True
        self.accept()


class BidsPage(Retranslating, QWidget):
    changed = Signal()  # something was queued: sync soon
    waiting_changed = Signal(int)  # how many bids wait for the approving officer
    # A read found the marketplace unreachable while signed in (the window may say "Offline"
    # and watch for it to come back); not during an offline start, which the sign-in handles.
    unreachable = Signal()
    auction_wanted = Signal(str)  # the user asked to follow this reverse auction (its id)

    def __init__(self, workspace: Workspace, tasks: TaskManager, parent: QWidget | None = None,
                 clock: auctions.ServerClock | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bidsPage")
        self.workspace, self.tasks = workspace, tasks
        self.clock = clock or auctions.ServerClock()  # the server's time, for a reverse auction's start
        self.user = workspace.user or {}
        self.role = self.user.get("role", "")
        self.current: dict[str, Any] | None = None
        self.current_evaluation: dict[str, Any] = {}
        self.wanted: str | None = None  # a bid to select once the list has it (show_bid)
        self.notice = ""  # the last thing a seller's action said (the list's line shows it)
        self.waiting_count = 0  # bids waiting for the approving officer's step
        self.loads = 0  # answers to reload() so far (tests wait on it)
        self.all_bids: list[dict[str, Any]] = []  # the list as read; the table shows those the filters keep
        # Where the list and the current bid's details come from: (fetched_at, live, final, problem).
        self.list_source: tuple[datetime, bool, bool, str] | None = None
        self.detail_source: tuple[datetime, bool, bool, str] | None = None
        self.detail_problem = ""  # why the current bid's details could not be read (no copy kept)

        self.model = BidsModel(self)
        self.table = rows_table(self, "bidsTable", self.model)
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
        self.list_note = QLabel(self, objectName="bidsAsOf", wordWrap=True)
        self.list_note.setStyleSheet(NOTE_STYLE)
        self.list_note.hide()

        # A seller's bids for them, narrowed on this computer (instant, and offline too).
        self.filters = QWidget(self, objectName="bidFilters")
        self.district_label = QLabel(self.filters)
        self.district = QComboBox(self.filters, objectName="districtFilter", editable=True)
        self.district.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.district.setMinimumContentsLength(14)
        self.district.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.district.addItem("")  # "Any district", named in retranslate()
        self.district.currentTextChanged.connect(lambda _text: self._apply_filters())
        self.district_label.setBuddy(self.district)
        self.value_label = QLabel(self.filters)
        self.max_value = QLineEdit(self.filters, objectName="maxValueFilter")
        self.max_value.setMaximumWidth(140)
        self.max_value.textChanged.connect(lambda _text: self._apply_filters())
        self.value_label.setBuddy(self.max_value)
        self.count_label = QLabel(self.filters, objectName="bidsCount")
        self.value_problem = problem_label(self.filters, "maxValueProblem")
        filter_row = QHBoxLayout()
        filter_row.setContentsMargins(0, 0, 0, 0)
        filter_row.addWidget(self.district_label)
        filter_row.addWidget(self.district)
        filter_row.addSpacing(12)
        filter_row.addWidget(self.value_label)
        filter_row.addWidget(self.max_value)
        filter_row.addStretch(1)
        filter_row.addWidget(self.count_label)
        filters_layout = QVBoxLayout(self.filters)
        filters_layout.setContentsMargins(0, 0, 0, 0)
        filters_layout.addLayout(filter_row)
        filters_layout.addWidget(self.value_problem)
        self.filters.setVisible(self.role == "seller")

        self.actions: dict[str, QPushButton] = {}
        for name in ("send", "approve", "return", "offer", "withdraw", "accept_match", "decline_match", "open_financial", "negotiate",
                     "answer_negotiation", "schedule_auction", "open_auction", "award", "export"):
            button = QPushButton(self, objectName=f"bid_{name}")
            button.clicked.connect(getattr(self, f"_do_{name}"))
            button.hide()
            self.actions[name] = button

        self.detail_note = QLabel(self, objectName="bidDetailAsOf", wordWrap=True)
        self.detail_note.setStyleSheet(NOTE_STYLE)
        self.detail_note.hide()
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
        self.offer_list.setWordWrap(True)  # an offer is several lines: its items' compliance
        self.offer_list.setAlternatingRowColors(True)
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
        # What the offers name, as kept on this computer: listings by id, parameter labels by category.
        self.offered_listings: dict[str, dict[str, Any]] = {}
        self.offer_categories: list[dict[str, Any]] = []
        self.negotiations: list[dict[str, Any]] = []  # rounds with L1 (a seller sees only its own)
        self.my_offer: dict[str, Any] | None = None  # a seller's own offer on the bid shown
        self.queued: list[Any] = []  # the buying-cycle writes made here, as last read

        top = QHBoxLayout()
        top.addWidget(self.new_button)
        top.addWidget(self.refresh_button)
        top.addWidget(self.queue_label, 1)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(self.filters)
        left_layout.addWidget(self.list_note)
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
        right_layout.addWidget(self.detail_note)
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
                  "withdraw": self.tr("Withdraw my offer…"),
                  "accept_match": self.tr("Match L1…"), "decline_match": self.tr("Decline the match"),
                  "open_financial": self.tr("Open the prices"),
                  "negotiate": self.tr("Negotiate with L1…"), "answer_negotiation": self.tr("Answer the negotiation…"),
                  "schedule_auction": self.tr("Reverse auction…"), "open_auction": self.tr("Follow the auction"),
                  "award": self.tr("Award"), "export": self.tr("Export for audit…")}
        for name, button in self.actions.items():
            button.setText(labels[name])
        if self.loads:
            self._show_count()
        self.detail_tabs.setTabText(0, self.tr("Bid"))
        self.detail_tabs.setTabText(1, self.tr("Timeline"))
        self.detail_tabs.setTabText(2, self.tr("Evaluation"))
        self.detail_tabs.setTabText(3, self.tr("Technical evaluation"))
        self.accept_offer.setText(self.tr("Accept technically"))
        self.reject_offer.setText(self.tr("Reject…"))
        self.district_label.setText(self.tr("&District"))
        self.value_label.setText(in_rupees(self.tr("&Value up to (Rs)")))
        self.max_value.setPlaceholderText(self.tr("Any value"))
        self.district.blockSignals(True)
        any_chosen = self.district.currentIndex() == 0 and self.district.currentText() == self.district.itemText(0)
        self.district.setItemText(0, self.tr("Any district"))
        if any_chosen:
            self.district.setEditText(self.district.itemText(0))
        self.district.blockSignals(False)
        self._apply_filters()
        self._show_notes()
        self._show_offers()
        self._show_current()

    # -- reading ----------------------------------------------------------------------------

    def reload(self) -> None:
        self.message.setText(self.tr("Loading the bids…"))
        operations.load_bids(self.tasks, self.workspace, self._loaded, self._failed,
                             on_stored=lambda answer: self._show_list(answer, final=False))

    def showEvent(self, event) -> None:
        """Shown for the first time: the list (the window reloads it only while online, and
        the copy kept on this computer reads offline too)."""
        super().showEvent(event)
        if self.loads == 0 and self.list_source is None:
            self.reload()

    def _loaded(self, answer: tuple[Cached, list[Any]]) -> None:
        self.loads += 1
        self._show_list(answer, final=True)
        self._say_if_unreachable(answer[0])

    def _say_if_unreachable(self, copy: Cached) -> None:
        if not copy.live and self.workspace.session is not None:
            self.unreachable.emit()

    def _show_list(self, answer: tuple[Cached, list[Any]], final: bool) -> None:
        """`final`: the answer to this reload (live, or the copy because the marketplace was
        not heard); else the copy shown while the marketplace is asked."""
        copy, queued = answer
        if not newer(copy, final, self.list_source):
            if final and not copy.live and self.list_source is not None:
                self.list_source = (self.list_source[0], False, True, copy.problem)  # what is shown is a copy now
                self._show_notes()
            return
        self.list_source = (copy.fetched_at, copy.live, final, copy.problem)
        bids = copy.data
        known = {bid["id"] for bid in bids}
        # Drafts made here that the marketplace does not have yet show at once, as waiting.
        waiting = [dict(r.body, id=r.entity.split(":", 1)[1], status="waiting", number=None, version=0, items=r.body.get("items", []))
                   for r in queued if r.action == "draft" and r.entity.split(":", 1)[1] not in known and r.state != "rejected"]
        self.all_bids = waiting + bids
        self._fill_districts()
        self._apply_filters()
        self._select_wanted()
        self.queued = queued
        self._show_queue(queued)
        self._show_notes()
        if final and self.current is not None and self.current.get("status") != "waiting":
            # The bid shown is read again too: an offer just sent shows in its details and timeline.
            bid_id = self.current["id"]
            operations.load_bid_detail(self.tasks, self.workspace, bid_id, self._detail,
                                       lambda error: self._detail_failed(bid_id, error))
        if final or self.role != "seller":
            self._show_count()

    def _count_waiting(self) -> None:
        """The approving officer's bids waiting for approval, for the tab's name."""
        count = sum(1 for bid in self.all_bids if bid.get("status") == "awaiting_approval") \
            if self.role == "approver" else 0
        if count != self.waiting_count:
            self.waiting_count = count
            self.waiting_changed.emit(count)

    def _show_count(self) -> None:
        """How many bids, or for an empty list what would show here."""
        self._count_waiting()
        if self.role == "seller":
            self.message.setText(self.notice or ("" if self.all_bids else self.tr(
                "No bids for you now: published bids in the categories you have listings in show here.")))
        elif self.all_bids:
            self.message.setText(self.tr("%n bid(s).", "", len(self.all_bids)))
        elif self.role == "approver":
            self.message.setText(self.tr("No bids yet: your office's bids show here, those sent for your approval "
                                         "among them."))
        else:
            self.message.setText(self.tr("No bids yet: a bid you draft with New bid shows here."))

    def _fill_districts(self) -> None:
        """The consignees' districts of the bids read, keeping what the seller chose or typed."""
        typed = self.district.currentText()
        self.district.blockSignals(True)
        self.district.clear()
        self.district.addItem(self.tr("Any district"))
        self.district.addItems(consignee_districts(self.all_bids))
        self.district.setEditText(typed or self.district.itemText(0))
        self.district.blockSignals(False)

    def _district_wanted(self) -> str | None:
        text = self.district.currentText().strip()
        return None if not text or text == self.district.itemText(0) else text

    def _value_wanted(self) -> int | None:
        text = self.max_value.text().strip()
        problem = ""
        paise = None
        if text:
            try:
                paise = paise_from_rupees(text)
            except MoneyError:
                paise = None
            if paise is None or paise < 0:
                paise, problem = None, self.tr("Enter an amount in rupees, like 5,00,000; until then every value is shown.")
        self.value_problem.setText(problem)
        self.value_problem.setVisible(bool(problem))
        return paise

    def _apply_filters(self) -> None:
        """The table shows the bids the filters keep (sellers); everyone else sees the whole list."""
        shown = self.all_bids
        if self.role == "seller":
            shown = bids_matching(self.all_bids, self._district_wanted(), self._value_wanted())
            total = len(self.all_bids)
            text = self.tr("%1 of 1 bid") if total == 1 else self.tr("%1 of %2 bids")
            self.count_label.setText(text.replace("%1", number(len(shown))).replace("%2", number(total)))
        if shown == self.model.bids:
            return  # the same rows: the selection and the details shown stay as they are
        self.model.set_rows(shown)
        if self.current is not None:
            ids = [bid["id"] for bid in self.model.bids]
            if self.current["id"] in ids:
                self.table.selectRow(ids.index(self.current["id"]))

    def _note_text(self, source: tuple[datetime, bool, bool, str] | None) -> str:
        if source is None or source[1]:
            return ""
        fetched_at, _live, final, _problem = source
        if final:
            return self.tr("Offline: shown as of %1.").replace("%1", ist_text(fetched_at))
        return self.tr("Shown as of %1; asking the marketplace for the latest…").replace("%1", ist_text(fetched_at))

    def _show_notes(self) -> None:
        """Say plainly when what is shown is the copy kept on this computer, and from when."""
        for label, source in ((self.list_note, self.list_source), (self.detail_note, self.detail_source)):
            text = self._note_text(source)
            if label is self.detail_note and self.detail_problem:
                text = self.detail_problem
            label.setText(text)
            label.setToolTip(source[3] if source is not None and not source[1] else "")
            label.setVisible(bool(text))

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

    def _showing(self, bid_id: str | None) -> bool:
        """This bid is the one on screen (an answer about another one comes too late)."""
        return self.current is not None and self.current.get("id") == bid_id

    def _select(self, row: int) -> None:
        if not 0 <= row < len(self.model.bids):
            return
        chosen = self.model.bids[row]
        if not self._showing(chosen.get("id")):
            # Another bid: nothing of the previous one's details may stay on screen.
            self.detail_source, self.detail_problem = None, ""
            self.current_evaluation, self.technical_offers, self.negotiations, self.my_offer = {}, [], [], None
            self.timeline.set_events([])
            self.evaluation.show_evaluation(None)
            self._show_offers()
        self.current = chosen
        self._show_current()
        self._show_notes()
        if self.current.get("status") != "waiting":
            bid_id = self.current["id"]
            operations.load_bid_detail(self.tasks, self.workspace, bid_id, self._detail,
                                       lambda error: self._detail_failed(bid_id, error),
                                       on_stored=lambda copy: self._detail(copy, final=False))

    def _detail(self, copy: Cached, final: bool = True) -> None:
        if final:
            self._say_if_unreachable(copy)
        detail = copy.data
        if not self._showing(detail["bid"]["id"]):
            return
        if not newer(copy, final, self.detail_source):
            return
        self.detail_source, self.detail_problem = (copy.fetched_at, copy.live, final, copy.problem), ""
        if detail["bid"].get("version", 0) >= self.current.get("version", 0):
            self.current = detail["bid"]  # (the list may hold a newer copy of the bid than these details)
        self.my_offer = detail.get("my_offer")
        self.timeline.set_events(self._with_my_offer(detail["history"]))
        evaluation = detail.get("evaluation") or {}
        if "evaluation" in evaluation:
            self.evaluation.show_evaluation(evaluation["evaluation"], evaluation.get("sellers"),
                                            evaluation.get("reverse_auction"))
        self.current_evaluation = evaluation
        self.technical_offers = detail.get("offers") or []
        self.negotiations = detail.get("negotiations") or []
        self.my_offer = detail.get("my_offer")
        if self.technical_offers:
            named = {quote["listing_id"] for offer in self.technical_offers for quote in offer["items"].values()
                     if quote.get("listing_id")}
            operations.load_offer_references(self.tasks, self.workspace, named, self._offer_references)
        self._show_offers()
        self._show_current()
        self._show_notes()

    def _detail_failed(self, bid_id: str, error: BaseException) -> None:
        if not self._showing(bid_id):
            return
        if self.detail_source is not None:
            return  # a copy is shown already
        if unreachable(error):
            self.detail_problem = self.tr("Offline: the timeline and evaluation of this bid were not kept on this "
                                          "computer; they show once the marketplace can be reached.")
        else:
            self.detail_problem = self.tr("The details of this bid cannot be read now: %1").replace("%1", str(error))
        self._show_notes()

    def _offer_references(self, answer: tuple[dict[str, dict[str, Any]], list[dict[str, Any]]]) -> None:
        listings, categories = answer
        self.offered_listings, self.offer_categories = listings, categories
        self._show_offers()

    def _compliance_lines(self, offer: dict[str, Any], labels: dict[int, dict[str, str]]) -> list[str]:
        """Per item quoted: the listing offered, then each key parameter as offered against
        the bid's requirement, a difference marked (the technical decision is the buyer's)."""
        lines = []
        for item in (self.current or {}).get("items") or []:
            quote = offer["items"].get(item["id"])
            if quote is None:
                continue
            listing_id = quote.get("listing_id")
            if listing_id is None:
                what = self.tr("no catalogue listing named; as described")
            elif listing_id in self.offered_listings:
                what = filled(self.tr("catalogue listing: %1"), self.offered_listings[listing_id].get("title", ""))
            else:
                what = filled(self.tr("catalogue listing %1"), listing_id[:8])
            lines.append(f"  {item.get('name', item['id'])}: {what}")
            names = labels.get(item.get("category_id"), {})
            stated = quote.get("compliance") or {}
            for name, required in (item.get("key_specs") or {}).items():
                offered = stated.get(name)
                line = filled(self.tr("%1: offered %2, required %3"), names.get(name, name),
                              offered if offered is not None else self.tr("(not stated)"), required)
                if offered is None or not same_value(offered, required):
                    line += " — " + self.tr("differs from the requirement")
                lines.append("      " + line)
        return lines

    def _show_offers(self) -> None:
        row = self.offer_list.currentRow()
        self.offer_list.clear()
        decisions = {"pending": self.tr("not decided"), "accepted": self.tr("accepted"), "rejected": self.tr("rejected")}
        labels = param_labels(self.offer_categories)
        for offer in self.technical_offers:
            line = self.tr("Seller %1 · local content %2% · %3").replace("%1", str(offer["seller_id"])) \
                .replace("%2", str(offer["local_content_pct"])).replace("%3", decisions.get(offer["technical_status"], ""))
            if offer.get("technical_reason"):
                line += f" ({offer['technical_reason']})"
            self.offer_list.addItem("\n".join([line, *self._compliance_lines(offer, labels)]))
        if 0 <= row < self.offer_list.count():
            self.offer_list.setCurrentRow(row)  # the references arriving keep the offer chosen
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
        auction = self.current_evaluation.get("reverse_auction")
        show = {
            "send": self.role == "buyer" and status in ("draft", "returned"),
            "approve": self.role == "approver" and status == "awaiting_approval",
            "return": self.role == "approver" and status == "awaiting_approval",
            "offer": self.role == "seller" and status == "published",
            "withdraw": self.role == "seller" and status == "published",
            "accept_match": self.role == "seller" and status == "financial_evaluation" and bool(self._unanswered()),
            "decline_match": self.role == "seller" and status == "financial_evaluation" and bool(self._unanswered()),
            "open_financial": self.role == "buyer" and status == "technical_evaluation",
            "negotiate": self.role == "buyer" and status == "financial_evaluation" and auction is None
            and bool(self._lots_to_negotiate()),
            "answer_negotiation": self.role == "seller" and self._open_round() is not None,
            "schedule_auction": self.role == "buyer" and status == "financial_evaluation" and auction is None
            and bool(bid.get("ra_enabled")) and bid.get("method") == "total_value" and self._open_round() is None
            and bool(self.current_evaluation),
            "open_auction": auction is not None,
            "award": self.role == "buyer" and status == "financial_evaluation"
            and (auction["closed"] if auction else bid.get("ra_rule") != "direct"),
            "export": self.role in ("buyer", "approver") and status in ("financial_evaluation", "awarded"),
        }
        for name, visible in show.items():
            self.actions[name].setVisible(visible)
        self.summary.setHtml(self._summary_html(bid))

    def _summary_html(self, bid: dict[str, Any]) -> str:
        """The bid document's fields, as a seller reads them before making an offer."""
        rows = [(self.tr("Bid number"), bid.get("number") or self.tr("(not published)")),
                (self.tr("Status"), status_text(bid.get("status") or ""))]
        buyer = bid.get("buyer") or {}
        office = ", ".join(part for part in (buyer.get("office"), buyer.get("organisation")) if part)
        if buyer.get("district") and buyer["district"] not in office:
            office = ", ".join(part for part in (office, buyer["district"]) if part)
        if office:
            rows.append((self.tr("Buyer"), office))
        rows += [(self.tr("Estimated value"), money(bid.get("estimated_value_paise"))),
                 (self.tr("Ends"), when(bid.get("end_at"))),
                 (self.tr("Opens"), when(bid.get("opening_at")) if bid.get("opening_at") else "—")]
        if bid.get("offer_validity_days"):
            rows.append((self.tr("Offers valid for"), filled(self.tr("%1 days after the end"), bid["offer_validity_days"])))
        if bid.get("method"):
            methods = {"total_value": self.tr("Total value of all items"), "item_wise": self.tr("Item-wise"),
                       "group_wise": self.tr("Group-wise")}
            rows.append((self.tr("Evaluation"), methods.get(bid["method"], bid["method"])))
        if bid.get("packets"):
            rows.append((self.tr("Packets"), self.tr("Two packets (technical, then financial)") if bid["packets"] == 2
                         else self.tr("Single packet")))
        if "emd" in bid:
            rows.append((self.tr("EMD"), self._emd_text(bid.get("emd") or {})))
        if "epbg_bp" in bid:
            rows.append((self.tr("ePBG"), filled(self.tr("%1% of the order value"), percent_text(bid["epbg_bp"]))
                         if bid["epbg_bp"] else self.tr("None")))
        if bid.get("payment_days"):
            rows.append((self.tr("Payment"), filled(self.tr("Within %1 days of the CRAC"), bid["payment_days"])))
        mse, mii = bid.get("mse_preference") or {}, bid.get("mii_preference") or {}
        if mse:
            text = filled(self.tr("MSEs within %1% of L1 may match it for %2% of the quantity"),
                          percent_text(mse.get("band_bp", 0)), percent_text(mse.get("share_bp", 0)))
            rows.append((self.tr("MSE preference"), text if mse.get("enabled") else self.tr("None")))
        if mii:
            text = filled(self.tr("Class-I local suppliers within %1% of L1 may match it; L1 keeps %2% of the quantity"),
                          percent_text(mii.get("margin_bp", 0)), percent_text(mii.get("l1_share_bp", 0)))
            rows.append((self.tr("Make in India preference"), text if mii.get("enabled") else self.tr("None")))
        if "min_offers" in bid:
            rows.append((self.tr("Minimum offers"), filled(self.tr("%1; with fewer, the bid is extended by %2 days"),
                                                           bid["min_offers"], bid.get("extension_days", ""))))
        if "ra_enabled" in bid:
            rules = {"h1_elimination": self.tr("all but the highest-priced offer (H1 elimination)"),
                     "top_half": self.tr("the lowest-priced half of the offers"),
                     "direct": self.tr("from the start: every qualified seller bids")}
            rows.append((self.tr("Reverse auction"), filled(self.tr("Yes: %1"), rules.get(bid.get("ra_rule") or "", ""))
                         if bid["ra_enabled"] else self.tr("No")))
        rows += self._my_offer_rows()
        rows += [(self.tr("Invitation to match L1"), self._invitation_text(i)) for i in self._unanswered()]
        rows += [(filled(self.tr("Negotiation, round %1"), n["round"]), self._round_text(n)) for n in self.negotiations]
        table = "".join(f"<tr><td><b>{escape(k)}</b></td><td>{escape(str(v))}</td></tr>" for k, v in rows)
        items = self.tr("Items")  # outside the f-string, where pyside6-lupdate finds it
        return (f"<h3>{escape(bid.get('title', ''))}</h3><table cellpadding=3>{table}</table>"
                f"<h4>{escape(items)}</h4>{self._items_html(bid.get('items') or [])}")

    def _offer_prices(self, offer: dict[str, Any]) -> list[tuple[str, int]]:
        """(item's name, the price per unit offered) for each item of the seller's offer."""
        names = {item["id"]: item.get("name", item["id"]) for item in (self.current or {}).get("items") or []}
        return [(names.get(item_id, item_id), quote["unit_price_paise"]) for item_id, quote in
                (offer.get("items") or {}).items() if isinstance(quote, dict) and quote.get("unit_price_paise")]

    def _offer_total(self, offer: dict[str, Any]) -> int:
        """The offer's value: each item's price per unit times its quantity over its consignees."""
        quantities = {item["id"]: sum(c.get("quantity", 0) for c in item.get("consignees") or [])
                      for item in (self.current or {}).get("items") or []}
        return sum(quote["unit_price_paise"] * quantities.get(item_id, 0) for item_id, quote in
                   (offer.get("items") or {}).items() if isinstance(quote, dict) and quote.get("unit_price_paise"))

    def _offer_waiting(self) -> Any | None:
        """The seller's offer on the bid shown made on this computer and not yet at the marketplace."""
        if self.role != "seller" or self.current is None:
            return None
        prefix = f"{BIDS}/{self.current['id']}/offers/"
        return next((r for r in reversed(self.queued) if r.action == "offer" and r.path.startswith(prefix)
                     and r.state in ("pending", "sent")), None)

    def _with_my_offer(self, history: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The bid's timeline with the seller's own offer in it (the marketplace's timeline for a
        seller has only the public steps): when it was sent, and its value."""
        offer = self.my_offer
        if self.role != "seller" or not offer or not offer.get("submitted_at"):
            return history
        event = {"at": offer["submitted_at"], "who": "", "role": "seller",
                 "action": "offer withdrawn" if offer.get("status") == "withdrawn" else "offer submitted",
                 "note": filled(self.tr("%1 in all; receipt %2…"), money(self._offer_total(offer)),
                                (offer.get("receipt") or "")[:12])}
        return sorted([*history, event], key=lambda e: e.get("at") or "")

    def _my_offer_rows(self) -> list[tuple[str, str]]:
        """A seller's own offer on this bid: its state, its receipt, the withdrawals left and
        the technical result with the buyer's reason."""
        offer = self.my_offer
        waiting = self._offer_waiting()
        if waiting is not None:  # sent with the next sync: say so, with what it offers
            total = self._offer_total(waiting.body or {})
            return [(self.tr("Your offer"), filled(self.tr("prepared on this computer, sent with the next sync (%1 in "
                                                           "all)"), money(total)))]
        if self.role != "seller" or not offer:
            return []
        states = {"submitted": self.tr("submitted on %1"), "withdrawn": self.tr("withdrawn (last sent %1)")}
        rows = [(self.tr("Your offer"), filled(states.get(offer.get("status"), offer.get("status") or ""),
                                               when(offer.get("submitted_at"))))]
        total = self._offer_total(offer)
        if total:
            rows.append((self.tr("Your prices"), filled(self.tr("%1 in all (%2)"), money(total), "; ".join(
                filled(self.tr("%1: %2 per unit"), name, money(price)) for name, price in self._offer_prices(offer)))))
        rows += [
                (self.tr("Receipt"), offer.get("receipt") or ""),
                (self.tr("Withdrawals left"), str(offer.get("withdrawals_left", "")))]
        technical = {"accepted": self.tr("accepted"), "rejected": self.tr("rejected: %1")}
        if offer.get("technical_status") in technical:
            rows.append((self.tr("Technical evaluation"),
                         filled(technical[offer["technical_status"]], offer.get("technical_reason") or "")))
        return rows

    def _invitation_text(self, invitation: dict[str, Any]) -> str:
        """Lot all: match Rs 13,60,000.00 by 6 Dec 2026, 10:00 IST (unanswered, it lapses as a decline)."""
        return filled(self.tr("lot %1: match %2 by %3; unanswered by then, it counts as declined"), invitation["lot"],
                      money(invitation.get("l1_price_paise")), invitation.get("due_text") or "—")

    def _round_text(self, negotiation: dict[str, Any]) -> str:
        """Lot all, S7: Rs 14,00,000.00 -> Rs 13,60,000.00 (answered)."""
        states = {"open": filled(self.tr("open until %1"), negotiation.get("due_text") or ""),
                  "answered": self.tr("price lowered"), "declined": self.tr("price kept"),
                  "lapsed": self.tr("lapsed without an answer")}
        prices = money(negotiation.get("before_total_paise"))
        if negotiation.get("total_paise") is not None:
            prices += " → " + money(negotiation["total_paise"])
        return filled(self.tr("lot %1, %2: %3 (%4)"), negotiation["lot"], negotiation["seller"], prices,
                      states.get(negotiation["status"], negotiation["status"]))

    def _emd_text(self, emd: dict[str, Any]) -> str:
        mode = emd.get("mode", "none")
        if mode == "amount":
            text = money(emd.get("amount_paise"))
        elif mode == "declaration":
            text = self.tr("Bid security declaration instead")
        else:
            return self.tr("None")
        if emd.get("mse_startup_exempt"):
            text += self.tr(" (MSEs and startups exempt)")
        return text

    def _items_html(self, items: list[dict[str, Any]]) -> str:
        """Each item with its key parameters and its quantity per consignee's district."""
        parts = []
        for item in items:
            consignees = item.get("consignees") or []
            total = sum(c.get("quantity", 0) for c in consignees)
            specs = "; ".join(f"{k}: {v}" for k, v in (item.get("key_specs") or {}).items())
            each = self.tr("%1: %2, delivery within %3 days")
            lines = "".join("<li>" + escape(filled(each, c.get("district", ""), number(c.get("quantity", 0)),
                                                   c.get("delivery_days", ""))) + "</li>" for c in consignees)
            heading = escape(filled(self.tr("%1 — %2 in all"), item.get("name", ""), number(total)))
            parts.append(f"<p><b>{heading}</b>" + (f"<br>{escape(specs)}" if specs else "") + f"</p><ul>{lines}</ul>")
        return "".join(parts)

    # -- writing (queued, then synced) ----------------------------------------------------------

    def _queued(self, _result=None) -> None:
        self.changed.emit()
        self.reload()

    def new_bid(self) -> None:
        form = BidForm(self.workspace.cache.categories(), utc_now, parent=self, districts=self.workspace.cache.districts())
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
        self.notice = ""
        """The offer dialog, once the seller's listings and its offer so far are read."""
        bid = self.current
        firm = self.user.get("seller_firm") or {}
        self.message.setText(self.tr("Preparing your offer…"))
        operations.load_offer_start(self.tasks, self.workspace, bid["id"], firm.get("id"),
                                    lambda start: self._open_offer(bid, start), self._offer_not_ready)

    def _offer_not_ready(self, error: BaseException) -> None:
        self.message.setText(self.tr("Your offer cannot be prepared now: %1").replace("%1", str(error)))

    def _open_offer(self, bid: dict[str, Any], start: tuple[Any, ...]) -> None:
        """`start`: the answer of operations.load_offer_start."""
        listings, categories, server_offer, requests = start
        self.message.setText("")
        offer_id, current = offer_to_revise(bid["id"], server_offer, requests)
        dialog = OfferDialog(bid, offerable_listings(listings), categories, current, self)

        def queue_offer() -> None:
            body = dialog.body()  # read here, on the GUI thread, before the dialog goes
            operations.queue(self.tasks, lambda p: p.submit_offer(bid["id"], body, offer_id), self.workspace,
                             self._queued)

        dialog.accepted.connect(queue_offer)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _do_withdraw(self) -> None:
        """At most three withdrawals before the end (the server counts them and refuses a fourth)."""
        asked = QMessageBox.question(self, self.tr("Withdraw my offer"), self.tr(
            "Withdraw your offer on this bid? You may make it again before the end; an offer may be withdrawn at "
            "most three times."))
        if asked != QMessageBox.StandardButton.Yes:
            return

        def queued(left: int | None) -> None:
            # Kept as the page's notice: the reload after the sync would otherwise wipe it at once.
            self.notice = (self.tr("Your offer will be withdrawn with the next sync.") if left is None else
                           self.tr("Your offer will be withdrawn with the next sync (%n withdrawal(s) left after "
                                   "this one).", "", left))
            self.message.setText(self.notice)
            self._queued()

        def failed(error: BaseException) -> None:
            self.notice = (self.tr("You have no offer on this bid to withdraw.") if isinstance(error, LookupError)
                           else self.tr("The offer cannot be withdrawn now: %1").replace("%1", str(error)))
            self.message.setText(self.notice)

        operations.withdraw_offer(self.tasks, self.workspace, self.current["id"], queued, failed)

    def _unanswered(self) -> list[dict[str, Any]]:
        """The seller's invitations to match L1 it has not answered yet."""
        return [i for i in self.current_evaluation.get("invitations", []) if i.get("answer") is None]

    def _answer_matches(self, accept: bool) -> None:
        bid_id = self.current["id"]
        for invitation in self._unanswered():
            lot = invitation["lot"]
            operations.queue(self.tasks, lambda p, lot=lot: p.answer_match(bid_id, lot, accept), self.workspace,
                             self._queued)

    def _do_accept_match(self) -> None:
        self._answer_matches(True)

    def _do_decline_match(self) -> None:
        self._answer_matches(False)

    def _do_open_financial(self) -> None:
        bid_id, version = self.current["id"], self._version()
        operations.queue(self.tasks, lambda p: p.open_financial(bid_id, version), self.workspace, self._queued)

    def _lots_to_negotiate(self) -> list[str]:
        """Lots with an L1 and no round open, that have had fewer than five rounds."""
        lots = [lot["lot"] for lot in (self.current_evaluation.get("evaluation") or {}).get("lots", []) if lot.get("l1")]
        held = [n["lot"] for n in self.negotiations]
        busy = {n["lot"] for n in self.negotiations if n["status"] == "open"}
        return [lot for lot in lots if lot not in busy and held.count(lot) < NEGOTIATION_ROUNDS]

    def _open_round(self) -> dict[str, Any] | None:
        return next((n for n in self.negotiations if n["status"] == "open"), None)

    def _do_negotiate(self) -> None:
        lots = self._lots_to_negotiate()
        if not lots:
            return
        lot = lots[0]
        if len(lots) > 1:
            lot, ok = QInputDialog.getItem(self, self.tr("Negotiate with L1"), self.tr("Lot:"), lots, 0, False)
            if not ok:
                return
        text, ok = QInputDialog.getMultiLineText(self, self.tr("Negotiate with L1"),
                                                 self.tr("Your request to the L1 seller (72 hours to answer):"))
        if ok:
            bid_id, version, note = self.current["id"], self._version(), text.strip()
            operations.queue(self.tasks, lambda p: p.negotiate(bid_id, version, lot, note), self.workspace, self._queued)

    def _do_answer_negotiation(self) -> None:
        negotiation = self._open_round()
        if negotiation is None:
            return
        dialog = NegotiationDialog(self.current, negotiation, self)
        bid_id = self.current["id"]

        def answer() -> None:
            prices = None if dialog.declined else dialog.prices_paise()  # read on the GUI thread
            operations.queue(self.tasks, lambda p: p.answer_negotiation(bid_id, negotiation["id"], prices),
                             self.workspace, self._queued)

        dialog.accepted.connect(answer)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _do_schedule_auction(self) -> None:
        """The dialog, once the server's clock is known (a start in the past would be refused)."""
        bid = self.current
        operations.load_auctions(self.tasks, self.workspace, self.clock, lambda _found: self._schedule_auction(bid),
                                 lambda _error: self._schedule_auction(bid))

    def _schedule_auction(self, bid: dict[str, Any]) -> None:
        lots = (self.current_evaluation.get("evaluation") or {}).get("lots") or []
        if not self._showing(bid["id"]) or not lots or not lots[0].get("l1_price_paise"):
            return  # another bid was chosen meanwhile
        dialog = ScheduleAuctionDialog(bid, lots[0]["l1_price_paise"], self.clock.now, self)
        bid_id = bid["id"]

        def schedule() -> None:
            body = dialog.body()  # read on the GUI thread
            operations.queue(self.tasks, lambda p: p.schedule_auction(bid_id, body), self.workspace, self._queued)

        dialog.accepted.connect(schedule)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _do_open_auction(self) -> None:
        auction = self.current_evaluation.get("reverse_auction")
        if auction:
            self.auction_wanted.emit(auction["id"])

    def show_bid(self, bid_id: str) -> None:
        """Select `bid_id` in the list (now, or when the list next arrives with it)."""
        self.wanted = bid_id
        self._select_wanted()
        if self.wanted is not None:
            self.reload()

    def _select_wanted(self) -> None:
        ids = [bid["id"] for bid in self.model.bids]
        if self.wanted in ids:
            self.table.selectRow(ids.index(self.wanted))
            self.wanted = None

    def _do_award(self) -> None:
        bid_id, version = self.current["id"], self._version()
        operations.queue(self.tasks, lambda p: p.award(bid_id, version), self.workspace, self._queued)

    def _do_export(self) -> None:
        """BID.json for an auditor: `gemdesk rules evaluate` re-checks the decision from it."""
        bid = self.current
        default = in_documents((bid.get("number") or bid["id"]).replace("/", "-") + ".json")
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export the bid for audit"), default, "JSON (*.json)")
        if path:
            operations.export_bid(self.tasks, self.workspace, bid["id"], path,
                                  lambda _: self.message.setText(self.tr("Saved for audit: %1").replace(
                                      "%1", QDir.toNativeSeparators(path))),
                                  self._failed)

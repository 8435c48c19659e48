"""The live view of one reverse auction (docs/api.md, "Reverse auctions").

The countdown is the server's: the offset between its clock and ours is measured on every
answer (app/auctions.py ServerClock) and a one-second timer redraws it without the network.
While the view is shown the same timer asks a worker for the events after the last seq seen
(one request in flight at a time); the auction is re-read when something happened.

A seller sees its rank (and the L1 price when the auction shows it), its own bids, and a bid
box with the highest price the server will take from it, confirmed before sending. A buyer
sees the ranking under the bidders' aliases and every accepted bid. Bids are never queued:
offline the view says so and the bid box is disabled.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMessageBox, QPushButton, QSizePolicy,
    QSystemTrayIcon, QTableView, QVBoxLayout, QWidget,
)

from app import auctions
from app.api import ApiError, new_key
from app.read_cache import unreachable
from app.ui import operations
from app.ui.formats import in_rupees, money, rupees_input_text, when
from app.ui.tasks import TaskManager
from app.ui.widgets import PROBLEM_STYLE, Retranslating, RowsModel
from app.workspace import Workspace
from domain.money import paise_from_rupees
from domain.timefmt import ist_text, parse_iso

NOTICE_STYLE = "background:#e8f0fe; border:1px solid #1a73e8; padding:4px"


def auction_status_text(status: str) -> str:
    translate = QCoreApplication.translate
    return {"scheduled": translate("AuctionStatus", "Upcoming"), "live": translate("AuctionStatus", "Live"),
            "ended": translate("AuctionStatus", "Ended, closing"),
            "closed": translate("AuctionStatus", "Closed")}.get(status, status)


def _when_exactly(iso: str | None) -> str:
    """An accepted bid's time to the second, in IST: in the last minute seconds decide."""
    return ist_text(parse_iso(iso), with_seconds=True) if iso else ""


class _PricesModel(RowsModel):
    """Rows of an auction's prices: a subclass says what each cell shows (`cells`); the
    price column is right-aligned."""

    def cells(self, row: dict[str, Any]) -> dict[str, str]:
        raise NotImplementedError

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index)
        if row is None:
            return None
        key = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "price":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.cells(row)[key]


class RankingModel(_PricesModel):
    """The buyer's live ranking: rank, the bidder's alias, its price."""

    COLUMNS = ("rank", "bidder", "price")

    def headers(self) -> dict[str, str]:
        return {"rank": self.tr("Rank"), "bidder": self.tr("Bidder"), "price": self.tr("Price")}

    def cells(self, row: dict[str, Any]) -> dict[str, str]:
        return {"rank": f"L{row['rank']}", "bidder": row.get("bidder", ""), "price": money(row.get("price_paise"))}


class HistoryModel(_PricesModel):
    """The accepted bids, newest first: seq, time, bidder (the buyer's view), price."""

    COLUMNS = ("seq", "at", "bidder", "price")

    def headers(self) -> dict[str, str]:
        return {"seq": self.tr("No."), "at": self.tr("Accepted at"), "bidder": self.tr("Bidder"),
                "price": self.tr("Price")}

    def cells(self, row: dict[str, Any]) -> dict[str, str]:
        return {"seq": str(row.get("seq", "")), "at": _when_exactly(row.get("at")), "bidder": row.get("bidder", ""),
                "price": money(row.get("price_paise"))}


class PriceChart(QWidget):
    """Accepted prices over time, as steps down from the start price."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auctionChart")
        self.setMinimumHeight(140)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.start_price = 0
        self.start_at = self.end_at = None
        self.points: list[tuple[Any, int]] = []
        self.now = None

    def set_data(self, start_price: int, start_at: str, end_at: str, bids: list[dict[str, Any]], now: Any) -> None:
        """`now` by the server's clock: the line stops there (what comes after has not happened)."""
        self.now = now
        self.start_price = start_price
        self.start_at, self.end_at = parse_iso(start_at), parse_iso(end_at)
        self.points = sorted((parse_iso(b["at"]), b["price_paise"]) for b in bids)
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        left, top, right, bottom = 90, 10, self.width() - 12, self.height() - 22
        painter.setPen(QPen(QColor("#9aa0a6")))
        painter.drawRect(left, top, right - left, bottom - top)
        if not self.start_price or self.start_at is None or right <= left:
            return
        lowest = min([p for _, p in self.points] + [self.start_price])
        floor = lowest - max((self.start_price - lowest) // 3, self.start_price // 1000, 1)
        last = max([self.end_at] + [t for t, _ in self.points])
        span = max((last - self.start_at).total_seconds(), 1.0)

        def x(moment) -> float:
            return left + (right - left) * max(0.0, (moment - self.start_at).total_seconds()) / span

        def y(price: int) -> float:
            return bottom - (bottom - top) * (price - floor) / max(self.start_price - floor, 1)

        painter.setPen(QPen(QColor("#5f6368")))
        painter.drawText(4, int(y(self.start_price)) + 4, money(self.start_price).removesuffix(".00"))
        if self.points:
            painter.drawText(4, int(y(lowest)) + 4, money(lowest).removesuffix(".00"))
        painter.setPen(QPen(QColor("#dadce0"), 1, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(left, y(self.start_price)), QPointF(right, y(self.start_price)))
        # The lowest price so far as a step line: it only ever goes down.
        pen = QPen(QColor("#1a73e8"), 2)
        painter.setPen(pen)
        current, previous = self.start_price, QPointF(left, y(self.start_price))
        for moment, price in self.points:
            here = QPointF(x(moment), y(current))
            painter.drawLine(previous, here)
            current = min(current, price)
            previous = QPointF(here.x(), y(current))
            painter.drawLine(here, previous)
        until = min(self.end_at, max(self.now or self.start_at, self.points[-1][0] if self.points else self.start_at))
        painter.drawLine(previous, QPointF(max(x(until), previous.x()), previous.y()))
        painter.setPen(QPen(QColor("#5f6368")))
        painter.drawText(left, self.height() - 6, ist_text(self.start_at, with_seconds=True).split(", ")[-1])
        end_text = ist_text(last, with_seconds=True).split(", ")[-1]
        painter.drawText(right - painter.fontMetrics().horizontalAdvance(end_text), self.height() - 6, end_text)
        painter.setPen(pen)
        painter.setBrush(QColor("#1a73e8"))
        for moment, price in self.points:
            painter.drawEllipse(QPointF(x(moment), y(price)), 3, 3)
        painter.end()


class AuctionView(Retranslating, QWidget):
    """One auction, live."""

    bid_wanted = Signal(str)  # the buyer asked for the bid's award (the bid's id)

    def __init__(self, workspace: Workspace, tasks: TaskManager, clock: auctions.ServerClock,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auctionView")
        self.workspace, self.tasks, self.clock = workspace, tasks, clock
        self.is_seller = bool((workspace.user or {}).get("seller_firm"))
        self.auction: dict[str, Any] | None = None
        self.auction_id: str | None = None
        self.last_seq = 0
        self.my_rank: int | None = None
        self.offline = False
        self.polling = False
        self.sending = False
        self._tray: QSystemTrayIcon | None = None
        self.notifications: list[tuple[str, str]] = []  # (title, text) shown, newest last
        self.polls = 0  # answers to polls so far (tests wait on it)
        self._pending_key: tuple[int, str] | None = None  # (price, key): a resend of the same bid keeps its key

        self.title = QLabel(self, objectName="auctionTitle")
        self.title.setStyleSheet("font-size:15px; font-weight:bold")
        self.countdown = QLabel(self, objectName="auctionCountdown")
        self.countdown.setStyleSheet("font-size:22px; font-weight:bold; color:#1a73e8")
        self.ends = QLabel(self, objectName="auctionEnds", wordWrap=True)
        self.standing = QLabel(self, objectName="auctionStanding", wordWrap=True)
        self.standing.setStyleSheet("font-size:14px")
        self.announcement = QLabel(self, objectName="auctionAnnouncement", wordWrap=True)
        self.announcement.setStyleSheet(NOTICE_STYLE)
        self.announcement.hide()
        self.offline_label = QLabel(self, objectName="auctionOffline", wordWrap=True)
        self.offline_label.setStyleSheet(PROBLEM_STYLE + "; font-weight:bold")
        self.offline_label.hide()

        self.price = QLineEdit(self, objectName="auctionPrice")
        self.price.returnPressed.connect(self._bid)
        self.bid_button = QPushButton(self, objectName="auctionBidButton")
        self.bid_button.clicked.connect(self._bid)
        self.hint = QLabel(self, objectName="auctionHint", wordWrap=True)
        self.answer = QLabel(self, objectName="auctionAnswer", wordWrap=True)
        self.bid_box = QWidget(self, objectName="auctionBidBox")
        box = QVBoxLayout(self.bid_box)
        box.setContentsMargins(0, 0, 0, 0)
        self.price_label = QLabel(self.bid_box)
        row = QHBoxLayout()
        row.addWidget(self.price_label)
        row.addWidget(self.price, 1)
        row.addWidget(self.bid_button)
        box.addLayout(row)
        box.addWidget(self.hint)
        box.addWidget(self.answer)
        self.bid_box.setVisible(self.is_seller)

        self.ranking_model = RankingModel(self)
        self.ranking = self._table(self.ranking_model, "auctionRanking")
        self.ranking.setVisible(not self.is_seller)
        self.history_model = HistoryModel(self)
        self.history = self._table(self.history_model, "auctionHistory")
        if self.is_seller:
            self.history.hideColumn(HistoryModel.COLUMNS.index("bidder"))
        self.chart = PriceChart(self)
        self.history_label = QLabel(self)
        self.rules = QLabel(self, objectName="auctionRules", wordWrap=True)
        self.rules.setStyleSheet("color:#5f6368")
        self.award_button = QPushButton(self, objectName="auctionAwardButton")
        self.award_button.clicked.connect(lambda: self.bid_wanted.emit((self.auction or {}).get("bid_id", "")))
        self.award_button.hide()

        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.countdown)
        layout.addLayout(head)
        layout.addWidget(self.ends)
        layout.addWidget(self.announcement)
        layout.addWidget(self.offline_label)
        standing = QHBoxLayout()
        standing.addWidget(self.standing, 1)
        standing.addWidget(self.award_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(standing)
        layout.addWidget(self.bid_box)
        layout.addWidget(self.chart, 3)
        tables = QHBoxLayout()
        ranking_column = QVBoxLayout()
        self.ranking_label = QLabel(self)
        self.ranking_label.setVisible(not self.is_seller)
        ranking_column.addWidget(self.ranking_label)
        ranking_column.addWidget(self.ranking, 1)
        history_column = QVBoxLayout()
        history_column.addWidget(self.history_label)
        history_column.addWidget(self.history, 1)
        if not self.is_seller:  # a seller sees its own rank, never the others'
            tables.addLayout(ranking_column, 2)
        tables.addLayout(history_column, 3)
        layout.addLayout(tables, 2)
        layout.addWidget(self.rules)

        self.timer = QTimer(self, interval=1000)
        self.timer.timeout.connect(self._tick)
        self.retranslate()

    def _table(self, model: RowsModel, name: str) -> QTableView:
        table = QTableView(self, objectName=name)
        table.setModel(model)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return table

    def retranslate(self) -> None:
        self.bid_button.setText(self.tr("Bid…"))
        self.award_button.setText(self.tr("Go to the award"))
        self.price_label.setText(in_rupees(self.tr("My price for the whole bid (Rs):")))
        self.history_label.setText(self.tr("My accepted bids") if self.is_seller else self.tr("Accepted bids"))
        self.ranking_label.setText(self.tr("Live ranking (bidders are anonymous until the close)"))
        for model in (self.ranking_model, self.history_model):
            model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(model.COLUMNS) - 1)
        self.offline_label.setText(self.tr("Offline: bidding needs a connection. Bids are never kept to send later."))
        self._show()

    # -- following ------------------------------------------------------------------------------

    def follow(self, auction: dict[str, Any]) -> None:
        """Show `auction` (as listed) and follow it from its start."""
        if auction["id"] != self.auction_id:
            self.auction_id, self.last_seq, self.my_rank = auction["id"], 0, None
            self.announcement.hide()
            self.answer.clear()
            self.price.clear()
            self._pending_key = None
        self.auction = auction
        self._show()
        self._poll(reread=True)
        if self.isVisible():
            self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self.auction_id is not None:
            self.timer.start()

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.timer.stop()  # no polling for a view nobody sees
        super().hideEvent(event)

    def _tick(self) -> None:
        self._show_countdown()
        self.chart.now = self.clock.now()
        self.chart.update()
        self._poll()

    def _poll(self, reread: bool = False) -> None:
        if self.auction_id is None or self.polling:
            return  # one poll at a time: a slow or failing network must not pile them up
        if self.auction is not None and self.auction.get("status") == "closed" and not reread:
            return
        self.polling = True
        auction_id = self.auction_id
        operations.poll_auction(self.tasks, self.workspace, auction_id, self.last_seq, self.clock, reread,
                                lambda update: self._polled(auction_id, update),
                                lambda error: self._poll_failed(auction_id, error))

    def _polled(self, auction_id: str, update: auctions.Update) -> None:
        self.polling = False
        self.polls += 1
        if auction_id != self.auction_id:
            return
        self._set_offline(False)
        self.last_seq = max(self.last_seq, update.last_seq)
        if update.auction is not None:
            self.auction = update.auction
        elif self.auction is not None:
            self.auction = {**self.auction, "status": update.status}
        self._announce(update.events)
        self._show()

    def _poll_failed(self, auction_id: str, error: BaseException) -> None:
        self.polling = False
        self.polls += 1
        if auction_id != self.auction_id:
            return
        if unreachable(error):
            self._set_offline(True)
        else:
            self.answer.setText(self.tr("The auction cannot be read now: %1").replace("%1", str(error)))

    def _set_offline(self, offline: bool) -> None:
        self.offline = offline
        self.offline_label.setVisible(offline)
        self._enable_bidding()

    def _announce(self, events: list[dict[str, Any]]) -> None:
        """Extensions, the close and being outbid: in the view and as a desktop notification."""
        mine = self.auction.get("me", {}).get("my_rank") if self.auction else None
        found, rank = auctions.notices(events, self.my_rank)
        self.my_rank = rank if rank is not None else mine
        number = (self.auction or {}).get("number", "")
        for notice in found:
            if notice["kind"] == "extended":
                text = self.tr("The auction was extended to %1.").replace("%1", when(notice["ends_at"]))
                self.announcement.setText(text)
                self.announcement.show()
                self._notify(self.tr("Auction %1 extended").replace("%1", number), text)
            elif notice["kind"] == "outbid":
                text = self.tr("You were outbid: your rank is now L%1.").replace("%1", str(notice["my_rank"]))
                self._notify(self.tr("Auction %1").replace("%1", number), text)
            elif notice["kind"] == "closed":
                text = self.tr("The auction has closed.")
                self.announcement.setText(text)
                self.announcement.show()
                self._notify(self.tr("Auction %1 closed").replace("%1", number), text)

    def _notify(self, title: str, text: str) -> None:
        self.notifications.append((title, text))
        if QSystemTrayIcon.isSystemTrayAvailable() and QSystemTrayIcon.supportsMessages():
            if self._tray is None:  # made at the first notice, shown while the view lives
                self._tray = QSystemTrayIcon(self.window().windowIcon(), self)
                self._tray.show()
            self._tray.showMessage(title, text)
            return
        status = getattr(self.window(), "statusBar", None)
        if callable(status):
            status().showMessage(f"{title}: {text}", 15_000)

    # -- showing --------------------------------------------------------------------------------

    def _show(self) -> None:
        auction = self.auction
        if auction is None:
            self.title.setText(self.tr("Choose an auction."))
            for label in (self.countdown, self.ends, self.standing, self.rules, self.hint):
                label.clear()
            self._enable_bidding()
            return
        self.title.setText(self.tr("Reverse auction %1 — %2").replace("%1", auction.get("number", ""))
                           .replace("%2", auction_status_text(auction.get("status", ""))))
        rules = auction.get("rules") or {}
        extensions = self.tr("extended %1 of %2 times").replace("%1", str(auction.get("extensions", 0))) \
            .replace("%2", str(rules.get("max_extensions", 0)))
        self.ends.setText(self.tr("Starts %1 · ends %2 (%3) · %4 bidders").replace("%1", when(auction.get("start_at")))
                          .replace("%2", when(auction.get("ends_at"))).replace("%3", extensions)
                          .replace("%4", str(auction.get("bidders", ""))))
        decrement = (rules.get("decrement") or {}).get("text") or money((rules.get("decrement") or {}).get("paise"))
        self.rules.setText(self.tr("Start price %1 · minimum decrement %2 · extension of %3 min for a bid in the "
                                   "last %4 min").replace("%1", money(rules.get("start_price_paise")))
                           .replace("%2", decrement)
                           .replace("%3", str(rules.get("extension_length_seconds", 0) // 60))
                           .replace("%4", str(rules.get("extension_window_seconds", 0) // 60)))
        self._show_countdown()
        if self.is_seller:
            self._show_seller(auction)
        else:
            self._show_buyer(auction)
        if "start_price_paise" in rules and auction.get("start_at") and auction.get("ends_at"):
            bids = auction.get("bids") if not self.is_seller else (auction.get("me") or {}).get("bids")
            self.chart.set_data(rules["start_price_paise"], auction["start_at"], auction["ends_at"], bids or [],
                                self.clock.now())
        self._enable_bidding()

    def _show_countdown(self) -> None:
        auction = self.auction
        if auction is None:
            return
        status = auction.get("status")
        now = self.clock.now()
        if status == "scheduled" and auction.get("start_at") and parse_iso(auction["start_at"]) > now:
            self.countdown.setText(self.tr("starts in %1").replace(
                "%1", auctions.countdown_text(self.clock.remaining(auction["start_at"]))))
        elif status in ("ended", "closed"):
            self.countdown.setText(auction_status_text(status))
        else:
            self.countdown.setText(self.tr("%1 left").replace(
                "%1", auctions.countdown_text(self.clock.remaining(auction.get("ends_at")))))

    def _show_seller(self, auction: dict[str, Any]) -> None:
        me = auction.get("me") or {}
        if not me.get("qualified", False):
            self.standing.setText(self.tr("You did not qualify for this auction."))
        else:
            rank = me.get("my_rank")
            parts = [self.tr("My rank: L%1").replace("%1", str(rank)) if rank else self.tr("No bid from me yet.")]
            if (auction.get("rules") or {}).get("visibility") == "rank_and_l1":
                l1 = me.get("l1_price_paise")
                parts.append(self.tr("Current L1: %1").replace("%1", money(l1)) if l1 else self.tr("No L1 yet."))
            if me.get("alias"):
                parts.append(self.tr("(you bid as %1)").replace("%1", me["alias"]))
            self.standing.setText(" · ".join(parts))
        self.history_model.set_rows(sorted(me.get("bids") or [], key=lambda b: -b["seq"]))
        allowed = me.get("highest_allowed_paise")
        if allowed and auction.get("status") in ("scheduled", "live"):
            hint = self.tr("The highest price the auction accepts from you now: %1.").replace("%1", money(allowed))
            suggested = allowed
            l1, step = me.get("l1_price_paise"), ((auction.get("rules") or {}).get("decrement") or {}).get("paise")
            if l1 and step and me.get("my_rank") != 1 and allowed >= l1:
                # The same price as L1 is refused (the earlier bid holds): suggest one step below it.
                suggested = l1 - step
                hint += " " + self.tr("To take L1: %1 or less.").replace("%1", money(suggested))
            self.hint.setText(hint)
            if not self.price.text().strip() or self.price.property("suggested") == self.price.text():
                self.price.setText(rupees_input_text(suggested))
                self.price.setProperty("suggested", self.price.text())
        else:
            self.hint.clear()

    def _show_buyer(self, auction: dict[str, Any]) -> None:
        l1 = auction.get("l1")
        self.standing.setText(self.tr("Current L1: %1 by %2").replace("%1", money(l1["price_paise"]))
                              .replace("%2", l1["bidder"]) if l1 else self.tr("No bid yet."))
        result = auction.get("result")
        if auction.get("status") == "closed" and result:
            references = {"start price": self.tr("start price"), "estimated value": self.tr("estimated value"),
                          "median past price": self.tr("median past price")}
            saved = "; ".join(self.tr("%1 against the %2").replace("%1", money(s["saved_paise"]))
                              .replace("%2", references.get(s["reference"], s["reference"]))
                              for s in result.get("savings") or [])
            l1 = result.get("l1") or {}
            self.standing.setText(self.tr("Closed. L1: %1 by %2. Saved: %3. The bid has been evaluated again at the "
                                          "auction's prices, with the purchase preferences: award it from the bid.")
                                  .replace("%1", money(result.get("l1_price_paise")))
                                  .replace("%2", self._seller_name(auction, l1.get("bidder")))
                                  .replace("%3", saved))
        self.award_button.setVisible(auction.get("status") == "closed" and bool(auction.get("bid_id"))
                                     and (self.workspace.user or {}).get("role") == "buyer")
        self.ranking_model.set_rows(auction.get("ranking") or [])
        self.history_model.set_rows(sorted(auction.get("bids") or [], key=lambda b: -b["seq"]))

    def _seller_name(self, auction: dict[str, Any], alias: str | None) -> str:
        """After the close the office knows who each bidder was; nobody bid: the bid stage's L1."""
        if not alias:
            return self.tr("the bid stage's L1 (nobody bid)")
        seller = (auction.get("sellers") or {}).get(alias) or {}
        return f"{alias} ({seller['name']})" if seller.get("name") else alias

    def _enable_bidding(self) -> None:
        auction = self.auction or {}
        can = (self.is_seller and not self.offline and not self.sending and auction.get("status") == "live"
               and (auction.get("me") or {}).get("qualified", False))
        self.price.setEnabled(can)
        self.bid_button.setEnabled(can)

    # -- bidding --------------------------------------------------------------------------------

    def _bid(self) -> None:
        if self.auction is None or not self.bid_button.isEnabled():
            return
        try:
            price = paise_from_rupees(self.price.text().replace(",", "").strip())
        except (ValueError, ArithmeticError):
            price = 0
        if price <= 0:
            self._refused(self.tr("Enter your price in rupees, for example 13,99,000."))
            return
        question = self.tr("Bid %1 for the whole bid in auction %2? An accepted bid cannot be withdrawn.") \
            .replace("%1", money(price)).replace("%2", self.auction.get("number", ""))
        answer = QMessageBox.question(self, self.tr("Confirm the bid"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return
        # The same price sent again (after a lost answer) keeps its key: never a second bid.
        if self._pending_key is None or self._pending_key[0] != price:
            self._pending_key = (price, new_key())
        self.sending = True
        self._enable_bidding()
        self.answer.setStyleSheet("")
        self.answer.setText(self.tr("Sending %1…").replace("%1", money(price)))
        auction_id = self.auction_id
        operations.place_auction_bid(self.tasks, self.workspace, auction_id, price, self._pending_key[1], self.clock,
                                     lambda result: self._accepted(auction_id, result),
                                     lambda error: self._bid_failed(auction_id, error))

    def _accepted(self, auction_id: str, result: dict[str, Any]) -> None:
        self.sending = False
        self._pending_key = None
        if auction_id != self.auction_id:
            return
        accepted = result["accepted"]
        self.answer.setStyleSheet("color:#188038; font-weight:bold")
        self.answer.setText(self.tr("Accepted: %1 at %2 (bid no. %3).").replace("%1", money(accepted["price_paise"]))
                            .replace("%2", when(accepted["at"])).replace("%3", str(accepted["seq"])))
        self.auction = result["auction"]
        self.price.clear()
        self._show()
        self._poll()

    def _bid_failed(self, auction_id: str, error: BaseException) -> None:
        self.sending = False
        if auction_id != self.auction_id:
            self._enable_bidding()
            return
        if unreachable(error):
            self._set_offline(True)
            self._refused(self.tr("Not sent: the marketplace cannot be reached. Nothing was kept to send later."))
            return
        self._pending_key = None  # the server answered: a new attempt is a new bid
        if isinstance(error, ApiError):
            self._refused(self.tr("Not accepted: %1").replace("%1", error.message))
        else:
            self._refused(str(error))
        self._enable_bidding()

    def _refused(self, text: str) -> None:
        self.answer.setStyleSheet(PROBLEM_STYLE + "; font-weight:bold")
        self.answer.setText(text)

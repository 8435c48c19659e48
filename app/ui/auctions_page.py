"""The Auctions tab: the office's reverse auctions for a buyer or approver, those a seller
entered, each with its status and a countdown by the server's clock; choosing one opens its
live view beside the list (auction_window.py). Online only: offline the list says so.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from app import auctions
from app.read_cache import unreachable
from app.ui import operations
from app.ui.auction_window import AuctionView, auction_status_text
from app.ui.formats import when
from app.ui.tasks import TaskManager
from app.ui.widgets import Retranslating, RowsModel, rows_table
from app.workspace import Workspace
from domain.timefmt import parse_iso


class AuctionsModel(RowsModel):
    COLUMNS = ("number", "status", "ends", "countdown")

    def __init__(self, clock: auctions.ServerClock, parent=None) -> None:
        super().__init__(parent)
        self.clock = clock

    @property
    def auctions(self) -> list[dict[str, Any]]:
        return self.rows

    def headers(self) -> dict[str, str]:
        return {"number": self.tr("Auction"), "status": self.tr("Status"), "ends": self.tr("Ends"),
                "countdown": self.tr("Time left")}

    def tick(self) -> None:
        """The countdowns moved on a second (no network)."""
        if self.rows:
            column = self.COLUMNS.index("countdown")
            self.dataChanged.emit(self.index(0, column), self.index(len(self.rows) - 1, column))

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        auction = self.row_at(index)
        if auction is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        key = self.COLUMNS[index.column()]
        if key == "number":
            return auction.get("number", "")
        if key == "status":
            return auction_status_text(self._status(auction))
        if key == "ends":
            return when(auction.get("ends_at"))
        status = self._status(auction)
        if status == "scheduled":
            return self.tr("starts in %1").replace("%1", auctions.countdown_text(self.clock.remaining(auction.get("start_at"))))
        if status == "live":
            return auctions.countdown_text(self.clock.remaining(auction.get("ends_at")))
        return ""

    def _status(self, auction: dict[str, Any]) -> str:
        """The status as of now by the server's clock (the list is read once; time moves on)."""
        status = auction.get("status", "")
        if status in ("scheduled", "live") and auction.get("ends_at"):
            now = self.clock.now()
            if parse_iso(auction["ends_at"]) <= now:
                return "ended"
            if status == "scheduled" and auction.get("start_at") and parse_iso(auction["start_at"]) <= now:
                return "live"
        return status


class AuctionsPage(Retranslating, QWidget):
    def __init__(self, workspace: Workspace, tasks: TaskManager, parent: QWidget | None = None,
                 clock: auctions.ServerClock | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auctionsPage")
        self.workspace, self.tasks = workspace, tasks
        self.clock = clock or auctions.ServerClock()
        self.loads = 0  # answers to reload() so far (tests wait on it)
        self.offline = False
        self.wanted: str | None = None  # an auction to follow once the list has it (show_auction)

        self.model = AuctionsModel(self.clock, self)
        self.table = rows_table(self, "auctionsTable", self.model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(lambda index, _old: self._select(index.row()))
        self.refresh_button = QPushButton(self, objectName="refreshAuctionsButton")
        self.refresh_button.clicked.connect(self.reload)
        self.message = QLabel(self, objectName="auctionsMessage", wordWrap=True)
        self.live = AuctionView(workspace, tasks, self.clock, self)
        self.bid_wanted = self.live.bid_wanted

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.refresh_button)
        top.addStretch(1)
        left_layout.addLayout(top)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.message)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(self.live)
        splitter.setSizes([420, 860])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.timer = QTimer(self, interval=1000)
        self.timer.timeout.connect(self.model.tick)
        self.retranslate()

    def retranslate(self) -> None:
        self.refresh_button.setText(self.tr("Refresh"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(AuctionsModel.COLUMNS) - 1)
        self._show_message()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.timer.start()

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.timer.stop()
        super().hideEvent(event)

    def reload(self) -> None:
        self.message.setText(self.tr("Loading the auctions…"))
        operations.load_auctions(self.tasks, self.workspace, self.clock, self._loaded, self._failed)

    def _loaded(self, found: list[dict[str, Any]]) -> None:
        self.loads += 1
        self.offline = False
        current = self.live.auction_id
        self.model.set_rows(sorted(found, key=lambda a: a.get("ends_at") or "", reverse=True))
        self._show_message()
        ids = [a["id"] for a in self.model.auctions]
        wanted, self.wanted = self.wanted, None
        if wanted in ids or current in ids:
            self.table.selectRow(ids.index(wanted if wanted in ids else current))

    def _failed(self, error: BaseException) -> None:
        self.loads += 1
        self.offline = unreachable(error)
        self.message.setText(self.tr("Offline: auctions need a connection.") if self.offline
                             else self.tr("The auctions cannot be read now: %1").replace("%1", str(error)))

    def _show_message(self) -> None:
        self.message.setText(self.tr("%n auction(s).", "", len(self.model.auctions)))

    def _select(self, row: int) -> None:
        if 0 <= row < len(self.model.auctions):
            self.live.follow(self.model.auctions[row])

    def select_auction(self, auction_id: str) -> bool:
        ids = [a["id"] for a in self.model.auctions]
        if auction_id not in ids:
            return False
        self.table.selectRow(ids.index(auction_id))
        return True

    def show_auction(self, auction_id: str) -> None:
        """Follow `auction_id` (now, or once the list is read again with it)."""
        if not self.select_auction(auction_id):
            self.wanted = auction_id
            self.reload()

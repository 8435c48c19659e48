"""The catalogue table's model: a million listings without loading a million rows.

The model holds the ordered rowids of the current search (app/browse.py) and reads a row's
columns only when the view shows it, a block at a time, into a bounded cache. A new search
runs on the model's own worker thread where the latest request wins: the running one is
interrupted, its late results are dropped. The first small chunk of rowids replaces the
rows at once; the rest stream in and are appended at most every 100 ms, so a burst of
chunks is one repaint. A refresh (after a sync) swaps the whole list at the end instead, so
the view keeps its place.
"""

from __future__ import annotations

import logging
import sys
import threading
from array import array
from collections import OrderedDict
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer, Signal

from app.browse import CatalogueRequest, CatalogueSearch, Interrupted
from app.storage import StorageProblem
from app.ui.formats import money, number, seller_class_text

log = logging.getLogger(__name__)

BLOCK = 128  # rows read together when the view needs one
KEEP_ROWS = 4096  # row contents kept in memory
APPEND_EVERY_MS = 100

LISTING_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class _SearchWorker(QObject):
    """One thread running searches; a newer request supersedes the one running."""

    chunk = Signal(int, object, bool)  # generation, rowids, first chunk of this search
    done = Signal(int, bool)  # generation, finished (False: failed)

    def __init__(self, search: CatalogueSearch) -> None:
        super().__init__()
        self.search = search
        self._wanted: tuple[int, CatalogueRequest] | None = None
        self._generation = 0
        self._stopped = False
        self._wake = threading.Condition()
        threading.Thread(target=self._loop, name="gemdesk-search", daemon=True).start()

    def stop(self) -> None:
        """End the thread (its model is gone); a search running is interrupted."""
        with self._wake:
            self._stopped = True
            self._wake.notify()
        self.search.interrupt()

    def request(self, request: CatalogueRequest) -> int:
        with self._wake:
            self._generation += 1
            self._wanted = (self._generation, request)
            self._wake.notify()
        self.search.interrupt()
        return self._generation

    def _loop(self) -> None:
        while True:
            with self._wake:
                while self._wanted is None and not self._stopped:
                    self._wake.wait()
                if self._stopped:
                    return
                generation, request = self._wanted
                self._wanted = None
            superseded = lambda: generation != self._generation  # noqa: E731, B023 - asked only while this search runs
            try:
                first = True
                for rowids in self.search.rowids(request, superseded):
                    self.chunk.emit(generation, rowids, first)
                    first = False
                self.done.emit(generation, True)
            except Interrupted:
                pass
            except StorageProblem as problem:  # the app says what and repairs (main.py)
                sys.excepthook(type(problem), problem, problem.__traceback__)
                self.done.emit(generation, False)
            except Exception:  # noqa: BLE001 - the cache may be rebuilt under us; say so, keep going
                log.exception("a catalogue search failed")
                self.done.emit(generation, False)


class ListingTableModel(QAbstractTableModel):
    # (key, sort order name in app.cache.SORTABLE)
    COLUMNS = (("title", "title"), ("brand", "brand"), ("price", "price"), ("seller_class", "seller_class"),
               ("stock", "stock"))

    counted = Signal(int, bool)  # rows so far, whether the search has finished
    failed = Signal()

    def __init__(self, search: CatalogueSearch, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._search = search
        self._rowids = array("q")
        self._rows: OrderedDict[int, dict[str, Any]] = OrderedDict()
        self.request = CatalogueRequest()
        self._generation = 0
        self._refreshing = False  # the running search swaps the rows at its end
        self._incoming: list[array] = []
        self._finished = True
        self._got_first = False
        self._worker = _SearchWorker(search)
        self._worker.chunk.connect(self._on_chunk, Qt.ConnectionType.QueuedConnection)
        self._worker.done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        self.destroyed.connect(self._worker.stop)
        self._append_timer = QTimer(self, singleShot=True, interval=APPEND_EVERY_MS)
        self._append_timer.timeout.connect(self._append_incoming)

    # -- asking ---------------------------------------------------------------------------

    def set_request(self, request: CatalogueRequest) -> None:
        """Show the matches of `request` (its first rows as soon as they are found)."""
        self.request = request
        self._start(refresh=False)

    def refresh(self) -> None:
        """Run the current search again (the cache changed); the rows swap when it is done."""
        self._start(refresh=True)

    def _start(self, refresh: bool) -> None:
        self._refreshing = refresh
        self._incoming.clear()
        self._finished = self._got_first = False
        self._generation = self._worker.request(self.request)

    def is_finished(self) -> bool:
        return self._finished

    # -- answers from the worker -------------------------------------------------------------

    def _on_chunk(self, generation: int, rowids: array, first: bool) -> None:
        if generation != self._generation:
            return  # a late answer to a superseded search
        if self._refreshing:
            self._incoming.append(rowids)
            return
        if first:
            self._got_first = True
            self.beginResetModel()
            self._rowids = array("q", rowids)
            self._rows.clear()
            self._incoming.clear()
            self.endResetModel()
            self.counted.emit(len(self._rowids), False)
        else:
            self._incoming.append(rowids)
            if not self._append_timer.isActive():
                self._append_timer.start()

    def _append_incoming(self) -> None:
        if not self._incoming:
            return
        added = array("q")
        for rowids in self._incoming:
            added.extend(rowids)
        self._incoming.clear()
        start = len(self._rowids)
        self.beginInsertRows(QModelIndex(), start, start + len(added) - 1)
        self._rowids.extend(added)
        self.endInsertRows()
        self.counted.emit(len(self._rowids), self._finished)

    def _on_done(self, generation: int, ok: bool) -> None:
        if generation != self._generation:
            return
        self._finished = True
        if not ok:
            self.failed.emit()
        if self._refreshing or not self._got_first:  # swap in the whole answer (maybe none)
            rowids = array("q")
            for chunk in self._incoming:
                rowids.extend(chunk)
            self._incoming.clear()
            self.beginResetModel()
            self._rowids = rowids
            self._rows.clear()
            self.endResetModel()
            self._refreshing = False
        else:
            self._append_timer.stop()
            self._append_incoming()
        self.counted.emit(len(self._rowids), True)

    # -- the model ------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rowids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._header_text(self.COLUMNS[section][0])
        if role == Qt.ItemDataRole.TextAlignmentRole and self.COLUMNS[section][0] in ("price", "stock"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _header_text(self, key: str) -> str:
        return {"title": self.tr("Product"), "brand": self.tr("Brand"), "price": self.tr("Price"),
                "seller_class": self.tr("Seller class"), "stock": self.tr("Stock")}[key]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rowids):
            return None
        key = self.COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if key in ("price", "stock"):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, LISTING_ID_ROLE):
            return None
        row = self.row_at(index.row())
        if row is None:
            return "…" if role == Qt.ItemDataRole.DisplayRole else None  # removed since; the next refresh drops it
        if role == LISTING_ID_ROLE:
            return row["id"]
        if role == Qt.ItemDataRole.ToolTipRole:
            return row["title"] if key == "title" else None
        shown = row.get("shown")
        if shown is None:  # formatted once per row, not at every paint
            shown = row["shown"] = {
                "title": row["title"], "brand": row["brand"], "price": money(row["price_paise"]),
                "seller_class": seller_class_text(row["seller_class"]),
                "stock": number(row["stock"]) if row["stock"] else self.tr("Out of stock"),
            }
        return shown[key]

    def row_at(self, row: int) -> dict[str, Any] | None:
        """The columns of row `row`, read with its block when not in memory."""
        rowid = self._rowids[row]
        found = self._rows.get(rowid)
        if found is not None:
            self._rows.move_to_end(rowid)
            return found
        start = row - row % BLOCK
        block = self._rowids[start:start + BLOCK]
        try:
            self._rows.update(self._search.rows(block))
        except StorageProblem as problem:  # a damaged cache: the app refills it (main.py); show nothing
            sys.excepthook(type(problem), problem, problem.__traceback__)
            return None
        while len(self._rows) > KEEP_ROWS:
            self._rows.popitem(last=False)
        return self._rows.get(rowid)

    def listing_id(self, row: int) -> str | None:
        found = self.row_at(row) if 0 <= row < len(self._rowids) else None
        return found["id"] if found else None

    def rowid_at(self, row: int) -> int | None:
        return self._rowids[row] if 0 <= row < len(self._rowids) else None

    def row_of(self, rowid: int) -> int | None:
        """The row showing the listing with this rowid, if it is among the matches."""
        try:
            return self._rowids.index(rowid)
        except ValueError:
            return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.COLUMNS):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        wanted = self.COLUMNS[column][1]
        if (self.request.order, self.request.descending) == (wanted, descending):
            return
        self.set_request(replace(self.request, order=wanted, descending=descending))

    def retranslate(self) -> None:
        for row in self._rows.values():
            row.pop("shown", None)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self._rowids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rowids) - 1, len(self.COLUMNS) - 1))

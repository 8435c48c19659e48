"""My catalogue: a seller's own listings, with the changes made here that the marketplace
has not accepted yet marked as such, refusals with their reasons, and conflicts to settle.

Creating, editing and retiring work offline: each goes to the outbox at once and shows as
pending until a sync sends it (app/seller_catalogue.py).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget,
)

from app.seller_catalogue import MyListing, SyncState
from app.ui import operations
from app.ui.conflict_dialog import ConflictDialog
from app.ui.formats import money, number, status_text
from app.ui.icons import icon
from app.ui.i18n import current_language
from app.ui.listing_editor import ListingEditor
from app.ui.messages import error_text
from app.ui.tasks import TaskManager
from app.workspace import Workspace
from app.ui.widgets import Retranslating, RowsModel, rows_table


class MyListingsModel(RowsModel):
    COLUMNS = ("title", "category", "price", "stock", "status", "sync")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.category_names: dict[int, dict[str, str]] = {}

    @property
    def listings(self) -> list[MyListing]:
        return self.rows

    def set_listings(self, listings: list[MyListing], categories: list[dict[str, Any]]) -> None:
        self.category_names = {c["id"]: {"en": c["name_en"], "hi": c["name_hi"]} for c in categories}
        self.set_rows(listings)

    def headers(self) -> dict[str, str]:
        return {"title": self.tr("Product"), "category": self.tr("Category"), "price": self.tr("Price"),
                "stock": self.tr("Stock"), "status": self.tr("Status"), "sync": self.tr("Sync")}

    def sync_text(self, listing: MyListing) -> str:
        if listing.sync == SyncState.CONFLICT:
            return self.tr("Conflict: choose the values to keep")
        if listing.sync == SyncState.REFUSED:
            return self.tr("Not accepted: %1").replace("%1", listing.refusal or "")
        if listing.sync == SyncState.PENDING:
            return self.tr("Waiting to be sent")
        return self.tr("Up to date")

    def status_of(self, listing: MyListing) -> str:
        if listing.retiring and listing.status != "retired":
            return self.tr("Retiring")
        if listing.version is None:
            return self.tr("New")
        return status_text(listing.status)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        listing = self.row_at(index)
        if listing is None:
            return None
        key = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "title":
                return listing.title
            if key == "category":
                names = self.category_names.get(listing.fields.get("category_id"), {})
                return names.get(current_language(), names.get("en", ""))
            if key == "price":
                return money(listing.fields.get("price_paise"))
            if key == "stock":
                return number(listing.fields.get('stock', 0))
            if key == "status":
                return self.status_of(listing)
            return self.sync_text(listing)
        if role == Qt.ItemDataRole.DecorationRole and key == "sync":
            return {SyncState.PENDING: icon("pending"), SyncState.REFUSED: icon("attention"),
                    SyncState.CONFLICT: icon("attention")}.get(listing.sync)
        if role == Qt.ItemDataRole.ToolTipRole and key == "status" and listing.reject_reason:
            return listing.reject_reason
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("price", "stock"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self.listings:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.listings) - 1, len(self.COLUMNS) - 1))


class MyCatalogue(Retranslating, QWidget):
    changed = Signal()  # the seller queued a change: time to sync

    def __init__(self, workspace: Workspace, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.tasks = tasks
        self.model = MyListingsModel(self)
        self.table = rows_table(self, "myListings", self.model)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 150), (2, 120), (3, 70), (4, 150), (5, 230)):
            header.resizeSection(column, width)
        self.new_button = QPushButton(icon("add"), "", self, objectName="newListing")  # Ctrl+N: the main window's
        self.edit_button = QPushButton(icon("edit"), "", self, objectName="editListing")
        self.retire_button = QPushButton(icon("retire"), "", self, objectName="retireListing")
        self.resolve_button = QPushButton(icon("attention"), "", self, objectName="resolveConflict")
        self.discard_button = QPushButton(self, objectName="discardChange")
        self.show_retired = QCheckBox(self, objectName="showRetired")
        self.note = QLabel(self, objectName="listingNote", wordWrap=True)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary = QLabel(self, objectName="myCatalogueSummary")

        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.retire_button, self.resolve_button, self.discard_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.show_retired)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.summary)

        self.new_button.clicked.connect(self.new_listing)
        self.edit_button.clicked.connect(self.edit_selected)
        self.retire_button.clicked.connect(self.retire_selected)
        self.resolve_button.clicked.connect(self.resolve_selected)
        self.discard_button.clicked.connect(self.discard_selected)
        self.show_retired.toggled.connect(self.reload)
        # A double-click or Enter (Qt's "activated"; connecting doubleClicked as well opened
        # the editor a second time as soon as the first closed).
        self.table.activated.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self._all: list[MyListing] = []
        self._categories: list[dict[str, Any]] = []  # as the listings were last loaded with
        self._selected_id: str | None = None
        self.retranslate()
        self.reload()

    # -- data -------------------------------------------------------------------------------------

    @property
    def seller_id(self) -> int | None:
        firm = (self.workspace.user or {}).get("seller_firm") or {}
        return firm.get("id")

    def reload(self, *_: object) -> None:
        if self.seller_id is None:
            return
        operations.load_my_listings(self.tasks, self.workspace, self.seller_id, self._loaded)

    def _loaded(self, listings: list[MyListing], categories: list[dict[str, Any]] | None = None) -> None:
        self._all = listings
        if categories is None:
            categories = self._categories = self.workspace.cache.categories()
        # A retired listing stays in view while a change to it still needs the seller.
        shown = [item for item in listings
                 if self.show_retired.isChecked() or item.status != "retired" or item.sync != SyncState.SYNCED]
        self.model.set_listings(shown, categories)
        waiting = sum(1 for item in listings if item.sync != SyncState.SYNCED)
        self.summary.setText(self.tr("%n listing(s) shown", "", len(shown)) + "; "
                             + self.tr("%n with changes not yet accepted by the marketplace.", "", waiting))
        if self._selected_id:
            for row, item in enumerate(shown):
                if item.id == self._selected_id:
                    self.table.selectRow(row)
                    break
        self._update_buttons()

    def selected(self) -> MyListing | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.listings[rows[0].row()] if rows else None

    def select_listing(self, listing_id: str) -> None:
        for row, item in enumerate(self.model.listings):
            if item.id == listing_id:
                self.table.selectRow(row)
                return

    def _selection_changed(self, *_: object) -> None:
        item = self.selected()
        self._selected_id = item.id if item else None
        self._update_buttons()

    def _update_buttons(self) -> None:
        item = self.selected()
        self.edit_button.setEnabled(item is not None and item.status != "retired" and item.sync != SyncState.CONFLICT)
        self.retire_button.setEnabled(item is not None and item.status != "retired" and not item.retiring)
        self.resolve_button.setVisible(item is not None and item.sync == SyncState.CONFLICT)
        self.discard_button.setVisible(item is not None and item.sync in (SyncState.REFUSED, SyncState.CONFLICT))
        self.note.setText(self._note(item))
        self.note.setVisible(bool(self.note.text()))

    def _note(self, item: MyListing | None) -> str:
        if item is None:
            return ""
        lines = []
        if item.sync == SyncState.REFUSED:
            lines.append(self.tr("The marketplace did not accept your change: %1").replace("%1", item.refusal or ""))
            lines += [f"• {name}: {message}" for name, message in item.refusal_fields.items()]
            lines.append(self.tr("Edit the listing to correct it, or discard your change to keep the marketplace’s version."))
        elif item.sync == SyncState.CONFLICT:
            lines.append(self.tr("This listing was also changed on the marketplace. Choose which values to keep."))
        elif item.sync == SyncState.PENDING:
            lines.append(self.tr("Your change is saved on this computer and will be sent at the next sync."))
        if item.status == "rejected" and item.reject_reason:
            lines.append(self.tr("Rejected by the marketplace: %1").replace("%1", item.reject_reason))
        return "\n".join(lines)

    # -- actions -------------------------------------------------------------------------------------

    def new_listing(self) -> None:
        editor = ListingEditor(self.workspace.cache.categories(), None, self, self.workspace.cache.districts())
        if editor.exec() == ListingEditor.DialogCode.Accepted:
            self._save(editor.result_fields, None, editor.submit)

    def edit_selected(self) -> None:
        item = self.selected()
        if item is None or not self.edit_button.isEnabled():
            return
        editor = ListingEditor(self.workspace.cache.categories(), item, self, self.workspace.cache.districts())
        if editor.exec() == ListingEditor.DialogCode.Accepted:
            self._save(editor.result_fields, item.id, editor.submit)

    def _save(self, fields: dict[str, Any], listing_id: str | None, submit: bool) -> None:
        def saved(saved_id: str) -> None:
            self._selected_id = saved_id
            self.reload()
            self.changed.emit()

        operations.save_listing(self.tasks, self.workspace, fields, listing_id, submit, saved,
                                lambda error: QMessageBox.warning(self, self.tr("Not saved"), error_text(error)))

    def retire_selected(self) -> None:
        item = self.selected()
        if item is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Retire listing"),
            self.tr("Retire “%1”? Buyers will no longer see it. This cannot be undone.").replace("%1", item.title))
        if answer == QMessageBox.StandardButton.Yes:
            operations.retire_listing(self.tasks, self.workspace, item.id, lambda _: (self.reload(), self.changed.emit()))

    def resolve_selected(self) -> None:
        item = self.selected()
        if item is None or item.conflict_seq is None:
            return
        operations.conflict_of(self.tasks, self.workspace, item.conflict_seq, self._open_conflict)

    def _open_conflict(self, op) -> None:
        if op is None or op.state != "conflict":
            self.reload()
            return
        dialog = ConflictDialog(op, self)
        if dialog.exec() == ConflictDialog.DialogCode.Accepted:
            operations.resolve_conflict(self.tasks, self.workspace, op.seq, dialog.keep_mine(),
                                        lambda _: (self.reload(), self.changed.emit()))

    def discard_selected(self) -> None:
        item = self.selected()
        seq = item and (item.conflict_seq or item.refused_seq)
        if not seq:
            return
        answer = QMessageBox.question(self, self.tr("Discard your change"),
                                      self.tr("Discard your change to “%1” and keep the marketplace’s version?").replace("%1", item.title))
        if answer == QMessageBox.StandardButton.Yes:
            operations.discard_change(self.tasks, self.workspace, seq, lambda _: self.reload())

    # -- language ----------------------------------------------------------------------------------------


    def retranslate(self) -> None:
        self.new_button.setText(self.tr("New listing"))
        self.new_button.setToolTip(self.tr("Create a listing (Ctrl+N)"))
        self.edit_button.setText(self.tr("Edit"))
        self.retire_button.setText(self.tr("Retire"))
        self.resolve_button.setText(self.tr("Settle conflict…"))
        self.discard_button.setText(self.tr("Discard my change"))
        self.show_retired.setText(self.tr("Show retired"))
        self.model.retranslate()
        if self._all:
            # Worded again from what was loaded: a closed window still gets the change of
            # language, after its workspace (and cache) has been shut.
            self._loaded(self._all, self._categories)
        else:
            self._update_buttons()

"""The status bar: online or offline, the changes waiting to be sent, the last successful
sync, and a progress bar while a sync runs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QWidget

from app.sync import Progress
from app.ui import operations
from app.ui.formats import data_size, duration, number, when
from app.ui.icons import icon
from app.ui.sync_controller import Connection, SyncController
from app.ui.tasks import TaskManager
from app.workspace import Workspace
from app.ui.widgets import Retranslating

ICON_SIZE = 16


class SyncStatusBar(Retranslating, QStatusBar):
    def __init__(self, workspace: Workspace, tasks: TaskManager, controller: SyncController,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.tasks = tasks
        self.controller = controller
        self.connection_icon = QLabel(self, objectName="connectionIcon")
        self.connection_label = QLabel(self, objectName="connectionState")
        self.pending_label = QLabel(self, objectName="pendingChanges")
        self.last_sync_label = QLabel(self, objectName="lastSync")
        self.progress_bar = QProgressBar(self, objectName="syncProgress")
        self.progress_bar.setMaximumWidth(180)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.hide()
        self.message_label = QLabel(self, objectName="syncMessage")
        self.addWidget(self.message_label, 1)
        for widget in (self.progress_bar, self.pending_label, self.last_sync_label, self.connection_icon,
                       self.connection_label):
            self.addPermanentWidget(widget)
        self.counts = {"pending": 0, "conflict": 0, "rejected": 0}
        self.last_sync_at: str | None = None
        self.syncing = False
        controller.connection_changed.connect(self._connection_changed)  # (a bound method: see MainWindow)
        controller.started.connect(self._started)
        controller.progress.connect(self._progress, Qt.ConnectionType.QueuedConnection)
        controller.finished.connect(self._finished)
        controller.failed.connect(self._failed)
        controller.outbox_changed.connect(self.refresh_counts)
        self.retranslate()
        self.refresh_counts()

    def refresh_counts(self) -> None:
        operations.sync_summary(self.tasks, self.workspace, self._summary)

    def _summary(self, summary: tuple[dict[str, int], str | None]) -> None:
        self.counts, self.last_sync_at = summary
        self.retranslate()

    def _started(self) -> None:
        self.syncing = True
        self.progress_bar.setRange(0, 0)  # busy until the first count arrives
        self.progress_bar.show()
        self.message_label.setText(self.tr("Syncing…"))

    def _progress(self, progress: Progress) -> None:
        if not self.syncing:
            return
        if progress.total:
            self.progress_bar.setRange(0, progress.total)
            self.progress_bar.setValue(min(progress.done, progress.total))
        else:
            self.progress_bar.setRange(0, 0)
        if progress.phase == "pull" and progress.source is not None:
            self.message_label.setText(self.download_text(progress))
            return
        phase = {"push": self.tr("Sending your changes (%1 of %2)"), "pull": self.tr("Receiving updates (%1)"),
                 "check": self.tr("Checking the count (%1)")}.get(progress.phase, "%1")
        self.message_label.setText(phase.replace("%1", number(progress.done)).replace("%2", number(progress.total or 0)))

    def download_text(self, progress: Progress) -> str:
        """The catalogue's download: from where, how much, how fast, how long still, and how
        much can be searched already."""
        if progress.source == "snapshot":
            head = self.tr("Downloading the catalogue snapshot")
        elif progress.total:
            head = self.tr("Receiving the catalogue: %1 of %2 listings").replace("%1", number(progress.done)).replace(
                "%2", number(progress.total))
        else:
            head = self.tr("Receiving the catalogue: %1 listings").replace("%1", number(progress.done))
        parts = [head]
        if progress.bytes_received is not None:
            parts.append(self.tr("%1 received").replace("%1", data_size(progress.bytes_received)))
        if progress.rate:
            parts.append(self.tr("%1/s").replace("%1", data_size(progress.rate)))
        if progress.seconds_left is not None:
            parts.append(self.tr("about %1 left").replace("%1", duration(progress.seconds_left)))
        if progress.searchable:
            parts.append(self.tr("%1 can be searched").replace("%1", number(progress.searchable)))
        return " · ".join(parts)

    def _finished(self, result) -> None:
        self.syncing = False
        self.progress_bar.hide()
        notes = [] if result is None else result.notes
        self.message_label.setText(" ".join(notes) if notes else self.tr("Sync complete."))
        self.refresh_counts()

    def _failed(self, message: str) -> None:
        self.syncing = False
        self.progress_bar.hide()
        self.message_label.setText(message)
        self.refresh_counts()


    def _connection_changed(self, _connection: object) -> None:
        self.retranslate()

    def retranslate(self) -> None:
        state = self.controller.connection
        name, text = {
            Connection.CONNECTING: ("pending", self.tr("Connecting…")),
            Connection.ONLINE: ("online", self.tr("Online")),
            Connection.OFFLINE: ("offline", self.tr("Offline")),
            Connection.SIGNED_OUT: ("attention", self.tr("Signed out")),
        }[state]
        self.connection_icon.setPixmap(icon(name).pixmap(ICON_SIZE, ICON_SIZE, ))
        self.connection_label.setText(text)
        pending = self.counts["pending"]
        parts = [self.tr("%n change(s) waiting", "", pending)]
        trouble = self.counts["conflict"] + self.counts["rejected"]
        if trouble:
            parts.append(self.tr("%n need(s) your attention", "", trouble))
        self.pending_label.setText(", ".join(parts))
        self.last_sync_label.setText(self.tr("Last sync: %1").replace("%1", when(self.last_sync_at) or self.tr("never")))

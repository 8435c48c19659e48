"""Background sync: when, on which thread, and what the windows hear about it.

A sync runs at start, on a timer (the settings' interval), on reconnect, after the user
changes something, and on demand (F5); one at a time, on a thread of its own, so the GUI
thread never waits on the network or the cache's writes. Progress reaches the status bar
by signal. Offline, the controller asks the server's health address every few seconds and
syncs as soon as it answers (signing in first with the remembered session when the app
started offline). Closing the app sets the sync's cancel flag: everything received so far
is kept, and an unsent change is sent again next time with the same key (app/sync.py).
"""

from __future__ import annotations

import logging
import threading
from dataclasses import replace
from enum import Enum

from PySide6.QtCore import QObject, QTimer, Signal

from app.account import PasswordNeeded
from app.api import ApiClient, ApiError, Offline, SessionExpired
from app.storage import StorageProblem
from app.sync import Cancelled, Progress, SyncResult
from app.ui.messages import error_text
from app.workspace import Workspace

log = logging.getLogger(__name__)

RECONNECT_EVERY_MS = 10_000


class Connection(str, Enum):
    CONNECTING = "connecting"
    ONLINE = "online"
    OFFLINE = "offline"
    SIGNED_OUT = "signed_out"  # the session ended: the user must sign in again


class SyncController(QObject):
    connection_changed = Signal(str)  # a Connection value
    started = Signal()
    progress = Signal(object)  # app.sync.Progress
    finished = Signal(object)  # app.sync.SyncResult
    failed = Signal(str)  # why, in a sentence
    outbox_changed = Signal()  # pending counts may have changed
    outbox_recovered = Signal(object)  # app.outbox_recovery.RecoveryReport: the user must be told
    # From worker threads to the GUI thread (queued: this object lives there).
    _done = Signal(object, object)  # result or None, error or None
    _probed = Signal(str)  # the Connection the probe found

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.connection = Connection.CONNECTING
        self._thread: threading.Thread | None = None
        self._cancel = threading.Event()
        self._again = False
        self._rebuild_cache = False  # the windows met a damaged cache: refill it at the next sync
        self._closing = False
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.sync_now)
        self.set_interval(workspace.settings.sync_interval_minutes)
        self.reconnect_timer = QTimer(self, interval=RECONNECT_EVERY_MS)
        self.reconnect_timer.timeout.connect(self._try_reconnect)
        self._probing = False
        self._done.connect(self._on_done)
        self._probed.connect(self._on_probed)

    def set_interval(self, minutes: int) -> None:
        self.timer.start(max(1, int(minutes)) * 60_000)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _set_connection(self, state: Connection) -> None:
        if state != self.connection:
            self.connection = state
            self.connection_changed.emit(state.value)
        if state == Connection.OFFLINE:
            if not self.reconnect_timer.isActive():
                self.reconnect_timer.start()
        else:
            self.reconnect_timer.stop()

    def went_offline(self) -> None:
        """The app could not reach the server (e.g. at start): watch for it to come back."""
        self._set_connection(Connection.OFFLINE)

    def session_ended(self) -> None:
        self._set_connection(Connection.SIGNED_OUT)

    def signed_in(self) -> None:
        self._set_connection(Connection.ONLINE)
        self.sync_now()

    # -- running a sync ----------------------------------------------------------------------------

    def sync_now(self) -> None:
        """Start a sync now, or right after the one running."""
        if self._closing:
            return
        if self.running:
            self._again = True
            return
        if self.workspace.session is None:
            if self.connection == Connection.OFFLINE:
                self._try_reconnect()
            return
        self._cancel = threading.Event()
        self._again = False
        self.started.emit()
        self._thread = threading.Thread(target=self._run, args=(self._cancel,), name="gemdesk-sync", daemon=True)
        self._thread.start()

    def repair_cache(self) -> None:
        """The windows found the cache damaged: move it aside and refill it, on the sync's
        thread, so nothing else writes it meanwhile (the outbox is not touched)."""
        self._rebuild_cache = True
        self.sync_now()

    def _run(self, cancel: threading.Event) -> None:
        try:
            if self._rebuild_cache:
                self._rebuild_cache = False
                self.workspace.cache.rebuild()
            result = self.workspace.sync(on_progress=self.progress.emit, cancel=cancel)
        except BaseException as error:  # noqa: BLE001 - every outcome goes back to the GUI thread
            self._emit_done(None, error)
        else:
            self._emit_done(result, None)

    def _emit_done(self, result: SyncResult | None, error: BaseException | None) -> None:
        try:
            self._done.emit(result, error)
        except RuntimeError:  # the app closed meanwhile
            pass

    def _on_done(self, result: SyncResult | None, error: BaseException | None) -> None:
        self._thread = None
        if self._closing:
            return
        self.outbox_changed.emit()
        if error is None:
            self._set_connection(Connection.ONLINE)
            self.finished.emit(result)
            if result.recovery is not None:
                self.outbox_recovered.emit(result.recovery)
        elif isinstance(error, StorageProblem):
            self.failed.emit(error_text(error))  # the disk, not the network: the connection is as it was
        elif isinstance(error, Cancelled):
            pass
        elif isinstance(error, SessionExpired) or isinstance(error, PasswordNeeded):
            self._set_connection(Connection.SIGNED_OUT)
            self.failed.emit(self.tr("Your session has ended; sign in again to sync."))
        elif isinstance(error, Offline):
            self._set_connection(Connection.OFFLINE)
            self.failed.emit(self.tr("The marketplace cannot be reached; working offline. Your changes are kept."))
        elif isinstance(error, ApiError):
            self.failed.emit(error.message)
        else:
            log.error("sync failed", exc_info=(type(error), error, error.__traceback__))
            self.failed.emit(self.tr("The sync stopped because of an unexpected problem; it is in the log."))
        if self._again and self.connection == Connection.ONLINE:
            self.sync_now()

    # -- reconnecting ----------------------------------------------------------------------------------

    def _try_reconnect(self) -> None:
        if self._probing or self._closing:
            return
        settings = self.workspace.settings.connection
        if not settings.server_url:
            return
        self._probing = True

        def probe() -> None:
            found = Connection.OFFLINE
            try:
                client = ApiClient(replace(settings, max_retries=0, read_timeout=5.0))
                try:
                    client.health()
                finally:
                    client.close()
                if self.workspace.session is None:
                    self.workspace.resume()  # the app started offline on a remembered session
                found = Connection.ONLINE
            except (SessionExpired, PasswordNeeded):
                found = Connection.SIGNED_OUT
            except (Offline, ApiError) as error:
                log.info("the marketplace is still not reachable: %s", error)
            except Exception:  # noqa: BLE001 - a probe must never end the app
                log.exception("reconnect check failed")
            try:
                self._probed.emit(found.value)
            except RuntimeError:  # the app closed meanwhile
                pass

        threading.Thread(target=probe, name="gemdesk-reconnect", daemon=True).start()

    def _on_probed(self, found: str) -> None:
        self._probing = False
        if self._closing or found == Connection.OFFLINE.value:
            return
        self._set_connection(Connection(found))
        if found == Connection.ONLINE.value:
            log.info("the marketplace is reachable again; syncing")
            self.sync_now()
        else:
            self.failed.emit(self.tr("Your session has ended; sign in again to sync."))

    # -- closing ---------------------------------------------------------------------------------------

    def close(self, wait_seconds: float = 3.0) -> None:
        """Stop syncing for good: cancel the running sync and give it a moment to stop."""
        self._closing = True
        self.timer.stop()
        self.reconnect_timer.stop()
        self._cancel.set()
        thread = self._thread
        if thread is not None:
            thread.join(wait_seconds)  # a request in flight may take longer: it is safe to leave


__all__ = ["Connection", "Progress", "SyncController"]

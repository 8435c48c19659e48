"""Work off the GUI thread: the one helper every window uses for anything that may wait.

Lanes, each on daemon threads so that closing the app never waits for them:
- `local`: one worker for the outbox and other local writes (SQLite wants one writer, and
  the outbox syncs every change to disk);
- `network`: a few workers for calls to the marketplace (sign-in, reachability checks).
The catalogue's searches have a lane of their own where the latest request wins
(catalogue_model.py), and a sync runs on its own thread (sync_controller.py).

Results and errors come back on the GUI thread through a queued signal: feature code never
touches a widget from a worker. An error nobody handles goes to the crash handler.
"""

from __future__ import annotations

import logging
import queue
import sys
import threading
from functools import partial
from typing import Any, Callable

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal

log = logging.getLogger(__name__)


class Lane:
    """Daemon worker threads taking jobs in order from one queue."""

    def __init__(self, name: str, threads: int = 1) -> None:
        self._jobs: queue.Queue[Callable[[], None] | None] = queue.Queue()
        self._threads = threads
        for number in range(threads):
            threading.Thread(target=self._work, name=f"{name}-{number + 1}", daemon=True).start()

    def submit(self, job: Callable[[], None]) -> None:
        self._jobs.put(job)

    def close(self) -> None:
        """Each thread ends after the jobs already queued (without waiting for them here)."""
        for _ in range(self._threads):
            self._jobs.put(None)

    def _work(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            try:
                job()
            except BaseException:  # noqa: BLE001 - a job's own failure is delivered by the job
                log.exception("a background job failed")


class TaskManager(QObject):
    _deliver = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._deliver.connect(self._call, Qt.ConnectionType.QueuedConnection)
        self._lanes = {"local": Lane("gemdesk-local"), "network": Lane("gemdesk-network", 3)}

    def run(self, work: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None, lane: str = "local") -> None:
        """Run `work()` on a lane; then `on_done(result)` or `on_error(error)` on the GUI thread."""

        def job() -> None:
            try:
                result = work()
            except Exception as error:  # noqa: BLE001 - delivered to the GUI thread
                self.on_main(partial(self._failed, error, on_error))
                return
            if on_done is not None:
                self.on_main(partial(on_done, result))

        self._lanes[lane].submit(job)

    def close(self) -> None:
        for lane in self._lanes.values():
            lane.close()

    def on_main(self, call: Callable[[], None]) -> None:
        """Call `call()` on the GUI thread soon (from any thread)."""
        try:
            self._deliver.emit(call)
        except RuntimeError:  # the app is closing and this object is gone
            pass

    @staticmethod
    def _call(call: Callable[[], None]) -> None:
        # An answer for a window closed meanwhile (signed out, replaced) has nobody to go to.
        target = call.func if isinstance(call, partial) else call
        owner = getattr(target, "__self__", None)
        if isinstance(owner, QObject) and not shiboken6.isValid(owner):
            log.debug("dropped an answer for a closed %s", type(owner).__name__)
            return
        call()

    @staticmethod
    def _failed(error: BaseException, on_error: Callable[[BaseException], None] | None) -> None:
        if on_error is not None:
            on_error(error)
        else:
            sys.excepthook(type(error), error, error.__traceback__)

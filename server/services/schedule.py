"""The server's clockwork: `Stepper` runs the time-driven changes (server/services/orders.py `step`, then
server/services/bids.py `step`; then, in a transaction of its own, server/services/auctions.py
`step`, which closes the auctions past their end) every few seconds while the server is up. Each step is
idempotent, so a missed or doubled tick, or two servers on one database, change nothing twice.

`SnapshotScheduler` asks every `snapshot_check_seconds` whether a catalogue snapshot is due
(server/services/snapshot.py `due`) and builds it in a child process (`gemdesk-server
snapshot --if-due`, at low priority): a build is minutes of JSON and xz work that would
otherwise hold this process's GIL against the requests it serves."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
from datetime import datetime
from typing import Callable

from sqlalchemy.orm import Session

from server.config import ENV_PREFIX, Settings
from server.db.engine import Database
from server.services import auctions, bids, orders

log = logging.getLogger(__name__)

STEP_EVERY_SECONDS = 10.0


def step(session: Session, now: datetime) -> list[str]:
    """Every time-driven change due at `now`, in one transaction. The orders' go first: they
    lock their orders before their first write (see server/services/orders.py `step`), which
    holds only while nothing else has written in the transaction yet."""
    return orders.step(session, now) + bids.step(session, now)


def run_step(db: Database, clock: Callable[[], datetime]) -> list[str]:
    with db.writing() as session:
        done = step(session, clock())
    # The auctions' close in a transaction of its own: it locks its auctions before its first
    # write, as a bid does (auction row, then the feed counter); after the steps above had
    # written, it would take them the other way round and could deadlock with a bid.
    with db.writing() as session:
        return done + auctions.step(session, clock())


class Stepper:
    """A daemon thread calling `run_step` every `interval` seconds until `stop()`."""

    def __init__(self, db: Database, clock: Callable[[], datetime], interval: float = STEP_EVERY_SECONDS) -> None:
        self._db, self._clock, self._interval = db, clock, interval
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="gemdesk-server-step", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stopped.set()
        self._thread.join(timeout=self._interval + 5)

    def _run(self) -> None:
        while not self._stopped.wait(self._interval):
            try:
                for line in run_step(self._db, self._clock):
                    log.info("%s", line)
            except Exception:  # noqa: BLE001 - the next tick tries again; the server stays up
                log.exception("the scheduled step failed")


class SnapshotScheduler:
    """A daemon thread that runs `gemdesk-server snapshot --if-due` every
    `settings.snapshot_check_seconds` (the first time one interval after the start)."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="gemdesk-server-snapshot", daemon=True)
        self._child: subprocess.Popen | None = None

    def command(self) -> list[str]:
        return [sys.executable, "-m", "server", "--data-dir", str(self._settings.data_dir), "snapshot", "--if-due"]

    def start(self) -> None:
        if self._settings.snapshot_check_seconds > 0:
            self._thread.start()

    def stop(self) -> None:
        self._stopped.set()
        child = self._child
        if child is not None and child.poll() is None:
            child.terminate()  # a half-made build is a temporary file, pruned later
        if self._thread.is_alive():
            self._thread.join(timeout=30)

    def run_once(self) -> int:
        env = dict(os.environ)
        if self._settings.database_url_override:
            env[ENV_PREFIX + "DATABASE_URL"] = self._settings.database_url_override
        self._child = subprocess.Popen(self.command(), env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                       preexec_fn=(lambda: os.nice(10)) if hasattr(os, "nice") else None)
        output, _ = self._child.communicate()
        for line in output.decode(errors="replace").splitlines():
            log.info("snapshot: %s", line)
        return self._child.returncode

    def _run(self) -> None:
        while not self._stopped.wait(self._settings.snapshot_check_seconds):
            try:
                self.run_once()
            except Exception:  # noqa: BLE001 - the next check tries again; the server stays up
                log.exception("the catalogue snapshot check failed")

"""The server's clock: the only one that decides what is late (bid end, opening, offers).

Tests move it forward (`advance`) to run a whole procurement in seconds; a real server runs
on the wall clock with no offset.
"""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

from domain.timefmt import utc_now


class Clock:
    def __init__(self) -> None:
        self._offset = timedelta()
        self._lock = threading.Lock()

    def __call__(self) -> datetime:
        return utc_now() + self._offset

    def advance(self, seconds: float) -> datetime:
        with self._lock:
            self._offset += timedelta(seconds=seconds)
        return self()

"""A few at a time: work that costs much memory per request (an argon2 password check holds
64 MiB; a feed page of 1,000 listings several MiB while it is built) runs at most `at_once`
at a time in this process, in a worker thread each. Up to `waiting` more wait their turn, at
most `wait_seconds`, without holding a thread (they wait on the event loop); past that the
caller is told to come back (`Busy`: a 503 with Retry-After), so a burst costs time, never
memory without bound. Unbounded, 40 simultaneous sign-ins took the server from 128 MB to
1.3 GB.
"""

from __future__ import annotations

import asyncio
from typing import Any, Callable, TypeVar

from starlette.concurrency import run_in_threadpool

from server.errors import ApiError

T = TypeVar("T")


class Busy(ApiError):
    def __init__(self, what: str) -> None:
        super().__init__(503, "busy", f"The marketplace is {what} for many people just now: try again in a moment.",
                         headers={"Retry-After": "1"})


class Gate:
    def __init__(self, what: str, at_once: int, waiting: int, wait_seconds: float) -> None:
        self.what = what  # for the Busy sentence: "checking sign-ins"
        self.at_once, self.waiting, self.wait_seconds = max(1, at_once), max(0, waiting), wait_seconds
        self._loop: asyncio.AbstractEventLoop | None = None
        self._slots: asyncio.Semaphore | None = None
        self._queued = 0

    def _slots_here(self) -> asyncio.Semaphore:
        # asyncio primitives belong to one event loop; a test's app may run on several in turn.
        loop = asyncio.get_running_loop()
        if self._loop is not loop:
            self._loop, self._slots, self._queued = loop, asyncio.Semaphore(self.at_once), 0
        return self._slots

    async def run(self, work: Callable[..., T], *args: Any) -> T:
        """`work(*args)` in a worker thread once a slot is free; Busy if none frees in time."""
        slots = self._slots_here()
        if slots.locked():
            if self._queued >= self.waiting:
                raise Busy(self.what)
            self._queued += 1
            try:
                async with asyncio.timeout(self.wait_seconds):
                    await slots.acquire()
            except TimeoutError:
                raise Busy(self.what) from None
            finally:
                self._queued -= 1
        else:
            await slots.acquire()
        try:
            return await run_in_threadpool(work, *args)
        finally:
            slots.release()


def gate_of(app: Any, name: str, make: Callable[[], Gate]) -> Gate:
    """The app's gate of that name, made on first use (from the app's settings)."""
    gates = app.state.__dict__.setdefault("_gates", {})
    if name not in gates:
        gates[name] = make()
    return gates[name]

"""Password hashing (argon2id), checks of passwords a few at a time, and token digests. Nothing
here stores a secret in clear."""

from __future__ import annotations

import asyncio
import hashlib
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from starlette.concurrency import run_in_threadpool

_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters
# Verifying against this when the user does not exist keeps the answer time the same, so
# timing does not reveal which user names exist.
_DUMMY_HASH = _hasher.hash("not a real password")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("ascii", "replace")).hexdigest()


class PasswordChecksBusy(Exception):
    """Too many password checks are running or waiting: the caller should come back shortly."""


class PasswordChecks:
    """At most `at_once` argon2 checks at a time in this process, each in a worker thread.

    An argon2id check holds 64 MiB and a core for tens of milliseconds: unbounded, 40
    simultaneous sign-ins took the server from 128 MB to 1.3 GB. Up to `waiting` more wait
    their turn, at most `wait_seconds`, without holding a thread (they wait on the event
    loop); past that the caller is told to come back (`PasswordChecksBusy`, a 503 with
    Retry-After), and memory stays where it is.
    """

    def __init__(self, at_once: int, waiting: int, wait_seconds: float) -> None:
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

    async def verify(self, password_hash: str | None, password: str) -> bool:
        slots = self._slots_here()
        if slots.locked():
            if self._queued >= self.waiting:
                raise PasswordChecksBusy()
            self._queued += 1
            try:
                async with asyncio.timeout(self.wait_seconds):
                    await slots.acquire()
            except TimeoutError:
                raise PasswordChecksBusy() from None
            finally:
                self._queued -= 1
        else:
            await slots.acquire()
        try:
            return await run_in_threadpool(verify_password, password_hash, password)
        finally:
            slots.release()

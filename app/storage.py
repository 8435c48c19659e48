"""The desktop's own files on disk: how the cache and the outbox open their SQLite files,
and what went wrong with a file, said in words a clerk can act on.

Every failure of a local file is one of a few kinds, each with its own sentence and its own
exit code for `gemdesk sync`: the disk is full; the folder is read-only (a read-only mount,
or permissions); the folder is missing (a removed drive, a network folder not connected);
the file is in use by another program (a second GeM Desk, an antivirus scan); the disk
reports an error; or the file is damaged. The first five are the computer's: nothing the
user did is lost, and once the cause is fixed the next sync sends everything. Damage is the
file's: the cache, which is rebuildable, is moved aside and refilled; the outbox, which is
not, is recovered (app/outbox_recovery.py). The two files raise different exceptions, so
damage to one is never taken for damage to the other.

Kinds are codes; `StorageProblem.sentence()` words them in English (the command line), and
app/ui/messages.py in the user's language (the windows). Qt-free.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError

DISK_FULL = "disk_full"
READ_ONLY = "read_only"
FOLDER_MISSING = "folder_missing"
IN_USE = "in_use"
DISK_ERROR = "disk_error"
DAMAGED = "damaged"

# `gemdesk sync` exits with these, so a script or an administrator's tool knows which.
EXIT_CODES = {DISK_FULL: 3, READ_ONLY: 4, FOLDER_MISSING: 5, IN_USE: 6, DISK_ERROR: 7, DAMAGED: 8}

# The busy timeout: how long a write waits for another program's lock before "in use".
BUSY_TIMEOUT_MS = 10_000

# SQLite's primary result codes (https://sqlite.org/rescode.html); extended codes carry the
# primary one in their low byte.
_SQLITE_PERM, _SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 3, 5, 6, 8
_SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_NOTADB = 10, 11, 13, 14, 26
_WINDOWS_SHARING_VIOLATION, _WINDOWS_LOCK_VIOLATION = 32, 33

# Free space under which an unexplained write error is taken for a full disk.
_NEARLY_FULL_BYTES = 1 << 20


class StorageProblem(Exception):
    """A local file could not be read or written; `kind` says why (one of the codes above)."""

    def __init__(self, kind: str, path: Path, detail: str = "") -> None:
        self.kind, self.path, self.detail = kind, Path(path), detail
        super().__init__(f"{kind}: {path}" + (f" ({detail})" if detail else ""))

    @property
    def exit_code(self) -> int:
        return EXIT_CODES[self.kind]

    @property
    def folder(self) -> Path:
        """The folder the problem is in (our files all have a suffix; a folder, no)."""
        return self.path if self.path.is_dir() or not self.path.suffix else self.path.parent

    def sentence(self) -> str:
        """What happened and what to do, in English (the windows word it in app/ui/messages.py)."""
        folder = self.folder
        if self.kind == DISK_FULL:
            return (f"The disk is full: GeM Desk cannot save in {folder}. Free some space on it; your work is kept, "
                    "and the next sync sends it.")
        if self.kind == READ_ONLY:
            return (f"GeM Desk cannot write to its folder {folder} (it is read-only for this user). Ask IT to give "
                    "you write access, or choose another data folder in the settings; your work is kept.")
        if self.kind == FOLDER_MISSING:
            return (f"GeM Desk's folder {folder} cannot be found (a removed drive, or a network folder that is not "
                    "connected). Connect it again, or choose another data folder in the settings.")
        if self.kind == IN_USE:
            return (f"Another program is using GeM Desk's file {self.path.name} in {folder} (a second GeM Desk, or an "
                    "antivirus scan). Close it, or wait a moment, and try again; your work is kept.")
        if self.kind == DISK_ERROR:
            return (f"The disk reported an error reading or writing GeM Desk's file {self.path}. Try again; if it "
                    "happens again, ask IT to check the disk.")
        return f"GeM Desk's file {self.path} is damaged."


class CacheDamaged(StorageProblem):
    """The rebuildable cache (cache.sqlite) is damaged: move it aside and refill it."""

    def __init__(self, path: Path, detail: str = "") -> None:
        super().__init__(DAMAGED, path, detail)

    def sentence(self) -> str:
        return "The local copy of the catalogue was damaged; it is being downloaded again. Your own changes are safe."


class OutboxDamaged(StorageProblem):
    """The outbox (outbox.sqlite), the user's unsent work, is damaged: recover it, never discard it."""

    def __init__(self, path: Path, detail: str = "") -> None:
        super().__init__(DAMAGED, path, detail)

    def sentence(self) -> str:
        return (f"GeM Desk's file of your unsent changes ({self.path}) is damaged. GeM Desk recovers what can be "
                "read from it when it next opens.")


def _sqlite_code(error: BaseException) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def _writable(folder: Path) -> bool:
    try:
        probe = folder / f".gemdesk-write-check-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
        return True
    except OSError:
        return False


def _unexplained(path: Path, detail: str) -> StorageProblem:
    """A write or open failed without saying why: look at the disk."""
    folder = path.parent
    if not folder.is_dir():
        return StorageProblem(FOLDER_MISSING, path, detail)
    try:
        if shutil.disk_usage(folder).free < _NEARLY_FULL_BYTES:
            return StorageProblem(DISK_FULL, path, detail)
    except OSError:
        return StorageProblem(FOLDER_MISSING, path, detail)
    if not _writable(folder):
        return StorageProblem(READ_ONLY, path, detail)
    return StorageProblem(DISK_ERROR, path, detail)


def problem_of(error: BaseException, path: Path, damaged: type[StorageProblem] | None = None) -> StorageProblem | None:
    """What `error`, met reading or writing `path`, says about the file; None when it is not
    about the file at all (a bug, a constraint, a cancelled statement). `damaged` is the
    exception for damage to this file (CacheDamaged or OutboxDamaged)."""
    if isinstance(error, StorageProblem):
        return error
    original = error.orig if isinstance(error, DBAPIError) else error
    detail = str(original)
    if isinstance(original, sqlite3.Error):
        code = _sqlite_code(original)
        if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
            return damaged(path, detail) if damaged else StorageProblem(DAMAGED, path, detail)
        if code == _SQLITE_FULL:
            return StorageProblem(DISK_FULL, path, detail)
        if code in (_SQLITE_READONLY, _SQLITE_PERM):
            return StorageProblem(READ_ONLY, path, detail)
        if code in (_SQLITE_BUSY, _SQLITE_LOCKED):
            return StorageProblem(IN_USE, path, detail)
        if code in (_SQLITE_CANTOPEN, _SQLITE_IOERR):
            return _unexplained(path, detail)
        return None
    if isinstance(original, OSError):
        if original.errno == errno.ENOSPC:
            return StorageProblem(DISK_FULL, path, detail)
        if original.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return StorageProblem(READ_ONLY, path, detail)
        if original.errno in (errno.ENOENT, errno.ENOTDIR):
            return StorageProblem(FOLDER_MISSING, path, detail)
        if getattr(original, "winerror", None) in (_WINDOWS_SHARING_VIOLATION, _WINDOWS_LOCK_VIOLATION):
            return StorageProblem(IN_USE, path, detail)
        return _unexplained(path, detail)
    return None


def make_folder(folder: Path) -> Path:
    """The data folder, created if it is not there; a StorageProblem if it cannot be."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise problem_of(error, folder) or error from error
    return folder


def open_sqlite(path: Path, *, synchronous: str, damaged: type[StorageProblem], cache_size_kib: int | None = None,
                functions: dict[str, Any] | None = None) -> Engine:
    """An engine on one of the desktop's SQLite files: WAL, the given `synchronous`, a busy
    timeout, and every failure that is about the file raised as a StorageProblem (damage as
    `damaged`). Transactions begin DEFERRED; use `writer(engine)` for write transactions,
    which begin IMMEDIATE: a deferred transaction that reads and then writes cannot wait for
    another writer in WAL mode and fails at once, which would read as "in use"."""
    engine = create_engine(f"sqlite:///{path}", connect_args={"isolation_level": None, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn, _record) -> None:
        cursor = dbapi_conn.cursor()
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA synchronous={synchronous}")
        if cache_size_kib:
            cursor.execute(f"PRAGMA cache_size=-{cache_size_kib}")
        cursor.close()
        for name, function in (functions or {}).items():
            dbapi_conn.create_function(name, 1, function, deterministic=True)

    @event.listens_for(engine, "begin")
    def _begin(connection) -> None:
        connection.exec_driver_sql(f"BEGIN {connection.get_execution_options().get('sqlite_begin', 'DEFERRED')}")

    @event.listens_for(engine, "handle_error")
    def _about_the_file(context) -> None:
        problem = problem_of(context.original_exception, path, damaged)
        if problem is not None:
            raise problem from context.original_exception

    return engine


def writer(engine: Engine) -> Engine:
    """The same engine (and pool) with write transactions that begin IMMEDIATE."""
    return engine.execution_options(sqlite_begin="IMMEDIATE")

"""Connections to the marketplace database (SQLite or PostgreSQL) and its sessions.

SQLite: WAL (readers never block the writer), foreign keys on, a 30 s busy timeout, and we
emit BEGIN ourselves (pysqlite's own transaction handling is switched off). Write
transactions begin IMMEDIATE: a DEFERRED transaction that reads and then writes cannot wait
for the write lock in WAL mode and fails at once with "database is locked"; IMMEDIATE takes
the lock up front and waits for it under the busy timeout instead.

PostgreSQL: `postgresql+psycopg://`, read committed. Writers lock the rows they change
(`with_for_update`) and the feed counter row (server/db/trail.py).
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

SQLITE_BUSY_TIMEOUT_S = 30


def make_engine(url: str, **kwargs) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(
            parsed,
            connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S, "check_same_thread": False},
            **kwargs,
        )
        _configure_sqlite(engine)
        return engine
    # As many connections kept as a process has worker threads (anyio's 40): past the pool,
    # each connection is made and closed per use, and a PostgreSQL connection is a process.
    kwargs.setdefault("pool_size", 30)
    kwargs.setdefault("max_overflow", 10)
    kwargs.setdefault("pool_pre_ping", True)
    return create_engine(parsed, **kwargs)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        # We say when transactions begin (see the "begin" hook), not pysqlite.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_S * 1000}")
        cursor.execute("PRAGMA synchronous=NORMAL")  # safe with WAL; a power cut loses at most the last commits
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")


def dialect_name(engine: Engine) -> str:
    return engine.dialect.name  # "sqlite" | "postgresql"


class Database:
    """One engine and its two kinds of session: reading, and writing (BEGIN IMMEDIATE on SQLite)."""

    def __init__(self, url: str, **engine_kwargs) -> None:
        self.url = url
        self.engine = make_engine(url, **engine_kwargs)
        self.dialect = dialect_name(self.engine)
        self._read = sessionmaker(self.engine, expire_on_commit=False, autoflush=False)
        self._write = sessionmaker(
            self.engine.execution_options(sqlite_begin="IMMEDIATE"), expire_on_commit=False
        )

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reads only; rolled back at the end."""
        with self._read() as session:
            try:
                yield session
            finally:
                session.rollback()

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """A write transaction: committed when the block ends normally, rolled back otherwise."""
        with self._write() as session:
            with session.begin():
                yield session

    def write_session(self) -> Session:
        """A bare write session for callers that commit themselves (tests of the commit race)."""
        return self._write()

    def dispose(self) -> None:
        self.engine.dispose()

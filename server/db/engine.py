"""Connections to the marketplace database (SQLite or PostgreSQL) and its sessions.

SQLite: WAL (readers never block the writer), foreign keys on, a 30 s busy timeout, and we
emit BEGIN ourselves (pysqlite's own transaction handling is switched off). Write
transactions begin IMMEDIATE: a DEFERRED transaction that reads and then writes cannot wait
for the write lock in WAL mode and fails at once with "database is locked"; IMMEDIATE takes
the lock up front and waits for it under the busy timeout instead.

PostgreSQL: `postgresql+psycopg://`, read committed. Writers lock the rows they change
(`with_for_update`) and the feed counter row (server/db/trail.py). Every connection asks
PostgreSQL not to write its statements' parameters to the server log (`_quiet_parameters`):
a sealed offer's prices, salt and receipt are parameters of its INSERT, and a failed or
logged statement would otherwise put them in a file read by more people than the database.
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
    engine = create_engine(parsed, **kwargs)
    _quiet_parameters(engine)
    return engine


# Whether this database role may turn off parameter logging of statements that succeed
# (log_parameter_max_length is for superusers, or roles granted SET on it: PostgreSQL 15+).
_STATEMENT_PARAMETERS_QUIET: dict[str, bool] = {}


def _quiet_parameters(engine: Engine) -> None:
    """No bind parameter of ours in PostgreSQL's log. A failed statement is logged with its
    parameters when log_parameter_max_length_on_error is set (any role may turn that off for
    its session); a statement logged by log_statement or log_min_duration_statement with them
    unless log_parameter_max_length is 0 (a superuser's setting): both are turned off on every
    connection, the second where the role may. Where it may not, `statement_parameters_logged`
    tells the server's start to warn the operator."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        with dbapi_connection.cursor() as cursor:
            cursor.execute("SET log_parameter_max_length_on_error = 0")
        dbapi_connection.commit()
        try:
            with dbapi_connection.cursor() as cursor:
                cursor.execute("SET log_parameter_max_length = 0")
            dbapi_connection.commit()
            _STATEMENT_PARAMETERS_QUIET[engine.url.render_as_string()] = True
        except Exception:  # noqa: BLE001 - insufficient privilege: the operator is told at start
            dbapi_connection.rollback()
            _STATEMENT_PARAMETERS_QUIET[engine.url.render_as_string()] = False


def statement_parameters_logged(engine: Engine) -> bool:
    """True if PostgreSQL may log our statements' parameters: the role could not turn it off
    and log_statement or log_min_duration_statement would log statements."""
    if engine.dialect.name != "postgresql":
        return False
    with engine.connect() as connection:
        if _STATEMENT_PARAMETERS_QUIET.get(engine.url.render_as_string(), True):
            return False
        return (connection.exec_driver_sql("SHOW log_statement").scalar() != "none"
                or connection.exec_driver_sql("SHOW log_min_duration_statement").scalar() != "-1")


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

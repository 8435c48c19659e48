"""Fixtures every test folder may use: marketplace databases built by the real migrations.

`database_url` runs a test twice: on a SQLite file and on PostgreSQL (127.0.0.1:5432, user
postgres, or GEMDESK_TEST_POSTGRES_URL). Each session migrates one template database of each
kind; each test gets a fresh copy (a file copy, or CREATE DATABASE ... TEMPLATE), dropped
afterwards. Without a reachable PostgreSQL the PostgreSQL runs are skipped with the reason,
except under CI=true, where that is a failure.
"""

from __future__ import annotations

import itertools
import os
import shutil
import socket
import uuid
import zlib
from pathlib import Path

import pytest

PG_ADMIN_URL = os.environ.get("GEMDESK_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")

# The suite runs in several pytest-xdist workers at once. A port the kernel hands out for
# port 0 is free again once the probe closes, so two workers could start their servers on
# the same one; instead each worker counts through a block of its own, below the kernel's
# ephemeral range (32768 and up on Linux), so no outgoing connection takes one either. The
# blocks start where this run's id says, so two runs at once on one machine (two checkouts)
# rarely meet; when they do, ServerProcess.start tells its own server from the other's.
_PORT_BLOCK = 2500
_worker = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
_run = zlib.crc32(os.environ.get("PYTEST_XDIST_TESTRUNUID", str(os.getpid())).encode())
_first = 12000 + (_run + _PORT_BLOCK * _worker) % 20000
_ports = itertools.chain(range(_first, 32000), range(12000, _first))


def free_port() -> int:
    """A loopback port no other test of this run is using."""
    for port in _ports:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue  # someone else's: the next one
            return port
    raise AssertionError("no free port left")


def pytest_collection_modifyitems(items) -> None:
    """The packaging tests share one frozen build (tests/packaging/conftest.py): one worker
    runs them all, so the bundle is built once, not once per worker."""
    for item in items:
        if "tests/packaging/" in item.nodeid.replace("\\", "/"):
            item.add_marker(pytest.mark.xdist_group("packaging"))


class PostgresDatabases:
    """Creates and drops the test databases of one session on one PostgreSQL server."""

    def __init__(self, admin_url: str) -> None:
        import psycopg

        self._psycopg = psycopg
        self.admin_url = admin_url
        self.prefix = f"gemdesk_test_{uuid.uuid4().hex[:12]}"
        self.template = f"{self.prefix}_template"
        self._count = 0
        self._created: list[str] = []

    def _admin(self):
        return self._psycopg.connect(self.admin_url, autocommit=True, connect_timeout=5)

    def url_of(self, name: str) -> str:
        from sqlalchemy.engine import make_url

        return make_url(self.admin_url).set(drivername="postgresql+psycopg", database=name).render_as_string(hide_password=False)

    def create_template(self) -> None:
        from server.db.migrate import upgrade

        with self._admin() as conn:
            conn.execute(f'CREATE DATABASE "{self.template}"')
        self._created.append(self.template)
        upgrade(self.url_of(self.template))

    def new_database(self) -> str:
        self._count += 1
        name = f"{self.prefix}_{self._count}"
        with self._admin() as conn:
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{self.template}"')
        self._created.append(name)
        return self.url_of(name)

    def drop(self, name: str) -> None:
        with self._admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if name in self._created:
            self._created.remove(name)

    def drop_all(self) -> None:
        for name in list(reversed(self._created)):
            self.drop(name)


def _postgres_unavailable(reason: str):
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"PostgreSQL is required under CI=true but is not usable: {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL not reachable at {PG_ADMIN_URL}: {reason}")


@pytest.fixture(autouse=True)
def _no_machine_configuration(tmp_path, monkeypatch):
    """No test reads what this computer's administrator deployed (/etc/gemdesk/machine.ini):
    GEMDESK_MACHINE_CONFIG names a file that does not exist, unless a test writes one."""
    monkeypatch.setenv("GEMDESK_MACHINE_CONFIG", str(tmp_path / "no-machine-configuration.ini"))


@pytest.fixture(scope="session")
def postgres_databases():
    try:
        databases = PostgresDatabases(PG_ADMIN_URL)
        with databases._admin():
            pass
    except Exception as error:  # noqa: BLE001 - any failure to connect means "no PostgreSQL here"
        _postgres_unavailable(str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__)
    databases.create_template()
    yield databases
    databases.drop_all()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    from server.db.migrate import upgrade

    path = tmp_path_factory.mktemp("sqlite-template") / "marketplace.sqlite"
    upgrade(f"sqlite:///{path}")
    return path


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request, tmp_path) -> str:
    """A fresh, migrated, empty marketplace database: SQLite, then PostgreSQL."""
    if request.param == "sqlite":
        path = tmp_path / "marketplace.sqlite"
        # The template is closed and checkpointed, so the main file alone is the database.
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        yield f"sqlite:///{path}"
        return
    databases: PostgresDatabases = request.getfixturevalue("postgres_databases")
    url = databases.new_database()
    yield url
    databases.drop(url.rsplit("/", 1)[1])

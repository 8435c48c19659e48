"""Client tests run against a real marketplace server process on loopback.

The demo marketplace (300 products) is seeded once per session into a SQLite template; each
test copies it and starts `python -m server serve` on a free port. Tokens go to an
in-memory keyring (we cannot run Windows Credential Manager here); the subprocesses of
the command line get the null keyring so no test ever touches a real user's keyring.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests
from keyring.backend import KeyringBackend
from sqlalchemy import create_engine, text

from app.account import Session, sign_in
from app.cache import Cache
from app.config import ConnectionSettings
from app.credentials import SecretStore
from app.outbox import Outbox
from tests.conftest import free_port
from app.sync import SyncEngine

PASSWORD = "demo"
SEED_PRODUCTS = 300
ROOT = Path(__file__).resolve().parents[2]


class MemoryKeyring(KeyringBackend):
    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        import keyring.errors

        if self.secrets.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError(username)


def subprocess_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ, PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring", PYTHONUNBUFFERED="1")
    env.pop("DATABASE_URL", None)
    env.update(extra)
    return env


def gemdesk(*args: str) -> subprocess.CompletedProcess:
    """The `gemdesk` command, as a clerk or an administrator's script would run it."""
    return subprocess.run([sys.executable, "-m", "app", *args], env=subprocess_env(GEMDESK_PASSWORD=PASSWORD),
                          cwd=ROOT, capture_output=True, text=True, timeout=180)


def gemdesk_sync(folder: Path, server: "ServerProcess", user: str = "demo-seller") -> subprocess.CompletedProcess:
    return gemdesk("sync", "--data-dir", str(folder), "--server", server.url, "--user", user)


@dataclass
class ServerProcess:
    """`gemdesk-server serve` on its own SQLite file; stop and start it like a real outage."""

    data_dir: Path
    port: int
    env: dict[str, str] = field(default_factory=dict)
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def command(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "server", "--data-dir", str(self.data_dir), *args]

    def start(self) -> None:
        log_path = self.data_dir / "server.log"
        logged_before = log_path.stat().st_size if log_path.exists() else 0
        log = open(log_path, "ab")
        self.process = subprocess.Popen(self.command("serve", "--port", str(self.port)), stdout=log, stderr=log,
                                        env=subprocess_env(**self.env), cwd=ROOT)
        log.close()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            assert self.process.poll() is None, log_path.read_text()
            # An answer alone could come from another test run's server on this port (two runs
            # at once on one machine): this one is up when its own log says it listens.
            if b"GeM Desk server listening" in log_path.read_bytes()[logged_before:]:
                try:
                    if requests.get(self.url + "/api/v1/health", timeout=1).ok:
                        return
                except requests.RequestException:
                    pass
            time.sleep(0.1)
        raise AssertionError("the server did not start")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def run(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run(self.command(*args), env=subprocess_env(**self.env), cwd=ROOT, capture_output=True, text=True, check=True)

    # -- the server's truth, read from its database ---------------------------------------

    @property
    def database_url(self) -> str:
        return self.env.get("GEMDESK_SERVER_DATABASE_URL") or f"sqlite:///{self.data_dir / 'marketplace.sqlite'}"

    def query(self, sql: str, **params) -> list:
        engine = create_engine(self.database_url)
        try:
            with engine.connect() as conn:
                return conn.execute(text(sql), params).all()
        finally:
            engine.dispose()

    def execute(self, sql: str, **params) -> None:
        """Write to the server's database behind its back (test set-up only)."""
        engine = create_engine(self.database_url,
                               connect_args={"timeout": 30} if self.database_url.startswith("sqlite") else {})
        try:
            with engine.begin() as conn:
                conn.execute(text(sql), params)
        finally:
            engine.dispose()

    def versions_seen_by(self, username: str) -> dict[str, int]:
        """{id: version} of the listings this user may see (docs/api.md, Change feed)."""
        firm = self.query("SELECT seller_firm_id FROM users WHERE username = :u", u=username)[0][0]
        rows = self.query(
            "SELECT id, version FROM listings WHERE status IN ('published', 'out_of_stock') OR seller_firm_id IS :firm",
            firm=firm,
        )
        return dict(rows)

    def listing(self, listing_id: str) -> dict:
        row = self.query("SELECT * FROM listings WHERE id = :id", id=listing_id)[0]
        return dict(row._mapping)

    def audit_actions(self, listing_id: str) -> list[str]:
        return [r[0] for r in self.query(
            "SELECT action FROM audit_events WHERE entity_type = 'listing' AND entity_id = :id ORDER BY id", id=listing_id)]


def seed_template(folder: Path, products: int) -> Path:
    """A demo marketplace of `products` products in an SQLite file, seeded once and copied by each test."""
    subprocess.run([sys.executable, "-m", "server", "--data-dir", str(folder), "seed", "--products", str(products)],
                   env=subprocess_env(), cwd=ROOT, check=True, capture_output=True)
    return folder / "marketplace.sqlite"


@pytest.fixture(scope="session")
def seeded_server_template(tmp_path_factory) -> Path:
    return seed_template(tmp_path_factory.mktemp("seeded-server"), SEED_PRODUCTS)


@pytest.fixture
def server_env() -> dict[str, str]:
    """Server settings a test may change before the server starts."""
    return {}


def serve_sqlite(seeded_server_template: Path, tmp_path: Path, server_env: dict[str, str]) -> Iterator[ServerProcess]:
    """The demo marketplace served from its embedded SQLite file, for the length of a test."""
    folder = tmp_path / "server"
    folder.mkdir()
    shutil.copyfile(seeded_server_template, folder / "marketplace.sqlite")
    process = ServerProcess(folder, free_port(), server_env)
    process.start()
    yield process
    process.stop()


@pytest.fixture
def server(seeded_server_template, tmp_path, server_env):
    """The marketplace server process the client tests talk to (a module may run it on
    PostgreSQL too: see tests/client/test_procurement.py)."""
    yield from serve_sqlite(seeded_server_template, tmp_path, server_env)


@pytest.fixture
def postgresql_server(postgres_databases, tmp_path, server_env):
    """The same demo marketplace served from a PostgreSQL database of its own."""
    folder = tmp_path / "server-pg"
    folder.mkdir()
    process = ServerProcess(folder, free_port(), {**server_env, "GEMDESK_SERVER_DATABASE_URL": postgres_databases.new_database()})
    process.run("seed", "--products", str(SEED_PRODUCTS))
    process.start()
    yield process
    process.stop()


@dataclass
class Device:
    """One desktop: its data folder, cache, outbox and signed-in session."""

    folder: Path
    session: Session
    cache: Cache
    outbox: Outbox
    username: str

    def sync(self, **options):
        return SyncEngine(self.session.api, self.cache, self.outbox, **options).run(self.username)

    def close(self) -> None:
        self.cache.close()
        self.outbox.close()
        self.session.api.close()


@pytest.fixture
def keyring_backend() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def secrets(keyring_backend) -> SecretStore:
    return SecretStore(keyring_backend)


@pytest.fixture
def device(server, tmp_path, secrets):
    """open_device(username, name) -> a Device signed in to the test server."""
    opened: list[Device] = []

    def open_device(username: str, name: str | None = None) -> Device:
        folder = tmp_path / (name or username)
        settings = ConnectionSettings(server_url=server.url, connect_timeout=2, read_timeout=20, max_retries=1)
        session = sign_in(settings, username, lambda: PASSWORD, secrets)
        found = Device(folder, session, Cache(folder), Outbox(folder), username)
        opened.append(found)
        return found

    yield open_device
    for each in opened:
        each.close()

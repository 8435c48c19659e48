"""The server's settings: where the database is, token lifetimes, lock-out and tombstone knobs.

Every knob has a default and can be overridden by an environment variable
`GEMDESK_SERVER_<NAME>` (so tests can shorten a lock-out or a token's life). The database URL
also honours plain `DATABASE_URL`, as the README promises.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Mapping

import platformdirs

ENV_PREFIX = "GEMDESK_SERVER_"


def default_data_dir() -> Path:
    return platformdirs.user_data_path("gemdesk-server", appauthor=False)


@dataclass(frozen=True)
class Settings:
    data_dir: Path = field(default_factory=default_data_dir)
    # None: a SQLite file in data_dir (see `database_url`).
    database_url_override: str | None = None
    access_ttl_seconds: int = 15 * 60
    refresh_ttl_seconds: int = 30 * 24 * 3600
    # After a refresh, the access tokens it replaces live at most this long (requests in
    # flight with them finish); then only the new one works.
    refreshed_access_grace_seconds: int = 30
    lockout_user_failures: int = 5
    lockout_address_failures: int = 20
    lockout_window_seconds: int = 15 * 60
    lockout_seconds: int = 15 * 60
    # Password checks (argon2id: 64 MiB each, its four lanes already in parallel) at once in
    # one server process; how many more may wait, and how long, before a 503 with Retry-After.
    password_checks_at_once: int = 1
    password_checks_waiting: int = 256
    password_check_wait_seconds: int = 10
    # Feed pages (up to 5,000 listings, several MiB each while built) at once, the same way.
    feed_pages_at_once: int = 4
    feed_pages_waiting: int = 1000
    feed_page_wait_seconds: int = 30
    # Addresses (or networks, "10.0.0.0/8") of reverse proxies whose X-Forwarded-For is
    # believed, comma-separated; none by default: the peer's own address is the client's.
    trusted_proxies: str = ""
    tombstone_horizon_days: int = 90
    # The catalogue snapshot (server/services/snapshot.py): the scheduler looks every
    # `snapshot_check_seconds` (0: never; `gemdesk-server snapshot` still builds one) and
    # builds when there is none, or in the night hours (IST) when the last is at least
    # `snapshot_every_hours` old and the feed moved at least `snapshot_min_changes` since.
    snapshot_check_seconds: int = 600
    snapshot_every_hours: int = 20
    snapshot_min_changes: int = 1000
    snapshot_night_from_hour_ist: int = 1
    snapshot_night_to_hour_ist: int = 5
    snapshot_keep_hours: int = 48
    # 1: the server's clock can be moved forward through /api/v1/test/clock (end-to-end tests
    # of a whole procurement in seconds). Never on in production.
    test_clock: int = 0
    # The GeM Desk release office IT should deploy now (e.g. "0.2.0"), announced in /health
    # so that older desktops can say a newer version exists; empty: nothing announced.
    latest_client_version: str = ""

    @property
    def database_url(self) -> str:
        if self.database_url_override:
            return self.database_url_override
        return f"sqlite:///{Path(self.data_dir) / 'marketplace.sqlite'}"

    @property
    def access_ttl(self) -> timedelta:
        return timedelta(seconds=self.access_ttl_seconds)

    @property
    def refresh_ttl(self) -> timedelta:
        return timedelta(seconds=self.refresh_ttl_seconds)

    @property
    def lockout_window(self) -> timedelta:
        return timedelta(seconds=self.lockout_window_seconds)

    @property
    def lockout(self) -> timedelta:
        return timedelta(seconds=self.lockout_seconds)

    def ensure_data_dir(self) -> None:
        """The SQLite default needs its folder; a PostgreSQL URL needs none."""
        if not self.database_url_override:
            Path(self.data_dir).mkdir(parents=True, exist_ok=True)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, data_dir: Path | str | None = None) -> "Settings":
        """Defaults, overridden by GEMDESK_SERVER_<NAME> variables, then by `data_dir`."""
        env = os.environ if env is None else env
        values: dict[str, object] = {}
        for spec in dataclasses.fields(cls):
            if spec.name == "database_url_override":
                raw = env.get(ENV_PREFIX + "DATABASE_URL") or env.get("DATABASE_URL")
            else:
                raw = env.get(ENV_PREFIX + spec.name.upper())
            if raw is None or raw == "":
                continue
            if spec.name == "data_dir":
                values[spec.name] = Path(raw)
            elif spec.type == "int":
                try:
                    values[spec.name] = int(raw)
                except ValueError:
                    raise ValueError(f"{ENV_PREFIX}{spec.name.upper()} must be a whole number, not {raw!r}") from None
            else:
                values[spec.name] = raw
        if data_dir is not None:
            values["data_dir"] = Path(data_dir)
        return cls(**values)  # type: ignore[arg-type]

"""The support diagnostics ("Copy diagnostics" in the Help menu and the About dialog): what
a support desk asks on the phone, as plain text to paste into a message. Versions, paths,
the connection and whether the marketplace answers, the changes waiting, the machine
configuration. Never a token or a password: the signed-in session is named, not shown, and
the whole text passes through app/redact.py before anyone sees it. Blocking (it asks the
server once, with a short timeout): call it off the GUI thread. Qt-free.
"""

from __future__ import annotations

import platform
import sqlite3
import sys
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import Any, Mapping

from app import __version__
from app.api import ApiClient, ApiError, Offline
from app.build_info import build_label, frozen, is_newer
from app.config import log_dir
from app.redact import scrub
from app.workspace import Workspace


@dataclass(frozen=True)
class Reachability:
    """What the marketplace's health address answered (or why it did not)."""

    reachable: bool
    detail: str  # "version 0.1.0, sqlite" or the reason it could not be reached
    latest_client_version: str | None = None

    @property
    def newer_version(self) -> str | None:
        """A release IT should deploy that is newer than this one, if the server names one."""
        return self.latest_client_version if is_newer(self.latest_client_version) else None


def reach(workspace: Workspace, timeout: float = 5.0) -> Reachability:
    connection = workspace.settings.connection
    if not connection.server_url:
        return Reachability(False, "no server address set")
    try:
        client = ApiClient(replace(connection, max_retries=0, connect_timeout=timeout, read_timeout=timeout))
        try:
            answer: Mapping[str, Any] = client.health()
        finally:
            client.close()
    except (Offline, ApiError) as error:
        return Reachability(False, f"not reachable: {error}")
    except ValueError as error:  # e.g. an address requests cannot use
        return Reachability(False, f"not usable: {error}")
    latest = answer.get("latest_client_version")
    return Reachability(True, f"answers: version {answer.get('version', '?')}, {answer.get('database', '?')}",
                        str(latest) if latest else None)


def report(workspace: Workspace, toolkit: Mapping[str, str] | None = None,
           reachability: Reachability | None = None) -> str:
    """The diagnostics as text. `toolkit`: what the windows add (Qt's versions, its platform)."""
    reachability = reachability or reach(workspace)
    settings = workspace.settings
    connection = settings.connection
    counts = workspace.outbox.counts()
    requests = workspace.procurement.requests(("pending", "sent"))
    refused = workspace.procurement.requests(("rejected",))
    user = workspace.user or {}
    secrets = workspace.secrets
    lines = [
        f"GeM Desk {__version__}, build {build_label()}{', frozen' if frozen() else ''}",
        f"Made: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC",
        f"System: {platform.platform()}; Python {platform.python_version()}; SQLite {sqlite3.sqlite_version}",
        *(f"{name}: {value}" for name, value in (toolkit or {}).items()),
        "",
        f"Server: {connection.server_url or '(not set)'} ({reachability.detail})",
        f"Newer version announced: {reachability.newer_version or 'no'}",
        f"Proxy: {connection.proxy_url or '(the system settings)'}",
        f"CA bundle: {connection.ca_bundle or '(the usual trusted certificates)'}",
        f"User: {user.get('username') or settings.username or '(nobody signed in)'}"
        f"{' (' + user['role'] + ')' if user.get('role') else ''}; "
        f"session: {'signed in' if workspace.session else 'not signed in'}",
        f"Keyring: {type(secrets.backend).__module__}.{type(secrets.backend).__name__} "
        f"({'available' if secrets.available else 'not available: the password is asked at each start'})",
        f"Language: {settings.language}; sync every {settings.sync_interval_minutes} minutes",
        "",
        f"Changes waiting to be sent: {counts['pending'] + len(requests)} "
        f"({counts['pending']} listing changes, {len(requests)} buying steps); "
        f"conflicts: {counts['conflict']}; refused: {counts['rejected'] + len(refused)}",
        f"Listings in the cache: {workspace.cache.count():,}; last sync: {workspace.cache.state('last_sync_at') or 'never'}",
        "",
        f"Data folder: {workspace.folder}",
        f"Log folder: {log_dir()}",
        f"Program: {sys.executable}",
        *workspace.policy.describe(),
    ]
    return scrub("\n".join(lines)) + "\n"

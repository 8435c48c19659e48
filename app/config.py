"""Where the client keeps its files, and the connection settings a user (or office IT) sets.

The data folder comes from `--data-dir`, else `GEMDESK_HOME`, else the user's data folder
(platformdirs). It holds the rebuildable cache, the outbox of unsynced work and
`settings.json`. Nothing secret is written here: tokens live in the OS keyring only.
The values an administrator deployed for the whole computer (app/machine_config.py) are
laid over the user's settings as they are read, and left out of what is saved.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path

import platformdirs

from app.machine_config import NO_POLICY, MachinePolicy
from app.storage import make_folder, problem_of

APP_NAME = "gemdesk"


def data_dir(explicit: Path | str | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    if os.environ.get("GEMDESK_HOME"):
        return Path(os.environ["GEMDESK_HOME"]).expanduser()
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def has_screen() -> bool:
    """Whether windows can be shown: on Linux a display server (or a Qt platform chosen
    explicitly, e.g. offscreen); elsewhere always."""
    if sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def log_dir() -> Path:
    return platformdirs.user_log_path(APP_NAME, appauthor=False)


@dataclass(frozen=True)
class ConnectionSettings:
    """How to reach the marketplace: what `requests` needs, and nothing secret."""

    server_url: str = ""
    proxy_url: str = ""  # e.g. http://proxy.office.gov.in:3128; empty: the system's settings
    ca_bundle: str = ""  # a PEM file for offices whose proxy re-signs TLS; empty: certifi's
    connect_timeout: float = 5.0
    # Seconds without a byte from a server that took the connection: then it is taken as hung
    # (app/api.py does not retry it), so a paused or stuck server is noticed in seconds.
    read_timeout: float = 15.0
    max_retries: int = 4


@dataclass(frozen=True)
class ClientSettings:
    connection: ConnectionSettings = ConnectionSettings()
    username: str = ""
    language: str = "en"
    sync_interval_minutes: int = 5
    # {username: the main window's size, place and column widths} (app/window_layout.py)
    windows: dict = field(default_factory=dict)
    rupee_sign: str = "auto"  # "auto" (₹ where the screen's font has it), "₹" or "Rs"

    @classmethod
    def load(cls, folder: Path, policy: MachinePolicy = NO_POLICY) -> "ClientSettings":
        data = policy.apply(_read_json(folder / "settings.json"))
        known = {f.name for f in fields(ConnectionSettings)}
        connection = ConnectionSettings(**{k: v for k, v in (data.get("connection") or {}).items() if k in known})
        top = {f.name for f in fields(cls)} - {"connection"}
        if not isinstance(data.get("windows", {}), dict):
            data.pop("windows")
        return cls(connection=connection, **{k: v for k, v in data.items() if k in top})

    def save(self, folder: Path, policy: MachinePolicy = NO_POLICY) -> None:
        """Write the user's own choices (a StorageProblem when the folder cannot take them)."""
        path = make_folder(folder) / "settings.json"
        temporary = path.with_suffix(".json.tmp")
        try:
            temporary.write_text(json.dumps(policy.user_part(asdict(self)), indent=2, ensure_ascii=False), encoding="utf-8")
            os.replace(temporary, path)  # never a half-written settings file
        except OSError as error:
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)
            raise problem_of(error, path) or error from error

    def with_server(self, server_url: str, username: str) -> "ClientSettings":
        return replace(self, connection=replace(self.connection, server_url=server_url.rstrip("/")), username=username)


def _read_json(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}

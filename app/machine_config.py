"""The machine-wide configuration that office IT deploys with the installer: the server
address, proxy, CA bundle and language for everyone on this computer, and where the office
keeps its copy of the catalogue snapshot (SNAPSHOT_SOURCE: a folder such as a network share,
or a web address; app/snapshot.py still checks every file against the marketplace's SHA-256).

Where it lives:
- Windows: the registry key HKLM\\Software\\GeM Desk, written by the MSI's Registry table from
  its public properties (SERVER_URL, PROXY_URL, CA_BUNDLE, LANGUAGE, USER_MAY_CHANGE); and
  HKLM\\Software\\Policies\\GeM Desk, where Group Policy may set the same values, which win.
  Only administrators can write either. Registry, not a file: the MSI writes it from plain
  tables (no custom action), and Group Policy already knows how to set it.
- elsewhere: the INI file /etc/gemdesk/machine.ini, section [gemdesk].
- GEMDESK_MACHINE_CONFIG names an INI file to read instead, on any system (tests, or a
  machine where IT prefers a file).

An administrator's value is the default for every user. A user may override it with their
own settings only for the settings named in `user_may_change` (e.g. "LANGUAGE,PROXY_URL");
every other value the administrator set is locked. A setting the administrator did not set
is the user's alone. A value that is not valid is ignored (never applied half-way) and
named in `problems`, which the log and the support diagnostics show. Qt-free.
"""

from __future__ import annotations

import configparser
import logging
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

log = logging.getLogger(__name__)

ENV_VARIABLE = "GEMDESK_MACHINE_CONFIG"
LINUX_PATH = Path("/etc/gemdesk/machine.ini")
REGISTRY_KEYS = (r"Software\GeM Desk", r"Software\Policies\GeM Desk")  # the installer's, then Group Policy's
INI_SECTION = "gemdesk"

# Setting name (settings.json, INI) -> registry value name (what the MSI writes).
SETTINGS = {"server_url": "ServerUrl", "proxy_url": "ProxyUrl", "ca_bundle": "CaBundle", "language": "Language",
            "snapshot_source": "SnapshotSource"}
USER_MAY_CHANGE = "user_may_change"
REGISTRY_USER_MAY_CHANGE = "UserMayChange"
CONNECTION_SETTINGS = ("server_url", "proxy_url", "ca_bundle")  # kept under "connection" in settings.json
LANGUAGE_CODES = ("en", "hi")


@dataclass(frozen=True)
class MachinePolicy:
    values: Mapping[str, str] = field(default_factory=dict)  # valid administrator values, by setting
    user_may_change: frozenset[str] = frozenset()
    source: str = ""  # where it was read, for the diagnostics; empty: nothing deployed
    problems: tuple[str, ...] = ()

    def locked(self, name: str) -> bool:
        """Whether the administrator's value stands whatever the user chose."""
        return name in self.values and name not in self.user_may_change

    def locked_value(self, name: str) -> str | None:
        return self.values[name] if self.locked(name) else None

    def apply(self, user: Mapping[str, Any]) -> dict[str, Any]:
        """settings.json's data as the app must use it: the administrator's value wherever
        it is locked, or where the user has not chosen one."""
        data = _copy(user)
        for name, value in self.values.items():
            container = _container(data, name)
            if self.locked(name) or not container.get(name):
                container[name] = value
        return data

    def user_part(self, effective: Mapping[str, Any]) -> dict[str, Any]:
        """What of the effective settings is the user's own, to be saved: not a locked value,
        and not a value that is just the administrator's default (so it follows the
        administrator if IT deploys another)."""
        data = _copy(effective)
        for name, value in self.values.items():
            container = _container(data, name)
            if self.locked(name) or container.get(name) == value:
                container.pop(name, None)
        return data

    def describe(self) -> list[str]:
        """One line per administrator setting (and per problem), for the support diagnostics."""
        if not self.source:
            return ["Machine configuration: none deployed"]
        lines = [f"Machine configuration: {self.source}"]
        for name in SETTINGS:
            if name in self.values:
                state = "locked" if self.locked(name) else "default, user may change"
                lines.append(f"  {name} = {self.values[name]} ({state})")
        lines += [f"  problem: {problem}" for problem in self.problems]
        return lines


NO_POLICY = MachinePolicy()


def read_machine_policy() -> MachinePolicy:
    """The policy deployed on this computer (NO_POLICY where there is none)."""
    explicit = os.environ.get(ENV_VARIABLE)
    if explicit:
        return read_ini(Path(explicit))
    if sys.platform == "win32":
        return parse(_read_registry(), " and ".join(f"HKLM\\{key}" for key in REGISTRY_KEYS))
    return read_ini(LINUX_PATH)


def read_ini(path: Path) -> MachinePolicy:
    if not path.exists():
        return NO_POLICY
    parser = configparser.ConfigParser(interpolation=None)
    try:
        with path.open(encoding="utf-8-sig") as file:  # Notepad's UTF-8 has a BOM
            parser.read_file(file)
    except (OSError, UnicodeDecodeError, configparser.Error) as error:
        problem = f"the file cannot be read ({_first_line(error)}); none of it is applied"
        log.warning("machine configuration %s: %s", path, problem)
        return MachinePolicy(source=str(path), problems=(problem,))
    if not parser.has_section(INI_SECTION):
        problem = f"it has no [{INI_SECTION}] section; none of it is applied"
        log.warning("machine configuration %s: %s", path, problem)
        return MachinePolicy(source=str(path), problems=(problem,))
    return parse(dict(parser.items(INI_SECTION)), str(path))


def parse(raw: Mapping[str, str], source: str) -> MachinePolicy:
    """Check each value and keep the valid ones. Names are case-blind and may be written as
    the setting (server_url), the MSI property (SERVER_URL) or the registry value (ServerUrl)."""
    if not raw:
        return NO_POLICY
    by_alias = {alias: name for name, registry in SETTINGS.items() for alias in (name, registry.lower())}
    values: dict[str, str] = {}
    allowed: frozenset[str] = frozenset()
    problems: list[str] = []
    for key, value in raw.items():
        name, value = key.strip().lower(), (value or "").strip()
        if name in (USER_MAY_CHANGE, REGISTRY_USER_MAY_CHANGE.lower()):
            allowed, unknown = _allowed(value, by_alias)
            problems += [f"{USER_MAY_CHANGE.upper()}: there is no setting called {item}" for item in unknown]
            continue
        if name not in by_alias:
            problems.append(f"{key}: not a GeM Desk setting (known: {', '.join(n.upper() for n in SETTINGS)})")
            continue
        name = by_alias[name]
        if not value:
            continue  # an empty value is "not set", as the MSI writes a property nobody gave
        problem = _problem(name, value)
        if problem:
            problems.append(f"{name.upper()}: {problem}; it is ignored")
        else:
            values[name] = value.rstrip("/") if name == "server_url" else value
    for problem in problems:
        log.warning("machine configuration %s: %s", source, problem)
    return MachinePolicy(values=values, user_may_change=allowed, source=source, problems=tuple(problems))


def _allowed(value: str, by_alias: Mapping[str, str]) -> tuple[frozenset[str], list[str]]:
    items = [item.strip() for item in value.replace(";", ",").split(",") if item.strip()]
    known = {by_alias[item.lower()] for item in items if item.lower() in by_alias}
    return frozenset(known), [item for item in items if item.lower() not in by_alias]


def _problem(name: str, value: str) -> str | None:
    if name == "server_url" and not value.startswith(("https://", "http://")):
        return f"{value!r} must start with https:// (or http:// for a test server)"
    if name == "proxy_url" and not value.startswith(("http://", "https://", "socks5://")):
        return f"{value!r} must be written as http://host:port (https:// and socks5:// work too)"
    if name == "ca_bundle" and not Path(value).is_file():
        return f"there is no file at {value}"
    if name == "snapshot_source" and "://" in value and not value.startswith(("https://", "http://")):
        return f"{value!r} must be a folder (a network share) or an http:// or https:// address"
    if name == "language" and value not in LANGUAGE_CODES:
        return f"{value!r} is not one of {', '.join(LANGUAGE_CODES)}"
    return None


def _read_registry() -> dict[str, str]:
    """The string values of both keys, Group Policy's over the installer's; empty ones (a
    property the MSI was not given) are left out. Windows only. The 64-bit view, where the
    x64 MSI writes, whatever the bitness of this Python."""
    import winreg

    values: dict[str, str] = {}
    for path in REGISTRY_KEYS:
        try:
            key = winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, path, 0, winreg.KEY_READ | winreg.KEY_WOW64_64KEY)
        except OSError:  # no such key
            continue
        with key:
            index = 0
            while True:
                try:
                    name, value, kind = winreg.EnumValue(key, index)
                except OSError:  # no more values
                    break
                index += 1
                if kind == winreg.REG_EXPAND_SZ:
                    value = winreg.ExpandEnvironmentStrings(value)
                if kind in (winreg.REG_SZ, winreg.REG_EXPAND_SZ) and value.strip():
                    values[name] = value
    return values


def _copy(data: Mapping[str, Any]) -> dict[str, Any]:
    copied = dict(data)
    copied["connection"] = dict(data.get("connection") or {})
    return copied


def _container(data: dict[str, Any], name: str) -> dict[str, Any]:
    return data["connection"] if name in CONNECTION_SETTINGS else data


def _first_line(error: Exception) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__

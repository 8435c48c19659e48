"""The MSI that office IT deploys, built by wixl from packaging/windows/gemdesk.wxs over the
frozen bundle, read back with msiinfo: what Windows Installer will do with it (per-machine,
Program Files, Start menu, major upgrades under one UpgradeCode, no custom actions) and
where its public properties go (the machine-wide configuration the app reads)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import pytest

from app import __version__
from app.machine_config import REGISTRY_KEYS, REGISTRY_USER_MAY_CHANGE, SETTINGS
from tests.packaging.conftest import ROOT, needs

UPGRADE_CODE = "{19EC1768-8224-4B06-B0B6-C0B42839065C}"  # never changes: every version upgrades the last
PUBLIC_PROPERTIES = {"SERVER_URL": "ServerUrl", "PROXY_URL": "ProxyUrl", "CA_BUNDLE": "CaBundle",
                     "LANGUAGE": "Language", "SNAPSHOT_SOURCE": "SnapshotSource", "USER_MAY_CHANGE": "UserMayChange"}
HKLM = "2"


@pytest.fixture(scope="session")
def msiinfo() -> str:
    return needs("msiinfo", "apt-get install msitools")


def table(msiinfo: str, msi: Path, name: str) -> list[dict[str, str]]:
    """A table's rows, by column name (msiinfo export: names, types, key, then the rows)."""
    text = subprocess.run([msiinfo, "export", str(msi), name], capture_output=True, text=True, check=True).stdout
    lines = text.split("\r\n") if "\r\n" in text else text.split("\n")
    columns = lines[0].split("\t")
    return [dict(zip(columns, line.split("\t"))) for line in lines[3:] if line]


def properties(msiinfo: str, msi: Path) -> dict[str, str]:
    return {row["Property"]: row["Value"] for row in table(msiinfo, msi, "Property")}


def test_product_and_upgrade_codes(msiinfo, msi):
    found = properties(msiinfo, msi)
    assert found["UpgradeCode"] == UPGRADE_CODE
    assert re.fullmatch(r"\{[0-9A-F-]{36}\}", found["ProductCode"]) and found["ProductCode"] != UPGRADE_CODE
    assert (found["ProductName"], found["ProductVersion"], found["Manufacturer"]) == ("GeM Desk", __version__, "GeM Desk")
    upgrades = {row["ActionProperty"]: row for row in table(msiinfo, msi, "Upgrade")}
    # A major upgrade: any earlier version under the same UpgradeCode is found and removed...
    assert upgrades["WIX_UPGRADE_DETECTED"]["UpgradeCode"] == UPGRADE_CODE
    assert upgrades["WIX_UPGRADE_DETECTED"]["VersionMax"] == __version__
    # ...and a newer one installed already refuses the older package.
    assert upgrades["WIX_DOWNGRADE_DETECTED"]["VersionMin"] == __version__
    actions = {row["Action"] for row in table(msiinfo, msi, "InstallExecuteSequence")}
    assert {"FindRelatedProducts", "RemoveExistingProducts", "InstallFiles", "WriteRegistryValues"} <= actions


def test_a_per_machine_install_into_program_files(msiinfo, msi):
    assert properties(msiinfo, msi)["ALLUSERS"] == "1"
    summary = subprocess.run([msiinfo, "suminfo", str(msi)], capture_output=True, text=True, check=True).stdout
    assert "Template: x64;1033" in summary
    directories = {row["Directory"]: row for row in table(msiinfo, msi, "Directory")}
    assert directories["INSTALLDIR"]["Directory_Parent"] == "ProgramFiles64Folder"
    assert directories["INSTALLDIR"]["DefaultDir"] == "GeM Desk"
    components = table(msiinfo, msi, "Component")
    assert all(int(row["Attributes"]) & 256 for row in components)  # 64-bit components: the 64-bit registry too


def test_every_file_of_the_bundle_is_installed(msiinfo, msi, frozen_bundle):
    files = table(msiinfo, msi, "File")
    staged = [path for path in frozen_bundle.rglob("*") if path.is_file()]
    assert len(files) == len(staged)
    names = {row["FileName"].split("|")[-1] for row in files}  # "SHORT~1.TTF|long name.ttf"
    assert {"NotoSansDevanagari-Regular.ttf", "OFL.txt", "gemdesk_hi.qm", "gemdesk.svg", "build.json"} <= names


def test_a_start_menu_shortcut_and_an_uninstall_entry(msiinfo, msi):
    (shortcut,) = table(msiinfo, msi, "Shortcut")
    assert (shortcut["Directory_"], shortcut["Name"], shortcut["Target"]) == (
        "ProgramMenuFolder", "GeM Desk", "[INSTALLDIR]GeMDesk.exe")
    assert shortcut["Icon_"] == "GeMDeskIcon"
    found = properties(msiinfo, msi)
    # Windows Installer makes the uninstall entry of every product; it shows our icon, with
    # no "Change" or "Repair" (there is nothing to choose).
    assert (found["ARPPRODUCTICON"], found["ARPNOMODIFY"], found["ARPNOREPAIR"]) == ("GeMDeskIcon", "1", "1")


def test_no_custom_actions(msiinfo, msi):
    assert table(msiinfo, msi, "CustomAction") == []
    assert table(msiinfo, msi, "Binary") == []


def test_public_properties_go_to_the_machine_configuration_the_app_reads(msiinfo, msi):
    installer_key, _policies_key = REGISTRY_KEYS
    written = {row["Name"]: row["Value"] for row in table(msiinfo, msi, "Registry")
               if row["Root"] == HKLM and row["Key"] == installer_key}
    assert written == {name: f"[{prop}]" for prop, name in PUBLIC_PROPERTIES.items()}
    # The names the MSI writes are those app/machine_config.py reads.
    assert set(written) == set(SETTINGS.values()) | {REGISTRY_USER_MAY_CHANGE}
    assert all(row["Key"] != REGISTRY_KEYS[1] for row in table(msiinfo, msi, "Registry"))  # Group Policy's, not ours


def test_public_properties_are_secure_in_the_source():
    """Secure: passed on from msiexec's command line to the elevated install. WiX turns the
    attribute into SecureCustomProperties; wixl ignores it, so the source is checked."""
    namespace = {"wix": "http://schemas.microsoft.com/wix/2006/wi"}
    source = ElementTree.parse(ROOT / "packaging" / "windows" / "gemdesk.wxs")
    declared = {prop.get("Id"): prop.get("Secure") for prop in source.iterfind(".//wix:Property", namespace)}
    assert all(declared.get(name) == "yes" for name in PUBLIC_PROPERTIES), declared

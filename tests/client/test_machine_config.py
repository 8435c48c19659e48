"""The machine-wide configuration office IT deploys, read from a real file as the app reads
/etc/gemdesk/machine.ini (GEMDESK_MACHINE_CONFIG points at the test's file): an
administrator's value is every user's default, a user overrides it only where the
administrator allows, and every other value the administrator set is locked."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

import app.machine_config as machine_config
from app.config import ClientSettings, ConnectionSettings
from app.machine_config import ENV_VARIABLE, LINUX_PATH, NO_POLICY, read_machine_policy
from app.workspace import Workspace
from tests.client.conftest import PASSWORD, ROOT, subprocess_env

OFFICE = "https://gem.office.gov.in"


@pytest.fixture
def machine_ini(tmp_path, monkeypatch):
    """write(text) -> the machine configuration file, in force for this test."""
    path = tmp_path / "etc" / "gemdesk" / "machine.ini"

    def write(text: str) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        monkeypatch.setenv(ENV_VARIABLE, str(path))
        return path
    return write


def user_settings(folder: Path, **connection) -> None:
    """settings.json as a user's own choices leave it."""
    folder.mkdir(parents=True, exist_ok=True)
    data = {"connection": connection, "language": connection.pop("language", "en"), "username": "clerk"}
    (folder / "settings.json").write_text(json.dumps(data), encoding="utf-8")


def test_the_default_location_is_the_real_one(monkeypatch, tmp_path):
    assert LINUX_PATH == Path("/etc/gemdesk/machine.ini")
    assert machine_config.REGISTRY_KEYS == (r"Software\GeM Desk", r"Software\Policies\GeM Desk")
    monkeypatch.delenv(ENV_VARIABLE, raising=False)
    deployed = tmp_path / "machine.ini"
    deployed.write_text(f"[gemdesk]\nserver_url = {OFFICE}\n", encoding="utf-8")
    monkeypatch.setattr(machine_config, "LINUX_PATH", deployed)  # what /etc would hold
    assert read_machine_policy().values == {"server_url": OFFICE}
    monkeypatch.setattr(machine_config, "LINUX_PATH", tmp_path / "nothing-here.ini")
    assert read_machine_policy() == NO_POLICY


def test_an_administrators_values_are_every_new_users_settings(machine_ini, tmp_path):
    machine_ini(f"[gemdesk]\nSERVER_URL = {OFFICE}/\nPROXY_URL = http://proxy.office.gov.in:3128\nLANGUAGE = hi\n")
    workspace = Workspace(tmp_path / "new-user")
    try:
        settings = workspace.settings
        assert (settings.connection.server_url, settings.connection.proxy_url, settings.language) == (
            OFFICE, "http://proxy.office.gov.in:3128", "hi")
        assert settings.connection.ca_bundle == ""  # not set by the administrator: the user's (empty)
    finally:
        workspace.close()


def test_a_user_overrides_only_what_the_administrator_allows(machine_ini, tmp_path):
    machine_ini(f"[gemdesk]\nserver_url = {OFFICE}\nproxy_url = http://proxy.office.gov.in:3128\nlanguage = hi\n"
                "user_may_change = LANGUAGE, PROXY_URL\n")
    folder = tmp_path / "clerk"
    user_settings(folder, server_url="http://my-own-server:8765", proxy_url="http://my-proxy:8080", language="en")
    workspace = Workspace(folder)
    try:
        settings = workspace.settings
        assert settings.connection.server_url == OFFICE  # locked: the user's own is not used
        assert settings.connection.proxy_url == "http://my-proxy:8080"  # allowed: the user's
        assert settings.language == "en"  # allowed: the user's
        assert workspace.policy.locked("server_url") and not workspace.policy.locked("proxy_url")
    finally:
        workspace.close()


def test_what_is_saved_is_only_the_users_own(machine_ini, tmp_path):
    machine_ini(f"[gemdesk]\nserver_url = {OFFICE}\nlanguage = hi\nuser_may_change = language\n")
    folder = tmp_path / "clerk"
    workspace = Workspace(folder)
    try:
        workspace.save_settings(replace(workspace.settings, sync_interval_minutes=15))
    finally:
        workspace.close()
    saved = json.loads((folder / "settings.json").read_text(encoding="utf-8"))
    assert "server_url" not in saved["connection"] and "language" not in saved  # IT's, not the user's
    assert saved["sync_interval_minutes"] == 15

    # IT deploys another default language: a user who never chose one follows it...
    machine_ini(f"[gemdesk]\nserver_url = {OFFICE}\nlanguage = en\nuser_may_change = language\n")
    workspace = Workspace(folder)
    try:
        assert workspace.settings.language == "en"
        workspace.save_settings(replace(workspace.settings, language="hi"))  # ...until they choose one
    finally:
        workspace.close()
    assert json.loads((folder / "settings.json").read_text(encoding="utf-8"))["language"] == "hi"
    assert ClientSettings.load(folder, read_machine_policy()).language == "hi"


def test_without_a_machine_configuration_nothing_changes(tmp_path):
    folder = tmp_path / "clerk"
    ClientSettings(connection=ConnectionSettings(server_url="http://server:1"), language="hi").save(folder)
    assert ClientSettings.load(folder, read_machine_policy()) == ClientSettings(
        connection=ConnectionSettings(server_url="http://server:1"), language="hi")


@pytest.mark.parametrize(("line", "field", "message"), [
    ("server_url = gem.office.gov.in", "SERVER_URL", "must start with https://"),
    ("proxy_url = proxy.office.gov.in:3128", "PROXY_URL", "must be written as http://host:port"),
    ("ca_bundle = C:/nowhere/office-ca.pem", "CA_BUNDLE", "there is no file at C:/nowhere/office-ca.pem"),
    ("language = fr", "LANGUAGE", "'fr' is not one of en, hi"),
    ("servr_url = https://typo", "servr_url", "not a GeM Desk setting"),
    ("user_may_change = LANGUAGE, PROXIES", "USER_MAY_CHANGE", "there is no setting called PROXIES"),
])
def test_a_bad_value_is_named_and_ignored(machine_ini, line, field, message):
    good = ("server_url", OFFICE) if field == "LANGUAGE" else ("language", "hi")
    machine_ini(f"[gemdesk]\n{good[0]} = {good[1]}\n{line}\n")
    policy = read_machine_policy()
    assert len(policy.problems) == 1 and policy.problems[0].startswith(f"{field}: ") and message in policy.problems[0]
    assert policy.values == dict([good])  # the good value still holds
    assert f"problem: {policy.problems[0]}" in "\n".join(policy.describe())


def test_an_unreadable_file_applies_nothing_and_says_why(machine_ini):
    path = machine_ini("[gem desk]\nserver_url = https://gem.office.gov.in\n")  # not our section
    policy = read_machine_policy()
    assert policy.values == {} and policy.source == str(path)
    assert policy.problems == ("it has no [gemdesk] section; none of it is applied",)
    machine_ini("server_url = https://gem.office.gov.in\n")  # no section at all
    assert read_machine_policy().problems[0].startswith("the file cannot be read (File contains no section headers")


def test_a_ca_bundle_the_administrator_deployed_is_used(machine_ini, tmp_path):
    bundle = tmp_path / "office-ca.pem"
    bundle.write_text("-----BEGIN CERTIFICATE-----\n", encoding="utf-8")
    machine_ini(f"[gemdesk]\nca_bundle = {bundle}\n")
    assert ClientSettings.load(tmp_path / "desk", read_machine_policy()).connection.ca_bundle == str(bundle)


def test_signing_in_goes_to_the_locked_server(machine_ini, tmp_path, server, secrets):
    machine_ini(f"[gemdesk]\nserver_url = {server.url}\n")
    workspace = Workspace(tmp_path / "clerk", secrets)
    try:
        session = workspace.sign_in("http://127.0.0.1:9", "demo-buyer", PASSWORD)  # a server the user typed
        assert session.api.base == server.url
        assert workspace.settings.connection.server_url == server.url
    finally:
        workspace.close()


def test_gemdesk_status_shows_the_administrators_server(machine_ini, tmp_path):
    path = machine_ini(f"[gemdesk]\nserver_url = {OFFICE}\n")
    done = subprocess.run([sys.executable, "-m", "app", "status", "--data-dir", str(tmp_path / "desk")],
                          env=subprocess_env(**{ENV_VARIABLE: str(path)}), cwd=ROOT, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert f"Server: {OFFICE}" in done.stdout

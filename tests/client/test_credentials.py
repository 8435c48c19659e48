"""Sign-in and the refresh token: kept in the OS keyring only, never on disk in clear."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap

import pytest
from keyring.backends import null

from app.account import PasswordNeeded, sign_in, sign_out
from app.api import ApiError
from app.config import ConnectionSettings
from app.credentials import SecretStore
from tests.client.conftest import PASSWORD, ROOT


def settings_for(server) -> ConnectionSettings:
    return ConnectionSettings(server_url=server.url, max_retries=0)


def no_password() -> None:
    return None


def test_a_remembered_session_signs_in_without_the_password(server, secrets, keyring_backend):
    first = sign_in(settings_for(server), "demo-buyer", lambda: PASSWORD, secrets)
    assert first.remembered
    again = sign_in(settings_for(server), "demo-buyer", no_password, secrets)
    assert again.user["username"] == "demo-buyer"
    # The remembered token rotated: the keyring holds the newest one only.
    assert list(keyring_backend.secrets.values()) == [again.api.tokens.refresh_token]


def test_signing_out_forgets_the_session(server, secrets, keyring_backend):
    session = sign_in(settings_for(server), "demo-buyer", lambda: PASSWORD, secrets)
    sign_out(session, secrets)
    assert keyring_backend.secrets == {}
    with pytest.raises(PasswordNeeded):
        sign_in(settings_for(server), "demo-buyer", no_password, secrets)


def test_a_revoked_remembered_session_falls_back_to_the_password(server, secrets, keyring_backend):
    stolen = sign_in(settings_for(server), "demo-buyer", lambda: PASSWORD, secrets)
    stale = stolen.api.tokens.refresh_token
    stolen.api.refresh()  # the token rotates elsewhere; the stored one is now used up
    keyring_backend.secrets = {key: stale for key in keyring_backend.secrets}
    asked = []
    session = sign_in(settings_for(server), "demo-buyer", lambda: asked.append(1) or PASSWORD, secrets)
    assert asked and session.user["username"] == "demo-buyer"


def test_wrong_password_is_refused(server, secrets):
    with pytest.raises(ApiError) as refused:
        sign_in(settings_for(server), "demo-buyer", lambda: "wrong", secrets)
    assert refused.value.code == "invalid_credentials"


def test_without_a_keyring_nothing_is_kept_and_the_password_is_asked_again(server, device, tmp_path):
    store = SecretStore(null.Keyring())
    assert not store.available
    session = sign_in(settings_for(server), "demo-seller", lambda: PASSWORD, store)
    assert not session.remembered
    with pytest.raises(PasswordNeeded):
        sign_in(settings_for(server), "demo-seller", no_password, store)
    # A full sync writes no token anywhere in the data folder.
    desk = device("demo-seller")
    desk.sync()
    desk.close()
    tokens = [session.api.tokens.refresh_token, session.api.tokens.access_token,
              desk.session.api.tokens.refresh_token, desk.session.api.tokens.access_token]
    for path in desk.folder.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            assert not any(token.encode() in content for token in tokens), path


REAL_KEYRING_SCRIPT = textwrap.dedent("""
    import keyring
    from app.credentials import SecretStore
    store = SecretStore()
    assert store.available, keyring.get_keyring()
    assert store.save("http://gem.example", "clerk", "token-123")
    assert SecretStore().load("http://gem.example", "clerk") == "token-123"
    store.forget("http://gem.example", "clerk")
    assert store.load("http://gem.example", "clerk") is None
    print("real keyring:", type(keyring.get_keyring()).__name__)
""")


def test_the_real_os_keyring_holds_the_token(tmp_path):
    """The Secret Service (gnome-keyring on D-Bus), as on a Linux desktop."""
    needed = [shutil.which(tool) for tool in ("dbus-run-session", "gnome-keyring-daemon")]
    if not all(needed):
        reason = "dbus-run-session and gnome-keyring-daemon are needed (apt-get install gnome-keyring dbus-x11)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    script = f"echo -n test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1 && {sys.executable} -c '{REAL_KEYRING_SCRIPT}'"
    env = {k: v for k, v in os.environ.items() if k != "PYTHON_KEYRING_BACKEND"}
    env["HOME"] = str(tmp_path)  # a fresh login keyring, never the user's own
    # The daemon's output goes to /dev/null: it outlives the script and would hold our pipes.
    done = subprocess.run(["dbus-run-session", "--", "sh", "-c", script], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "real keyring: Keyring" in done.stdout


def test_a_named_backend_that_cannot_start_means_no_keyring(monkeypatch):
    """The frozen app names its backend (packaging/hooks/rthook_keyring.py); on a Linux
    desktop without a D-Bus session the Secret Service cannot start, and keyring raises
    instead of falling back. The app must then go on without a keyring, not fail to start."""
    import keyring.core

    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.SecretService.Keyring")
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)  # as at a fresh start
    store = SecretStore()
    assert not store.available
    assert store.load("http://gem.example", "clerk") is None
    assert store.save("http://gem.example", "clerk", "token-123") is False

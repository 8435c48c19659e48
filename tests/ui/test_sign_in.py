"""Signing in through the dialog: each failure is one sentence in the dialog, never a
traceback, and success opens the main window on the synced catalogue."""

from __future__ import annotations

import pytest

from tests.ui.conftest import PASSWORD, free_port, signed_in


def dialog_after(qtbot, desk, server_url: str, username: str, password: str):
    desk.start(server_url, username, password)
    dialog = desk.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.problem.isVisible() or desk.window is not None, timeout=20_000)
    return dialog


def test_good_sign_in_opens_the_catalogue(qtbot, desks, server):
    desk = desks.open()
    window = signed_in(qtbot, desk, server)
    assert desk.dialog is None and window.isVisible()
    assert "Demo Buyer" in window.windowTitle()
    qtbot.waitUntil(lambda: window.catalogue.model.rowCount() > 0 and window.catalogue.model.is_finished())
    assert window.catalogue.model.rowCount() == desk.workspace.cache.count() == len(server.versions_seen_by("demo-buyer"))
    assert window.status.connection_label.text() == "Online"
    assert desks.crashes == []


def test_wrong_password_says_so(qtbot, desks, server):
    dialog = dialog_after(qtbot, desks.open(), server.url, "demo-buyer", "not-the-password")
    assert dialog.problem.text() == "The user name or password is not right."
    assert dialog.isVisible() and dialog.sign_in_button.isEnabled()


def test_unreachable_server_says_so(qtbot, desks):
    url = f"http://127.0.0.1:{free_port()}"
    dialog = dialog_after(qtbot, desks.open(), url, "demo-buyer", PASSWORD)
    assert dialog.problem.text().startswith(f"The marketplace server at {url} cannot be reached.")


def test_tls_failure_points_to_the_ca_bundle(qtbot, desks, server):
    """https:// to a server that speaks plain HTTP fails the TLS handshake, as a proxy's
    unknown certificate would."""
    dialog = dialog_after(qtbot, desks.open(), server.url.replace("http://", "https://"), "demo-buyer", PASSWORD)
    assert "certificate is not trusted" in dialog.problem.text()
    assert "CA bundle" in dialog.problem.text()


def test_locked_out_account_says_when_to_try_again(qtbot, desks, server):
    desk = desks.open()
    for _ in range(5):
        dialog = dialog_after(qtbot, desk, server.url, "demo-seller", "wrong")
        dialog.close()
    dialog = dialog_after(qtbot, desk, server.url, "demo-seller", PASSWORD)
    assert dialog.problem.text().startswith("Too many failed sign-ins for this account: try again in about")


@pytest.mark.parametrize(("server_url", "username", "expected"), [
    ("", "demo-buyer", "Enter the server address"),
    ("gem.example.gov.in", "demo-buyer", "must start with https://"),
    ("http://127.0.0.1:9", "", "Enter your user name."),
])
def test_the_form_names_what_is_missing(qtbot, desks, server_url, username, expected):
    desk = desks.open()
    desk.start(server_url, username, "")
    desk.dialog.server.setText(server_url)
    desk.dialog.password.setText("x")
    qtbot.mouseClick(desk.dialog.sign_in_button, qtbot_button())
    assert expected in desk.dialog.problem.text()


def qtbot_button():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_remember_me_keeps_the_token_only_in_the_keyring(qtbot, desks, server, keyring_backend, tmp_path):
    desk = desks.open()
    signed_in(qtbot, desk, server)
    token = next(iter(keyring_backend.secrets.values()))
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert token.encode() not in path.read_bytes(), path

"""Desktop tests: the real windows, offscreen, against a real server process on loopback.

One QApplication for the session (pytest-qt's `qapp`), with the bundled fonts loaded.
Each test gets its own data folder, an in-memory keyring (we cannot run Windows Credential
Manager here) and a GemDesk whose crash handler records instead of showing a dialog.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import time  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from tests.client.conftest import (  # noqa: E402,F401 - shared fixtures: a real server and a keyring
    PASSWORD, MemoryKeyring, ServerProcess, device, free_port, keyring_backend, secrets, seeded_server_template,
    server, server_env,
)


# The commonest office screen (issue 15): the windows open on it as they would in an office.
OFFICE_SCREEN = {"name": "office", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96, "dpr": 1}


@pytest.fixture(scope="session")
def qapp_args(tmp_path_factory):
    if os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        return ["gemdesk-tests"]
    import json

    screens = tmp_path_factory.mktemp("screens") / "office.json"
    screens.write_text(json.dumps({"screens": [OFFICE_SCREEN]}))
    return ["gemdesk-tests", "-platform", f"offscreen:configfile={screens}"]


@pytest.fixture(scope="session", autouse=True)
def _fonts(qapp):
    from app.ui.i18n import load_fonts

    load_fonts()


@pytest.fixture(autouse=True)
def _fast_reconnect(monkeypatch):
    import app.ui.sync_controller as controller

    monkeypatch.setattr(controller, "RECONNECT_EVERY_MS", 300)


@pytest.fixture(autouse=True)
def questions(monkeypatch) -> list[str]:
    """A message box a window opens with exec() (a form's "Discard this bid?" when a test
    closes it) answers at once with its escape button ("Keep editing") instead of waiting for
    a click no one makes. The titles of the questions asked, in order, for a test to read."""
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []

    def answer(box):
        asked.append(box.windowTitle())
        if box.escapeButton() is not None:
            box.escapeButton().click()
        return 0
    monkeypatch.setattr(QMessageBox, "exec", answer)
    return asked


@pytest.fixture(autouse=True)
def _rupees_as_rs(monkeypatch):
    """The tests read amounts as "Rs 4,500.00": the app's "auto" sign is ₹ only where the
    font has it, so they run as on a screen whose font lacks it (a test of ₹ says otherwise)."""
    import app.ui.formats as formats

    monkeypatch.setattr(formats, "font_has_rupee_sign", lambda font: False)
    yield
    formats.set_rupee_sign("Rs", None)


@pytest.fixture(autouse=True)
def _english(qapp):
    from app.ui.i18n import set_language

    set_language(qapp, "en")
    yield
    set_language(qapp, "en")


class Desks:
    """Opens GemDesks on data folders; closes them all at the end of the test."""

    def __init__(self, qapp, tmp_path: Path, secrets) -> None:
        self.qapp, self.tmp_path, self.secrets = qapp, tmp_path, secrets
        self.opened = []
        self.crashes: list[str] = []

    def open(self, name: str = "desk"):
        from app.ui.main import GemDesk

        desk = GemDesk(self.qapp, self.tmp_path / name, self.secrets, crash_folder=self.tmp_path / "reports")
        desk.crash.show = self.crashes.append
        self.opened.append(desk)
        return desk

    def close_all(self) -> None:
        opened, self.opened = self.opened, []
        for desk in opened:
            for widget in (desk.window, desk.dialog):
                if widget is not None:
                    widget.close()
            desk.shutdown()


@pytest.fixture
def desks(qapp, tmp_path, secrets):
    made = Desks(qapp, tmp_path, secrets)
    yield made
    made.close_all()


def signed_in(qtbot, desk, server, username: str = "demo-buyer"):
    """Sign `desk` in through its dialog and wait for the first sync to finish."""
    desk.start(server.url, username, PASSWORD)
    qtbot.waitUntil(lambda: desk.window is not None, timeout=15_000)
    wait_for_sync(qtbot, desk)
    return desk.window


def wait_for_sync(qtbot, desk, timeout: int = 30_000) -> None:
    """Until no sync runs and none is about to (the last one's answer has arrived)."""
    qtbot.waitUntil(lambda: desk.workspace.cache.state("last_sync_at") is not None, timeout=timeout)
    qtbot.waitUntil(lambda: not desk.controller.running, timeout=timeout)
    qtbot.wait(50)


def wait_for_rows(qtbot, model, timeout: int = 10_000) -> None:
    qtbot.waitUntil(lambda: model.is_finished(), timeout=timeout)


def settle(qtbot, ms: int = 100) -> None:
    qtbot.wait(ms)
    time.sleep(0)


def shown_tab(qtbot, window, page):
    """Bring a page of the main window to the front and wait for the read that showing it starts."""
    loads = page.loads
    if window.tabs.currentWidget() is page:  # already in front (the officer opens on Orders): read it again
        page.reload()
    else:
        window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.loads > loads, timeout=15_000)
    return page

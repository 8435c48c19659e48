"""The desktop under a machine-wide configuration office IT deployed (a real file, as
/etc/gemdesk/machine.ini; GEMDESK_MACHINE_CONFIG points at it): the administrator's values
are the defaults, a user changes only what the administrator allows, and a locked value is
shown read-only."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QApplication

from app.machine_config import ENV_VARIABLE
from app.ui.settings_dialog import SettingsDialog

OFFICE = "https://gem.office.gov.in"


def devanagari(text: str) -> bool:
    return any("\u0900" <= ch <= "\u097f" for ch in text)


def test_an_administrators_defaults_locks_and_what_the_user_may_change(qtbot, desks, tmp_path, monkeypatch):
    machine = tmp_path / "machine.ini"
    machine.write_text(f"[gemdesk]\nserver_url = {OFFICE}\nproxy_url = http://proxy.office.gov.in:3128\n"
                       "language = hi\nuser_may_change = LANGUAGE, PROXY_URL\n", encoding="utf-8")
    monkeypatch.setenv(ENV_VARIABLE, str(machine))

    desk = desks.open()
    desk.start(server_url="http://127.0.0.1:9")  # an address typed on the command line: IT's wins
    dialog = desk.dialog
    assert dialog.server.text() == OFFICE and dialog.server.isReadOnly()
    assert devanagari(dialog.windowTitle())  # IT's default language, before anyone chose one
    assert desk.workspace.settings.connection.proxy_url == "http://proxy.office.gov.in:3128"

    settings = SettingsDialog(desk.workspace.settings, str(desk.workspace.folder), None, desk.workspace.policy)
    qtbot.addWidget(settings)
    settings.show()
    assert not settings.server.isEnabled() and settings.server.text() == OFFICE  # locked
    assert settings.proxy.isEnabled() and settings.language.isEnabled()  # IT allows these
    assert settings.locked_note.isVisible() and settings.server.toolTip() != ""
    settings.language.setCurrentIndex(settings.language.findData("en"))
    settings._save()
    desk.apply_settings(settings.result_settings)
    QApplication.processEvents()
    assert dialog.windowTitle() == "Sign in to GeM Desk"  # the user's choice, over IT's default
    saved = json.loads((desk.workspace.folder / "settings.json").read_text(encoding="utf-8"))
    assert saved["language"] == "en" and "server_url" not in saved["connection"]  # a locked value is not the user's

    # IT locks the language: the next start is in Hindi whatever the user chose, and says why.
    machine.write_text(f"[gemdesk]\nserver_url = {OFFICE}\nlanguage = hi\n", encoding="utf-8")
    desk.shutdown()
    desks.opened.remove(desk)
    again = desks.open()
    assert again.workspace.settings.language == "hi" and again.language == "hi"
    locked = SettingsDialog(again.workspace.settings, str(again.workspace.folder), None, again.workspace.policy)
    qtbot.addWidget(locked)
    assert not locked.language.isEnabled() and locked.language.currentData() == "hi"
    assert locked.proxy.isEnabled()  # not set by IT any more: the user's own again

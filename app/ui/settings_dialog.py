"""Settings: how to reach the marketplace (server, proxy, CA bundle), the language, how
often to sync, and where the data folder is (with a button to open it). A value office IT
locked in the machine-wide configuration (app/machine_config.py) is shown, read-only."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QSpinBox, QVBoxLayout, QWidget,
)

from app.config import ClientSettings
from app.machine_config import NO_POLICY, MachinePolicy
from app.ui.formats import RUPEE_SIGNS
from app.ui.i18n import LANGUAGES
from app.ui.widgets import Retranslating, problem_label


class SettingsDialog(Retranslating, QDialog):
    def __init__(self, settings: ClientSettings, data_folder: str, parent: QWidget | None = None,
                 policy: MachinePolicy = NO_POLICY) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.original = settings
        self.policy = policy
        connection = settings.connection
        self.server = QLineEdit(connection.server_url, self, objectName="settingsServer")
        self.proxy = QLineEdit(connection.proxy_url, self, objectName="settingsProxy")
        self.ca_bundle = QLineEdit(connection.ca_bundle, self, objectName="settingsCaBundle")
        self.browse = QPushButton(self, objectName="browseCaBundle")
        self.language = QComboBox(self, objectName="settingsLanguage")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(settings.language), 0))
        self.rupee_sign = QComboBox(self, objectName="settingsRupeeSign")
        for choice in RUPEE_SIGNS:
            self.rupee_sign.addItem("", choice)  # texts in retranslate()
        self.rupee_sign.setCurrentIndex(max(self.rupee_sign.findData(settings.rupee_sign), 0))
        self.interval = QSpinBox(self, objectName="settingsInterval")
        self.interval.setRange(1, 240)
        self.interval.setValue(settings.sync_interval_minutes)
        self.folder = QLineEdit(data_folder, self, objectName="settingsDataFolder")
        self.folder.setReadOnly(True)
        self.open_folder = QPushButton(self, objectName="openDataFolder")
        self.problem = problem_label(self, "settingsProblem")
        self.note = QLabel(self, wordWrap=True)
        self.note.setStyleSheet("color:#5f6368")
        self.locked_note = QLabel(self, objectName="settingsLocked", wordWrap=True)
        self.locked_note.setStyleSheet("color:#5f6368")
        self.locked_fields = {name: field for name, field in (
            ("server_url", self.server), ("proxy_url", self.proxy), ("ca_bundle", self.ca_bundle),
            ("language", self.language)) if policy.locked(name)}
        for field in self.locked_fields.values():
            field.setEnabled(False)
        self.browse.setEnabled("ca_bundle" not in self.locked_fields)
        self.locked_note.setVisible(bool(self.locked_fields))

        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_bundle, 1)
        ca_row.addWidget(self.browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.open_folder)
        self.labels = [QLabel(self) for _ in range(7)]
        form = QFormLayout()
        for label, field in zip(self.labels, (self.server, self.proxy, ca_row, self.language, self.rupee_sign,
                                              self.interval, folder_row)):
            form.addRow(label, field)
        for label, field in zip(self.labels, (self.server, self.proxy, self.ca_bundle, self.language, self.rupee_sign,
                                              self.interval, self.folder)):
            label.setBuddy(field)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        self.browse.clicked.connect(self._choose_ca_bundle)
        self.open_folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(self.folder.text())))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.locked_note)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self.result_settings = settings
        self.retranslate()


    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        texts = (self.tr("Server address"), self.tr("Proxy"), self.tr("CA bundle"), self.tr("Language"),
                 self.tr("Amounts in"), self.tr("Sync every (minutes)"), self.tr("Data folder"))
        for label, text in zip(self.labels, texts):
            label.setText(text)
        signs = {"auto": self.tr("₹ where the screen’s font has it, else Rs"), "₹": self.tr("₹ (rupee sign)"),
                 "Rs": self.tr("Rs")}
        for index in range(self.rupee_sign.count()):
            self.rupee_sign.setItemText(index, signs[self.rupee_sign.itemData(index)])
        self.proxy.setPlaceholderText(self.tr("empty: the system's proxy settings"))
        self.ca_bundle.setPlaceholderText(self.tr("empty: the usual trusted certificates"))
        self.browse.setText(self.tr("Choose…"))
        self.open_folder.setText(self.tr("Open folder"))
        self.note.setText(self.tr("A new server address takes effect at the next sign-in. The data folder holds the "
                                  "catalogue cache and your unsent changes; your password is never stored there."))
        self.locked_note.setText(self.tr("The settings you cannot change here are set for this computer by your IT "
                                         "department."))
        for field in self.locked_fields.values():
            field.setToolTip(self.tr("Set by your IT department"))

    def _choose_ca_bundle(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Certificate file"), self.ca_bundle.text(),
                                              self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"))
        if path:
            self.ca_bundle.setText(path)

    def problem_with_input(self) -> str | None:
        server = self.server.text().strip()
        if server and not server.startswith(("http://", "https://")):
            return self.tr("Server address: it must start with https:// (or http:// for a test server).")
        bundle = self.ca_bundle.text().strip()
        if bundle and not Path(bundle).is_file():
            return self.tr("CA bundle: there is no file at %1.").replace("%1", bundle)
        proxy = self.proxy.text().strip()
        if proxy and not proxy.startswith(("http://", "https://", "socks5://")):
            return self.tr("Proxy: write it as http://host:port (https:// and socks5:// work too).")
        return None

    def _save(self) -> None:
        problem = self.problem_with_input()
        if problem:
            self.problem.setText(problem)
            self.problem.show()
            return
        connection = replace(self.original.connection, server_url=self.server.text().strip().rstrip("/"),
                             proxy_url=self.proxy.text().strip(), ca_bundle=self.ca_bundle.text().strip())
        self.result_settings = replace(self.original, connection=connection, language=self.language.currentData(),
                                       rupee_sign=self.rupee_sign.currentData(), sync_interval_minutes=self.interval.value())
        self.accept()

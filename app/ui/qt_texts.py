"""Qt's own words on our windows (the standard buttons of every QDialogButtonBox, QMessageBox
and QInputDialog: OK, Cancel, Save, Close, Yes, No...; a text field's context menu), listed so
that our translation files carry them.

Qt ships no Hindi catalogue (no qtbase_hi.qm), so in Hindi these stayed English. Qt asks for
them with QCoreApplication.translate under its own contexts ("QPlatformTheme" for the
standard buttons; "QGnomeTheme" on a GNOME desktop, which words some of them differently);
our translator answers for any context, so listing them here, where pyside6-lupdate finds
them, is all it takes: Qt's dialogs then retranslate themselves as ours do. Nothing calls
`standard_texts()` but the test that checks each is translated.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def standard_texts() -> list[str]:
    """Each of Qt's texts as it reads in the language now in effect (Qt's source strings,
    qtbase/src/gui/kernel/qplatformtheme.cpp, qgenericunixthemes.cpp, qwidgetlinecontrol)."""
    return [
        translate("QPlatformTheme", "OK"), translate("QPlatformTheme", "Save"), translate("QPlatformTheme", "Save All"),
        translate("QPlatformTheme", "Open"), translate("QPlatformTheme", "&Yes"), translate("QPlatformTheme", "Yes to &All"),
        translate("QPlatformTheme", "&No"), translate("QPlatformTheme", "N&o to All"), translate("QPlatformTheme", "Abort"),
        translate("QPlatformTheme", "Retry"), translate("QPlatformTheme", "Ignore"), translate("QPlatformTheme", "Close"),
        translate("QPlatformTheme", "Cancel"), translate("QPlatformTheme", "Discard"), translate("QPlatformTheme", "Help"),
        translate("QPlatformTheme", "Apply"), translate("QPlatformTheme", "Reset"),
        translate("QPlatformTheme", "Restore Defaults"),
        translate("QGnomeTheme", "&OK"), translate("QGnomeTheme", "&Save"), translate("QGnomeTheme", "&Cancel"),
        translate("QGnomeTheme", "&Close"), translate("QGnomeTheme", "Close without Saving"),
        translate("QMessageBox", "Show Details..."), translate("QMessageBox", "Hide Details..."),
        translate("QLineEdit", "&Undo"), translate("QLineEdit", "&Redo"), translate("QLineEdit", "Cu&t"),
        translate("QLineEdit", "&Copy"), translate("QLineEdit", "&Paste"), translate("QLineEdit", "Delete"),
        translate("QLineEdit", "Select All"),
    ]

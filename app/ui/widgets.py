"""Small pieces the windows share."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (QAbstractItemModel, QAbstractTableModel, QCoreApplication, QDate, QDateTime, QEvent,
                            QModelIndex, QPersistentModelIndex, QStandardPaths, Qt, QTime, QTimeZone)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QCompleter, QDateTimeEdit, QLabel, QMessageBox, QTableView,
                               QWidget)

from app.ui.i18n import current_language
from domain.listing import KeyParam
from domain.timefmt import IST

PROBLEM_STYLE = "color:#b3261e"

_retiring: set[QWidget] = set()


def retire(widget: QWidget) -> None:
    """Hide a window we are done with and delete it once Qt's event loop is back in charge.

    Dropping the last Python reference instead deletes it on the spot, under events Qt still
    has queued for it (the change of active window its hiding caused: a crash), or later on
    whatever thread the garbage collector happens to run."""
    widget.hide()
    _retiring.add(widget)
    widget.destroyed.connect(lambda: _retiring.discard(widget))
    widget.deleteLater()


class Retranslating:
    """A widget that sets its texts in `retranslate()` does so again when the language
    changes (Qt sends LanguageChange to every window when a translator is installed, and a
    widget passes it on to its children)."""

    def retranslate(self) -> None:
        raise NotImplementedError

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)  # type: ignore[misc]
        if event.type() == QEvent.Type.LanguageChange:
            # After the widget's children have had the event (QWidget passes it on to them):
            # a QDialogButtonBox words its standard buttons again when it gets it, and would
            # put "OK" back over a text we gave one ("Send for approval").
            self.retranslate()
        return handled


class RowsModel(QAbstractTableModel):
    """A table over a list of rows with fixed columns. A subclass names its COLUMNS, their
    headers (`headers()`, translated) and what a cell shows (`data`)."""

    COLUMNS: tuple[str, ...] = ()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def headers(self) -> dict[str, str]:
        raise NotImplementedError

    def row_at(self, index: QModelIndex | QPersistentModelIndex) -> Any | None:
        """The row behind a valid index of this model, else None."""
        return self.rows[index.row()] if index.isValid() and 0 <= index.row() < len(self.rows) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole or not 0 <= section < len(self.COLUMNS):
            return None
        return self.headers()[self.COLUMNS[section]]


def rows_table(parent: QWidget, object_name: str, model: QAbstractItemModel) -> QTableView:
    """A read-only table of whole rows, one chosen at a time, without row numbers: the list
    beside a page's details."""
    table = QTableView(parent, objectName=object_name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    return table


def ist_editor(parent: QWidget, object_name: str, moment: datetime) -> QDateTimeEdit:
    """A date and time as India reads it. The editor holds IST wall-clock time in a UTC-spec
    QDateTime, so the machine's own time zone (and its DST gaps) never shifts it."""
    editor = QDateTimeEdit(parent, objectName=object_name)
    editor.setTimeZone(QTimeZone.utc())
    editor.setCalendarPopup(True)
    editor.setDisplayFormat("dd MMM yyyy, HH:mm 'IST'")
    set_ist_moment(editor, moment)
    return editor


def set_ist_moment(editor: QDateTimeEdit, moment: datetime) -> None:
    """Show `moment` (to the minute) in an `ist_editor`."""
    local = moment.astimezone(IST)
    editor.setDateTime(QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute),
                                 QTimeZone.utc()))


def ist_moment(editor: QDateTimeEdit) -> datetime:
    """The moment an `ist_editor` shows (aware, IST)."""
    shown = editor.dateTime()
    day, clock = shown.date(), shown.time()
    return datetime(day.year(), day.month(), day.day(), clock.hour(), clock.minute(), tzinfo=IST)


def problem_label(parent: QWidget, object_name: str) -> QLabel:
    """A hidden red line for what is wrong with an input; shown beside it when needed. Its
    line is kept while it is hidden, so the form does not jump (and a click land on another
    field) when a problem appears or goes."""
    label = QLabel(parent, objectName=object_name, wordWrap=True)
    label.setStyleSheet(PROBLEM_STYLE)
    label.setMinimumHeight(label.fontMetrics().height())
    policy = label.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    label.setSizePolicy(policy)
    label.hide()
    return label


CAPTION_ALIGNMENT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop


def caption_for(parent: QWidget, widget: QWidget, text: str = "") -> QLabel:
    """A form's caption for `widget`, as tall as it and centred on it: with the form's labels
    at the top (CAPTION_ALIGNMENT), it stays level with its input however much room the
    problem line under the input keeps."""
    label = QLabel(text, parent)
    label.setBuddy(widget)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    label.setMinimumHeight(widget.sizeHint().height())
    return label


def in_documents(file_name: str) -> str:
    """Where a save dialog starts: the user's Documents folder (not the program's, the
    default), with `file_name` in it."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return str(Path(documents) / file_name) if documents else file_name


class Touched:
    """The inputs of a form a person has changed, so that a problem shows only under a field
    that was touched, or everywhere once they tried to save: a new form opens without red."""

    def __init__(self) -> None:
        self.keys: set[Any] = set()
        self.tried = False

    def touch(self, key: Any) -> None:
        self.keys.add(key)

    def shows(self, key: Any) -> bool:
        return self.tried or key in self.keys


def confirm_discard(parent: QWidget, title: str, text: str, discard: str) -> bool:
    """Ask before a half-filled form is thrown away; True to throw it away ("Keep editing" is
    the default, so Enter or Esc keep the work)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("confirmDiscard")
    throw = box.addButton(discard, QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(QCoreApplication.translate("Widgets", "Keep editing"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is throw


class _ListCompleter(QCompleter):
    """Completes the last name of a comma-separated list ("Raipur, Du" -> "Raipur, Durg")."""

    def splitPath(self, path: str) -> list[str]:
        return [path.rsplit(",", 1)[-1].strip()]

    def pathFromIndex(self, index: QModelIndex) -> str:
        typed = self.widget().text() if self.widget() is not None else ""
        before = typed.rsplit(",", 1)[0] + ", " if "," in typed else ""
        return before + str(index.data())


def district_completer(parent: QWidget, districts: list[str], many: bool = False) -> QCompleter:
    """Districts chosen from those the marketplace knows (the catalogue cache's), matched
    anywhere in the name and whatever the case: "rai" offers Raipur. `many`: the field holds
    a comma-separated list, and the name being typed is completed."""
    completer = (_ListCompleter if many else QCompleter)(sorted(set(districts), key=str.casefold), parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    return completer


def key_param_label(param: Mapping[str, Any] | KeyParam) -> str:
    """A category's key parameter as the user reads it: its label in the user's language,
    with its unit ("Maximum load (kg)")."""
    get = param.get if isinstance(param, Mapping) else lambda key, default=None: getattr(param, key, default)
    label = get("label_hi" if current_language() == "hi" else "label_en") or get("name")
    return f"{label} ({get('unit')})" if get("unit") else label


def category_name(category: dict[str, Any]) -> str:
    """A category's name in the user's language."""
    return category["name_hi"] if current_language() == "hi" else category["name_en"]


def fill_categories(combo: QComboBox, categories: list[dict[str, Any]], selected: int | None, placeholder: str) -> None:
    """The categories by name in the user's language, after a "choose one" line, keeping
    `selected` chosen; quietly (no change signals while it fills)."""
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(placeholder, None)
    for category in sorted(categories, key=lambda c: category_name(c).casefold()):
        combo.addItem(category_name(category), category["id"])
    index = combo.findData(selected) if selected is not None else 0
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)

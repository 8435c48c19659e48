"""`gemdesk --self-test`: is this installation whole? What office IT (and CI, on the frozen
bundle) runs after installing, before any clerk sees the app.

It opens the core on a temporary data folder, renders the main window once (offscreen
where there is no screen), and checks what a freezer or an installer can lose: the bundled
fonts, our translations and Qt's own, the SVG icons, the platform's keyring backend (a real
secret is written, read and deleted), SQLite's FTS5 and the machine-wide configuration. One
line per check; exit code 0 only if every check passed. It never touches the network nor
the user's own data folder.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Callable

from app import __version__
from app.build_info import build_label, frozen
from app.config import has_screen

Check = tuple[str, bool, str]  # name, passed, what was found


def run_self_test(out: Callable[[str], None] | None = None) -> int:
    """Run every check, print one line each; 0 if all passed, else 1."""
    out = out or _printer()
    if not has_screen():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "gemdesk", "--self-test"])
    failed = 0
    for name, passed, detail in checks(app):
        out(f"{'ok  ' if passed else 'FAIL'}  {name}: {detail}")
        failed += not passed
    out(f"{'all checks passed' if not failed else f'{failed} check(s) failed'}")
    return 1 if failed else 0


def checks(app) -> list[Check]:
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    results: list[Check] = [("version", True, f"GeM Desk {__version__}, build {build_label()}, "
                                              f"{'frozen' if frozen() else 'Python ' + sys.version.split()[0]}, "
                                              f"Qt {qVersion()}, PySide6 {pyside_version}")]
    for check in (_sqlite_fts5, _fonts, _translations, _qt_translations, _icons, _style, _keyring,
                  _machine_configuration):
        results.append(_guarded(check, app))
    with tempfile.TemporaryDirectory(prefix="gemdesk-self-test-") as folder:
        results.append(_guarded(lambda app: _main_window(app, Path(folder)), app, name="main window"))
    return results


def _guarded(check: Callable, app, name: str | None = None) -> Check:
    """A check that raises has failed, with the error as its finding; the others still run."""
    try:
        return check(app)
    except Exception as error:  # noqa: BLE001 - a self-test reports everything, it never stops
        return name or check.__name__.strip("_").replace("_", " "), False, f"{type(error).__name__}: {error}"


def _sqlite_fts5(_app) -> Check:
    connection = sqlite3.connect(":memory:")
    try:
        connection.execute("CREATE VIRTUAL TABLE probe USING fts5(title)")
        connection.execute("INSERT INTO probe VALUES ('steel almirah'), ('ergonomic chair')")
        found = connection.execute("SELECT title FROM probe WHERE probe MATCH 'almi*'").fetchall()
    finally:
        connection.close()
    return "SQLite FTS5", found == [("steel almirah",)], f"SQLite {sqlite3.sqlite_version}, a prefix search found {found}"


def _fonts(_app) -> Check:
    from PySide6.QtGui import QFont, QFontMetrics

    from app.ui.i18n import DEVANAGARI_FAMILY, load_fonts

    families = load_fonts()
    glyph = QFontMetrics(QFont(DEVANAGARI_FAMILY)).inFontUcs4(ord("क"))
    return "fonts", DEVANAGARI_FAMILY in families and glyph, f"bundled {', '.join(families) or 'none'}; " \
                                                            f"Devanagari glyphs {'present' if glyph else 'missing'}"


def _translations(app) -> Check:
    from PySide6.QtCore import QCoreApplication

    from app.ui.i18n import current_language, set_language

    before = current_language()
    try:
        set_language(app, "hi")
        hindi = QCoreApplication.translate("MainWindow", "Catalogue")
        set_language(app, "en")
        english = QCoreApplication.translate("SyncStatusBar", "%n change(s) waiting", "", 1)
    finally:
        set_language(app, before)
    passed = hindi != "Catalogue" and any("\u0900" <= ch <= "\u097f" for ch in hindi) and english == "1 change waiting"
    return "translations", passed, f"Hindi {hindi!r}, English plural {english!r}"


def _qt_translations(_app) -> Check:
    from PySide6.QtCore import QLibraryInfo

    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    found = sorted(path.name for path in folder.glob("qtbase_*.qm")) if folder.is_dir() else []
    return "Qt translations", bool(found), f"{len(found)} qtbase files in {folder}"


def _icons(_app) -> Check:
    from PySide6.QtGui import QImageReader

    from app.ui.icons import icon

    svg = b"svg" in [bytes(name) for name in QImageReader.supportedImageFormats()]
    pixmap = icon("gemdesk").pixmap(32, 32)
    return "icons", svg and not pixmap.isNull(), f"SVG {'supported' if svg else 'not supported'}, " \
                                                 f"application icon {pixmap.width()}x{pixmap.height()}"


def _style(app) -> Check:
    from PySide6.QtWidgets import QStyleFactory

    styles = QStyleFactory.keys()
    detail = f"platform {app.platformName()}, style {app.style().name()}, available {', '.join(styles)}"
    if sys.platform == "win32":  # the native look needs Qt's Windows style plugin
        native = {"windows11", "windowsvista"} & {style.lower() for style in styles}
        return "style", bool(native), detail
    return "style", True, detail


def _keyring(_app) -> Check:
    import keyring

    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    service, account, secret = "GeM Desk self-test", f"probe-{uuid.uuid4().hex[:8]}", uuid.uuid4().hex
    try:
        backend.set_password(service, account, secret)
        read = backend.get_password(service, account)
        backend.delete_password(service, account)
    except Exception as error:  # noqa: BLE001 - any keyring failure is this check's finding
        return "keyring", False, f"{name} cannot keep a secret here: {type(error).__name__}: {error}"
    return "keyring", read == secret, f"{name} wrote, read and deleted a secret"


def _machine_configuration(_app) -> Check:
    from app.machine_config import read_machine_policy

    policy = read_machine_policy()
    return "machine configuration", not policy.problems, "; ".join(line.strip() for line in policy.describe())


def _main_window(app, folder: Path) -> Check:
    from app.machine_config import NO_POLICY
    from app.ui.main_window import MainWindow
    from app.ui.sync_controller import SyncController
    from app.ui.tasks import TaskManager
    from app.workspace import Workspace

    started = time.perf_counter()
    workspace = Workspace(folder, policy=NO_POLICY)
    tasks = TaskManager()
    controller = SyncController(workspace)
    try:
        window = MainWindow(workspace, tasks, controller)
        window.show()
        app.processEvents()
        picture = window.grab()
        seconds = time.perf_counter() - started
        window.close()
        window.deleteLater()
        app.processEvents()
    finally:
        controller.close()
        tasks.close()
        workspace.close()
    passed = not picture.isNull() and picture.width() > 0
    return "main window", passed, f"rendered {picture.width()}x{picture.height()} in {seconds:.2f} s " \
                                  f"on an empty cache in a temporary folder"


def _printer() -> Callable[[str], None]:
    """print, or where a windowed Windows program has no standard output, a file in the
    log folder (the console twin, gemdesk-cli.exe, prints)."""
    if sys.stdout is not None:
        return lambda line: print(line, flush=True)
    from app.config import log_dir

    folder = log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "self-test.txt"
    path.write_text("", encoding="utf-8")

    def write(line: str) -> None:
        with path.open("a", encoding="utf-8") as file:
            file.write(line + "\n")
    return write

"""The log file and the last line of defence: an unexpected error never ends the app.

Logs go to a rotating file in the user's log folder. An exception nobody handled (in a
slot, a worker's callback or a thread) is written to a report file beside the log, with
versions and the traceback but no secrets, and the user sees a short message with the
report's path; the app keeps running.
"""

from __future__ import annotations

import logging
import logging.handlers
import platform
import sys
import threading
import traceback
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from app import __version__
from app.redact import scrub

log = logging.getLogger(__name__)

LOG_FILE = "gemdesk.log"
__all__ = ["CrashHandler", "LOG_FILE", "scrub", "setup_logging", "write_report"]


def setup_logging(folder: Path, level: int = logging.INFO) -> Path:
    """Log to `folder`/gemdesk.log, rotated at 1 MB, five kept."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_FILE
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(min(root.level or level, level))
    return path


def write_report(folder: Path, error: BaseException) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    now = datetime.now(timezone.utc)
    path = folder / f"crash-{now:%Y%m%d-%H%M%S-%f}.txt"
    from PySide6 import __version__ as pyside_version

    lines = [
        f"GeM Desk {__version__}, {now.isoformat()}",
        f"Python {platform.python_version()}, PySide6 {pyside_version}, {platform.platform()}",
        f"Thread: {threading.current_thread().name}",
        "",
        *traceback.format_exception(type(error), error, error.__traceback__),
    ]
    path.write_text(scrub("\n".join(line.rstrip("\n") for line in lines)) + "\n", encoding="utf-8")
    return path


class CrashHandler:
    """Installed as sys.excepthook and threading.excepthook for the app's life."""

    def __init__(self, folder: Path, show: Callable[[str], None],
                 known: Callable[[BaseException], bool] | None = None) -> None:
        self.folder = folder
        self.show = show  # shows the user a short message; tests replace it
        # Handles a failure that is not a bug (a full disk, a damaged file): True when it did.
        self.known = known
        self._previous = (sys.excepthook, threading.excepthook)

    def install(self) -> None:
        sys.excepthook = self.handle
        threading.excepthook = lambda args: self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._previous

    def handle(self, kind, error, tb) -> None:
        if issubclass(kind, KeyboardInterrupt):
            return
        if error is None:
            error = kind()
        error.__traceback__ = tb
        try:
            if self.known is not None and self.known(error):
                log.warning("%s", error, exc_info=(kind, error, tb))
                return
        except Exception:  # noqa: BLE001 - fall back to the report
            log.exception("could not handle %s", kind.__name__)
        log.error("unexpected error", exc_info=(kind, error, tb))
        try:
            path = write_report(self.folder, error)
        except OSError as problem:
            log.error("could not write the crash report: %s", problem)
            path = None
        try:
            self.show(str(path) if path else "")
        except Exception:  # noqa: BLE001 - never fail while reporting a failure
            log.exception("could not show the error message")

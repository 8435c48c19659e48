"""The frozen app's entry point (PyInstaller): the same `gemdesk` command as the installed
package's, with its desktop app, its headless commands and `--self-test`.

Once the windows are up, app/ui/crash.py catches what nobody expected. Before that (an
import that fails in a broken installation, say) this is the last guard: a clerk gets one
sentence and the path of a report, never PyInstaller's traceback window.
"""

import sys


def report_failure(error: BaseException) -> int:
    import traceback
    from datetime import datetime, timezone

    from app.config import log_dir
    from app.redact import scrub

    text = scrub("".join(traceback.format_exception(type(error), error, error.__traceback__)))
    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"crash-{datetime.now(timezone.utc):%Y%m%d-%H%M%S}-start.txt"
        path.write_text(text, encoding="utf-8")
        where = str(path)
    except OSError:
        where = "(the report could not be written)"
    message = f"GeM Desk could not start. Please tell your IT department; a report for them is in {where}"
    if sys.stderr is not None:
        print(message, file=sys.stderr)
    elif sys.platform == "win32":  # the windowed GeMDesk.exe has no console to print to
        import ctypes

        ctypes.windll.user32.MessageBoxW(None, message, "GeM Desk", 0x10)
    return 1


def main() -> int:
    try:
        from app.cli import main as gemdesk

        return gemdesk()
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception as error:  # noqa: BLE001 - the last guard before the bootloader's own
        return report_failure(error)


if __name__ == "__main__":
    sys.exit(main())

"""The frozen bundle, as CI builds it with packaging/gemdesk.spec: its own --self-test passes
(with a real Secret Service keyring, as on a Linux desktop), it reads the machine-wide
configuration, and it carries the client only, within its size budget."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.packaging.conftest import needs

EXECUTABLE = "gemdesk-cli.exe" if sys.platform == "win32" else "gemdesk"  # on Windows the console twin prints


def bundle_size(folder: Path) -> int:
    """Bytes the bundle's files take on disk, as `du` counts them: PyInstaller's links on
    Linux (libQt6Core.so.6 -> PySide6/Qt/lib/...) count once, as the file they point to."""
    return sum(path.lstat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def run_self_test(bundle: Path, home: Path, **env: str) -> subprocess.CompletedProcess:
    """`gemdesk --self-test` of the bundle in a D-Bus session with an unlocked gnome-keyring
    of its own (HOME is a fresh folder: never the user's keyring)."""
    needs("dbus-run-session", "apt-get install dbus-x11")
    needs("gnome-keyring-daemon", "apt-get install gnome-keyring")
    clean = {k: v for k, v in os.environ.items() if k not in ("PYTHON_KEYRING_BACKEND", "QT_QPA_PLATFORM", "DISPLAY")}
    clean.update(HOME=str(home), **env)
    script = (f"echo -n test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1 && "
              f"'{bundle / EXECUTABLE}' --self-test")
    # The daemon's output goes to /dev/null: it outlives the script and would hold our pipes.
    return subprocess.run(["dbus-run-session", "--", "sh", "-c", script], env=clean, capture_output=True, text=True,
                          timeout=120)


def test_the_frozen_bundle_passes_its_self_test(frozen_bundle, tmp_path):
    machine = tmp_path / "machine.ini"
    machine.write_text("[gemdesk]\nserver_url = https://gem.office.gov.in\nlanguage = hi\nuser_may_change = language\n",
                       encoding="utf-8")
    done = run_self_test(frozen_bundle, tmp_path, GEMDESK_MACHINE_CONFIG=str(machine))
    lines = done.stdout.splitlines()
    assert done.returncode == 0, done.stdout + done.stderr
    assert lines[-1] == "all checks passed"
    assert any(line.startswith("ok    version: GeM Desk") and ", frozen," in line for line in lines)
    assert any(line.startswith("ok    keyring: keyring.backends.SecretService.Keyring wrote, read and deleted")
               for line in lines), lines  # the backend the spec names, not a guess
    assert any("server_url = https://gem.office.gov.in (locked)" in line and "language = hi (default, user may change)"
               in line for line in lines), lines
    assert "Traceback" not in done.stdout + done.stderr


def test_a_broken_bundle_fails_its_self_test(frozen_bundle, tmp_path):
    """The self-test can fail: the same bundle with its Hindi translation taken away."""
    import shutil

    broken = tmp_path / "GeMDesk"
    shutil.copytree(frozen_bundle, broken, symlinks=True)
    (broken / "_internal" / "resources" / "i18n" / "gemdesk_hi.qm").unlink()
    done = run_self_test(broken, tmp_path)
    assert done.returncode == 1
    assert any(line.startswith("FAIL  translations: Hindi 'Catalogue'") for line in done.stdout.splitlines()), done.stdout


def test_the_bundle_holds_the_client_only(frozen_bundle):
    internal = frozen_bundle / "_internal"
    for left_out in ("fastapi", "uvicorn", "alembic", "psycopg", "argon2", "openpyxl", "pytest", "hypothesis",
                     "PySide6/Qt/qml", "PySide6/Qt/plugins/platforms/libqwayland-egl.so"):
        assert not (internal / left_out).exists(), left_out
    modules = (frozen_bundle.parents[1] / "build" / "gemdesk" / "PYZ-00.toc").read_text(encoding="utf-8")
    assert "'server." not in modules and "'app.demo'" not in modules  # the marketplace server stays out
    for kept in ("resources/fonts/NotoSansDevanagari-Regular.ttf", "resources/fonts/OFL.txt",
                 "resources/i18n/gemdesk_hi.qm", "resources/icons/gemdesk.svg", "resources/build.json"):
        assert (internal / kept).is_file(), kept
    assert list((internal / "PySide6" / "Qt" / "translations").glob("qtbase_*.qm"))


def test_the_bundle_stays_within_its_size_budget(frozen_bundle):
    # The target is 150 MB installed (packaging/README.md); Linux is about 147 MB today, of
    # which the ICU data Qt links on Linux (38 MB) and the cryptography the Secret Service
    # needs (14 MB) are not in the Windows bundle. The margin is for dependency updates; a
    # Qt module or a plugin family creeping back in is well over it.
    size = bundle_size(frozen_bundle)
    assert size < 160_000_000, f"{size / 1e6:.0f} MB"


def test_the_bundle_starts_without_a_keyring(frozen_bundle, tmp_path):
    """A desktop with no D-Bus session has no Secret Service: the frozen app, which names
    that backend outright, still opens (its sign-in dialog) instead of failing to start."""
    import time

    env = {k: v for k, v in os.environ.items() if k not in ("PYTHON_KEYRING_BACKEND", "DBUS_SESSION_BUS_ADDRESS",
                                                            "DISPLAY")}
    env.update(HOME=str(tmp_path), XDG_STATE_HOME=str(tmp_path / "state"), QT_QPA_PLATFORM="offscreen")
    app = subprocess.Popen([str(frozen_bundle / EXECUTABLE)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           text=True)
    log = tmp_path / "state" / "gemdesk" / "log" / "gemdesk.log"
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and app.poll() is None and "no usable keyring" not in (
                log.read_text(encoding="utf-8") if log.exists() else ""):
            time.sleep(0.1)
        time.sleep(1)  # the sign-in dialog is built right after
        assert app.poll() is None, app.communicate()
    finally:
        app.terminate()
        app.wait(10)
    assert "no usable keyring" in log.read_text(encoding="utf-8")
    assert not list(log.parent.glob("crash-*"))

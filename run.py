#!/usr/bin/env python3
"""GeM Desk quick start: `python3 run.py demo` and `python3 run.py test`.

Needs only Python 3.11+. Creates a virtual environment in .venv (once, and again when
pyproject.toml or requirements.lock changes), installs exactly the versions the lock file
names (each checked by its SHA-256) and GeM Desk into it, then:

  demo   starts the marketplace server on its embedded SQLite database with the demo
         marketplace (seeded once; a second start keeps everything) and opens the desktop
         app signed in as demo-buyer. Data lives in .demo/ beside this file.
  test   runs the whole test suite (the command CI runs).

Anything after the command is passed on: `python3 run.py test -k feed`,
`python3 run.py demo --user demo-seller --products 50000`.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
LOCK = ROOT / "requirements.lock"  # made from pyproject.toml by uv (README, "The lock file")
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


def ensure_environment() -> None:
    if sys.version_info < (3, 11):
        sys.exit(f"GeM Desk needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    stamp = VENV / ".gemdesk-installed"
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + LOCK.read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == wanted and PYTHON.exists():
        return
    if not PYTHON.exists():
        print("Creating the virtual environment in .venv ...", flush=True)
        try:
            venv.EnvBuilder(with_pip=True).create(VENV)
        except Exception as error:  # noqa: BLE001 - any failure gets the same advice
            sys.exit(
                f"Could not create a virtual environment ({error}).\n"
                "On Debian or Ubuntu install it with: sudo apt-get install python3-venv"
            )
    print("Installing GeM Desk and its dependencies (first run only) ...", flush=True)
    pip = [str(PYTHON), "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run(pip + ["install", "--upgrade", "pip"], check=True)
    subprocess.run(pip + ["install", "--require-hashes", "-r", str(LOCK)], check=True)
    # The dependencies are all in place from the lock: GeM Desk itself, built with them.
    subprocess.run(pip + ["install", "--no-deps", "--no-build-isolation", "-e", str(ROOT)], check=True)
    stamp.write_text(wanted)


def run_forwarding(command: list[str]) -> int:
    """Run `command` and end with it. Stopped from outside (SIGTERM, SIGINT, a closed
    terminal's SIGHUP), this asks the child to stop with SIGTERM, so the demo stops its server
    and frees its port, and waits for it: no traceback, nothing left running. (Ctrl+C in a
    terminal also reaches the child directly; the demo takes one stop request and ignores
    the rest while it cleans up.)"""
    child = subprocess.Popen(command, cwd=Path(__file__).resolve().parent)
    if os.name != "nt":  # on Windows, Ctrl+C reaches every process of the console by itself
        def forward(_signum: int, _frame: object) -> None:
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)

        for name in ("SIGTERM", "SIGINT", "SIGHUP"):
            signal.signal(getattr(signal, name), forward)
    while True:
        try:
            return child.wait()
        except KeyboardInterrupt:  # Windows: the child is stopping too; wait for it
            continue


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"demo", "test"}:
        print(__doc__)
        return 2
    ensure_environment()
    command, rest = argv[0], argv[1:]
    if command == "test":
        return run_forwarding([str(PYTHON), "-m", "pytest", *rest])
    return run_forwarding([str(PYTHON), "-m", "app.demo", "--data-dir", str(ROOT / ".demo"), *rest])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

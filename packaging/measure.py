"""Measures the frozen Linux bundle as packaging/README.md reports it: its installed size,
and the time from launch to the main window on a warm start, for a clerk whose session is
remembered and whose cache is filled (a seeded marketplace on loopback, synced once).

    .venv/bin/python packaging/build.py          # dist/GeMDesk
    .venv/bin/python packaging/measure.py [dist/GeMDesk] [--runs 6]

The launch is timed until the app logs "main window open" (app/ui/main.py, right after the
window is shown), on Qt's offscreen platform; the first run is the cold one, the warm figure
is the median of the others. Needs dbus-run-session and gnome-keyring (a real keyring holds
the remembered session, as on a desktop); HOME is a temporary folder, never yours.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.machine import describe  # noqa: E402

INSIDE = "GEMDESK_MEASURE_INSIDE"


def installed_size(bundle: Path) -> tuple[int, int]:
    """(bytes, files) as `du` counts them: a link counts once, as the file it points to."""
    files = [path for path in bundle.rglob("*") if path.is_file() and not path.is_symlink()]
    return sum(path.stat().st_size for path in files), len(files)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def time_to_window(bundle: Path, env: dict[str, str], log: Path) -> float:
    log.unlink(missing_ok=True)
    started = time.perf_counter()
    app = subprocess.Popen([str(bundle / "gemdesk")], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while time.perf_counter() - started < 60:
            if log.exists() and "main window open" in log.read_text(encoding="utf-8", errors="replace"):
                return time.perf_counter() - started
            if app.poll() is not None:
                raise RuntimeError(f"the app ended (code {app.returncode}) before its main window opened")
            time.sleep(0.005)
        raise RuntimeError("no main window within 60 s")
    finally:
        app.terminate()
        app.wait(10)


def measure(bundle: Path, runs: int) -> None:
    home = Path(tempfile.mkdtemp(prefix="gemdesk-measure-"))
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHON_KEYRING_BACKEND", "DISPLAY", "GEMDESK_HOME")}
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen", GEMDESK_HOME=str(home / "desk"),
               XDG_STATE_HOME=str(home / "state"), GEMDESK_MACHINE_CONFIG=str(home / "no-machine.ini"))
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    python = [sys.executable]
    subprocess.run([*python, "-m", "server", "--data-dir", str(home / "market"), "seed", "--products", "2000"],
                   cwd=ROOT, env=env, check=True, capture_output=True)
    server = subprocess.Popen([*python, "-m", "server", "--data-dir", str(home / "market"), "serve", "--port", str(port)],
                              cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.2)
        # A clerk's desktop: signed in once (the session in the keyring), the cache filled.
        subprocess.run([*python, "-m", "app", "sync", "--server", url, "--user", "demo-buyer"], cwd=ROOT,
                       env={**env, "GEMDESK_PASSWORD": "demo"}, check=True, capture_output=True)
        log = home / "state" / "gemdesk" / "log" / "gemdesk.log"
        times = [time_to_window(bundle, env, log) for _ in range(runs)]
    finally:
        server.terminate()
        server.wait(10)
        shutil.rmtree(home, ignore_errors=True)
    size, files = installed_size(bundle)
    print(describe())
    print(f"bundle: {bundle}: {size / 1e6:.0f} MB installed ({size / 2**20:.0f} MiB), {files} files")
    print(f"launch to main window: cold {times[0]:.2f} s; warm median {statistics.median(times[1:]):.2f} s "
          f"(runs: {', '.join(f'{t:.2f}' for t in times)})")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bundle", nargs="?", type=Path, default=ROOT / "dist" / "GeMDesk")
    parser.add_argument("--runs", type=int, default=6)
    args = parser.parse_args(argv)
    if os.environ.get(INSIDE):
        measure(args.bundle.resolve(), max(args.runs, 2))
        return 0
    # A D-Bus session with an unlocked gnome-keyring of its own, as a desktop has.
    script = ("echo -n measure | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1 && "
              f"{INSIDE}=1 '{sys.executable}' '{Path(__file__).resolve()}' '{args.bundle.resolve()}' --runs {args.runs}")
    home = tempfile.mkdtemp(prefix="gemdesk-keyring-")
    try:
        env = {k: v for k, v in os.environ.items() if k != "PYTHON_KEYRING_BACKEND"}
        return subprocess.run(["dbus-run-session", "--", "sh", "-c", script], env={**env, "HOME": home}).returncode
    finally:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

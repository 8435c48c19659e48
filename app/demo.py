"""The quick-start demo: a local marketplace server with the demo data, and the client on it.

`python3 run.py demo` runs this. The server runs as its own process on its embedded SQLite
database under the demo folder, seeded once (a second start keeps everything), with a little
buying activity made through its API (app/demo_activity.py). The client
opens the desktop app signed in as demo-buyer (or --user), which syncs in the background;
without a screen (no DISPLAY) it syncs headless instead and keeps the server running.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

from app.config import has_screen
from app.demo_activity import make_activity

DEMO_USERS = ("demo-buyer", "demo-approver", "demo-seller", "demo-admin")


def _free_port(preferred: int) -> int:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", preferred))
            return preferred
        except OSError:
            probe.bind(("127.0.0.1", 0))
            return probe.getsockname()[1]


def _wait_until_healthy(url: str, server: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit("The demo server stopped during start-up; see the lines above.")
        try:
            if requests.get(f"{url}/api/v1/health", timeout=1).ok:
                return
        except requests.RequestException:
            pass
        time.sleep(0.2)
    sys.exit(f"The demo server did not answer at {url} within {seconds:.0f} s.")


class Stopped(Exception):
    """The demo was asked to stop (Ctrl+C, SIGTERM, a closed terminal)."""


def _stop(_signum: int, _frame: object) -> None:
    # One request to stop is enough: those that follow (Ctrl+C reaches run.py and this process
    # both, and run.py passes it on) must not break off the clean-up that stops the server.
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_IGN)
    raise Stopped()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="gemdesk-demo", description=__doc__)
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--user", default="demo-buyer", choices=DEMO_USERS)
    parser.add_argument("--products", type=int, default=20_000, help="listings in a new demo marketplace")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--headless", action="store_true", help="sync only; do not open a window")
    args = parser.parse_args(argv)
    # Stopped from outside (Ctrl+C, SIGTERM as a service manager sends, SIGHUP as a closing
    # terminal does): the server and the app below stop with the demo instead of running on.
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _stop)
    try:
        return _run(args)
    except (Stopped, KeyboardInterrupt):
        print("\nThe demo has stopped.", flush=True)
        return 0


def _run(args: argparse.Namespace) -> int:
    server_dir = args.data_dir / "server"
    # One desktop's data per demo user, so two demos can run side by side (a clerk and the
    # officer who approves) on the same marketplace.
    client_dir = args.data_dir / ("client" if args.user == "demo-buyer" else f"client-{args.user}")
    server_cmd = [sys.executable, "-m", "server", "--data-dir", str(server_dir)]
    subprocess.run(server_cmd + ["seed", "--if-empty", "--products", str(args.products)], check=True)

    port = _free_port(args.port)
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(server_cmd + ["serve", "--host", "127.0.0.1", "--port", str(port)])
    client: subprocess.Popen | None = None
    try:
        _wait_until_healthy(url, server)
        for line in make_activity(url):
            print(f"Demo buying activity: {line}.", flush=True)
        env = dict(os.environ, GEMDESK_PASSWORD="demo")
        client_cmd = [sys.executable, "-m", "app", "--data-dir", str(client_dir)]
        accounts = f"Accounts: {', '.join(DEMO_USERS)} (password: demo)."
        if not args.headless and _has_desktop():
            print(f"\nThe demo marketplace is at {url}. Opening GeM Desk as {args.user}. {accounts}", flush=True)
            client = subprocess.Popen(client_cmd + ["--server", url, "--user", args.user], env=env)
            return client.wait()
        if not args.headless:
            print("\nNo desktop session here (no DISPLAY), so GeM Desk syncs headless instead of opening its window.")
        client = subprocess.Popen(client_cmd + ["sync", "--server", url, "--user", args.user], env=env)
        client.wait()
        client = None
        print(f"\nThe demo marketplace is at {url}. {accounts}")
        print("Press Ctrl+C to stop the server.")
        server.wait()
        return 0
    finally:
        for process in (client, server):
            if process is not None and process.poll() is None:
                process.terminate()
        for process in (client, server):
            if process is None:
                continue
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _has_desktop() -> bool:
    """The desktop windows are installed and there is a screen to show them on."""
    try:
        import app.ui  # noqa: F401  (the desktop windows, where installed)
    except ImportError:
        return False
    return has_screen()


if __name__ == "__main__":
    sys.exit(main())

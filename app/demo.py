"""The quick-start demo: a local marketplace server with the demo data, and the client on it.

`python3 run.py demo` runs this. The server runs as its own process on its embedded SQLite
database under the demo folder, seeded once (a second start keeps everything). The client
signs in as demo-buyer (or --user), syncs, and opens the desktop app where it exists.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="gemdesk-demo", description=__doc__)
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--user", default="demo-buyer", choices=DEMO_USERS)
    parser.add_argument("--products", type=int, default=20_000, help="listings in a new demo marketplace")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--headless", action="store_true", help="sync only; do not open a window")
    args = parser.parse_args(argv)

    server_dir = args.data_dir / "server"
    client_dir = args.data_dir / "client"
    server_cmd = [sys.executable, "-m", "server", "--data-dir", str(server_dir)]
    subprocess.run(server_cmd + ["seed", "--if-empty", "--products", str(args.products)], check=True)

    port = _free_port(args.port)
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(server_cmd + ["serve", "--host", "127.0.0.1", "--port", str(port)])
    try:
        _wait_until_healthy(url, server)
        env = dict(os.environ, GEMDESK_PASSWORD="demo")
        sync_cmd = [sys.executable, "-m", "app", "--data-dir", str(client_dir)]
        subprocess.run(sync_cmd + ["sync", "--server", url, "--user", args.user], env=env, check=False)
        print(f"\nThe demo marketplace is at {url}. Accounts: {', '.join(DEMO_USERS)} (password: demo).")
        if not args.headless and _has_desktop():
            return subprocess.call(sync_cmd + ["--server", url, "--user", args.user], env=env)
        print("Press Ctrl+C to stop the server.")
        server.wait()
        return 0
    except KeyboardInterrupt:
        return 0
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()


def _has_desktop() -> bool:
    try:
        import app.ui  # noqa: F401  (the desktop windows, where installed)
    except ImportError:
        return False
    return True


if __name__ == "__main__":
    sys.exit(main())

"""What the benchmarks share: seeded marketplace databases kept between runs (outside the
repo, they are large), a real server process on loopback, and a signed-in sync engine."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import requests

ROOT = Path(__file__).resolve().parents[1]
WORK = Path(os.environ.get("GEMDESK_BENCH_DIR", Path(tempfile.gettempdir()) / "gemdesk-bench"))


def _env() -> dict[str, str]:
    env = dict(os.environ, PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
    env.pop("DATABASE_URL", None)
    return env


def seeded_server(listings: int) -> Path:
    """The folder of a server database seeded with `listings` products (made once, kept)."""
    folder = WORK / f"server-{listings}"
    if not (folder / "seeded").exists():
        shutil.rmtree(folder, ignore_errors=True)
        print(f"Seeding a marketplace of {listings:,} listings in {folder} (once) ...", flush=True)
        subprocess.run([sys.executable, "-m", "server", "--data-dir", str(folder), "seed", "--products", str(listings)],
                       check=True, env=_env(), cwd=ROOT, stdout=subprocess.DEVNULL)
        (folder / "seeded").touch()
    return folder


def copy_server(listings: int, name: str) -> Path:
    """A scratch copy of a seeded server database that a benchmark may change."""
    source = seeded_server(listings)
    target = WORK / name
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    shutil.copyfile(source / "marketplace.sqlite", target / "marketplace.sqlite")
    return target


# One fixed address: a cache belongs to one user on one server address, so a cache synced in
# one benchmark run is only reused by the next if the server answers at the same address.
# GEMDESK_BENCH_PORT moves it (two benchmarks on one machine must not answer each other's sync).
BENCH_PORT = int(os.environ.get("GEMDESK_BENCH_PORT", "18765"))


@contextmanager
def running_server(data_dir: Path, port: int = BENCH_PORT) -> Iterator[str]:
    url = f"http://127.0.0.1:{port}"
    process = subprocess.Popen([sys.executable, "-m", "server", "--data-dir", str(data_dir), "serve", "--port", str(port)],
                               env=_env(), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if requests.get(url + "/api/v1/health", timeout=1).ok:
                    break
            except requests.RequestException:
                pass
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError("the server did not start")
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(30)


def sync_engine(url: str, folder: Path, username: str = "demo-buyer", page_size: int = 1000):
    """(engine, closer) for a fresh sign-in into `folder`."""
    from app.account import sign_in
    from app.cache import Cache
    from app.config import ConnectionSettings
    from app.credentials import SecretStore
    from app.outbox import Outbox
    from app.sync import SyncEngine
    from keyring.backends import null

    session = sign_in(ConnectionSettings(server_url=url, read_timeout=120), username, lambda: "demo", SecretStore(null.Keyring()))
    cache, outbox = Cache(folder), Outbox(folder)
    engine = SyncEngine(session.api, cache, outbox, page_size=page_size)

    def close() -> None:
        cache.close()
        outbox.close()
        session.api.close()

    return engine, close

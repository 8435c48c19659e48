"""`gemdesk sync` killed with SIGKILL at random moments while it downloads the catalogue
snapshot and while it loads it (issue 16): never a cache that says it is complete when it is
not, never a byte on disk fetched again (every resumed request starts at the size of the
partial file the killed process left), the buyer's unsynced outbox work untouched, and in
the end the same cache as a sync through the feed alone."""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from app.outbox import Outbox
from app.procurement import Procurement
from bench.relay import Relay
from tests.client.conftest import PASSWORD, ROOT, seed_template, serve_sqlite, subprocess_env
from tests.client.test_snapshot import Desk, rows

KILLS = 22
PRODUCTS = 20_000


@pytest.fixture(scope="module")
def big_template(tmp_path_factory) -> Path:
    return seed_template(tmp_path_factory.mktemp("big-server"), PRODUCTS)


@pytest.fixture
def big_server(big_template, tmp_path):
    for process in serve_sqlite(big_template, tmp_path, {}):
        process.run("snapshot")
        yield process


def _state(folder: Path) -> dict[str, str]:
    path = folder / "cache.sqlite"
    if not path.exists():
        return {}
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
    try:
        return dict(db.execute("SELECT name, value FROM sync_state"))
    except sqlite3.Error:
        return {}
    finally:
        db.close()


def _count(folder: Path) -> int:
    db = sqlite3.connect(f"file:{folder / 'cache.sqlite'}?mode=ro", uri=True, timeout=30)
    try:
        return db.execute("SELECT count(*) FROM listings").fetchone()[0]
    finally:
        db.close()


def test_killed_during_download_and_load_never_claims_complete_nor_fetches_twice(big_server, tmp_path, secrets):
    manifest = json.loads((big_server.data_dir / "snapshots" / "current.json").read_text())
    part = manifest["parts"][0]
    expected = manifest["rows"]["listings"]
    relay = Relay(("127.0.0.1", big_server.port), rate=part["size"] / 8)  # about 8 s of download in all
    folder = tmp_path / "desk"
    try:
        # The buyer's unsynced work: a request the server refuses stays in the outbox, kept.
        desk = Desk(relay.url, folder, secrets)
        buying = Procurement(desk.outbox)
        buying.draft_bid({"title": ""})
        desk.close()
        queued = [(r.seq, r.body) for r in Procurement(Outbox(folder)).requests()]
        command = [sys.executable, "-m", "tests.client.snapshot_driver", "--data-dir", str(folder), "--server", relay.url,
                   "--user", "demo-buyer"]
        env = subprocess_env(GEMDESK_PASSWORD=PASSWORD)
        partial = folder / "snapshot" / (part["file"] + ".part")
        rng = random.Random(16)
        kills, phases = 0, {"download": 0, "load": 0, "other": 0}
        for _cycle in range(KILLS * 2):
            if kills >= KILLS and phases["load"] >= 3:
                break
            on_disk = partial.stat().st_size if partial.exists() else 0
            asked_before = len(relay.ranges())
            process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                       text=True)
            working = threading.Event()

            def watch(run: subprocess.Popen = process, flag: threading.Event = working) -> None:
                for line in run.stdout:
                    if line.startswith("Signed in"):
                        flag.set()

            watcher = threading.Thread(target=watch, daemon=True)
            watcher.start()
            # A random moment once it is at work (start-up and sign-in take 1-4 s on a busy machine).
            working.wait(60)
            time.sleep(rng.uniform(0.05, 1.5))
            if process.poll() is not None:
                break  # it finished before the kill
            downloading = partial.exists() and partial.stat().st_size > on_disk
            loading = _state(folder).get("snapshot_loading") or (folder / "snapshot" / part["file"]).exists()
            process.send_signal(signal.SIGKILL)
            process.wait()
            watcher.join(5)
            kills += 1
            phases["download" if downloading else "load" if loading else "other"] += 1
            asked = relay.ranges()[asked_before:]
            if asked:  # the resumed request starts at the last byte the previous run left on disk
                assert asked[0] == (on_disk or None), (asked, on_disk)
            after = _state(folder)
            if "cursor" in after and "fill" not in after:
                assert _count(folder) == expected, "the cache says it is complete but is not"
        assert kills >= 20, phases
        assert phases["download"] >= 3 and phases["load"] >= 3, phases
        finished = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
        assert finished.returncode == 0, finished.stdout + finished.stderr
        starts = relay.ranges()
        # From byte 0 again only when a run was killed before its first byte reached the disk
        # (checked above: every request starts at the size on disk when it began).
        assert starts == sorted(starts, key=lambda s: s or 0), starts  # never back to an earlier byte
        outbox = Outbox(folder)
        try:
            assert [(r.seq, r.body) for r in Procurement(outbox).requests()] == queued
        finally:
            outbox.close()
        feed_only = Desk(big_server.url, tmp_path / "feed", secrets)
        try:
            # As `gemdesk sync` does at sign-in: listings that deliver to the buyer's district are flagged.
            feed_only.cache.set_home_district((feed_only.session.user.get("buyer_org") or {}).get("district"))
            feed_only.sync(with_snapshot=False)
            mine = Desk(big_server.url, folder, secrets)
            try:
                assert mine.cache.complete() and mine.cache.count() == expected
                assert rows(mine.cache) == rows(feed_only.cache)
            finally:
                mine.close()
        finally:
            feed_only.close()
        print(f"{kills} kills: {phases}; file requests from {starts}")
    finally:
        relay.close()

"""A desk's `gemdesk sync` killed with SIGKILL at many instants, then run to the end: the
cache equals the server listing by listing and version by version, and every queued change
reached the server exactly once."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

import pytest

from tests.client.conftest import PASSWORD, ROOT, subprocess_env
from app.outbox import Outbox

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is a POSIX signal")

# Delays after start-up (imports take ~0.5 s here): kills land before sign-in, mid-push
# (an op marked sent, its answer unknown), mid-pull and during the final check.
KILL_AFTER_SECONDS = (0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.9, 1.0, 1.3)


def test_sync_killed_at_any_instant_resumes_without_losing_or_repeating_work(device, server):
    desk = device("demo-seller")
    desk.sync()
    firm = desk.session.user["seller_firm"]["id"]
    editable_now = [l for l in desk.cache.listings_of_seller(firm) if l["status"] != "retired"]
    assert len(editable_now) >= 5
    before = {l["id"]: l["version"] for l in editable_now}
    for listing in editable_now[1:]:
        desk.outbox.queue_update(listing["id"], {"stock": 321}, False, listing)
    retired = editable_now[0]
    desk.outbox.queue_retire(retired["id"], retired["version"])
    template = {k: v for k, v in editable_now[1].items()}
    created = [desk.outbox.queue_create({**template, "model": f"KILL-{n}"}, submit=False) for n in range(3)]
    desk.close()
    desk.cache.path.unlink()  # and a full pull to do as well
    command = [sys.executable, "-m", "app", "sync", "--data-dir", str(desk.folder), "--server", server.url,
               "--user", "demo-seller", "--page-size", "5"]
    env = subprocess_env(GEMDESK_PASSWORD=PASSWORD)
    for delay in KILL_AFTER_SECONDS:
        process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
    finished = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert finished.returncode == 0, finished.stderr
    assert "they match" in finished.stdout

    outbox = Outbox(desk.folder)
    try:
        assert outbox.counts() == {"pending": 0, "conflict": 0, "rejected": 0}
    finally:
        outbox.close()
    for listing in editable_now[1:]:
        on_server = server.listing(listing["id"])
        assert (on_server["version"], on_server["stock"]) == (before[listing["id"]] + 1, 321), "lost or applied twice"
        assert server.audit_actions(listing["id"]).count("listing.update") == 1
    assert server.listing(retired["id"])["status"] == "retired"
    assert server.audit_actions(retired["id"]).count("listing.retire") == 1
    for listing_id in created:
        assert server.listing(listing_id)["version"] == 1
        assert server.audit_actions(listing_id) == ["listing.create"]
    from app.cache import Cache

    cache = Cache(desk.folder)
    try:
        assert cache.versions() == server.versions_seen_by("demo-seller")
    finally:
        cache.close()

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


# -- the kill loop: a sync killed at random moments while the seller goes on editing ---------

KILL_CYCLES = 50


@pytest.mark.parametrize("database", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_a_sync_killed_at_random_while_the_seller_edits_loses_reorders_and_repeats_nothing(database, request, tmp_path,
                                                                                            secrets):
    """50 cycles of `gemdesk sync` killed with SIGKILL at a random moment, with edits saved
    between the syncs and while they run (issue 13). Then one sync to the end: every change
    is on the server exactly once and in order, with its final values; nobody else wrote,
    so there is no conflict; the outbox is empty."""
    import random

    from app.seller_catalogue import my_listing, save_listing
    from tests.client.test_push_order import desk_on, own_listings

    server = request.getfixturevalue("server" if database == "sqlite" else "postgresql_server")
    seller = desk_on(server, tmp_path / "desk", "demo-seller", secrets)
    seller.sync()
    chosen = [l["id"] for l in own_listings(seller)[:3]]
    start = {listing_id: seller.cache.listing(listing_id)["version"] for listing_id in chosen}
    audited = {listing_id: server.audit_actions(listing_id).count("listing.update") for listing_id in chosen}
    rng = random.Random(13)
    # Every edit sets a value its field never had: an edit that changed nothing would rightly
    # keep the listing's version (docs/api.md), and could not show a change applied twice.
    values = {"stock": iter(range(5000, 10**6)), "min_order_qty": iter(range(2, 10**6))}
    expected: dict[str, dict[str, int]] = {listing_id: {} for listing_id in chosen}

    def edit_one() -> None:
        listing_id = rng.choice(chosen)
        field = rng.choice(["stock", "min_order_qty"])
        value = next(values[field])
        current = my_listing(seller.cache, seller.outbox, listing_id)
        save_listing(seller.cache, seller.outbox, {**current.fields, field: value}, listing_id=listing_id)
        expected[listing_id][field] = value

    command = [sys.executable, "-m", "app", "sync", "--data-dir", str(seller.folder), "--server", server.url,
               "--user", "demo-seller", "--page-size", "50"]
    env = subprocess_env(GEMDESK_PASSWORD=PASSWORD)
    for _cycle in range(KILL_CYCLES):
        for _ in range(rng.randint(0, 2)):
            edit_one()  # between syncs
        process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        kill_at = time.monotonic() + rng.uniform(0.4, 1.6)
        while time.monotonic() < kill_at:
            if rng.random() < 0.3:
                edit_one()  # while the sync runs
            time.sleep(rng.uniform(0.02, 0.15))
        process.send_signal(signal.SIGKILL)
        process.wait()
    finished = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert finished.returncode == 0, finished.stderr

    assert seller.outbox.counts() == {"pending": 0, "conflict": 0, "rejected": 0}
    for listing_id in chosen:
        on_server = server.listing(listing_id)
        for field, value in expected[listing_id].items():
            assert on_server[field] == value, f"{field} of {listing_id}: the last edit is not what the server has"
        done = [op for op in seller.outbox.ops(("done",)) if op.listing_id == listing_id
                and (op.result_version or 0) > start[listing_id]]
        versions = [op.result_version for op in done]
        # One version per change, in the order made: each applied exactly once, in order.
        assert versions == list(range(start[listing_id] + 1, start[listing_id] + 1 + len(versions)))
        assert on_server["version"] == start[listing_id] + len(versions)
        assert server.audit_actions(listing_id).count("listing.update") - audited[listing_id] == len(versions)
        shown = my_listing(seller.cache, seller.outbox, listing_id)
        assert (shown.version, shown.sync) == (on_server["version"], "synced")
    seller.close()

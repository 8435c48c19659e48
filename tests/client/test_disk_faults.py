"""Disk faults in plain words (issue 13): a full disk, a read-only folder (a read-only mount,
or a folder this user may not write), a missing folder, a file in use by another program.
Each gives a sentence and its own exit code from `gemdesk sync`, never a traceback; nothing
the user did is lost, and the next sync after the cause is fixed sends everything.

The faults are real: the data folder lives on a small tmpfs of its own (mounted by the test,
as root), which fills up, is remounted read-only, or is made immutable.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.outbox import Outbox
from domain.listing import EDITABLE_FIELDS
from app.storage import DISK_FULL, EXIT_CODES, FOLDER_MISSING, IN_USE, READ_ONLY, StorageProblem
from tests.client.conftest import gemdesk, gemdesk_sync

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="mounts a tmpfs: Linux only")


def _cannot_mount(reason: str):
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"the disk fault tests need to mount a tmpfs (root) under CI=true: {reason}", pytrace=False)
    pytest.skip(f"cannot mount a tmpfs here ({reason}); run as root to test real disk faults")


class SmallDisk:
    """A tmpfs of its own for one test's data folder."""

    def __init__(self, where: Path, size: str) -> None:
        self.where = where
        where.mkdir()
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                                 capture_output=True, text=True)
        if mounted.returncode != 0:
            _cannot_mount(mounted.stderr.strip() or f"mount exited {mounted.returncode}")

    def remount(self, options: str) -> None:
        subprocess.run(["mount", "-o", f"remount,{options}", str(self.where)], check=True)

    def fill(self) -> Path:
        """Fill what is left of the disk with one file (removed by `free`)."""
        filler = self.where / "filler"
        # Unbuffered: a buffered file left holding what the full disk refused would raise
        # ENOSPC once more when it is closed, and the data folder would already be full.
        with open(filler, "wb", buffering=0) as handle:
            try:
                while True:
                    handle.write(b"\0" * 65536)
                    handle.flush()
            except OSError:
                pass
        return filler

    def free(self) -> None:
        (self.where / "filler").unlink(missing_ok=True)

    def unmount(self) -> None:
        subprocess.run(["chattr", "-R", "-i", str(self.where)], capture_output=True)
        subprocess.run(["umount", "-l", str(self.where)], capture_output=True)


@pytest.fixture
def small_disk(tmp_path):
    made: list[SmallDisk] = []

    def make(size: str = "20m") -> SmallDisk:
        disk = SmallDisk(tmp_path / f"disk{len(made)}", size)
        made.append(disk)
        return disk

    yield make
    for disk in made:
        disk.unmount()


def assert_said(finished: subprocess.CompletedProcess, kind: str, words: str) -> None:
    assert "Traceback" not in finished.stderr, finished.stderr
    assert finished.returncode == EXIT_CODES[kind], (finished.returncode, finished.stderr)
    assert words in finished.stderr, finished.stderr


def queue_new_listing(server, folder: Path, model: str) -> str:
    """A new listing made offline, like one of demo-seller's (the server will take it)."""
    firm = server.query("SELECT seller_firm_id FROM users WHERE username = 'demo-seller'")[0][0]
    [listing_id] = server.query("SELECT id FROM listings WHERE seller_firm_id = :firm AND status = 'published' "
                                "ORDER BY id LIMIT 1", firm=firm)[0]
    row = server.listing(listing_id)
    fields = {name: json.loads(value) if isinstance(value, str) and value[:1] in "[{" else value
              for name, value in row.items() if name in EDITABLE_FIELDS}
    outbox = Outbox(folder)
    try:
        return outbox.queue_create({**fields, "model": model}, submit=False)
    finally:
        outbox.close()


def test_a_full_disk_before_a_sync_is_said_and_the_work_goes_once_there_is_room(server, small_disk):
    disk = small_disk()
    folder = disk.where / "desk"
    assert gemdesk_sync(folder, server).returncode == 0
    listing_id = queue_new_listing(server, folder, "FULL-1")
    disk.fill()
    finished = gemdesk_sync(folder, server)
    assert_said(finished, DISK_FULL, f"The disk is full: GeM Desk cannot save in {folder}.")
    assert server.query("SELECT count(*) FROM listings WHERE id = :id", id=listing_id)[0][0] == 0
    disk.free()
    finished = gemdesk_sync(folder, server)
    assert finished.returncode == 0, finished.stderr
    assert server.listing(listing_id)["model"] == "FULL-1"


def test_a_disk_that_fills_during_the_first_pull_is_said_and_the_next_sync_finishes(server, small_disk):
    disk = small_disk("600k")  # less than the demo catalogue needs
    folder = disk.where / "desk"
    listing_id = queue_new_listing(server, folder, "FULL-2")
    finished = gemdesk_sync(folder, server)
    assert_said(finished, DISK_FULL, "The disk is full")
    disk.remount("size=20m")
    finished = gemdesk_sync(folder, server)
    assert finished.returncode == 0 and "they match" in finished.stdout, finished.stderr
    assert server.listing(listing_id)["model"] == "FULL-2"


def test_saving_on_a_full_disk_says_so_and_keeps_what_was_saved_before(small_disk):
    disk = small_disk("2m")
    folder = disk.where / "desk"
    outbox = Outbox(folder)
    earlier = outbox.queue_create({"title": "Steel almirah", "model": "SAVED-BEFORE"}, submit=False)
    outbox.close()
    outbox = Outbox(folder)
    try:
        disk.fill()
        with pytest.raises(StorageProblem) as raised:
            for n in range(50):  # the outbox keeps a little room of its own: save until it is used up
                outbox.queue_create({"title": "x" * 20_000, "model": f"M{n}"}, submit=False)
        assert raised.value.kind == DISK_FULL
        assert "The disk is full" in raised.value.sentence()
    finally:
        outbox.close()
    disk.free()
    outbox = Outbox(folder)
    try:
        assert earlier in {op.listing_id for op in outbox.ops()}
        assert outbox.integrity() == ["ok"]
    finally:
        outbox.close()


def test_a_read_only_mount_is_said_and_nothing_is_lost(server, small_disk):
    disk = small_disk()
    folder = disk.where / "desk"
    assert gemdesk_sync(folder, server).returncode == 0
    listing_id = queue_new_listing(server, folder, "RO-1")
    disk.remount("ro")
    finished = gemdesk_sync(folder, server)
    assert_said(finished, READ_ONLY, f"GeM Desk cannot write to its folder {folder} (it is read-only")
    status = gemdesk("status", "--data-dir", str(folder))
    assert_said(status, READ_ONLY, "read-only")
    disk.remount("rw")
    finished = gemdesk_sync(folder, server)
    assert finished.returncode == 0, finished.stderr
    assert server.listing(listing_id)["model"] == "RO-1"


def test_a_folder_this_user_may_not_write_is_said(server, small_disk):
    disk = small_disk()
    folder = disk.where / "desk"
    assert gemdesk_sync(folder, server).returncode == 0
    listing_id = queue_new_listing(server, folder, "PERM-1")
    subprocess.run(["chattr", "+i", str(folder)], check=True)  # nobody may create files in it, root included
    finished = gemdesk_sync(folder, server)
    assert_said(finished, READ_ONLY, "read-only for this user")
    subprocess.run(["chattr", "-i", str(folder)], check=True)
    assert gemdesk_sync(folder, server).returncode == 0
    assert server.listing(listing_id)["model"] == "PERM-1"


def test_a_missing_folder_is_said(server, tmp_path):
    (tmp_path / "drive").write_text("a file where the data folder's drive should be")
    finished = gemdesk_sync(tmp_path / "drive" / "GeM Desk", server)
    assert_said(finished, FOLDER_MISSING, "cannot be found")


def test_a_file_held_by_another_program_is_said(server, tmp_path):
    folder = tmp_path / "desk"
    assert gemdesk_sync(folder, server).returncode == 0
    # Another program holds the outbox (as an antivirus scan or a second GeM Desk could).
    holder = sqlite3.connect(folder / "outbox.sqlite", isolation_level=None)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        started = time.monotonic()
        finished = gemdesk_sync(folder, server)
        assert_said(finished, IN_USE, "Another program is using GeM Desk's file outbox.sqlite")
        assert time.monotonic() - started < 60
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert gemdesk_sync(folder, server).returncode == 0

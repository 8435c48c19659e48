"""What survives a power cut (issue 13; docs/architecture.md, "Power loss"). A power cut
leaves on disk what was written and synced before it, and at worst half of the write that
was going on. The outbox is WAL with synchronous=FULL: a change is acknowledged to the user
only once its commit is synced. So a copy of its files taken while changes are being
committed, at any instant, must open as a sound database holding every change acknowledged
before the copy began. (The copy is taken while the writer runs, without checkpoints, so the
main file stands still and the log is cut wherever the copy reaches: what a cut leaves.)
"""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
import time

from app.outbox import Outbox
from tests.client.conftest import ROOT, subprocess_env

WRITER = """
import sys
from sqlalchemy import event
from app.outbox import Outbox

outbox = Outbox(sys.argv[1])
outbox.engine.dispose()
event.listen(outbox.engine, "connect", lambda conn, _r: conn.execute("PRAGMA wal_autocheckpoint=0"))
n = 0
while True:
    n += 1
    outbox.queue_create({"title": f"Power cut {n}", "other_specs": {"notes": "x" * (n % 3000)}}, submit=False)
    print(n, flush=True)  # acknowledged: the commit is on disk
"""


def test_a_copy_of_the_outbox_taken_mid_write_opens_with_every_acknowledged_change(tmp_path):
    folder = tmp_path / "desk"
    Outbox(folder).close()
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(folder)], env=subprocess_env(), cwd=ROOT,
                              stdout=subprocess.PIPE, text=True)
    rng = random.Random(7)
    acknowledged = 0
    try:
        for copy_number in range(12):
            deadline = time.monotonic() + rng.uniform(0.05, 0.4)
            while time.monotonic() < deadline:
                acknowledged = int(writer.stdout.readline())
            copy = tmp_path / f"cut-{copy_number}"
            copy.mkdir()
            before = acknowledged  # everything up to here was acknowledged before the copy began
            for suffix in ("", "-wal"):  # what is on disk at the cut: no shared-memory index
                shutil.copyfile(folder / f"outbox.sqlite{suffix}", copy / f"outbox.sqlite{suffix}")
            reopened = Outbox(copy, recover=False)  # a damaged copy would raise here
            try:
                assert reopened.integrity() == ["ok"]
                titles = {op.fields["title"] for op in reopened.ops()}
                assert {f"Power cut {n}" for n in range(1, before + 1)} <= titles
            finally:
                reopened.close()
    finally:
        writer.kill()
        writer.wait()
    assert acknowledged > 50

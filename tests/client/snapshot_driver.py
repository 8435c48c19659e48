"""`gemdesk sync` for the kill tests of the snapshot path (tests/client/test_snapshot_kill.py):
the real command, with the snapshot chosen even for the test marketplace's small catalogue."""

from __future__ import annotations

import sys

from app import snapshot
from app.cli import main

if __name__ == "__main__":
    snapshot.MIN_LISTINGS = 0
    snapshot.FEED_BYTES_PER_LISTING = 1000
    snapshot.LOAD_BATCH = 1000  # more transactions in the load: more moments to be killed in
    sys.exit(main(["sync", *sys.argv[1:]]))

"""`gemdesk-server seed` as an operator runs it: once, again, and after being killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def server_cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    return subprocess.run([sys.executable, "-m", "server", "--data-dir", str(data_dir), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


def test_seeding_again_says_so_without_a_traceback(tmp_path):
    assert server_cli(tmp_path, "seed", "--products", "50").returncode == 0
    again = server_cli(tmp_path, "seed", "--products", "50")
    assert again.returncode == 1
    assert "already has its demo data" in again.stderr and "Traceback" not in again.stderr
    assert server_cli(tmp_path, "seed", "--if-empty", "--products", "50").returncode == 0
    negative = server_cli(tmp_path, "seed", "--products", "-1")
    assert negative.returncode == 2 and "not negative" in negative.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is a POSIX signal")
def test_a_seed_killed_half_way_is_not_taken_for_a_finished_one(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    seeding = subprocess.Popen([sys.executable, "-m", "server", "--data-dir", str(tmp_path), "seed", "--products", "400000"],
                               cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    for line in seeding.stdout:  # the reference data and demo accounts are written first
        if line.startswith("Listings:"):
            break
    seeding.send_signal(signal.SIGKILL)
    seeding.wait()
    time.sleep(0.1)
    resumed = server_cli(tmp_path, "seed", "--if-empty", "--products", "50")
    assert resumed.returncode == 1
    assert "stopped half way" in resumed.stderr and "Traceback" not in resumed.stderr

"""`gemdesk sync` as a user runs it: progress, final counts, and one clear sentence when
something is wrong (never a traceback)."""

from __future__ import annotations

import subprocess
import sys

from tests.client.conftest import ROOT, free_port, subprocess_env


def gemdesk(*args: str, password: str | None = "demo", **env: str) -> subprocess.CompletedProcess:
    extra = dict(env)
    if password is not None:
        extra["GEMDESK_PASSWORD"] = password
    return subprocess.run([sys.executable, "-m", "app", *args], env=subprocess_env(**extra), cwd=ROOT,
                          capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)


def test_sync_fills_a_cache_whose_count_matches_the_servers(server, tmp_path):
    done = gemdesk("sync", "--server", server.url, "--user", "demo-buyer", "--data-dir", str(tmp_path / "desk"))
    assert done.returncode == 0, done.stderr
    expected = len(server.versions_seen_by("demo-buyer"))
    assert f"Done: {expected:,} listings in the cache, {expected:,} on the server (they match)" in done.stdout
    assert "from the feed: " in done.stdout and " received" in done.stdout  # the download, as it goes
    # The data folder can also come from GEMDESK_HOME; a second sync receives nothing new.
    again = gemdesk("sync", "--server", server.url, "--user", "demo-buyer", GEMDESK_HOME=str(tmp_path / "desk"))
    assert "Received 0 updates and 0 removals" in again.stdout
    status = gemdesk("status", GEMDESK_HOME=str(tmp_path / "desk"))
    assert f"Listings in the cache: {expected:,}" in status.stdout


def test_wrong_password_gets_a_sentence_not_a_traceback(server, tmp_path):
    done = gemdesk("sync", "--server", server.url, "--user", "demo-buyer", "--data-dir", str(tmp_path), password="nope")
    assert done.returncode == 1
    assert "The user name or password is not right." in done.stderr
    assert "Traceback" not in done.stderr


def test_no_password_and_no_terminal_says_how_to_give_one(server, tmp_path):
    done = gemdesk("sync", "--server", server.url, "--user", "demo-buyer", "--data-dir", str(tmp_path), password=None)
    assert done.returncode == 2
    assert "set GEMDESK_PASSWORD" in done.stderr


def test_an_unreachable_server_is_named(tmp_path):
    url = f"http://127.0.0.1:{free_port()}"
    done = gemdesk("sync", "--server", url, "--user", "demo-buyer", "--data-dir", str(tmp_path))
    assert done.returncode == 1
    assert f"The marketplace server at {url} cannot be reached (connection refused)" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_keyring_notice_is_printed_when_no_keyring_exists(server, tmp_path):
    done = gemdesk("sync", "--server", server.url, "--user", "demo-buyer", "--data-dir", str(tmp_path))
    assert "will not remember your sign-in" in done.stderr


def test_progress_says_bytes_rate_time_left_and_whether_snapshot_or_feed():
    from app.cli import download_text
    from app.sync import Progress

    feed = Progress("pull", 500, 1000, "Received 500 changes", source="feed", bytes_received=1_234_000,
                    bytes_total=2_468_000, rate=250_000.0, seconds_left=75, searchable=400)
    assert download_text(feed) == (", from the feed: 1.2 MB received of about 2.5 MB, 250.0 KB/s, about 1 min 15 s left, "
                                   "400 searchable")
    snapshot = Progress("pull", 0, None, "Downloading", source="snapshot", bytes_received=999, seconds_left=4000)
    assert download_text(snapshot) == ", from the snapshot: 999 bytes received, about 1 h 06 min left"
    assert download_text(Progress("push", 1, 2, "Sending")) == ""

"""`gemdesk`: the desktop app, and its headless commands.

    gemdesk [--data-dir D]                          open the desktop app
    gemdesk sync --server URL --user NAME           one full sync, with progress and counts
    gemdesk status                                  what the cache and the outbox hold
    gemdesk rules advise|evaluate ...               check a purchase or a bid against the rules (JSON)
    gemdesk --self-test                             check this installation (one line per check)

The password comes from GEMDESK_PASSWORD or a prompt; a remembered session (refresh token
in the OS keyring) is used first. The data folder is --data-dir, else GEMDESK_HOME, else
the user's data folder.

Exit codes: 0 done; 1 the marketplace could not be reached or refused; 2 a usage error;
3 the disk is full; 4 the data folder is read-only; 5 the data folder is missing; 6 a file
is in use by another program; 7 the disk reported an error; 8 a file is damaged beyond
repair here; 130 stopped (app/storage.py words each).
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
import time
from pathlib import Path

from app import __version__, rules_cli
from app.account import PasswordNeeded, UnsyncedWorkOfAnother, explain
from app.api import ApiError, Offline
from app.cache import Cache
from app.config import ClientSettings, data_dir
from app.machine_config import read_machine_policy
from app.credentials import NO_KEYRING_MESSAGE
from app.outbox import Outbox
from app.storage import StorageProblem
from app.sync import Cancelled, Progress
from app.workspace import Workspace


def _password(username: str) -> str | None:
    if os.environ.get("GEMDESK_PASSWORD"):
        return os.environ["GEMDESK_PASSWORD"]
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(f"Password for {username}: ")
    return None


class _ProgressPrinter:
    """Prints progress at most once a second (and every phase change), so a million-listing
    sync stays readable."""

    def __init__(self) -> None:
        self._last = 0.0
        self._phase = ""

    def __call__(self, progress: Progress) -> None:
        now = time.monotonic()
        if progress.phase == self._phase and now - self._last < 1.0:
            return
        self._phase, self._last = progress.phase, now
        share = f" ({100 * progress.done // progress.total}%)" if progress.total else ""
        print(f"{progress.message}{share}{download_text(progress)}", flush=True)


def _size(count: float) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if count < 1000 or unit == "GB":
            return f"{count:,.0f} {unit}" if unit == "bytes" else f"{count:,.1f} {unit}"
        count /= 1000
    return ""


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds:02d} s"
    return f"{minutes // 60} h {minutes % 60:02d} min"


def download_text(progress: Progress) -> str:
    """", from the feed: 12.3 MB received, 1.1 MB/s, about 40 s left, 50,000 searchable"
    while the catalogue downloads; "" otherwise."""
    if progress.source is None or progress.bytes_received is None:
        return ""
    parts = [f"{_size(progress.bytes_received)} received"]
    if progress.bytes_total:
        parts[0] += f" of about {_size(progress.bytes_total)}"
    if progress.rate:
        parts.append(f"{_size(progress.rate)}/s")
    if progress.seconds_left is not None:
        parts.append(f"about {_duration(progress.seconds_left)} left")
    if progress.searchable is not None:
        parts.append(f"{progress.searchable:,} searchable")
    source = "the snapshot" if progress.source == "snapshot" else "the feed"
    return f", from {source}: " + ", ".join(parts)


def cmd_sync(args: argparse.Namespace) -> int:
    workspace = Workspace(data_dir(args.data_dir))
    try:
        _tell_recovery(workspace.outbox)
        return _sync(workspace, args)
    finally:
        workspace.close()


def _tell_recovery(outbox: Outbox) -> None:
    """A damaged outbox was recovered: say what was kept (the window tells the user too)."""
    report = outbox.recovery()
    if report is not None:
        print(report.sentence(), file=sys.stderr)


def _sync(workspace: Workspace, args: argparse.Namespace) -> int:
    settings = workspace.settings
    server = (args.server or settings.connection.server_url).rstrip("/")
    username = args.user or settings.username
    if not server or not username:
        print("Say which server and user: gemdesk sync --server URL --user NAME", file=sys.stderr)
        return 2
    if not workspace.secrets.available:
        print(NO_KEYRING_MESSAGE, file=sys.stderr)
    try:
        try:
            session = workspace.sign_in(server, username, None)  # a remembered session first
        except PasswordNeeded:
            password = _password(username)
            if not password:
                print(f"A password is needed for {username}: set GEMDESK_PASSWORD or run this in a terminal.", file=sys.stderr)
                return 2
            session = workspace.sign_in(server, username, password)
    except (ApiError, Offline, UnsyncedWorkOfAnother) as error:
        print(explain(error), file=sys.stderr)
        return 1
    print(f"Signed in to {server} as {username} ({session.user['role']}). Syncing into {workspace.folder}", flush=True)
    try:
        result = workspace.sync(on_progress=_ProgressPrinter(), page_size=args.page_size)
    except (ApiError, Offline) as error:
        print(explain(error), file=sys.stderr)
        return 1
    except (KeyboardInterrupt, Cancelled):
        print("Stopped. Everything received so far is kept; the next sync goes on from there.", file=sys.stderr)
        return 130
    for note in result.notes:
        print(note)
    match = "they match" if result.verified else "they differ"
    print(
        f"Done: {result.cache_count:,} listings in the cache, {result.server_count:,} on the server ({match}). "
        f"Received {result.upserts:,} updates and {result.deletes:,} removals. "
        f"Sent {result.pushed} of your changes; {result.pending} waiting, {result.conflicts} conflicts, {result.rejected} refused.",
        flush=True,
    )
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    folder = data_dir(args.data_dir)
    settings = ClientSettings.load(folder, read_machine_policy())
    cache, outbox = Cache(folder), Outbox(folder)
    try:
        _tell_recovery(outbox)
        counts = outbox.counts()
        print(f"Data folder: {folder}")
        print(f"Server: {settings.connection.server_url or '(not set)'}  User: {settings.username or '(not set)'}")
        print(f"Listings in the cache: {cache.count():,}  Last sync: {cache.state('last_sync_at') or 'never'}")
        print(f"Your changes: {counts['pending']} waiting, {counts['conflict']} conflicts, {counts['rejected']} refused")
    finally:
        cache.close()
        outbox.close()
    return 0


def cmd_app(args: argparse.Namespace) -> int:
    try:
        from app.ui.main import run  # the desktop windows (Qt)
    except ImportError as error:
        print(f"The desktop app is not available in this installation ({error}).", file=sys.stderr)
        return 1
    return run(args)


def cmd_self_test(_args: argparse.Namespace) -> int:
    try:
        from app.ui.self_test import run_self_test  # renders the main window, so it needs Qt
    except ImportError as error:
        print(f"FAIL  Qt: the desktop app is not available in this installation ({error})", flush=True)
        return 1
    return run_self_test()


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS,
                        help="where the cache and outbox live (default: GEMDESK_HOME or the user data folder)")
    parser = argparse.ArgumentParser(prog="gemdesk", description="GeM Desk: the Government e-Marketplace on your desktop.",
                                     parents=[common])
    parser.add_argument("--version", action="version", version=f"GeM Desk {__version__}")
    parser.add_argument("--server", default=None, help="marketplace server address (the desktop app)")
    parser.add_argument("--user", default=None, help="user name to sign in as (the desktop app)")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation (fonts, translations, keyring, SQLite FTS5, the main window) and exit")
    commands = parser.add_subparsers(dest="command")

    sync = commands.add_parser("sync", parents=[common], help="sync once, headless, and print the counts")
    sync.add_argument("--server", help="marketplace server address, e.g. http://127.0.0.1:8765")
    sync.add_argument("--user", help="user name to sign in as")
    sync.add_argument("--page-size", type=int, default=1000, help="listings per feed page (1-5000)")
    sync.set_defaults(run=cmd_sync)

    status = commands.add_parser("status", parents=[common], help="what the cache and the outbox hold")
    status.set_defaults(run=cmd_status)

    rules_cli.add_parser(commands)
    parser.set_defaults(run=cmd_app)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if not hasattr(args, "data_dir"):
        args.data_dir = None
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if getattr(args, "page_size", 1000) not in range(1, 5001):
        print("--page-size must be from 1 to 5000", file=sys.stderr)
        return 2
    if getattr(args, "self_test", False):
        args.run = cmd_self_test
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 130
    except StorageProblem as problem:  # the disk or a file of ours: a sentence, and a code that says which
        logging.getLogger(__name__).debug("storage problem", exc_info=True)
        print(problem.sentence(), file=sys.stderr)
        return problem.exit_code

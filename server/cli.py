"""`gemdesk-server`: serve the marketplace API, migrate, seed the demo marketplace, add users,
purge old tombstones, build the catalogue snapshot. `--data-dir` (before the command) says where the SQLite database
lives unless DATABASE_URL names another database."""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
from datetime import datetime, timezone
from pathlib import Path

from server.config import Settings
from server.services.caller import ROLES


def _settings(args: argparse.Namespace) -> Settings:
    settings = Settings.from_env(data_dir=args.data_dir)
    settings.ensure_data_dir()
    return settings


def _migrate(settings: Settings) -> None:
    from server.db.migrate import upgrade

    upgrade(settings.database_url)


def cmd_migrate(args: argparse.Namespace) -> int:
    settings = _settings(args)
    _migrate(settings)
    print(f"The database is up to date ({_where(settings)}).")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from server.api.app import create_app
    from server.db.engine import statement_parameters_logged
    from server.services.schedule import SnapshotScheduler, Stepper

    settings = _settings(args)
    _migrate(settings)
    _fewer_malloc_arenas()
    app = create_app(settings)
    if statement_parameters_logged(app.state.db.engine):
        print("Warning: PostgreSQL logs statements (log_statement or log_min_duration_statement) and this role may "
              "not turn off their parameters, which hold sealed offers: set log_parameter_max_length = 0 for the "
              "server, or GRANT SET ON PARAMETER log_parameter_max_length to its role.", file=sys.stderr, flush=True)
    stepper = Stepper(app.state.db, app.state.clock)
    stepper.start()
    snapshots = SnapshotScheduler(settings)
    snapshots.start()
    # proxy_headers off: uvicorn would otherwise take X-Forwarded-For from any local peer as
    # the client's address; the app believes it only from settings.trusted_proxies.
    config = uvicorn.Config(app, host=args.host, port=args.port, log_level="info", access_log=False,
                            proxy_headers=False)

    class _Server(uvicorn.Server):
        async def startup(self, sockets=None) -> None:
            await super().startup(sockets)
            if self.started:  # announce only once the port is really open
                print(f"GeM Desk server listening on http://{args.host}:{args.port}", flush=True)

    # uvicorn handles SIGINT and SIGTERM itself: it stops accepting, finishes requests, exits.
    _Server(config).run()
    snapshots.stop()
    stepper.stop()
    app.state.db.dispose()
    return 0


def _fewer_malloc_arenas(arenas: int = 2) -> None:
    """glibc gives each of the worker threads (up to 40) a malloc arena of its own, and memory
    freed in one is rarely returned: under load the server's RSS grew by a fifth more than its
    live data (bench/api_load.py). Two arenas keep it near what is in use. Linux only; a no-op
    where the C library has no mallopt or MALLOC_ARENA_MAX is already set."""
    if not sys.platform.startswith("linux") or "MALLOC_ARENA_MAX" in os.environ:
        return
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").mallopt(-8, arenas)  # M_ARENA_MAX
    except (OSError, AttributeError):
        pass


def cmd_seed(args: argparse.Namespace) -> int:
    from server.db.engine import make_engine

    if args.products < 0:
        print("--products must be a whole number, not negative.", file=sys.stderr)
        return 2
    settings = _settings(args)
    _migrate(settings)
    from server.seed import AlreadySeeded, SeedInterrupted, is_seeded, seed_marketplace

    engine = make_engine(settings.database_url)
    try:
        if args.if_empty and is_seeded(engine):
            print("The marketplace already has its demo data; not seeding again.")
            return 0
        summary = seed_marketplace(engine, products=args.products, progress=print)
        print(f"Seeded the demo marketplace: {summary}")
    except AlreadySeeded:
        print("This marketplace already has its demo data; nothing was changed. "
              "(Use --if-empty to make that a success.)", file=sys.stderr)
        return 1
    except SeedInterrupted:
        print(f"An earlier seed of this database stopped half way. Delete it ({_where(settings)}) "
              "and seed again.", file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    return 0


def cmd_create_user(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from server.db.engine import Database
    from server.db.models import BuyerOrg, SellerFirm, User
    from server.db.trail import SYSTEM, act_as
    from server.security import hash_password

    if args.role == "buyer" or args.role == "approver":
        if args.buyer_org is None:
            print(f"A {args.role} belongs to a buyer office: give --buyer-org ID.", file=sys.stderr)
            return 2
    if args.role == "seller" and args.seller_firm is None:
        print("A seller belongs to a firm: give --seller-firm ID.", file=sys.stderr)
        return 2
    password = os.environ.get("GEMDESK_PASSWORD") or getpass.getpass(f"Password for {args.username}: ")
    if not password:
        print("A password is needed (GEMDESK_PASSWORD or the prompt).", file=sys.stderr)
        return 2
    settings = _settings(args)
    _migrate(settings)
    db = Database(settings.database_url)
    try:
        with db.writing() as session:
            if session.scalar(select(User.id).where(User.username == args.username)) is not None:
                print(f"There is already a user called {args.username}.", file=sys.stderr)
                return 1
            if args.buyer_org is not None and session.get(BuyerOrg, args.buyer_org) is None:
                print(f"There is no buyer office with id {args.buyer_org}.", file=sys.stderr)
                return 1
            if args.seller_firm is not None and session.get(SellerFirm, args.seller_firm) is None:
                print(f"There is no seller firm with id {args.seller_firm}.", file=sys.stderr)
                return 1
            act_as(session, SYSTEM, "user.create")
            session.add(
                User(
                    username=args.username,
                    display_name=args.display_name or args.username,
                    password_hash=hash_password(password),
                    role=args.role,
                    buyer_org_id=args.buyer_org if args.role in ("buyer", "approver") else None,
                    seller_firm_id=args.seller_firm if args.role == "seller" else None,
                    active=True,
                    created_at=datetime.now(timezone.utc),
                )
            )
    finally:
        db.dispose()
    print(f"Created {args.role} {args.username}.")
    return 0


def cmd_purge(args: argparse.Namespace) -> int:
    from server.db.engine import Database
    from server.services.purge import purge_tombstones

    settings = _settings(args)
    _migrate(settings)
    days = args.older_than_days if args.older_than_days is not None else settings.tombstone_horizon_days
    db = Database(settings.database_url)
    try:
        result = purge_tombstones(db, days)
    finally:
        db.dispose()
    print(f"Purged {result.purged} retired listings older than {days:g} days; feed horizon is now position {result.horizon_seq}.")
    return 0


def cmd_snapshot(args: argparse.Namespace) -> int:
    from datetime import timedelta

    from server.db.engine import Database
    from server.services import snapshot

    settings = _settings(args)
    _migrate(settings)
    db = Database(settings.database_url)
    try:
        if args.if_due:
            last_seq, horizon_seq = snapshot.feed_state(db)
            if not snapshot.due(snapshot.current(settings.data_dir), last_seq, horizon_seq, snapshot.utc_now(),
                                every=timedelta(hours=settings.snapshot_every_hours),
                                min_changes=settings.snapshot_min_changes,
                                night_hours_ist=(settings.snapshot_night_from_hour_ist, settings.snapshot_night_to_hour_ist)):
                snapshot.prune(settings.data_dir, keep=timedelta(hours=settings.snapshot_keep_hours))
                print("No catalogue snapshot is due.")
                return 0
        built = snapshot.build(db, settings.data_dir, keep=timedelta(hours=settings.snapshot_keep_hours))
    finally:
        db.dispose()
    part = built.manifest["parts"][0]
    print(f"Catalogue snapshot {built.manifest['name']}: {built.manifest['rows']['listings']:,} listings at feed "
          f"position {built.manifest['feed_position']}, {part['size']:,} bytes ({built.path}).")
    return 0


def _where(settings: Settings) -> str:
    from sqlalchemy.engine import make_url

    return make_url(settings.database_url).render_as_string(hide_password=True)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="gemdesk-server", description="The GeM Desk marketplace server.")
    parser.add_argument("--data-dir", type=Path, default=None, help="folder of the SQLite database (default: the user data folder)")
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="run the marketplace API (migrates first)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.set_defaults(run=cmd_serve)

    commands.add_parser("migrate", help="bring the database schema up to date").set_defaults(run=cmd_migrate)

    seed = commands.add_parser("seed", help="build the deterministic demo marketplace")
    seed.add_argument("--products", type=int, required=True)
    seed.add_argument("--if-empty", action="store_true", help="do nothing if the demo data is already there")
    seed.set_defaults(run=cmd_seed)

    user = commands.add_parser("create-user", help="add a user (password from GEMDESK_PASSWORD or a prompt)")
    user.add_argument("username")
    user.add_argument("--role", required=True, choices=ROLES)
    org = user.add_mutually_exclusive_group()
    org.add_argument("--buyer-org", type=int)
    org.add_argument("--seller-firm", type=int)
    user.add_argument("--display-name")
    user.set_defaults(run=cmd_create_user)

    purge = commands.add_parser("purge-tombstones", help="delete old retired listings; older feed cursors must resync")
    purge.add_argument("--older-than-days", type=float, default=None, help="default: the tombstone horizon (90 days)")
    purge.set_defaults(run=cmd_purge)

    snap = commands.add_parser("snapshot", help="build the catalogue snapshot new desktops download first")
    snap.add_argument("--if-due", action="store_true", help="only if the schedule says one is due (the scheduler's call)")
    snap.set_defaults(run=cmd_snapshot)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())

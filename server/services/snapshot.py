"""The catalogue snapshot: the buyer-visible catalogue at one feed position, as one file a new
desktop downloads (resumably, by HTTP ranges) instead of paging the whole feed.

What it holds is exactly what a buyer's first pull of the feed would hold at that position
(server/services/feed.py with no cursor and no filter): the published listings
(`domain.listing.BUYER_VISIBLE`) in the feed's shape (server/wire.py `listing_json`), the
sellers of those listings as buyers see them (`seller_public_json`: never a firm's name),
and every category. It is read in one consistent read transaction (PostgreSQL REPEATABLE
READ READ ONLY; on SQLite one WAL read transaction), which takes no write lock: writers go
on while it is built. The feed position is `feed_state.last_seq` read in that same
transaction, so every row at or below it is in the snapshot and none above it.

Format 1 (chosen by measurement, docs/architecture.md): xz-compressed text, one JSON object
a line: a header, the categories, the sellers as columns, then the listings as pages of
columns (10,000 listings a page). Columns compress far better than rows (the same keys and
similar values side by side): on the 100,000-product demo catalogue 52 bytes a listing,
against 138 for gzipped JSON rows and 64 for an xz-compressed SQLite file.

Each snapshot is `catalogue-<position>-<stamp>.xz` with its manifest `<same>.json` in the
snapshot folder; `current.json` is the manifest of the one served now. A replaced snapshot
is still served for `KEEP_REPLACED` (a desktop half way through it may finish it), then
pruned.
"""

from __future__ import annotations

import hashlib
import json
import logging
import lzma
import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Iterator

from sqlalchemy import Connection, select

from domain.listing import BUYER_VISIBLE
from domain.timefmt import iso_utc, parse_iso, utc_now
from server.db.engine import Database
from server.db.models import Category, FeedState, Listing, SellerFirm
from server.services.feed import Cursor
from server.wire import category_json, listing_json, seller_public_json

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
PAGE_ROWS = 10_000
XZ_PRESET = 6
CURRENT = "current.json"
# A replaced snapshot stays this long: a desktop on a slow line that started it yesterday
# finishes it rather than starting again (1M listings at 2 Mbit/s take under an hour).
KEEP_REPLACED = timedelta(hours=48)
# The feed's listing fields (server/wire.py `listing_json`), one column each.
LISTING_KEYS = (
    "id", "seller_id", "category_id", "title", "brand", "model", "key_specs", "other_specs", "country_of_origin",
    "local_content_pct", "mii_class", "mrp_paise", "price_paise", "stock", "min_order_qty", "delivery_districts",
    "delivery_pincodes", "images", "status", "reject_reason", "version", "created_at", "updated_at",
)
SELLER_KEYS = ("id", "mse_class", "women_owned", "scst_owned", "nature", "state", "district")
IST_OFFSET = timedelta(hours=5, minutes=30)
_T = Listing.__table__
_VISIBLE = sorted(str(s) for s in BUYER_VISIBLE)


def folder_of(data_dir: Path) -> Path:
    return Path(data_dir) / "snapshots"


@dataclass(frozen=True)
class Built:
    manifest: dict[str, Any]
    path: Path


class _Hashing:
    """A file object that hashes and counts what is written through it."""

    def __init__(self, raw) -> None:
        self.raw, self.sha, self.size = raw, hashlib.sha256(), 0

    def write(self, data: bytes) -> int:
        self.sha.update(data)
        self.size += len(data)
        return self.raw.write(data)

    def flush(self) -> None:
        self.raw.flush()


def _consistent(conn: Connection, dialect: str) -> Connection:
    if dialect == "postgresql":
        return conn.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
    return conn  # SQLite: BEGIN DEFERRED; the first SELECT fixes the WAL snapshot for the transaction


def _lines(conn: Connection, position: int, counts: dict[str, int]) -> Iterator[dict[str, Any]]:
    yield {"format": FORMAT_VERSION, "feed_position": position}
    categories = [category_json(row) for row in _categories(conn)]
    counts["categories"] = len(categories)
    yield {"part": "categories", "rows": categories}
    visible = (_T.c.status.in_(_VISIBLE), _T.c.feed_seq <= position)
    firms = conn.execute(
        select(SellerFirm.__table__).where(SellerFirm.id.in_(select(_T.c.seller_firm_id).where(*visible).distinct()))
        .order_by(SellerFirm.id)).mappings().all()
    sellers = [seller_public_json(_Row(f)) for f in firms]
    counts["sellers"] = len(sellers)
    yield {"part": "sellers", "columns": {k: [s[k] for s in sellers] for k in SELLER_KEYS}}
    page: list[dict[str, Any]] = []
    seqs: list[int] = []
    result = conn.execution_options(yield_per=PAGE_ROWS).execute(
        select(_T).where(*visible).order_by(_T.c.feed_seq)).mappings()
    counts["listings"] = 0
    for row in result:
        page.append(listing_json(row))
        seqs.append(row["feed_seq"])
        if len(page) == PAGE_ROWS:
            counts["listings"] += len(page)
            yield _listing_page(page, seqs)
            page, seqs = [], []
    if page:
        counts["listings"] += len(page)
        yield _listing_page(page, seqs)


def _categories(conn: Connection) -> list[Any]:
    return [_Row(row) for row in conn.execute(select(Category.__table__).order_by(Category.id)).mappings()]


class _Row:
    """Attribute access over a Core row mapping (server/wire.py reads ORM objects)."""

    def __init__(self, mapping: Any) -> None:
        self._m = mapping

    def __getattr__(self, name: str) -> Any:
        return self._m[name]


def _listing_page(page: list[dict[str, Any]], seqs: list[int]) -> dict[str, Any]:
    columns = {k: [listing[k] for listing in page] for k in LISTING_KEYS}
    columns["seq"] = seqs
    return {"part": "listings", "columns": columns}


def build(db: Database, data_dir: Path, now: datetime | None = None, keep: timedelta = KEEP_REPLACED) -> Built:
    """Write a new snapshot and make it the current one (then prune old ones)."""
    folder = folder_of(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    now = now or utc_now()
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    temporary = folder / f".building-{os.getpid()}-{stamp}.xz"
    counts: dict[str, int] = {}
    with db.engine.connect() as raw_conn:
        conn = _consistent(raw_conn, db.dialect)
        with conn.begin():
            position = conn.scalar(select(FeedState.last_seq).where(FeedState.id == 1)) or 0
            horizon = conn.scalar(select(FeedState.horizon_seq).where(FeedState.id == 1)) or 0
            with open(temporary, "wb") as out:
                hashing = _Hashing(out)
                with lzma.open(hashing, "wb", preset=XZ_PRESET) as xz:
                    for line in _lines(conn, position, counts):
                        xz.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")).encode())
                        xz.write(b"\n")
                out.flush()
                os.fsync(out.fileno())
    name = f"catalogue-{position}-{stamp}"
    path = folder / f"{name}.xz"
    os.replace(temporary, path)
    manifest = {
        "format_version": FORMAT_VERSION,
        "name": name,
        "feed_position": position,
        "horizon_at_build": horizon,
        # Where the feed goes on from: the changes after the snapshot's position, tombstones
        # included (the snapshot's rows may since have been withdrawn).
        "cursor": Cursor(position, position).encode(),
        "created_at": iso_utc(now),
        "rows": counts,
        "parts": [{
            "name": "catalogue",
            "file": path.name,
            "url": f"/api/v1/snapshot/files/{path.name}",
            "media_type": "application/x-xz",
            "content": "gemdesk-catalogue-columns-1",
            "size": hashing.size,
            "sha256": hashing.sha.hexdigest(),
        }],
    }
    _write_json(folder / f"{name}.json", manifest)
    _write_json(folder / CURRENT, manifest)
    log.info("catalogue snapshot %s: %s listings, %s bytes", name, counts.get("listings"), hashing.size)
    prune(data_dir, now, keep)
    return Built(manifest, path)


def _write_json(path: Path, data: dict[str, Any]) -> None:
    temporary = path.with_name(path.name + ".tmp")
    with open(temporary, "w", encoding="utf-8") as out:
        json.dump(data, out, ensure_ascii=False, indent=1)
        out.flush()
        os.fsync(out.fileno())
    os.replace(temporary, path)


def current(data_dir: Path) -> dict[str, Any] | None:
    try:
        return json.loads((folder_of(data_dir) / CURRENT).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _manifests(folder: Path) -> list[dict[str, Any]]:
    found = []
    for path in folder.glob("catalogue-*.json"):
        try:
            found.append(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            continue
    return sorted(found, key=lambda m: (m["created_at"], m["feed_position"]))


def served_file(data_dir: Path, file_name: str) -> tuple[Path, dict[str, Any]] | None:
    """The file and its manifest's part, if the snapshot is still kept."""
    folder = folder_of(data_dir)
    for manifest in _manifests(folder):
        for part in manifest["parts"]:
            if part["file"] == file_name and (folder / file_name).is_file():
                return folder / file_name, part
    return None


def prune(data_dir: Path, now: datetime | None = None, keep: timedelta = KEEP_REPLACED) -> list[str]:
    """Delete the snapshots replaced more than `keep` ago (and builds left half made)."""
    folder = folder_of(data_dir)
    now = now or utc_now()
    live = current(data_dir)
    removed = []
    manifests = _manifests(folder)
    for older, newer in zip(manifests, manifests[1:]):
        if live is not None and older["name"] == live["name"]:
            continue
        if now - parse_iso(newer["created_at"]) > keep:
            for part in older["parts"]:
                (folder / part["file"]).unlink(missing_ok=True)
            (folder / f"{older['name']}.json").unlink(missing_ok=True)
            removed.append(older["name"])
    for stale in folder.glob(".building-*"):
        if now.timestamp() - stale.stat().st_mtime > 24 * 3600:
            stale.unlink(missing_ok=True)
    return removed


def due(manifest: dict[str, Any] | None, last_seq: int, horizon_seq: int, now: datetime, *,
        every: timedelta, min_changes: int, night_hours_ist: tuple[int, int] = (0, 24)) -> bool:
    """Whether the scheduler builds a new snapshot: at once when there is none, or when the
    tombstone horizon passed it (its cursor would be refused with 410); otherwise at night
    (IST hours [from, to)) once it is at least `every` old and the feed has moved by at least
    `min_changes` positions since: rebuilding an unchanged catalogue only costs desktops a
    download, and a build competes with the day's traffic for the server's CPU."""
    if manifest is None:
        return last_seq > 0
    if manifest["feed_position"] < horizon_seq:
        return True
    hour = (now + IST_OFFSET).hour
    at_night = night_hours_ist[0] <= hour < night_hours_ist[1]
    old_enough = now - parse_iso(manifest["created_at"]) >= every
    return at_night and old_enough and last_seq - manifest["feed_position"] >= min_changes


def feed_state(db: Database) -> tuple[int, int]:
    with db.reading() as session:
        state = session.get(FeedState, 1)
        return (state.last_seq, state.horizon_seq) if state is not None else (0, 0)

"""The local cache: the listings this user may see, searchable offline (SQLite, WAL, FTS5).

The cache is rebuildable: everything in it came from the server's feed, so a corrupt,
deleted or incompatible file is moved aside and filled again from the start. The user's
own unsynced work never lives here (see app/outbox.py).

Writes come in whole feed pages: a page's upserts and deletes and the cursor after them
commit in one transaction, with bulk statements, so a crash at any instant leaves the cache
at the end of some page and the next sync resumes from there. Listing rows only move
forward: an older version never overwrites a newer one (a push answer may arrive before
the feed page that carries the same change).

The schema version lives in `PRAGMA user_version`; an older cache is refilled from the server.
"""

from __future__ import annotations

import json
import logging
import operator
import os
import re
import shutil
import sqlite3
import time
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

from sqlalchemy import Connection, Engine, bindparam, column, delete, func, literal_column, select, table, text
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from app.models import Base, CachedCategory, CachedListing, CachedSeller, SyncState
from app.models.cache import SELLER_CLASS_RANK_SQL
from app.storage import CacheDamaged, make_folder, open_sqlite, writer

log = logging.getLogger(__name__)

CACHE_FILE = "cache.sqlite"
_L = CachedListing.__table__
_FTS = table("listings_fts", column("rowid"))
_FTS_COLUMNS = "title, brand, model, category_names, specs_text, filter_tokens"
# The columns the user's words are matched against (not the filter tokens).
_TEXT_COLUMNS = "{title brand model category_names specs_text}"
_FTS_NEW = ", ".join(f"new.{c}" for c in _FTS_COLUMNS.split(", "))
_FTS_OLD = ", ".join(f"old.{c}" for c in _FTS_COLUMNS.split(", "))
_FTS_CHANGED = " OR ".join(f"old.{c} IS NOT new.{c}" for c in _FTS_COLUMNS.split(", "))
# The same text as json.dumps(x, ensure_ascii=...), without building an encoder per call.
_dumps_unicode = json.JSONEncoder(ensure_ascii=False).encode
_dumps_ascii = json.JSONEncoder().encode
_INSERT_COLUMNS = tuple(c.name for c in _L.columns if c.name != "rowid")
_insert_values = operator.itemgetter(*_INSERT_COLUMNS)
_INSERT_SQL = f"INSERT INTO listings ({', '.join(_INSERT_COLUMNS)}) VALUES ({', '.join('?' for _ in _INSERT_COLUMNS)})"
# Micro and small enterprises: the Public Procurement Policy for MSEs (2012) favours these, not
# medium ones.
MSE_CLASSES = ("micro", "small")


def _create_schema(conn: Connection) -> None:
    Base.metadata.create_all(conn)
    # External-content FTS5 over the listings, kept in step by triggers. Prefix indexes make
    # search-as-you-type fast; remove_diacritics 2 folds Latin accents. Marks (M*) must be
    # token characters: unicode61's default splits Devanagari words at every vowel sign, so
    # "कुर्सी" would index as the letters "क", "र", "स".
    conn.exec_driver_sql(
        f"CREATE VIRTUAL TABLE listings_fts USING fts5({_FTS_COLUMNS}, content='listings', content_rowid='rowid', "
        "tokenize=\"unicode61 remove_diacritics 2 categories 'L* N* Co M*'\", prefix='2 3')"
    )
    _create_fts_triggers(conn)


def _create_fts_triggers(conn: Connection, below: str | None = None) -> None:
    """The triggers that keep the FTS index in step with the listings. With `below` (SQL of a
    rowid) they touch only rows up to it: during a bulk fill the rows above it are not in the
    FTS index yet, and a 'delete' of a row the index never had would corrupt it."""
    where = f"new.rowid <= {below}" if below else ""
    where_old = f"old.rowid <= {below}" if below else ""
    conn.exec_driver_sql(
        f"CREATE TRIGGER listings_fts_insert AFTER INSERT ON listings {'WHEN ' + where if where else ''} BEGIN "
        f"INSERT INTO listings_fts(rowid, {_FTS_COLUMNS}) VALUES (new.rowid, {_FTS_NEW}); END"
    )
    conn.exec_driver_sql(
        f"CREATE TRIGGER listings_fts_delete AFTER DELETE ON listings {'WHEN ' + where_old if where_old else ''} BEGIN "
        f"INSERT INTO listings_fts(listings_fts, rowid, {_FTS_COLUMNS}) VALUES ('delete', old.rowid, {_FTS_OLD}); END"
    )
    # Only a change to searchable text re-indexes: a price or stock change costs no FTS work.
    changed = f"({_FTS_CHANGED})" + (f" AND {where_old}" if where_old else "")
    conn.exec_driver_sql(
        f"CREATE TRIGGER listings_fts_update AFTER UPDATE ON listings WHEN {changed} BEGIN "
        f"INSERT INTO listings_fts(listings_fts, rowid, {_FTS_COLUMNS}) VALUES ('delete', old.rowid, {_FTS_OLD}); "
        f"INSERT INTO listings_fts(rowid, {_FTS_COLUMNS}) VALUES (new.rowid, {_FTS_NEW}); END"
    )


def _drop_fts_triggers(conn: Connection) -> None:
    for name in ("insert", "delete", "update"):
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS listings_fts_{name}")


def _drop_listings_schema(conn: Connection) -> None:
    """Everything an older schema kept about listings; sync state (owner, profile) stays."""
    conn.exec_driver_sql("DROP TABLE IF EXISTS listings_fts")
    for name in ("listings", "sellers", "categories"):
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS {name}")
    conn.exec_driver_sql("DELETE FROM sync_state WHERE name = 'cursor'")


# The cache is rebuildable: a cache older than REFILL_BELOW is refilled from the server
# (before 4: no seller class, no "delivers here" flag, other indexes); later ones are
# upgraded in place by UPGRADES[n], which takes version n to n + 1.
REFILL_BELOW = 4
UPGRADES: dict[int, Callable[[Connection], None]] = {}
SCHEMA_VERSION = 4


class CacheUnusable(Exception):
    """The cache file is from a newer GeM Desk, or lacks a part of its schema: rebuild it."""


# Every table a sound cache has (the FTS index's shadow tables are checked by FTS5 itself).
_REQUIRED = ("listings", "listings_fts", "sellers", "categories", "sync_state")


@dataclass(frozen=True)
class PageResult:
    upserts: int
    deletes: int


@dataclass(frozen=True)
class SearchFilters:
    category_ids: Sequence[int] = ()
    min_price_paise: int | None = None
    max_price_paise: int | None = None
    mse_only: bool = False
    mii_class: str | None = None
    district: str | None = None
    statuses: Sequence[str] = ()


SORTABLE = {
    "title": _L.c.title.collate("NOCASE"), "brand": _L.c.brand.collate("NOCASE"), "price": _L.c.price_paise, "stock": _L.c.stock,
    "seller_class": literal_column(SELLER_CLASS_RANK_SQL), "feed": _L.c.rowid,
}


def district_key(district: str | None) -> str:
    """A district name folded for comparison: "Janjgir-Champa" and "janjgir champa" are one."""
    return "".join(ch for ch in (district or "").lower() if ch.isalnum() or unicodedata.category(ch).startswith("M"))


def fts_query(user_text: str, category_ids: Sequence[int] = ()) -> str | None:
    """The user's words as a safe FTS5 query: every word must match, the last (from two
    letters) as a prefix (search as you type); with categories, the listing must also carry
    one of their tokens. None when there is nothing to match."""
    words = [w for w in re.split(r"[\s\"'`()\[\]{},.:;!?*^+\-/\\|<>=&%$#@~]+", user_text) if w]
    parts = []
    if words:
        quoted = [f'"{w}"' for w in words]
        if len(words[-1]) > 1:  # one letter as a prefix would match nearly every listing
            quoted[-1] += "*"
        parts.append(f"{_TEXT_COLUMNS} : ({' '.join(quoted)})")
    if category_ids:
        parts.append(f"filter_tokens : ({' OR '.join(f'c{int(c)}' for c in category_ids)})")
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else " AND ".join(f"({part})" for part in parts)


def _search_text(listing: Mapping[str, Any]) -> str:
    parts = []
    for specs in (listing.get("key_specs") or {}, listing.get("other_specs") or {}):
        parts += [f"{k} {v}" for k, v in specs.items()]
    return " ".join(parts)


class Cache:
    def __init__(self, folder: Path) -> None:
        self.folder = make_folder(folder)
        self.path = self.folder / CACHE_FILE
        self._category_names: dict[int, str] = {}
        self._category_tokens: dict[int, str] = {}
        self._home = ""  # the user's district, folded: listings that deliver there are flagged
        self._home_spellings: set[str] = set()  # district names met that are, or are not, the user's
        self._other_spellings: set[str] = set()
        self.engine = self._open()

    # -- opening, migrating, rebuilding ---------------------------------------------------

    def _connect(self) -> Engine:
        # A rebuildable cache: synchronous NORMAL is safe against a crashed or killed app (only
        # a power cut may lose the last pages, which the next sync fetches again by its cursor).
        return open_sqlite(self.path, synchronous="NORMAL", damaged=CacheDamaged, cache_size_kib=65536,
                           functions={"gemdesk_district_key": district_key})

    def write_transaction(self) -> Connection:
        """A write transaction (BEGIN IMMEDIATE: the sync and the windows' stored reads both write)."""
        return writer(self.engine).begin()

    def _open(self) -> Engine:
        engine = self._connect()
        try:
            self._migrate(engine)
            return engine
        except (CacheDamaged, CacheUnusable) as error:
            engine.dispose()
            log.warning("the cache at %s is unusable (%s); rebuilding it from the server", self.path, error)
        except BaseException:
            engine.dispose()
            raise
        self._move_aside()
        engine = self._connect()
        self._migrate(engine)
        return engine

    def _migrate(self, engine: Engine) -> None:
        with writer(engine).begin() as conn:
            version = conn.exec_driver_sql("PRAGMA user_version").scalar_one()
            if version > SCHEMA_VERSION:
                raise CacheUnusable(f"schema version {version} is newer than this GeM Desk ({SCHEMA_VERSION})")
            if 0 < version < REFILL_BELOW:
                log.info("the cache's schema %s is older than %s; it is refilled from the server", version, REFILL_BELOW)
                _drop_listings_schema(conn)
                version = 0
            if version == 0:
                _create_schema(conn)
            present = {row[0] for row in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")}
            missing = [name for name in _REQUIRED if name not in present]
            if missing:
                raise CacheUnusable(f"the {', '.join(missing)} table is missing")
            for step in range(version or SCHEMA_VERSION, SCHEMA_VERSION):
                UPGRADES[step](conn)
            if version != SCHEMA_VERSION:
                conn.exec_driver_sql(f"PRAGMA user_version={SCHEMA_VERSION}")
            self._load_category_text(conn)
            self._home = conn.scalar(select(SyncState.value).where(SyncState.name == "home_district")) or ""
            self._home_spellings, self._other_spellings = set(), set()

    def _move_aside(self) -> None:
        """Keep the last unusable file for support (one only: a full cache is large)."""
        stamp = time.strftime("%Y%m%d-%H%M%S")
        for old in self.folder.glob(f"{CACHE_FILE}.unusable-*"):
            old.unlink(missing_ok=True)
        for suffix in ("", "-wal", "-shm"):
            source = self.path.with_name(CACHE_FILE + suffix)
            if source.exists():
                shutil.move(source, self.path.with_name(f"{CACHE_FILE}.unusable-{stamp}{suffix}"))

    def rebuild(self) -> None:
        """Throw the cache away and start empty (the next sync pulls everything). The
        user's own work is in the outbox, which this never touches. Other threads may be
        reading meanwhile: the empty cache is made beside the file and then put in its place
        in one rename, so a reader sees the old file or the new one, never a file half made."""
        fresh = self.path.with_name(CACHE_FILE + ".rebuilding")
        for suffix in ("", "-wal", "-shm"):
            fresh.with_name(fresh.name + suffix).unlink(missing_ok=True)
        made = open_sqlite(fresh, synchronous="NORMAL", damaged=CacheDamaged)
        try:
            self._migrate(made)
        finally:
            made.dispose()
        self.engine.dispose()
        self._keep_aside()
        os.replace(fresh, self.path)
        self.engine = self._connect()
        self._migrate(self.engine)

    def _keep_aside(self) -> None:
        """The damaged file, kept for support under another name while it stays in place
        (the last one only: a full cache is large)."""
        stamp = time.strftime("%Y%m%d-%H%M%S")
        for old in self.folder.glob(f"{CACHE_FILE}.unusable-*"):
            old.unlink(missing_ok=True)
        kept = self.path.with_name(f"{CACHE_FILE}.unusable-{stamp}")
        try:
            os.link(self.path, kept)
        except OSError:
            shutil.copyfile(self.path, kept)
        for suffix in ("-wal", "-shm"):
            source = self.path.with_name(CACHE_FILE + suffix)
            if source.exists():
                shutil.move(source, kept.with_name(kept.name + suffix))

    def close(self) -> None:
        self.engine.dispose()

    # -- sync state -------------------------------------------------------------------------

    def state(self, name: str, default: str | None = None) -> str | None:
        with self.engine.connect() as conn:
            value = conn.scalar(select(SyncState.value).where(SyncState.name == name))
        return default if value is None else value

    def set_state(self, values: Mapping[str, str], conn: Connection | None = None) -> None:
        rows = [{"name": k, "value": v} for k, v in values.items()]
        statement = sqlite_insert(SyncState).on_conflict_do_update(index_elements=["name"], set_={"value": sqlite_insert(SyncState).excluded.value})
        if conn is not None:
            conn.execute(statement, rows)
            return
        with self.write_transaction() as own:
            own.execute(statement, rows)

    def adopt(self, owner: str) -> bool:
        """Make this cache `owner`'s ("user@server"). A cache holds one user's view of one
        server: another's is emptied first (True when that happened)."""
        previous = self.state("owner")
        if previous not in (None, owner):
            self.reset_listings(keep={"owner": owner})
            with self.write_transaction() as conn:  # what belonged to the previous owner
                conn.execute(delete(SyncState).where(SyncState.name.in_(["profile", "last_sync_at"])))
            return True
        if previous is None:
            self.set_state({"owner": owner})
        return False

    def _delivers_home(self, districts: list[str]) -> bool:
        """Whether any of a listing's districts is the user's. A million listings name the same
        few hundred districts, so names are folded once and then only looked up (in C)."""
        if not self._home_spellings.isdisjoint(districts):
            return True
        if self._other_spellings.issuperset(districts):
            return False
        for name in districts:
            (self._home_spellings if district_key(name) == self._home else self._other_spellings).add(name)
        return not self._home_spellings.isdisjoint(districts)

    def set_home_district(self, district: str | None) -> None:
        """The user's own district: "delivers to my district" is a flag on each listing,
        worked out as it is written, so the filter costs nothing at search time. A change
        (rare: the user's office moved) flags the listings again."""
        home = district_key(district)
        if home == self._home:
            return
        with self.write_transaction() as conn:
            self.set_state({"home_district": home}, conn)
            places = func.json_each(_L.c.delivery_districts).table_valued("value")
            delivers = select(1).select_from(places).where(func.gemdesk_district_key(places.c.value) == home).exists()
            conn.execute(_L.update().values(delivers_home=delivers if home else 0))
        self._home = home
        self._home_spellings, self._other_spellings = set(), set()

    def reset_listings(self, keep: Mapping[str, str] | None = None) -> None:
        """Forget every listing and the cursor (a resync), keeping categories and settings."""
        with self.write_transaction() as conn:
            if conn.scalar(select(SyncState.value).where(SyncState.name == _FILL)) is not None:
                # A fill's rows leave the FTS index at once, not one trigger at a time.
                conn.exec_driver_sql("INSERT INTO listings_fts(listings_fts) VALUES ('delete-all')")
                self.set_state({_FTS_UPTO: "0"}, conn)
            conn.execute(delete(CachedListing))
            conn.execute(delete(CachedSeller))
            conn.execute(delete(SyncState).where(SyncState.name == "cursor"))
            if keep:
                self.set_state(keep, conn)

    # -- writes from the server -----------------------------------------------------------

    def set_categories(self, categories: Iterable[Mapping[str, Any]]) -> None:
        rows = [
            {
                "id": c["id"], "parent_id": c["parent_id"], "code": c["code"], "name_en": c["name_en"],
                "name_hi": c["name_hi"], "is_service": bool(c["is_service"]),
                "key_params": json.dumps(c["key_params"], ensure_ascii=False),
            }
            for c in categories
        ]
        with self.write_transaction() as conn:
            conn.execute(delete(CachedCategory))
            if rows:
                conn.execute(sqlite_insert(CachedCategory), rows)
            self._load_category_text(conn)

    def _load_category_text(self, conn: Connection) -> None:
        rows = conn.execute(select(CachedCategory.id, CachedCategory.parent_id, CachedCategory.name_en, CachedCategory.name_hi)).all()
        by_id = {row.id: row for row in rows}
        self._category_names, self._category_tokens = {}, {}
        for row in rows:  # a listing is found by its category's names and its ancestors'
            chain, seen = [], row
            while seen is not None and len(chain) < 20:
                chain.append(seen)
                seen = by_id.get(seen.parent_id)
            self._category_names[row.id] = " ".join(f"{c.name_en} {c.name_hi}" for c in chain)
            self._category_tokens[row.id] = " ".join(f"c{c.id}" for c in chain)

    def _listing_row(self, listing: Mapping[str, Any], seq: int, seller_class: str | None) -> dict[str, Any]:
        dumps = _dumps_unicode
        return {
            "id": listing["id"],
            "seller_id": listing["seller_id"],
            "category_id": listing["category_id"],
            "title": listing["title"],
            "brand": listing["brand"],
            "model": listing["model"],
            "key_specs": dumps(listing["key_specs"]),
            "other_specs": dumps(listing["other_specs"]),
            "country_of_origin": listing["country_of_origin"],
            "local_content_pct": listing["local_content_pct"],
            "mii_class": listing["mii_class"],
            "mrp_paise": listing["mrp_paise"],
            "price_paise": listing["price_paise"],
            "stock": listing["stock"],
            "min_order_qty": listing["min_order_qty"],
            "delivery_districts": dumps(listing["delivery_districts"]),
            "delivery_pincodes": _dumps_ascii(listing["delivery_pincodes"]) if listing["delivery_pincodes"] else "[]",
            "images": _dumps_ascii(listing["images"]) if listing["images"] else "[]",
            "status": listing["status"],
            "reject_reason": listing["reject_reason"],
            "version": listing["version"],
            "created_at": listing["created_at"],
            "updated_at": listing["updated_at"],
            "feed_seq": seq,
            "category_names": self._category_names.get(listing["category_id"], ""),
            "specs_text": _search_text(listing),
            "filter_tokens": self._category_tokens.get(listing["category_id"], f"c{listing['category_id']}"),
            "delivers_home": int(bool(self._home) and self._delivers_home(listing["delivery_districts"])),
            "seller_class": seller_class,
        }

    _UPSERT = None

    @classmethod
    def _upsert_statement(cls):
        if cls._UPSERT is None:
            insert = sqlite_insert(_L)
            columns = [c.name for c in _L.columns if c.name not in ("rowid", "id")]
            cls._UPSERT = insert.on_conflict_do_update(
                index_elements=["id"],
                set_={name: insert.excluded[name] for name in columns},
                # Rows only move forward: never let an older version overwrite a newer one.
                where=insert.excluded.version >= _L.c.version,
            )
        return cls._UPSERT

    def _write_listings(self, conn: Connection, rows: list[dict[str, Any]]) -> None:
        """Insert new listings; for known ones write only the columns that changed, and only
        forward. An upsert would rewrite every index entry of every row it touches: on a big
        cache a page of price changes then dirtied seven random index pages a row, and the
        commit's checkpoint wrote them all (seconds)."""
        newest: dict[str, dict[str, Any]] = {}
        for row in rows:  # one row per listing: the newest version on the page
            if row["id"] not in newest or row["version"] >= newest[row["id"]]["version"]:
                newest[row["id"]] = row
        ids = list(newest)
        present: list[str] = []
        for start in range(0, len(ids), 500):  # ids only first: a first fill finds none
            chunk = ids[start:start + 500]
            present += [row[0] for row in conn.exec_driver_sql(
                f"SELECT id FROM listings WHERE id IN ({', '.join('?' for _ in chunk)})", tuple(chunk))]
        known: dict[str, Mapping[str, Any]] = {}
        for start in range(0, len(present), 500):
            found = conn.execute(select(_L).where(_L.c.id.in_(present[start:start + 500]))).mappings()
            known.update((row["id"], row) for row in found)
        inserts = [row for listing_id, row in newest.items() if listing_id not in known]
        if inserts:  # straight to the driver: SQLAlchemy's per-row parameter work cost as much as SQLite's
            conn.exec_driver_sql(_INSERT_SQL, [_insert_values(row) for row in inserts])
        updates: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        for listing_id, old in known.items():
            row = newest[listing_id]
            if row["version"] < old["version"]:
                continue  # rows only move forward
            changed = tuple(name for name, value in row.items() if name != "id" and old[name] != value)
            if changed:
                updates.setdefault(changed, []).append(row)
        for columns, group in updates.items():
            statement = _L.update().where(_L.c.id == bindparam("_id")).values(
                {name: bindparam(f"_{name}") for name in columns})
            conn.execute(statement, [{"_id": row["id"], **{f"_{name}": row[name] for name in columns}} for row in group])

    def apply_page(self, changes: Sequence[Mapping[str, Any]], sellers: Sequence[Mapping[str, Any]], state: Mapping[str, str]) -> PageResult:
        """One feed page and the sync state after it (the cursor), in one transaction."""
        with self.write_transaction() as conn:
            result = self._apply(conn, changes, sellers)
            self.set_state(state, conn)
        return result

    def _apply(self, conn: Connection, changes: Sequence[Mapping[str, Any]], sellers: Sequence[Mapping[str, Any]]) -> PageResult:
        deleted = [c["id"] for c in changes if c["op"] == "delete"]
        seller_rows = [
            {**{k: s[k] for k in ("id", "women_owned", "scst_owned", "nature", "state", "district")},
             "mse_class": s["mse_class"] or "none"}
            for s in sellers
        ]
        classes = {s["id"]: s["mse_class"] for s in seller_rows}
        if seller_rows:
            self._store_sellers(conn, seller_rows)
        upserts = [self._listing_row(c["listing"], c["seq"], classes.get(c["listing"]["seller_id"]))
                   for c in changes if c["op"] == "upsert"]
        if any(row["seller_class"] is None for row in upserts):
            known = self._seller_classes(conn, {row["seller_id"] for row in upserts if row["seller_class"] is None})
            for row in upserts:
                row["seller_class"] = row["seller_class"] or known.get(row["seller_id"])
        if upserts:
            self._write_listings(conn, upserts)
        for start in range(0, len(deleted), 500):
            conn.execute(delete(CachedListing).where(CachedListing.id.in_(deleted[start:start + 500])))
        return PageResult(len(upserts), len(deleted))

    # -- the first fill, in bulk --------------------------------------------------------------

    def filling(self) -> bool:
        """Whether a bulk fill was started and not finished (a crash or a cancel in the middle):
        the cache is then incomplete, and the next sync goes on with the fill."""
        return self.state(_FILL) is not None

    def complete(self) -> bool:
        """Whether the cache holds a whole view of the feed up to its cursor (the next sync
        only brings changes). False while empty and while a bulk fill is unfinished."""
        with self.engine.connect() as conn:
            states = dict(conn.execute(select(SyncState.name, SyncState.value).where(SyncState.name.in_(["cursor", _FILL]))).all())
        return "cursor" in states and _FILL not in states

    def is_empty(self) -> bool:
        with self.engine.connect() as conn:
            return conn.scalar(select(_L.c.rowid).limit(1)) is None

    @contextmanager
    def bulk_fill(self, fts_chunk: int | None = None) -> Iterator["BulkFill"]:
        """Fill an empty cache without per-row index work (see BulkFill). Leaving the block
        without an error builds the indexes and the FTS index and only then marks the cache
        complete, in that one transaction; an error (a cancel, a lost link) leaves the fill
        unfinished, and the next bulk_fill() goes on from what was stored."""
        fill = BulkFill(self, fts_chunk)
        yield fill
        fill.finish()

    def _fts_catch_up(self, conn: Connection, upto: int) -> int:
        """Put the rows above `upto` into the FTS index; the new high-water rowid."""
        top = conn.scalar(select(func.max(_L.c.rowid))) or 0
        if top > upto:
            conn.exec_driver_sql(
                f"INSERT INTO listings_fts(rowid, {_FTS_COLUMNS}) SELECT rowid, {_FTS_COLUMNS} FROM listings "
                "WHERE rowid > ? AND rowid <= ?", (upto, top))
        return max(top, upto)

    @staticmethod
    def _seller_classes(conn: Connection, seller_ids: Iterable[int]) -> dict[int, str]:
        ids = list(seller_ids)
        if not ids:
            return {}
        return dict(conn.execute(select(CachedSeller.id, CachedSeller.mse_class).where(CachedSeller.id.in_(ids))).all())

    def _store_sellers(self, conn: Connection, seller_rows: list[dict[str, Any]]) -> None:
        """Upsert sellers; a seller whose MSE class changed passes it on to its listings."""
        before = self._seller_classes(conn, (s["id"] for s in seller_rows))
        insert = sqlite_insert(CachedSeller)
        conn.execute(
            insert.on_conflict_do_update(index_elements=["id"], set_={k: insert.excluded[k] for k in seller_rows[0] if k != "id"}),
            seller_rows,
        )
        for seller in seller_rows:
            if seller["id"] in before and before[seller["id"]] != seller["mse_class"]:
                conn.execute(_L.update().where(_L.c.seller_id == seller["id"]).values(seller_class=seller["mse_class"]))

    def store_listing(self, listing: Mapping[str, Any]) -> None:
        """A listing as a write's answer returned it (kept only if not older than ours)."""
        with self.write_transaction() as conn:
            seq = conn.scalar(select(CachedListing.feed_seq).where(CachedListing.id == listing["id"])) or 0
            seller_class = self._seller_classes(conn, [listing["seller_id"]]).get(listing["seller_id"])
            conn.execute(self._upsert_statement(), [self._listing_row(listing, seq, seller_class)])

    # -- reads ----------------------------------------------------------------------------

    def count(self) -> int:
        with self.engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(_L))

    def listing(self, listing_id: str) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(_L).where(_L.c.id == listing_id)).mappings().first()
        return listing_from_row(row) if row else None

    def versions(self) -> dict[str, int]:
        """{listing id: version} of every cached listing (tests and diagnostics)."""
        with self.engine.connect() as conn:
            return dict(conn.execute(select(_L.c.id, _L.c.version)).all())

    def seller(self, seller_id: int) -> dict[str, Any] | None:
        """A seller as buyers see it (classes and place; never the firm's name)."""
        with self.engine.connect() as conn:
            row = conn.execute(select(CachedSeller.__table__).where(CachedSeller.id == seller_id)).mappings().first()
        return dict(row) if row else None

    def listings_of_seller(self, seller_id: int) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(_L).where(_L.c.seller_id == seller_id).order_by(_L.c.title)).mappings().all()
        return [listing_from_row(r) for r in rows]

    def categories(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(CachedCategory.__table__).order_by(CachedCategory.id)).mappings().all()
        return [{**row, "is_service": bool(row["is_service"]), "key_params": json.loads(row["key_params"])} for row in rows]

    def search_statement(self, user_text: str, filters: SearchFilters = SearchFilters(), order: str = "feed", descending: bool = False):
        """SELECT of matching listings. Without a sort column the rows come in the FTS index's
        own (rowid) order, so the first page of a common word streams out without ranking or
        sorting every match (FTS5 `ORDER BY rank` over a million rows costs ~200 ms)."""
        query = select(_L)
        match = fts_query(user_text, filters.category_ids)
        if match is not None:
            # The category filter is inside the FTS match (filter tokens); the rows still come
            # in rowid order, so the first page needs no sort.
            query = query.select_from(_FTS.join(_L, _L.c.rowid == _FTS.c.rowid)).where(
                text("listings_fts MATCH :match").bindparams(match=match)
            )
        if filters.min_price_paise is not None:
            query = query.where(_L.c.price_paise >= filters.min_price_paise)
        if filters.max_price_paise is not None:
            query = query.where(_L.c.price_paise <= filters.max_price_paise)
        if filters.statuses:
            query = query.where(_L.c.status.in_(list(filters.statuses)))
        if filters.mii_class:
            query = query.where(_L.c.mii_class == filters.mii_class)
        if filters.mse_only:
            query = query.where(_L.c.seller_class.in_(MSE_CLASSES))
        wanted = district_key(filters.district)
        if wanted and wanted == self._home:
            query = query.where(_L.c.delivers_home == 1)  # worked out when the row was written
        elif wanted:  # another district: read each listing's list (a scan, but rare)
            places = func.json_each(_L.c.delivery_districts).table_valued("value")
            query = query.where(
                select(1).select_from(places).where(func.gemdesk_district_key(places.c.value) == wanted).exists())
        column = SORTABLE.get(order, _L.c.rowid)
        if order != "feed" or match is None or descending:
            # The rowid breaks ties in the same direction, so an index on the column (which
            # ends in the rowid) serves both directions without a sort.
            query = query.order_by(*((column.desc(), _L.c.rowid.desc()) if descending else (column, _L.c.rowid)))
        return query

    def search(self, user_text: str, filters: SearchFilters = SearchFilters(), order: str = "feed",
               descending: bool = False, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        statement = self.search_statement(user_text, filters, order, descending).limit(limit).offset(offset)
        with self.engine.connect() as conn:
            return [listing_from_row(r) for r in conn.execute(statement).mappings()]


_FILL = "fill"  # present while a bulk fill is unfinished; removed by the transaction that ends it
_FTS_UPTO = "fts_upto"  # during a fill: the rows up to this rowid are in the FTS index
_FTS_UPTO_SQL = f"(SELECT CAST(value AS INTEGER) FROM sync_state WHERE name = '{_FTS_UPTO}')"
# The API's listing fields a snapshot file stores as JSON text (BulkFill.add_rows_from).
_SNAPSHOT_JSON = ("key_specs", "other_specs", "delivery_districts", "delivery_pincodes", "images")


class BulkFill:
    """The first fill of an empty cache, in bulk. Per-row index work is what made a first
    sync slow (each row through the FTS5 triggers and seven B-tree indexes: 5,300 rows/s
    against 18,600 rows/s for bare rows, then the indexes, then one FTS build). So:

    - starting (one transaction): the secondary indexes are dropped, the FTS triggers are
      replaced by ones that only touch rows already in the FTS index (rowid up to
      `fts_upto`), and the state key `fill` is set;
    - each page (one transaction, with its cursor): bare rows, through the same code as
      apply_page (sellers, forward-only versions, deletes). Every `fts_chunk` rows the new
      rows go into the FTS index in one statement, so search works over what has arrived;
      with `fts_chunk` None the FTS index is built once at the end ('rebuild');
    - finishing (one transaction): the rest of the FTS index, the B-tree indexes, the usual
      triggers, and the `fill` key removed. Only then does the cache say it is complete.

    A crash or a cancel at any moment leaves either the state before a transaction or after
    it: an unfinished fill with its rows and cursor. The next fill resumes from there (the
    rows downloaded are kept; a fill is never restarted from zero just because it stopped).
    The outbox is another file and is never touched."""

    def __init__(self, cache: Cache, fts_chunk: int | None) -> None:
        self.cache = cache
        self.fts_chunk = fts_chunk
        with cache.write_transaction() as conn:
            if conn.scalar(select(SyncState.value).where(SyncState.name == _FILL)) is None:
                if conn.scalar(select(_L.c.rowid).limit(1)) is not None:
                    raise ValueError("a bulk fill needs an empty listings table")
                for index in _L.indexes:
                    conn.exec_driver_sql(f"DROP INDEX IF EXISTS {index.name}")
                _drop_fts_triggers(conn)
                _create_fts_triggers(conn, below=_FTS_UPTO_SQL)
                cache.set_state({_FILL: "bulk", _FTS_UPTO: "0"}, conn)
                log.info("bulk fill of the cache started")
            else:
                log.info("an unfinished bulk fill of the cache goes on")
            self.upto = self._upto(conn)
            # listings that can be searched already (in the FTS index), for progress reports
            self.searchable = conn.scalar(select(func.count()).select_from(_L).where(_L.c.rowid <= self.upto))

    def add_listings(self, items: Sequence[Mapping[str, Any]], sellers: Sequence[Mapping[str, Any]] = (),
                     state: Mapping[str, str] | None = None) -> PageResult:
        """One page in one transaction with `state` (the cursor after it). `items` are feed
        changes as apply_page takes them ({"op", "seq", "listing"} or {"op": "delete", "id"}),
        or listing objects as the API serves them, each with its feed position in "feed_seq"."""
        changes = [item if "op" in item else {"op": "upsert", "seq": item.get("feed_seq", 0), "listing": item}
                   for item in items]
        with self.cache.write_transaction() as conn:
            result = self.cache._apply(conn, changes, sellers)
            self._maybe_index(conn)
            if state:
                self.cache.set_state(state, conn)
        return result

    def add_rows_from(self, source: str | Path | sqlite3.Connection, *, state: Mapping[str, str] | None = None,
                      batch: int = 20_000) -> int:
        """Listings and sellers from a SQLite file (a snapshot): table `sellers` with the
        public seller fields, table `listings` with the API's listing fields (JSON ones as
        JSON text) and `feed_seq`, read in rowid order. Committed a batch at a time; `state`
        goes with the last batch. The number of listings added."""
        own = not isinstance(source, sqlite3.Connection)
        db = sqlite3.connect(f"file:{source}?mode=ro", uri=True) if own else source
        try:
            db.row_factory = sqlite3.Row
            sellers = [dict(row) for row in db.execute("SELECT * FROM sellers")]
            added = 0
            rows = db.execute("SELECT * FROM listings ORDER BY rowid")
            while True:
                chunk = rows.fetchmany(batch)
                listings = []
                for row in chunk:
                    listing = dict(row)
                    for name in _SNAPSHOT_JSON:
                        listing[name] = json.loads(listing[name])
                    listings.append(listing)
                last = len(chunk) < batch
                self.add_listings(listings, sellers, state if last else None)
                sellers = []
                added += len(listings)
                if last:
                    return added
        finally:
            if own:
                db.close()

    @staticmethod
    def _upto(conn: Connection) -> int:
        # Read each time, not kept: a resync inside the fill (reset_listings) sets it back to 0.
        return int(conn.scalar(select(SyncState.value).where(SyncState.name == _FTS_UPTO)) or 0)

    def _maybe_index(self, conn: Connection) -> None:
        self.upto = self._upto(conn)
        top = conn.scalar(select(func.max(_L.c.rowid))) or 0
        if self.fts_chunk is not None and top - self.upto >= self.fts_chunk:
            self.upto = self.cache._fts_catch_up(conn, self.upto)
            self.cache.set_state({_FTS_UPTO: str(self.upto)}, conn)
            # once a chunk, not once a page: a count over a million rows takes tens of ms
            self.searchable = conn.scalar(select(func.count()).select_from(_L).where(_L.c.rowid <= self.upto))
        elif self.upto == 0:
            self.searchable = 0

    def finish(self) -> None:
        started = time.perf_counter()
        with self.cache.write_transaction() as conn:
            self.upto = self._upto(conn)
            if self.upto == 0:
                conn.exec_driver_sql("INSERT INTO listings_fts(listings_fts) VALUES ('rebuild')")  # one build
            else:
                self.cache._fts_catch_up(conn, self.upto)
            fts_done = time.perf_counter()
            for index in _L.indexes:
                index.create(conn)
            _drop_fts_triggers(conn)
            _create_fts_triggers(conn)
            conn.execute(delete(SyncState).where(SyncState.name.in_([_FILL, _FTS_UPTO])))
        log.info("bulk fill finished: FTS %.1f s, indexes and commit %.1f s", fts_done - started, time.perf_counter() - fts_done)


_JSON_FIELDS = ("key_specs", "other_specs", "delivery_districts", "delivery_pincodes", "images")
_INTERNAL = ("rowid", "feed_seq", "category_names", "specs_text", "filter_tokens", "seller_class", "delivers_home")


def listing_from_row(row: Mapping[str, Any]) -> dict[str, Any]:
    """A cached row back in the API's Listing shape (a row that does not read is damage)."""
    listing = {k: v for k, v in row.items() if k not in _INTERNAL}
    try:
        for name in _JSON_FIELDS:
            listing[name] = json.loads(listing[name])
    except (TypeError, ValueError) as error:
        raise CacheDamaged(Path(CACHE_FILE), f"listing {listing.get('id')} does not read: {error}") from error
    return listing

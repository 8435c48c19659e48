"""Recovering a damaged outbox: the user's unsent work is never thrown away.

The cache can be downloaded again; the outbox cannot. When its file is damaged (a bad
sector, a copy cut short, a program that wrote into it), `recover_outbox`:

1. copies the file (with its -wal and -shm) aside, byte for byte, as
   `outbox.sqlite.damaged-<time>`, for support; copies are never deleted;
2. reads what it can from a working copy, in two ways, the equivalent of SQLite's
   `.recover` (which the `sqlite3` module does not offer): each table through SQL; and,
   for a table SQL cannot read to the end, every table-leaf page of the file and of its
   write-ahead log, decoding the rows it finds (SQLite's file format, sqlite.org/fileformat2.html);
3. writes what it read into a new outbox file beside it, then puts that in place.

A journal file (`outbox.sqlite.recovering`, naming the copy) is written before anything is
replaced, so a recovery cut short by a crash is done again from the same copy, never from a
file already half replaced. The report says, per queue, how many unsent writes were kept
and how many entries could not be read; the windows and `gemdesk sync` tell the user. Qt-free.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sqlite3
import struct
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterator

from sqlalchemy import create_engine

from app.models.outbox import CartLine, OutboxBase, OutboxOp, OutboxState, QueuedRequest

log = logging.getLogger(__name__)

# The tables to recover, their columns in file order, and how to tell a row of each apart.
TABLES = {model.__tablename__: [column.name for column in model.__table__.columns]
          for model in (OutboxOp, QueuedRequest, CartLine, OutboxState)}
_KEYS = {"ops": ("seq",), "requests": ("seq",), "cart_lines": ("owner", "listing_id"), "outbox_state": ("name",)}
_JSON_COLUMNS = {"ops": ("fields", "base", "theirs", "error", "answer"), "requests": ("body", "error", "answer")}
_OP_STATES = {"pending", "sent", "done", "conflict", "rejected", "discarded"}
_OPEN_STATES = {"pending", "sent", "conflict", "rejected"}
_JOURNAL_SUFFIX = ".recovering"


@dataclass(frozen=True)
class RecoveryReport:
    """What a recovery kept and lost, as counts (the windows word it in the user's language)."""

    at: str  # UTC, ISO
    damaged_copy: str  # the damaged file, kept for support
    listing_changes: int  # unsent listing changes kept
    buying_writes: int  # unsent bid, offer and order writes kept
    cart_lines: int
    unreadable: int  # entries found damaged, or missing between entries that were read
    how: str = "sql"  # "sql": every table read through SQLite; "pages": some rows read from the pages
    notes: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "RecoveryReport":
        return cls(**{name: data[name] for name in cls.__dataclass_fields__ if name in data})

    @property
    def complete(self) -> bool:
        return self.unreadable == 0

    def sentence(self) -> str:
        """In English, for the command line (app/ui/messages.py words it for the windows)."""
        kept = (f"{self.listing_changes} listing change(s), {self.buying_writes} bid, offer or order step(s) and "
                f"{self.cart_lines} cart line(s)")
        lost = ("Everything in it could be read." if self.complete else
                f"{self.unreadable} entr{'y' if self.unreadable == 1 else 'ies'} could not be read: check your "
                "catalogue, bids and orders for work that is missing and make it again.")
        return (f"GeM Desk's file of your unsent changes was damaged. It kept {kept} waiting to be sent. {lost} "
                f"The damaged file was saved as {self.damaged_copy}; please send it to support.")


# -- reading a damaged file -----------------------------------------------------------------------


def _varint(data: bytes, at: int) -> tuple[int, int]:
    value = 0
    for i in range(8):
        byte = data[at + i]
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            return value, at + i + 1
    return (value << 8) | data[at + 8], at + 9


def _record(payload: bytes) -> list[Any] | None:
    """A record's values (SQLite's record format), or None when it does not decode."""
    try:
        header_size, at = _varint(payload, 0)
        types = []
        while at < header_size:
            serial, at = _varint(payload, at)
            types.append(serial)
        values: list[Any] = []
        at = header_size
        for serial in types:
            if serial == 0:
                values.append(None)
            elif 1 <= serial <= 6:
                width = (1, 2, 3, 4, 6, 8)[serial - 1]
                values.append(int.from_bytes(payload[at:at + width], "big", signed=True))
                at += width
            elif serial == 7:
                values.append(struct.unpack(">d", payload[at:at + 8])[0])
                at += 8
            elif serial in (8, 9):
                values.append(serial - 8)
            elif serial >= 12:
                size = (serial - 12) // 2
                chunk = payload[at:at + size]
                if len(chunk) != size:
                    return None
                values.append(chunk.decode("utf-8") if serial % 2 else bytes(chunk))
                at += size
            else:
                return None
        return values if at <= len(payload) else None
    except (IndexError, UnicodeDecodeError, struct.error):
        return None


class _Pages:
    """A SQLite file's pages as they last stood: the main file's, then the write-ahead log's
    frames over them (the newest frame of a page wins)."""

    def __init__(self, main: bytes, wal: bytes) -> None:
        self.size = self._page_size(main, wal)
        self.reserved = main[20] if len(main) > 20 else 0
        self.pages: dict[int, bytes] = {}
        for number in range(len(main) // self.size):
            self.pages[number + 1] = main[number * self.size:(number + 1) * self.size]
        if len(wal) >= 32 and int.from_bytes(wal[8:12], "big") == self.size:
            frame = 24 + self.size
            for start in range(32, len(wal) - frame + 1, frame):
                number = int.from_bytes(wal[start:start + 4], "big")
                if number:
                    self.pages[number] = wal[start + 24:start + frame]

    @staticmethod
    def _page_size(main: bytes, wal: bytes) -> int:
        if len(main) >= 18:
            size = int.from_bytes(main[16:18], "big")
            size = 65536 if size == 1 else size
            if size >= 512 and size & (size - 1) == 0:
                return size
        if len(wal) >= 12:
            size = int.from_bytes(wal[8:12], "big")
            if size >= 512 and size & (size - 1) == 0:
                return size
        return 4096

    def _payload(self, page: bytes, at: int, size: int) -> bytes:
        usable = self.size - self.reserved
        most = usable - 35
        if size <= most:
            return page[at:at + size]
        least = (usable - 12) * 32 // 255 - 23
        local = least + (size - least) % (usable - 4)
        local = local if local <= most else least
        payload = bytearray(page[at:at + local])
        overflow = int.from_bytes(page[at + local:at + local + 4], "big")
        seen = set()
        while overflow and len(payload) < size and overflow not in seen:
            seen.add(overflow)
            chunk = self.pages.get(overflow)
            if chunk is None:
                break
            payload += chunk[4:usable]
            overflow = int.from_bytes(chunk[:4], "big")
        return bytes(payload[:size])

    def rows(self) -> Iterator[tuple[int, list[Any]]]:
        """(rowid, values) of every cell of every table-leaf page that decodes."""
        for number, page in self.pages.items():
            base = 100 if number == 1 else 0
            if len(page) < base + 8 or page[base] != 13:
                continue
            cells = int.from_bytes(page[base + 3:base + 5], "big")
            for i in range(min(cells, self.size // 2)):
                try:
                    at = int.from_bytes(page[base + 8 + 2 * i:base + 10 + 2 * i], "big")
                    if not 0 < at < self.size:
                        continue
                    size, at = _varint(page, at)
                    rowid, at = _varint(page, at)
                    if size > 64 * self.size:
                        continue
                    values = _record(self._payload(page, at, size))
                except IndexError:
                    continue
                if values is not None:
                    yield rowid, values


def _valid(table: str, row: dict[str, Any]) -> bool:
    """Whether a row read from the pages is sound enough to send again."""
    try:
        for name in _JSON_COLUMNS.get(table, ()):
            if row.get(name) is not None:
                if not isinstance(row[name], str):
                    return False
                json.loads(row[name])
        if table == "ops":
            return (isinstance(row["listing_id"], str) and row["kind"] in ("create", "update", "retire")
                    and row["state"] in _OP_STATES and isinstance(row["idempotency_key"], str)
                    and isinstance(json.loads(row["fields"]), dict))
        if table == "requests":
            return (isinstance(row["entity"], str) and ":" in row["entity"]
                    and row["method"] in ("PUT", "POST", "PATCH", "DELETE") and str(row["path"]).startswith("/api/")
                    and row["state"] in _OP_STATES and isinstance(row["idempotency_key"], str))
        if table == "cart_lines":
            return all(isinstance(row[name], str) for name in ("owner", "listing_id", "title")) and all(
                isinstance(row[name], int) for name in ("seller_id", "quantity", "unit_price_paise"))
        return isinstance(row["name"], str) and isinstance(row["value"], str)
    except (KeyError, TypeError, ValueError):
        return False


def _shape(values: list[Any]) -> list[str]:
    """The tables whose rows could have this many columns."""
    return [table for table, columns in TABLES.items() if len(columns) == len(values)
            or (table == "ops" and len(values) == len(columns) - 2)]  # an ops row of schema 0


def _as_row(table: str, rowid: int, values: list[Any]) -> dict[str, Any]:
    columns = TABLES[table]
    row = dict(zip(columns, values))
    if table == "ops" and len(values) == len(columns) - 2:
        row.update(answer=None, applied=1)
    if table in ("ops", "requests") and row.get("seq") is None:
        row["seq"] = rowid  # an INTEGER PRIMARY KEY is stored as the rowid
    return row


@dataclass
class _Salvage:
    rows: dict[str, list[dict[str, Any]]]
    unreadable: int
    how: str


def _sql_rows(path: Path) -> tuple[dict[str, list[dict[str, Any]]], set[str]]:
    """Every table SQLite can still read to the end; the names of those it cannot."""
    found: dict[str, list[dict[str, Any]]] = {}
    failed: set[str] = set(TABLES)
    try:
        connection = sqlite3.connect(path)
    except sqlite3.Error:
        return found, failed
    try:
        connection.row_factory = sqlite3.Row
        for table in TABLES:
            try:
                rows = [dict(row) for row in connection.execute(f"SELECT * FROM {table}")]
            except sqlite3.Error as error:
                log.warning("the damaged outbox's %s table cannot be read through SQL: %s", table, error)
                continue
            found[table] = rows
            failed.discard(table)
    finally:
        connection.close()
    return found, failed


def _salvage(folder: Path) -> _Salvage:
    """Read what can be read from a copy of the damaged file in `folder` (outbox.sqlite + -wal)."""
    main, wal = folder / "outbox.sqlite", folder / "outbox.sqlite-wal"
    raw_main, raw_wal = main.read_bytes(), (wal.read_bytes() if wal.exists() else b"")
    rows, failed = _sql_rows(main)
    unreadable = 0
    for table, table_rows in rows.items():
        good = [row for row in table_rows if _valid(table, row)]
        unreadable += len(table_rows) - len(good)
        rows[table] = good
    if not failed:
        return _Salvage(rows, unreadable, "sql")
    pages = _Pages(raw_main, raw_wal)
    candidates: dict[str, dict[tuple, dict[str, Any]]] = {table: {} for table in failed}
    for rowid, values in pages.rows():
        for table in _shape(values):
            if table not in failed:
                continue
            row = _as_row(table, rowid, values)
            if not _valid(table, row):
                if table in ("ops", "requests") and isinstance(row.get("idempotency_key"), str):
                    unreadable += 1  # it was one of ours, but it does not read
                continue
            key = tuple(row[name] for name in _KEYS[table])
            known = candidates[table].get(key)
            # A freed page may still hold an older copy of a row: the newest wins.
            if known is None or str(row.get("updated_at") or row.get("added_at") or "") >= str(
                    known.get("updated_at") or known.get("added_at") or ""):
                candidates[table][key] = row
    for table, by_key in candidates.items():
        rows[table] = sorted(by_key.values(), key=lambda row: tuple(str(row[name]) for name in _KEYS[table]))
        if table in ("ops", "requests") and rows[table]:
            seqs = {row["seq"] for row in rows[table]}
            unreadable += max(seqs) - len(seqs)  # the queues are never deleted from: a gap was lost
    return _Salvage(rows, unreadable, "pages")


# -- writing the recovered file -----------------------------------------------------------------


def _write(target: Path, rows: dict[str, list[dict[str, Any]]]) -> None:
    engine = create_engine(f"sqlite:///{target}")
    try:
        with engine.begin() as conn:
            OutboxBase.metadata.create_all(conn)
            for model in (OutboxOp, QueuedRequest, CartLine, OutboxState):
                table_rows = rows.get(model.__tablename__) or []
                if table_rows:
                    columns = set(TABLES[model.__tablename__])
                    conn.execute(model.__table__.insert(), [{k: v for k, v in row.items() if k in columns}
                                                            for row in table_rows])
            from app.outbox import SCHEMA_VERSION

            conn.exec_driver_sql(f"PRAGMA user_version={SCHEMA_VERSION}")
    finally:
        engine.dispose()


def _fsync(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _copy_aside(path: Path) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    copy = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while copy.exists():
        n += 1
        copy = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    for suffix in ("", "-wal", "-shm"):
        source = path.with_name(path.name + suffix)
        if source.exists():
            shutil.copyfile(source, copy.with_name(copy.name + suffix))
            _fsync(copy.with_name(copy.name + suffix))
    return copy


def recover_outbox(path: Path) -> RecoveryReport:
    """Recover the damaged outbox at `path` in place (see the module's docstring)."""
    path = Path(path)
    journal = path.with_name(path.name + _JOURNAL_SUFFIX)
    if journal.exists() and Path(journal.read_text(encoding="utf-8").strip()).exists():
        copy = Path(journal.read_text(encoding="utf-8").strip())  # a recovery cut short: again, from its copy
    else:
        copy = _copy_aside(path)
        journal.write_text(str(copy), encoding="utf-8")
        _fsync(journal)
    with tempfile.TemporaryDirectory(dir=path.parent, prefix=".outbox-recovery-") as work:
        work_dir = Path(work)
        for suffix in ("", "-wal", "-shm"):
            source = copy.with_name(copy.name + suffix)
            if source.exists():
                shutil.copyfile(source, work_dir / f"outbox.sqlite{suffix}")
        if not (work_dir / "outbox.sqlite").exists():
            (work_dir / "outbox.sqlite").write_bytes(b"")
        salvage = _salvage(work_dir)
        recovered = path.with_name(path.name + ".recovered")
        recovered.unlink(missing_ok=True)
        _write(recovered, salvage.rows)
        _fsync(recovered)
        for suffix in ("-wal", "-shm"):  # a stale log beside the new file would be applied to it
            path.with_name(path.name + suffix).unlink(missing_ok=True)
        os.replace(recovered, path)
    journal.unlink(missing_ok=True)

    def open_rows(table: str) -> int:
        return sum(1 for row in salvage.rows.get(table, []) if row.get("state") in _OPEN_STATES)

    report = RecoveryReport(
        at=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), damaged_copy=str(copy),
        listing_changes=open_rows("ops"), buying_writes=open_rows("requests"),
        cart_lines=len(salvage.rows.get("cart_lines", [])), unreadable=salvage.unreadable, how=salvage.how)
    log.warning("outbox recovered: %s", report)
    return report


def interrupted_recovery(path: Path) -> bool:
    """Whether a recovery of the outbox at `path` was cut short (it must be finished first)."""
    return Path(path).with_name(Path(path).name + _JOURNAL_SUFFIX).exists()

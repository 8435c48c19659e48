"""The outbox: the user's offline changes, kept safe until the server has them.

A separate SQLite file with `synchronous=FULL`: once a change is queued it survives a crash,
a kill or a power cut, and a rebuilt cache never touches it. Two queues live in it, the
seller's listing changes (`ops`, here) and the buying cycle's writes (`requests`,
app/procurement.py); both follow the same rules, written once below.

The life of a queued write (docs/architecture.md, "The outbox"):

    pending --claim--> sent --answer--> done (answer kept) --cache has it--> done, applied
       ^  \\                \\--409, merged--> pending (rebased: new base, new key)
       |   edit joins        \\--409, both changed a field--> conflict --user settles--> pending | done
       |                      \\--refused--> rejected --user edits--> pending | --user drops--> discarded

- **One truth for "what was sent".** A push claims a write in one transaction that reads it
  and marks it `sent`; from then on it is frozen and goes, and goes again after a crash,
  with the same Idempotency-Key, so the server replays its answer. An edit that arrives
  while a write is pending joins it; one that arrives after the claim becomes a new write
  on top, which applies to the version the earlier one produces.
- **Order kept.** Only the oldest open write of an entity (a listing, a bid, an offer...)
  may be claimed: a conflict or a refusal holds back every later write of that entity, in
  this push and in later ones, until the user settles it; other entities go on.
- **Atomic with the user's view.** A listing's answer is kept with its op (`answer`) until
  the cache has it: the seller's view shows it meanwhile, and `settle` hands it to the cache
  again after a crash, so the next edit's version follows what the server acknowledged.
- **Damage** is recovered, never discarded (app/outbox_recovery.py): the damaged file is
  kept for support and what can be read from it goes on in a new one; the user is told what
  was kept and what could not be read (`recovery`).
"""

from __future__ import annotations

import json
import logging
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Collection, Iterable, Mapping

from sqlalchemy import exists, func, select, text
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased, sessionmaker

from app.models.outbox import OutboxBase, OutboxOp, OutboxState
from app.storage import OutboxDamaged, make_folder, open_sqlite, writer
from domain.listing import EDITABLE_FIELDS
from domain.timefmt import iso_utc, utc_now

if TYPE_CHECKING:
    from app.cache import Cache
    from app.outbox_recovery import RecoveryReport

log = logging.getLogger(__name__)

OUTBOX_FILE = "outbox.sqlite"
OPEN_STATES = ("pending", "sent", "conflict", "rejected")
SENDABLE_STATES = ("pending", "sent")
HOLDING_STATES = ("conflict", "rejected")
# PRAGMA user_version of the outbox file. 0: before listing answers were kept with their op.
SCHEMA_VERSION = 1
_RECOVERY = "recovery"  # the outbox_state row of a recovery the user has not been told of yet


def editable(listing: Mapping[str, Any]) -> dict[str, Any]:
    return {name: listing[name] for name in EDITABLE_FIELDS if name in listing}


def clashing_fields(mine: Mapping[str, Any], base: Mapping[str, Any] | None,
                    theirs: Mapping[str, Any]) -> list[str]:
    """The three-way merge of a queued edit with the server's newer copy: the fields both
    sides changed, differently, for the seller to choose. A field the base does not hold (a
    create has no base at all) may have been changed by either side, so it counts as both:
    the seller is asked rather than either value silently winning. The push and the
    conflict window both decide by this (they disagreed on exactly that field)."""
    return [name for name, value in mine.items()
            if theirs.get(name) != value and (base is None or name not in base or theirs.get(name) != base[name])]


def json_or_none(text_: str | None) -> Any:
    return json.loads(text_) if text_ else None


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


@dataclass(frozen=True)
class Op:
    """A queued change, as plain data (safe to hand to another thread)."""

    seq: int
    listing_id: str
    kind: str
    fields: dict[str, Any]
    submit: bool
    base: dict[str, Any] | None
    base_version: int | None
    idempotency_key: str
    state: str
    theirs: dict[str, Any] | None
    error: dict[str, Any] | None
    result_version: int | None
    attempts: int
    created_at: str

    @classmethod
    def of(cls, row: OutboxOp) -> "Op":
        return cls(row.seq, row.listing_id, row.kind, json.loads(row.fields), bool(row.submit), json_or_none(row.base),
                   row.base_version, row.idempotency_key, row.state, json_or_none(row.theirs), json_or_none(row.error),
                   row.result_version, row.attempts, row.created_at)

    def body(self) -> dict[str, Any]:
        """What goes to the server."""
        body = dict(self.fields)
        if self.submit:
            body["submit"] = True
        return body


def head_of_queue(session: Session, model: type, entity: InstrumentedAttribute, skip: Collection[str]) -> Any:
    """The oldest write that may be sent now: pending or sent, the oldest open write of its
    entity (an earlier one in conflict or refused holds it back), its entity not in `skip`
    (put off for this push). One rule for both queues (`ops` and `requests`)."""
    earlier = aliased(model)
    blocked = exists().where(getattr(earlier, entity.key) == entity, earlier.seq < model.seq,
                             earlier.state.in_(OPEN_STATES))
    query = select(model).where(model.state.in_(SENDABLE_STATES), ~blocked)
    if skip:
        query = query.where(entity.not_in(list(skip)))
    return session.scalars(query.order_by(model.seq).limit(1)).first()


class Outbox:
    def __init__(self, folder: Path, *, recover: bool = True) -> None:
        """Open (or create) the outbox in `folder`. A damaged file is recovered into a new
        one (`recovery` says what was kept) unless `recover` is False; a file that cannot be
        opened or written raises a StorageProblem."""
        from app.outbox_recovery import interrupted_recovery

        self.folder = make_folder(folder)
        self.path = self.folder / OUTBOX_FILE
        if interrupted_recovery(self.path):
            log.warning("finishing the recovery of %s that was cut short", self.path)
            self.recover()
            return
        try:
            self._open()
        except OutboxDamaged as damage:
            if not recover:
                raise
            log.error("the outbox at %s is damaged (%s); recovering what can be read", self.path, damage.detail)
            self.recover()

    def _open(self) -> None:
        self.engine = open_sqlite(self.path, synchronous="FULL", damaged=OutboxDamaged)  # queued work must survive a power cut
        try:
            with writer(self.engine).begin() as conn:
                found = conn.exec_driver_sql("PRAGMA quick_check").scalars().all()
                if found != ["ok"]:  # the outbox is small: a full check costs milliseconds
                    raise OutboxDamaged(self.path, "; ".join(found[:3]))
                self._migrate(conn)
        except BaseException:
            self.engine.dispose()
            raise
        self._sessions = sessionmaker(writer(self.engine), expire_on_commit=False)

    def _migrate(self, conn) -> None:
        version = conn.exec_driver_sql("PRAGMA user_version").scalar_one()
        if version > SCHEMA_VERSION:
            # Never thrown away: an older GeM Desk must not touch a newer one's unsent work.
            raise OutboxDamaged(self.path, f"made by a newer GeM Desk (schema {version})")
        OutboxBase.metadata.create_all(conn)
        columns = {row[1] for row in conn.exec_driver_sql("PRAGMA table_info(ops)")}
        if "answer" not in columns:  # schema 0: add the answer kept with its op
            conn.exec_driver_sql("ALTER TABLE ops ADD COLUMN answer TEXT")
            conn.exec_driver_sql("ALTER TABLE ops ADD COLUMN applied INTEGER NOT NULL DEFAULT 1")
        if version != SCHEMA_VERSION:
            conn.exec_driver_sql(f"PRAGMA user_version={SCHEMA_VERSION}")

    def recover(self) -> "RecoveryReport":
        """The file is damaged: keep it aside for support and carry on with what can be read
        from it, in a new file. The report is kept until the user has been told."""
        from app.outbox_recovery import recover_outbox

        engine = getattr(self, "engine", None)
        if engine is not None:
            engine.dispose()
        report = recover_outbox(self.path)
        self._open()
        self._set_state(_RECOVERY, json.dumps(report.as_json(), ensure_ascii=False))
        return report

    def close(self) -> None:
        self.engine.dispose()

    def _session(self) -> Session:
        return self._sessions.begin()

    def transaction(self) -> Session:
        """A write transaction on the outbox file (app/procurement.py and app/cart.py use it too)."""
        return self._sessions.begin()

    def plain(self, load: Callable[[Any], Any], rows: Iterable[Any]) -> list[Any]:
        """Rows as plain data; a row that cannot be read (its JSON damaged) is damage to the file."""
        try:
            return [load(row) for row in rows]
        except (ValueError, TypeError, KeyError) as error:
            raise OutboxDamaged(self.path, f"an entry cannot be read: {error}") from error

    @staticmethod
    def _now() -> str:
        return iso_utc(utc_now())

    # -- facts about the file -----------------------------------------------------------------------

    def _state(self, name: str) -> str | None:
        with self._session() as session:
            found = session.get(OutboxState, name)
            return found.value if found else None

    def _set_state(self, name: str, value: str | None) -> None:
        with self._session() as session:
            if value is None:
                found = session.get(OutboxState, name)
                if found is not None:
                    session.delete(found)
            else:
                session.merge(OutboxState(name=name, value=value))

    def owner(self) -> str | None:
        """Whose changes this outbox holds (user@server); kept here, not in the rebuildable cache."""
        return self._state("owner")

    def set_owner(self, owner: str) -> None:
        self._set_state("owner", owner)

    def recovery(self) -> "RecoveryReport | None":
        """The last recovery of a damaged file, until the user has been told of it."""
        from app.outbox_recovery import RecoveryReport

        found = self._state(_RECOVERY)
        return RecoveryReport.from_json(json.loads(found)) if found else None

    def recovery_told(self) -> None:
        self._set_state(_RECOVERY, None)

    # -- queuing the user's changes ---------------------------------------------------------

    def _open_ops(self, session: Session, listing_id: str) -> list[OutboxOp]:
        return list(session.scalars(
            select(OutboxOp).where(OutboxOp.listing_id == listing_id, OutboxOp.state.in_(OPEN_STATES)).order_by(OutboxOp.seq)
        ))

    def queue_create(self, fields: Mapping[str, Any], submit: bool, listing_id: str | None = None) -> str:
        listing_id = listing_id or str(uuid.uuid4())
        with self._session() as session:
            now = self._now()
            session.add(OutboxOp(listing_id=listing_id, kind="create", fields=_dumps(editable(fields)), submit=int(submit),
                                 base=None, base_version=None, idempotency_key=str(uuid.uuid4()), state="pending",
                                 created_at=now, updated_at=now))
        return listing_id

    def queue_update(self, listing_id: str, changes: Mapping[str, Any], submit: bool, base: Mapping[str, Any] | None) -> int:
        """Queue an edit. `base` is the listing as the user saw it (server copy with any
        earlier unsynced changes on top), with its `version`. An edit on top of a change not
        yet claimed by a push (or refused) joins it; otherwise it becomes a new op that
        applies to whatever version the earlier op produces."""
        changes = editable(changes)
        with self._session() as session:
            now = self._now()
            open_ops = self._open_ops(session, listing_id)
            last = open_ops[-1] if open_ops else None
            if last is not None and last.kind in ("create", "update") and last.state in ("pending", "rejected"):
                last.fields = _dumps({**json.loads(last.fields), **changes})
                last.submit = int(bool(last.submit) or submit)
                # A refused op was sent with its key; a changed payload needs a new one.
                last.idempotency_key = str(uuid.uuid4())
                last.state, last.error, last.updated_at = "pending", None, now
                return last.seq
            chained = bool(open_ops)
            op = OutboxOp(listing_id=listing_id, kind="update", fields=_dumps(changes), submit=int(submit),
                          base=_dumps(editable(base or {})),
                          base_version=None if chained or base is None else base.get("version"),
                          idempotency_key=str(uuid.uuid4()), state="pending", created_at=now, updated_at=now)
            session.add(op)
            session.flush()
            return op.seq

    def queue_retire(self, listing_id: str, base_version: int | None) -> int:
        with self._session() as session:
            now = self._now()
            chained = bool(self._open_ops(session, listing_id))
            op = OutboxOp(listing_id=listing_id, kind="retire", fields="{}", submit=0, base=None,
                          base_version=None if chained else base_version, idempotency_key=str(uuid.uuid4()),
                          state="pending", created_at=now, updated_at=now)
            session.add(op)
            session.flush()
            return op.seq

    # -- reading ------------------------------------------------------------------------------

    def get(self, seq: int) -> Op | None:
        with self._session() as session:
            row = session.get(OutboxOp, seq)
            return self.plain(Op.of, [row])[0] if row else None

    def ops(self, states: tuple[str, ...] = OPEN_STATES) -> list[Op]:
        with self._session() as session:
            return self.plain(Op.of, session.scalars(select(OutboxOp).where(OutboxOp.state.in_(states)).order_by(OutboxOp.seq)))

    def counts(self) -> dict[str, int]:
        """Open ops by state: pending (incl. sent), conflict, rejected."""
        with self._session() as session:
            rows = session.execute(
                select(OutboxOp.state, func.count()).where(OutboxOp.state.in_(OPEN_STATES)).group_by(OutboxOp.state)
            ).all()
        by_state: dict[str, int] = {state: count for state, count in rows}
        return {"pending": by_state.get("pending", 0) + by_state.get("sent", 0),
                "conflict": by_state.get("conflict", 0), "rejected": by_state.get("rejected", 0)}

    def unsynced(self, listing_ids: Collection[str] | None = None) -> tuple[dict[str, list[Op]], dict[str, dict[str, Any]]]:
        """What the cache does not show yet, read in one transaction: the open ops by listing,
        oldest first, and {listing id: the newest answer the server gave} for answers the
        cache may not have yet.

        Read this before the cache, never after: a change leaves the outbox's open ops only
        once its answer is kept, and its answer counts as applied only once the cache has it,
        so whatever moved on between the two reads is in the cache. Read the other way round,
        a change that finished in between is in neither, and the seller's next edit goes
        with the version before it (a conflict with their own change)."""
        with self._session() as session:
            open_ops = select(OutboxOp).where(OutboxOp.state.in_(OPEN_STATES)).order_by(OutboxOp.seq)
            answers = select(OutboxOp.listing_id, OutboxOp.answer).where(
                OutboxOp.state == "done", OutboxOp.applied == 0, OutboxOp.answer.is_not(None)).order_by(OutboxOp.seq)
            if listing_ids is not None:
                open_ops = open_ops.where(OutboxOp.listing_id.in_(list(listing_ids)))
                answers = answers.where(OutboxOp.listing_id.in_(list(listing_ids)))
            by_listing: dict[str, list[Op]] = {}
            for op in self.plain(Op.of, session.scalars(open_ops)):
                by_listing.setdefault(op.listing_id, []).append(op)
            newest: dict[str, dict[str, Any]] = {}
            for listing_id, answer in session.execute(answers):
                listing = json.loads(answer)
                if listing_id not in newest or listing["version"] >= newest[listing_id]["version"]:
                    newest[listing_id] = listing
            return by_listing, newest

    # -- sending ---------------------------------------------------------------------------------

    def claim_next(self, skip: Collection[str] = (), cached_version: Callable[[str], int | None] = lambda _id: None) -> Op | None:
        """The next change to send, claimed: read and marked `sent` in one transaction, with
        the version it applies to fixed (its own; or the one the listing's previous change
        produced; or the cached listing's). From here on what goes is what the row holds."""
        with self._session() as session:
            row = head_of_queue(session, OutboxOp, OutboxOp.listing_id, skip)
            if row is None:
                return None
            if row.kind != "create" and row.base_version is None:
                previous = session.scalar(
                    select(OutboxOp.result_version)
                    .where(OutboxOp.listing_id == row.listing_id, OutboxOp.seq < row.seq, OutboxOp.state == "done",
                           OutboxOp.result_version.is_not(None))
                    .order_by(OutboxOp.seq.desc()).limit(1))
                row.base_version = previous if previous is not None else cached_version(row.listing_id)
            row.state, row.attempts, row.updated_at = "sent", row.attempts + 1, self._now()
            session.flush()
            return self.plain(Op.of, [row])[0]

    def _update(self, seq: int, **values: Any) -> None:
        with self._session() as session:
            row = session.get(OutboxOp, seq)
            for name, value in values.items():
                setattr(row, name, value)
            row.updated_at = self._now()

    def record_answer(self, op: Op, answer: Mapping[str, Any]) -> None:
        """The server took the change: done, with its answer, which the cache gets next."""
        self._update(op.seq, state="done", result_version=answer["version"], error=None,
                     answer=json.dumps(answer, ensure_ascii=False), applied=0)

    def settle(self, cache: "Cache") -> int:
        """Give the cache the answers it does not have yet (after a crash between the two
        files' writes, or now); how many were given."""
        with self._session() as session:
            waiting = session.execute(select(OutboxOp.seq, OutboxOp.answer).where(
                OutboxOp.state == "done", OutboxOp.applied == 0).order_by(OutboxOp.seq)).all()
        for seq, answer in waiting:
            if answer:
                cache.store_listing(json.loads(answer))  # only moves the listing forward
            self._update(seq, applied=1)
        return len(waiting)

    def mark_done(self, op: Op, result_version: int | None) -> None:
        """Finished without an answer for the cache (the server already had our values)."""
        self._update(op.seq, state="done", result_version=result_version, error=None)

    def mark_rejected(self, op: Op, code: str, message: str, fields: Mapping[str, str]) -> None:
        self._update(op.seq, state="rejected", error=_dumps({"code": code, "message": message, "fields": dict(fields)}))

    def mark_conflict(self, op: Op, theirs: Mapping[str, Any]) -> None:
        self._update(op.seq, state="conflict", theirs=_dumps(dict(theirs)))

    def rebase(self, op: Op, fields: Mapping[str, Any], theirs: Mapping[str, Any]) -> None:
        """Apply the op's (remaining) fields on top of the server's newer copy: a new base,
        a new version and a new key (the payload differs from what the old key carried)."""
        # A create whose id the server already has continues as an edit of that listing.
        kind = "update" if op.kind == "create" else op.kind
        self._update(op.seq, state="pending", kind=kind, fields=_dumps(dict(fields)), base=_dumps(editable(theirs)),
                     base_version=theirs["version"], theirs=None, error=None, idempotency_key=str(uuid.uuid4()))

    def resolve_conflict(self, seq: int, keep_mine: set[str]) -> None:
        """The user settled a conflict: fields in `keep_mine` keep the user's value, every
        other field takes the server's. Nothing of mine kept: the op is finished."""
        op = self.get(seq)
        if op is None or op.state != "conflict" or op.theirs is None:
            raise ValueError(f"change {seq} is not waiting for a decision")
        mine = {name: value for name, value in op.fields.items() if name in keep_mine and op.theirs.get(name) != value}
        if not mine and op.kind != "retire":
            self._update(seq, state="done", result_version=op.theirs["version"])
            return
        self.rebase(op, mine, op.theirs)

    def discard(self, seq: int) -> None:
        """Drop a refused or conflicting change (the server's copy stands)."""
        self._update(seq, state="discarded")

    def integrity(self) -> list[str]:
        """PRAGMA quick_check's findings (["ok"] when the file is sound); for diagnostics."""
        with self.engine.connect() as conn:
            return list(conn.execute(text("PRAGMA quick_check")).scalars())

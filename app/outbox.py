"""The outbox: the user's offline changes, kept safe until the server has them.

A separate SQLite file with `synchronous=FULL`: once a change is queued it survives a crash,
a kill or a power cut, and a rebuilt cache never touches it. Each op carries the
Idempotency-Key it is sent with; an op is marked `sent` (and committed) before it goes out,
so after a crash it is sent again with the same key and the server replays its answer
instead of applying it twice.

States: `pending` (not sent) -> `sent` -> `done`; or `conflict` (the server's copy changed
the same fields: the user chooses per field) or `rejected` (the server refused it, with its
reason). A conflict or refusal holds back later changes to the same listing until the user
settles it; other listings go on syncing.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Mapping

from sqlalchemy import create_engine, event, func, select
from sqlalchemy.orm import Session, sessionmaker

from domain.listing import EDITABLE_FIELDS
from domain.timefmt import iso_utc, utc_now
from app.models.outbox import OutboxBase, OutboxOp, OutboxState

OUTBOX_FILE = "outbox.sqlite"
OPEN_STATES = ("pending", "sent", "conflict", "rejected")
SENDABLE_STATES = ("pending", "sent")


def editable(listing: Mapping[str, Any]) -> dict[str, Any]:
    return {name: listing[name] for name in EDITABLE_FIELDS if name in listing}


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
        load = lambda text: json.loads(text) if text else None  # noqa: E731
        return cls(row.seq, row.listing_id, row.kind, json.loads(row.fields), bool(row.submit), load(row.base),
                   row.base_version, row.idempotency_key, row.state, load(row.theirs), load(row.error),
                   row.result_version, row.attempts, row.created_at)

    def body(self) -> dict[str, Any]:
        """What goes to the server."""
        body = dict(self.fields)
        if self.submit:
            body["submit"] = True
        return body


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


class Outbox:
    def __init__(self, folder: Path) -> None:
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / OUTBOX_FILE
        self.engine = create_engine(f"sqlite:///{self.path}")

        @event.listens_for(self.engine, "connect")
        def _pragmas(dbapi_conn, _record) -> None:
            cursor = dbapi_conn.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")  # queued work must survive a power cut
            cursor.execute("PRAGMA busy_timeout=10000")
            cursor.close()

        OutboxBase.metadata.create_all(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    def close(self) -> None:
        self.engine.dispose()

    def _session(self) -> Session:
        return self._sessions.begin()

    def transaction(self) -> Session:
        """A write transaction on the outbox file (app/procurement.py queues its writes here too)."""
        return self._sessions.begin()

    @staticmethod
    def _now() -> str:
        return iso_utc(utc_now())

    # -- whose changes ----------------------------------------------------------------------------

    def owner(self) -> str | None:
        """Whose changes this outbox holds (user@server); kept here, not in the rebuildable cache."""
        with self._session() as session:
            found = session.get(OutboxState, "owner")
            return found.value if found else None

    def set_owner(self, owner: str) -> None:
        with self._session() as session:
            session.merge(OutboxState(name="owner", value=owner))

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
        yet sent (or refused) joins it; otherwise it becomes a new op that applies to
        whatever version the earlier op produces."""
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
            return Op.of(row) if row else None

    def ops(self, states: tuple[str, ...] = OPEN_STATES) -> list[Op]:
        with self._session() as session:
            rows = session.scalars(select(OutboxOp).where(OutboxOp.state.in_(states)).order_by(OutboxOp.seq))
            return [Op.of(r) for r in rows]

    def ops_of(self, listing_id: str) -> list[Op]:
        with self._session() as session:
            return [Op.of(r) for r in self._open_ops(session, listing_id)]

    def counts(self) -> dict[str, int]:
        """Open ops by state: pending (incl. sent), conflict, rejected."""
        with self._session() as session:
            rows = session.execute(
                select(OutboxOp.state, func.count()).where(OutboxOp.state.in_(OPEN_STATES)).group_by(OutboxOp.state)
            ).all()
        by_state = dict(rows)
        return {"pending": by_state.get("pending", 0) + by_state.get("sent", 0),
                "conflict": by_state.get("conflict", 0), "rejected": by_state.get("rejected", 0)}

    def previous_result_version(self, op: Op) -> int | None:
        """The version the last finished op of the same listing produced before this one."""
        with self._session() as session:
            return session.scalar(
                select(OutboxOp.result_version)
                .where(OutboxOp.listing_id == op.listing_id, OutboxOp.seq < op.seq, OutboxOp.state == "done")
                .order_by(OutboxOp.seq.desc()).limit(1)
            )

    def sendable(self) -> Iterator[Op]:
        """Ops to push, oldest first, skipping listings held back by a conflict or refusal."""
        held: set[str] = set()
        for op in self.ops():
            if op.listing_id in held:
                continue
            if op.state in ("conflict", "rejected"):
                held.add(op.listing_id)
                continue
            yield op

    # -- recording what happened ----------------------------------------------------------------

    def _update(self, seq: int, **values: Any) -> None:
        with self._session() as session:
            row = session.get(OutboxOp, seq)
            for name, value in values.items():
                setattr(row, name, value)
            row.updated_at = self._now()

    def mark_sending(self, op: Op, base_version: int | None) -> None:
        self._update(op.seq, state="sent", base_version=base_version, attempts=op.attempts + 1)

    def mark_done(self, op: Op, result_version: int | None) -> None:
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

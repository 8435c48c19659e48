"""One desktop's GeM Desk: its data folder, settings, cache, outbox, stored reads
(app/read_cache.py) and, when signed in, its session with the marketplace.

The desktop app keeps one Workspace for its whole life. Signing in makes the cache the
user's (another user's cached listings are dropped first) and remembers the user's profile
in the cache, so that with a remembered session and no network the app can open on the
cache, offline, and know whose it is. Every method that may touch the network blocks: the
desktop calls them from worker threads. Qt-free.
"""

from __future__ import annotations

import json
import logging
import threading
from dataclasses import replace
from pathlib import Path
from typing import Any, Callable

from app.account import PasswordNeeded, Session, UnsyncedWorkOfAnother, sign_in, sign_out
from app.api import ApiClient, ApiError, Offline
from app.cache import Cache
from app.config import ClientSettings
from app.machine_config import MachinePolicy, read_machine_policy
from app.credentials import SecretStore
from app.outbox import Outbox
from app.procurement import Procurement
from app.read_cache import BIDS_KEY, ORDERS_KEY, ReadCache
from app.snapshot import SnapshotDownloader
from app.storage import CacheDamaged, StorageProblem
from app.sync import DEFAULT_PAGE_SIZE, Progress, SyncEngine, SyncResult

log = logging.getLogger(__name__)

# Roles with a Bids tab: their bids list is refreshed with every sync, for reading offline.
BID_ROLES = ("buyer", "approver", "seller")


def owner_of(server_url: str, username: str) -> str:
    return f"{username}@{server_url.rstrip('/')}"


class Workspace:
    def __init__(self, folder: Path, secrets: SecretStore | None = None, policy: MachinePolicy | None = None) -> None:
        self.folder = Path(folder)
        self.policy = policy if policy is not None else read_machine_policy()  # what office IT deployed
        self.settings = ClientSettings.load(self.folder, self.policy)
        self.secrets = secrets or SecretStore()
        self.cache = Cache(self.folder)
        self.outbox = Outbox(self.folder)  # a damaged one is recovered here (`outbox.recovery()`)
        self._healing(lambda: self.outbox.settle(self.cache))  # answers a crash kept from the cache
        self.procurement = Procurement(self.outbox)
        self.reads = ReadCache(self.cache, self._reader)  # reads kept for offline use (bids, orders)
        self.session: Session | None = None
        self._lock = threading.Lock()

    def close(self) -> None:
        if self.session is not None:
            self.session.api.close()
        self.cache.close()
        self.outbox.close()

    # -- who is here --------------------------------------------------------------------------

    @property
    def user(self) -> dict[str, Any] | None:
        """The signed-in user, or the remembered one while offline."""
        if self.session is not None:
            return self.session.user
        return self.remembered_user()

    def remembered_user(self) -> dict[str, Any] | None:
        """The profile of the settings' user, if this cache is theirs."""
        server, username = self.settings.connection.server_url, self.settings.username
        if not server or not username or self.cache.state("owner") != owner_of(server, username):
            return None
        profile = self.cache.state("profile")
        return json.loads(profile) if profile else None

    def _reader(self) -> str | None:
        """Whose stored reads may be shown: the signed-in user's, or offline the remembered one's."""
        session = self.session
        if session is not None:
            return owner_of(session.api.base, session.user["username"])
        if self.remembered_user() is None:
            return None
        return owner_of(self.settings.connection.server_url, self.settings.username)

    def has_remembered_session(self) -> bool:
        server, username = self.settings.connection.server_url, self.settings.username
        return bool(server and username and self.secrets.load(server, username))

    # -- signing in and out (blocking) --------------------------------------------------------------

    def _healing(self, work: Callable[[], Any]) -> Any:
        """`work()`; if it meets a damaged cache, the cache is moved aside and refilled by the
        next sync, and `work()` runs again on the empty one. The outbox is never touched."""
        try:
            return work()
        except CacheDamaged as damage:
            log.warning("the cache is damaged (%s); it is moved aside and refilled", damage.detail)
            self.cache.rebuild()
            return work()

    def sign_in(self, server_url: str, username: str, password: str | None, remember: bool = True) -> Session:
        """Sign in with a password (or the remembered session when `password` is None).
        Raises Offline, ApiError, PasswordNeeded or UnsyncedWorkOfAnother."""
        return self._healing(lambda: self._sign_in(server_url, username, password, remember))

    def _sign_in(self, server_url: str, username: str, password: str | None, remember: bool) -> Session:
        server_url = (self.policy.locked_value("server_url") or server_url).strip().rstrip("/")
        username = username.strip()
        owner = owner_of(server_url, username)
        # The outbox knows whose changes it holds (an outbox from before it kept an owner: the cache does).
        previous = self.outbox.owner() or self.cache.state("owner")
        carried = previous not in (None, owner) and bool(self.outbox.ops() or self.procurement.requests())
        if carried:
            who, _, where = previous.partition("@")
            if who != username:
                raise UnsyncedWorkOfAnother(who, where)
            # The same user at a new address (IT moved the server; the demo on another port):
            # their unsent work is theirs and goes with them, to be sent to the new address.
            log.info("%s's unsent changes move from %s to %s", username, where, server_url)
        settings = self.settings.with_server(server_url, username)
        session = sign_in(settings.connection, username, lambda: password, self.secrets, remember)
        if not remember:
            self.secrets.forget(server_url, username)
        self.outbox.set_owner(owner)
        self.cache.adopt(owner)
        self.reads.adopt(owner)
        self.cache.set_state({"profile": json.dumps(session.user, ensure_ascii=False)})
        self.cache.set_home_district((session.user.get("buyer_org") or {}).get("district"))
        with self._lock:
            self.settings = settings
            self.settings.save(self.folder, self.policy)
            previous_session, self.session = self.session, session
        if previous_session is not None:
            previous_session.api.close()
        return session

    def resume(self) -> Session:
        """The remembered session of the settings' user (PasswordNeeded when there is none)."""
        if not self.settings.connection.server_url or not self.settings.username:
            raise PasswordNeeded("Nobody has signed in on this computer yet.")
        return self.sign_in(self.settings.connection.server_url, self.settings.username, None)

    def sign_out(self) -> None:
        with self._lock:
            session, self.session = self.session, None
        if session is not None:
            sign_out(session, self.secrets)

    def save_settings(self, settings: ClientSettings) -> None:
        with self._lock:
            self.settings = settings
            settings.save(self.folder, self.policy)

    def unsent(self) -> int:
        """How many of the user's changes and requests have not reached the marketplace yet."""
        counts = self.outbox.counts()
        return sum(counts.values()) + len(self.procurement.requests(("pending", "sent")))

    def window_layout(self, username: str) -> dict[str, Any] | None:
        """How `username` left the main window (app/window_layout.py), if they have."""
        found = self.settings.windows.get(username)
        return found if isinstance(found, dict) else None

    def remember_window_layout(self, username: str, layout: dict[str, Any]) -> None:
        """Keep how `username` left the main window, for their next start on this computer.
        A folder that cannot take it costs only the layout: logged, not raised."""
        with self._lock:
            if self.settings.windows.get(username) == layout:
                return
            self.settings = replace(self.settings, windows={**self.settings.windows, username: layout})
            try:
                self.settings.save(self.folder, self.policy)
            except StorageProblem as problem:
                log.warning("the window's layout was not saved: %s", problem)

    def api(self) -> ApiClient:
        """The signed-in session's API client (for reads made on a worker thread)."""
        session = self.session
        if session is None:
            raise PasswordNeeded("Sign in to reach the marketplace.")
        return session.api

    # -- syncing (blocking) ---------------------------------------------------------------------

    def sync(self, on_progress: Callable[[Progress], None] | None = None,
             cancel: threading.Event | None = None, page_size: int = DEFAULT_PAGE_SIZE) -> SyncResult:
        session = self.session
        if session is None:
            raise PasswordNeeded("Sign in to sync.")
        # The catalogue snapshot for a first fill, from the office's copy where IT set one.
        snapshots = SnapshotDownloader(session.api, self.folder, office_source=self.policy.values.get("snapshot_source"),
                                       cancel=cancel)
        engine = SyncEngine(session.api, self.cache, self.outbox, page_size=page_size, on_progress=on_progress,
                            cancel=cancel, snapshots=snapshots)
        result = engine.run(session.user["username"])
        if session.user.get("role") in BID_ROLES and not (cancel and cancel.is_set()):
            self._refresh_reads(session)
        return result

    def _refresh_reads(self, session: Session) -> None:
        """Read the bids and orders lists again and keep them, so that their tabs (a seller's
        bids for them) can be read offline even if they were not opened while online. Not
        part of the sync's own outcome: a failure here only leaves the previous copy."""
        for key, read in ((BIDS_KEY, Procurement.bids), (ORDERS_KEY, Procurement.orders)):
            try:
                self.reads.fetch(key, lambda: read(session.api))  # noqa: B023 - called before the next turn
            except (ApiError, Offline) as error:
                log.info("the %s list was not refreshed after the sync: %s", key, error)

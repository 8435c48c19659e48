"""One desktop's workspace against a real server process: who is signed in, what is
remembered between starts, whose cache it is, and what happens offline."""

from __future__ import annotations

import json
import time

import pytest

from app.account import PasswordNeeded
from app.api import ApiClient, ApiError, Offline, SessionExpired
from app.config import ClientSettings, ConnectionSettings
from app.credentials import SERVICE
from app.workspace import UnsyncedWorkOfAnother, Workspace
from tests.client.conftest import PASSWORD

# Few retries: an unreachable server is reported in well under a second.
FAST = ConnectionSettings(connect_timeout=2, read_timeout=20, max_retries=1)


@pytest.fixture
def open_workspace(tmp_path, secrets):
    """open_workspace(name) -> a Workspace on the folder tmp_path/name (a desktop starting)."""
    opened: list[Workspace] = []

    def open_(name: str = "desk", store=None) -> Workspace:
        folder = tmp_path / name
        if not (folder / "settings.json").exists():
            ClientSettings(connection=FAST).save(folder)
        workspace = Workspace(folder, store or secrets)
        opened.append(workspace)
        return workspace

    yield open_
    for workspace in opened:
        workspace.close()


def owner(server, username: str) -> str:
    return f"{username}@{server.url}"


def first_own_listing(workspace: Workspace) -> dict:
    firm = workspace.user["seller_firm"]["id"]
    return next(l for l in workspace.cache.listings_of_seller(firm) if l["status"] == "published")


def test_sign_in_is_remembered_and_resumed_on_the_next_start(open_workspace, server, keyring_backend):
    desk = open_workspace()
    assert desk.user is None and desk.remembered_user() is None and not desk.has_remembered_session()

    session = desk.sign_in(server.url + "/", "  demo-buyer ", PASSWORD)
    assert session.user["username"] == "demo-buyer" and session.remembered
    assert desk.user == desk.remembered_user() == session.user
    assert desk.has_remembered_session()
    assert list(keyring_backend.secrets) == [(SERVICE, owner(server, "demo-buyer"))]
    saved = json.loads((desk.folder / "settings.json").read_text(encoding="utf-8"))
    assert (saved["username"], saved["connection"]["server_url"]) == ("demo-buyer", server.url)
    assert desk.cache.state("owner") == owner(server, "demo-buyer")
    result = desk.sync()
    assert result.verified and desk.cache.versions() == server.versions_seen_by("demo-buyer")
    token = keyring_backend.secrets[(SERVICE, owner(server, "demo-buyer"))]
    profile = desk.user
    desk.close()

    # The next start: who it was is known before any network, then the session resumes.
    again = open_workspace()
    assert again.session is None
    assert again.user == again.remembered_user() == profile
    assert again.has_remembered_session()
    resumed = again.resume()
    assert resumed.user["username"] == "demo-buyer" and again.user == profile
    assert keyring_backend.secrets[(SERVICE, owner(server, "demo-buyer"))] != token  # rotated
    assert again.cache.versions() == server.versions_seen_by("demo-buyer")  # the cache was kept
    assert again.sync().verified


def test_remember_false_keeps_nothing_in_the_keyring(open_workspace, server, keyring_backend):
    desk = open_workspace()
    desk.sign_in(server.url, "demo-buyer", PASSWORD)
    assert keyring_backend.secrets
    # Signing in again without "remember me" also forgets the session remembered before.
    session = desk.sign_in(server.url, "demo-buyer", PASSWORD, remember=False)
    assert not session.remembered
    assert keyring_backend.secrets == {}
    assert not desk.has_remembered_session()
    assert desk.user["username"] == "demo-buyer"
    assert desk.sync().verified
    desk.close()

    again = open_workspace()
    assert not again.has_remembered_session()
    assert again.remembered_user()["username"] == "demo-buyer"  # the cache still knows whose it is
    with pytest.raises(PasswordNeeded):
        again.resume()
    assert again.session is None


def test_sign_out_forgets_the_session_here_and_on_the_server(open_workspace, server, keyring_backend):
    desk = open_workspace()
    desk.sign_in(server.url, "demo-buyer", PASSWORD)
    token = keyring_backend.secrets[(SERVICE, owner(server, "demo-buyer"))]
    desk.sign_out()
    assert desk.session is None
    assert keyring_backend.secrets == {} and not desk.has_remembered_session()
    with pytest.raises(PasswordNeeded):
        desk.sync()
    with pytest.raises(PasswordNeeded):
        open_workspace("another-start").resume()  # nobody signed in there
    with pytest.raises(PasswordNeeded):
        desk.resume()
    stolen = ApiClient(ConnectionSettings(server_url=server.url, max_retries=0))
    try:
        with pytest.raises(SessionExpired):
            stolen.resume(token)  # revoked on the server, not just forgotten here
    finally:
        stolen.close()


def test_signing_in_as_another_user_empties_the_cache_but_a_wrong_password_changes_nothing(open_workspace, server):
    desk = open_workspace()
    desk.sign_in(server.url, "demo-seller", PASSWORD)
    desk.sync()
    firm = desk.user["seller_firm"]["id"]
    drafts = [l["id"] for l in desk.cache.listings_of_seller(firm) if l["status"] == "draft"]
    assert drafts and desk.cache.state("cursor")
    cached = desk.cache.versions()

    with pytest.raises(ApiError) as refused:
        desk.sign_in(server.url, "demo-buyer", "not-the-password")
    assert refused.value.code == "invalid_credentials"
    assert desk.user["username"] == "demo-seller" and desk.settings.username == "demo-seller"
    assert ClientSettings.load(desk.folder).username == "demo-seller"
    assert desk.cache.versions() == cached and desk.cache.state("owner") == owner(server, "demo-seller")

    desk.sign_in(server.url, "demo-buyer", PASSWORD)
    assert desk.cache.count() == 0 and desk.cache.state("cursor") is None
    assert desk.cache.state("owner") == owner(server, "demo-buyer")
    assert desk.user["username"] == desk.remembered_user()["username"] == "demo-buyer"
    assert desk.remembered_user()["seller_firm"] is None  # not the seller's profile
    result = desk.sync()
    assert result.verified and desk.cache.versions() == server.versions_seen_by("demo-buyer")
    assert not any(desk.cache.listing(listing_id) for listing_id in drafts)  # the seller's drafts are gone


def test_another_users_unsynced_work_blocks_signing_in(open_workspace, server):
    desk = open_workspace()
    desk.sign_in(server.url, "demo-seller", PASSWORD)
    desk.sync()
    listing = first_own_listing(desk)
    desk.outbox.queue_update(listing["id"], {"stock": 71}, False, listing)
    cached = desk.cache.versions()

    with pytest.raises(UnsyncedWorkOfAnother) as blocked:
        desk.sign_in(server.url, "demo-buyer", PASSWORD)
    assert blocked.value.who == "demo-seller" and "demo-seller" in str(blocked.value)
    assert desk.user["username"] == "demo-seller" and desk.settings.username == "demo-seller"
    assert desk.cache.versions() == cached and len(desk.outbox.ops()) == 1

    # The seller signs in again (no objection to one's own work), syncs, and the desk is free.
    desk.sign_in(server.url, "demo-seller", PASSWORD)
    assert desk.sync().pushed == 1 and server.listing(listing["id"])["stock"] == 71
    desk.sign_in(server.url, "demo-buyer", PASSWORD)
    assert desk.user["username"] == "demo-buyer"


def test_unsynced_work_of_another_blocks_sign_in_even_after_the_cache_was_rebuilt(open_workspace, server):
    desk = open_workspace()
    desk.sign_in(server.url, "demo-seller", PASSWORD)
    desk.sync()
    listing = first_own_listing(desk)
    desk.outbox.queue_update(listing["id"], {"stock": 71}, False, listing)
    desk.close()
    with open(desk.cache.path, "r+b") as damaged:  # the cache breaks while the app is closed
        damaged.write(b"this is not a database" * 200)

    again = open_workspace()
    assert again.cache.count() == 0 and len(again.outbox.ops()) == 1
    with pytest.raises(UnsyncedWorkOfAnother):
        again.sign_in(server.url, "demo-buyer", PASSWORD)


def test_offline_start_knows_the_user_and_resumes_when_the_server_is_back(open_workspace, server, keyring_backend):
    desk = open_workspace()
    desk.sign_in(server.url, "demo-buyer", PASSWORD)
    desk.sync()
    profile, cached = desk.user, desk.cache.versions()
    desk.close()
    token = keyring_backend.secrets[(SERVICE, owner(server, "demo-buyer"))]

    server.stop()
    again = open_workspace()
    assert again.has_remembered_session()
    assert again.user == again.remembered_user() == profile
    started = time.monotonic()
    with pytest.raises(Offline):
        again.resume()
    assert time.monotonic() - started < 5
    # Nothing lost: the same user, the same listings to browse, the session kept for later.
    assert again.session is None and again.user == profile
    assert again.has_remembered_session()
    assert keyring_backend.secrets[(SERVICE, owner(server, "demo-buyer"))] == token
    assert again.cache.versions() == cached and again.cache.search("chair", limit=1)
    with pytest.raises(PasswordNeeded):
        again.sync()  # there is no session to sync with

    server.start()
    assert again.resume().user["username"] == "demo-buyer"
    assert again.sync().verified

"""Sign-in, token rotation and theft detection, sign-out, expiry and lock-out."""

from __future__ import annotations

import dataclasses
import time
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update

from domain.timefmt import utc_now
from server.api.app import create_app
from server.db.models import AuthToken
from server.security import token_digest
from tests.server.conftest import PASSWORD


def _me(market, access_token):
    return market.client.get("/api/v1/me", headers={"Authorization": f"Bearer {access_token}"})


def test_login_returns_tokens_and_user(market):
    answer = market.login("seller-a")
    assert set(answer) == {"access_token", "access_expires_at", "refresh_token", "refresh_expires_at", "user"}
    user = answer["user"]
    assert user["username"] == "seller-a" and user["role"] == "seller" and user["buyer_org"] is None
    assert user["seller_firm"]["name"] == "Raipur Computers Pvt Ltd"  # a seller sees its own firm's name
    assert answer["access_expires_at"].endswith("Z")
    me = _me(market, answer["access_token"])
    assert me.status_code == 200 and me.json() == user
    # Tokens are stored only as digests.
    with market.db.reading() as session:
        assert session.get(AuthToken, answer["access_token"]) is None
        assert session.get(AuthToken, token_digest(answer["access_token"])).kind == "access"


@pytest.mark.parametrize("username,password", [("buyer", "wrong"), ("nobody", PASSWORD), ("", "")])
def test_bad_credentials(market, username, password):
    response = market.client.post("/api/v1/auth/login", json={"username": username, "password": password})
    if username:
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "invalid_credentials"
    else:
        assert response.status_code == 422
        assert set(response.json()["error"]["fields"]) == {"username", "password"}


def test_refresh_rotates_and_reuse_revokes_the_family(market):
    first = market.login("buyer")
    second = market.client.post("/api/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert second.status_code == 200
    second = second.json()
    assert second["refresh_token"] != first["refresh_token"]
    assert _me(market, second["access_token"]).status_code == 200
    # The used refresh token comes back: someone kept a copy. Everything of this sign-in dies.
    replay = market.client.post("/api/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert replay.status_code == 401 and replay.json()["error"]["code"] == "unauthenticated"
    assert _me(market, second["access_token"]).status_code == 401
    assert _me(market, first["access_token"]).status_code == 401
    again = market.client.post("/api/v1/auth/refresh", json={"refresh_token": second["refresh_token"]})
    assert again.status_code == 401
    # Another sign-in of the same user is unaffected.
    assert _me(market, market.login("buyer")["access_token"]).status_code == 200


def test_logout_revokes_the_sign_in(market):
    answer = market.login("buyer")
    headers = {"Authorization": f"Bearer {answer['access_token']}"}
    assert market.client.post("/api/v1/auth/logout", headers=headers).status_code == 204
    assert _me(market, answer["access_token"]).status_code == 401
    assert market.client.post("/api/v1/auth/refresh", json={"refresh_token": answer["refresh_token"]}).status_code == 401


def test_expired_access_token_is_refused(market):
    answer = market.login("buyer")
    with market.db.writing() as session:
        session.execute(
            update(AuthToken)
            .where(AuthToken.token_hash == token_digest(answer["access_token"]))
            .values(expires_at=utc_now() - timedelta(seconds=1))
        )
    response = _me(market, answer["access_token"])
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthenticated"
    assert response.headers["WWW-Authenticate"] == "Bearer"


@pytest.mark.parametrize("header", ["", "Bearer", "Bearer nonsense", "Basic abc", "bearer  "])
def test_missing_or_unknown_token(market, header):
    response = market.client.get("/api/v1/me", headers={"Authorization": header} if header else {})
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthenticated"


def test_expired_refresh_token_is_refused(market):
    answer = market.login("buyer")
    with market.db.writing() as session:
        session.execute(
            update(AuthToken)
            .where(AuthToken.token_hash == token_digest(answer["refresh_token"]))
            .values(expires_at=utc_now() - timedelta(seconds=1))
        )
    assert market.client.post("/api/v1/auth/refresh", json={"refresh_token": answer["refresh_token"]}).status_code == 401


def test_lockout_per_user_name(market):
    limit = market.settings.lockout_user_failures
    for _ in range(limit):
        r = market.client.post("/api/v1/auth/login", json={"username": "buyer", "password": "wrong"})
        assert r.status_code == 401
    locked = market.client.post("/api/v1/auth/login", json={"username": "buyer", "password": PASSWORD})
    assert locked.status_code == 429
    assert locked.json()["error"]["code"] == "too_many_attempts"
    assert 0 < int(locked.headers["Retry-After"]) <= market.settings.lockout_seconds
    # Another user from the same address is not locked by this user's failures.
    assert market.client.post("/api/v1/auth/login", json={"username": "seller-a", "password": PASSWORD}).status_code == 200


def test_lockout_ends(market):
    # A wide window, so that slow password hashing on a busy machine still counts every failure;
    # the lock itself lasts from the last failure.
    settings = dataclasses.replace(market.settings, lockout_seconds=2, lockout_window_seconds=60)
    with TestClient(create_app(settings, market.db)) as client:
        for _ in range(settings.lockout_user_failures):
            client.post("/api/v1/auth/login", json={"username": "buyer", "password": "wrong"})
        assert client.post("/api/v1/auth/login", json={"username": "buyer", "password": PASSWORD}).status_code == 429
        time.sleep(2.2)
        assert client.post("/api/v1/auth/login", json={"username": "buyer", "password": PASSWORD}).status_code == 200


def test_lockout_per_address(market):
    settings = dataclasses.replace(market.settings, lockout_address_failures=4)
    with TestClient(create_app(settings, market.db)) as client:
        for n in range(4):
            r = client.post("/api/v1/auth/login", json={"username": f"guess{n}", "password": "wrong"})
            assert r.status_code == 401
        locked = client.post("/api/v1/auth/login", json={"username": "buyer", "password": PASSWORD})
        assert locked.status_code == 429 and int(locked.headers["Retry-After"]) > 0
    # The same user from another address may sign in.
    with TestClient(create_app(settings, market.db), client=("10.0.0.9", 5000)) as other:
        assert other.post("/api/v1/auth/login", json={"username": "buyer", "password": PASSWORD}).status_code == 200


def test_settings_come_from_the_environment(monkeypatch, tmp_path):
    from server.config import Settings

    monkeypatch.setenv("GEMDESK_SERVER_LOCKOUT_USER_FAILURES", "2")
    monkeypatch.setenv("GEMDESK_SERVER_ACCESS_TTL_SECONDS", "30")
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("GEMDESK_SERVER_DATABASE_URL", raising=False)
    settings = Settings.from_env(data_dir=tmp_path)
    assert settings.lockout_user_failures == 2 and settings.access_ttl == timedelta(seconds=30)
    assert settings.refresh_ttl == timedelta(days=30) and settings.tombstone_horizon_days == 90
    assert settings.database_url == f"sqlite:///{tmp_path / 'marketplace.sqlite'}"
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://x@h/db")
    assert Settings.from_env().database_url == "postgresql+psycopg://x@h/db"

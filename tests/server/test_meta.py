"""The health address also announces the GeM Desk release IT should deploy, when the
server's operator sets one (GEMDESK_SERVER_LATEST_CLIENT_VERSION)."""

from __future__ import annotations

import dataclasses

from fastapi.testclient import TestClient

from server.api.app import create_app
from server.config import Settings


def test_health_announces_nothing_by_default(market):
    answer = market.client.get("/api/v1/health").json()
    assert answer["status"] == "ok" and answer["latest_client_version"] is None


def test_health_announces_the_latest_client_version(settings, db):
    announced = dataclasses.replace(settings, latest_client_version="0.2.0")
    with TestClient(create_app(announced, db)) as client:
        assert client.get("/api/v1/health").json()["latest_client_version"] == "0.2.0"
    assert Settings.from_env({"GEMDESK_SERVER_LATEST_CLIENT_VERSION": "0.3.1"}).latest_client_version == "0.3.1"

"""The FastAPI application: `create_app(settings)` wires the database, routers and error
handlers together. It does not migrate: `gemdesk-server serve` does that before starting."""

from __future__ import annotations

from fastapi import FastAPI

from server.api import contract
from server.api.compression import Compression
from server.api.errors import install_error_handlers
from server.api.guard import RequestGuard
from server.api.routes import (auctions, audit, auth, bids, changes, listings, meta, negotiation, orders, purchases,
                               snapshot, testing)
from server.config import Settings
from server.db.engine import Database
from server.services.clock import Clock


def create_app(settings: Settings | None = None, database: Database | None = None) -> FastAPI:
    settings = settings or Settings.from_env()
    if database is None:
        settings.ensure_data_dir()
        database = Database(settings.database_url)
    app = FastAPI(title="GeM Desk marketplace API", version="1", docs_url="/docs", redoc_url=None)
    app.state.settings = settings
    app.state.db = database
    app.state.clock = Clock()  # the server's clock; tests move it (settings.test_clock) or replace it
    install_error_handlers(app)
    app.add_middleware(RequestGuard)  # authentication before bodies, bodies limited, security headers
    app.add_middleware(Compression)  # large answers as zstd or gzip when asked (server/api/compression.py)
    # negotiation and auctions before bids: the bids router's catch-all POST /bids/{id}/{verb} would take their paths
    for module in (meta, auth, changes, snapshot, listings, negotiation, auctions, bids, purchases, orders, audit):
        app.include_router(module.router)
    if settings.test_clock:
        app.include_router(testing.router)
    contract.install(app)  # the OpenAPI document: bodies, answers, errors, the bearer scheme
    return app

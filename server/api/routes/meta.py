"""Health, server time and the category tree: what a client reads before anything else."""

from __future__ import annotations

from importlib import metadata
from typing import Any

from fastapi import APIRouter, Depends, Request
from sqlalchemy import select, text

from domain.timefmt import iso_utc, utc_now
from server.api.deps import current_caller, database
from server.api.contract import Categories, Health, ServerTime, answers
from server.db.models import Category
from server.services.caller import Caller
from server.wire import category_json

router = APIRouter(prefix="/api/v1")


def _version() -> str:
    try:
        return metadata.version("gemdesk")
    except metadata.PackageNotFoundError:
        return "0.1.0"


@router.get("/health", responses=answers(Health))
def health(request: Request) -> dict[str, Any]:
    db = database(request)
    with db.reading() as session:
        session.execute(text("SELECT 1"))
    latest = request.app.state.settings.latest_client_version or None
    return {"status": "ok", "database": db.dialect, "version": _version(), "latest_client_version": latest}


@router.get("/time", responses=answers(ServerTime))
def server_time() -> dict[str, Any]:
    return {"now": iso_utc(utc_now())}


@router.get("/categories", responses=answers(Categories))
def categories(request: Request, _caller: Caller = Depends(current_caller)) -> dict[str, Any]:
    with database(request).reading() as session:
        return {"categories": [category_json(c) for c in session.scalars(select(Category).order_by(Category.id))]}

"""The catalogue snapshot: its manifest and its file, by HTTP ranges (docs/api.md, Catalogue
snapshot). Both read files only: no database lock, nothing a writer waits for."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import FileResponse

from server.api.contract import SnapshotManifest, answers
from server.api.deps import current_caller, database, settings
from server.errors import ApiError
from server.services import snapshot
from server.services.caller import Caller

router = APIRouter(prefix="/api/v1")


@router.get("/snapshot", responses=answers(SnapshotManifest, 404))
def manifest(request: Request, caller: Caller = Depends(current_caller)) -> dict[str, Any]:
    if caller.firm is not None:
        # A seller also sees its own unpublished listings, which only the feed carries.
        raise ApiError(404, "snapshot_not_for_sellers",
                       "The catalogue snapshot is the buyers' catalogue; a seller's first sync comes through the feed.")
    found = snapshot.current(settings(request).data_dir)
    last_seq, horizon_seq = snapshot.feed_state(database(request))
    if found is None or found["feed_position"] < horizon_seq:
        raise ApiError(404, "no_snapshot", "There is no catalogue snapshot to download now; sync through the feed.")
    found.pop("horizon_at_build", None)
    return {**found, "feed_position_now": last_seq}


@router.get("/snapshot/files/{file_name}", responses={
    **answers(None, 404, 416), 200: {"description": "The whole file", "content": {"application/x-xz": {}}},
    206: {"description": "The byte range asked for (Range, If-Range)", "content": {"application/x-xz": {}}}})
def snapshot_file(request: Request, file_name: str, _caller: Caller = Depends(current_caller)) -> FileResponse:
    found = snapshot.served_file(settings(request).data_dir, file_name)
    if found is None:
        raise ApiError(404, "snapshot_gone", "This catalogue snapshot is no longer kept; fetch the manifest again.")
    path, part = found
    # The ETag is the content's SHA-256: a resumed download's If-Range matches only the same
    # bytes. Never compressed again on the way (it is xz already, and a range of a
    # re-encoded body would not be a range of this file).
    return FileResponse(path, media_type=part["media_type"], headers={
        "ETag": f'"{part["sha256"]}"', "Cache-Control": "private, max-age=86400", "Content-Encoding": "identity"})

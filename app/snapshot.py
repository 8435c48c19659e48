"""The catalogue snapshot on the desktop: choosing it, downloading it resumably, checking it,
and loading it into an empty cache (server side: server/services/snapshot.py).

Download. The file comes by HTTP range requests into `snapshot/<file>.part` in the data
folder; `snapshot/download.json` keeps the manifest being fetched. Bytes are appended as
they arrive and the file only ever grows, so after a dropped link, a closed app or a killed
process the next attempt asks for `bytes=<size on disk>-` (with If-Range on the file's ETag,
its SHA-256): nothing already on disk is fetched again. Failures back off (full jitter, from
0.5 s doubling to 5 s) and give up after `MAX_IDLE_ATTEMPTS` attempts in a row that
brought nothing; the partial file stays for the next sync. A whole file is checked against
the manifest's SHA-256 before use: a mismatch is thrown away and fetched again (twice at
most). When the marketplace has replaced the snapshot being fetched, the old one is
finished if the server still serves it (its bytes are not wasted; the feed brings the rest),
otherwise the download moves to the new one.

Office copy. A machine setting (`snapshot_source`, app/machine_config.py) may name a folder
or a web address where office IT keeps the snapshot files; the file of the marketplace's
manifest is taken from there when it is there (same resumable copy), and still verified by
the marketplace manifest's SHA-256, so one download serves every desktop in the office.

Load. The verified file is read in pages into the cache's bulk fill (app/cache.py
BulkFill), each page in one transaction with `snapshot_pages` (how many pages are in); the
last page sets the cursor the manifest gives, so the feed goes on from the snapshot's
position. A kill during the load resumes from the next page (the file is kept until the
load is done); the cache says it is complete only when the fill finishes after the feed.
Qt-free.
"""

from __future__ import annotations

import hashlib
import json
import logging
import lzma
import os
import random
import shutil
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping
from urllib.parse import urljoin

import requests

from app.api import ApiClient, ApiError, Offline

log = logging.getLogger(__name__)

FOLDER = "snapshot"
STATE_FILE = "download.json"
FORMAT_VERSION = 1
CHUNK = 8 * 1024  # written as it comes: a kill loses at most this much
MAX_IDLE_ATTEMPTS = 30  # about 1.5 minutes of backoff without a byte: then the next sync goes on
MAX_BAD_FILES = 2
BACKOFF_BASE = 0.5
BACKOFF_CAP = 5.0  # a range request is cheap: after a cut, the download goes on within 5 s
# The feed's bytes on the wire per listing, measured on the demo catalogue (bench/wire_size.py):
# zstd 112, gzip 147. The snapshot is taken when it (plus the changes since it) costs at
# most half of that: below, the bother of a second path buys too little.
FEED_BYTES_PER_LISTING = 112
WORTH_IT = 0.5
MIN_LISTINGS = 5_000  # a small catalogue is a few feed pages: no snapshot


class SnapshotUnusable(Exception):
    """The snapshot could not be fetched whole and sound; the sync takes the feed instead."""


@dataclass
class Downloaded:
    manifest: dict[str, Any]  # the manifest of the file fetched (an older one if it was finished)
    path: Path
    fetched: int  # bytes received in this run


def worth_it(manifest: Mapping[str, Any], feed_listings: int, feed_bytes_per_listing: int | None = None) -> bool:
    """Whether the snapshot is much smaller to fetch than the feed from its start would be."""
    feed_bytes_per_listing = feed_bytes_per_listing or FEED_BYTES_PER_LISTING
    if manifest.get("format_version") != FORMAT_VERSION or feed_listings < MIN_LISTINGS:
        return False
    size = sum(part["size"] for part in manifest["parts"])
    behind = max(0, manifest.get("feed_position_now", manifest["feed_position"]) - manifest["feed_position"])
    catch_up = min(behind, feed_listings) * feed_bytes_per_listing
    return size + catch_up <= WORTH_IT * feed_listings * feed_bytes_per_listing


def backoff(attempt: int) -> float:
    return random.uniform(BACKOFF_BASE / 2, min(BACKOFF_CAP, BACKOFF_BASE * 2 ** (attempt - 1)))


class _Gone(Exception):
    """The server no longer serves this snapshot file."""


class SnapshotDownloader:
    """Fetches the marketplace's current snapshot into `<data folder>/snapshot/`."""

    def __init__(self, api: ApiClient, data_folder: Path, *, office_source: str | None = None,
                 cancel: threading.Event | None = None, on_bytes: Callable[[int, int], None] | None = None,
                 sleep: Callable[[float], None] = time.sleep, timeout: tuple[float, float] = (10, 60)) -> None:
        self.api = api
        self.folder = Path(data_folder) / FOLDER
        self.office_source = office_source or None
        self.cancel = cancel or threading.Event()
        self.on_bytes = on_bytes or (lambda done, total: None)
        self.sleep = sleep
        self.timeout = timeout
        self.fetched = 0  # bytes received by this downloader (all attempts)

    # -- the manifest -------------------------------------------------------------------------

    def manifest(self) -> dict[str, Any] | None:
        """The marketplace's current manifest; None when it has none for this user (404)."""
        try:
            return self.api.request("GET", "/api/v1/snapshot").json()
        except ApiError as error:
            if error.status == 404:
                return None
            raise

    def pending(self) -> dict[str, Any] | None:
        """The manifest of a download started earlier and not finished (or not yet loaded)."""
        try:
            return json.loads((self.folder / STATE_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def _remember(self, manifest: Mapping[str, Any]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        temporary = self.folder / (STATE_FILE + ".tmp")
        temporary.write_text(json.dumps(manifest), encoding="utf-8")
        os.replace(temporary, self.folder / STATE_FILE)

    def forget(self) -> None:
        """Remove every file of a download (after the load, or when the feed is taken instead)."""
        shutil.rmtree(self.folder, ignore_errors=True)

    def _paths(self, manifest: Mapping[str, Any]) -> tuple[Path, Path]:
        name = Path(manifest["parts"][0]["file"]).name  # never a path from the server
        return self.folder / name, self.folder / (name + ".part")

    # -- the download -----------------------------------------------------------------------

    def download(self, latest: dict[str, Any]) -> Downloaded:
        """The file of `latest` (or of an older snapshot already started, if the server still
        serves it), whole and verified. Raises Offline when the link stays down, and
        SnapshotUnusable when the file never comes out right."""
        started = self.pending()
        manifest = started if started is not None else latest
        if started is not None and started["name"] != latest["name"]:
            log.info("snapshot %s was started before %s replaced it; finishing it if still served",
                     started["name"], latest["name"])
        self._remember(manifest)
        bad = 0
        while True:
            done, partial = self._paths(manifest)
            if not done.exists():
                try:
                    self._fetch(manifest, partial)
                except _Gone:
                    if manifest["name"] == latest["name"]:
                        latest = self.manifest()
                        if latest is None or latest["name"] == manifest["name"]:
                            raise SnapshotUnusable("the marketplace withdrew its catalogue snapshot") from None
                    log.info("snapshot %s is no longer served; moving to %s", manifest["name"], latest["name"])
                    partial.unlink(missing_ok=True)
                    manifest = latest
                    self._remember(manifest)
                    continue
                if not self._sound(partial, manifest):
                    bad += 1
                    log.warning("snapshot %s does not match its SHA-256; fetching it again", manifest["name"])
                    partial.unlink(missing_ok=True)
                    if self.office_source is not None:
                        log.warning("the office copy of the snapshot (%s) is not the marketplace's: taking the "
                                    "marketplace's", self.office_source)
                        self.office_source = None
                    if bad > MAX_BAD_FILES:
                        raise SnapshotUnusable("the catalogue snapshot never arrived intact")
                    continue
                os.replace(partial, done)
            return Downloaded(manifest, done, self.fetched)

    @staticmethod
    def _sound(path: Path, manifest: Mapping[str, Any]) -> bool:
        part = manifest["parts"][0]
        if not path.exists() or path.stat().st_size != part["size"]:
            return False
        digest = hashlib.sha256()
        with open(path, "rb") as data:
            for block in iter(lambda: data.read(1024 * 1024), b""):
                digest.update(block)
        return digest.hexdigest() == part["sha256"]

    def _fetch(self, manifest: Mapping[str, Any], partial: Path) -> None:
        """Append to `partial` until it has the file's size; resume after every failure."""
        part = manifest["parts"][0]
        size = part["size"]
        idle = 0
        office = self.office_source is not None
        while True:
            if self.cancel.is_set():
                from app.sync import Cancelled  # noqa: PLC0415 - the sync's own stop signal

                raise Cancelled()
            have = partial.stat().st_size if partial.exists() else 0
            if have > size:  # not a prefix of this file: start it again
                partial.unlink()
                have = 0
            if have == size:
                return
            before = have
            try:
                if office:
                    got = self._from_office(part, partial, have)
                    if got is None:
                        office = False  # the office copy does not have it: the marketplace's
                        continue
                else:
                    self._from_marketplace(part, partial, have)
            except (Offline, requests.RequestException, OSError) as error:
                log.info("snapshot download interrupted at %s of %s bytes (%s)", have, size, error)
            except ApiError as error:
                if error.status in (404, 410):
                    raise _Gone() from error
                if error.status == 416:
                    partial.unlink(missing_ok=True)  # the file on disk is not a prefix of this one
                log.info("snapshot download refused (%s %s); trying again", error.status, error.code)
            now = partial.stat().st_size if partial.exists() else 0
            if now >= size:
                return
            idle = 0 if now > before else idle + 1
            if idle >= MAX_IDLE_ATTEMPTS:
                raise Offline("The catalogue snapshot could not be downloaded now; the next sync goes on where it stopped.")
            self.sleep(backoff(idle + 1))

    def _append(self, response: requests.Response, partial: Path, have: int, size: int) -> None:
        if response.status_code == 200 and have:
            have = 0  # the server sent the whole file (another file under the same name)
        mode = "ab" if have else "wb"
        with open(partial, mode) as out:
            for block in response.iter_content(CHUNK):
                if self.cancel.is_set():
                    break
                out.write(block)
                have += len(block)
                self.fetched += len(block)
                self.on_bytes(have, size)

    def _from_marketplace(self, part: Mapping[str, Any], partial: Path, have: int) -> None:
        headers = {"Accept-Encoding": "identity", "If-Range": f'"{part["sha256"]}"'}
        if have:
            headers["Range"] = f"bytes={have}-"
        response = self.api.request("GET", part["url"], headers=headers, stream=True, retry=False)
        try:
            self._append(response, partial, have, part["size"])
        finally:
            response.close()

    def _from_office(self, part: Mapping[str, Any], partial: Path, have: int) -> bool | None:
        """Copy from the office's folder or web server; None when the file is not there."""
        source = self.office_source or ""
        name = Path(part["file"]).name
        if source.startswith(("http://", "https://")):
            url = urljoin(source.rstrip("/") + "/", name)
            headers = {"Accept-Encoding": "identity", "Range": f"bytes={have}-"} if have else {"Accept-Encoding": "identity"}
            response = requests.get(url, headers=headers, stream=True, timeout=self.timeout)
            try:
                if response.status_code == 404:
                    return None
                response.raise_for_status()
                if have and response.status_code != 206:
                    have = 0
                self._append(response, partial, have, part["size"])
            finally:
                response.close()
            return True
        path = Path(source) / name
        if not path.is_file():
            return None
        with open(path, "rb") as data, open(partial, "ab") as out:
            data.seek(have)
            for block in iter(lambda: data.read(CHUNK), b""):
                if self.cancel.is_set():
                    break
                out.write(block)
                have += len(block)
                self.fetched += len(block)
                self.on_bytes(have, part["size"])
        return True


# -- reading the file ---------------------------------------------------------------------------


def read_pages(path: Path) -> Iterator[tuple[str, Any]]:
    """("header", {...}), ("categories", [...]), ("sellers", [...]) and ("listings", [...]) pages
    of a verified snapshot file, listings in the feed's shape with "feed_seq"."""
    with lzma.open(path, "rt", encoding="utf-8") as lines:
        header = json.loads(next(lines))
        if header.get("format") != FORMAT_VERSION:
            raise SnapshotUnusable(f"snapshot format {header.get('format')} is not one this GeM Desk reads")
        yield "header", header
        for line in lines:
            record = json.loads(line)
            kind = record["part"]
            if kind == "categories":
                yield kind, record["rows"]
                continue
            columns = dict(record["columns"])
            if kind == "listings":
                columns["feed_seq"] = columns.pop("seq")
            names = list(columns)
            yield kind, [dict(zip(names, values)) for values in zip(*columns.values())]


LOADING = "snapshot_loading"  # sync state: the snapshot being loaded (its name)
PAGES_IN = "snapshot_pages"  # sync state: how many batches of its listings are in the cache
LOAD_BATCH = 10_000  # listings a transaction


def load(path: Path, manifest: Mapping[str, Any], cache: Any, fill: Any,
         on_rows: Callable[[int, int], None] | None = None, cancel: threading.Event | None = None) -> int:
    """Load a verified snapshot file into `fill` (a BulkFill of `cache`), resuming after the
    pages already in; the last page sets the feed cursor of the manifest. Listings added."""
    on_rows = on_rows or (lambda done, total: None)
    total = manifest["rows"]["listings"]
    if cache.state(LOADING) != manifest["name"]:
        cache.set_state({LOADING: manifest["name"], PAGES_IN: "0"})
    skip = int(cache.state(PAGES_IN) or 0)
    sellers: list[dict[str, Any]] = []
    index = added = 0
    pages = read_pages(path)
    pending: list[dict[str, Any]] | None = None
    for kind, rows in pages:
        if kind == "categories":
            cache.set_categories(rows)
        elif kind == "sellers":
            sellers = rows
        elif kind == "listings":
            for start in range(0, len(rows), LOAD_BATCH):
                # One batch behind, so the last is known as the last when it is written.
                if pending is not None:
                    index += 1
                    added += _page(cache, fill, pending, sellers, index, skip, None)
                    sellers = [] if index > skip else sellers
                    on_rows(min(total, index * LOAD_BATCH), total)
                    if cancel is not None and cancel.is_set():
                        from app.sync import Cancelled  # noqa: PLC0415

                        raise Cancelled()
                pending = rows[start:start + LOAD_BATCH]
    index += 1
    finished = {"cursor": manifest["cursor"], LOADING: "", PAGES_IN: str(index)}
    added += _page(cache, fill, pending or [], sellers, index, skip, finished)
    on_rows(total, total)
    return added


def _page(cache: Any, fill: Any, rows: list[dict[str, Any]], sellers: list[dict[str, Any]], index: int, skip: int,
          finished: Mapping[str, str] | None) -> int:
    if index <= skip and finished is None:
        return 0
    state = dict(finished) if finished else {PAGES_IN: str(index)}
    if index <= skip:
        rows = []  # already in; only the cursor is left to set
    fill.add_listings(rows, sellers, state)
    return len(rows)

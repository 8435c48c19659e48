"""A live reverse auction under load (issue 5): bidders across two server processes on one
PostgreSQL, bidding as fast as they can through an auction's last 30 seconds, with followers
on the event streams.

    python -m bench.auction_live [--bidders 200] [--followers 500] [--seconds 30]

What it does, all on this machine (2 cores shared by everything):
1. A fresh PostgreSQL database (dropped afterwards), migrated; a buyer's office and one seller
   firm and user per bidder; two bids taken through the server's own services (draft,
   approval, an offer from every seller, the end and the opening: backdated, so the bids stand
   in financial evaluation now), each a reverse auction from the start (every qualified seller
   bids). One auction is the baseline, the other the run.
2. Two `gemdesk-server serve` processes on that database; every user signs in (half on each).
3. Baseline, same run: one bidder alone bidding on the first auction, nobody following: the
   accept time with no contention.
4. The run: the followers open the second auction's stream (`/stream`, server-sent events),
   half on each process, as sellers (their own view) and as the buyer's office; the bidders,
   half on each process, bid from its start to its close: each next price a random 1-3 steps
   below the lowest price it knows of (the bidders' answers tell it the L1 price: the auction
   shows it), never above what the server allows it. The auction lasts `--seconds` plus the
   extensions the bids earn (a bid in the last 5 seconds extends it by 5, at most 4 times).
   Then a second auction the same way, but each bidder pausing 0 to 2 x `--pace` seconds
   before each bid (about every 10 s), as people or their tools might.
5. Figures, for each: accepted and refused bids per second; p50/p95/p99 time to accept a bid (request
   sent to answer read, at the bidder); p95 time from an accepted bid (its answer reaching the
   bidder) to its event reaching every follower (also from the server's stamp on the bid).
6. The ledger: every bid that got an acceptance is in the auction's log exactly once, in the
   order of its seq, with its bidder and price; the log's bids replayed through the rules
   (domain.auction.accept) give the result's L1 and the auction's end.

The load generator is asyncio with a minimal HTTP/1.1 client (keep-alive; SSE read line by
line, only the `id:` lines parsed), so the client costs the machine as little as possible.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import random
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from bench.machine import describe

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "auction_live.txt"
PASSWORD = "bench-password-1"
ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
UNIT_PRICE = 50_000_00  # Rs 50,000 a unit at the bid stage (the lowest offer)
UNITS = 20
STEP = 100_00  # the decrement: Rs 100 on the whole bid
WINDOW = LENGTH = 5  # seconds: a bid in the last 5 s extends the end by 5 s...
MAX_EXTENSIONS = 4  # ...at most 4 times


# --- the marketplace ---------------------------------------------------------------------------


def create_database() -> str:
    import psycopg

    name = f"gemdesk_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return name


def drop_database(name: str) -> None:
    import psycopg

    with psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def build_market(url: str, sellers: int) -> dict[str, Any]:
    """The office, the sellers and two bids in financial evaluation, through the services."""
    from server.db.engine import Database
    from server.db.migrate import upgrade
    from server.db.models import BuyerOrg, Category, SellerFirm, User
    from server.db.trail import SYSTEM, act_as
    from server.security import hash_password
    from server.services import bids
    from server.services.caller import Caller

    upgrade(url)
    db = Database(url)
    hashed = hash_password(PASSWORD)
    now = datetime.now(timezone.utc)
    past = now - timedelta(days=14)
    with db.writing() as session:
        act_as(session, SYSTEM, "bench.setup")
        office = BuyerOrg(ministry_or_state="Chhattisgarh", department="Health", organisation="CMHO", office="Raipur",
                          state="Chhattisgarh", district="Raipur")
        category = Category(code="almirahs", name_en="Steel almirahs", name_hi="स्टील अलमारी", key_params=[])
        session.add_all([office, category])
        session.flush()
        people = {"bench-buyer": ("buyer", office.id, None), "bench-approver": ("approver", office.id, None)}
        for n in range(sellers):
            firm = SellerFirm(name=f"Bench Steel Works {n + 1}", mse_class="none", udyam_number=None,
                              nature="manufacturer", state="Chhattisgarh", district="Raipur")
            session.add(firm)
            session.flush()
            people[f"bench-seller-{n + 1}"] = ("seller", None, firm.id)
        users = {}
        for name, (role, org, firm) in people.items():
            user = User(username=name, display_name=name, password_hash=hashed, role=role, buyer_org_id=org,
                        seller_firm_id=firm, active=True, created_at=past)
            session.add(user)
            session.flush()
            users[name] = Caller(user.id, name, role, org, firm)
        category_id = category.id
    bid_ids = []
    for number in range(3):  # the baseline's, the flood's, the paced round's
        bid_id = str(uuid.uuid4())
        end = past + timedelta(days=11)
        with db.writing() as session:
            body = {"title": f"Steel almirahs, lot {number + 1}", "estimated_value_paise": UNITS * UNIT_PRICE * 11 // 10,
                    "end_at": end.isoformat(), "ra_enabled": True, "ra_rule": "direct", "min_offers": 1,
                    "items": [{"id": "1", "name": "Steel almirah", "category_id": category_id, "key_specs": {},
                               "consignees": [{"district": "Raipur", "quantity": UNITS, "delivery_days": 30}]}]}
            bid = bids.create_draft(session, users["bench-buyer"], bid_id, body, past)
            bid = bids.send_for_approval(session, users["bench-buyer"], bid_id, bid.version, past)
            bids.approve(session, users["bench-approver"], bid_id, bid.version, {"remark": "bench"}, past)
            for n in range(sellers):
                price = UNIT_PRICE + n * 100_00  # the first seller is L1
                bids.submit_offer(session, users[f"bench-seller-{n + 1}"], bid_id, str(uuid.uuid4()),
                                  {"local_content_pct": 60, "items": {"1": {"unit_price_paise": price, "listing_id": None,
                                                                            "compliance": {}}}}, past)
        with db.writing() as session:
            bids.step(session, end)
            bids.step(session, end + timedelta(minutes=31))
        bid_ids.append(bid_id)
    db.dispose()
    return {"users": users, "bids": bid_ids}


def schedule(url: str, buyer: Any, bid_id: str, start: datetime, seconds: int) -> dict[str, Any]:
    from server.db.engine import Database
    from server.services import auctions

    db = Database(url)
    try:
        with db.writing() as session:
            now = datetime.now(timezone.utc)
            auction = auctions.create_from_bid(session, buyer, bid_id, {
                "start_at": start.isoformat(), "end_at": (start + timedelta(seconds=seconds)).isoformat(),
                "decrement": {"kind": "amount", "value": STEP}, "visibility": "rank_and_l1",
                "extension_window_seconds": WINDOW, "extension_length_seconds": LENGTH,
                "max_extensions": MAX_EXTENSIONS}, now)
            return {"id": auction.id, "number": auction.number, "start_price_paise": auction.start_price_paise}
    finally:
        db.dispose()


def start_server(url: str, folder: Path, port: int) -> subprocess.Popen:
    folder.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, GEMDESK_SERVER_DATABASE_URL=url, PYTHONUNBUFFERED="1",
               PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
    log = open(folder / "server.log", "ab")
    process = subprocess.Popen([sys.executable, "-m", "server", "--data-dir", str(folder), "serve", "--port", str(port)],
                               stdout=log, stderr=log, env=env, cwd=ROOT)
    log.close()
    return process


# --- a minimal HTTP/1.1 client -----------------------------------------------------------------


class Connection:
    """One keep-alive connection to 127.0.0.1:port; one request at a time."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def open(self) -> None:
        self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)

    async def request(self, method: str, path: str, headers: dict[str, str], body: Any = None) -> tuple[int, bytes]:
        if self.writer is None or self.writer.is_closing():
            await self.open()
        data = b"" if body is None else json.dumps(body).encode()
        head = [f"{method} {path} HTTP/1.1", f"Host: 127.0.0.1:{self.port}", f"Content-Length: {len(data)}",
                "Content-Type: application/json", *(f"{k}: {v}" for k, v in headers.items())]
        request = ("\r\n".join(head) + "\r\n\r\n").encode() + data
        try:
            self.writer.write(request)
            status_line = await self.reader.readline()
        except OSError:
            status_line = b""
        if not status_line:
            # The server closed the idle connection (its keep-alive ran out): once more on a new
            # one (harmless for a bid: the same Idempotency-Key).
            self.close()
            await self.open()
            self.writer.write(request)
            status_line = await self.reader.readline()
        status = int(status_line.split()[1])
        length = 0
        while True:
            line = await self.reader.readline()
            if line in (b"\r\n", b""):
                break
            name, _, value = line.decode().partition(":")
            if name.lower() == "content-length":
                length = int(value)
        return status, await self.reader.readexactly(length)

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


async def sign_in(port: int, username: str) -> str:
    connection = Connection(port)
    status, body = await connection.request("POST", "/api/v1/auth/login", {},
                                            {"username": username, "password": PASSWORD})
    connection.close()
    if status != 200:
        raise RuntimeError(f"{username} could not sign in: {status} {body[:200]!r}")
    return json.loads(body)["access_token"]


# --- the run -----------------------------------------------------------------------------------


@dataclass
class Shared:
    """What the bidders know of the auction between them (each learns from its own answers)."""

    l1: int
    closed: bool = False


@dataclass
class BidRecord:
    bidder: str
    price: int
    sent: float  # wall clock (time.time), this machine's
    answered: float
    status: int
    code: str = ""
    seq: int | None = None
    at: str | None = None


@dataclass
class Follower:
    name: str
    received: dict[int, float] = field(default_factory=dict)  # event seq -> wall clock
    done: bool = False
    error: str = ""


async def follow(port: int, token: str, auction_id: str, follower: Follower, connected: asyncio.Event) -> None:
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", port, limit=1 << 20)
        writer.write((f"GET /api/v1/auctions/{auction_id}/stream HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                      f"Authorization: Bearer {token}\r\nAccept: text/event-stream\r\n\r\n").encode())
        status = (await reader.readline()).split()[1]
        connected.set()
        if status != b"200":
            follower.error = f"stream answered {status!r}"
            return
        while True:
            line = await reader.readline()
            if not line:
                break
            if line.startswith(b"id: "):
                follower.received[int(line[4:])] = time.time()
            elif line.startswith(b"event: closed"):
                follower.done = True
                break
        writer.close()
    except (OSError, asyncio.IncompleteReadError) as error:
        follower.error = repr(error)
    finally:
        connected.set()


def followers_process(ports: list[int], who: list[tuple[str, str]], auction_id: str, pipe: Any) -> None:
    """The followers, in a process of their own: reading 500 streams in the bidders' event loop
    would delay the bidders' answers behind every event and count that as the server's time.
    Says "connected" once every stream has answered, then sends back what each received."""
    async def main() -> list[Follower]:
        followers = [Follower(name) for name, _token in who]
        connected = [asyncio.Event() for _ in who]
        tasks = [asyncio.create_task(follow(ports[n % 2], token, auction_id, follower, connected[n]))
                 for n, (follower, (_name, token)) in enumerate(zip(followers, who))]
        await asyncio.gather(*(event.wait() for event in connected))
        pipe.send("connected")
        try:
            await asyncio.wait_for(asyncio.gather(*tasks), timeout=600)
        except asyncio.TimeoutError:
            pass
        return followers

    followers = asyncio.run(main())
    pipe.send([(f.name, f.received, f.done, f.error) for f in followers])


async def bidder(port: int, name: str, token: str, auction_id: str, shared: Shared, highest: int,
                 records: list[BidRecord], stop_at: float, pace: float = 0.0) -> None:
    """Bid until the auction ends: at once after each answer, or (`pace` seconds) after a
    pause of 0 to 2 x pace, as people or their tools might."""
    connection = Connection(port)
    path = f"/api/v1/auctions/{auction_id}/bids"
    allowed = highest
    while not shared.closed and time.time() < stop_at:
        if pace:
            await asyncio.sleep(random.uniform(0, 2 * pace))
        price = min(allowed, shared.l1 - STEP * random.randint(1, 3))
        if price <= UNITS:
            break
        sent = time.time()
        status, body = await connection.request("POST", path, {"Authorization": f"Bearer {token}",
                                                               "Idempotency-Key": str(uuid.uuid4())},
                                                {"price_paise": price})
        answered = time.time()
        answer = json.loads(body) if body else {}
        record = BidRecord(name, price, sent, answered, status)
        if status == 201:
            record.seq, record.at = answer["accepted"]["seq"], answer["accepted"]["at"]
            me = answer["auction"]["me"]
            allowed = me["highest_allowed_paise"]
            shared.l1 = min(shared.l1, me.get("l1_price_paise") or shared.l1)
            if answer["auction"]["status"] in ("ended", "closed"):
                shared.closed = True
        else:
            record.code = (answer.get("error") or {}).get("code", "")
            if record.code == "ended":
                shared.closed = True
            elif record.code == "tie_with_l1":
                shared.l1 = min(shared.l1, price)
            elif record.code == "decrement":
                allowed = min(allowed, price - STEP)
        records.append(record)
    connection.close()


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(p / 100 * len(ordered) + 0.5)) - 1))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


async def run(args: argparse.Namespace) -> list[str]:
    lines: list[str] = [describe(), ""]
    say = lambda text="": (print(text, flush=True), lines.append(text))  # noqa: E731
    name = create_database()
    url = f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    work = Path(args.work) / name
    servers: list[subprocess.Popen] = []
    try:
        t0 = time.monotonic()
        market = build_market(url, args.bidders)
        say(f"Set-up: {args.bidders} sellers, three bids in financial evaluation, in {time.monotonic() - t0:.0f} s "
            f"(database {name}).")
        ports = [args.port, args.port + 1]
        servers = [start_server(url, work / f"server-{n}", port) for n, port in enumerate(ports)]
        for port in ports:
            for _ in range(300):
                try:
                    connection = Connection(port)
                    status, _ = await connection.request("GET", "/api/v1/health", {})
                    connection.close()
                    if status == 200:
                        break
                except OSError:
                    await asyncio.sleep(0.1)
        users = market["users"]
        sellers = [u for u in users if u.startswith("bench-seller-")]
        tokens: dict[str, str] = {}
        for chunk in range(0, len(sellers), 20):
            names = sellers[chunk:chunk + 20]
            found = await asyncio.gather(*(sign_in(ports[n % 2], u) for n, u in enumerate(names, start=chunk)))
            tokens.update(zip(names, found))
        buyer_token = await sign_in(ports[0], "bench-buyer")

        # The baseline: one bidder alone, nobody following.
        start = datetime.now(timezone.utc) + timedelta(seconds=2)
        baseline = schedule(url, users["bench-buyer"], market["bids"][0], start, 3600)
        await asyncio.sleep(max(0.0, (start - datetime.now(timezone.utc)).total_seconds()) + 0.2)
        alone: list[BidRecord] = []
        connection = Connection(ports[0])
        price = baseline["start_price_paise"]
        for _ in range(args.baseline_bids):
            price -= STEP
            sent = time.time()
            status, _ = await connection.request("POST", f"/api/v1/auctions/{baseline['id']}/bids",
                                                 {"Authorization": f"Bearer {tokens[sellers[0]]}",
                                                  "Idempotency-Key": str(uuid.uuid4())}, {"price_paise": price})
            alone.append(BidRecord(sellers[0], price, sent, time.time(), status))
        connection.close()
        alone_times = [r.answered - r.sent for r in alone if r.status == 201]
        say(f"Baseline (same run): one bidder alone, {len(alone_times)} bids accepted of {len(alone)}: "
            f"p50 {ms(percentile(alone_times, 50))}, p95 {ms(percentile(alone_times, 95))}, "
            f"p99 {ms(percentile(alone_times, 99))}")

        for n, (label, pace) in enumerate((("as fast as they can", 0.0),
                                          (f"paced: each bidder about every {args.pace:g} s", args.pace))):
            if n and not args.pace:
                break
            await auction_round(say, args, url, ports, market, tokens, buyer_token, market["bids"][1 + n], label, pace)
        return lines
    finally:
        for process in servers:
            process.terminate()
        for process in servers:
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                process.kill()
        drop_database(name)


async def auction_round(say, args: argparse.Namespace, url: str, ports: list[int], market: dict[str, Any],
                        tokens: dict[str, str], buyer_token: str, bid_id: str, label: str, pace: float) -> None:
    """One auction from its start to its close under the bidders and the followers, then its
    figures and its ledger checked."""
    from domain.auction import AuctionState, accept
    from domain.timefmt import parse_iso
    from server.db.engine import Database
    from server.db.models import Auction
    from server.services.auctions import rules_of

    users = market["users"]
    sellers = [u for u in users if u.startswith("bench-seller-")]
    start = datetime.now(timezone.utc) + timedelta(seconds=args.lead)
    auction = schedule(url, users["bench-buyer"], bid_id, start, args.seconds)
    # Two in five follow as the buyer's office, the rest as the sellers (their own view).
    who = [("bench-buyer", buyer_token) if n % 5 in (0, 1) else (sellers[n % len(sellers)], tokens[sellers[n % len(sellers)]])
           for n in range(args.followers)]
    mine, theirs = multiprocessing.Pipe()
    watchers = multiprocessing.get_context("spawn").Process(target=followers_process,
                                                            args=(ports, who, auction["id"], theirs), daemon=True)
    watchers.start()
    if not await asyncio.to_thread(mine.poll, args.lead):
        say("warning: the followers were not all connected by the start; use a longer --lead")
    wait = (start - datetime.now(timezone.utc)).total_seconds()
    if wait < 1:
        say(f"warning: the followers took until {wait:.1f} s before the start; use a longer --lead")
    await asyncio.sleep(max(0.0, wait))
    print("Bidding starts.", flush=True)
    shared = Shared(l1=auction["start_price_paise"])
    records: list[BidRecord] = []
    began = time.time()
    stop_at = began + args.seconds + MAX_EXTENSIONS * LENGTH + 10
    await asyncio.gather(*(bidder(ports[n % 2], s, tokens[s], auction["id"], shared,
                                  auction["start_price_paise"] - STEP, records, stop_at, pace)
                           for n, s in enumerate(sellers)))
    bidding = time.time() - began
    # The close: the servers' scheduled step (every 10 s) closes it; the streams end with it.
    answer = await asyncio.to_thread(mine.recv)
    while answer == "connected":
        answer = await asyncio.to_thread(mine.recv)
    followers = [Follower(name, received, done, error) for name, received, done, error in answer]
    watchers.join(30)
    connection = Connection(ports[0])
    for _ in range(300):
        status, body = await connection.request("GET", f"/api/v1/auctions/{auction['id']}",
                                                {"Authorization": f"Bearer {buyer_token}"})
        if json.loads(body)["status"] == "closed":
            break
        await asyncio.sleep(0.2)
    connection.close()

    # The ledger, as the buyer's office reads it.
    connection = Connection(ports[0])
    events: list[dict[str, Any]] = []
    after = 0
    while True:
        status, body = await connection.request("GET", f"/api/v1/auctions/{auction['id']}/events?after={after}",
                                                {"Authorization": f"Bearer {buyer_token}"})
        page = json.loads(body)
        events += page["events"]
        if not page["events"]:
            break
        after = page["last_seq"]
    status, body = await connection.request("GET", f"/api/v1/auctions/{auction['id']}",
                                            {"Authorization": f"Bearer {buyer_token}"})
    final = json.loads(body)
    connection.close()

    accepted = [r for r in records if r.status == 201]
    refused = [r for r in records if r.status == 409]
    other = [r for r in records if r.status not in (201, 409)]
    accept_times = [r.answered - r.sent for r in accepted]
    refuse_times = [r.answered - r.sent for r in refused]
    say()
    say(f"The run, {label}: auction {auction['number']}, {len(sellers)} bidders on 2 server processes, "
        f"{args.followers} followers ({sum(f.name == 'bench-buyer' for f in followers)} as the buyer's office), "
        f"{args.seconds} s scheduled; bidding lasted {bidding:.1f} s ({final['extensions']} extensions).")
    say(f"  bids: {len(records)} answered; {len(accepted)} accepted ({len(accepted) / bidding:.1f}/s), "
        f"{len(refused)} refused ({len(refused) / bidding:.1f}/s), {len(other)} other answers")
    codes: dict[str, int] = {}
    for r in refused:
        codes[r.code] = codes.get(r.code, 0) + 1
    say("  refusals: " + ", ".join(f"{code} {count}" for code, count in sorted(codes.items(), key=lambda x: -x[1])))
    say(f"  time to accept a bid: p50 {ms(percentile(accept_times, 50))}, p95 {ms(percentile(accept_times, 95))}, "
        f"p99 {ms(percentile(accept_times, 99))} (target p95 at most 100 ms: "
        f"{'met' if percentile(accept_times, 95) <= 0.1 else 'NOT met'})")
    say(f"  time to refuse a bid: p50 {ms(percentile(refuse_times, 50))}, p95 {ms(percentile(refuse_times, 95))}")

    by_bid_seq = {e["bid_seq"]: e for e in events if e["kind"] == "accepted"}
    delivery, delivery_server, missing = [], [], 0
    connected = [f for f in followers if not f.error]
    for record in accepted:
        event = by_bid_seq.get(record.seq)
        if event is None:
            continue
        times = [f.received.get(event["seq"]) for f in connected]
        if not times:
            continue
        if any(t is None for t in times):
            missing += 1
            continue
        delivery.append(max(times) - record.answered)
        delivery_server.append(max(times) - parse_iso(event["at"]).timestamp())
    say(f"  delivery to all {len(connected)} followers: p50 {ms(percentile(delivery, 50))}, "
        f"p95 {ms(percentile(delivery, 95))}, p99 {ms(percentile(delivery, 99))} from the acceptance reaching "
        f"the bidder (target p95 at most 500 ms: {'met' if percentile(delivery, 95) <= 0.5 else 'NOT met'}); "
        f"p95 {ms(percentile(delivery_server, 95))} from the server's stamp on the bid")
    if missing or len(connected) < len(followers):
        say(f"  followers: {len(followers) - len(connected)} could not connect "
            f"({', '.join(sorted({f.error for f in followers if f.error}))[:200]}); "
            f"{missing} accepted bids did not reach every follower")

    # The ledger check.
    problems = []
    log_bids = [e for e in events if e["kind"] == "accepted"]
    if [e["bid_seq"] for e in log_bids] != list(range(1, len(log_bids) + 1)):
        problems.append("the log's bid seqs are not 1..n in order")
    acknowledged = sorted(r.seq for r in accepted)
    if acknowledged != sorted(set(acknowledged)):
        problems.append("a seq was acknowledged twice")
    if acknowledged != [e["bid_seq"] for e in log_bids]:
        problems.append(f"acknowledged {len(acknowledged)} bids, the log holds {len(log_bids)}")
    for record in accepted:
        event = by_bid_seq.get(record.seq)
        if event is None or event["price_paise"] != record.price:
            problems.append(f"bid {record.seq} is not in the log at its price")
            break
    db = Database(url)
    with db.reading() as session:
        row = session.get(Auction, auction["id"])
        state = AuctionState(rules=rules_of(row), bidders=frozenset(row.bidders))
        bidder_of = {b.seq: b.bidder for b in row_bids(session, row.id)}
        stored_end, stored_result = row.end_at, row.result
    db.dispose()
    for event in log_bids:
        state, _ = accept(state, bidder_of[event["bid_seq"]], event["price_paise"], parse_iso(event["at"]),
                          event["bid_seq"])
    if stored_result is None or state.l1() is None or stored_result["l1_price_paise"] != state.l1().price_paise:
        problems.append("the result's L1 is not the lowest accepted bid")
    if state.ends_at != stored_end:
        problems.append(f"the end {stored_end} is not the one the bids earned ({state.ends_at})")
    say(f"  ledger: {len(log_bids)} accepted bids in the log, {len(acknowledged)} acknowledged; final L1 "
        f"Rs {state.l1().price_paise / 100:,.2f}; end {stored_end:%H:%M:%S} UTC after {state.extensions} "
        f"extensions: " + ("every check holds" if not problems else "PROBLEMS: " + "; ".join(problems)))


def row_bids(session, auction_id: str):
    from sqlalchemy import select

    from server.db.models import AuctionBid

    return session.scalars(select(AuctionBid).where(AuctionBid.auction_id == auction_id).order_by(AuctionBid.seq))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bidders", type=int, default=200)
    parser.add_argument("--followers", type=int, default=500)
    parser.add_argument("--seconds", type=int, default=30, help="the auction's scheduled length")
    parser.add_argument("--lead", type=int, default=20, help="seconds from scheduling to the start (followers connect)")
    parser.add_argument("--baseline-bids", type=int, default=200)
    parser.add_argument("--pace", type=float, default=10.0,
                        help="then a second auction with each bidder bidding about this often (0: no second)")
    parser.add_argument("--port", type=int, default=18801)
    parser.add_argument("--work", default="/tmp/gemdesk-bench")
    parser.add_argument("--save", action="store_true", help=f"write the output to {RESULTS.relative_to(ROOT)}")
    args = parser.parse_args()
    lines = asyncio.run(run(args))
    if args.save:
        RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

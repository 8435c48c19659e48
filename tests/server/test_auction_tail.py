"""The tail that the streams of one auction in one server process share
(server/services/auction_live.py): one read of the log per wake-up for every stream, each
stream taking what follows its own position, a stream behind the tail told to read the log
itself, and the tail's memory no more than its slowest stream lacks."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from server.services import auction_live


@dataclass
class Row:
    seq: int


class Log:
    """An auction's log that grows when the test says, counting the reads."""

    def __init__(self, rows: int) -> None:
        self.rows, self.reads = rows, 0

    def read(self, _auction_id: str, after: int) -> list[Row]:
        self.reads += 1
        return [Row(seq) for seq in range(after + 1, self.rows + 1)]


def test_every_stream_takes_what_follows_its_position_from_one_read():
    async def scenario() -> None:
        log = Log(3)
        tail = auction_live.tail_for("a-1", 3, log.read, None, reread_seconds=30)
        streams = [tail.join(3) for _ in range(50)]
        assert auction_live.tail_for("a-1", 0, log.read, None, 30) is tail  # one per auction and process
        await asyncio.sleep(0.05)  # the first read, at once on joining
        reads = log.reads
        log.rows = 5
        auction_live.HUB.wake("a-1")  # as a commit on the auction would
        assert await tail.wait(3, timeout=5)
        assert [[r.seq for r in tail.after(s, 3)] for s in streams] == [[4, 5]] * 50
        assert log.reads == reads + 1  # one read, fifty streams
        # Held until every stream has sent them; then nothing is held any more.
        for stream in streams[:-1]:
            assert tail.after(stream, 5) == []
        assert [r.seq for r in tail.rows] == [4, 5]
        assert tail.after(streams[-1], 5) == [] and tail.rows == [] and tail.first == 6
        # A stream resuming from seq 1 is behind the tail: it reads the log itself.
        late = tail.join(1)
        assert tail.after(late, 1) is None
        for stream in [*streams, late]:
            tail.leave(stream)
        await asyncio.sleep(0.05)

    asyncio.run(scenario())


def test_a_wait_without_news_ends_at_its_timeout():
    async def scenario() -> None:
        log = Log(0)
        tail = auction_live.tail_for("a-2", 0, log.read, None, reread_seconds=30)
        stream = tail.join(0)
        assert await tail.wait(0, timeout=0.2) is False
        tail.leave(stream)

    asyncio.run(scenario())


def test_the_tail_reads_again_on_its_own_when_no_wake_up_comes():
    async def scenario() -> None:
        log = Log(0)
        tail = auction_live.tail_for("a-3", 0, log.read, None, reread_seconds=0.1)
        stream = tail.join(0)
        await asyncio.sleep(0.05)
        log.rows = 1  # committed, but its notification was lost
        assert await tail.wait(0, timeout=2)
        assert [r.seq for r in tail.after(stream, 0)] == [1]
        tail.leave(stream)

    asyncio.run(scenario())

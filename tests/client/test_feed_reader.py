"""Reading the feed ahead (app/feed_reader.py): order, a bounded queue, errors and cancel."""

from __future__ import annotations

import threading
import time

import pytest

from app.feed_reader import FeedReader


class Cancelled(Exception):
    pass


def pages(n: int):
    fetched: list[str | None] = []

    def fetch(cursor):
        fetched.append(cursor)
        at = int(cursor or 0)
        return {"changes": [at], "next_cursor": str(at + 1), "has_more": at + 1 < n}

    return fetch, fetched


def test_pages_come_in_order_and_at_most_depth_ahead():
    fetch, fetched = pages(10)
    with FeedReader(fetch, None, depth=2) as reader:
        first = reader.next_page()
        time.sleep(0.5)  # the writer is slow: the reader waits with a full queue
        assert len(fetched) <= 1 + 2 + 1  # the page taken, two queued, one waiting to be put
        got = [first] + [reader.next_page() for _ in range(9)]
    assert [p["changes"] for p in got] == [[n] for n in range(10)]
    assert fetched == [None] + [str(n) for n in range(1, 10)]


def test_an_error_reaches_the_writer_in_its_place():
    def fetch(cursor):
        if cursor == "2":
            raise ConnectionError("the link dropped")
        return {"changes": [], "next_cursor": str(int(cursor or 0) + 1), "has_more": True}

    with FeedReader(fetch, None) as reader:
        reader.next_page(), reader.next_page()
        with pytest.raises(ConnectionError):
            reader.next_page()


def test_cancel_stops_the_wait_at_once_even_with_a_request_in_flight():
    release = threading.Event()
    cancel = threading.Event()

    def fetch(cursor):
        release.wait(10)  # a slow server
        return {"changes": [], "next_cursor": "x", "has_more": True}

    reader = FeedReader(fetch, None, cancel=cancel, cancelled=Cancelled)
    threading.Timer(0.2, cancel.set).start()
    started = time.monotonic()
    with pytest.raises(Cancelled):
        reader.next_page()
    assert time.monotonic() - started < 1.5
    reader.close()
    release.set()

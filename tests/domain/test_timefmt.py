"""Times: stored in UTC, sent as ISO 8601 with Z, shown in IST."""

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.timefmt import IST, as_utc, iso_utc, ist_text, parse_iso, utc_now


def test_ist_is_five_and_a_half_hours_ahead():
    moment = datetime(2026, 11, 24, 8, 35, tzinfo=timezone.utc)
    assert ist_text(moment) == "24 Nov 2026, 14:05 IST"
    assert ist_text(moment, with_seconds=True) == "24 Nov 2026, 14:05:00 IST"


def test_ist_crosses_midnight():
    assert ist_text(datetime(2026, 3, 31, 18, 30, tzinfo=timezone.utc)) == "01 Apr 2026, 00:00 IST"


def test_naive_times_are_utc():
    assert ist_text(datetime(2026, 11, 24, 20, 0)) == "25 Nov 2026, 01:30 IST"
    assert as_utc(datetime(2026, 1, 1)) == datetime(2026, 1, 1, tzinfo=timezone.utc)


def test_other_zones_are_converted():
    moment = datetime(2026, 11, 24, 14, 5, tzinfo=IST)
    assert as_utc(moment) == datetime(2026, 11, 24, 8, 35, tzinfo=timezone.utc)
    assert iso_utc(moment) == "2026-11-24T08:35:00.000000Z"


def test_utc_now_is_aware():
    assert utc_now().utcoffset() == timedelta(0)


@pytest.mark.parametrize("text", ["2026-11-24T08:35:00Z", "2026-11-24T14:05:00+05:30", "2026-11-24T08:35:00"])
def test_parse_iso(text):
    assert parse_iso(text) == datetime(2026, 11, 24, 8, 35, tzinfo=timezone.utc)


@given(st.datetimes(min_value=datetime(1971, 1, 1), max_value=datetime(2999, 12, 31), timezones=st.just(timezone.utc)))
def test_iso_round_trip(moment):
    text = iso_utc(moment)
    assert text.endswith("Z")
    assert parse_iso(text) == moment

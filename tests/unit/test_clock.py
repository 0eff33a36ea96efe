from __future__ import annotations

import datetime as dt

from core.clock import SITE_ZONE, SimulatedClock, service_day, time_source, utc_now


def test_a_time_source_sets_the_time_for_everything_and_is_put_back_after() -> None:
    clock = SimulatedClock(dt.datetime(2026, 12, 2, 7, 30, tzinfo=SITE_ZONE))
    with time_source(clock.now):
        assert utc_now() == dt.datetime(2026, 12, 2, 4, 30, tzinfo=dt.UTC)
        clock.advance(15 * 60)
        assert service_day(utc_now()) == "2026-12-02" and utc_now().astimezone(SITE_ZONE).hour == 7
    assert abs((utc_now() - dt.datetime.now(dt.UTC)).total_seconds()) < 5


def test_a_simulated_clock_never_goes_back() -> None:
    clock = SimulatedClock(dt.datetime(2026, 12, 2, 9, 0, tzinfo=SITE_ZONE))
    clock.set(dt.datetime(2026, 12, 2, 8, 0, tzinfo=SITE_ZONE))
    assert clock.now() == dt.datetime(2026, 12, 2, 9, 0, tzinfo=SITE_ZONE)

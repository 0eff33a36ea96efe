"""Time: the committee's local day, and the hybrid logical clock that orders ops.

The service day is the calendar date in Asia/Qatar (UTC+3, no daylight saving): the
queue numbers restart and the clinic PINs change at local midnight there.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from zoneinfo import ZoneInfo

SITE_ZONE = ZoneInfo("Asia/Qatar")
MAX_DRIFT_MS = 60_000
"""A stamp further ahead of a store's own clock than this is taken as this far ahead."""
MAX_AHEAD_MS = 300_000
"""How far ahead of the server's clock an op's time may be; beyond it the op is refused."""


def _system_time() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass
class _TimeSource:
    now: Callable[[], dt.datetime] = _system_time


_CURRENT = _TimeSource()


def utc_now() -> dt.datetime:
    """The time every service, device and the server go by (the system's, except inside
    `time_source`)."""
    return _CURRENT.now()


@contextlib.contextmanager
def time_source(source: Callable[[], dt.datetime]) -> Iterator[None]:
    """Make `utc_now` answer from `source` for this whole process while the block runs: the
    headless demo runs its devices and its server on one simulated clinic day this way."""
    previous, _CURRENT.now = _CURRENT.now, source
    try:
        yield
    finally:
        _CURRENT.now = previous


class DeviceClock:
    """A device's clock corrected by the server's: the machine's time plus the offset the
    last sync measured (kept in the store, so a restart offline goes on correcting). One
    wrong machine clock then stamps, dates and ages nothing wrongly once it has synced."""

    ADJUST_AFTER_MS = 1_000
    """Offsets closer than this to the current one are network noise, not a clock change."""

    def __init__(self, offset_ms: int = 0, system: Callable[[], dt.datetime] = _system_time) -> None:
        self.offset_ms = offset_ms
        self.system = system

    def now(self) -> dt.datetime:
        return self.system() + dt.timedelta(milliseconds=self.offset_ms)

    def adjust(self, offset_ms: int) -> bool:
        """Take a newly measured offset (server time minus machine time); answers whether
        it changed the clock."""
        if abs(offset_ms - self.offset_ms) < self.ADJUST_AFTER_MS:
            return False
        self.offset_ms = offset_ms
        return True


def install_device_clock(clock: DeviceClock) -> None:
    """Make `utc_now` answer from `clock` for the rest of this (device) process."""
    _CURRENT.now = clock.now


class SimulatedClock:
    """A clock that stands still until it is set or advanced."""

    def __init__(self, start: dt.datetime) -> None:
        self.at = start.astimezone(dt.UTC)

    def now(self) -> dt.datetime:
        return self.at

    def set(self, at: dt.datetime) -> None:
        self.at = max(self.at, at.astimezone(dt.UTC))

    def advance(self, seconds: float) -> None:
        self.at += dt.timedelta(seconds=seconds)


QUARTER_HOUR_S = 900
"""Time zones change their offset, and closing hours fall, on quarter hours: every moment
of one quarter hour has the same local date and service day (so they are computed once)."""


def service_day(at: dt.datetime) -> str:
    """The calendar date of `at` in the committee's time zone."""
    return open_day(at, "00:00")


def open_day(at: dt.datetime, closes_at: str) -> str:
    """The service day going on at `at` when days close at `closes_at` ("HH:MM", local
    time): until that hour of the night, it is still the day before. A patient waiting
    at midnight stays in that day's queue."""
    return _open_day_of_quarter(int(at.timestamp()) // QUARTER_HOUR_S, closes_at)


@functools.lru_cache(maxsize=4096)
def _open_day_of_quarter(quarter: int, closes_at: str) -> str:
    hours, minutes = (int(part) for part in closes_at.split(":"))
    local = dt.datetime.fromtimestamp(quarter * QUARTER_HOUR_S, SITE_ZONE)
    return (local - dt.timedelta(hours=hours, minutes=minutes)).date().isoformat()


def to_iso(at: dt.datetime) -> str:
    return at.astimezone(dt.UTC).isoformat(timespec="milliseconds")


def from_iso(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


@dataclass(frozen=True, order=True)
class HlcStamp:
    """A hybrid logical clock stamp: wall milliseconds, a counter, and the device."""

    wall_ms: int
    counter: int
    device: str

    def encode(self) -> str:
        """Fixed-width text whose string order is the stamp order."""
        return f"{self.wall_ms:013d}.{self.counter:05d}.{self.device}"

    @property
    def wall_time(self) -> dt.datetime:
        """When the op was made, as the device's (server-corrected) clock said."""
        return dt.datetime.fromtimestamp(self.wall_ms / 1000, dt.UTC)

    @classmethod
    def decode(cls, text: str) -> HlcStamp:
        wall, counter, device = text.split(".", 2)
        return cls(int(wall), int(counter), device)


class HybridLogicalClock:
    """Kulkarni et al.'s HLC: never goes backwards, tracks wall time, absorbs remote stamps."""

    def __init__(self, device: str, last: HlcStamp | None = None) -> None:
        self.device = device
        self._wall = last.wall_ms if last else 0
        self._counter = last.counter if last else 0

    def now(self, at: dt.datetime) -> HlcStamp:
        wall = int(at.timestamp() * 1000)
        if wall > self._wall:
            self._wall, self._counter = wall, 0
        else:
            self._counter += 1
        return HlcStamp(self._wall, self._counter, self.device)

    def observe(self, remote: HlcStamp, at: dt.datetime) -> None:
        """Move past a remote stamp, taking one more than MAX_DRIFT_MS ahead of `at` as only
        that far ahead: every store clamps (the server and each device), so one wrong clock
        cannot drag the others along, directly or through the server."""
        wall = int(at.timestamp() * 1000)
        if remote.wall_ms > wall + MAX_DRIFT_MS:
            remote = HlcStamp(wall + MAX_DRIFT_MS, remote.counter, remote.device)
        top = max(wall, self._wall, remote.wall_ms)
        if top == self._wall == remote.wall_ms:
            self._counter = max(self._counter, remote.counter) + 1
        elif top == self._wall:
            self._counter += 1
        elif top == remote.wall_ms:
            self._counter = remote.counter + 1
        else:
            self._counter = 0
        self._wall = top

    @property
    def last(self) -> HlcStamp:
        return HlcStamp(self._wall, self._counter, self.device)

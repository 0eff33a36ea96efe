"""Time: the committee's local day, and the hybrid logical clock that orders ops.

The service day is the calendar date in Asia/Qatar (UTC+3, no daylight saving): the
queue numbers restart and the clinic PINs change at local midnight there.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from zoneinfo import ZoneInfo

SITE_ZONE = ZoneInfo("Asia/Qatar")
MAX_DRIFT_MS = 60_000


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


def service_day(at: dt.datetime) -> str:
    """The ISO date of `at` in the committee's time zone."""
    return at.astimezone(SITE_ZONE).date().isoformat()


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

    def observe(self, remote: HlcStamp, at: dt.datetime, *, clamp: bool = False) -> None:
        """Move past a remote stamp. The acceptance point clamps (`clamp`) a stamp from a
        device clock running more than MAX_DRIFT_MS ahead, so one wrong device clock cannot
        drag the site's clocks along; devices take the acceptance point's stamps as they are."""
        wall = int(at.timestamp() * 1000)
        if clamp and remote.wall_ms > wall + MAX_DRIFT_MS:
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
